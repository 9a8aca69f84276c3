#!/usr/bin/env python3
"""Reread helper: list things outside spans that might be unlabelled personal details.

For every tip in all.jsonl prints, outside labelled and NEUTRAL spans:
  - digit runs (any script's digits), '@' signs, URLs / www / domains
  - spelled-out number sequences (English and a few other languages)
  - capitalised words not in a small stop list
  - REPEAT: a word that is part of a labelled NAME/HANDLE/EMAIL in the same tip
Usage: python3 reread.py [first_id_number [last_id_number]]
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMWORDS = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|"
            r"isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|"
            r"uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|cero|"
            r"tahi|rua|toru|whā|rima|ono|whitu|waru|iwa|kore)")
SPELLED = re.compile(rf"\b{NUMWORDS}(?:[\s,-]+{NUMWORDS}){{2,}}\b", re.I)
STOP = set("""I I'm I've I'd Hi Hello Dear The This That There They Their He She We Our My
A An And But So If When On In At To For From Please Thank Thanks Yes No Not Also Sir Madam
Mr Mrs Ms Dr Rev Uncle Aunty Kuya Ate Re Subject Kind Regards Date Ref NZ New Zealand
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Ltd Limited Company Employer Employee
It Is Are Was Were What Who How Why Where Then After Before Every Each One Two Some Most All""".split())


def outside(text_b, spans):
    """Yield (start_char, segment) for text outside spans."""
    segs, pos = [], 0
    for s in sorted(spans, key=lambda s: s["start"]):
        segs.append(text_b[pos:s["start"]].decode("utf-8"))
        pos = s["end"]
    segs.append(text_b[pos:].decode("utf-8"))
    return segs


def is_digit_char(c):
    return unicodedata.category(c) == "Nd"


def main():
    rows = [json.loads(l) for l in open(HERE / "all.jsonl", encoding="utf-8")]
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else len(rows)
    total_flags = 0
    for r in rows:
        n = int(r["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        tb = r["text"].encode("utf-8")
        allsp = r["spans"] + r["neutral"]
        segs = outside(tb, allsp)
        out_text = " ¦ ".join(segs)
        labelled = [tb[s["start"]:s["end"]].decode("utf-8") for s in r["spans"] if s["kind"] in ("NAME", "HANDLE", "EMAIL")]
        name_tokens = set()
        for l in labelled:
            for t in re.split(r"[\s.,@_()]+", l):
                if len(t) >= 3 and t.lower() not in ("singh", "kaur", "binti", "bin", "dela", "van", "der", "gmail", "com", "yahoo", "hotmail"):
                    name_tokens.add(t.lower())
        flags = []
        for m in re.finditer(r"[^\W_]*\d[\d\s\-./]*", out_text):
            run = m.group(0).strip()
            if sum(is_digit_char(c) for c in run) >= 3:
                flags.append(("DIGITS", run))
        for seg in segs:
            for ch_run in re.findall(r"\S*[^\x00-\x7f]*\S*", seg):
                pass
        for m in re.finditer(r"\S*@\S*", out_text):
            flags.append(("AT", m.group(0)))
        for m in re.finditer(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|co\.nz|nz|org|net|ph|in|cn|io|me)\b\S*", out_text, re.I):
            flags.append(("URL", m.group(0)))
        for m in SPELLED.finditer(out_text):
            flags.append(("SPELLED", m.group(0)))
        caps = []
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪ][\wʻ'’āēīōū-]+", out_text):
            w = m.group(0)
            if w not in STOP and not w.isupper():
                caps.append(w)
        for m in re.finditer(r"[\w'ʻ’-]+", out_text):
            w = m.group(0).lower().strip("'’")
            if w in name_tokens:
                flags.append(("REPEAT", m.group(0)))
        total_flags += sum(1 for f in flags if f[0] in ("REPEAT",))
        print(f"== {r['id']}  spans={len(r['spans'])}")
        for f in flags:
            print(f"   {f[0]}: {f[1]}")
        if caps:
            seen = []
            for c in caps:
                if c not in seen:
                    seen.append(c)
            print("   CAPS:", ", ".join(seen))
    print(f"REPEAT flags: {total_flags}")


if __name__ == "__main__":
    main()
