#!/usr/bin/env python3
"""Build the reports5 set from source.txt.

source.txt: one tip per line; labels inline as {KIND|role|text} or {NEUTRAL|-|text};
the two characters backslash-n are a line break inside a tip; lines starting with '#'
are comments, and the comment right before each tip is its metadata:
  # 012 | group: a | lang: en | voice: ... | channel: ... | sector: ... | pii: yes
Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import checkdigits as cd

SET = "reports5"
SEED = 20261203
DEV_FRACTION = 0.35
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
HERE = Path(__file__).resolve().parent
LABEL = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
TITLES = re.compile(r"^(mr|mrs|ms|miss|dr|sir|aunty|auntie|uncle|kuya|ate|tita|tito|bhai|ji|sister|pastor|father|rev|madam|boss|pak|bu|ibu|encik|fr|lic|sra|sr|shri|smt|capt|captain|kapten|madam|ma.am|sir|uncle|tita|lola|lolo|nanay|tatay)\.?\s", re.I)

errors, warnings = [], []


def unescape(s: str) -> str:
    return s.replace("\\n", "\n")


def parse_meta(line: str):
    parts = [p.strip() for p in line.lstrip("#").split("|")]
    if not parts or not parts[0].isdigit():
        return None
    meta = {"num": int(parts[0])}
    for p in parts[1:]:
        if ":" in p:
            k, v = p.split(":", 1)
            meta[k.strip()] = v.strip()
    return meta


def parse_tip(raw: str, lineno: int):
    text_parts, spans, neutral = [], [], []
    pos_b = 0  # byte position
    last = 0
    for m in LABEL.finditer(raw):
        before = unescape(raw[last:m.start()])
        text_parts.append(before)
        pos_b += len(before.encode("utf-8"))
        kind, role, inner = m.group(1), m.group(2), unescape(m.group(3))
        if inner != inner.strip() or not inner:
            errors.append(f"line {lineno}: span has outer whitespace or is empty: {inner!r}")
        if kind == "NEUTRAL":
            if role != "-":
                errors.append(f"line {lineno}: NEUTRAL needs role '-': {m.group(0)}")
        else:
            if kind not in KINDS:
                errors.append(f"line {lineno}: unknown kind {kind}")
            if role not in ROLES:
                errors.append(f"line {lineno}: unknown role {role}")
        start = pos_b
        pos_b += len(inner.encode("utf-8"))
        text_parts.append(inner)
        if kind == "NEUTRAL":
            neutral.append({"start": start, "end": pos_b, "kind": "NEUTRAL"})
        else:
            spans.append({"start": start, "end": pos_b, "kind": kind, "role": role})
        if kind == "NAME" and TITLES.match(inner):
            warnings.append(f"line {lineno}: NAME starts with a title/kin word: {inner!r}")
        last = m.end()
    tail = unescape(raw[last:])
    text_parts.append(tail)
    text = "".join(text_parts)
    leftovers = LABEL.sub("", raw)
    if "{" in leftovers or "}" in leftovers:
        errors.append(f"line {lineno}: stray brace (malformed label?)")
    return text, spans, neutral


def check_digits(text: str, tb: bytes, sp: dict, lineno: int):
    val = tb[sp["start"]:sp["end"]].decode("utf-8")
    ctx = tb[max(0, sp["start"] - 60):sp["start"]].decode("utf-8", "ignore").lower()
    digits = re.sub(r"\D", "", val)
    masked = bool(re.search(r"[xX*•#…]|\.\.\.", val))
    k = sp["kind"]
    fail = None
    if k == "CARD" and not masked and len(digits) >= 13 and not cd.luhn_ok(digits):
        fail = "Luhn"
    elif k == "BANK" and not masked:
        if re.fullmatch(r"[A-Z]{2}\d{2}[ A-Z0-9]{11,}", val.upper()) and not cd.iban_ok(val):
            fail = "IBAN"
        elif re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", val) and val[:2] in cd.NZ_BRANCHES and not cd.nzbank_ok(val):
            fail = "NZ bank"
        elif "clabe" in ctx and len(digits) == 18 and not cd.clabe_ok(digits):
            fail = "CLABE"
    elif k == "ID" and not masked:
        if re.search(r"\bird\b|\bgst\b|tax (file )?n", ctx[-30:]) and re.fullmatch(r"\d{2,3}[- ]?\d{3}[- ]?\d{3}", val) and "tfn" not in ctx[-30:] and not cd.ird_ok(val):
            fail = "IRD"
        elif re.search(r"aadhaar|aadhar|आधार|ਆਧਾਰ|આધાર|uidai", ctx) and len(digits) == 12 and not cd.verhoeff_ok(digits):
            fail = "Aadhaar"
        elif re.fullmatch(r"\d{17}[\dXx]", val) and not cd.cnid_ok(val):
            fail = "CN ID"
        elif re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", val) and not cd.thid_ok(val):
            fail = "Thai ID"
        elif re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", val) and not cd.cpf_ok(val):
            fail = "CPF"
        elif re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", val) and not cd.rut_ok(val):
            fail = "RUT"
        elif re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d", val) and not cd.curp_ok(val):
            fail = "CURP"
        elif re.fullmatch(r"[XYZ]\d{7}[A-Z]", val) and not cd.nie_ok(val):
            fail = "NIE"
        elif re.search(r"\bnhi\b", ctx[-40:]) and re.fullmatch(r"[A-Z]{3}\d{4}", val) and not cd.nhi_ok(val):
            fail = "NHI"
        elif re.search(r"\btfn\b|tax file", ctx[-30:]) and len(digits) == 9 and not cd.tfn_ok(digits):
            fail = "TFN"
    if fail:
        errors.append(f"line {lineno}: {k} {val!r} fails {fail} check")


def main():
    src = (HERE / "source.txt").read_text(encoding="utf-8")
    tips, meta, expect = [], None, 1
    for lineno, line in enumerate(src.split("\n"), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = parse_meta(line)
            if m:
                meta = m
            continue
        if meta is None:
            errors.append(f"line {lineno}: tip without metadata comment")
            meta = {"num": expect}
        if meta["num"] != expect:
            errors.append(f"line {lineno}: metadata number {meta['num']} but expected {expect}")
        text, spans, neutral = parse_tip(line, lineno)
        tb = text.encode("utf-8")
        allsp = sorted(spans + neutral, key=lambda s: (s["start"], s["end"]))
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]:
                errors.append(f"line {lineno}: overlapping spans")
        for s in allsp:
            try:
                frag = tb[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                errors.append(f"line {lineno}: span offsets cut a UTF-8 character")
                continue
            if frag != frag.strip() or not frag:
                errors.append(f"line {lineno}: span with outer whitespace {frag!r}")
        for s in spans:
            check_digits(text, tb, s, lineno)
        n = len(text)
        if n < 40 or n > 2500:
            warnings.append(f"line {lineno}: tip {expect} length {n} outside 40..2500")
        pii = meta.get("pii", "?")
        if pii == "no" and spans:
            errors.append(f"line {lineno}: tip {expect} marked pii: no but has spans")
        if pii == "yes" and not spans:
            errors.append(f"line {lineno}: tip {expect} marked pii: yes but has no spans")
        tips.append({"id": f"{SET}-{expect:04d}", "text": text, "spans": spans,
                     "neutral": neutral, "_meta": meta})
        expect += 1
        meta = None

    for w in warnings:
        print("WARN", w, file=sys.stderr)
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)

    def dump(path, rows):
        with open(HERE / path, "w", encoding="utf-8") as f:
            for t in rows:
                f.write(json.dumps({k: t[k] for k in ("id", "text", "spans", "neutral")},
                                   ensure_ascii=False) + "\n")

    dump("all.jsonl", tips)
    order = list(tips)
    random.Random(SEED).shuffle(order)
    ndev = round(len(order) * DEV_FRACTION)
    dev, held = order[:ndev], order[ndev:]
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)

    out = [f"# Stats for {SET}", "",
           f"Tips: {len(tips)} (dev {len(dev)}, heldout {len(held)}); shuffle seed {SEED}.", ""]
    lens = [len(t["text"]) for t in tips]
    out.append(f"Length in characters: min {min(lens)}, median {statistics.median(lens):.0f}, "
               f"max {max(lens)}. Tips with no labelled span: "
               f"{sum(1 for t in tips if not t['spans'])}.")
    out.append("")
    for name, rows in (("all", tips), ("dev", dev), ("heldout", held)):
        c = Counter((s["kind"], s["role"]) for t in rows for s in t["spans"])
        out += [f"## Spans by kind and role: {name}", "",
                "| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
        for k in KINDS:
            r = [c[(k, ro)] for ro in ROLES]
            out.append(f"| {k} | {r[0]} | {r[1]} | {r[2]} | {sum(r)} |")
        tot = [sum(c[(k, ro)] for k in KINDS) for ro in ROLES]
        out.append(f"| **total** | {tot[0]} | {tot[1]} | {tot[2]} | {sum(tot)} |")
        nn = sum(len(t["neutral"]) for t in rows)
        out += ["", f"NEUTRAL spans: {nn}. Tips: {len(rows)}.", ""]
    for key in ("group", "lang", "channel"):
        c = Counter()
        for t in tips:
            for v in t["_meta"].get(key, "?").split("+"):
                c[v.strip()] += 1
        out += [f"## Tips by {key}", ""] + [f"- {k}: {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] + [""]
    (HERE / "stats.md").write_text("\n".join(out), encoding="utf-8")
    print(f"ok: {len(tips)} tips, {sum(len(t['spans']) for t in tips)} spans, "
          f"{sum(len(t['neutral']) for t in tips)} neutral; dev {len(dev)}, heldout {len(held)}")


if __name__ == "__main__":
    main()
