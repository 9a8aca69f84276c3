"""Check-digit routines shared by gen.py (generator) and build.py (re-check).

All functions take a string of ASCII digits (and letters where the format has them)
and return True/False.
"""
import re
import unicodedata


def ascii_digits(s):
    """Map digits in any script to ASCII; keep other characters."""
    out = []
    for ch in s:
        if ch.isdigit() and not ('0' <= ch <= '9'):
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return ''.join(out)


# ---------------- NZ IRD (mod 11, two weight sets) ----------------
def ird_ok(num):
    d = re.sub(r'\D', '', num)
    if not 8 <= len(d) <= 9:
        return False
    n = int(d)
    if not 10_000_000 < n < 150_000_000:
        return False
    d = d.zfill(9)
    base, check = d[:8], int(d[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


# ---------------- NZ bank account ----------------
# bank: allowed branch ranges
NZ_BANK_BRANCHES = {
    '01': [(1, 999), (1100, 1199), (1800, 1899)],
    '02': [(1, 999), (1200, 1299)],
    '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    '06': [(1, 999), (1400, 1499)],
    '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
    '38': [(9000, 9499)],
}
W_A = (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
W_B = (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)


def nz_bank_ok(num):
    m = re.fullmatch(r'\s*(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})\s*', num)
    if not m:
        return False
    bank, branch, acct, suf = m.groups()
    if bank not in NZ_BANK_BRANCHES:
        return False
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BANK_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    digits = bank + branch + acct8 + suf.zfill(4)
    w = W_A if int(acct8) < 990000 else W_B
    return sum(int(a) * b for a, b in zip(digits, w)) % 11 == 0


# ---------------- Luhn ----------------
def luhn_ok(num):
    d = re.sub(r'\D', '', num)
    if not 12 <= len(d) <= 19:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


# ---------------- IBAN mod 97 ----------------
IBAN_LEN = {'GB': 22, 'DE': 22, 'FR': 27, 'ES': 24, 'PT': 25, 'NL': 18, 'IE': 22,
            'SA': 24, 'AE': 23, 'IT': 27, 'BE': 16, 'PL': 28, 'RO': 24, 'UA': 29}


def iban_ok(num):
    s = re.sub(r'\s', '', num).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s):
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


# ---------------- Verhoeff (Aadhaar) ----------------
_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
      [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
      [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
      [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
      [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
      [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(num):
    d = re.sub(r'\D', '', num)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return _INV[c]


def aadhaar_ok(num):
    d = re.sub(r'\D', '', num)
    return len(d) == 12 and d[0] not in '01' and verhoeff_ok(d)


# ---------------- Chinese resident ID (ISO 7064 MOD 11-2) ----------------
CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_id_check(first17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(first17, CN_W)) % 11]


def cn_id_ok(num):
    s = re.sub(r'\s', '', num).upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    return cn_id_check(s[:17]) == s[17]


# ---------------- India PAN (shape) ----------------
def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s))


# ---------------- Korean RRN ----------------
def kr_rrn_ok(num):
    d = re.sub(r'\D', '', num)
    if len(d) != 13:
        return False
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    c = (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10
    return c == int(d[12])


# ---------------- Thai national ID ----------------
def th_id_ok(num):
    d = re.sub(r'\D', '', num)
    if len(d) != 13:
        return False
    c = (11 - sum(int(d[i]) * (13 - i) for i in range(12)) % 11) % 10
    return c == int(d[12])


# ---------------- NZ NHI (old format AAANNNC) ----------------
NHI_LET = 'ABCDEFGHJKLMNPQRSTUVWXYZ'


def nhi_ok(s):
    s = s.upper()
    if not re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', s):
        return False
    vals = [NHI_LET.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(v * w for v, w in zip(vals, (7, 6, 5, 4, 3, 2))) % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(s[6])


# ---------------- phones (format only) ----------------
def ph_mobile_ok(num):
    d = re.sub(r'\D', '', num)
    if d.startswith('63'):
        d = '0' + d[2:]
    return bool(re.fullmatch(r'09\d{9}', d))


def nz_phone_ok(num):
    d = re.sub(r'\D', '', num)
    if d.startswith('64'):
        d = '0' + d[2:]
    if d.startswith('02'):
        return 9 <= len(d) <= 11
    if re.match(r'0[34679]', d):
        return len(d) == 9
    if d.startswith('0800') or d.startswith('0508'):
        return len(d) in (10, 11)
    return False


# ---------------- Chile RUT (mod 11, weights 2..7) ----------------
def rut_check(body):
    s = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
    r = 11 - s % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)


def rut_ok(num):
    m = re.fullmatch(r'(\d{1,2})\.?(\d{3})\.?(\d{3})-([\dkK])', num.strip())
    if not m:
        return False
    return rut_check(''.join(m.groups()[:3])) == m.group(4).upper()
