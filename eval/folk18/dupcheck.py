#!/usr/bin/env python3
"""Helper: report identifier values used in more than one piece, and list
generated values not yet used (by digit string)."""
import json, re, unicodedata
from collections import defaultdict
def dig(s):
    return "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else (c if c.isalpha() else "") for c in s)
use = defaultdict(set)
for ln in open("all.jsonl", encoding="utf-8"):
    r = json.loads(ln); b = r["text"].encode()
    for s in r["spans"]:
        if s["kind"] in ("NAME",): continue
        v = dig(b[s["start"]:s["end"]].decode()).upper()
        if v: use[v].add(r["id"][-3:])
for v, ids in use.items():
    if len(ids) > 1: print("DUP", v, sorted(ids))
import sys
if "-u" in sys.argv:
    sec = ""
    for ln in open("generated.txt"):
        ln = ln.strip()
        if ln.startswith("##"): sec = ln; print(sec); continue
        if not ln: continue
        d = dig(ln).upper()
        if not any(d in u or u.endswith(d[-9:]) for u in use): print("   ", ln)
