#!/usr/bin/env python3
"""Build voices2: source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md.

Markup in source.txt (one tip per line, '# ' lines are comments):
    {KIND|role|text}     KIND in KINDS, role in {reporter, other}
    {NEUTRAL|-|text}     optional span: removing it or keeping it are both fine
A literal backslash followed by 'n' inside a tip is a line break in the tip.

Offsets are UTF-8 byte offsets into the final text, end exclusive.
The split is a seeded shuffle made after every tip was written:
random.Random(20261129).shuffle(records); the first 35% are dev.
"""
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["NAME", "PHONE", "EMAIL", "HANDLE", "URL", "ADDRESS", "ID", "BANK",
         "CARD", "DOB", "PLATE", "IP"]
ROLES = ["reporter", "other"]
SEED = 20261129
DEV_FRACTION = 0.35
PREFIX = "voices2"

MARK = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")


def parse_line(raw, lineno):
    line = raw.replace("\\n", "\n")
    out = bytearray()
    spans, neutral = [], []
    pos = 0
    for m in MARK.finditer(line):
        kind, role, body = m.group(1), m.group(2), m.group(3)
        out += line[pos:m.start()].encode("utf-8")
        start = len(out)
        out += body.encode("utf-8")
        end = len(out)
        pos = m.end()
        if not body or body != body.strip():
            raise ValueError(f"line {lineno}: empty or space-padded span {m.group(0)!r}")
        if kind == "NEUTRAL":
            if role != "-":
                raise ValueError(f"line {lineno}: NEUTRAL role must be '-'")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL", "_text": body})
        elif kind in KINDS:
            if role not in ROLES:
                raise ValueError(f"line {lineno}: bad role {role!r}")
            spans.append({"start": start, "end": end, "kind": kind, "role": role, "_text": body})
        else:
            raise ValueError(f"line {lineno}: bad kind {kind!r}")
    out += line[pos:].encode("utf-8")
    text = out.decode("utf-8")
    # no stray markup left
    for ch in "{}":
        if ch in text:
            raise ValueError(f"line {lineno}: stray {ch!r} in text (broken markup?)")
    if re.search(r"\|(reporter|other)\|", text):
        raise ValueError(f"line {lineno}: leftover markup")
    return text, spans, neutral


def verify(rec):
    b = rec["text"].encode("utf-8")
    allspans = rec["spans"] + rec["neutral"]
    for s in allspans:
        piece = b[s["start"]:s["end"]]
        got = piece.decode("utf-8")  # raises if not on character boundaries
        if got != s["_text"]:
            raise AssertionError(f"{rec['id']}: span mismatch {got!r} != {s['_text']!r}")
        # character-boundary check: the prefix must decode on its own too
        b[:s["start"]].decode("utf-8")
        b[:s["end"]].decode("utf-8")
    ordered = sorted(allspans, key=lambda s: s["start"])
    for a, c in zip(ordered, ordered[1:]):
        if c["start"] < a["end"]:
            raise AssertionError(f"{rec['id']}: overlapping spans")


def clean(rec):
    return {
        "id": rec["id"],
        "text": rec["text"],
        "spans": [{k: s[k] for k in ("start", "end", "kind", "role")} for s in rec["spans"]],
        "neutral": [{k: s[k] for k in ("start", "end", "kind")} for s in rec["neutral"]],
    }


def table(recs):
    c = Counter((s["kind"], s["role"]) for r in recs for s in r["spans"])
    lines = ["| kind | reporter | other | total |", "| --- | ---: | ---: | ---: |"]
    for k in KINDS:
        rp, ot = c[(k, "reporter")], c[(k, "other")]
        lines.append(f"| {k} | {rp} | {ot} | {rp + ot} |")
    trp = sum(v for (k, r), v in c.items() if r == "reporter")
    tot = sum(v for (k, r), v in c.items() if r == "other")
    lines.append(f"| **all** | {trp} | {tot} | {trp + tot} |")
    nneu = sum(len(r["neutral"]) for r in recs)
    nclean = sum(1 for r in recs if not r["spans"])
    lines.append("")
    lines.append(f"tips: {len(recs)}; tips with no personal detail: {nclean}; NEUTRAL spans: {nneu}")
    return "\n".join(lines)


def main():
    src = (HERE / "source.txt").read_text(encoding="utf-8")
    recs = []
    for lineno, raw in enumerate(src.split("\n"), 1):
        if not raw.strip() or raw.startswith("# "):
            continue
        text, spans, neutral = parse_line(raw, lineno)
        rec = {"id": f"{PREFIX}-{len(recs) + 1:04d}", "text": text,
               "spans": spans, "neutral": neutral, "_line": lineno}
        verify(rec)
        recs.append(rec)

    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    n_dev = round(len(recs) * DEV_FRACTION)
    dev_idx = set(order[:n_dev])
    dev = [r for i, r in enumerate(recs) if i in dev_idx]
    held = [r for i, r in enumerate(recs) if i not in dev_idx]

    def dump(name, rs):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(clean(r), ensure_ascii=False) + "\n")

    dump("all.jsonl", recs)
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)

    # re-read and round-trip every span from the written files
    for name in ("all.jsonl", "dev.jsonl", "heldout.jsonl"):
        for line in open(HERE / name, encoding="utf-8"):
            r = json.loads(line)
            b = r["text"].encode("utf-8")
            for s in r["spans"] + r["neutral"]:
                b[s["start"]:s["end"]].decode("utf-8")

    langs = {}
    lpath = HERE / "tools" / "languages.tsv"
    if lpath.exists():
        for line in lpath.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                i, l = line.split("\t")
                langs[i] = l.split("+")

    def lang_line(rs):
        c = Counter(x for r in rs for x in langs.get(r["id"], []))
        nonen = sum(1 for r in rs if any(x != "en" for x in langs.get(r["id"], ["en"])))
        body = ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"tips partly or wholly not in English: {nonen}\n\nlanguage tags (a tip may have several): {body}"

    stats = ["# voices2 statistics", "", "Generated by build.py; counts of labelled spans per kind and role.", ""]
    for title, rs in (("dev", dev), ("heldout", held), ("all", recs)):
        stats += [f"## {title}", "", table(rs), "", lang_line(rs), ""]
    (HERE / "stats.md").write_text("\n".join(stats), encoding="utf-8")
    print("\n".join(stats))
    print(f"wrote {len(recs)} tips: dev {len(dev)}, heldout {len(held)}", file=sys.stderr)


if __name__ == "__main__":
    main()
