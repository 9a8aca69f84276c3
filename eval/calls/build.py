#!/usr/bin/env python3
"""Build all.jsonl / dev.jsonl / heldout.jsonl / stats.md from source.txt.

source.txt: one report per line, `\\n` (two characters) = line break inside a
report, `{KIND|role|text}` = labelled span, `{NEUTRAL|-|text}` = optional span,
lines starting with "# " are comments; "# channel: X" sets the channel of the
following reports (only used for statistics and channels.tsv).

Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["NAME", "PHONE", "EMAIL", "HANDLE", "URL", "ADDRESS", "ID", "BANK",
         "CARD", "DOB", "PLATE", "IP"]
ROLES = ["reporter", "other"]
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "aunty", "auntie", "uncle", "pastor",
          "bro", "sir", "madam", "rev", "father", "sister", "ratu", "sis"}
NUM_WORDS = {"zero", "oh", "one", "two", "three", "four", "five", "six", "seven",
             "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
             "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
             "hundred"}
SPLIT_SEED = 1129
DEV_SHARE = 0.35


def unescape(s: str) -> str:
    return s.replace("\\n", "\n")


def parse_line(raw: str, lineno: int):
    out = bytearray()
    spans, neutral, problems = [], [], []
    pos = 0
    for m in SPAN_RE.finditer(raw):
        plain = unescape(raw[pos:m.start()])
        if "{" in plain or "}" in plain:
            problems.append(f"line {lineno}: stray brace in {plain!r}")
        out += plain.encode("utf-8")
        kind, role, text = m.group(1), m.group(2), unescape(m.group(3))
        start = len(out)
        out += text.encode("utf-8")
        end = len(out)
        if not text or text != text.strip():
            problems.append(f"line {lineno}: empty or padded span {text!r}")
        if kind == "NEUTRAL":
            if role != "-":
                problems.append(f"line {lineno}: NEUTRAL with role {role}")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL", "_text": text})
        else:
            if kind not in KINDS:
                problems.append(f"line {lineno}: unknown kind {kind}")
            if role not in ROLES:
                problems.append(f"line {lineno}: unknown role {role}")
            spans.append({"start": start, "end": end, "kind": kind, "role": role, "_text": text})
        pos = m.end()
    tail = unescape(raw[pos:])
    if "{" in tail or "}" in tail:
        problems.append(f"line {lineno}: stray brace in {tail!r}")
    out += tail.encode("utf-8")
    return bytes(out), spans, neutral, problems


def lint(span, lineno):
    warn = []
    t = span["_text"]
    first = t.split()[0].lower().rstrip(".") if t.split() else ""
    if span["kind"] == "NAME" and first in TITLES:
        warn.append(f"line {lineno}: NAME starts with title: {t!r}")
    if span["kind"] == "ADDRESS":
        words = set(re.findall(r"[a-z]+", t.lower()))
        if not re.search(r"\d", t) and not (words & NUM_WORDS) and "po box" not in t.lower():
            warn.append(f"line {lineno}: ADDRESS without a number: {t!r}")
    if t[-1] in ".,;:!?" and span["kind"] not in ("NAME",):
        warn.append(f"line {lineno}: span ends with punctuation: {t!r}")
    return warn


def verify(rec):
    b = rec["text"].encode("utf-8")
    for sp in rec["spans"] + rec["neutral"]:
        s, e = sp["start"], sp["end"]
        assert 0 <= s < e <= len(b), (rec["id"], sp)
        # on character boundaries: neither end may point at a continuation byte
        assert s == len(b) or (b[s] & 0xC0) != 0x80, (rec["id"], sp)
        assert e == len(b) or (b[e] & 0xC0) != 0x80, (rec["id"], sp)
        got = b[s:e].decode("utf-8")
        assert got == sp["_text"], (rec["id"], got, sp["_text"])
    allsp = sorted(rec["spans"] + rec["neutral"], key=lambda x: x["start"])
    for a, c in zip(allsp, allsp[1:]):
        assert a["end"] <= c["start"], (rec["id"], "overlap", a, c)


def counts_table(records, title):
    c = Counter()
    for r in records:
        for sp in r["spans"]:
            c[(sp["kind"], sp["role"])] += 1
    neu = sum(len(r["neutral"]) for r in records)
    empty = sum(1 for r in records if not r["spans"])
    lines = [f"### {title}: {len(records)} reports, {empty} with no personal details, "
             f"{sum(c.values())} spans, {neu} neutral spans", "",
             "| kind | reporter | other | total |", "|---|---:|---:|---:|"]
    for k in KINDS:
        rr, oo = c[(k, "reporter")], c[(k, "other")]
        lines.append(f"| {k} | {rr} | {oo} | {rr + oo} |")
    tr = sum(v for (k, r), v in c.items() if r == "reporter")
    to = sum(v for (k, r), v in c.items() if r == "other")
    tot = max(tr + to, 1)
    lines.append(f"| **all** | {tr} ({100 * tr / tot:.0f}%) | {to} ({100 * to / tot:.0f}%) | {tr + to} |")
    lines.append("")
    return lines


def main():
    src = (HERE / "source.txt").read_text(encoding="utf-8")
    records, channels, problems, warnings = [], {}, [], []
    channel = "unknown"
    for lineno, raw in enumerate(src.split("\n"), 1):
        if not raw.strip():
            continue
        if raw.startswith("# ") or raw == "#":
            m = re.match(r"#\s*channel:\s*(\w+)", raw)
            if m:
                channel = m.group(1)
            continue
        text_b, spans, neutral, probs = parse_line(raw, lineno)
        problems += probs
        for sp in spans + neutral:
            warnings += lint(sp, lineno)
        rid = f"calls-{len(records) + 1:04d}"
        rec = {"id": rid, "text": text_b.decode("utf-8"), "spans": spans, "neutral": neutral}
        verify(rec)
        records.append(rec)
        channels[rid] = channel
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    for w in warnings:
        print("WARN", w, file=sys.stderr)

    def clean(r):
        return {"id": r["id"], "text": r["text"],
                "spans": [{k: v for k, v in s.items() if not k.startswith("_")} for s in r["spans"]],
                "neutral": [{k: v for k, v in s.items() if not k.startswith("_")} for s in r["neutral"]]}

    def dump(name, recs):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(clean(r), ensure_ascii=False) + "\n")

    dump("all.jsonl", records)
    ids = [r["id"] for r in records]
    rng = random.Random(SPLIT_SEED)
    shuffled = ids[:]
    rng.shuffle(shuffled)
    n_dev = round(DEV_SHARE * len(ids))
    dev_ids = set(shuffled[:n_dev])
    dev = [r for r in records if r["id"] in dev_ids]
    held = [r for r in records if r["id"] not in dev_ids]
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)
    with open(HERE / "channels.tsv", "w", encoding="utf-8") as f:
        for rid in ids:
            f.write(f"{rid}\t{channels[rid]}\t{'dev' if rid in dev_ids else 'heldout'}\n")

    out = ["# calls set: statistics", "", "Generated by build.py from source.txt.", ""]
    out.append("## Reports per channel")
    out.append("")
    out.append("| channel | all | dev | heldout | no personal details |")
    out.append("|---|---:|---:|---:|---:|")
    byc = defaultdict(list)
    for r in records:
        byc[channels[r["id"]]].append(r)
    for ch, rs in byc.items():
        nd = sum(1 for r in rs if r["id"] in dev_ids)
        out.append(f"| {ch} | {len(rs)} | {nd} | {len(rs) - nd} | {sum(1 for r in rs if not r['spans'])} |")
    out.append("")
    out.append("## Spans per kind and role")
    out.append("")
    out += counts_table(records, "all")
    out += counts_table(dev, "dev")
    out += counts_table(held, "heldout")
    (HERE / "stats.md").write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()
