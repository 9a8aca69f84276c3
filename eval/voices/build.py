#!/usr/bin/env python3
"""Build labelled JSONL eval splits from inline-markup source files.

Source format (one tip per line; lines starting with '# ' are comments, blank lines ignored):
    my name is {NAME|reporter|liisa} and boss {NAME|other|Tevita Fonua} ...
KIND in KINDS, role in {reporter, other}; {NEUTRAL|-|text} marks optional spans.

Usage:
    python3 build.py [SET_DIR ...]        (default: the 'voices' set next to this script)
Each SET_DIR must contain source.txt; writes SET_DIR/dev.jsonl and SET_DIR/heldout.jsonl,
ids "<dirname>-0001" in source line order. Offsets are UTF-8 BYTE offsets, end exclusive.
The dev/heldout split is a seeded shuffle done after all tips exist (35% dev).
"""
import json
import os
import random
import re
import sys
from collections import Counter

KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB",
         "HANDLE", "IP", "URL", "PLATE"}
ROLES = {"reporter", "other"}
MARK = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
SEED = 20240611
DEV_FRACTION = 0.35


def parse_line(line, where):
    text_parts, spans, neutral = [], [], []
    pos_bytes = 0
    last = 0
    for m in MARK.finditer(line):
        plain = line[last:m.start()]
        text_parts.append(plain)
        pos_bytes += len(plain.encode("utf-8"))
        kind, role, inner = m.group(1), m.group(2), m.group(3)
        if not inner or inner != inner.strip():
            raise ValueError(f"{where}: empty span or span with edge whitespace: {m.group(0)!r}")
        start = pos_bytes
        end = start + len(inner.encode("utf-8"))
        if kind == "NEUTRAL":
            if role != "-":
                raise ValueError(f"{where}: NEUTRAL must use role '-': {m.group(0)!r}")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL", "_text": inner})
        else:
            if kind not in KINDS:
                raise ValueError(f"{where}: unknown kind {kind!r}")
            if role not in ROLES:
                raise ValueError(f"{where}: unknown role {role!r}")
            spans.append({"start": start, "end": end, "kind": kind, "role": role, "_text": inner})
        text_parts.append(inner)
        pos_bytes = end
        last = m.end()
    text_parts.append(line[last:])
    text = "".join(text_parts)
    if "{" in text or "}" in text:
        raise ValueError(f"{where}: stray brace / malformed markup: {line!r}")
    # round-trip check
    b = text.encode("utf-8")
    for s in spans + neutral:
        got = b[s["start"]:s["end"]].decode("utf-8")
        if got != s.pop("_text"):
            raise ValueError(f"{where}: span does not round-trip: {got!r}")
    return text, spans, neutral


def build(set_dir):
    set_dir = os.path.abspath(set_dir)
    name = os.path.basename(set_dir.rstrip("/"))
    src = os.path.join(set_dir, "source.txt")
    records = []
    with open(src, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("# "):
                continue
            text, spans, neutral = parse_line(line, f"{src}:{lineno}")
            rid = f"{name}-{len(records) + 1:04d}"
            records.append({"id": rid, "text": text, "spans": spans, "neutral": neutral})
    order = list(range(len(records)))
    random.Random(SEED).shuffle(order)
    n_dev = round(DEV_FRACTION * len(records))
    dev_idx = set(order[:n_dev])
    splits = {"dev": [], "heldout": []}
    for i, r in enumerate(records):
        splits["dev" if i in dev_idx else "heldout"].append(r)
    for split, recs in splits.items():
        out = os.path.join(set_dir, f"{split}.jsonl")
        with open(out, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        # re-read and verify round trip from the written file
        with open(out, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                b = r["text"].encode("utf-8")
                for s in r["spans"] + r["neutral"]:
                    assert 0 <= s["start"] < s["end"] <= len(b), (r["id"], s)
                    b[s["start"]:s["end"]].decode("utf-8")  # must be on char boundaries
    report(name, splits)
    return splits


def report(name, splits):
    print(f"## {name}")
    for split, recs in splits.items():
        kinds = Counter(s["kind"] for r in recs for s in r["spans"])
        roles = Counter(s["role"] for r in recs for s in r["spans"])
        kr = Counter((s["kind"], s["role"]) for r in recs for s in r["spans"])
        empty = sum(1 for r in recs if not r["spans"])
        neut = sum(len(r["neutral"]) for r in recs)
        print(f"### {split}: {len(recs)} tips, {sum(kinds.values())} spans, "
              f"{empty} tips with no required span, {neut} neutral spans")
        print("| kind | reporter | other | total |\n| --- | --- | --- | --- |")
        for k in sorted(kinds):
            print(f"| {k} | {kr[(k, 'reporter')]} | {kr[(k, 'other')]} | {kinds[k]} |")
        print(f"| **all** | {roles['reporter']} | {roles['other']} | {sum(kinds.values())} |\n")


if __name__ == "__main__":
    dirs = sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "voices")]
    for d in dirs:
        build(d)
