#!/usr/bin/env python3
"""Build voices3: source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md.

source.txt format
  * one tip per line; `\\n` (backslash + n, two characters) is a line break
  * inline labels  {KIND|role|text}   and   {NEUTRAL|-|text}
  * lines starting with `#` are comments; a comment of the form
      # 012 | lang: sm+en | voice: ... | sector: ...
    just before a tip is its metadata (used for stats.md only).

Offsets in the JSON are UTF-8 byte offsets into `text`, end exclusive.
"""
import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
LABEL_RE = re.compile(r"\{(" + "|".join(KINDS + ["NEUTRAL"]) + r")\|([a-z-]+)\|([^{}]+?)\}")
STRAY_RE = re.compile(r"\{[A-Z]+\|")
SEED = 20261129
DEV_SHARE = 0.35


def fail(msg):
    print("ERROR:", msg, file=sys.stderr)
    sys.exit(1)


def parse_meta(comment):
    meta = {}
    parts = [p.strip() for p in comment.lstrip("#").split("|")]
    for p in parts[1:]:
        if ":" in p:
            k, v = p.split(":", 1)
            meta[k.strip()] = v.strip()
    return meta


def parse_line(raw, lineno):
    text_parts = []
    pos_chars = 0
    spans, neutral = [], []
    last = 0
    for m in LABEL_RE.finditer(raw):
        before = raw[last:m.start()].replace("\\n", "\n")
        if STRAY_RE.search(before):
            fail(f"line {lineno}: malformed label near {before[-40:]!r}")
        text_parts.append(before)
        pos_chars += len(before)
        kind, role, label = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
        if kind == "NEUTRAL":
            if role != "-":
                fail(f"line {lineno}: NEUTRAL must have role '-': {m.group(0)}")
        elif role not in ROLES:
            fail(f"line {lineno}: bad role {role!r} in {m.group(0)}")
        if label != label.strip():
            fail(f"line {lineno}: label has outer whitespace: {m.group(0)!r}")
        start_c = pos_chars
        text_parts.append(label)
        pos_chars += len(label)
        (neutral if kind == "NEUTRAL" else spans).append((start_c, pos_chars, kind, role, label))
        last = m.end()
    tail = raw[last:].replace("\\n", "\n")
    if STRAY_RE.search(tail):
        fail(f"line {lineno}: malformed label near {tail[:60]!r}")
    text_parts.append(tail)
    text = "".join(text_parts)
    if text != text.strip():
        fail(f"line {lineno}: tip has leading/trailing whitespace")
    return text, spans, neutral


def to_bytes(text, spans, lineno, is_neutral=False):
    out = []
    b = text.encode("utf-8")
    for sc, ec, kind, role, label in spans:
        s = len(text[:sc].encode("utf-8"))
        e = s + len(text[sc:ec].encode("utf-8"))
        try:
            got = b[s:e].decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {lineno}: span {label!r} not on character boundaries")
        if got != label:
            fail(f"line {lineno}: round trip failed {got!r} != {label!r}")
        if got != got.strip() or not got:
            fail(f"line {lineno}: span {label!r} has outer whitespace or is empty")
        if is_neutral:
            out.append({"start": s, "end": e, "kind": "NEUTRAL"})
        else:
            out.append({"start": s, "end": e, "kind": kind, "role": role})
    return out


def check_overlaps(items, lineno):
    items = sorted(items, key=lambda x: (x["start"], x["end"]))
    for a, c in zip(items, items[1:]):
        if c["start"] < a["end"]:
            fail(f"line {lineno}: overlapping spans {a} {c}")


def load(path):
    records, metas = [], []
    pending_meta = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            if re.match(r"#\s*\d{3}\s*\|", raw):
                pending_meta = parse_meta(raw)
            continue
        text, spans, neutral = parse_line(raw, lineno)
        bspans = to_bytes(text, spans, lineno)
        bneutral = to_bytes(text, neutral, lineno, is_neutral=True)
        check_overlaps(bspans + bneutral, lineno)
        rid = f"voices3-{len(records) + 1:04d}"
        records.append({"id": rid, "text": text, "spans": bspans, "neutral": bneutral})
        metas.append(dict(pending_meta, _line=lineno))
        pending_meta = {}
    return records, metas


def counts(recs):
    kind_role = collections.Counter()
    for r in recs:
        for s in r["spans"]:
            kind_role[(s["kind"], s["role"])] += 1
    return kind_role


def table(recs, title):
    kr = counts(recs)
    lines = [f"### {title}", "",
             f"tips: {len(recs)}; with no personal span: "
             f"{sum(1 for r in recs if not r['spans'])}; spans: {sum(kr.values())}; "
             f"neutral: {sum(len(r['neutral']) for r in recs)}", "",
             "| kind | " + " | ".join(ROLES) + " | total |",
             "| --- | " + " | ".join("---:" for _ in ROLES) + " | ---: |"]
    for k in KINDS:
        row = [kr[(k, r)] for r in ROLES]
        lines.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(kr[(k, r)] for k in KINDS) for r in ROLES]
    allt = sum(tot) or 1
    lines.append("| **total** | " + " | ".join(f"{t} ({100 * t / allt:.0f}%)" for t in tot)
                 + f" | {sum(tot)} |")
    lines.append("")
    return lines


def main():
    records, metas = load(HERE / "source.txt")
    with open(HERE / "all.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(records)
    random.Random(SEED).shuffle(order)
    n_dev = round(DEV_SHARE * len(order))
    dev, held = order[:n_dev], order[n_dev:]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    lang = collections.Counter()
    lang_any = collections.Counter()
    non_en = 0
    for m in metas:
        codes = [c.strip() for c in m.get("lang", "?").split("+")]
        lang["+".join(codes)] += 1
        for c in codes:
            lang_any[c] += 1
        if any(c != "en" for c in codes):
            non_en += 1
    lengths = [len(r["text"]) for r in records]
    out = ["# voices3 statistics", "", "Generated by build.py; do not edit.", ""]
    out += table(records, "all")
    out += table(dev, "dev")
    out += table(held, "heldout")
    out += ["### languages", "",
            f"tips wholly or partly not in English: {non_en} of {len(records)}", "",
            "| language code | tips using it |", "| --- | ---: |"]
    for c, n in sorted(lang_any.items(), key=lambda x: (-x[1], x[0])):
        out.append(f"| {c} | {n} |")
    out += ["", "### lengths (characters)", "",
            f"min {min(lengths)}, median {sorted(lengths)[len(lengths) // 2]}, max {max(lengths)}; "
            f"2,000+ characters: {sum(1 for n in lengths if n >= 2000)}; "
            f"under 120: {sum(1 for n in lengths if n < 120)}", ""]
    (HERE / "stats.md").write_text("\n".join(out), encoding="utf-8")
    print(f"{len(records)} tips -> dev {len(dev)}, heldout {len(held)}")
    print("\n".join(table(records, "all")))


if __name__ == "__main__":
    main()
