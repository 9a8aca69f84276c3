"""List things outside spans that might be personal, so unlabelled details can be caught.
Usage: python3 reread.py [first_piece_number [last_piece_number]]"""
import json
import re
import sys
import unicodedata

NUMWORDS = set("""zero oh o one two three four five six seven eight nine double triple ten
kore tahi rua toru whā wha rima ono whitu waru iwa
tasi lua tolu fa lima fitu valu iva selo
taha ua tolu nima fitu valu hiva noa
dua va
uno dos tres cuatro cinco seis siete ocho nueve cero
um três quatro sete oito nove
isa dalawa tatlo apat lima anim pito walo siyam
ek do teen char paanch panch chhe chhah saat aath nau shunya sunna
satu empat enam tujuh delapan sembilan nol kosong
không một hai ba bốn năm sáu bảy tám chín""".split())

STOP = set("""I I'm I've I'll I'd Im A An The This That These Those It Its He She We They You My Your Our Their His Her
Hi Hello Hey Dear Kia Ora Talofa Malo Bula Namaste Sat Sri Akal Please Thanks Thank Sorry Yes No Ok OK Okay
And But So Or If When Where What Who Why How Because Also Then Now Not Just Can Could Would Should Will Is Are Was Were Do Does Did Have Has Had
Mon Monday Tue Tuesday Wed Wednesday Thu Thursday Fri Friday Sat Saturday Sun Sunday
January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin Invercargill
Police Immigration INZ MBIE Labour Inspectorate Crimestoppers WINZ IRD RSE Visa Work Employment Passport Bank
Mr Mrs Ms Miss Dr Sir Madam Boss Aunty Uncle Bro Sis Mum Dad Nana
Street St Road Rd Ave Avenue Drive Dr Place Pl Lane Crescent Cres Flat Unit Apt Level RD PO Box
Whānau Whanau Tēnā Tena Koe Koutou Aroha Mai Ngā Nga Mihi Kai Mahi Kainga Wharenui Marae Pākehā Pakeha Māori Maori Te Reo
Samoan Tongan Fijian Indian Chinese Filipino Vietnamese Thai Nepali Indonesian Korean Malaysian Punjabi Kiwi Kiwis
""".split())


def outside(text, spans):
    mask = [True] * len(text)
    for s in spans:
        for i in range(s[0], s[1]):
            mask[i] = False
    return "".join(c if m else "\x00" for c, m in zip(text, mask))


def char_spans(text, items):
    b = text.encode("utf-8")
    out = []
    for s in items:
        cs = len(b[:s["start"]].decode("utf-8"))
        ce = len(b[:s["end"]].decode("utf-8"))
        out.append((cs, ce, s.get("kind"), s.get("role")))
    return out


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
    for line in open("all.jsonl", encoding="utf-8"):
        p = json.loads(line)
        n = int(p["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = p["text"]
        sp = char_spans(t, p["spans"])
        ne = char_spans(t, p["neutral"])
        o = outside(t, sp + ne)
        found = []
        # digit runs in any script (allow separators)
        for m in re.finditer(r"\d[\d\s\-./]*\d|\d", o):
            d = "".join(c for c in m.group() if c.isdigit())
            if len(d) >= 3 or any(not c.isascii() for c in d):
                found.append("DIG:" + m.group())
        if "@" in o:
            for m in re.finditer(r"\S*@\S*", o):
                found.append("AT:" + m.group())
        for m in re.finditer(r"(https?://|www\.)\S+|\b[\w.-]+\.(com|co\.nz|nz|net|org|io|me|ph|in|cn)\b\S*", o, re.I):
            found.append("URL:" + m.group())
        # spelled-out number runs
        toks = re.findall(r"[^\W\d_]+", o.lower())
        run = []
        for tk in toks + ["_"]:
            if tk in NUMWORDS:
                run.append(tk)
            else:
                if len(run) >= 4:
                    found.append("WORDS:" + " ".join(run))
                run = []
        # capitalised words not in stop list
        caps = []
        for m in re.finditer(r"[^\W\d_][\w'’.-]*", o):
            w = m.group().rstrip(".'’-")
            if w and w[0].isupper() and w not in STOP and w.lower() not in STOP and len(w) > 1:
                caps.append(w)
        # span texts repeated outside spans
        for s in sp:
            st = t[s[0]:s[1]]
            if len(st) >= 3:
                for m in re.finditer(re.escape(st), o):
                    a, b = m.start(), m.end()
                    if (a == 0 or not o[a - 1].isalnum()) and (b == len(o) or not o[b].isalnum()):
                        found.append(f"REPEAT:{st}")
        # scripts present (for manual reread of non-Latin names)
        scripts = set()
        for c in o:
            if ord(c) > 0x24F and c.isalpha():
                try:
                    scripts.add(unicodedata.name(c).split()[0])
                except ValueError:
                    pass
        print(f"== {p['id']} spans={len(sp)} neutral={len(ne)}")
        if found:
            print("   " + " | ".join(found))
        if caps:
            print("   CAPS: " + ", ".join(dict.fromkeys(caps)))
        if scripts:
            print("   SCRIPTS: " + ", ".join(sorted(scripts)))


if __name__ == "__main__":
    main()
