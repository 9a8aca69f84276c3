#!/usr/bin/env python3
"""Reread helper: for each tip in all.jsonl, show what is left OUTSIDE the labelled spans
that might be an unlabelled personal detail: digit runs (any script), '@', URLs / domains,
spelled-out numbers, and capitalised words.  Usage: python3 reread.py [first_id_num [last]]
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMW = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
SPELLED = re.compile(rf"\b{NUMW}(?:[\s,-]+{NUMW}){{2,}}\b", re.I)
DIGITS = re.compile(r"\d[\d\s\-./()+]*\d|\d")
URL = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|nz|net|org|co|io|me|ph|in|cn)\b\S*", re.I)
CAP = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w'ʻ’-]*")


def outside(rec):
    b = rec["text"].encode("utf-8")
    sp = sorted([(s["start"], s["end"]) for s in rec["spans"]] + [(s["start"], s["end"]) for s in rec["neutral"]])
    out, pos = bytearray(), 0
    for s, e in sp:
        out += b[pos:s] + b" \xe2\x96\xaa "  # ▪ placeholder
        pos = e
    out += b[pos:]
    return out.decode("utf-8")


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    tot = 0
    for line in open(HERE / "all.jsonl", encoding="utf-8"):
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if not (lo <= n <= hi):
            continue
        t = outside(r)
        digits = [d for d in DIGITS.findall(t) if len(re.sub(r"\D", "", d)) >= 3]
        ats = [m.group(0) for m in re.finditer(r"\S*@\S*", t)]
        urls = URL.findall(t)
        spelled = [m.group(0) for m in SPELLED.finditer(t)]
        caps = sorted(set(CAP.findall(t)))
        flags = []
        if digits: flags.append("DIGITS " + " / ".join(digits))
        if ats: flags.append("AT " + " ".join(ats))
        if urls: flags.append("URL " + " ".join(urls))
        if spelled: flags.append("SPELLED " + " / ".join(spelled))
        tot += bool(digits or ats or urls or spelled)
        print(f"== {r['id']} ({len(r['spans'])} spans)")
        for f in flags:
            print("   ", f)
        print("    CAPS", " ".join(caps))
    print(f"tips with digit/@/url/spelled flags: {tot}")


if __name__ == "__main__":
    main()
