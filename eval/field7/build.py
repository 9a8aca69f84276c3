"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (field7).

source.txt: a '# NNN | lang | voice | channel | sector | pii' line, then the piece on one line.
Literal backslash-n inside a piece is a line break. Spans: {KIND|role|text}; look-alikes that
must not be redacted: {NEUTRAL|-|text}. Offsets written are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter

from checks import (CHECKS, norm, nz_bank_parts, ird_ok, nz_bank_ok, iban_ok, luhn_ok, aadhaar_ok,
                    cn_id_ok, pan_ok, thai_id_ok, rrn_ok, cpf_ok, rut_ok, dni_ok)

SET = "field7"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
MASK = re.compile(r"[xX*•#]{2,}|…|\.\.\.")

errors, notes = [], []
checked = Counter()
unchecked = []

pool = json.load(open("pool.json"))
pool_index = {}
for typ, vals in pool.items():
    for v in vals:
        pool_index[norm(v)] = typ


def ctx_type(kind, text, before):
    """Decide which check applies to an ID/BANK/CARD span."""
    n = norm(text)
    b = before.lower()
    if MASK.search(text) and kind != "BANK":
        return "masked"
    if n in pool_index and pool_index[n] in CHECKS:
        return pool_index[n]
    if kind == "CARD":
        return "luhn"
    if kind == "BANK":
        if MASK.search(text):
            return "masked"
        if nz_bank_parts(text):
            return "nzbank"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", text.strip()):
            return "iban"
        return None
    # ID
    if re.fullmatch(r"\d{17}[\dX]", n):
        return "cnid"
    if re.fullmatch(r"[A-Z]{3}P[A-Z]\d{4}[A-Z]", n):
        return "pan"
    if re.search(r"ird|tax|taake|inland revenue|纳税|税号", b[-40:]) and re.fullmatch(r"\d{8,9}", n):
        return "ird"
    if re.search(r"aadhaa?r|आधार|ਆਧਾਰ|ஆதார்|ആധാർ|ఆధార్|আধার|આધાર", b[-50:]) and len(n) == 12:
        return "aadhaar"
    if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", text):
        return "cpf"
    if re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", text):
        return "rut"
    if re.search(r"dni|nie", b[-30:]) and re.fullmatch(r"[XYZ]?\d{7,8}[A-Z]", n):
        return "dni"
    if re.search(r"บัตรประชาชน|thai id", b[-40:]) and len(n) == 13:
        return "thaiid"
    if re.fullmatch(r"\d{6}-\d{7}", text):
        return "rrn"
    return None


def parse(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    pieces, meta = [], None
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = [p.strip() for p in line[1:].split("|")]
            if len(parts) != 6:
                errors.append(f"line {ln}: bad comment line: {line}")
            meta = parts + [ln]
            continue
        if meta is None:
            errors.append(f"line {ln}: piece without comment line")
            continue
        pieces.append((meta, line, ln))
        meta = None
    return pieces


def convert(meta, raw, ln):
    raw = raw.replace("\\n", "\n")
    text, spans, neutral = "", [], []
    pos = 0
    for m in SPAN_RE.finditer(raw):
        text += raw[pos:m.start()]
        kind, role, st = m.groups()
        b0 = len(text.encode("utf-8"))
        before = text
        text += st
        b1 = len(text.encode("utf-8"))
        pos = m.end()
        where = f"piece {meta[0]} (line {ln}) span {st!r}"
        if not st or st != st.strip():
            errors.append(f"{where}: empty or outer whitespace")
        if kind == "NEUTRAL":
            if role != "-":
                errors.append(f"{where}: NEUTRAL role must be '-'")
            neutral.append({"start": b0, "end": b1, "kind": "NEUTRAL"})
            continue
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind}")
        if role not in ROLES:
            errors.append(f"{where}: unknown role {role}")
        if kind in ("ID", "BANK", "CARD"):
            t = ctx_type(kind, st, before)
            if t == "masked":
                checked["masked (not checkable)"] += 1
            elif t in CHECKS:
                if CHECKS[t](st):
                    checked[t] += 1
                else:
                    errors.append(f"{where}: fails {t} check")
            else:
                unchecked.append(f"{meta[0]} {kind} {st!r}")
        if kind == "EMAIL" and "@" in st and not re.fullmatch(r"[^\s@]+@[^\s@]+\.[^\s@]+", st):
            errors.append(f"{where}: odd e-mail")
        spans.append({"start": b0, "end": b1, "kind": kind, "role": role})
    text += raw[pos:]
    if re.search(r"[{}]", text):
        errors.append(f"piece {meta[0]} (line {ln}): stray brace in text")
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            errors.append(f"piece {meta[0]}: overlapping spans")
    pii = meta[5]
    if pii == "none" and spans:
        errors.append(f"piece {meta[0]}: pii=none but has spans")
    if pii != "none" and not spans:
        errors.append(f"piece {meta[0]}: pii says {pii} but no spans")
    if pii != "none":
        declared = set(k.strip() for k in pii.split(","))
        actual = set(s["kind"] for s in spans)
        if declared != actual:
            errors.append(f"piece {meta[0]}: pii field {sorted(declared)} != spans {sorted(actual)}")
    return text, spans, neutral


def table(recs):
    c = Counter((s["kind"], s["role"]) for r in recs for s in r["spans"])
    kinds = sorted({k for k, _ in c})
    out = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        row = [c[(k, r)] for r in ("reporter", "subject", "third")]
        out.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(c[(k, r)] for k in kinds) for r in ("reporter", "subject", "third")]
    out.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nn = sum(len(r["neutral"]) for r in recs)
    out.append(f"\nNEUTRAL look-alikes: {nn}")
    return "\n".join(out)


def main():
    pieces = parse("source.txt")
    recs, metas = [], []
    nums = [p[0][0] for p in pieces]
    if nums != [f"{i:03d}" for i in range(1, len(nums) + 1)]:
        errors.append("piece numbers are not 001.. consecutive")
    for meta, raw, ln in pieces:
        text, spans, neutral = convert(meta, raw, ln)
        rid = f"{SET}-{int(meta[0]):04d}"
        recs.append({"id": rid, "text": text, "spans": spans, "neutral": neutral})
        metas.append(meta)
    # byte-offset self-check
    for r in recs:
        bt = r["text"].encode("utf-8")
        for s in r["spans"] + r["neutral"]:
            bt[s["start"]:s["end"]].decode("utf-8")
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(range(len(recs)))
    random.Random(7007).shuffle(order)
    ndev = round(len(recs) * 0.35)
    dev = [recs[i] for i in order[:ndev]]
    held = [recs[i] for i in order[ndev:]]
    for name, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # stats
    L = [len(r["text"]) for r in recs] or [0]
    Lb = [len(r["text"].encode()) for r in recs] or [0]
    st = [f"# {SET} stats\n",
          f"Pieces: {len(recs)} (dev {len(dev)}, held out {len(held)}); pieces with no personal detail: "
          f"{sum(1 for r in recs if not r['spans'])}",
          f"Spans: {sum(len(r['spans']) for r in recs)}; NEUTRAL: {sum(len(r['neutral']) for r in recs)}",
          f"Length in characters: min {min(L)}, median {statistics.median(L)}, mean {statistics.mean(L):.0f}, max {max(L)}; "
          f"in UTF-8 bytes: min {min(Lb)}, median {statistics.median(Lb)}, max {max(Lb)}\n",
          "## All\n", table(recs), "\n## Dev\n", table(dev), "\n## Held out\n", table(held), ""]
    for i, label in ((1, "Language"), (2, "Voice"), (3, "Channel"), (4, "Sector")):
        c = Counter()
        for m in metas:
            for v in m[i].split("+"):
                c[v.strip()] += 1
        st.append(f"\n## {label}\n\n" + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    st.append("\n## Check digits re-verified by build.py\n\n" + ", ".join(f"{k} {v}" for k, v in sorted(checked.items())))
    st.append(f"\nID/BANK/CARD spans in formats without a check digit: {len(unchecked)}\n")
    open("stats.md", "w", encoding="utf-8").write("\n".join(st))
    print(f"pieces {len(recs)}  spans {sum(len(r['spans']) for r in recs)}  none-pieces {sum(1 for r in recs if not r['spans'])}  dev {len(dev)} held {len(held)}")
    print("checked:", dict(checked))
    if "-v" in sys.argv:
        print("unchecked:", *unchecked, sep="\n  ")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
