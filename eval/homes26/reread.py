"""List what lies outside spans in all.jsonl that might be personal, to catch unlabelled details.

Usage: python3 reread.py [first_id_number] [last_id_number] [--caps] [--scripts]
Always shows digit runs (any script), '@', URLs/domains, runs of spelled-out number words.
--caps also shows capitalised words not in stoplist.txt; --scripts shows non-Latin runs.
"""
import json
import re
import sys

NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam)"
NUMRUN = re.compile(rf"\b{NUMW}(?:[\s,-]+{NUMW}){{2,}}\b", re.I)
URL = re.compile(r"(https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|nz|net|org|ph|in|cn|vn|io|me|co)\b\S*)", re.I)
DIG = re.compile(r"\d[\d\s\-/.]*\d|\d")
CAP = re.compile(r"\b[A-ZĀĒĪŌŪ][\w'’ʻāēīōū-]*")
NONLATIN = re.compile(r"[^\x00-\u024F\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F\s\d\W]+")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lo = int(args[0]) if args else 1
    hi = int(args[1]) if len(args) > 1 else 10 ** 6
    caps = "--caps" in sys.argv
    scripts = "--scripts" in sys.argv
    stop = set()
    try:
        stop = {w.strip().lower() for w in open("stoplist.txt", encoding="utf-8") if w.strip() and not w.startswith("#")}
    except FileNotFoundError:
        pass
    for line in open("all.jsonl", encoding="utf-8"):
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        b = bytearray(r["text"].encode("utf-8"))
        for s in r["spans"] + r["neutral"]:
            # blank out spans (keep byte length, replace with spaces)
            b[s["start"]:s["end"]] = b" " * (s["end"] - s["start"])
        t = b.decode("utf-8", errors="replace")
        out = []
        d = [m.group(0) for m in DIG.finditer(t)]
        if d:
            out.append("digits: " + " | ".join(d))
        if "@" in t:
            out.append("@: " + " | ".join(re.findall(r"\S*@\S*", t)))
        u = URL.findall(t)
        if u:
            out.append("url: " + " | ".join(u))
        w = [m.group(0) for m in NUMRUN.finditer(t)]
        if w:
            out.append("numwords: " + " | ".join(w))
        if caps:
            c = sorted({m.group(0) for m in CAP.finditer(t) if m.group(0).lower().strip("'’") not in stop})
            if c:
                out.append("caps: " + " ".join(c))
        if scripts:
            c = [m.group(0) for m in NONLATIN.finditer(t)]
            if c:
                out.append("script: " + " ".join(c))
        if out:
            print(f"{r['id']} ({len(r['spans'])} spans)")
            for o in out:
                print("   " + o)


if __name__ == "__main__":
    main()
