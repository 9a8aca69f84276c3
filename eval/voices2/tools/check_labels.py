#!/usr/bin/env python3
"""Recompute the check digits of every labelled number in voices2.

Reads all.jsonl (run build.py first).  For each ID / BANK / CARD span it
normalises the text (native-script and full-width digits -> ASCII, spoken
English / Spanish / Chinese digit words -> digits, separators removed),
decides which scheme it belongs to from its shape and from the words just
before it in the same tip, and validates it.  The validators are written
independently of tools/gen_numbers.py (they check whole numbers rather than
compute digits) and are self-tested on published specification examples,
which appear only here, never in the data.

Exit status 1 if any number with a check digit fails.
"""
import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------ normalising
WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}
CJK = dict(zip("零〇一二三四五六七八九", "00123456789"))


def ascii_digits(s):
    out = []
    for ch in s:
        if ch in CJK:
            out.append(CJK[ch])
            continue
        d = unicodedata.digit(ch, None) if not ch.isascii() else None
        out.append(str(d) if d is not None else unicodedata.normalize("NFKC", ch))
    return "".join(out)


def spoken_to_digits(s):
    toks = re.split(r"[\s,]+", s.lower().strip())
    if not toks or not all(t in WORDS or t in ("double", "triple") for t in toks if t):
        return None
    out, mult = [], 1
    for t in toks:
        if not t:
            continue
        if t == "double":
            mult = 2
        elif t == "triple":
            mult = 3
        else:
            out.append(WORDS[t] * mult)
            mult = 1
    return "".join(out)


def normalise(s):
    sp = spoken_to_digits(s)
    if sp:
        return sp
    s = ascii_digits(s)
    return re.sub(r"[\s\-.·/]", "", s).upper()


# ------------------------------------------------------------ validators
def luhn_ok(num):
    if not num.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def ird_ok(num):
    if not num.isdigit() or len(num) not in (8, 9):
        return False
    n = int(num)
    if not 10_000_000 < n < 150_000_000:
        return False
    base, check = num[:-1].zfill(8), int(num[-1])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


# dihedral group D5 multiplication table, built rather than typed
def _d5(i, j):
    if i < 5 and j < 5:
        return (i + j) % 5
    if i < 5:
        return 5 + (j - 5 + i) % 5
    if j < 5:
        return 5 + (i - 5 - j) % 5
    return (i - j) % 5
_PERM = [list(range(10))]
_P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]
for _ in range(7):
    _PERM.append([_P1[x] for x in _PERM[-1]])


def verhoeff_ok(num):
    if not num.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _d5(c, _PERM[i % 8][int(ch)])
    return c == 0


def cn_id_ok(num):
    if not re.fullmatch(r"\d{17}[\dX]", num):
        return False
    try:
        datetime.date(int(num[6:10]), int(num[10:12]), int(num[12:14]))
    except ValueError:
        return False
    s = sum(int(num[i]) * (2 ** (17 - i) % 11) for i in range(17))
    return num[17] == "10X98765432"[s % 11]


IBAN_LEN = {"TL": 23, "BR": 29, "AE": 23, "PK": 24, "CR": 22, "GB": 22, "DE": 22}


def iban_ok(num):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", num):
        return False
    if num[:2] in IBAN_LEN and len(num) != IBAN_LEN[num[:2]]:
        return False
    r = num[4:] + num[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def nz_bank_ok(raw):
    parts = re.split(r"[\s\-]+", raw.strip())
    if len(parts) != 4:
        return None
    bank, branch, acct, suf = parts
    bank = int(bank)
    if bank in (8, 9, 25, 26, 28, 29, 31, 33):
        return None  # other algorithms; none used in this set
    digits = f"{bank:02d}{int(branch):04d}{int(acct):08d}{int(suf):04d}"
    if int(acct) < 990000:
        w = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    else:
        w = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    return sum(int(a) * b for a, b in zip(digits, w)) % 11 == 0


NHI_ALPHA = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nhi_ok(num):
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", num):
        return False
    vals = [NHI_ALPHA.index(c) + 1 for c in num[:3]] + [int(d) for d in num[3:6]]
    r = sum(v * w for v, w in zip(vals, range(7, 1, -1))) % 11
    if r == 0:
        return False
    return (11 - r) % 10 == int(num[6])


def sa_id_ok(num):
    if not re.fullmatch(r"\d{13}", num):
        return False
    try:
        datetime.datetime.strptime(num[:6], "%y%m%d")
    except ValueError:
        return False
    return luhn_ok(num)


CURP_ALPHA = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_ok(num):
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d", num):
        return False
    s = sum(CURP_ALPHA.index(c) * (18 - i) for i, c in enumerate(num[:17]))
    return (10 - s % 10) % 10 == int(num[17])


def rut_ok(num):
    m = re.fullmatch(r"(\d{7,8})([\dK])", num)
    if not m:
        return False
    body, dv = m.groups()
    factors = [2, 3, 4, 5, 6, 7]
    s = sum(int(d) * factors[i % 6] for i, d in enumerate(reversed(body)))
    r = 11 - s % 11
    return dv == {11: "0", 10: "K"}.get(r, str(r))


def cpf_ok(num):
    if not re.fullmatch(r"\d{11}", num) or len(set(num)) == 1:
        return False
    d = [int(c) for c in num]
    for k in (9, 10):
        s = sum(d[i] * (k + 1 - i) for i in range(k))
        if (s * 10 % 11) % 10 != d[k]:
            return False
    return True


def mrz_ok(line):
    line = line.replace(" ", "")
    if len(line) != 44:
        return False

    def cd(s):
        w = [7, 3, 1]
        t = 0
        for i, ch in enumerate(s):
            v = 0 if ch == "<" else int(ch) if ch.isdigit() else ord(ch) - 55
            t += v * w[i % 3]
        return str(t % 10)
    ok = (cd(line[0:9]) == line[9] and cd(line[13:19]) == line[19] and
          cd(line[21:27]) == line[27] and
          (line[28:42] == "<" * 14 and line[42] in "0<" or cd(line[28:42]) == line[42]))
    comp = line[0:10] + line[13:20] + line[21:43]
    return ok and cd(comp) == line[43]


# structural (no check digit) ------------------------------------------------
def date_ok(fmt, s):
    try:
        datetime.datetime.strptime(s, fmt)
        return True
    except ValueError:
        return False


def nik_ok(num):  # Indonesia: 6 region + DDMMYY (+40 on day for women) + 4
    if not re.fullmatch(r"\d{16}", num):
        return False
    dd = int(num[6:8])
    dd = dd - 40 if dd > 40 else dd
    return date_ok("%d%m%y", f"{dd:02d}{num[8:12]}")


def mykad_ok(num):
    return bool(re.fullmatch(r"\d{12}", num)) and date_ok("%y%m%d", num[:6])


def lk_nic_ok(num):
    if re.fullmatch(r"\d{9}[VX]", num):
        day = int(num[2:5])
    elif re.fullmatch(r"\d{12}", num):
        day = int(num[4:7])
    else:
        return False
    return 1 <= day <= 366 or 501 <= day <= 866


def cccd_ok(num):  # Vietnam: 3 province + century/sex + 2 year + 6
    return bool(re.fullmatch(r"\d{12}", num)) and num[3] in "0123"


# ------------------------------------------------------------ classify
RULES = [  # (name, context regex, shape regex on normalised text, validator, has_check_digit)
    ("MRZ", None, r".{9}\d[A-Z<]{3}\d{7}[MF<]\d{7}.{16}", mrz_ok, True),
    ("IRD", r"IRD", r"\d{8,9}", ird_ok, True),
    ("Aadhaar", r"aadhaa?r|आधार", r"\d{12}", verhoeff_ok, True),
    ("CN resident ID", r"身份证|身份證|身分證", r"\d{17}[\dX]", cn_id_ok, True),
    ("NHI", r"NHI", r"[A-Z]{3}\d{4}", nhi_ok, True),
    ("CURP", r"CURP", r".{18}", curp_ok, True),
    ("RUT", r"RUT", r"\d{7,8}[\dK]", rut_ok, True),
    ("CPF", r"CPF", r"\d{11}", cpf_ok, True),
    ("SA ID", r"ID number", r"\d{13}", sa_id_ok, True),
    ("ID NIK", r"NIK", r"\d{16}", nik_ok, False),
    ("MyKad", r"\bIC\b", r"\d{12}", mykad_ok, False),
    ("LK NIC", r"NIC", r"\d{9}[VX]|\d{12}", lk_nic_ok, False),
    ("VN CCCD", r"CCCD", r"\d{12}", cccd_ok, False),
]


def classify(kind, raw, norm, before):
    if kind == "CARD":
        return "card (Luhn)", luhn_ok(norm), True
    if kind == "BANK":
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", norm):
            return "IBAN (mod 97)", iban_ok(norm), True
        if re.fullmatch(r"\d{2}[\s-]\d{4}[\s-]\d{7}[\s-]\d{2,3}", raw.strip()):
            r = nz_bank_ok(raw)
            if r is not None:
                return "NZ bank account (IRD algorithm A/B)", r, True
        return "bank account without public check digit", None, False
    for name, ctx, shape, fn, has in RULES:
        if ctx and not re.search(ctx, before, re.I):
            continue
        if not re.fullmatch(shape, norm):
            continue
        return name, fn(norm), has
    return "identifier without check digit (passport, licence, visa, client no.)", None, False


def selftest():
    # Published specification / documentation examples; used only here.
    assert ird_ok("49091850") and ird_ok("35901981") and ird_ok("49098576")
    assert ird_ok("136410132") and not ird_ok("136410133")
    assert verhoeff_ok("2363") and not verhoeff_ok("2364")
    assert cn_id_ok("11010519491231002X")
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")
    assert iban_ok("GB82WEST12345698765432")
    assert nz_bank_ok("01-902-0068389-00")
    assert nhi_ok("ZZZ0016") and nhi_ok("ZZZ0024") and not nhi_ok("ZZZ0017")
    assert rut_ok("123456785")
    assert cpf_ok("11144477735")
    assert mrz_ok("L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def main():
    selftest()
    path = HERE / "all.jsonl"
    fails, checked, unchecked = [], 0, []
    rows = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            if s["kind"] not in ("ID", "BANK", "CARD"):
                continue
            raw = b[s["start"]:s["end"]].decode("utf-8")
            before = b[:s["start"]].decode("utf-8")[-80:]
            norm = normalise(raw)
            scheme, ok, has = classify(s["kind"], raw, norm, before)
            rows.append((r["id"], s["kind"], raw, scheme, ok))
            if has:
                checked += 1
                if not ok:
                    fails.append((r["id"], raw, scheme))
            else:
                if ok is False:
                    fails.append((r["id"], raw, scheme + " (structure)"))
                unchecked.append((r["id"], raw, scheme))
    for row in rows:
        mark = {True: "ok", False: "FAIL", None: "-"}[row[4]]
        print(f"{row[0]}\t{row[1]}\t{mark}\t{row[3]}\t{row[2]}")
    print(f"\nnumbers with a check digit verified: {checked - len([f for f in fails if 'structure' not in f[2]])}/{checked}")
    print(f"numbers without a public check digit (shape only): {len(unchecked)}")
    if fails:
        print("FAILURES:")
        for f in fails:
            print("  ", f)
        sys.exit(1)


if __name__ == "__main__":
    main()
