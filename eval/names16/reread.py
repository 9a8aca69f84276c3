#!/usr/bin/env python3
"""List what lies outside labelled spans that might be personal, per piece.
Usage: python3 reread.py [first_num [last_num]]"""
import re, sys, unicodedata
sys.path.insert(0, ".")
import build

STOP = set(open("stop.txt", encoding="utf-8").read().split()) if __import__("os").path.exists("stop.txt") else set()
NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|tasi|lua|tolu|fa|lima|ono|fitu|valu|iva)"
pieces = build.load()
lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
for p in pieces:
    n = int(p["_meta"]["num"])
    if not (lo <= n <= hi): continue
    b = bytearray(p["text"].encode())
    for s in p["spans"] + p["neutral"]:
        for i in range(s["start"], s["end"]): b[i] = 0x20 if b[i] < 0x80 else b[i]
    # mask multibyte inside spans too
    t = p["text"]; bs = t.encode(); mask = [False]*len(bs)
    for s in p["spans"] + p["neutral"]:
        for i in range(s["start"], s["end"]): mask[i] = True
    out = []; cur = []
    for i, byte in enumerate(bs):
        out.append(0x7C if mask[i] else byte)
    rest = bytes(out).decode("utf-8", errors="replace")
    hits = []
    hits += [("digits", m.group()) for m in re.finditer(r"[^\W_a-zA-Z]*\d[\d\s\-\.]*", rest) if sum(ch.isdigit() for ch in m.group()) >= 3]
    hits += [("@/url", m.group()) for m in re.finditer(r"\S*(?:@|www\.|https?://|\.com|\.nz)\S*", rest)]
    hits += [("numwords", m.group()) for m in re.finditer(rf"\b{NUMW}(?:[\s,\-]+{NUMW}){{2,}}\b", rest, re.I)]
    caps = []
    for m in re.finditer(r"[^\W\d_]+(?:['ʻ’][^\W\d_]+)?", rest):
        w = m.group()
        if w[0].isupper() and w not in STOP and w.lower() not in STOP:
            caps.append(w)
    nonlatin = [m.group() for m in re.finditer(r"[\u0900-\u0DFF\u0E00-\u0EFF\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\u0600-\u06FF\u0400-\u04FF]+", rest)]
    if hits or caps or nonlatin:
        print(f"--- {p['id']} [{p['_meta']['pii']}]")
        for k, v in hits: print(f"   {k}: {v.strip()}")
        if caps: print("   caps:", " ".join(dict.fromkeys(caps)))
        if nonlatin: print("   script:", " ".join(dict.fromkeys(nonlatin)))
