"""Check-digit validators shared by gen.py and build.py (people25)."""
import re

# ---------- NZ IRD (mod 11, two weight sets) ----------
def ird_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) == 8:
        d = "0" + d
    if len(d) != 9:
        return False
    v = int(d)
    if not 10000000 <= v <= 150000000:
        return False
    base, chk = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


# ---------- NZ bank account (algorithms A / B for the big banks) ----------
BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
W_B = [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nzbank_valid(s):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})", s.strip())
    if not m:
        return False
    bank, br, acct, suf = m.groups()
    if bank not in BRANCHES:
        return False
    b = int(br)
    if not any(lo <= b <= hi for lo, hi in BRANCHES[bank]):
        return False
    acct = acct.zfill(8)
    suf = suf.zfill(4)
    digits = bank + br + acct + suf
    w = W_A if int(acct) < 990000 else W_B
    return sum(int(a) * b for a, b in zip(digits, w)) % 11 == 0


# ---------- Luhn ----------
def luhn_valid(s):
    d = re.sub(r"\D", "", s)
    if not 12 <= len(d) <= 19:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


# ---------- Verhoeff (Aadhaar) ----------
_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]


def verhoeff_valid(s):
    d = re.sub(r"\D", "", s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_valid(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_valid(d)


# ---------- Chinese resident ID (ISO 7064 mod 11-2) ----------
_CW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cnid_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    r = sum(int(a) * b for a, b in zip(s[:17], _CW)) % 11
    return "10X98765432"[r] == s[17]


# ---------- Indian PAN (shape) ----------
def pan_valid(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip()) is not None


# ---------- IBAN mod 97 ----------
def iban_valid(s):
    t = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", t):
        return False
    t = t[4:] + t[:4]
    n = "".join(str(int(ch, 36)) for ch in t)
    return int(n) % 97 == 1


# ---------- Philippine mobile (shape + known prefix) ----------
PH_PREFIXES = {"905", "906", "915", "916", "917", "926", "927", "935", "936", "945",
               "955", "956", "965", "966", "975", "977", "995", "997", "907", "908",
               "909", "910", "912", "918", "919", "920", "921", "928", "929", "930",
               "938", "939", "946", "947", "948", "949", "950", "951", "961", "998", "999"}


def ph_mobile_valid(s):
    d = re.sub(r"\D", "", s)
    if d.startswith("63"):
        d = "0" + d[2:]
    return len(d) == 11 and d.startswith("09") and d[1:4] in PH_PREFIXES


# ---------- NZ NHI (old format AAANNNN, mod 11) ----------
_NHI_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O excluded, A=1 ... Z=24


def nhi_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    vals = [_NHI_LET.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    tot = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2]))
    r = tot % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(s[6])
