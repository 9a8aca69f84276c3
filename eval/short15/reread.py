#!/usr/bin/env python3
"""List text outside spans that might be personal. Usage: python3 reread.py [first_id [last_id]]"""
import json, re, sys, unicodedata
STOP = set(open("reread_stop.txt", encoding="utf-8").read().split()) if __import__("os").path.exists("reread_stop.txt") else set()
NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|tahi|rua|toru|wha|whā|rima|ono|whitu|waru|iwa|kore)"
lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
for line in open("all.jsonl", encoding="utf-8"):
    o = json.loads(line)
    n = int(o["id"].split("-")[1])
    if not lo <= n <= hi: continue
    bt = bytearray(o["text"].encode("utf-8"))
    for s in o["spans"] + o["neutral"]:
        bt[s["start"]:s["end"]] = b"\x00" * (s["end"] - s["start"])
    t = bt.decode("utf-8", "replace")
    caps_piece = sum(c.isupper() for c in t) > 0.5 * max(1, sum(c.isalpha() for c in t))
    hits = []
    for m in re.finditer(r"[^\W_]*\d[\w\-./]*", t):
        if any(unicodedata.category(c) == "Nd" for c in m.group()): hits.append("DIG:" + m.group())
    for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org)\S*", t): hits.append("AT/URL:" + m.group())
    for m in re.finditer(rf"\b{NUMW}(?:[\s-]+{NUMW}){{3,}}\b", t, re.I): hits.append("WORDNUM:" + m.group())
    if not caps_piece:
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪ][\w'’ā-ū]+", t):
            w = m.group().strip("'’")
            if w not in STOP and w.lower() not in STOP: hits.append("CAP:" + w)
    if hits:
        print(o["id"], "|", " ".join(dict.fromkeys(hits)))
