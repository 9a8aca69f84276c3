"""List what lies outside labelled spans in all.jsonl that might be personal.
Usage: python3 reread.py [first_id_number [last_id_number]]
Prints, per piece: digit runs (any script), '@', URLs/links, spelled-out number runs,
and capitalised words not in the stop list (stoplist.txt + built-in)."""
import json
import re
import sys
import unicodedata

NUMW = set("zero oh o one two three four five six seven eight nine double triple "
           "tahi rua toru wha rima ono whitu waru iwa kore "
           "isa lua tolu fa lima ono fitu valu iva "
           "uno dos tres cuatro cinco seis siete ocho nueve cero "
           "ek do teen char paanch chhe saat aath nau".split())

BUILTIN = set("""I I'm I've I'd I'll A An The This That These Those He She It We They You My Our Your His Her Their
Hi Hello Dear Kia Ora Talofa Malo Bula Namaste Please Thanks Thank Sorry Yes No Ok OK Okay Also And But So Or If When
Then There Here What Where Who Why How Is Are Was Were Be Do Did Does Not Can Could Would Should Will Just Now Today
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec NZ New Zealand Aotearoa Auckland Hastings
Napier Blenheim Nelson Tauranga Hamilton Christchurch Wellington Re Subject From To Sent Date Name Phone Address
Email Note Notes Caller Message Report""".split())


def load_stop():
    s = set(BUILTIN)
    try:
        with open("stoplist.txt", encoding="utf-8") as f:
            for line in f:
                for w in line.split():
                    s.add(w)
    except FileNotFoundError:
        pass
    return s


def main():
    stop = load_stop()
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    caps_all = {}
    for line in open("all.jsonl", encoding="utf-8"):
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        b = bytearray(r["text"].encode("utf-8"))
        for s in r["spans"] + r["neutral"]:
            for i in range(s["start"], s["end"]):
                b[i] = 0x20 if b[i] < 0x80 or True else b[i]
        # blank spans out byte-wise keeps utf-8 valid (all spaces)
        out = b.decode("utf-8", errors="replace")
        finds = []
        for m in re.finditer(r"[^\W_]*\d[\d\s\-–./]*", out):
            if any(unicodedata.category(c) == "Nd" for c in m.group()):
                finds.append("NUM:" + m.group().strip())
        for m in re.finditer(r"\S*@\S*", out):
            finds.append("AT:" + m.group())
        for m in re.finditer(r"(https?://\S+|www\.\S+|\S+\.(com|nz|net|org|gl|me|ly)\S*)", out, re.I):
            finds.append("URL:" + m.group())
        words = re.findall(r"[A-Za-z]+", out)
        run = []
        for w in words + ["."]:
            if w.lower() in NUMW:
                run.append(w)
            else:
                if len(run) >= 4:
                    finds.append("WORDNUM:" + " ".join(run))
                run = []
        caps = []
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪ][\w'’-]*", out):
            w = m.group().rstrip("'’")
            if w not in stop and w.split("'")[0] not in stop:
                caps.append(w)
                caps_all[w] = caps_all.get(w, 0) + 1
        if finds or caps:
            print(f"{r['id']}: " + " | ".join(finds))
            if caps:
                print("    caps: " + " ".join(caps))
    print("\n== capitalised words outside spans, not in stop list, by count ==")
    print(" ".join(f"{w}({c})" for w, c in sorted(caps_all.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
