#!/usr/bin/env python3
"""For each piece, find words used inside a NAME span that also occur outside any span (possible unlabelled repeats)."""
import re, build
for p in build.load():
    b = p["text"].encode()
    names = set()
    for s in p["spans"]:
        if s["kind"] == "NAME":
            for w in re.findall(r"[^\W\d_]+", b[s["start"]:s["end"]].decode()):
                if len(w) > 1: names.add(w.lower())
    mask = bytearray(len(b))
    for s in p["spans"] + p["neutral"]:
        for i in range(s["start"], s["end"]): mask[i] = 1
    out = bytes(c if not mask[i] else 0x7C for i, c in enumerate(b)).decode("utf-8", "replace")
    hits = [m.group() for m in re.finditer(r"[^\W\d_]+", out) if m.group().lower() in names]
    if hits: print(p["id"], sorted(set(hits)))
