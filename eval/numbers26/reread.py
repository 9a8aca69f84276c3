"""List what lies outside spans that might be personal, to catch unlabelled details.

Usage: python3 reread.py [FROM [TO]] [-s]
  FROM/TO  piece numbers (inclusive) to look at; default all
  -s       also list non-Latin-script words (names in their own script have no capitals)

Reads all.jsonl (run build.py first).  For each piece prints:
  D  digit runs in any script (incl. CJK numerals, full-width) outside spans
  @  at-signs / URLs / domain-like strings outside spans
  W  runs of 3+ spelled-out number words (several languages) outside spans
  C  capitalised words outside spans that are not in the stop list (reread_stop.txt)
  S  (with -s) non-Latin-script words outside spans
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
STOP = set()
sp = HERE / "reread_stop.txt"
if sp.exists():
    for ln in sp.read_text(encoding="utf-8").split("\n"):
        if not ln.startswith("#"):
            STOP.update(w.strip() for w in ln.split())

NUMWORDS = set("""oh zero nought one two three four five six seven eight nine ten double triple
tasi lua tolu fa lima ono fitu valu iva selo noa taha ua nima hiva
cero uno dos tres cuatro cinco seis siete ocho nueve
isa dalawa tatlo apat anim pito walo siyam sero
nol satu dua tiga empat enam tujuh delapan sembilan kosong
không một hai ba bốn năm sáu bảy tám chín
ek do teen char paanch chhe saat aath nau shunya
um dois três quatro cinco seis sete oito nove zero
dua rua va vitu walu ciwa saiva
शून्य एक दो तीन चार पाँच पांच छह सात आठ नौ
kore tahi toru whā wha rima whitu waru iwa
soon hneung song sam see ha hok jet paet gao""".split())

CJK_NUM = "零〇一二三四五六七八九幺"
# letters plus combining marks (Indic, Thai and Khmer vowel signs would otherwise split words)
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036F\u0900-\u0DFF\u0E31-\u0E4E\u0EB1-\u0ECD\u1000-\u109F\u1780-\u17FF\u0610-\u061A\u064B-\u065F])+")


def is_digitish(ch):
    return unicodedata.category(ch) == "Nd" or ch in CJK_NUM


def blank_spans(text, rec):
    b = text.encode("utf-8")
    out = bytearray()
    covered = [False] * len(b)
    for s in rec["spans"] + rec["neutral"]:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    i = 0
    while i < len(b):
        if covered[i]:
            out += b"\x00"
            i += 1
            while i < len(b) and (b[i] & 0xC0) == 0x80:
                i += 1
        else:
            out.append(b[i])
            i += 1
    return out.decode("utf-8").replace("\x00", "\u2591")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    show_script = "-s" in sys.argv
    lo = int(args[0]) if args else 1
    hi = int(args[1]) if len(args) > 1 else 10**6
    for ln in open(HERE / "all.jsonl", encoding="utf-8"):
        rec = json.loads(ln)
        n = int(rec["id"].split("-")[1])
        if not (lo <= n <= hi):
            continue
        t = blank_spans(rec["text"], rec)
        found = []
        for m in re.finditer(r"[\d" + CJK_NUM + r"]+(?:[\s.,:\-/]?[\d" + CJK_NUM + r"]+)*", t):
            if not all(is_digitish(c) or c in " .,:-/\t\n" for c in m.group()):
                continue
            if sum(is_digitish(c) for c in m.group()) >= 1:
                a, b = max(0, m.start() - 12), min(len(t), m.end() + 6)
                found.append("D " + repr(t[a:b]))
        # also full-width / other-script digits inside words
        for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\b\S+\.(?:com|nz|net|org|co)\b\S*", t):
            found.append("@ " + repr(m.group()))
        toks = list(re.finditer(WORD, t))
        run = []
        for m in toks + [None]:
            if m is not None and m.group().lower() in NUMWORDS:
                run.append(m)
                continue
            if len(run) >= 3:
                found.append("W " + repr(t[run[0].start():run[-1].end()]))
            run = []
        caps = []
        for m in toks:
            w = m.group()
            if w[0].isupper() and w not in STOP and w.lower() not in STOP:
                caps.append(w)
        if caps:
            found.append("C " + " ".join(dict.fromkeys(caps)))
        if show_script:
            ns = [m.group() for m in toks if not re.match(r"[A-Za-zÀ-ɏḀ-ỿ]", m.group())]
            if ns:
                found.append("S " + " ".join(dict.fromkeys(ns)))
        if found:
            print(f"== {rec['id']}")
            for f in found:
                print("   " + f)


if __name__ == "__main__":
    main()
