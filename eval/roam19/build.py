"""Build the roam19 set from source.txt.

source.txt: a '# NNN | lang | voice | channel | sector | pii' line before each piece; the piece is
the next non-empty line. Spans inline: {KIND|role|text}; {NEUTRAL|-|text} for look-alikes.
'\\n' (two characters) in a piece is a line break.
Writes all.jsonl, dev.jsonl (35%), heldout.jsonl, stats.md. Exits non-zero on any error.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

from checks import (aadhaar_ok, cccd_ok, cnic_ok, cnid_ok, cpf_ok, dni_ok, iban_ok, ird_ok, luhn_ok,
                    nik_ok, nz_bank_ok, pan_ok, rut_ok, tfn_ok, thai_ok)

SET = "roam19"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

errors, notes = [], []


def ascii_digits(s):
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)


def check_number(pid, kind, text, before):
    """Re-check formats that carry a check digit. `before` = lower-cased text preceding the span."""
    t = ascii_digits(text)
    d = re.sub(r"\D", "", t)
    ctx = before[-70:]
    if "x" in t.lower().replace("xx", "X") and kind == "CARD":
        pass
    if kind == "CARD":
        if re.search(r"[x*•]{2,}", t, re.I):
            notes.append(f"{pid}: masked card {text!r} not checked")
        elif not luhn_ok(d):
            errors.append(f"{pid}: card fails Luhn: {text!r}")
        return
    if kind == "BANK":
        if re.fullmatch(r"\s*\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}\s*", t):
            if not nz_bank_ok(t):
                errors.append(f"{pid}: NZ bank account fails check: {text!r}")
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", t.strip()):
            if not iban_ok(t):
                errors.append(f"{pid}: IBAN fails mod 97: {text!r}")
        return
    if kind != "ID":
        return
    u = t.strip().upper().replace(" ", "")
    if re.fullmatch(r"\d{17}[\dX]", u):
        if not cnid_ok(u):
            errors.append(f"{pid}: China ID fails: {text!r}")
    elif re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", u):
        if not pan_ok(u):
            errors.append(f"{pid}: PAN shape fails: {text!r}")
    elif re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", u) or "cpf" in ctx:
        if not cpf_ok(u):
            errors.append(f"{pid}: CPF fails: {text!r}")
    elif re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dK]", u) or " rut" in ctx:
        if not rut_ok(u):
            errors.append(f"{pid}: RUT fails: {text!r}")
    elif re.search(r"\bird\b|inland revenue|tax number", ctx) and len(d) in (8, 9):
        if not ird_ok(d):
            errors.append(f"{pid}: IRD fails: {text!r}")
    elif re.search(r"aadha?a?r|adhar|uidai", ctx):
        if not aadhaar_ok(d):
            errors.append(f"{pid}: Aadhaar fails Verhoeff: {text!r}")
    elif re.search(r"\btfn\b|tax file", ctx):
        if not tfn_ok(d):
            errors.append(f"{pid}: TFN fails: {text!r}")
    elif re.search(r"bat prachachon|thai id|lek bat|บัตรประชาชน", ctx) and len(d) == 13:
        if not thai_ok(d):
            errors.append(f"{pid}: Thai ID fails: {text!r}")
    elif re.search(r"\bnik\b|\bktp\b", ctx) and len(d) == 16:
        if not nik_ok(d):
            errors.append(f"{pid}: NIK structure fails: {text!r}")
    elif re.search(r"cccd|can cuoc|cmnd", ctx) and len(d) == 12:
        if not cccd_ok(d):
            errors.append(f"{pid}: CCCD structure fails: {text!r}")
    elif re.search(r"cnic|shanakhti|id card", ctx) and re.fullmatch(r"\d{5}-?\d{7}-?\d", u):
        if not cnic_ok(u):
            errors.append(f"{pid}: CNIC fails: {text!r}")
    elif re.search(r"dni|nie\b", ctx) and re.fullmatch(r"[XYZ]?\d{7,8}[A-Z]", u):
        if not dni_ok(u):
            errors.append(f"{pid}: DNI fails: {text!r}")
    elif re.fullmatch(r"\d{8,16}", d) and len(d) == len(re.sub(r"[\s-]", "", u)):
        notes.append(f"{pid}: all-digit ID {text!r} checked by no rule (no format keyword before it)")


def parse(path):
    pieces = []
    header = None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                if header is not None:
                    errors.append(f"line {ln}: header without piece before it")
                header = (ln, line)
                continue
            if header is None:
                errors.append(f"line {ln}: piece without header")
                continue
            pieces.append((header, ln, line))
            header = None
    return pieces


def build_piece(header, ln, raw):
    hl, h = header
    parts = [p.strip() for p in h.lstrip("#").split("|")]
    if len(parts) != 6:
        errors.append(f"line {hl}: header needs 6 fields: {h}")
        parts += [""] * (6 - len(parts))
    num, lang, voice, channel, sector, pii = parts[:6]
    pid = f"{SET}-{int(num):04d}"
    out = bytearray()
    text_parts = []
    spans, neutral = [], []
    pos = 0
    for m in SPAN_RE.finditer(raw):
        before = raw[pos:m.start()].replace("\\n", "\n")
        text_parts.append(before)
        out += before.encode()
        kind, role, st = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
        if not st:
            errors.append(f"{pid}: empty span")
        if st != st.strip():
            errors.append(f"{pid}: outer whitespace in span {st!r}")
        if re.search(r"^[,.;:]|[,.;:]$", st):
            notes.append(f"{pid}: span starts/ends with punctuation: {st!r}")
        start = len(out)
        out += st.encode()
        end = len(out)
        text_parts.append(st)
        if kind == "NEUTRAL":
            if role != "-":
                errors.append(f"{pid}: NEUTRAL must have role '-'")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL"})
        else:
            if kind not in KINDS:
                errors.append(f"{pid}: unknown kind {kind}")
            if role not in ROLES:
                errors.append(f"{pid}: unknown role {role}")
            check_number(pid, kind, st, "".join(text_parts[:-1]).lower())
            spans.append({"start": start, "end": end, "kind": kind, "role": role})
        pos = m.end()
    tail = raw[pos:].replace("\\n", "\n")
    out += tail.encode()
    text = bytes(out).decode()
    for bad in ("{", "}"):
        if bad in tail or any(bad in p for p in text_parts):
            errors.append(f"{pid}: stray brace - malformed span?")
            break
    if re.search(r"\|[a-z]+\|", text):
        errors.append(f"{pid}: leftover span syntax in text")
    if text != text.strip():
        errors.append(f"{pid}: piece has outer whitespace")
    # overlap (cannot occur with inline syntax, checked anyway)
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{pid}: overlapping spans")
    # verify offsets
    tb = text.encode()
    for s in spans + neutral:
        if not tb[s["start"]:s["end"]].decode():
            errors.append(f"{pid}: bad offsets")
    kinds_here = sorted({s["kind"] for s in spans})
    if pii.lower() == "none" and spans:
        errors.append(f"{pid}: header says none but has spans")
    if pii.lower() != "none":
        declared = sorted({k.strip() for k in pii.split(",")})
        if declared != kinds_here:
            errors.append(f"{pid}: header pii {declared} != spans {kinds_here}")
    return {"id": pid, "text": text, "spans": spans, "neutral": neutral,
            "_meta": {"lang": lang, "voice": voice, "channel": channel, "sector": sector}}


def table(rows, title):
    c = Counter((s["kind"], s["role"]) for r in rows for s in r["spans"])
    kinds = sorted({k for k, _ in c})
    roles = ["reporter", "subject", "third"]
    lines = [f"### {title}", "", "| kind | " + " | ".join(roles) + " | total |", "|---|" + "---|" * (len(roles) + 1)]
    for k in kinds:
        vals = [c[(k, r)] for r in roles]
        lines.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    tot = [sum(c[(k, r)] for k in kinds) for r in roles]
    lines.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nneu = sum(len(r["neutral"]) for r in rows)
    npii = sum(1 for r in rows if r["spans"])
    lines += ["", f"pieces: {len(rows)}; with personal detail: {npii}; without: {len(rows) - npii}; NEUTRAL spans: {nneu}", ""]
    return lines


def main():
    pieces = parse("source.txt")
    rows = [build_piece(*p) for p in pieces]
    ids = [r["id"] for r in rows]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    if dup:
        errors.append(f"duplicate ids: {dup}")
    expect = [f"{SET}-{i:04d}" for i in range(1, len(rows) + 1)]
    if ids != expect:
        errors.append("ids are not consecutive from 0001")
    for n in notes:
        print("note:", n)
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    meta = {r["id"]: r.pop("_meta") for r in rows}
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    sh = rows[:]
    random.Random(1919).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sh[:k], sh[k:]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for r in sorted(part, key=lambda r: r["id"]):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    lens = [len(r["text"]) for r in rows]
    st = ["# roam19 stats", "", f"pieces: {len(rows)} (dev {len(dev)}, held out {len(held)})",
          f"characters per piece: min {min(lens)}, median {int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}",
          ""]
    st += table(rows, "all") + table(dev, "dev") + table(held, "held out")
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter(m[field] for m in meta.values())
        st += [f"### {field}", "", ", ".join(f"{a} {b}" for a, b in c.most_common()), ""]
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write("\n".join(st))
    print(f"ok: {len(rows)} pieces, {sum(len(r['spans']) for r in rows)} spans, dev {len(dev)}, held out {len(held)}")


if __name__ == "__main__":
    main()
