#!/usr/bin/env python3
"""Build the web4 evaluation set from source.txt.

source.txt: one tip per line; `# NNN | lang: ... | voice: ... | sector: ... | channel: ...`
comment before each tip; inline labels {KIND|role|text} and {NEUTRAL|-|text};
the two characters backslash-n mean a line break inside a tip.

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import checkdigits as cd

HERE = Path(__file__).resolve().parent
SET = "web4"
SEED = 20261130
DEV_FRACTION = 0.35
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
LABEL = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

errors, warnings = [], []


def unescape(s):
    return s.replace("\\n", "\n")


def norm_digits(s):
    out = []
    for ch in s:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return "".join(out)


CTX_RULES = [
    (re.compile(r"\bIRD\b|\bird\b|tax (?:no|num)|税号|IRD号", re.I), "ird"),
    (re.compile(r"aadhaar|aadhar|adhar|आधार|ਆਧਾਰ|ஆதார்|আধার", re.I), "aadhaar"),
    (re.compile(r"身份证|身份證|身分證|identity card no", re.I), "cnid"),
    (re.compile(r"บัตรประชาชน|เลขประจำตัว|thai id", re.I), "thid"),
    (re.compile(r"\bCPF\b", re.I), "cpf"),
    (re.compile(r"\bRUT\b|\bRUN\b", re.I), "rut"),
    (re.compile(r"주민등록|주민번호"), "rrn"),
    (re.compile(r"\bDNI\b|\bNIE\b"), "dni"),
    (re.compile(r"\bCUIL\b|\bCUIT\b"), "cuil"),
    (re.compile(r"\bNHI\b"), "nhi"),
]


def check_number(tid, kind, text, span_text, start_char):
    s = norm_digits(span_text)
    if re.search(r"[xX*•_.]{2,}|XXX|\*", s) and kind in ("CARD", "BANK"):
        return  # masked
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", s.strip()):
            if not cd.nzbank_valid(s):
                errors.append(f"{tid}: NZ bank check fails: {span_text}")
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{11,}", s.strip()):
            if not cd.iban_valid(s):
                errors.append(f"{tid}: IBAN check fails: {span_text}")
    elif kind == "CARD":
        d = re.sub(r"\D", "", s)
        if 13 <= len(d) <= 19 and not cd.luhn_valid(d):
            errors.append(f"{tid}: Luhn fails: {span_text}")
    elif kind == "ID":
        ctx = text[max(0, start_char - 70):start_char]
        for rx, name in CTX_RULES:
            if rx.search(ctx):
                if not cd.VALIDATORS[name](s):
                    warnings.append(f"{tid}: {name} check fails (context): {span_text}")
                break
        else:
            if re.fullmatch(r"\d{17}[\dXx]", s) and not cd.cnid_valid(s):
                warnings.append(f"{tid}: 18-char looks like CN ID, check fails: {span_text}")


def parse_line(tid, raw):
    text_parts, spans, neutral = [], [], []
    pos = 0
    cur = ""
    for m in LABEL.finditer(raw):
        cur += unescape(raw[pos:m.start()])
        kind, role, val = m.group(1), m.group(2), unescape(m.group(3))
        if kind == "NEUTRAL":
            if role != "-":
                errors.append(f"{tid}: NEUTRAL with role {role}")
        else:
            if kind not in KINDS:
                errors.append(f"{tid}: bad kind {kind}")
            if role not in ROLES:
                errors.append(f"{tid}: bad role {role} in {m.group(0)}")
        if kind == "NAME" and re.match(r"(?i)(mr|mrs|ms|miss|dr|sir|madam|aunty|auntie|uncle|kuya|ate|pastor|rev|bhai|pak|bu|encik)\b\.?\s", val):
            errors.append(f"{tid}: title inside NAME span {val!r}")
        if not val or val != val.strip():
            errors.append(f"{tid}: outer whitespace/empty span {m.group(0)!r}")
        start = len(cur)
        cur += val
        (neutral if kind == "NEUTRAL" else spans).append((start, len(cur), kind, role, val))
        pos = m.end()
    cur += unescape(raw[pos:])
    for bad in ("{", "}"):
        if bad in cur:
            errors.append(f"{tid}: stray '{bad}' in text (malformed label?)")
    if re.search(r"\|(reporter|subject|third)\|", cur):
        errors.append(f"{tid}: unparsed label remnant")
    return cur, spans, neutral


def to_bytes(text, spans):
    out = []
    for (s, e, kind, role, val) in spans:
        bs = len(text[:s].encode("utf-8"))
        be = bs + len(text[s:e].encode("utf-8"))
        assert text.encode("utf-8")[bs:be].decode("utf-8") == val
        out.append((bs, be, kind, role))
    return out


def main():
    src = (HERE / "source.txt").read_text(encoding="utf-8")
    records, metas = [], []
    meta = None
    n = 0
    for lineno, line in enumerate(src.split("\n"), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(\d+)\s*\|(.*)", line)
            if m:
                meta = {"num": int(m.group(1))}
                for part in m.group(2).split("|"):
                    if ":" in part:
                        k, v = part.split(":", 1)
                        meta[k.strip()] = v.strip()
            continue
        n += 1
        tid = f"{SET}-{n:04d}"
        if meta is None or meta["num"] != n:
            errors.append(f"line {lineno}: tip {n} has no/mismatched metadata comment ({meta and meta['num']})")
        text, spans, neutral = parse_line(tid, line)
        if not (40 <= len(text) <= 2500):
            warnings.append(f"{tid}: length {len(text)} outside 40..2500")
        allsp = sorted(spans + neutral)
        for a, b in zip(allsp, allsp[1:]):
            if b[0] < a[1]:
                errors.append(f"{tid}: overlap {a[4]!r} / {b[4]!r}")
        for (s, e, kind, role, val) in spans:
            check_number(tid, kind, text, val, s)
        bsp = to_bytes(text, spans)
        bne = to_bytes(text, neutral)
        rec = {"id": tid, "text": text,
               "spans": [{"start": s, "end": e, "kind": k, "role": r} for s, e, k, r in bsp],
               "neutral": [{"start": s, "end": e, "kind": "NEUTRAL"} for s, e, k, r in bne]}
        records.append(rec)
        metas.append(dict(meta or {}, id=tid, length=len(text)))
        meta = None

    for w in warnings:
        print("WARN", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        sys.exit(1)

    def dump(name, recs):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    dump("all.jsonl", records)
    order = list(records)
    random.Random(SEED).shuffle(order)
    k = round(len(order) * DEV_FRACTION)
    dev, held = order[:k], order[k:]
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)
    with open(HERE / "meta.jsonl", "w", encoding="utf-8") as f:
        for m in metas:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")

    # ---- stats
    kinds = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
    roles = ["reporter", "subject", "third"]

    def table(recs):
        c = Counter((s["kind"], s["role"]) for r in recs for s in r["spans"])
        lines = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
        for kd in kinds:
            row = [c[(kd, r)] for r in roles]
            lines.append(f"| {kd} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        tot = [sum(c[(kd, r)] for kd in kinds) for r in roles]
        lines.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
        nneu = sum(len(r["neutral"]) for r in recs)
        nzero = sum(1 for r in recs if not r["spans"])
        lines.append("")
        lines.append(f"tips: {len(recs)}; tips with no span: {nzero}; NEUTRAL spans: {nneu}")
        return "\n".join(lines)

    lens = sorted(m["length"] for m in metas)
    langs = Counter()
    for m in metas:
        for l in re.split(r"\s*\+\s*", m.get("lang", "?")):
            langs[l.strip()] += 1
    chans = Counter(m.get("channel", "?") for m in metas)
    sectors = Counter(m.get("sector", "?") for m in metas)
    non_en = sum(1 for m in metas if m.get("lang", "English").strip() != "English")
    md = [f"# Stats for {SET}", "",
          f"Seed for the dev/heldout shuffle: {SEED}; dev = first {DEV_FRACTION:.0%} after shuffle.", "",
          "## All", "", table(records), "", "## dev", "", table(dev), "", "## heldout", "", table(held), "",
          "## Lengths (characters)", "",
          f"min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}", "",
          f"## Channels", ""] + [f"- {k}: {v}" for k, v in chans.most_common()] + [
          "", f"## Languages ({len(langs)} labels; tips wholly or partly not English: {non_en})", ""] + [
          f"- {k}: {v}" for k, v in sorted(langs.items(), key=lambda x: (-x[1], x[0]))] + [
          "", "## Sectors", ""] + [f"- {k}: {v}" for k, v in sectors.most_common()]
    (HERE / "stats.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(table(records))
    print(f"dev {len(dev)} heldout {len(held)}; median length {lens[len(lens)//2]}; non-English {non_en}")


if __name__ == "__main__":
    main()
