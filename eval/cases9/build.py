#!/usr/bin/env python3
"""Build the cases9 test set from source.txt.

source.txt: a '# NNN | lang | voice | channel | sector | pii' line before each
piece; the piece on the next line, '\\n' (two characters) for a line break.
Spans are {KIND|role|text}; look-alikes that must stay are {NEUTRAL|-|text}.

Checks every span (non-empty, no outer whitespace, no overlap, known kinds and
roles, check digits where the format has one, via checks.py), then writes
all.jsonl (UTF-8 byte offsets, end exclusive), dev.jsonl (first 35 % after a
seeded shuffle), heldout.jsonl and stats.md.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import checks

HERE = Path(__file__).resolve().parent
SET = "cases9"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SEED = 90909
DEV_SHARE = 0.35

SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| (yes|none)\s*$")

errors, warnings = [], []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def load_numbers():
    known = {}
    p = HERE / "numbers.txt"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            kind, val, shown = line.split("\t")
            known[checks.norm_digits(val).upper()] = kind
    return known


KNOWN = load_numbers()

CONTEXT_RULES = [  # (regex on the 60 characters before the span, validator name, lengths)
    (re.compile(r"\bIRD\b|\bIR ?number|tax (file )?number|税号|\bIRD#", re.I), "IRD", (8, 9)),
    (re.compile(r"aadha+r|आधार|ਆਧਾਰ|\bUID\b|ஆதார்", re.I), "AADHAAR", (12,)),
    (re.compile(r"\bTFN\b", re.I), "TFN", (9,)),
    (re.compile(r"\bSIN\b|social insurance", re.I), "SIN", (9,)),
    (re.compile(r"\bIMEI\b", re.I), "IMEI", (15,)),
    (re.compile(r"บัตรประชาชน|เลขประจำตัว|Thai ID", re.I), "THAIID", (13,)),
    (re.compile(r"주민등록|\bRRN\b", re.I), "KRRRN", (13,)),
    (re.compile(r"\bNHI\b", re.I), "NHI", (7,)),
    (re.compile(r"\bCPF\b", re.I), "CPF", (11,)),
    (re.compile(r"\bRUT\b|\bRUN\b", re.I), "RUT", (8, 9)),
]

SHAPE_RULES = [  # (regex on the span text, validator)
    (re.compile(r"^\d{17}[\dXx]$"), "CNID"),
    (re.compile(r"^\d{6}[ ]?\d{8}[ ]?\d{3}[\dXx]$"), "CNID"),
    (re.compile(r"^[A-HJ-NP-Z]{3}\d{4}$"), "NHI"),
    (re.compile(r"^[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d$"), "CURP"),
    (re.compile(r"^[STFG]\d{7}[A-Z]$"), "SGNRIC"),
    (re.compile(r"^[XYZ]-?\d{7}-?[A-Z]$"), "ESDNI"),
    (re.compile(r"^[A-Z0-9<]{44}$"), "MRZ2"),
    (re.compile(r"^\d{3}\.\d{3}\.\d{3}-\d{2}$"), "CPF"),
    (re.compile(r"^\d{1,2}\.\d{3}\.\d{3}-[\dkK]$"), "RUT"),
    (re.compile(r"^[A-Z]{3}P[A-Z]\d{4}[A-Z]$"), "PAN"),
    (re.compile(r"^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$"), "GSTIN"),
]

MASK = re.compile(r"[xX*•●]{2,}|…|\.\.\.")


def check_number(pid, kind, text, before, tally):
    """Return the validator used, or None."""
    if MASK.search(text):
        return None
    nd = checks.norm_digits(text).upper()
    used = None
    if nd in KNOWN:
        used = KNOWN[nd]
    elif kind == "CARD":
        used = "CARD"
    elif kind == "BANK":
        t = "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c
                    for c in text).strip()
        if re.fullmatch(r"\d{2}[\s\-.]?\d{4}[\s\-.]?\d{7,8}[\s\-.]?\d{2,4}", t):
            used = "NZBANK"
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{11,40}", text.strip()):
            used = "IBAN"
        elif re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", text.strip()):
            used = "B58"
    elif kind == "ID":
        for rx, name in SHAPE_RULES:
            if rx.match(text.strip()):
                used = name
                break
        if not used:
            for rx, name, lens in CONTEXT_RULES:
                if rx.search(before[-60:]) and len(nd) in lens:
                    used = name
                    break
    if used:
        tally[used] += 1
        if not checks.VALIDATORS[used](text):
            err(pid, f"check digit fails ({used}): {text!r}")
    return used


def parse():
    lines = (HERE / "source.txt").read_text(encoding="utf-8").split("\n")
    pieces = []
    i = 0
    expect = 1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = HEAD_RE.match(line)
        if not m:
            err(f"line {i+1}", f"expected header, got {line[:60]!r}")
            i += 1
            continue
        num = int(m.group(1))
        if num != expect:
            err(f"line {i+1}", f"piece number {num}, expected {expect}")
        expect = num + 1
        if i + 1 >= len(lines) or not lines[i + 1].strip() or lines[i + 1].startswith("# "):
            err(f"line {i+1}", "header without piece")
            i += 1
            continue
        meta = dict(num=num, lang=m.group(2).strip(), voice=m.group(3).strip(),
                    channel=m.group(4).strip(), sector=m.group(5).strip(), pii=m.group(6))
        pieces.append((meta, lines[i + 1]))
        i += 2
    return pieces


def convert(meta, raw, tally, seen_numbers):
    pid = f"{SET}-{meta['num']:04d}"
    raw = raw.replace("\\n", "\n")
    text_parts, spans, neutral = [], [], []
    pos = 0  # byte offset in output
    last = 0
    plain_so_far = ""
    for m in SPAN_RE.finditer(raw):
        before = raw[last:m.start()]
        text_parts.append(before)
        plain_so_far += before
        pos += len(before.encode("utf-8"))
        kind, role, t = m.group(1), m.group(2), m.group(3)
        if not t:
            err(pid, f"empty span {m.group(0)!r}")
        if t != t.strip():
            err(pid, f"outer whitespace in span {m.group(0)!r}")
        if t and t[-1] in ".,;:" and kind not in ("ADDRESS", "NAME"):
            err(pid, f"trailing punctuation in span {m.group(0)!r}")
        start = pos
        pos += len(t.encode("utf-8"))
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL with role {role!r}")
            neutral.append({"start": start, "end": pos, "kind": "NEUTRAL"})
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind!r}")
            if role not in ROLES:
                err(pid, f"unknown role {role!r} in {m.group(0)!r}")
            spans.append({"start": start, "end": pos, "kind": kind, "role": role})
            if kind in ("ID", "BANK", "CARD"):
                check_number(pid, kind, t, plain_so_far, tally)
                nd = checks.norm_digits(t).upper()
                if len(nd) >= 6:
                    seen_numbers[nd].add(pid)
            if kind == "PHONE":
                nd = checks.norm_digits(t)
                if nd.startswith("639") or (nd.startswith("09") and len(nd) == 11):
                    tally["PHMOB"] += 1
                    if not checks.ph_mobile_shape(t):
                        err(pid, f"Philippine mobile has wrong shape: {t!r}")
                if len(nd) >= 7:
                    seen_numbers["PH" + nd[-7:]].add(pid)
        text_parts.append(t)
        plain_so_far += t
        last = m.end()
    text_parts.append(raw[last:])
    text = "".join(text_parts)
    if re.search(r"\{[A-Z]+\|", text) or "}" in text or "{" in text:
        err(pid, "leftover brace / malformed span")
    b = text.encode("utf-8")
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, c in zip(allsp, allsp[1:]):
        if c["start"] < a["end"]:
            err(pid, "overlapping spans")
    for s in spans:
        st = b[s["start"]:s["end"]].decode("utf-8")
        if not st or st != st.strip():
            err(pid, f"bad span text {st!r}")
    if meta["pii"] == "none" and spans:
        err(pid, "header says pii none but has spans")
    if meta["pii"] == "yes" and not spans:
        err(pid, "header says pii yes but has no spans")
    if text != text.strip():
        warnings.append(f"{pid}: leading/trailing whitespace in text")
    return {"id": pid, "text": text, "spans": spans, "neutral": neutral}, meta


def table(objs):
    c = Counter()
    for o in objs:
        for s in o["spans"]:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
    tot = Counter()
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        for r, v in zip(ROLES, vals):
            tot[r] += v
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    rows.append("| **total** | " + " | ".join(str(tot[r]) for r in ROLES)
                + f" | {sum(tot.values())} |")
    return "\n".join(rows)


def main():
    pieces = parse()
    tally = Counter()
    seen_numbers = defaultdict(set)
    objs, metas = [], []
    for meta, raw in pieces:
        o, mt = convert(meta, raw, tally, seen_numbers)
        objs.append(o)
        metas.append(mt)
    for nd, pids in seen_numbers.items():
        if len(pids) > 1:
            warnings.append(f"number reused across pieces {sorted(pids)}: {nd}")
    for w in warnings:
        print("WARN", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} errors; nothing written")
        sys.exit(1)

    with open(HERE / "all.jsonl", "w", encoding="utf-8") as f:
        for o in objs:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    order = list(range(len(objs)))
    random.Random(SEED).shuffle(order)
    ndev = round(len(objs) * DEV_SHARE)
    dev = [objs[i] for i in order[:ndev]]
    held = [objs[i] for i in order[ndev:]]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for o in sorted(part, key=lambda o: o["id"]):
                f.write(json.dumps(o, ensure_ascii=False) + "\n")

    lens = [len(o["text"]) for o in objs]
    blens = [len(o["text"].encode("utf-8")) for o in objs]
    nonepii = sum(1 for o in objs if not o["spans"])
    out = [f"# cases9 statistics\n",
           f"- pieces: {len(objs)} (dev {len(dev)}, held out {len(held)})",
           f"- pieces with no personal detail: {nonepii}",
           f"- spans: {sum(len(o['spans']) for o in objs)}; neutral look-alikes: "
           f"{sum(len(o['neutral']) for o in objs)}",
           f"- length in characters: min {min(lens)}, median {int(statistics.median(lens))}, "
           f"mean {int(statistics.mean(lens))}, max {max(lens)}; "
           f"UTF-8 bytes: min {min(blens)}, median {int(statistics.median(blens))}, max {max(blens)}",
           f"- check-digit validations run by build.py: "
           + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())),
           "", "## Spans by kind and role: all", "", table(objs),
           "", "## Dev", "", table(dev), "", "## Held out", "", table(held), ""]
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for m in metas:
            for v in re.split(r"\s*\+\s*", m[field]):
                c[v] += 1
        out.append(f"## By {field}\n")
        out.append(", ".join(f"{k} {v}" for k, v in c.most_common()))
        out.append("")
    (HERE / "stats.md").write_text("\n".join(out), encoding="utf-8")
    print(f"OK: {len(objs)} pieces, {sum(len(o['spans']) for o in objs)} spans, "
          f"dev {len(dev)}, held out {len(held)}; checks: {dict(tally)}")


if __name__ == "__main__":
    main()
