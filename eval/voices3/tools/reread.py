#!/usr/bin/env python3
"""Reread aid for voices3: prints, per tip, things outside labels that a
human reviewer must justify:
  * tokens of labelled names that also occur unlabelled in the same tip
  * runs of 3+ digits (any script) outside spans
  * '@', URLs, domain-like strings outside spans
  * spelled-out digit words ("zero", "double") outside spans
It changes nothing.  Usage: python3 tools/reread.py [--all]
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def outside(text, spans):
    """Return text with labelled spans blanked out (same char length)."""
    chars = list(text)
    bpos = 0
    mask = [False] * len(chars)
    offs = []
    for i, ch in enumerate(chars):
        offs.append(bpos)
        bpos += len(ch.encode("utf-8"))
    for s in spans:
        for i, o in enumerate(offs):
            if s["start"] <= o < s["end"]:
                mask[i] = True
    return "".join(" " if m else c for c, m in zip(chars, mask))


DIGITS = re.compile(r"\d[\d\s\-./()]{1,}\d")
WEB = re.compile(r"@|https?://|www\.|\.(com|nz|net|org|me)\b|fb\.com|facebook|instagram|tiktok|wechat|whatsapp|viber|kakao|zalo|line id|qq", re.I)
NUMW = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)"
WORDNUM = re.compile(r"\b" + NUMW + r"(?:[\s,-]+" + NUMW + r"){2,}\b", re.I)


def main():
    show_all = "--all" in sys.argv
    for line in (HERE / "all.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"]
        bt = text.encode("utf-8")
        spans = r["spans"] + r["neutral"]
        out = outside(text, spans)
        notes = []
        names = [bt[s["start"]:s["end"]].decode() for s in r["spans"] if s["kind"] == "NAME"]
        toks = set()
        for n in names:
            parts = n.split()
            if len(parts) == 1 and not n.isascii():
                toks.add(n)
            for p in parts:
                p = p.strip(".,'’\"")
                if len(p) >= 3 and p.lower() not in {"bin", "binti", "dela", "del", "los", "van", "der", "jr"}:
                    toks.add(p)
        for t in sorted(toks):
            pat = re.escape(t)
            if t.isascii():
                pat = r"\b" + pat + r"\b"
            for m in re.finditer(pat, out, re.I if t.isascii() else 0):
                notes.append(f"name-token {t!r} unlabelled: …{out[max(0, m.start()-30):m.end()+30]!r}")
        for m in DIGITS.finditer(out):
            d = sum(ch.isdigit() for ch in m.group())
            if d >= 4 or show_all:
                notes.append(f"digits: {m.group()!r}")
        for m in WEB.finditer(out):
            notes.append(f"web: …{out[max(0, m.start()-25):m.end()+25]!r}")
        for m in WORDNUM.finditer(out):
            notes.append(f"wordnum: …{out[max(0, m.start()-20):m.end()+20]!r}")
        if notes or show_all:
            print(f"== {r['id']}")
            for n in notes:
                print("   ", n)


if __name__ == "__main__":
    main()
