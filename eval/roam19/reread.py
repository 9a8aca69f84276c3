"""List what lies outside labelled spans and might still be personal.
Run after build.py:  python3 reread.py [id-prefix-or-number ...]
Reports per piece: digit runs (any script), '@', URLs/domains, spelled-out number runs,
words that are labelled NAME somewhere else in the set but not here, words next to kin words and
honorifics, and capitalised words not in the stop list (stoplist.txt + built-in).
"""
import json
import re
import sys

NUMWORDS = set("""zero oh one two three four five six seven eight nine ten eleven twelve double triple
ek do teen tin char chaar panch paanch chhe chhah che saat sat aath ath nau no das shunya sunna sifar
ik tinn chaar punj chhe satt athh nau
ek dui tin char pach chha sat aath nau sunya shunno
onru irandu moonu naalu anju aaru ezhu ettu onbadhu poojyam
eka deka thuna hatara paha haya hata ata namaya binduwa
isa dalawa tatlo apat lima anim pito walo siyam wala
usa duha tulo upat unom pito walo siyam
tasi lua tolu fa lima ono fitu valu iva sefulu selo
taha ua tolu fa nima ono fitu valu hiva noa
dua rua tolu va lima ono vitu walu ciwa saiva
wan tu tri foa faev sikis seven eit naen sero
khong mot hai ba bon nam sau bay tam chin
nol satu dua tiga empat lima enam tujuh delapan sembilan kosong
soon nueng song sam see ha hok jet paet gao
sone muoy pi bei buon pram prammuoy
ling yi er san si wu liu qi ba jiu yao
sifr wahed itnen tlateh arba3a khamseh setteh sab3a tmanyeh tes3a
cero uno dos tres cuatro cinco seis siete ocho nueve
um dois tres quatro cinco seis sete oito nove""".split())
NUMWORDS -= {"no", "sat", "do", "ba", "hai", "fa", "ono", "one", "oh", "la", "tin", "che", "sone", "ik", "ek",
              "pi", "si", "ta", "lima", "pito", "dua", "wan"}

KIN = set("""bhai bhaiya bhaji veer paaji ji sahib sardar didi behen bhabhi chacha mama mami masi maasi
bahini dada babu apa apu bhaiya anna akka thambi thangachi amma appa aiya akka nangi malli
kuya ate manang manong tito tita lola lolo nanay tatay ma'am sir boss mr mrs ms miss madam
tuakana teina whaea matua aunty uncle tasi tama'ita'i afioga susuga tavana faletua
pak bapak ibu bu mas mbak anh chi co chu bac ong khun pi nong bong lok neak lao ge jie xiansheng
laoban abu umm hajji sheikh ustad don dona seu senhor senhora sr sra tio tia papa mata ratu adi""".split())

CAPS_OK = set()


def load_stop():
    s = set()
    try:
        with open("stoplist.txt", encoding="utf-8") as f:
            for line in f:
                for w in line.split():
                    s.add(w.lower())
    except FileNotFoundError:
        pass
    return s


def main():
    stop = load_stop()
    rows = [json.loads(l) for l in open("all.jsonl", encoding="utf-8")]
    want = sys.argv[1:]
    # names labelled anywhere
    names = set()
    for r in rows:
        b = r["text"].encode()
        for s in r["spans"]:
            if s["kind"] == "NAME":
                for w in re.findall(r"[\w'’-]+", b[s["start"]:s["end"]].decode()):
                    if len(w) > 2:
                        names.add(w.lower())
    total = 0
    for r in rows:
        if want and not any(r["id"].endswith(w.zfill(4)) or r["id"] == w for w in want):
            continue
        b = bytearray(r["text"].encode())
        for s in r["spans"] + r["neutral"]:
            for i in range(s["start"], s["end"]):
                if b[i] < 0x80:
                    b[i] = 0x20
                elif b[i] >= 0xC0:
                    b[i] = 0x20
                else:
                    b[i] = 0x20
        rest = b.decode(errors="replace")
        found = []
        for m in re.finditer(r"\d[\d\s\-./]*\d|\d", rest):
            if len(re.sub(r"\D", "", m.group())) >= 2:
                found.append(f"digits:{m.group()!r}")
        if "@" in rest:
            found.append("@:" + repr(rest[max(0, rest.index("@") - 15):rest.index("@") + 15]))
        for m in re.finditer(r"(https?://\S+|www\.\S+|\b[\w.-]+\.(com|nz|au|net|org|ph|in|np|vn|id|me|co)\b\S*)", rest, re.I):
            found.append(f"url:{m.group()}")
        toks = re.findall(r"[\w'’]+", rest.lower())
        run = []
        for t in toks + ["."]:
            if t in NUMWORDS:
                run.append(t)
            else:
                if len(run) >= 3:
                    found.append("numwords:" + " ".join(run))
                run = []
        for m in re.finditer(r"[\w'’-]+", rest):
            w = m.group().lower()
            if w in names and w not in stop:
                found.append(f"NAME-elsewhere:{m.group()}")
        words = re.findall(r"[\w'’-]+", rest)
        for i, w in enumerate(words):
            if w.lower() in KIN:
                nb = [x for x in words[max(0, i - 1):i] + words[i + 1:i + 2] if x.lower() not in stop and x.lower() not in KIN]
                if nb:
                    found.append(f"kin:{w}~{'/'.join(nb)}")
        caps = []
        for m in re.finditer(r"(?<![\w'’])([A-Z][\w'’-]+)", rest):
            w = m.group(1)
            if w.lower() not in stop and w.lower() not in KIN and w.lower() not in NUMWORDS:
                caps.append(w)
        if caps:
            found.append("caps:" + " ".join(dict.fromkeys(caps)))
        if found:
            total += 1
            print(f"== {r['id']}")
            for x in found:
                print("   ", x)
    print(f"{total} pieces with something to look at")


if __name__ == "__main__":
    main()
