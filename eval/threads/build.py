#!/usr/bin/env python3
"""Build the 'threads' evaluation set from source.txt.

source.txt format
  * one piece per line
  * inline labels  {KIND|role|text}  and  {NEUTRAL|-|text}
  * the two characters backslash + n stand for a line break inside a piece
  * lines starting with '# ' are comments;  '# sort: X' starts a section;
    '# lang: a+b' just before a piece records the language(s) of that piece
    (used only for the statistics in stats.md).

Outputs (next to this file): all.jsonl, dev.jsonl, heldout.jsonl, stats.md, sorts.tsv
Span offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SORTS = ("answer", "addition", "document", "narrative")
SEED = 11292026
DEV_SHARE = 0.35

LABEL_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")


class SourceError(Exception):
    pass


def unescape(s: str) -> str:
    return s.replace("\\n", "\n")


def parse_piece(line: str, lineno: int):
    text_parts = []
    nbytes = 0
    spans, neutral = [], []
    pos = 0
    for m in LABEL_RE.finditer(line):
        plain = unescape(line[pos:m.start()])
        if "{" in plain or "}" in plain:
            raise SourceError(f"line {lineno}: stray brace in {plain!r}")
        text_parts.append(plain)
        nbytes += len(plain.encode("utf-8"))
        kind, role, body = m.group(1), m.group(2), unescape(m.group(3))
        if not body:
            raise SourceError(f"line {lineno}: empty label")
        start = nbytes
        text_parts.append(body)
        nbytes += len(body.encode("utf-8"))
        if kind == "NEUTRAL":
            if role != "-":
                raise SourceError(f"line {lineno}: NEUTRAL must have role '-'")
            neutral.append({"start": start, "end": nbytes, "kind": "NEUTRAL", "_text": body})
        else:
            if kind not in KINDS:
                raise SourceError(f"line {lineno}: unknown kind {kind}")
            if role not in ROLES:
                raise SourceError(f"line {lineno}: unknown role {role}")
            spans.append({"start": start, "end": nbytes, "kind": kind, "role": role, "_text": body})
        pos = m.end()
    tail = unescape(line[pos:])
    if "{" in tail or "}" in tail:
        raise SourceError(f"line {lineno}: stray brace in {tail!r}")
    text_parts.append(tail)
    return "".join(text_parts), spans, neutral


def check_piece(pid, text, spans, neutral):
    b = text.encode("utf-8")
    allspans = sorted(spans + neutral, key=lambda s: (s["start"], s["end"]))
    for s in allspans:
        st, en = s["start"], s["end"]
        if not (0 <= st < en <= len(b)):
            raise SourceError(f"{pid}: span out of range {s}")
        try:
            seg = b[st:en].decode("utf-8")
        except UnicodeDecodeError:
            raise SourceError(f"{pid}: span not on character boundary {s}")
        # boundary check: decoding prefix must work too
        try:
            b[:st].decode("utf-8")
        except UnicodeDecodeError:
            raise SourceError(f"{pid}: span start not on character boundary {s}")
        if seg != s["_text"]:
            raise SourceError(f"{pid}: span does not round-trip {seg!r} != {s['_text']!r}")
        if seg != seg.strip():
            raise SourceError(f"{pid}: span has leading/trailing whitespace {seg!r}")
        if seg[-1] in ".,;:!?)(\"'" or seg[0] in ",;:!?)(\"'":
            # allowed: a trailing full stop of an abbreviation in a name/address,
            # and a leading apostrophe that writes a glottal stop ('Ana, Tongan)
            ok_end = seg[-1] not in ".,;:!?)(\"'" or (seg[-1] == "." and s["kind"] in ("NAME", "ADDRESS", "NEUTRAL"))
            ok_start = seg[0] not in ",;:!?)(\"'" or (seg[0] == "'" and s["kind"] == "NAME")
            if not (ok_end and ok_start):
                raise SourceError(f"{pid}: span has edge punctuation {seg!r}")
    for a, c in zip(allspans, allspans[1:]):
        if c["start"] < a["end"]:
            raise SourceError(f"{pid}: overlapping spans {a} {c}")


def parse_source(path):
    pieces = []
    sort = None
    lang = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*sort:\s*(\w+)", line)
                if m:
                    sort = m.group(1)
                    if sort not in SORTS:
                        raise SourceError(f"line {lineno}: unknown sort {sort}")
                m = re.match(r"#\s*lang:\s*(\S+)", line)
                if m:
                    lang = m.group(1)
                continue
            if sort is None:
                raise SourceError(f"line {lineno}: piece before any '# sort:' comment")
            text, spans, neutral = parse_piece(line, lineno)
            pid = f"threads-{len(pieces) + 1:04d}"
            check_piece(pid, text, spans, neutral)
            pieces.append({"id": pid, "text": text, "spans": spans, "neutral": neutral,
                           "_sort": sort, "_lang": lang or "en", "_line": lineno})
            lang = None
    return pieces


def public(p):
    return {
        "id": p["id"],
        "text": p["text"],
        "spans": [{k: s[k] for k in ("start", "end", "kind", "role")} for s in p["spans"]],
        "neutral": [{k: s[k] for k in ("start", "end", "kind")} for s in p["neutral"]],
    }


def write_jsonl(path, items):
    with open(path, "w", encoding="utf-8") as fh:
        for p in items:
            fh.write(json.dumps(public(p), ensure_ascii=False) + "\n")


def table(title, rows, cols):
    out = [f"### {title}", "", "| | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, vals in rows:
        out.append(f"| {name} | " + " | ".join(str(vals.get(c, 0)) for c in cols) + " |")
    out.append("")
    return out


def stats(pieces, split_of):
    splits = ["dev", "heldout", "all"]
    by = {sp: [p for p in pieces if sp == "all" or split_of[p["id"]] == sp] for sp in splits}
    lines = ["# threads - statistics", "", "Generated by build.py; do not edit.", ""]
    # pieces per sort
    rows = []
    for so in SORTS:
        rows.append((so, {sp: sum(1 for p in by[sp] if p["_sort"] == so) for sp in splits}))
    rows.append(("**total pieces**", {sp: len(by[sp]) for sp in splits}))
    rows.append(("pieces with no personal span", {sp: sum(1 for p in by[sp] if not p["spans"]) for sp in splits}))
    rows.append(("pieces not only English", {sp: sum(1 for p in by[sp] if p["_lang"] != "en") for sp in splits}))
    lines += table("Pieces per sort", rows, splits)
    # spans per kind
    rows = []
    for k in sorted(KINDS):
        rows.append((k, {sp: sum(1 for p in by[sp] for s in p["spans"] if s["kind"] == k) for sp in splits}))
    rows.append(("**total spans**", {sp: sum(len(p["spans"]) for p in by[sp]) for sp in splits}))
    rows.append(("NEUTRAL", {sp: sum(len(p["neutral"]) for p in by[sp]) for sp in splits}))
    lines += table("Spans per kind", rows, splits)
    # per role
    rows = []
    for r in ("reporter", "subject", "third"):
        vals = {}
        for sp in splits:
            n = sum(1 for p in by[sp] for s in p["spans"] if s["role"] == r)
            tot = sum(len(p["spans"]) for p in by[sp]) or 1
            vals[sp] = f"{n} ({100 * n / tot:.0f}%)"
        rows.append((r, vals))
    lines += table("Spans per role", rows, splits)
    # spans per sort
    rows = []
    for so in SORTS:
        rows.append((so, {sp: sum(len(p["spans"]) for p in by[sp] if p["_sort"] == so) for sp in splits}))
    lines += table("Spans per sort", rows, splits)
    # kind x role (all)
    rows = []
    for k in sorted(KINDS):
        rows.append((k, {r: sum(1 for p in pieces for s in p["spans"] if s["kind"] == k and s["role"] == r)
                         for r in ("reporter", "subject", "third")}))
    lines += table("Kind x role (all)", rows, ["reporter", "subject", "third"])
    # kind x role per split
    for sp in ("dev", "heldout"):
        rows = []
        for k in sorted(KINDS):
            rows.append((k, {r: sum(1 for p in by[sp] for s in p["spans"] if s["kind"] == k and s["role"] == r)
                             for r in ("reporter", "subject", "third")}))
        lines += table(f"Kind x role ({sp})", rows, ["reporter", "subject", "third"])
    # languages
    lc = Counter()
    for p in pieces:
        for l in p["_lang"].split("+"):
            lc[l] += 1
    lines += ["### Language tags (all; a piece counts once per language it uses)", ""]
    lines += [f"- {l}: {n}" for l, n in sorted(lc.items(), key=lambda x: (-x[1], x[0]))]
    lines.append("")
    lens = [len(p["text"]) for p in pieces if p["_sort"] == "narrative"]
    if lens:
        lines.append(f"Narrative length (characters): min {min(lens)}, max {max(lens)}, mean {sum(lens) / len(lens):.0f}")
        lines.append("")
    return "\n".join(lines)


def main():
    src = os.path.join(HERE, "source.txt")
    try:
        pieces = parse_source(src)
    except SourceError as e:
        print("ERROR:", e, file=sys.stderr)
        sys.exit(1)
    write_jsonl(os.path.join(HERE, "all.jsonl"), pieces)
    order = list(pieces)
    random.Random(SEED).shuffle(order)
    n_dev = int(round(len(order) * DEV_SHARE))
    split_of = {p["id"]: ("dev" if i < n_dev else "heldout") for i, p in enumerate(order)}
    write_jsonl(os.path.join(HERE, "dev.jsonl"), order[:n_dev])
    write_jsonl(os.path.join(HERE, "heldout.jsonl"), order[n_dev:])
    with open(os.path.join(HERE, "sorts.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tsort\tsplit\n")
        for p in pieces:
            fh.write(f"{p['id']}\t{p['_sort']}\t{split_of[p['id']]}\n")
    with open(os.path.join(HERE, "stats.md"), "w", encoding="utf-8") as fh:
        fh.write(stats(pieces, split_of))
    # final self-check: reread the written files and re-verify every span
    for name in ("all.jsonl", "dev.jsonl", "heldout.jsonl"):
        with open(os.path.join(HERE, name), encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                b = d["text"].encode("utf-8")
                prev = -1
                for s in sorted(d["spans"] + d["neutral"], key=lambda s: s["start"]):
                    seg = b[s["start"]:s["end"]].decode("utf-8")
                    assert seg == seg.strip() and seg, (d["id"], s)
                    assert s["start"] >= prev, (d["id"], s)
                    prev = s["end"]
    print(f"{len(pieces)} pieces: dev {n_dev}, heldout {len(pieces) - n_dev}; "
          f"{sum(len(p['spans']) for p in pieces)} spans, {sum(len(p['neutral']) for p in pieces)} neutral")


if __name__ == "__main__":
    main()
