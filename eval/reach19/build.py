#!/usr/bin/env python3
"""Build set reach19 from source.txt.

source.txt: a '# NNN | lang | voice | channel | sector | pii' comment line before each
piece; the piece on the next line; '\\n' (two characters) is a line break inside a piece.
Spans: {KIND|role|text}; look-alikes that must not be redacted: {NEUTRAL|-|text}.

Writes all.jsonl (UTF-8 byte offsets, end exclusive), dev.jsonl (first 35% after a
seeded shuffle), heldout.jsonl and stats.md. Exits non-zero on any error.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

from gen import (aadhaar_ok, cn_id_ok, iban_ok, ird_ok, luhn_ok, nz_bank_ok,
                 pan_ok, ph_mobile_ok, thai_id_ok)

SET = "reach19"
SHUFFLE_SEED = 1919
DEV_SHARE = 0.35
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (yes|no)\s*$")

errors = []
notes = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def ascii_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def only_digits(s):
    return re.sub(r"\D", "", ascii_digits(s))


def check_value(pid, kind, text, before):
    """Check-digit and shape checks. Returns a short label of the check applied."""
    t = ascii_digits(text).strip()
    d = only_digits(t)
    ctx = before[-60:].lower()
    if kind == "BANK":
        m = re.fullmatch(r"(\d{2})[- .]?(\d{4})[- .]?(\d{7,8})[- .]?(\d{2,4})", t)
        if m:
            if not nz_bank_ok(*m.groups()):
                err(pid, f"NZ bank account fails check: {text}")
            return "nz-bank"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{11,}", t):
            if not iban_ok(t):
                err(pid, f"IBAN fails mod 97: {text}")
            return "iban"
        if re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", t):  # Thai PromptPay by national ID
            if not thai_id_ok(t):
                err(pid, f"PromptPay (Thai ID) fails mod 11: {text}")
            return "thai-id"
        if (len(d) == 11 and d.startswith("09")) or (len(d) == 12 and d.startswith("639")):
            if re.search(r"gcash|maya", ctx):  # Philippine e-wallet on a mobile number
                if not ph_mobile_ok("0" + d[-10:]):
                    err(pid, f"GCash/Maya number has a bad PH prefix: {text}")
                return "ph-mobile"
        return None
    if kind == "CARD":
        if re.search(r"[xX*•]", t):
            return "masked"
        if 13 <= len(d) <= 19:
            if not luhn_ok(d):
                err(pid, f"card fails Luhn: {text}")
            return "luhn"
        err(pid, f"card with odd length: {text}")
        return None
    if kind == "ID":
        compact = re.sub(r"[ -]", "", t)
        if re.fullmatch(r"\d{17}[\dXx]", compact):
            if not cn_id_ok(compact):
                err(pid, f"CN resident ID fails ISO 7064: {text}")
            return "cn-id"
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            if not pan_ok(compact):
                err(pid, f"PAN bad shape: {text}")
            return "pan"
        if re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", t) or (len(compact) == 13 and compact.isdigit() and re.search(r"บัตรประชาชน|thai|ประจำตัว", ctx)):
            if not thai_id_ok(compact):
                err(pid, f"Thai ID fails mod 11: {text}")
            return "thai-id"
        if len(compact) == 12 and compact.isdigit() and re.search(r"aadhaar|aadhar|आधार|uid", ctx):
            if not aadhaar_ok(compact):
                err(pid, f"Aadhaar fails Verhoeff: {text}")
            return "aadhaar"
        if len(compact) in (8, 9) and compact.isdigit() and re.search(r"ird|tax", ctx):
            if not ird_ok(compact):
                err(pid, f"IRD fails mod 11: {text}")
            return "ird"
        return None
    if kind == "PHONE":
        if re.search(r"[xX*•#]", t):
            return "masked"
        if d.startswith("639") and len(d) == 12:
            if not ph_mobile_ok("0" + d[2:]):
                err(pid, f"PH mobile bad prefix: {text}")
            return "ph-mobile"
        if d.startswith("09") and len(d) == 11 and re.search(r"ph|pinas|gcash|maya|globe|smart|cel|cp|numero|number|no\.|tawag|text", ctx + " " + text.lower()) and not re.search(r"\+95|myanmar|burma|yangon|mandalay", before.lower()):
            if not ph_mobile_ok(d):
                err(pid, f"PH mobile bad prefix: {text}")
            return "ph-mobile"
        if d and not (3 <= len(d) <= 15):
            err(pid, f"phone with odd digit count: {text}")
        return None
    return None


def parse():
    with open("source.txt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    pieces = []
    head = None
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEAD_RE.match(line)
            if not m:
                if line.startswith("# ") and re.match(r"# \d{3} ", line):
                    err(f"line {ln}", f"bad header: {line}")
                continue
            if head is not None:
                err(f"line {ln}", "header without piece before it")
            head = m.groups()
            continue
        if head is None:
            err(f"line {ln}", "piece without header")
            continue
        pieces.append((head, line, ln))
        head = None
    return pieces


def build_piece(num, head, raw, ln):
    pid = f"{SET}-{num:04d}"
    text_parts = []
    spans, neutral = [], []
    pos_b = 0  # byte offset
    pos_c = 0  # char offset (for context)
    checks = []
    i = 0
    raw = raw.replace("\\n", "\n")
    for m in SPAN_RE.finditer(raw):
        pre = raw[i:m.start()]
        if "{" in pre or "}" in pre:
            err(pid, f"stray brace near: {pre[-40:]!r}")
        text_parts.append(pre)
        pos_b += len(pre.encode("utf-8"))
        kind, role, stext = m.groups()
        if not stext:
            err(pid, "empty span")
        if stext != stext.strip():
            err(pid, f"outer whitespace in span {stext!r}")
        start = pos_b
        end = start + len(stext.encode("utf-8"))
        before = "".join(text_parts)
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL with role {role}")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL"})
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role}")
            c = check_value(pid, kind, stext, before)
            if c:
                checks.append((kind, c, stext))
            spans.append({"start": start, "end": end, "kind": kind, "role": role})
        text_parts.append(stext)
        pos_b = end
        i = m.end()
    tail = raw[i:]
    if "{" in tail or "}" in tail:
        err(pid, f"stray brace near: {tail[:40]!r}")
    text_parts.append(tail)
    text = "".join(text_parts)
    if text != text.strip():
        err(pid, "piece has outer whitespace")
    # verify offsets
    b = text.encode("utf-8")
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, c in zip(allsp, allsp[1:]):
        if c["start"] < a["end"]:
            err(pid, "overlapping spans")
    for s in allsp:
        seg = b[s["start"]:s["end"]].decode("utf-8")
        if not seg or seg != seg.strip():
            err(pid, f"bad span segment {seg!r}")
    n_, lang, voice, channel, sector, pii = [h.strip() for h in head]
    if int(n_) != num:
        err(pid, f"header number {n_} out of sequence (expected {num:03d})")
    if pii == "no" and spans:
        err(pid, "header says no pii but has spans")
    if pii == "yes" and not spans:
        err(pid, "header says pii but no spans")
    meta = {"lang": lang, "voice": voice, "channel": channel, "sector": sector}
    return {"id": pid, "text": text, "spans": spans, "neutral": neutral}, meta, checks


def table(recs, title):
    cnt = Counter()
    for r in recs:
        for s in r["spans"]:
            cnt[(s["kind"], s["role"])] += 1
    kinds = sorted({k for k, _ in cnt})
    roles = ["reporter", "subject", "third"]
    out = [f"### {title} ({len(recs)} pieces, {sum(cnt.values())} spans, "
           f"{sum(len(r['neutral']) for r in recs)} neutral)", "",
           "| kind | " + " | ".join(roles) + " | total |",
           "|---|" + "---|" * (len(roles) + 1)]
    for k in kinds:
        row = [cnt[(k, r)] for r in roles]
        out.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(cnt[(k, r)] for k in kinds) for r in roles]
    out.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    out.append("")
    return out


def main():
    pieces = parse()
    recs, metas, allchecks = [], [], []
    for n, (head, raw, ln) in enumerate(pieces, 1):
        r, meta, checks = build_piece(n, head, raw, ln)
        recs.append(r)
        metas.append(meta)
        allchecks.extend(checks)
    seen = defaultdict(set)
    for r in recs:
        b = r["text"].encode("utf-8")
        for sp in r["spans"]:
            if sp["kind"] in ("PHONE", "BANK", "ID", "CARD"):
                dd = only_digits(b[sp["start"]:sp["end"]].decode("utf-8"))
                if len(dd) >= 7:
                    seen[dd[-7:]].add(r["id"])
    for k, v in seen.items():
        if len(v) > 1:
            notes.append(f"same number ending {k} in {sorted(v)}")
    for n in notes:
        print("NOTE: " + n)
    if errors:
        print("ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    order = list(range(len(recs)))
    random.Random(SHUFFLE_SEED).shuffle(order)
    ndev = round(len(recs) * DEV_SHARE)
    dev = [recs[i] for i in order[:ndev]]
    held = [recs[i] for i in order[ndev:]]

    def dump(fn, rs):
        with open(fn, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump("all.jsonl", recs)
    dump("dev.jsonl", dev)
    dump("heldout.jsonl", held)

    lens = [len(r["text"]) for r in recs]
    nopii = sum(1 for r in recs if not r["spans"])
    st = [f"# {SET} statistics", "",
          f"- pieces: {len(recs)} (dev {len(dev)}, held out {len(held)})",
          f"- pieces with no personal detail: {nopii} ({nopii / len(recs):.0%})",
          f"- spans: {sum(len(r['spans']) for r in recs)}; neutral look-alikes: {sum(len(r['neutral']) for r in recs)}",
          f"- length in characters: min {min(lens)}, median {int(statistics.median(lens))}, "
          f"mean {int(statistics.mean(lens))}, max {max(lens)}",
          f"- check-digit / shape checks passed: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(c for _, c, _ in allchecks).items())),
          ""]
    st += table(recs, "all") + table(dev, "dev") + table(held, "held out")
    for field in ("lang", "channel", "voice", "sector"):
        c = Counter()
        for m in metas:
            for v in m[field].split("+"):
                c[v.strip()] += 1
        st.append(f"### by {field} (a piece may count under several)")
        st.append("")
        st.append(", ".join(f"{k} {v}" for k, v in c.most_common()))
        st.append("")
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write("\n".join(st))
    print("\n".join(st[:8]))
    print(table(recs, "all") and "\n".join(table(recs, "all")))


if __name__ == "__main__":
    main()
