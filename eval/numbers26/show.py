"""Print pieces with their spans marked, for the final read-through. Usage: show.py FROM TO"""
import json, sys
lo, hi = int(sys.argv[1]), int(sys.argv[2])
for l in open("all.jsonl", encoding="utf-8"):
    r = json.loads(l)
    n = int(r["id"][-4:])
    if not lo <= n <= hi:
        continue
    b = r["text"].encode()
    marks = sorted([(s["start"], s["end"], f"{s['kind'][:2]}/{s['role'][:3]}") for s in r["spans"]] +
                   [(s["start"], s["end"], "NEU") for s in r["neutral"]])
    out, pos = [], 0
    for a, e, k in marks:
        out.append(b[pos:a].decode()); out.append(f"[{k}:{b[a:e].decode()}]"); pos = e
    out.append(b[pos:].decode())
    print(f"--- {n:03d}: " + "".join(out).replace("\n", " ⏎ "))
