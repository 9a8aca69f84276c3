"""List what lies outside spans that might be personal, so it can be checked by eye.

python3 reread.py [first_num [last_num]]  [--scripts]
"""
import json
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
SCRIPTS = "--scripts" in sys.argv
lo = int(args[0]) if args else 1
hi = int(args[1]) if len(args) > 1 else 10**9

STOP = set()
for line in open("stopwords.txt", encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        STOP.update(w.lower() for w in line.split())

NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|double|triple|tahi|rua|toru|wha|rima|ono|whitu|waru|iwa|dua|tolu|lima|siete|ocho|nueve|cero|um|dois|tres|três|quatro|cinco|seis|sete|oito|nove)"
NUMRUN = re.compile(rf"\b{NUMW}(?:[\s,-]+{NUMW}){{2,}}\b", re.I)

for line in open("all.jsonl", encoding="utf-8"):
    p = json.loads(line)
    n = int(p["id"].split("-")[1])
    if not (lo <= n <= hi):
        continue
    t = p["text"].encode("utf-8")
    outside = []
    last = 0
    for s in sorted(p["spans"] + p["neutral"], key=lambda s: s["start"]):
        outside.append(t[last:s["start"]].decode("utf-8"))
        outside.append(" | ")
        last = s["end"]
    outside.append(t[last:].decode("utf-8"))
    rest = "".join(outside)
    hits = []
    for m in re.finditer(r"\d[\d\s\-./]*\d|\d", rest):
        hits.append("#" + m.group().strip())
    if "@" in rest:
        hits += ["@" + x for x in re.findall(r"\S*@\S*", rest)]
    hits += ["URL:" + x for x in re.findall(r"(?:https?://|www\.)\S+|\S+\.(?:com|nz|net|org|fj|ki)\b\S*", rest)]
    hits += ["WORDS:" + m.group() for m in NUMRUN.finditer(rest)]
    caps = []
    for w in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w'’.-]*", rest):
        wl = w.lower().strip(".'’-")
        if wl in STOP or wl.rstrip("s") in STOP:
            continue
        caps.append(w)
    if caps:
        hits.append("CAPS:" + " ".join(dict.fromkeys(caps)))
    if SCRIPTS:
        nl = re.findall(r"[^\x00-\u024F\u1E00-\u1EFF\s\d\W]+", rest)
        if nl:
            hits.append("SCRIPT:" + " ".join(dict.fromkeys(nl)))
    if hits:
        print(p["id"], " || ".join(hits))
