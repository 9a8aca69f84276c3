#!/usr/bin/env python3
"""Helper: show pool entries from generated.txt not yet used in source.txt (by digits)."""
import re, sys, unicodedata
def norm(s):
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else "" for c in s)
src = open("source.txt", encoding="utf-8").read()
used = set()
for m in re.finditer(r"\{[A-Z]+\|[a-z-]+\|([^{}]*)\}", src):
    d = norm(m.group(1))
    if len(d) >= 6:
        used.add(d)
alltext_digits = norm(src)
want = sys.argv[1:] 
sec = None
for line in open("generated.txt", encoding="utf-8"):
    line = line.strip()
    if line.startswith("## "):
        sec = line[3:]
        continue
    if not line or line.startswith("#"):
        continue
    if want and not any(w.lower() in sec.lower() for w in want):
        continue
    d = norm(line)
    if any(d[-7:] in u for u in used):
        continue
    print(f"{sec}: {line}")
