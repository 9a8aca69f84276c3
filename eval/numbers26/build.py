"""Build numbers26 from source.txt.

source.txt: one piece per line, preceded by a comment line
    # NNN | lang | voice | channel | sector | pii|none
Spans inline: {KIND|role|text}; look-alikes {NEUTRAL|-|text}.  A literal two-character
"\\n" inside a piece is a line break.

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.  Exits non-zero on any error.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import checks as C

HERE = Path(__file__).resolve().parent
SET = "numbers26"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SEED = 2626
DEV_FRACTION = 0.35

HEADER = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (pii|none)\s*$")
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

errors = []
checked = Counter()
unchecked = []


def err(num, msg):
    errors.append(f"piece {num}: {msg}")


def ctx_before(text, start, n=60):
    return text[max(0, start - n):start].lower()


MASK = re.compile(r"[xX*•#]{2,}|\.\.\.")


def check_span(num, kind, text, plain, start):
    """Check digits where the format has one. Returns scheme name or None."""
    before = ctx_before(plain, start)
    norm = C.normalise_digits(text)
    alnum = C.only_alnum(text)
    digits_only = re.sub(r"\D", "", norm)
    masked = bool(MASK.search(text))
    if kind == "CARD":
        if masked or len(digits_only) < 12:
            return "card-partial"
        if not C.luhn_ok(digits_only):
            err(num, f"card fails Luhn: {text!r}")
        return "luhn"
    if kind == "BANK":
        if masked:
            return "bank-partial"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", alnum):
            if not C.iban_ok(alnum):
                err(num, f"IBAN fails mod 97: {text!r}")
            return "iban"
        if re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7,8}[- ]\d{2,4}", norm.strip()) or (
                re.fullmatch(r"\d{15,16}", digits_only) and re.search(r"\bnz\b|kiwibank|asb|anz|bnz|westpac|tsb", before)):
            if not C.nz_bank_ok(norm):
                err(num, f"NZ bank account fails check: {text!r}")
            return "nz-bank"
        return None
    if kind == "ID":
        if masked:
            return "id-partial"
        if re.fullmatch(r"\d{17}[\dX]", alnum):
            if not C.cn_id_ok(alnum):
                err(num, f"Chinese resident ID fails ISO 7064: {text!r}")
            return "cn-id"
        if re.fullmatch(r"\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]", norm.strip()):
            if not C.rut_ok(norm):
                err(num, f"Chilean RUT fails mod 11: {text!r}")
            return "rut"
        if re.fullmatch(r"\d{6}-[1-8]\d{6}", norm.strip()):
            if not C.kr_rrn_ok(norm):
                err(num, f"Korean RRN fails check: {text!r}")
            return "kr-rrn"
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", alnum):
            if not C.pan_ok(alnum):
                err(num, f"PAN shape wrong: {text!r}")
            return "pan"
        if re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", alnum) and re.search(r"nhi|health|hospital|gp|doctor|patient", before):
            if not C.nhi_ok(alnum):
                err(num, f"NHI fails check: {text!r}")
            return "nhi"
        if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", norm.strip()) or (
                len(digits_only) == 11 and "cpf" in before):
            if not C.cpf_ok(digits_only):
                err(num, f"CPF fails check: {text!r}")
            return "cpf"
        if len(digits_only) == 13 and re.fullmatch(r"[\d\-\s]+", norm.strip()) and re.search(
                r"thai|บัตรประชาชน|ประชาชน|เลขบัตร|national id", before):
            if not C.thai_id_ok(digits_only):
                err(num, f"Thai ID fails check: {text!r}")
            return "thai-id"
        if len(digits_only) == 12 and re.search(r"aadh?aar|आधार|ਆਧਾਰ|uidai|\buid\b", before):
            if not C.aadhaar_ok(digits_only):
                err(num, f"Aadhaar fails Verhoeff: {text!r}")
            return "aadhaar"
        wd = C.words_to_digits(text) if re.search(r"[A-Za-z]", text) else digits_only
        if wd and len(wd) in (8, 9) and re.search(r"\bird\b|tax (number|no|file)|ird#|ird:", before):
            if not C.ird_ok(wd):
                err(num, f"IRD fails mod 11: {text!r}")
            return "ird"
        return None
    if kind == "PHONE":
        wd = C.words_to_digits(text) if re.search(r"[A-Za-z]", text) else digits_only
        if wd and (text.strip().startswith("+63") or re.match(r"^(63)?09\d{9}$|^639\d{9}$", wd)):
            if not C.ph_mobile_ok(wd if not wd.startswith("639") else wd):
                err(num, f"Philippine mobile prefix/length wrong: {text!r}")
            return "ph-mobile"
        return None
    return None


def parse_piece(num, raw):
    raw = raw.replace("\\n", "\n")
    out, spans, neutral = [], [], []
    pos = 0
    plain_len = 0
    for m in SPAN.finditer(raw):
        pre = raw[pos:m.start()]
        if "{" in pre or "}" in pre:
            err(num, f"stray brace near {pre[-30:]!r}")
        out.append(pre)
        plain_len += len(pre)
        kind, role, text = m.group(1), m.group(2), m.group(3)
        start = plain_len
        out.append(text)
        plain_len += len(text)
        if not text:
            err(num, "empty span")
        elif text != text.strip():
            err(num, f"outer whitespace in span {text!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(num, f"NEUTRAL with role {role}")
            neutral.append((start, plain_len, text))
        else:
            if kind not in KINDS:
                err(num, f"unknown kind {kind}")
            if role not in ROLES:
                err(num, f"unknown role {role}")
            spans.append((start, plain_len, kind, role, text))
        pos = m.end()
    rest = raw[pos:]
    if "{" in rest or "}" in rest:
        err(num, f"stray brace near {rest[:40]!r}")
    out.append(rest)
    plain = "".join(out)
    for s in spans:
        scheme = check_span(num, s[2], s[4], plain, s[0])
        if scheme:
            checked[scheme] += 1
        elif s[2] in ("ID", "BANK"):
            unchecked.append(f"{num} {s[2]} {s[4]!r}")
    # MRZ lines anywhere in the text
    for line in plain.split("\n"):
        line = line.strip()
        if re.fullmatch(r"[A-Z0-9<]{44}", line) and re.match(r"[A-Z0-9<]{9}\d[A-Z<]{3}\d{6}", line):
            if not C.mrz_line2_ok(line):
                err(num, f"MRZ line 2 check digits wrong: {line}")
            checked["mrz"] += 1
    allsp = sorted([(a, b) for a, b, *_ in spans] + [(a, b) for a, b, _ in neutral])
    for (a1, b1), (a2, b2) in zip(allsp, allsp[1:]):
        if a2 < b1:
            err(num, "overlapping spans")
    return plain, spans, neutral


def byte_off(text, i):
    return len(text[:i].encode("utf-8"))


def main():
    lines = (HERE / "source.txt").read_text(encoding="utf-8").split("\n")
    pieces = []
    header = None
    seen = set()
    for ln in lines:
        if not ln.strip():
            continue
        if ln.startswith("#"):
            m = HEADER.match(ln)
            if m:
                if header is not None:
                    err(header[0], "header without piece")
                header = m.groups()
            elif re.match(r"^# \d", ln):
                errors.append(f"malformed header: {ln}")
            continue
        if header is None:
            errors.append(f"piece without header: {ln[:60]}")
            continue
        num = header[0]
        if num in seen:
            err(num, "duplicate number")
        seen.add(num)
        plain, spans, neutral = parse_piece(num, ln)
        if header[5] == "none" and spans:
            err(num, "marked none but has spans")
        if header[5] == "pii" and not spans:
            err(num, "marked pii but has no spans")
        pieces.append({"num": num, "meta": [h.strip() for h in header[1:]], "text": plain,
                       "spans": spans, "neutral": neutral})
        header = None
    nums = [int(p["num"]) for p in pieces]
    if nums != list(range(1, len(nums) + 1)):
        errors.append("piece numbers are not 1..N in order")

    recs = []
    for p in pieces:
        t = p["text"]
        recs.append({
            "id": f"{SET}-{int(p['num']):04d}",
            "text": t,
            "spans": [{"start": byte_off(t, a), "end": byte_off(t, b), "kind": k, "role": r}
                      for a, b, k, r, _ in p["spans"]],
            "neutral": [{"start": byte_off(t, a), "end": byte_off(t, b), "kind": "NEUTRAL"}
                        for a, b, _ in p["neutral"]],
        })
        # round-trip check of byte offsets
        bt = t.encode("utf-8")
        for s, (_, _, _, _, txt) in zip(recs[-1]["spans"], p["spans"]):
            if bt[s["start"]:s["end"]].decode("utf-8") != txt:
                err(p["num"], f"byte offset mismatch for {txt!r}")

    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} error(s)")
        sys.exit(1)

    with open(HERE / "all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    ndev = round(len(recs) * DEV_FRACTION)
    dev_idx, held_idx = sorted(order[:ndev]), sorted(order[ndev:])
    for name, idx in (("dev.jsonl", dev_idx), ("heldout.jsonl", held_idx)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for i in idx:
                f.write(json.dumps(recs[i], ensure_ascii=False) + "\n")

    write_stats(pieces, dev_idx, held_idx)
    print(f"ok: {len(recs)} pieces, {sum(len(p['spans']) for p in pieces)} spans, "
          f"{sum(len(p['neutral']) for p in pieces)} neutral; dev {len(dev_idx)}, held out {len(held_idx)}")
    print("checked:", dict(checked))
    if "-v" in sys.argv:
        print("ID/BANK spans with no check-digit scheme:")
        print("\n".join(unchecked))


def table(pieces):
    c = Counter((k, r) for p in pieces for _, _, k, r, _ in p["spans"])
    rows = ["| kind | " + " | ".join(ROLES) + " | total |", "|---|" + "---|" * (len(ROLES) + 1)]
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    rows.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    neu = sum(len(p["neutral"]) for p in pieces)
    rows.append("")
    rows.append(f"pieces: {len(pieces)}; with personal details: {sum(1 for p in pieces if p['spans'])}; "
                f"without: {sum(1 for p in pieces if not p['spans'])}; NEUTRAL spans: {neu}")
    return "\n".join(rows)


def write_stats(pieces, dev_idx, held_idx):
    lens = [len(p["text"]) for p in pieces]
    out = [f"# {SET} statistics", "", "Generated by build.py; do not edit.", ""]
    for title, sub in (("All", pieces), ("Dev", [pieces[i] for i in dev_idx]),
                       ("Held out", [pieces[i] for i in held_idx])):
        out += [f"## {title}", "", table(sub), ""]
    out += ["## Lengths (characters)", "",
            f"min {min(lens)}, median {int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}",
            f"under 100: {sum(l < 100 for l in lens)}; 100-499: {sum(100 <= l < 500 for l in lens)}; "
            f"500-999: {sum(500 <= l < 1000 for l in lens)}; 1000+: {sum(l >= 1000 for l in lens)}", ""]
    for i, name in enumerate(["language", "voice", "channel", "sector"]):
        c = Counter(p["meta"][i] for p in pieces)
        out += [f"## By {name}", "", ", ".join(f"{k} {v}" for k, v in c.most_common()), ""]
    out += ["## Check-digit verification", "",
            ", ".join(f"{k} {v}" for k, v in sorted(checked.items())), ""]
    (HERE / "stats.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
