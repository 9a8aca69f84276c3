#!/usr/bin/env python3
"""Parse source.txt (isles21), check spans, write all/dev/heldout jsonl and stats.md."""
import json
import random
import re
import statistics
import sys
from collections import Counter

from checks import ird_valid, nz_bank_valid, luhn_valid, iban_valid

SET = "isles21"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*?)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (yes|no)\s*$")

errors = []


def err(msg):
    errors.append(msg)


def unesc(s):
    return s.replace("\\n", "\n")


def parse_piece(num, raw):
    text_parts = []
    spans, neutral = [], []
    pos_b = 0
    last = 0
    for m in SPAN_RE.finditer(raw):
        plain = unesc(raw[last:m.start()])
        text_parts.append(plain)
        pos_b += len(plain.encode("utf-8"))
        kind, role, stext = m.group(1), m.group(2), unesc(m.group(3))
        if stext == "" or stext != stext.strip():
            err(f"{num}: empty or padded span {m.group(0)!r}")
        start_b = pos_b
        text_parts.append(stext)
        pos_b += len(stext.encode("utf-8"))
        if kind == "NEUTRAL":
            if role != "-":
                err(f"{num}: NEUTRAL needs role '-' {m.group(0)!r}")
            neutral.append({"start": start_b, "end": pos_b, "kind": "NEUTRAL"})
        else:
            if kind not in KINDS:
                err(f"{num}: unknown kind {kind}")
            if role not in ROLES:
                err(f"{num}: unknown role {role}")
            spans.append({"start": start_b, "end": pos_b, "kind": kind, "role": role, "_t": stext})
        last = m.end()
    plain = unesc(raw[last:])
    text_parts.append(plain)
    text = "".join(text_parts)
    # leftover markup
    for m in SPAN_RE.finditer(raw):
        pass
    stripped = SPAN_RE.sub("", raw)
    if re.search(r"[{}]", stripped) or re.search(r"\|[a-z-]+\|", stripped):
        err(f"{num}: stray markup: {stripped[:80]!r}")
    return text, spans, neutral


def check_digits(num, text, sp):
    t = sp["_t"]
    kind = sp["kind"]
    b = text.encode("utf-8")
    before = b[max(0, sp["start"] - 70):sp["start"]].decode("utf-8", "ignore").lower()
    digits = re.sub(r"\D", "", t)
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[- ]?\d{4}[- ]?\d{7,8}[- ]?\d{2,3}", t):
            if not nz_bank_valid(t):
                err(f"{num}: NZ bank account fails check: {t}")
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}", t):
            if not iban_valid(t):
                err(f"{num}: IBAN fails mod 97: {t}")
    elif kind == "CARD":
        if re.fullmatch(r"[\d -]+", t) and 13 <= len(digits) <= 19:
            if not luhn_valid(t):
                err(f"{num}: card fails Luhn: {t}")
    elif kind == "ID":
        if re.fullmatch(r"[\d -]+", t) and len(digits) in (8, 9) and re.search(r"ird|tax|inland revenue|tāke|tukuhau", before):
            if not ird_valid(t):
                err(f"{num}: IRD fails mod 11: {t}")


def main():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []
    head = None
    expected = 1
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("# "):
            m = HEAD_RE.match(line)
            if not m:
                err(f"line {i}: bad header {line!r}")
                head = None
                continue
            if head is not None:
                err(f"line {i}: header without piece before it")
            head = m.groups()
            if int(head[0]) != expected:
                err(f"line {i}: numbering {head[0]} expected {expected:03d}")
            expected = int(head[0]) + 1
            continue
        if head is None:
            err(f"line {i}: piece without header")
            continue
        num = head[0]
        text, spans, neutral = parse_piece(num, line)
        tb = text.encode("utf-8")
        for sp in spans:
            if tb[sp["start"]:sp["end"]].decode("utf-8") != sp["_t"]:
                err(f"{num}: offset mismatch for {sp['_t']!r}")
            check_digits(num, text, sp)
        # overlap
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, c in zip(allsp, allsp[1:]):
            if c["start"] < a["end"]:
                err(f"{num}: overlapping spans")
        if head[5] == "no" and spans:
            err(f"{num}: marked pii=no but has spans")
        if head[5] == "yes" and not spans:
            err(f"{num}: marked pii=yes but has no spans")
        pieces.append({
            "id": f"{SET}-{int(num):04d}",
            "text": text,
            "spans": [{k: v for k, v in s.items() if k != "_t"} for s in spans],
            "neutral": neutral,
            "_meta": dict(zip(["num", "lang", "voice", "channel", "sector", "pii"], [h.strip() for h in head])),
        })
        head = None
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} error(s)")
        sys.exit(1)

    def dump(path, items):
        with open(path, "w", encoding="utf-8") as f:
            for p in items:
                f.write(json.dumps({k: v for k, v in p.items() if k != "_meta"}, ensure_ascii=False) + "\n")

    dump("all.jsonl", pieces)
    shuffled = pieces[:]
    random.Random(2121).shuffle(shuffled)
    ndev = round(len(shuffled) * 0.35)
    dev, held = shuffled[:ndev], shuffled[ndev:]
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)
    write_stats(pieces, dev, held)
    print(f"ok: {len(pieces)} pieces, {sum(len(p['spans']) for p in pieces)} spans, "
          f"{sum(len(p['neutral']) for p in pieces)} neutral; dev {len(dev)}, heldout {len(held)}")


def table(items):
    kinds = sorted(KINDS)
    roles = ["reporter", "subject", "third"]
    c = Counter((s["kind"], s["role"]) for p in items for s in p["spans"])
    out = ["| kind | " + " | ".join(roles) + " | total |", "|---|" + "---|" * (len(roles) + 1)]
    for k in kinds:
        row = [c[(k, r)] for r in roles]
        out.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(c[(k, r)] for k in kinds) for r in roles]
    out.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nneu = sum(len(p["neutral"]) for p in items)
    out.append("")
    out.append(f"NEUTRAL look-alikes: {nneu}")
    return "\n".join(out)


def write_stats(pieces, dev, held):
    L = [len(p["text"]) for p in pieces]
    out = [f"# Stats for {SET}", ""]
    out.append(f"- pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)})")
    out.append(f"- pieces with no personal detail: {sum(1 for p in pieces if not p['spans'])}")
    out.append(f"- spans: {sum(len(p['spans']) for p in pieces)}; neutral: {sum(len(p['neutral']) for p in pieces)}")
    out.append(f"- length in characters: min {min(L)}, median {int(statistics.median(L))}, mean {int(statistics.mean(L))}, max {max(L)}")
    out.append("")
    for title, items in (("All", pieces), ("Dev", dev), ("Held out", held)):
        out.append(f"## {title} ({len(items)} pieces)")
        out.append("")
        out.append(table(items))
        out.append("")
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for p in pieces:
            for v in p["_meta"][field].split("+"):
                c[v.strip()] += 1
        out.append(f"## By {field}")
        out.append("")
        out.append(", ".join(f"{k} {v}" for k, v in c.most_common()))
        out.append("")
    open("stats.md", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
