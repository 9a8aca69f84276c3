#!/usr/bin/env python3
"""Parse source.txt, check every span, write all/dev/heldout.jsonl and stats.md."""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

from checks import (normalise, luhn_valid, ird_valid, nz_bank_valid, iban_valid,
                    aadhaar_valid, cn_id_valid, pan_valid, thai_id_valid,
                    ph_mobile_valid)

SET = "spoken20"
HERE = Path(__file__).resolve().parent
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+)$")
NZ_BANK_CODES = {"01", "02", "03", "04", "06", "08", "09", "10", "11", "12", "13",
                 "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24",
                 "25", "26", "27", "28", "29", "30", "31", "35", "38"}

errors, warnings = [], []


def err(pid, msg):
    errors.append("%s: %s" % (pid, msg))


def warn(pid, msg):
    warnings.append("%s: %s" % (pid, msg))


def check_span(pid, kind, text, before, langs):
    ctx = (before[-90:] + " " + text).lower()
    if kind in ("BANK", "CARD", "ID", "PHONE", "PLATE"):
        norm = normalise(text, langs, o_is_zero=(kind != "PLATE"))
    else:
        return
    digits = re.sub(r"\D", "", norm)
    masked = bool(re.search(r"[xX*•#]{2,}|\.\.\.|…", text)) or "ending" in before[-25:].lower() \
        or "ends in" in before[-25:].lower() or "last" in before[-25:].lower()
    if kind == "CARD":
        if not masked and len(digits) >= 13:
            if not luhn_valid(digits):
                err(pid, "CARD fails Luhn: %r -> %s" % (text, digits))
        elif not masked:
            warn(pid, "CARD short/unchecked: %r -> %s" % (text, norm))
    elif kind == "BANK":
        if re.match(r"^[A-Z]{2}\d{2}", norm) and len(norm) >= 15:
            if not iban_valid(norm):
                err(pid, "IBAN fails mod 97: %r -> %s" % (text, norm))
        elif len(digits) in (15, 16) and digits[:2] in NZ_BANK_CODES and norm.isdigit() \
                and not masked:
            if not nz_bank_valid(digits):
                err(pid, "NZ bank fails: %r -> %s" % (text, digits))
        else:
            warn(pid, "BANK unchecked: %r -> %s" % (text, norm))
    elif kind == "ID":
        if masked:
            return
        if re.search(r"\bird\b|tax (number|no|file)|\btax\b", ctx) and len(digits) in (8, 9) \
                and norm.isdigit():
            if not ird_valid(digits):
                err(pid, "IRD fails: %r -> %s" % (text, digits))
        elif re.search(r"aadha+r|आधार|ਆਧਾਰ", ctx) and len(digits) == 12:
            if not aadhaar_valid(digits):
                err(pid, "Aadhaar fails Verhoeff: %r -> %s" % (text, digits))
        elif re.fullmatch(r"\d{17}[\dX]", norm):
            if not cn_id_valid(norm):
                err(pid, "CN ID fails: %r -> %s" % (text, norm))
        elif re.search(r"\bpan\b", ctx) and len(norm) == 10:
            norm = normalise(text, langs, o_is_zero=False)
            if not pan_valid(norm):
                err(pid, "PAN shape fails: %r -> %s" % (text, norm))
        elif len(digits) == 13 and re.search(r"thai|บัตร", ctx) and norm.isdigit():
            if not thai_id_valid(digits):
                err(pid, "Thai ID fails: %r -> %s" % (text, digits))
        elif re.search(r"\bird\b|aadha|\bpan\b", ctx):
            warn(pid, "ID near IRD/Aadhaar/PAN word but unchecked: %r -> %s" % (text, norm))
    elif kind == "PHONE":
        if masked:
            return
        d = digits
        ok = False
        if d.startswith("64"):
            d = "0" + d[2:]
        if d.startswith("02") and 9 <= len(d) <= 11:
            ok = True
        elif re.match(r"0[3-9]", d) and len(d) == 9:
            ok = True
        elif d.startswith("09") and len(d) == 11 and ph_mobile_valid(d):
            ok = True
        elif ph_mobile_valid(digits):
            ok = True
        elif re.match(r"(685|676|679)\d{7}$", digits) or re.match(r"(685|676|679)?[789]\d{6}$", digits):
            ok = True
        elif re.match(r"(91)?[6-9]\d{9}$", digits):
            ok = True
        elif re.match(r"(86)?1[3-9]\d{9}$", digits):
            ok = True
        elif re.match(r"(84|0)[35789]\d{8}$", digits):
            ok = True
        elif len(digits) >= 7:
            ok = True  # other countries: only length
        if not ok:
            warn(pid, "PHONE shape? %r -> %s" % (text, digits))


def parse():
    lines = (HERE / "source.txt").read_text(encoding="utf-8").split("\n")
    pieces = []
    i = 0
    seen = set()
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        m = HEAD_RE.match(ln)
        if not m:
            err("line %d" % (i + 1), "expected header, got %r" % ln[:60])
            i += 1
            continue
        num = m.group(1)
        meta = [g.strip() for g in m.groups()]
        if num in seen:
            err(num, "duplicate number")
        seen.add(num)
        if i + 1 >= len(lines) or not lines[i + 1].strip() or lines[i + 1].startswith("# "):
            err(num, "missing body")
            i += 1
            continue
        body = lines[i + 1]
        pieces.append((num, meta, body))
        i += 2
    return pieces


def build_piece(num, meta, body):
    pid = "%s-%04d" % (SET, int(num))
    langs = tuple(re.split(r"[+/,]", meta[1])) + ("en",)
    text = ""
    spans, neutral = [], []
    pos = 0
    for m in SPAN_RE.finditer(body):
        pre = body[pos:m.start()]
        if "{" in pre or "}" in pre:
            err(num, "stray brace near %r" % pre[-40:])
        text += pre.replace("\\n", "\n")
        kind, role, stext = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
        if not stext:
            err(num, "empty span")
        if stext != stext.strip():
            err(num, "outer whitespace in span %r" % stext)
        if kind == "NEUTRAL":
            if role != "-":
                err(num, "NEUTRAL needs role '-'")
        else:
            if kind not in KINDS:
                err(num, "unknown kind %s" % kind)
            if role not in ROLES:
                err(num, "unknown role %s" % role)
        b0 = len(text.encode("utf-8"))
        check_span(num, kind, stext, text, langs)
        text += stext
        b1 = len(text.encode("utf-8"))
        if kind == "NEUTRAL":
            neutral.append({"start": b0, "end": b1, "kind": "NEUTRAL"})
        else:
            spans.append({"start": b0, "end": b1, "kind": kind, "role": role})
        pos = m.end()
    rest = body[pos:]
    if "{" in rest or "}" in rest:
        err(num, "stray brace near %r" % rest[:40])
    text += rest.replace("\\n", "\n")
    # overlap check (cannot happen inline, but verify)
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            err(num, "overlap")
    has = bool(spans)
    declared = meta[5].lower()
    if declared == "none" and has:
        err(num, "header says pii none but has spans")
    if declared != "none" and not has:
        err(num, "header says pii but no spans")
    if declared != "none":
        kinds = sorted({s["kind"] for s in spans})
        dk = sorted(k.strip() for k in meta[5].split(","))
        if dk != kinds:
            warn(num, "header pii %s != spans %s" % (dk, kinds))
    bt = text.encode("utf-8")
    for s in spans:
        seg = bt[s["start"]:s["end"]].decode("utf-8")
        if seg != seg.strip() or not seg:
            err(num, "bad offsets")
    return {"id": pid, "text": text, "spans": spans, "neutral": neutral}, meta


def table(recs):
    c = Counter()
    for r in recs:
        for s in r["spans"]:
            c[(s["kind"], s["role"])] += 1
    kinds = sorted({k for k, _ in c})
    roles = ["reporter", "subject", "third"]
    out = ["| kind | " + " | ".join(roles) + " | total |", "|---" * 5 + "|"]
    for k in kinds:
        row = [c[(k, r)] for r in roles]
        out.append("| %s | %s | %d |" % (k, " | ".join(map(str, row)), sum(row)))
    col = [sum(c[(k, r)] for k in kinds) for r in roles]
    out.append("| **all** | %s | %d |" % (" | ".join(map(str, col)), sum(col)))
    n_neu = sum(len(r["neutral"]) for r in recs)
    out.append("")
    out.append("NEUTRAL look-alikes: %d" % n_neu)
    return "\n".join(out)


def main():
    pieces = parse()
    recs, metas = [], []
    for num, meta, body in pieces:
        r, m = build_piece(num, meta, body)
        recs.append(r)
        metas.append(m)
    nums = [int(p[0]) for p in pieces]
    if nums != list(range(1, len(nums) + 1)):
        err("-", "piece numbers not sequential 1..N")
    with open(HERE / "all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(range(len(recs)))
    random.Random(2020).shuffle(order)
    ndev = round(len(recs) * 0.35)
    dev = [recs[i] for i in order[:ndev]]
    held = [recs[i] for i in order[ndev:]]
    for name, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    lens = [len(r["text"]) for r in recs]
    nopii = sum(1 for r in recs if not r["spans"])
    st = ["# spoken20 statistics", "",
          "Pieces: %d (dev %d, held out %d). Pieces with no personal detail: %d (%.0f%%)."
          % (len(recs), len(dev), len(held), nopii, 100 * nopii / max(1, len(recs))),
          "Spans: %d; NEUTRAL: %d." % (sum(len(r["spans"]) for r in recs),
                                       sum(len(r["neutral"]) for r in recs)),
          "Length in characters: min %d, median %d, mean %d, max %d." %
          (min(lens), statistics.median(lens), statistics.mean(lens), max(lens)), "",
          "## All", "", table(recs), "", "## Dev", "", table(dev), "", "## Held out", "",
          table(held), ""]
    for idx, label in ((1, "Language"), (2, "Voice"), (3, "Channel"), (4, "Sector")):
        c = Counter()
        for m in metas:
            for x in re.split(r"[+]", m[idx]):
                c[x.strip()] += 1
        st.append("## %s (pieces; mixed pieces count once per part)" % label)
        st.append("")
        st.append(", ".join("%s %d" % kv for kv in sorted(c.items(), key=lambda kv: -kv[1])))
        st.append("")
    (HERE / "stats.md").write_text("\n".join(st), encoding="utf-8")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("%d pieces, %d spans, %d errors, %d warnings" %
          (len(recs), sum(len(r["spans"]) for r in recs), len(errors), len(warnings)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
