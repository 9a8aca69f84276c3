"""List what lies OUTSIDE labelled spans that might still be personal, piece by piece.

  python3 reread.py            all pieces
  python3 reread.py 26 50      pieces 26..50 only
  python3 reread.py -s ...     also list non-Latin-script words (Arabic, Ethiopic, ...) outside spans

Shows: digit runs in any script, '@', URL-ish text, runs of spelled-out numbers,
capitalised words (Latin/Cyrillic/Greek) not in stop.txt.  Span texts are blanked first.
"""
import json
import re
import sys
import unicodedata

args = [a for a in sys.argv[1:] if not a.startswith("-")]
lo, hi = (int(args[0]), int(args[1])) if len(args) == 2 else (1, 10 ** 6)
SCRIPTS = "-s" in sys.argv

try:
    STOP = {w.strip().lower() for w in open("stop.txt", encoding="utf-8") if w.strip() and not w.startswith("#")}
except FileNotFoundError:
    STOP = set()

NUMWORDS = set("""zero oh one two three four five six seven eight nine double triple
cero uno dos tres cuatro cinco seis siete ocho nueve um dois três quatro sete oito nove
ноль один два три четыре пять шесть семь восемь девять нуль одна дві чотири шість сім вісім дев'ять
sifuri moja mbili tatu nne tano sita saba nane tisa zero unu doi trei patru cinci şase șase opt nouă
صفر واحد اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة یک دو سه چهار پنج شش هفت هشت نه""".split())

for line in open("all.jsonl", encoding="utf-8"):
    p = json.loads(line)
    n = int(p["id"].split("-")[1])
    if not (lo <= n <= hi):
        continue
    b = bytearray(p["text"].encode("utf-8"))
    for s in p["spans"] + p["neutral"]:
        seg = b[s["start"]:s["end"]].decode("utf-8")
        rep = ("⟦" + s["kind"][:2].lower() + "⟧").encode("utf-8")
        b[s["start"]:s["end"]] = b"\x00" * (s["end"] - s["start"])
        b[s["start"]:s["start"] + min(len(rep), s["end"] - s["start"])] = rep[:s["end"] - s["start"]]
    t = b.decode("utf-8", errors="replace").replace("\x00", "")
    found = []
    for m in re.finditer(r"\d[\d\s.\-/:,]*\d|\d", t):
        found.append("#" + m.group(0).strip())
    for m in re.finditer(r"\S*@\S*", t):
        found.append("@" + m.group(0))
    for m in re.finditer(r"(https?://\S+|www\.\S+|\S+\.(com|nz|org|net|ru|ua|br|mx|co|ir|pk|ke|ng)\b\S*)", t):
        found.append("URL " + m.group(0))
    words = re.findall(r"[\w'’]+", t.lower())
    run = []
    for w in words + [""]:
        if w in NUMWORDS:
            run.append(w)
        else:
            if len(run) >= 3:
                found.append("SPELLED " + " ".join(run))
            run = []
    caps = []
    for w in re.findall(r"[^\W\d_][\w'’\-]*", t):
        c = w[0]
        if unicodedata.category(c) == "Lu" and w.lower() not in STOP and w.lower().strip("'’") not in STOP:
            caps.append(w)
        elif SCRIPTS and not ("LATIN" in unicodedata.name(c, "") or "CYRILLIC" in unicodedata.name(c, "")):
            caps.append(w)
    if caps:
        seen = []
        for w in caps:
            if w not in seen:
                seen.append(w)
        found.append("CAP " + " ".join(seen))
    if found:
        print(f"{p['id']} [{len(p['spans'])} spans]: " + " | ".join(found))
