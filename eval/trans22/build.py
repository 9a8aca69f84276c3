#!/usr/bin/env python3
"""Build the trans22 set from source.txt.

source.txt: a `# NNN | lang | voice | channel | sector | pii` line before each piece;
the piece on one line, `\\n` (two characters) for a line break inside it; spans inline
as {KIND|role|text}, look-alikes as {NEUTRAL|-|text}.

Writes all.jsonl, dev.jsonl (35%), heldout.jsonl (65%) and stats.md. Exits non-zero on
any labelling or check-digit error.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = "trans22"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (pii|none)\s*$")

errors = []
notes = []


def err(pid, msg):
    errors.append(f"[{pid}] {msg}")


# ------------------------------------------------------------------ digit helpers
def digits_of(s):
    """All decimal digits in s, in any script, as ASCII."""
    out = []
    for ch in s:
        if unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.digit(ch)))
    return "".join(out)


WORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
         "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def words_to_digits(s):
    """'zero six seven, double three' -> '06733' (English number words only)."""
    out, mult = [], 1
    for w in re.findall(r"[a-z]+", s.lower()):
        if w == "double":
            mult = 2
        elif w == "triple":
            mult = 3
        elif w in WORDS:
            out.append(WORDS[w] * mult)
            mult = 1
        else:
            return ""
    return "".join(out)


def ascii_digits(s):
    return "".join(str(unicodedata.digit(ch)) if unicodedata.category(ch) == "Nd" else ch for ch in s)


MASK = set("Xx*•●#…")


def masked(s):
    core = re.sub(r"[\s\-.]", "", s)
    if re.fullmatch(r"\d{17}[Xx]", core):
        return False
    return bool(re.search(r"[Xx*•●#]{2,}|…", core)) or (any(c.isdigit() for c in core) and bool(re.search(r"\d[Xx*]|[Xx*]\d", core)))


# ------------------------------------------------------------------ validators
def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return s % 10 == 0


def ird_ok(d):
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not 10_000_000 < n < 150_000_000:
        return False
    d = d.zfill(9)
    base, chk = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


NZ_BRANCH = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "11": [(5000, 6999)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "15": [(3900, 3999)],
    "38": [(9000, 9499)],
}
NZW = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "D": ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
}


def nzbank_ok(text):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})", text)
    if not m:
        return False, "not NZ shape"
    bank, branch, acc, suf = m.groups()
    if bank not in NZ_BRANCH:
        return False, f"bank {bank} not in table"
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BRANCH[bank]):
        return False, f"branch {branch} not valid for bank {bank}"
    acc8 = acc.zfill(8)
    alg = "A" if int(acc8) < 990000 else "B"
    w, mod = NZW[alg]
    digits = bank + branch + acc8 + suf.zfill(4)
    ok = sum(int(a) * x for a, x in zip(digits, w)) % mod == 0
    return ok, f"algorithm {alg}"


IBAN_LEN = {"ES": 24, "PT": 25, "SA": 24, "AE": 23, "BR": 29, "JO": 30, "QA": 29, "GB": 22, "DE": 22,
            "FR": 27, "TR": 26, "KW": 30, "BH": 22, "LB": 28, "PK": 24, "UA": 29}


def iban_ok(text):
    s = re.sub(r"[\s-]", "", text).upper()
    cc = s[:2]
    if cc in IBAN_LEN and len(s) != IBAN_LEN[cc]:
        return False, f"length {len(s)} != {IBAN_LEN[cc]}"
    num = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    if int(num) % 97 != 1:
        return False, "mod 97"
    if cc == "ES":
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        dc = lambda t: {11: 0, 10: 1}.get(11 - sum(int(a) * b for a, b in zip(t, w)) % 11,
                                         11 - sum(int(a) * b for a, b in zip(t, w)) % 11)
        bank, branch, d1, d2, acc = s[4:8], s[8:12], s[12], s[13], s[14:24]
        if dc("00" + bank + branch) != int(d1) or dc(acc) != int(d2):
            return False, "ES national DC"
    if cc == "PT":
        body = s[4:23]
        if 98 - (int(body) * 100) % 97 != int(s[23:25]):
            return False, "PT NIB check"
    return True, "iban"


VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,8,7,6,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0 and d[0] not in "01"


def cnid_ok(s):
    s = s.upper()
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    y, m, d = int(s[6:10]), int(s[10:12]), int(s[12:14])
    if not (1900 < y < 2015 and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]


def krrrn_ok(d):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return len(d) == 13 and (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10 == int(d[12])


def thid_ok(d):
    return len(d) == 13 and (11 - sum(int(x) * (13 - i) for i, x in enumerate(d[:12])) % 11) % 10 == int(d[12])


def mynumber_ok(d):
    if len(d) != 12:
        return False
    tot = sum(int(d[10 - (n - 1)]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = tot % 11
    return (0 if r <= 1 else 11 - r) == int(d[11])


def cpf_ok(d):
    if len(d) != 11 or len(set(d)) == 1:
        return False
    v = [int(x) for x in d]
    for n in (9, 10):
        s = sum(a * b for a, b in zip(v[:n], range(n + 1, 1, -1)))
        r = (s * 10) % 11
        if (0 if r == 10 else r) != v[n]:
            return False
    return True


def nie_dni_ok(s):
    s = re.sub(r"[\s-]", "", s.upper())
    L = "TRWAGMYFPDXBNJZSQVHLCKE"
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    p, n, l = m.groups()
    num = int(str("XYZ".index(p)) + n) if p else int(n)
    return L[num % 23] == l


def iran_ok(d):
    if len(d) != 10 or len(set(d)) == 1:
        return False
    r = sum(int(x) * (10 - i) for i, x in enumerate(d[:9])) % 11
    return int(d[9]) == (r if r < 2 else 11 - r)


def snils_ok(d):
    if len(d) != 11:
        return False
    s = sum(int(x) * (9 - i) for i, x in enumerate(d[:9]))
    if s > 101:
        s %= 101
    c = 0 if s in (100, 101) else s
    return c == int(d[9:])


def rut_ok(s):
    m = re.fullmatch(r"(\d{1,2})\.?(\d{3})\.?(\d{3})-([\dkK])", s)
    if not m:
        return False
    n = "".join(m.groups()[:3])
    t = sum(int(x) * w for x, w in zip(reversed(n), [2, 3, 4, 5, 6, 7] * 2))
    r = 11 - t % 11
    return {11: "0", 10: "K"}.get(r, str(r)) == m.group(4).upper()


TWL = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def twid_ok(s):
    if not re.fullmatch(r"[A-Z][12]\d{8}", s):
        return False
    n = TWL[s[0]]
    t = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(s[1:], [8, 7, 6, 5, 4, 3, 2, 1, 1]))
    return t % 10 == 0


CURPCH = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_ok(s):
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d", s):
        return False
    t = sum(CURPCH.index(c) * (18 - i) for i, c in enumerate(s[:17]))
    return (10 - t % 10) % 10 == int(s[17])


CTX = {
    "ird": re.compile(r"\bird\b|inland revenue|tax (file )?n(umber|o)|税号|mã số thuế|เลขผู้เสียภาษี", re.I),
    "aadhaar": re.compile(r"aadhaa?r|आधार|ਆਧਾਰ|આધાર|আধার|ஆதார்|uidai", re.I),
    "mynumber": re.compile(r"my ?number|マイナンバー|個人番号", re.I),
    "thai": re.compile(r"บัตรประชาชน|ประจำตัวประชาชน|thai (national )?id|บัตร ปชช", re.I),
    "iran": re.compile(r"کد ?ملی|كد ?ملي|national code|code ?melli|کارت ملی|melli", re.I),
    "kr": re.compile(r"주민|외국인등록|rrn|resident registration", re.I),
    "cpf": re.compile(r"\bcpf\b", re.I),
}


def check_id(pid, text, ctx):
    """Return (checked_as, ok) or (None, None) when the format has no check digit we know."""
    t = ascii_digits(text).strip()
    d = digits_of(text)
    if not d and words_to_digits(text):
        d = t = words_to_digits(text)
    c = ctx
    if re.fullmatch(r"\d{17}[\dXx]", re.sub(r"[\s-]", "", t)):
        return "CN resident ID", cnid_ok(re.sub(r"[\s-]", "", t))
    if re.fullmatch(r"784-?\d{4}-?\d{7}-?\d", t):
        return "Emirates ID (Luhn)", luhn_ok(d)
    if re.fullmatch(r"\d{6}-\d{7}", t) or (len(d) == 13 and CTX["kr"].search(c)):
        return "KR RRN", krrrn_ok(d)
    if re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", t) or (len(d) == 13 and CTX["thai"].search(c)):
        return "TH national ID", thid_ok(d)
    if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", t) or (len(d) == 11 and CTX["cpf"].search(c)):
        return "BR CPF", cpf_ok(d)
    if re.fullmatch(r"\d{3}-\d{3}-\d{3}[ -]\d{2}", t):
        return "RU SNILS", snils_ok(d)
    if re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", t):
        return "CL RUT", rut_ok(t)
    if re.fullmatch(r"[XYZ]-?\d{7}-?[A-Z]|\d{8}-?[A-Z]", t.upper()) and re.search(r"\b(nie|dni)\b", c, re.I):
        return "ES NIE/DNI", nie_dni_ok(t)
    if re.fullmatch(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d", t):
        return "MX CURP", curp_ok(t)
    if re.fullmatch(r"[A-Z][12]\d{8}", t):
        return "TW national ID", twid_ok(t)
    if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", t):
        return "IN PAN (shape)", t[3] in "PCHFATBLJG"
    if len(d) == 12 and CTX["aadhaar"].search(c):
        return "IN Aadhaar (Verhoeff)", verhoeff_ok(d)
    if len(d) == 12 and CTX["mynumber"].search(c):
        return "JP My Number", mynumber_ok(d)
    if len(d) == 10 and CTX["iran"].search(c):
        return "IR national code", iran_ok(d)
    if len(d) in (8, 9) and (re.fullmatch(r"\d{2,3}[- ]\d{3}[- ]\d{3}", t) or CTX["ird"].search(c)):
        if not re.search(r"[A-Za-z]", t):
            return "NZ IRD", ird_ok(d)
    return None, None


# ------------------------------------------------------------------ parsing
def parse(path):
    pieces = []
    lines = path.read_text(encoding="utf-8").split("\n")
    head = None
    seen = set()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEAD_RE.match(line)
            if not m:
                err(f"line {ln}", f"bad header: {line[:80]}")
                head = None
                continue
            if head is not None:
                err(head[0], "header without piece")
            head = [x.strip() for x in m.groups()]
            if head[0] in seen:
                err(head[0], "duplicate number")
            seen.add(head[0])
            continue
        if head is None:
            err(f"line {ln}", "piece without header")
            continue
        pieces.append((head, line))
        head = None
    return pieces


def build_piece(head, raw):
    pid = head[0]
    text_parts = []
    spans, neutral = [], []
    pos = 0
    bpos = 0  # byte offset in output text
    out = ""
    for m in SPAN_RE.finditer(raw):
        before = raw[pos:m.start()].replace("\\n", "\n")
        if "{" in before or "}" in before or "|" in before and False:
            err(pid, f"stray brace near: {before[-40:]}")
        out += before
        kind, role, st = m.groups()
        st_text = st.replace("\\n", "\n")
        if not st_text:
            err(pid, "empty span")
        if st_text != st_text.strip():
            err(pid, f"outer whitespace in span '{st_text}'")
        if st_text and (st_text[-1] in ",;:" or (st_text[-1] == "." and not re.search(r"(\b[A-Z]|\bMa|\bJr|\bSt|\bNo)\.$", st_text))) and kind not in ("ADDRESS",):
            err(pid, f"span ends with punctuation '{st_text}'")
        start_b = len(out.encode("utf-8"))
        out += st_text
        end_b = len(out.encode("utf-8"))
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL with role {role}")
            neutral.append({"start": start_b, "end": end_b, "kind": "NEUTRAL", "_t": st_text})
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role} in {kind}|{st_text}")
            spans.append({"start": start_b, "end": end_b, "kind": kind, "role": role, "_t": st_text,
                          "_ctx": out[max(0, len(out) - len(st_text) - 70):len(out) - len(st_text)]})
        pos = m.end()
    tail = raw[pos:].replace("\\n", "\n")
    out += tail
    rest = SPAN_RE.sub("", raw)
    if "{" in rest or "}" in rest:
        err(pid, f"stray brace or malformed span: {rest[max(0, rest.find('{') - 20):rest.find('{') + 40]}")
    if out != out.strip():
        err(pid, "piece has outer whitespace")
    # overlap check (inline form cannot nest, but check anyway)
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            err(pid, "overlapping spans")
    # offsets re-check
    ob = out.encode("utf-8")
    for s in allsp:
        if ob[s["start"]:s["end"]].decode("utf-8") != s["_t"]:
            err(pid, f"offset mismatch for {s['_t']}")
    # pii flag consistency
    if head[5] == "none" and spans:
        err(pid, "header says none but has spans")
    if head[5] == "pii" and not spans:
        err(pid, "header says pii but no spans")
    # check digits
    for s in spans:
        t, k, ctx = s["_t"], s["kind"], s["_ctx"]
        if k == "CARD":
            if masked(t):
                notes.append(f"[{pid}] CARD masked, not checked: {t}")
                continue
            d = digits_of(t)
            if not (13 <= len(d) <= 19 and luhn_ok(d)):
                err(pid, f"CARD fails Luhn: {t}")
        elif k == "BANK":
            tt = ascii_digits(t).strip()
            if masked(tt):
                notes.append(f"[{pid}] BANK masked, not checked: {t}")
            elif re.fullmatch(r"\d{2}[- ]?\d{4}[- ]?\d{7,8}[- ]?\d{2,4}", tt):
                ok, how = nzbank_ok(tt)
                if not ok:
                    err(pid, f"NZ bank account fails ({how}): {t}")
            elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", tt):
                ok, how = iban_ok(tt)
                if not ok:
                    err(pid, f"IBAN fails ({how}): {t}")
            else:
                notes.append(f"[{pid}] BANK no check-digit format: {t}")
        elif k == "ID":
            if masked(t):
                notes.append(f"[{pid}] ID masked, not checked: {t}")
                continue
            how, ok = check_id(pid, t, ctx)
            if how is None:
                notes.append(f"[{pid}] ID no check-digit format: {t}")
                for name, rx in CTX.items():
                    if rx.search(ctx[-30:]) and name not in ("kr",):
                        notes.append(f"[{pid}]   ^ context mentions {name} but not checked")
            elif not ok:
                err(pid, f"ID fails {how}: {t}")
        elif k == "PHONE":
            d = digits_of(t)
            tt = ascii_digits(t)
            if tt.strip().startswith("+63") or re.match(r"^0?9\d{2}[ -]?\d{3}[ -]?\d{4}$", tt.strip()) and "63" in ctx[-20:]:
                nat = d[2:] if d.startswith("63") else d.lstrip("0")
                if not (len(nat) == 10 and nat[0] == "9"):
                    err(pid, f"PH mobile shape: {t}")
            if re.match(r"^(\+?64[ -]?|0)2\d", tt.strip()):
                nat = d[2:] if d.startswith("64") else d[1:]
                if not (8 <= len(nat) <= 10):
                    err(pid, f"NZ mobile shape: {t}")
    for s in spans + neutral:
        s.pop("_t", None)
        s.pop("_ctx", None)
    return out, spans, neutral


def table(pieces_spans):
    c = Counter()
    for spans in pieces_spans:
        for s in spans:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | " + " | ".join(ROLES) + " | total |", "|---|" + "---|" * (len(ROLES) + 1)]
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    rows.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    return "\n".join(rows)


def main():
    pieces = parse(HERE / "source.txt")
    recs, metas = [], {}
    for head, raw in pieces:
        text, spans, neutral = build_piece(head, raw)
        rid = f"{SET}-{int(head[0]):04d}"
        recs.append({"id": rid, "text": text, "spans": spans, "neutral": neutral})
        metas[rid] = head
    nums = [int(h[0]) for h, _ in pieces]
    if nums != list(range(1, len(nums) + 1)):
        err("-", "piece numbers not 1..N in order")
    for n in notes:
        print("note:", n)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} errors")
        sys.exit(1)
    with open(HERE / "all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    sh = recs[:]
    random.Random(2022).shuffle(sh)
    ndev = round(len(sh) * 0.35)
    dev, held = sh[:ndev], sh[ndev:]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in sorted(part, key=lambda r: r["id"]):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # stats
    L = [len(r["text"]) for r in recs]
    none = sum(1 for r in recs if not r["spans"])
    md = [f"# {SET} statistics", "",
          f"- pieces: {len(recs)} (dev {len(dev)}, held out {len(held)})",
          f"- pieces with no personal detail: {none} ({none / max(1, len(recs)):.0%})",
          f"- spans: {sum(len(r['spans']) for r in recs)}; neutral look-alikes: {sum(len(r['neutral']) for r in recs)}",
          f"- length in characters: min {min(L)}, median {int(statistics.median(L))}, mean {int(statistics.mean(L))}, max {max(L)}",
          f"- pieces over 1,000 characters: {sum(1 for x in L if x > 1000)}; under 200: {sum(1 for x in L if x < 200)}",
          ""]
    for title, part in (("All", recs), ("Dev", dev), ("Held out", held)):
        md += [f"## {title} ({len(part)} pieces, {sum(1 for r in part if not r['spans'])} without personal detail)", "",
               table([r["spans"] for r in part]), ""]
    for idx, title in ((1, "Languages"), (2, "Voices"), (3, "Channels"), (4, "Sectors")):
        c = Counter()
        for h in metas.values():
            for v in h[idx].split("+") if idx == 1 else [h[idx]]:
                c[v.strip()] += 1
        md += [f"## {title}", "", ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0]))), ""]
    (HERE / "stats.md").write_text("\n".join(md), encoding="utf-8")
    print(f"ok: {len(recs)} pieces, {sum(len(r['spans']) for r in recs)} spans, dev {len(dev)}, held out {len(held)}")


if __name__ == "__main__":
    main()
