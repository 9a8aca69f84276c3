#!/usr/bin/env python3
"""Helper while writing: print generator values not yet used in source.txt."""
import re
src = open("source.txt", encoding="utf-8").read()
norm = lambda x: re.sub(r"\D", "", x)
srcd = norm(src)
sec = None
for line in open("gen_out.txt", encoding="utf-8"):
    line = line.rstrip()
    if line.startswith("## "):
        sec = line[3:]
        print("\n" + line)
        continue
    if not line:
        continue
    vals = re.split(r" \| |(?<=\d) (?=[A-Z]{2}\d)|  ", line.split(": ", 1)[-1]) if ("|" in line or sec.startswith("NZ plates") or sec.startswith("NZ pass") or sec.startswith("NZ driver")) else [line.split("  ")[0].split(": ", 1)[-1]]
    if sec.startswith(("NZ plates", "NZ pass", "NZ driver", "INZ", "IPs")):
        vals = line.split()
    out = []
    for v in vals:
        v = v.strip()
        key = v.replace(" ", "")
        if key and key not in src.replace(" ", "") and (len(norm(v)) < 6 or norm(v) not in srcd):
            out.append(v)
    if out:
        print("  " + " | ".join(out))
