"""Check-digit algorithms shared by gen.py (to make numbers) and build.py (to re-check them)."""
import re
from datetime import date


def digits(s):
    return re.sub(r"\D", "", s)


# ---------------- NZ IRD (mod 11, primary/secondary weights) ----------------
def ird_ok(s):
    d = digits(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    base, check = d[:-1].zfill(8), int(d[-1])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


# ---------------- NZ bank account (IRD spec, algorithms A/B/D/E/F/G/X) ------
NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    15: [(3900, 3999)],
    38: [(9000, 9499)],
}
W_A = (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
W_B = (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)


def nz_bank_parts(s):
    m = re.fullmatch(r"\D*(\d{2})\D{0,3}(\d{4})\D{0,3}(\d{7,8})\D{0,3}(\d{2,4})\D*", s)
    if not m:
        return None
    return m.groups()


def nz_bank_ok(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = int(p[0]), int(p[1]), int(p[2]), int(p[3])
    if bank not in NZ_BRANCHES:
        return False
    if not any(a <= branch <= b for a, b in NZ_BRANCHES[bank]):
        return False
    w = W_A if acct < 990000 else W_B
    full = f"{bank:02d}{branch:04d}{acct:08d}{suf:04d}"
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0


# ---------------- Luhn ----------------
def luhn_ok(s):
    d = digits(s)
    if len(d) < 12:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c


# ---------------- Verhoeff (Aadhaar) ----------------
_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(s):
    d = digits(s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


# ---------------- IBAN mod 97 ----------------
IBAN_LEN = {"PK": 24, "JO": 30, "BR": 29, "ES": 24, "PT": 25, "DE": 22, "GB": 22}


def iban_ok(s):
    t = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", t):
        return False
    if t[:2] in IBAN_LEN and len(t) != IBAN_LEN[t[:2]]:
        return False
    r = t[4:] + t[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    n = "".join(str(int(ch, 36)) for ch in r)
    return f"{cc}{98 - int(n) % 97:02d}{bban}"


# ---------------- China resident ID (ISO 7064 MOD 11-2) ----------------
_CW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CC = "10X98765432"


def cnid_ok(s):
    t = s.replace(" ", "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", t):
        return False
    try:
        date(int(t[6:10]), int(t[10:12]), int(t[12:14]))
    except ValueError:
        return False
    return _CC[sum(int(a) * b for a, b in zip(t[:17], _CW)) % 11] == t[17]


# ---------------- India PAN (shape) ----------------
def pan_ok(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.replace(" ", "").upper()) is not None


# ---------------- Thai national ID (mod 11) ----------------
def thai_ok(s):
    d = digits(s)
    if len(d) != 13 or d[0] == "0":
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


# ---------------- Australian TFN (weights) ----------------
_TW = (1, 4, 3, 7, 5, 8, 6, 9, 10)


def tfn_ok(s):
    d = digits(s)
    return len(d) == 9 and sum(int(a) * b for a, b in zip(d, _TW)) % 11 == 0


# ---------------- Brazil CPF ----------------
def cpf_ok(s):
    d = digits(s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (tot * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


# ---------------- Chile RUT (mod 11) ----------------
def rut_dv(body):
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_ok(s):
    t = re.sub(r"[.\s]", "", s).upper()
    m = re.fullmatch(r"(\d{7,8})-?([\dK])", t)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)


# ---------------- Spain DNI / NIE letter ----------------
_DL = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    t = s.replace(" ", "").replace("-", "").upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", t)
    if not m:
        return False
    pre = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    return _DL[int(pre + m.group(2)) % 23] == m.group(3)


# ---------------- Indonesian NIK (structure: region + DDMMYY(+40 F) + serial) ---
def nik_ok(s):
    d = digits(s)
    if len(d) != 16:
        return False
    dd, mm = int(d[6:8]), int(d[8:10])
    if dd > 40:
        dd -= 40
    return 1 <= dd <= 31 and 1 <= mm <= 12 and d[12:] != "0000"


# ---------------- Vietnam CCCD (structure: province + century/sex + YY + 6) -----
def cccd_ok(s):
    d = digits(s)
    return len(d) == 12 and 1 <= int(d[:3]) <= 96 and d[3] in "0123"


# ---------------- Pakistan CNIC (structure 5-7-1) ----------------
def cnic_ok(s):
    return re.fullmatch(r"\d{5}-?\d{7}-?\d", s.strip()) is not None
