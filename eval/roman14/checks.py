"""Check-digit and shape validators shared by gen.py and build.py (set roman14).

Everything here is standard public algorithm; no real numbers are stored.
"""
import re
import unicodedata

# ---------------------------------------------------------------- helpers

def to_ascii_digits(s):
    """Map any Unicode decimal digit (Devanagari, Bengali, Arabic-Indic, Thai, Khmer,
    full-width ...) to ASCII; keep other characters."""
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


def digits_only(s):
    return re.sub(r'\D', '', to_ascii_digits(s))


def alnum_upper(s):
    return re.sub(r'[^0-9A-Za-z]', '', to_ascii_digits(s)).upper()

# ---------------------------------------------------------------- NZ IRD (mod 11)

IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check_digit(base8):
    """base8: 8-digit string (the number without its check digit, zero padded)."""
    d = [int(c) for c in base8]
    for w in (IRD_W1, IRD_W2):
        r = sum(a * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(s):
    d = digits_only(s)
    if len(d) not in (8, 9):
        return False
    d = d.zfill(9)
    n = int(d)
    if not (10000000 < n < 150000000):
        return False
    c = ird_check_digit(d[:8])
    return c is not None and c == int(d[8])

# ---------------------------------------------------------------- NZ bank account

NZ_W = {
    'A': ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'B': ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'D': ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    'E': ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], 11),
    'F': ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
    'G': ([0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], 10),
}

NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    38: [(9000, 9499)],
}


def nz_bank_parts(s):
    """Split a written NZ account into (bank, branch, account, suffix) or None."""
    t = to_ascii_digits(s)
    m = re.fullmatch(r'\s*(\d{2})[\s\-]*(\d{4})[\s\-]*(\d{7,8})[\s\-]*(\d{2,4})\s*', t)
    if not m:
        return None
    return tuple(int(x) for x in m.groups())


def nz_bank_valid(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, acct, suffix = p
    if bank in NZ_BRANCHES and not any(a <= branch <= b for a, b in NZ_BRANCHES[bank]):
        return False
    digits = '%02d%04d%08d%04d' % (bank, branch, acct, suffix)
    if bank == 8:
        algo = 'D'
    elif bank == 9:
        algo = 'E'
    elif bank in (25, 33):
        algo = 'F'
    elif bank in (26, 28, 29):
        algo = 'G'
    elif bank == 31:
        return True
    else:
        algo = 'A' if acct < 990000 else 'B'
    w, mod = NZ_W[algo]
    if algo in ('E', 'G'):
        tot = 0
        for dgt, wt in zip(digits, w):
            v = int(dgt) * wt
            while v > 9:
                v = sum(int(c) for c in str(v))
            tot += v
        return tot % mod == 0
    return sum(int(dgt) * wt for dgt, wt in zip(digits, w)) % mod == 0

# ---------------------------------------------------------------- Luhn

def luhn_valid(s):
    d = digits_only(s)
    if not (12 <= len(d) <= 19):
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


def luhn_digit(partial):
    for c in '0123456789':
        if luhn_valid(partial + c):
            return c

# ---------------------------------------------------------------- IBAN mod 97

IBAN_LEN = {'PK': 24, 'AE': 23, 'SA': 24, 'JO': 30, 'LB': 28, 'EG': 29, 'QA': 29,
            'KW': 30, 'BH': 22, 'GB': 22, 'DE': 22}


def iban_valid(s):
    t = alnum_upper(s)
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', t):
        return False
    if t[:2] in IBAN_LEN and len(t) != IBAN_LEN[t[:2]]:
        return False
    r = t[4:] + t[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + '00'
    n = ''.join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return '%s%02d%s' % (cc, chk, bban)

# ---------------------------------------------------------------- Verhoeff (Aadhaar)

V_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
V_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 7, 6, 0, 8], [4, 2, 8, 9, 5, 7, 6, 3, 1, 0],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
V_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(s):
    d = digits_only(s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = V_D[c][V_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(partial):
    c = 0
    for i, ch in enumerate(reversed(partial)):
        c = V_D[c][V_P[(i + 1) % 8][int(ch)]]
    return str(V_INV[c])


def aadhaar_valid(s):
    d = digits_only(s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_valid(d)

# ---------------------------------------------------------------- China resident ID

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_MAP = '10X98765432'


def cn_id_check(first17):
    return CN_MAP[sum(int(a) * b for a, b in zip(first17, CN_W)) % 11]


def cn_id_valid(s):
    t = alnum_upper(s)
    if not re.fullmatch(r'\d{17}[\dX]', t):
        return False
    y, m, dd = int(t[6:10]), int(t[10:12]), int(t[12:14])
    if not (1930 <= y <= 2010 and 1 <= m <= 12 and 1 <= dd <= 31):
        return False
    return cn_id_check(t[:17]) == t[17]

# ---------------------------------------------------------------- India PAN (shape)

def pan_valid(s):
    t = alnum_upper(s)
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', t) is not None

# ---------------------------------------------------------------- Pakistan CNIC (shape)

def cnic_valid(s):
    d = digits_only(s)
    return len(d) == 13 and d[0] in '1234567'

# ---------------------------------------------------------------- Indonesia NIK (shape)

def nik_valid(s):
    d = digits_only(s)
    if len(d) != 16:
        return False
    prov = int(d[:2])
    day = int(d[6:8])
    mon = int(d[8:10])
    if day > 40:
        day -= 40
    return 11 <= prov <= 94 and 1 <= day <= 31 and 1 <= mon <= 12

# ---------------------------------------------------------------- Sri Lanka NIC (shape)

def lk_nic_valid(s):
    t = alnum_upper(s)
    if re.fullmatch(r'\d{9}[VX]', t):
        days = int(t[2:5])
    elif re.fullmatch(r'\d{12}', t):
        days = int(t[4:7])
    else:
        return False
    if days > 500:
        days -= 500
    return 1 <= days <= 366

# ---------------------------------------------------------------- phones (shape)

PH_PREFIX = {'905', '906', '915', '916', '917', '926', '927', '935', '936', '945', '955',
             '956', '965', '966', '975', '977', '995', '997', '907', '908', '909', '910',
             '912', '918', '919', '920', '921', '928', '929', '939', '946', '947', '949',
             '951', '961', '998', '999', '922', '923', '925', '931', '932', '933', '934',
             '940', '941', '942', '943', '973', '974', '991', '992', '993', '994'}


def ph_mobile_valid(s):
    d = digits_only(s)
    if d.startswith('63'):
        d = d[2:]
    elif d.startswith('0'):
        d = d[1:]
    return len(d) == 10 and d[:3] in PH_PREFIX


def nz_mobile_valid(s):
    d = digits_only(s)
    if d.startswith('64'):
        d = d[2:]
    elif d.startswith('0'):
        d = d[1:]
    return d[:2] in ('21', '22', '27', '20', '28', '29') and 8 <= len(d) <= 10
