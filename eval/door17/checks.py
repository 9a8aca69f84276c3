"""Check-digit validators shared by gen.py (generation) and build.py (re-check).

All functions take a string of ASCII digits (or alnum for IBAN/PAN) with
separators already removed.
"""
import re

# ---------- NZ IRD (mod 11, two weight sets) ----------
IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check_digit(base):
    """base: IRD number without check digit (7 or 8 digits). Returns int or None."""
    b = base.zfill(8)
    for w in (IRD_W1, IRD_W2):
        s = sum(int(d) * x for d, x in zip(b, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_ok(num):
    if not re.fullmatch(r"\d{8,9}", num):
        return False
    n = int(num)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    c = ird_check_digit(num[:-1])
    return c is not None and c == int(num[-1])


# ---------- NZ bank account (algorithms A/B for common banks) ----------
NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
NZ_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nz_bank_ok(bank, branch, account, suffix):
    if bank not in NZ_BRANCHES:
        return False
    br = int(branch)
    if not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    acc = account.zfill(8)
    suf = suffix.zfill(4)
    digits = bank + branch.zfill(4) + acc + suf
    w = NZ_A if int(account) < 990000 else NZ_B
    return sum(int(d) * x for d, x in zip(digits, w)) % 11 == 0


NZ_BANK_RE = re.compile(r"^(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,3})$")


# ---------- IBAN ----------
def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


# ---------- Luhn ----------
def luhn_ok(num):
    if not num.isdigit():
        return False
    tot = 0
    for i, d in enumerate(reversed(num)):
        x = int(d)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


# ---------- Verhoeff (Aadhaar) ----------
V_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
V_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
V_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(num):
    c = 0
    for i, d in enumerate(reversed(num)):
        c = V_D[c][V_P[i % 8][int(d)]]
    return c == 0


def verhoeff_digit(base):
    c = 0
    for i, d in enumerate(reversed(base)):
        c = V_D[c][V_P[(i + 1) % 8][int(d)]]
    return V_INV[c]


def aadhaar_ok(num):
    return bool(re.fullmatch(r"[2-9]\d{11}", num)) and verhoeff_ok(num)


# ---------- China resident ID (ISO 7064 MOD 11-2) ----------
CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_MAP = "10X98765432"


def cn_id_digit(base17):
    return CN_MAP[sum(int(d) * w for d, w in zip(base17, CN_W)) % 11]


def cn_id_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r"\d{17}[\dX]", s)) and cn_id_digit(s[:17]) == s[17]


# ---------- Thai national ID (mod 11) ----------
def th_id_digit(base12):
    s = sum(int(d) * (13 - i) for i, d in enumerate(base12))
    return (11 - s % 11) % 10


def th_id_ok(s):
    return bool(re.fullmatch(r"\d{13}", s)) and th_id_digit(s[:12]) == int(s[12])


# ---------- Korean RRN (legacy check digit) ----------
KR_W = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]


def kr_rrn_digit(base12):
    s = sum(int(d) * w for d, w in zip(base12, KR_W))
    return (11 - s % 11) % 10


def kr_rrn_ok(s):
    return bool(re.fullmatch(r"\d{13}", s)) and kr_rrn_digit(s[:12]) == int(s[12])


# ---------- Brazil CPF ----------
def cpf_digits(base9):
    d = [int(x) for x in base9]
    s = sum(v * w for v, w in zip(d, range(10, 1, -1)))
    c1 = (s * 10) % 11 % 10
    d.append(c1)
    s = sum(v * w for v, w in zip(d, range(11, 1, -1)))
    c2 = (s * 10) % 11 % 10
    return f"{c1}{c2}"


def cpf_ok(s):
    return bool(re.fullmatch(r"\d{11}", s)) and len(set(s)) > 1 and cpf_digits(s[:9]) == s[9:]


# ---------- Chile RUT ----------
def rut_digit(body):
    s, m = 0, 2
    for d in reversed(body):
        s += int(d) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r"\d{7,8}[\dK]", s)) and rut_digit(s[:-1]) == s[-1]


# ---------- Uruguay cedula ----------
UY_W = [2, 9, 8, 7, 6, 3, 4]


def uy_ci_digit(body7):
    s = sum(int(d) * w for d, w in zip(body7.zfill(7), UY_W))
    return (10 - s % 10) % 10


def uy_ci_ok(s):
    return bool(re.fullmatch(r"\d{7,8}", s)) and uy_ci_digit(s[:-1]) == int(s[-1])


# ---------- shapes without a public check digit ----------
PAN_RE = re.compile(r"^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]$")
