"""Check-digit routines shared by gen.py and build.py (isles21)."""
import re

IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check_digit(base8):
    """base8: string of 8 digits (IRD without check digit, left padded)."""
    d = [int(c) for c in base8]
    for w in (IRD_W1, IRD_W2):
        r = sum(a * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(s):
    digits = re.sub(r"\D", "", s)
    if len(digits) not in (8, 9):
        return False
    n = int(digits)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    digits = digits.zfill(9)
    c = ird_check_digit(digits[:8])
    return c is not None and c == int(digits[8])


# NZ bank accounts ------------------------------------------------------
BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
W = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
}


def nz_bank_valid(s):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,3})", s.strip())
    if not m:
        return False
    bank, branch, acct, suf = m.groups()
    if bank not in BRANCHES:
        return False
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    alg = "A" if int(acct8) < 990000 else "B"
    digits = bank + branch + acct8 + suf.zfill(4)
    w, mod = W[alg]
    return sum(int(a) * b for a, b in zip(digits, w)) % mod == 0


def luhn_valid(s):
    digits = re.sub(r"\D", "", s)
    if not (12 <= len(digits) <= 19):
        return False
    tot = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def iban_valid(s):
    t = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", t):
        return False
    t = t[4:] + t[:4]
    n = "".join(str(int(c, 36)) for c in t)
    return int(n) % 97 == 1
