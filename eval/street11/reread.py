#!/usr/bin/env python3
"""Show what lies outside labelled spans that might be personal: digit runs (any script),
@, URLs, spelled-out number runs, capitalised words not in the stop list.
Usage: python3 reread.py [from_num [to_num]]"""
import re, sys, collections
sys.path.insert(0, ".")
from build import parse

NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|tahi|rua|toru|wha|rima|ono|whitu|waru|iwa|kore|isa|lua|tolu|fa|lima|ono|fitu|valu|iva|sero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|cero|um|dois|três|quatro|sete|oito|nove)"
SPELL = re.compile(rf"\b{NUMW}(?:[\s,-]+{NUMW}){{3,}}\b", re.I)
STOP = {w.lower() for w in open("stoplist.txt", encoding="utf-8").read().split()} if __import__("os").path.exists("stoplist.txt") else set()

def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 9999
    pieces, errs = parse("source.txt")
    caps = collections.Counter()
    for p in pieces:
        n = int(p["num"])
        if not lo <= n <= hi: continue
        tb = p["text"].encode("utf-8"); t = list(p["text"])
        for s in p["spans"] + p["neutral"]:
            a = len(tb[:s["start"]].decode("utf-8")); z = len(tb[:s["end"]].decode("utf-8"))
            for i in range(a, z): t[i] = "_"
        t = "".join(t)
        hits = []
        for m in re.finditer(r"\d[\d\s\-]{2,}\d|\d{2,}", t): hits.append("NUM:" + m.group())
        for m in re.finditer(r"\S*@\S*", t): hits.append("AT:" + m.group())
        for m in re.finditer(r"(?:https?://|www\.)\S+|\S+\.(?:com|nz|net|org|ph|in)\b\S*", t, re.I): hits.append("URL:" + m.group())
        for m in SPELL.finditer(t): hits.append("SPELL:" + m.group())
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪ][\w'’ĀĒĪŌŪāēīōū-]+", t):
            w = m.group()
            if w.lower() not in STOP and w.lower().rstrip("s").rstrip("'") not in STOP:
                caps[w] += 1; hits.append("CAP:" + w)
        if hits: print(p["num"], " | ".join(hits))
    print("\nCapitalised words outside spans:", ", ".join(f"{w}({c})" for w, c in caps.most_common()))

if __name__ == "__main__":
    main()
