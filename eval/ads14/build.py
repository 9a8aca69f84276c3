#!/usr/bin/env python3
"""Build set ads14 from source.txt.

source.txt: a header line `# NNN | lang | voice | channel | sector | pii` before each
piece; the piece on one line, `\\n` (two characters) for a line break inside it.
Spans: {KIND|role|text}; look-alikes that must not be redacted: {NEUTRAL|-|text}.
Lines starting with `##` and blank lines are ignored.

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

SET = "ads14"
SHUFFLE_SEED = 14_2025
DEV_SHARE = 0.35

KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]

HEADER_RE = re.compile(r"^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| (yes|no)\s*$")
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


# ------------------------------------------------------------- check digits
def norm_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            d = unicodedata.digit(ch, None)
            if d is None:
                return None
            out.append(str(d))
        elif ch.isalpha():
            out.append(ch.upper())
    return "".join(out)


def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0


def ird_ok(s):
    if not s.isdigit() or len(s) not in (8, 9):
        return False
    n = int(s)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    base = s[:-1].zfill(8)
    chk = int(s[-1])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "11": [(5000, 6499), (6600, 8999)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}


def nz_bank_ok(raw):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})", raw)
    if not m:
        return False
    bank, branch, acct, suf = m.groups()
    if bank not in NZ_BRANCHES:
        return False
    if not any(lo <= int(branch) <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    wa = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    wb = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    w = wa if int(acct8) < 990000 else wb
    d = [int(c) for c in bank + branch + acct8 + suf.zfill(4)]
    return sum(a * b for a, b in zip(d, w)) % 11 == 0


def iban_ok(s):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


V_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
       [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
       [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
       [9,8,7,6,5,4,3,2,1,0]]
V_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
       [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
       [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def aadhaar_ok(s):
    if not re.fullmatch(r"[2-9]\d{11}", s):
        return False
    c = 0
    for i, x in enumerate(reversed(s)):
        c = V_D[c][V_P[i % 8][int(x)]]
    return c == 0


def cn_id_ok(s):
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]


def pan_ok(s):
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s))


def th_id_ok(s):
    if not re.fullmatch(r"\d{13}", s):
        return False
    return (11 - sum(int(c) * (13 - i) for i, c in enumerate(s[:12])) % 11) % 10 == int(s[12])


def kr_rrn_ok(s):
    if not re.fullmatch(r"\d{13}", s):
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s, w)) % 11) % 10 == int(s[12])


def cl_rut_ok(s):
    if not re.fullmatch(r"\d{7,8}[\dK]", s):
        return False
    num, dv = s[:-1], s[-1]
    t, m = 0, 2
    for c in reversed(num):
        t += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - t % 11
    return ("0" if r == 11 else "K" if r == 10 else str(r)) == dv


def au_tfn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    return sum(int(a) * b for a, b in zip(s, w)) % 11 == 0


def es_dni_ok(s):
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    p, n, l = m.groups()
    num = int(str("XYZ".index(p)) + n) if p else int(n)
    return "TRWAGMYFPDXBNJZSQVHLCKE"[num % 23] == l


def ru_inn_ok(s):
    if not re.fullmatch(r"\d{12}", s):
        return False
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c1 = sum(int(a) * b for a, b in zip(s, w1)) % 11 % 10
    c2 = sum(int(a) * b for a, b in zip(s, w2)) % 11 % 10
    return c1 == int(s[10]) and c2 == int(s[11])


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def tron_ok(s):
    import hashlib
    if not re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", s):
        return False
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes(25, "big")
    return raw[0] == 0x41 and hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


TW_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id_ok(s):
    if not re.fullmatch(r"[A-Z][12]\d{8}", s):
        return False
    code = TW_CODES[s[0]]
    d = [code // 10, code % 10] + [int(c) for c in s[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(a * b for a, b in zip(d, w)) % 10 == 0


VALIDATORS = {"tron": tron_ok, "tw_id": tw_id_ok, 
    "nz_ird": ird_ok, "nz_bank": None, "card": luhn_ok, "aadhaar": aadhaar_ok,
    "cn_id": cn_id_ok, "pan": pan_ok, "th_id": th_id_ok, "kr_rrn": kr_rrn_ok,
    "cl_rut": cl_rut_ok, "au_tfn": au_tfn_ok, "es_dni": es_dni_ok, "es_nie": es_dni_ok,
    "ru_inn": ru_inn_ok,
}
for cc in ("GB", "DE", "ES", "FR"):
    VALIDATORS[f"iban_{cc}"] = iban_ok

GEN = {}
try:
    with open("gen_output.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            k, v = line.rstrip("\n").split("\t")
            GEN[norm_digits(v)] = (k, v)
except FileNotFoundError:
    warnings.append("gen_output.tsv missing; run gen.py")

# context keywords that declare a check-digit format for an ID span
CTX = [
    ("nz_ird", re.compile(r"IRD|tax (?:no|number|num)|税号|टैक्स|tax file", re.I)),
    ("aadhaar", re.compile(r"aadha+r|aadhar|आधार|ਆਧਾਰ|আধার", re.I)),
    ("cn_id", re.compile(r"身份证|身分證|ID card", re.I)),
    ("th_id", re.compile(r"บัตรประชาชน|เลขประจำตัว", re.I)),
    ("kr_rrn", re.compile(r"주민등록|주민번호", re.I)),
    ("cl_rut", re.compile(r"\bRUT\b|\bRUN\b", re.I)),
    ("au_tfn", re.compile(r"\bTFN\b", re.I)),
    ("es_dni", re.compile(r"\bDNI\b|\bNIE\b", re.I)),
    ("ru_inn", re.compile(r"ИНН|\bINN\b", re.I)),
    ("pan", re.compile(r"\bPAN\b|पैन", re.I)),
    ("tw_id", re.compile(r"身分證|身份證")),
]

SHAPE = {"nz_ird": r"\d{8,9}", "aadhaar": r"\d{12}", "cn_id": r"\d{17}[\dX]",
         "th_id": r"\d{13}", "kr_rrn": r"\d{13}", "cl_rut": r"\d{7,8}[\dK]",
         "au_tfn": r"\d{9}", "es_dni": r"[XYZ]?\d{7,8}[A-Z]", "ru_inn": r"\d{12}",
         "pan": r"[A-Z]{5}\d{4}[A-Z]", "tw_id": r"[A-Z][12]\d{8}"}

check_log = []  # (piece, kind, text, result)


def check_number(pid, kind, text, before):
    masked = bool(re.search(r"[xX*•●#_]{2,}|\.\.\.|…", text)) and kind in ("CARD", "BANK", "ID", "PHONE")
    n = norm_digits(text)
    if n is None:
        check_log.append((pid, kind, text, "non-digit numerals?"))
        return
    if masked:
        check_log.append((pid, kind, text, "masked: unchecked"))
        return
    fmt = None
    if kind == "BANK" and re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", text):
        ok = tron_ok(text)
        check_log.append((pid, kind, text, f"tron: {'OK' if ok else 'FAIL'}"))
        if not ok:
            err(f"{pid}: {kind} '{text}' fails tron base58check")
        return
    if n in GEN:
        fmt = GEN[n][0]
        if fmt.endswith("_b"):
            fmt = fmt[:-2]
    elif kind == "CARD":
        fmt = "card"
    elif kind == "BANK":
        if re.fullmatch(r"\d{15,18}", n) and re.search(r"\d{2}[- ]?\d{4}[- ]?\d{7}", text):
            fmt = "nz_bank"
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", n):
            fmt = "iban"
    elif kind == "ID":
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", n):
            fmt = "pan"
        elif re.fullmatch(r"\d{17}[\dX]", n):
            fmt = "cn_id"
        else:
            for f, rx in CTX:
                if rx.search(before[-60:]) and re.fullmatch(SHAPE[f], n):
                    fmt = f
                    break
    if fmt is None:
        if kind in ("ID", "BANK", "CARD"):
            check_log.append((pid, kind, text, "no check-digit format"))
        return
    if fmt == "nz_bank":
        ok = nz_bank_ok(re.sub(r"[^\d-]", "-", "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)).strip("-")) or nz_bank_ok(n[:2] + n[2:6] + n[6:13] + n[13:])
    elif fmt == "iban":
        ok = iban_ok(n)
    elif fmt in VALIDATORS and VALIDATORS[fmt]:
        ok = VALIDATORS[fmt](n)
    else:
        check_log.append((pid, kind, text, f"{fmt}: no check digit"))
        return
    check_log.append((pid, kind, text, f"{fmt}: {'OK' if ok else 'FAIL'}"))
    if not ok:
        err(f"{pid}: {kind} '{text}' fails {fmt} check")


# ------------------------------------------------------------- parsing
def parse_piece(pid, raw):
    text_parts = []
    spans = []
    neutral = []
    pos = 0
    cur = ""  # running text (unescaped)
    for m in SPAN_RE.finditer(raw):
        plain = raw[pos:m.start()]
        if "{" in plain or "}" in plain:
            err(f"{pid}: stray brace in: {plain[:80]!r}")
        cur += plain.replace("\\n", "\n")
        kind, role, stext = m.groups()
        stext = stext.replace("\\n", "\n")
        if kind == "NEUTRAL":
            if role != "-":
                err(f"{pid}: NEUTRAL must have role '-': {m.group(0)}")
        else:
            if kind not in KINDS:
                err(f"{pid}: unknown kind {kind}")
            if role not in ROLES:
                err(f"{pid}: unknown role {role}")
        if "|" in stext:
            err(f"{pid}: '|' inside span text {stext!r}")
        if not stext:
            err(f"{pid}: empty span")
        elif stext != stext.strip():
            err(f"{pid}: outer whitespace in span {stext!r}")
        elif stext[-1] in ".,;:!?)" and kind not in ("ADDRESS",):
            warnings.append(f"{pid}: span ends with punctuation: {stext!r}")
        start = len(cur)
        cur += stext
        end = len(cur)
        if kind != "NEUTRAL" and kind in ("ID", "BANK", "CARD"):
            check_number(pid, kind, stext, cur[:start])
        (neutral if kind == "NEUTRAL" else spans).append((start, end, kind, role))
        pos = m.end()
    plain = raw[pos:]
    if "{" in plain or "}" in plain:
        err(f"{pid}: stray brace in: {plain[:80]!r}")
    cur += plain.replace("\\n", "\n")
    if cur != cur.strip():
        warnings.append(f"{pid}: piece has outer whitespace")
    return cur, spans, neutral


def to_bytes(text, spans):
    out = []
    for s, e, k, r in spans:
        bs = len(text[:s].encode("utf-8"))
        be = bs + len(text[s:e].encode("utf-8"))
        d = {"start": bs, "end": be, "kind": k}
        if k != "NEUTRAL":
            d["role"] = r
        out.append(d)
    return out


def main():
    with open("source.txt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    records = []
    meta = []
    i = 0
    seen = set()
    expect = 1
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("##"):
            i += 1
            continue
        m = HEADER_RE.match(line)
        if not m:
            err(f"line {i+1}: expected header, got {line[:80]!r}")
            i += 1
            continue
        num, lang, voice, channel, sector, pii = m.groups()
        if int(num) != expect:
            err(f"line {i+1}: piece {num} out of order (expected {expect:03d})")
        expect = int(num) + 1
        if num in seen:
            err(f"duplicate piece number {num}")
        seen.add(num)
        if i + 1 >= len(lines) or lines[i + 1].startswith("#") or not lines[i + 1].strip():
            err(f"piece {num}: missing text line")
            i += 1
            continue
        raw = lines[i + 1]
        pid = f"{SET}-{int(num):04d}"
        text, spans, neutral = parse_piece(pid, raw)
        allsp = sorted(spans + neutral)
        for a, b in zip(allsp, allsp[1:]):
            if b[0] < a[1]:
                err(f"{pid}: overlapping spans {a} {b}")
        if pii == "no" and spans:
            err(f"{pid}: header says pii=no but has {len(spans)} spans")
        if pii == "yes" and not spans:
            err(f"{pid}: header says pii=yes but has no spans")
        rec = {"id": pid, "text": text, "spans": to_bytes(text, spans),
               "neutral": to_bytes(text, neutral)}
        # round-trip check of byte offsets
        b = text.encode("utf-8")
        for (s, e, k, r), d in zip(spans, rec["spans"]):
            if b[d["start"]:d["end"]].decode("utf-8") != text[s:e]:
                err(f"{pid}: byte offset mismatch")
        records.append(rec)
        meta.append({"id": pid, "lang": lang.strip(), "voice": voice.strip(),
                     "channel": channel.strip(), "sector": sector.strip(), "pii": pii,
                     "chars": len(text)})
        i += 2

    with open("all.jsonl", "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(range(len(records)))
    random.Random(SHUFFLE_SEED).shuffle(order)
    ndev = round(len(records) * DEV_SHARE)
    dev = [records[j] for j in order[:ndev]]
    held = [records[j] for j in order[ndev:]]
    with open("dev.jsonl", "w", encoding="utf-8") as fh:
        for r in dev:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open("heldout.jsonl", "w", encoding="utf-8") as fh:
        for r in held:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_stats(records, dev, held, meta)

    for p, k, t, res in check_log:
        if "FAIL" in res or "--checks" in sys.argv:
            print(f"check {p} {k} {t!r}: {res}")
    if "--checks" not in sys.argv:
        unchecked = [c for c in check_log if "no check" in c[3] or "masked" in c[3] or "non-digit" in c[3]]
        okc = [c for c in check_log if c[3].endswith("OK")]
        print(f"checks: {len(okc)} passed, {len(unchecked)} without a check digit (run --checks to list)")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(records)} pieces, {sum(len(r['spans']) for r in records)} spans, "
          f"{sum(len(r['neutral']) for r in records)} neutral; dev {len(dev)}, held-out {len(held)}; "
          f"{len(errors)} errors")
    sys.exit(1 if errors else 0)


def table(recs):
    c = Counter()
    for r in recs:
        for s in r["spans"]:
            c[(s["kind"], s["role"])] += 1
    lines = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
    tot = Counter()
    for k in KINDS:
        row = [c[(k, r)] for r in ROLES]
        for r, v in zip(ROLES, row):
            tot[r] += v
        lines.append(f"| {k} | " + " | ".join(str(v) for v in row) + f" | {sum(row)} |")
    lines.append("| **total** | " + " | ".join(str(tot[r]) for r in ROLES) + f" | {sum(tot.values())} |")
    neu = sum(len(r["neutral"]) for r in recs)
    nopii = sum(1 for r in recs if not r["spans"])
    lines.append("")
    lines.append(f"{len(recs)} pieces; {nopii} with no personal detail; {neu} NEUTRAL spans.")
    return "\n".join(lines)


def write_stats(all_, dev, held, meta):
    lens = [m["chars"] for m in meta]
    out = [f"# Stats for set {SET}", ""]
    for name, recs in (("All", all_), ("Dev (35%)", dev), ("Held out (65%)", held)):
        out += [f"## {name}", "", table(recs), ""]
    out += ["## Lengths (characters)", "",
            f"min {min(lens)}, median {int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}", ""]
    buckets = Counter()
    for L in lens:
        buckets["<100" if L < 100 else "100-299" if L < 300 else "300-699" if L < 700 else
                "700-1199" if L < 1200 else "1200+"] += 1
    out.append("| length | pieces |\n|---|---:|")
    for b in ["<100", "100-299", "300-699", "700-1199", "1200+"]:
        out.append(f"| {b} | {buckets[b]} |")
    out.append("")
    for field in ("lang", "channel", "sector", "voice"):
        c = Counter()
        for m in meta:
            for part in re.split(r"[+/,]", m[field]):
                c[part.strip()] += 1
        out += [f"## By {field} (a piece can count under several)", "",
                ", ".join(f"{k} {v}" for k, v in c.most_common()), ""]
    with open("stats.md", "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


if __name__ == "__main__":
    main()
