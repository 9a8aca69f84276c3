"""Check-digit algorithms shared by gen.py (to draw valid numbers) and build.py (to re-check).

All numbers drawn from these are invented; passing a check digit does not make them real.
"""
import re

# ---------------------------------------------------------------- digits in any script
def to_ascii_digits(s):
    import unicodedata
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return "".join(out)


def digits_only(s):
    return re.sub(r"\D", "", to_ascii_digits(s))


# ---------------------------------------------------------------- NZ IRD (mod 11)
def ird_check(base8):
    """base8: string of 8 digits (leading zero for 8-digit IRDs). Returns check digit or None."""
    d = [int(c) for c in base8]
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(a * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(s):
    n = digits_only(s)
    if len(n) not in (8, 9):
        return False
    v = int(n)
    if not (10_000_000 < v < 150_000_000):
        return False
    n = n.zfill(9)
    c = ird_check(n[:8])
    return c is not None and c == int(n[8])


# ---------------------------------------------------------------- NZ bank account
NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    11: [(5000, 6499), (6600, 8999)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    15: [(3900, 3999)],
    38: [(9000, 9499)],
}
W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
W_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nzbank_parts(s):
    m = re.fullmatch(r"\s*(\d{2})[\s-]*(\d{4})[\s-]*(\d{7,8})[\s-]*(\d{2,4})\s*", to_ascii_digits(s))
    if not m:
        return None
    return m.groups()


def nzbank_valid(s):
    p = nzbank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    b, br = int(bank), int(branch)
    if b not in NZ_BRANCHES:
        return False
    if not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[b]):
        return False
    acct8 = acct.zfill(8)
    w = W_A if int(acct8) < 990000 else W_B
    digits = [int(c) for c in bank + branch + acct8 + suf.zfill(4)]
    return sum(a * b for a, b in zip(digits, w)) % 11 == 0


# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    n = digits_only(s)
    if not 12 <= len(n) <= 19:
        return False
    tot = 0
    for i, c in enumerate(reversed(n)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_digit(partial):
    for c in "0123456789":
        if luhn_valid(partial + c):
            return c


# ---------------------------------------------------------------- IBAN mod 97
IBAN_LEN = {"BR": 29, "AE": 23, "GB": 22, "CR": 22, "DE": 22, "ES": 24, "DO": 28}


def iban_valid(s):
    t = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", t):
        return False
    if t[:2] in IBAN_LEN and len(t) != IBAN_LEN[t[:2]]:
        return False
    r = t[4:] + t[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(s):
    n = digits_only(s)
    c = 0
    for i, ch in enumerate(reversed(n)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(partial):
    c = 0
    for i, ch in enumerate(reversed(partial)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def aadhaar_valid(s):
    n = digits_only(s)
    return len(n) == 12 and n[0] not in "01" and verhoeff_valid(n)


# ---------------------------------------------------------------- Chinese resident ID (ISO 7064 MOD 11-2)
_CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cnid_check(first17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, _CNW)) % 11]


def cnid_valid(s):
    t = re.sub(r"\s", "", to_ascii_digits(s)).upper()
    if not re.fullmatch(r"\d{17}[\dX]", t):
        return False
    return cnid_check(t[:17]) == t[17]


# ---------------------------------------------------------------- Indian PAN (shape)
def pan_valid(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip()) is not None


# ---------------------------------------------------------------- NZ NHI (old format AAANNNC, mod 11)
def nhi_valid(s):
    t = s.strip().upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", t):
        return False
    alpha = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    vals = [alpha.index(c) + 1 for c in t[:3]] + [int(c) for c in t[3:6]]
    tot = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2]))
    r = tot % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(t[6])


# ---------------------------------------------------------------- Philippine mobile (shape)
def phmobile_valid(s):
    n = digits_only(s)
    if n.startswith("63"):
        n = "0" + n[2:]
    return len(n) == 11 and n.startswith("09")


# ---------------------------------------------------------------- Brazil CPF (two mod-11 digits)
def cpf_digits(first9):
    d = [int(c) for c in first9]
    d1 = sum(a * b for a, b in zip(d, range(10, 1, -1))) * 10 % 11 % 10
    d.append(d1)
    d2 = sum(a * b for a, b in zip(d, range(11, 1, -1))) * 10 % 11 % 10
    return f"{d1}{d2}"


def cpf_valid(s):
    n = digits_only(s)
    return len(n) == 11 and len(set(n)) > 1 and cpf_digits(n[:9]) == n[9:]


# ---------------------------------------------------------------- Chile RUT (mod 11, K)
def rut_dv(body):
    tot, m = 0, 2
    for c in reversed(body):
        tot += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_valid(s):
    t = re.sub(r"[.\s]", "", s).upper()
    m = re.fullmatch(r"(\d{7,8})-?([\dK])", t)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)


CHECKERS = {
    "cpf": cpf_valid,
    "rut": rut_valid,
    "ird": ird_valid,
    "nzbank": nzbank_valid,
    "luhn": luhn_valid,
    "iban": iban_valid,
    "aadhaar": aadhaar_valid,
    "cnid": cnid_valid,
    "pan": pan_valid,
    "nhi": nhi_valid,
    "phmobile": phmobile_valid,
}
