#!/usr/bin/env python3
"""List things outside labelled spans that might be personal. Usage: reread.py [from_id]"""
import json, re, sys
from collections import Counter
STOP = set("""I A The This That My We He She They It You Our His Her Their In On At And But Or So If When Then
Hi Hello Dear Please Thanks Thank Kia Ora Mr Mrs Ms Dr Boss Sir Madam Re Subject From To Sent Date Name Phone Email
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec NZ New Zealand Aotearoa Auckland Wellington
Christchurch Queenstown Nelson Motueka Blenheim Hastings Napier Tauranga Te Puke Cromwell Wanaka Dunedin Otago Hawke's Bay
Marlborough Central Kiwi Kiwis OK Ok WHV IRD WINZ MBIE Labour Inspectorate Immigration Employment INZ Police""".split())
start = int(sys.argv[1]) if len(sys.argv) > 1 else 0
caps = Counter()
for line in open("all.jsonl", encoding="utf-8"):
    p = json.loads(line); n = int(p["id"].split("-")[1])
    if n < start: continue
    b = p["text"].encode("utf-8"); out = bytearray(b)
    for s in p["spans"] + p["neutral"]:
        out[s["start"]:s["end"]] = b"\x00" * (s["end"] - s["start"])
    t = out.decode("utf-8", "replace").replace("\x00", "_")
    hits = []
    hits += [m.group() for m in re.finditer(r"\d[\d \-.]{1,}\d|\d", t) if len(re.sub(r"\D","",m.group())) >= 3]
    hits += [m.group() for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(com|nz|co)\S*", t)]
    hits += [m.group() for m in re.finditer(r"(?i)\b((zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,-]+){3,}", t)]
    hits += [m.group() for m in re.finditer(r"(?i)\b(rd\s?\d|po box|private bag|flat \d|unit|room|bed|plate|rego|passport|visa no|acc)", t)]
    for m in re.finditer(r"\b[A-ZÀ-ÞĀ-Ž][\w'’\-]+", t):
        if m.group() not in STOP: caps[m.group()] += 1
    if hits: print(p["id"], "|", " ¦ ".join(hits))
print("\nCapitalised words outside spans (check for missed names):")
print(", ".join(f"{w}({c})" for w, c in sorted(caps.items(), key=lambda x: (-x[1], x[0]))))
