"""List what lies outside labelled spans and might be personal (set relay6).

Usage: python3 reread.py [first_piece [last_piece]]   (piece numbers, e.g. 26 50)
Reads all.jsonl (run build.py first). For each piece prints, outside spans:
  D  digit runs in any script (with their separators)
  @  at-signs, URLs, 'dot com' style spelled addresses
  W  runs of 3+ spelled-out number words (several languages)
  C  capitalised words not in the stop list (stoplist.txt + built-in)
  S  non-Latin words next to a kin word / honorific (possible unlabelled names)
"""
import json
import re
import sys

NUM_WORDS = set("""zero oh o nought one two three four five six seven eight nine ten double triple
tasi lua tolu fa fā lima ono fitu valu iva sefulu noa taha ua nima hiva
tahi rua toru whā wha rima whitu waru iwa kore
isa dalawa tatlo apat anim pito walo siyam
ek do teen tin char chaar paanch panch chhe che saat aath nau shunya sifar
cero uno dos tres cuatro cinco seis siete ocho nueve
um dois três quatro sete oito nove
nol satu dua tiga empat enam tujuh delapan sembilan kosong
không một hai ba bốn năm sáu bảy tám chín
ноль один два три четыре пять шесть семь восемь девять""".split())

BUILTIN_STOP = set("""I A The This That These Those He She It We They You My Our Your His Her Their
Mr Mrs Ms Miss Dr Sir Madam Boss Aunty Auntie Uncle Kuya Ate Pastor Father Fr Sister Brother
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Dunedin
Hi Hello Dear Kia Ora Thanks Thank Regards Kind Cheers Please Sorry Yes No Ok OK Okay
And But Or So If When Where What Who Why How Also Then Now Today Yesterday Tomorrow
Q A RE Re Fwd Subject From To Sent Date Caller Call Notes Note Voicemail Transcript
""".split())


def load_stop():
    s = set(BUILTIN_STOP)
    try:
        for line in open("stoplist.txt", encoding="utf-8"):
            line = line.split("#", 1)[0]
            s.update(line.split())
    except FileNotFoundError:
        pass
    return s


KIN = r"(?:Mr|Mrs|Ms|Miss|Aunty|Auntie|Uncle|Kuya|Ate|Tita|Tito|Pastor|Sister|Brother|Bro|Sis|bhai|ji|didi|bhaiya|anh|chị|em|cô|chú|Pak|Bu|Mas|Mbak|Ibu|Bapak|Tuan|Señor|Sra|Sr|Dona|Seu|Faletua|Tamā|Rev|Fr|Sione|Lady)"


def mask(text, spans):
    """Replace every byte inside a span with '_' (keeps byte offsets, stays valid UTF-8)."""
    b = bytearray(text.encode("utf-8"))
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            b[i] = 0x5F
    return b.decode("utf-8")


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    stop = load_stop()
    for line in open("all.jsonl", encoding="utf-8"):
        o = json.loads(line)
        n = int(o["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = mask(o["text"], o["spans"] + o["neutral"])
        found = []
        for m in re.finditer(r"[^\W_]*\d[\d\s\-./:,+()]*\d|\d", t):
            tok = m.group(0).strip()
            if len(re.sub(r"\D", "", tok)) >= 3 or not tok.isascii():
                found.append("D:" + tok)
        for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org|co)\b\S*|\bdot com\b|\bat gmail\b", t, re.I):
            found.append("@:" + m.group(0))
        words = re.findall(r"\w+", t.lower())
        run = []
        for w in words + ["."]:
            if w in NUM_WORDS:
                run.append(w)
            else:
                if len(run) >= 3:
                    found.append("W:" + " ".join(run))
                run = []
        for m in re.finditer(r"(?<![\w'’])([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*)", t):
            w = m.group(1)
            if not w[0].isupper():
                continue
            if w in stop or w.rstrip("'’s") in stop or w.upper() == w and len(w) <= 3:
                continue
            found.append("C:" + w)
        for m in re.finditer(r"\b" + KIN + r"\s+([^\sA-Za-z\d_][^\s,.;:!?]*)", t):
            found.append("S:" + m.group(0))
        if found:
            seen = []
            for f in found:
                if f not in seen:
                    seen.append(f)
            print(f"{o['id']}: " + " | ".join(seen))


if __name__ == "__main__":
    main()
