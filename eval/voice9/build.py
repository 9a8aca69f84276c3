#!/usr/bin/env python3
"""Build the voice9 test set from source.txt.

- parses inline labels {KIND|role|text} and {NEUTRAL|-|text}
- checks every span (non-empty, no outer whitespace, no overlap, known kinds/roles,
  check digits where the real format has one)
- writes all.jsonl (UTF-8 byte offsets, end exclusive), dev.jsonl (35%), heldout.jsonl, stats.md
Exit status 1 if any error is found.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = "voice9"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SEED = 9009
DEV_SHARE = 0.35

HEADER = re.compile(r"^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?)\s*$")
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

errors = []
notes = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


# ------------------------------------------------------------------ check digits
def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def ird_ok(s):
    if not s.isdigit() or len(s) not in (8, 9):
        return False
    v = int(s)
    if not 10_000_000 <= v <= 150_000_000:
        return False
    s9 = f"{v:09d}"
    base, check = [int(c) for c in s9[:8]], int(s9[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


NZW = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "D": ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    "E": ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], 11),
    "F": ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
    "G": ([0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], 10),
}


def nzbank_ok(bank, branch, acct, suffix):
    bank = f"{int(bank):02d}"
    branch = f"{int(branch):04d}"
    base = f"{int(acct):08d}"
    suf = f"{int(suffix):04d}"
    if bank == "08":
        algo = "D"
    elif bank == "09":
        algo = "E"
    elif bank in ("25", "33"):
        algo = "F"
    elif bank in ("26", "28", "29"):
        algo = "G"
    elif bank == "31":
        return True
    else:
        algo = "A" if int(base) < 990000 else "B"
    w, m = NZW[algo]
    ds = [int(c) for c in bank + branch + base + suf]
    if algo in ("E", "G"):
        tot = 0
        for a, b in zip(ds, w):
            p = a * b
            while p >= 10:  # E/G add the digits of each product, again if still two digits
                p = sum(int(x) for x in str(p))
            tot += p
        return tot % m == 0
    return sum(a * b for a, b in zip(ds, w)) % m == 0


IBAN_LEN = {"GB": 22, "DE": 22, "PK": 24, "AE": 23, "SA": 24, "ES": 24, "FR": 27, "UA": 29,
            "BR": 29, "NL": 18, "IE": 22, "IT": 27, "PL": 28, "TR": 26, "RU": 33, "JO": 30}


def iban_ok(s):
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if s[:2] in IBAN_LEN and IBAN_LEN[s[:2]] != len(s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(s):
    return len(s) == 12 and s.isdigit() and s[0] not in "01" and verhoeff_ok(s)


def cnid_ok(s):
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]


def thai_ok(s):
    if not re.fullmatch(r"\d{13}", s):
        return False
    t = sum(int(d) * (13 - i) for i, d in enumerate(s[:12]))
    return (11 - t % 11) % 10 == int(s[12])


def rrn_ok(s):
    if not re.fullmatch(r"\d{13}", s):
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s[:12], w)) % 11) % 10 == int(s[12])


def cpf_ok(s):
    if not re.fullmatch(r"\d{11}", s):
        return False
    b = [int(c) for c in s]
    for n in (9, 10):
        t = sum(d * w for d, w in zip(b[:n], range(n + 1, 1, -1)))
        if (0 if t % 11 < 2 else 11 - t % 11) != b[n]:
            return False
    return True


def nie_dni_ok(s):
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    num = int(str("XYZ".index(m.group(1))) + m.group(2)) if m.group(1) else int(m.group(2))
    return "TRWAGMYFPDXBNJZSQVHLCKE"[num % 23] == m.group(3)


def nric_ok(s):
    m = re.fullmatch(r"([STFGM])(\d{7})([A-Z])", s)
    if not m:
        return False
    w = [2, 7, 6, 5, 4, 3, 2]
    t = sum(int(a) * b for a, b in zip(m.group(2), w))
    if m.group(1) in "TG":
        t += 4
    if m.group(1) in "ST":
        return "JZIHGFEDCBA"[t % 11] == m.group(3)
    return "XWUTRQPNMLK"[t % 11] == m.group(3)


def rut_ok(s):
    m = re.fullmatch(r"(\d{7,8})([\dK])", s)
    if not m:
        return False
    ds = [int(c) for c in m.group(1)][::-1]
    r = 11 - sum(d * (2 + i % 6) for i, d in enumerate(ds)) % 11
    return ("0" if r == 11 else "K" if r == 10 else str(r)) == m.group(2)


def pan_ok(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s) is not None


# ------------------------------------------------------------------ spoken / other-script digits
WORD_DIGITS = {
    # English
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "to": "2", "for": "4", "won": "1", "tree": "3", "ate": "8",
    # te reo Maori
    "kore": "0", "tahi": "1", "rua": "2", "toru": "3", "whā": "4", "wha": "4", "rima": "5",
    "ono": "6", "whitu": "7", "waru": "8", "iwa": "9",
    # Samoan
    "selo": "0", "tasi": "1", "lua": "2", "tolu": "3", "fā": "4", "fa": "4", "lima": "5",
    "fitu": "7", "valu": "8", "iva": "9",
    # Tagalog / Spanish
    "isa": "1", "dalawa": "2", "tatlo": "3", "apat": "4", "anim": "6", "pito": "7",
    "walo": "8", "siyam": "9", "cero": "0", "uno": "1", "dos": "2", "tres": "3",
    "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
    # Indonesian / Malay
    "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
    "enam": "6", "tujuh": "7", "delapan": "8", "lapan": "8", "sembilan": "9",
}
CJK_DIGITS = dict(zip("〇零一二三四五六七八九两", "001234567892"))
REPEAT = {"double": 2, "triple": 3, "dubble": 2}


def to_digits(text):
    """Return the digit string carried by text (ASCII, other-script digits, or words)."""
    out = []
    toks = re.findall(r"\w+", text.lower())
    rep = 1
    for t in toks:
        if t in REPEAT:
            rep = REPEAT[t]
            continue
        if all(unicodedata.category(c) == "Nd" for c in t):
            ds = "".join(str(unicodedata.digit(c)) for c in t)
            out.append(ds[0] * rep + ds[1:])
        elif t in WORD_DIGITS:
            out.append(WORD_DIGITS[t] * rep)
        elif all(c in CJK_DIGITS for c in t):
            ds = "".join(CJK_DIGITS[c] for c in t)
            out.append(ds[0] * rep + ds[1:])
        else:
            # letters mixed with digits (e.g. passport) - keep alnum as is
            out.append("".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c.upper() for c in t))
        rep = 1
    return "".join(out)


MASK = re.compile(r"[xX*•●#…]{2,}|[xX*•●]{1}\d|\d[xX*•●]")


def check_number(pid, kind, text, before, registry):
    """Check a span whose real format has a check digit. Returns a label of what was checked."""
    if MASK.search(text) or "..." in text:
        return "masked"
    v = to_digits(text)
    compact = re.sub(r"[^0-9A-Z]", "", v.upper())
    ctx = before[-80:].lower()
    if compact in registry:
        t = registry[compact]
        ok = {"IRD": ird_ok, "CARD": luhn_ok, "AADHAAR": aadhaar_ok, "CNID": cnid_ok, "THAIID": thai_ok,
              "KRRRN": rrn_ok, "CPF": cpf_ok, "NIE": nie_dni_ok, "PAN": pan_ok, "IBAN": iban_ok,
              "NZBANK": lambda c: True, "PHMOBILE": lambda c: True, "RUT": rut_ok}[t](compact)
        if not ok:
            err(pid, f"{kind} '{text}' fails {t} check")
        if t != "NZBANK":
            return t
    if kind == "CARD":
        if not re.fullmatch(r"\d{13,19}", compact) or not luhn_ok(compact):
            err(pid, f"CARD '{text}' fails Luhn ({compact})")
        return "LUHN"
    if kind == "BANK":
        m = re.fullmatch(r"\s*(\d{2})[\s-]*(\d{3,4})[\s-]*(\d{7})[\s-]*(\d{2,3})\s*", re.sub(r"[^\d\s-]", " ", v))
        if m and len(compact) in (15, 16):
            if not nzbank_ok(*m.groups()):
                err(pid, f"BANK '{text}' fails NZ bank check")
            return "NZBANK"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            if not iban_ok(compact):
                err(pid, f"BANK '{text}' fails IBAN mod 97")
            return "IBAN"
        return None
    if kind == "ID":
        if re.search(r"ird|tax|税号|tin\b|ता?क्स", ctx) and re.fullmatch(r"\d{8,9}", compact):
            if not ird_ok(compact):
                err(pid, f"ID '{text}' fails IRD mod 11")
            return "IRD"
        if re.search(r"aadhaar|aadhar|आधार|ਆਧਾਰ|uid", ctx) and re.fullmatch(r"\d{12}", compact):
            if not aadhaar_ok(compact):
                err(pid, f"ID '{text}' fails Aadhaar Verhoeff")
            return "AADHAAR"
        if re.fullmatch(r"\d{17}[\dX]", compact):
            if not cnid_ok(compact):
                err(pid, f"ID '{text}' fails China ID ISO 7064")
            return "CNID"
        if re.search(r"thai|บัตร|ประชาชน", ctx) and re.fullmatch(r"\d{13}", compact):
            if not thai_ok(compact):
                err(pid, f"ID '{text}' fails Thai ID check")
            return "THAIID"
        if re.search(r"주민|rrn|resident registration", ctx) and re.fullmatch(r"\d{13}", compact):
            if not rrn_ok(compact):
                err(pid, f"ID '{text}' fails Korean RRN check")
            return "KRRRN"
        if re.search(r"cpf", ctx) and re.fullmatch(r"\d{11}", compact):
            if not cpf_ok(compact):
                err(pid, f"ID '{text}' fails CPF check")
            return "CPF"
        if re.fullmatch(r"[XYZ]\d{7}[A-Z]", compact) or (re.search(r"dni|nie", ctx) and re.fullmatch(r"\d{8}[A-Z]", compact)):
            if not nie_dni_ok(compact):
                err(pid, f"ID '{text}' fails DNI/NIE letter")
            return "NIE/DNI"
        if re.search(r"\brut\b", ctx):
            if not rut_ok(compact):
                err(pid, f"ID '{text}' fails RUT mod 11")
            return "RUT"
        if re.fullmatch(r"[STFGM]\d{7}[A-Z]", compact) and re.search(r"nric|fin|singapore", ctx):
            if not nric_ok(compact):
                err(pid, f"ID '{text}' fails NRIC check")
            return "NRIC"
        if re.search(r"\bpan\b", ctx):
            if not pan_ok(compact):
                err(pid, f"ID '{text}' not PAN shape")
            return "PAN"
        if re.fullmatch(r"\d{8,9}", compact) and re.search(r"ird|tax", ctx):
            return "IRD"
        return None
    return None


def load_registry():
    reg = {}
    p = HERE / "numbers.txt"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                t, v = line.split("\t", 1)
                reg[re.sub(r"[^0-9A-Z]", "", v.upper())] = t
    return reg


# ------------------------------------------------------------------ parse
def parse(path):
    pieces = []
    lines = path.read_text(encoding="utf-8").split("\n")
    header = None
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEADER.match(line)
            if not m:
                err(f"line {ln}", f"bad header: {line[:80]}")
                header = None
                continue
            if header is not None:
                err(f"line {ln}", "header without piece")
            header = m.groups()
            continue
        if header is None:
            err(f"line {ln}", "piece without header")
            continue
        pieces.append((ln, header, line))
        header = None
    return pieces


def build_piece(idx, ln, header, raw, registry, checked):
    num, lang, voice, channel, sector, pii = [h.strip() for h in header]
    pid = f"{SET}-{int(num):04d}"
    if int(num) != idx:
        err(pid, f"header number {num} out of sequence (expected {idx:03d})")
    raw = raw.replace("\\n", "\n")
    text_parts, spans, neutral = [], [], []
    pos = 0  # char position in output text
    last = 0
    for m in SPAN.finditer(raw):
        pre = raw[last:m.start()]
        if "{" in pre or "}" in pre:
            err(pid, f"stray brace near: {pre[-40:]!r}")
        text_parts.append(pre)
        pos += len(pre)
        kind, role, t = m.groups()
        if not t:
            err(pid, f"empty span {m.group(0)}")
        if t != t.strip():
            err(pid, f"outer whitespace in span {m.group(0)!r}")
        if t and t[-1] in ".,;:!?" and kind not in ("ADDRESS",):
            if not (kind == "NAME" and re.search(r"\b[A-Z]\.$|\bJr\.$|\bMa\.$|\bSr\.$", t)):
                err(pid, f"trailing punctuation in span {m.group(0)!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL needs role '-': {m.group(0)}")
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role} in {m.group(0)}")
        start_c = pos
        text_parts.append(t)
        pos += len(t)
        before = "".join(text_parts[:-1])
        if kind in ("ID", "BANK", "CARD"):
            what = check_number(pid, kind, t, before, registry)
            checked.append((pid, kind, t, what))
        rec = (start_c, pos, kind, role, t)
        (neutral if kind == "NEUTRAL" else spans).append(rec)
        last = m.end()
    tail = raw[last:]
    if "{" in tail or "}" in tail:
        err(pid, f"stray brace near: {tail[:40]!r}")
    text_parts.append(tail)
    text = "".join(text_parts)
    if text != text.strip():
        err(pid, "piece has outer whitespace")
    # char -> byte offsets
    def b(ci):
        return len(text[:ci].encode("utf-8"))
    allspans = sorted(spans + neutral)
    for a, c in zip(allspans, allspans[1:]):
        if c[0] < a[1]:
            err(pid, f"overlap {a[4]!r} / {c[4]!r}")
    if pii == "none" and spans:
        err(pid, "header says pii none but has spans")
    if pii != "none" and not spans:
        err(pid, "header lists pii but no spans")
    if pii != "none":
        declared = set(x.strip() for x in pii.split(","))
        actual = set(s[2] for s in spans)
        if declared != actual:
            err(pid, f"header pii {sorted(declared)} != spans {sorted(actual)}")
    obj = OrderedDict()
    obj["id"] = pid
    obj["text"] = text
    obj["spans"] = [{"start": b(s), "end": b(e), "kind": k, "role": r} for s, e, k, r, _ in spans]
    obj["neutral"] = [{"start": b(s), "end": b(e), "kind": "NEUTRAL"} for s, e, k, r, _ in neutral]
    # round-trip check
    tb = text.encode("utf-8")
    for (s, e, k, r, t), o in zip(spans, obj["spans"]):
        if tb[o["start"]:o["end"]].decode("utf-8") != t:
            err(pid, f"offset round-trip failed for {t!r}")
    meta = {"lang": lang, "voice": voice, "channel": channel, "sector": sector, "pii": pii}
    return obj, meta


def table(objs):
    c = Counter()
    for o in objs:
        for s in o["spans"]:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    rows.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nneu = sum(len(o["neutral"]) for o in objs)
    rows.append("")
    rows.append(f"NEUTRAL look-alikes: {nneu}")
    return "\n".join(rows)


def main():
    registry = load_registry()
    pieces = parse(HERE / "source.txt")
    objs, metas, checked = [], [], []
    for i, (ln, header, raw) in enumerate(pieces, 1):
        o, m = build_piece(i, ln, header, raw, registry, checked)
        objs.append(o)
        metas.append(m)
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
            for o in sorted(part, key=lambda x: x["id"]):
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
    # stats
    lens = [len(o["text"]) for o in objs] or [0]
    blens = [len(o["text"].encode("utf-8")) for o in objs] or [0]
    nopii = sum(1 for o in objs if not o["spans"])
    L = []
    L.append(f"# voice9 statistics\n")
    L.append(f"Pieces: {len(objs)} (dev {len(dev)}, held out {len(held)}); pieces with no personal detail: {nopii} "
             f"({(100 * nopii / max(1, len(objs))):.0f}%)\n")
    L.append(f"Length in characters: min {min(lens)}, median {int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}; "
             f"in UTF-8 bytes: min {min(blens)}, median {int(statistics.median(blens))}, max {max(blens)}\n")
    for name, part in (("All", objs), ("Dev", dev), ("Held out", held)):
        L.append(f"## {name} ({len(part)} pieces, {sum(len(o['spans']) for o in part)} spans)\n")
        L.append(table(part) + "\n")
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for m in metas:
            for v in re.split(r"[+/,]", m[field]):
                c[v.strip()] += 1
        L.append(f"## By {field}\n")
        L.append(", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n")
    what = Counter(w or "no check-digit format (shape only)" for _, _, _, w in checked)
    L.append("## Number spans checked\n")
    L.append(", ".join(f"{k} {v}" for k, v in what.most_common()) + "\n")
    (HERE / "stats.md").write_text("\n".join(L), encoding="utf-8")
    # report
    if "-v" in sys.argv:
        for pid, kind, t, w in checked:
            print(f"  {pid} {kind:5} {w or '-':10} {t}")
    print(f"{len(objs)} pieces, {sum(len(o['spans']) for o in objs)} spans, "
          f"{sum(len(o['neutral']) for o in objs)} neutral; dev {len(dev)}, held out {len(held)}; no-PII {nopii}")
    if errors:
        print(f"{len(errors)} ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
