"""Print pool values not yet used in source.txt (helper while writing)."""
import json, re, sys
from numwords import to_digits
src = open("source.txt", encoding="utf-8").read()
used = set()
for m in re.finditer(r"\{[A-Z]+\|[a-z-]+\|([^{}]*)\}", src):
    used.add(to_digits(m.group(1)))
pool = json.load(open("pool.json", encoding="utf-8"))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
for k, vs in pool.items():
    free = []
    for v in vs:
        d = re.sub(r"\D", "", v)
        core = d.lstrip("0")
        if any(u.endswith(core) and len(core) > 5 for u in used) or d in used:
            continue
        free.append(v)
    print(k, " ".join(free[:n]))
