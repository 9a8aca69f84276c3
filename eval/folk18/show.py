#!/usr/bin/env python3
"""Print pieces from all.jsonl with spans re-inserted from byte offsets, to
check labels by eye: [KIND/role:text], neutral as <N:text>."""
import json, sys
lo, hi = int(sys.argv[1]), int(sys.argv[2])
for ln in open("all.jsonl", encoding="utf-8"):
    r = json.loads(ln); n = int(r["id"][-4:])
    if not lo <= n <= hi: continue
    b = r["text"].encode()
    marks = sorted([(s["start"], s["end"], f'{s["kind"]}/{s["role"][0]}') for s in r["spans"]] +
                   [(s["start"], s["end"], "N") for s in r["neutral"]])
    out, pos = [], 0
    for st, en, tag in marks:
        out.append(b[pos:st].decode()); out.append(f"[{tag}:{b[st:en].decode()}]"); pos = en
    out.append(b[pos:].decode())
    print(f"== {n:03d} ", "".join(out).replace("\n", " ⏎ "))
