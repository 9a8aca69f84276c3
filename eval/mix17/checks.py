"""Check-digit and shape validators shared by gen.py and build.py (set mix17).

Every function takes the value as written (spaces, dashes, dots allowed) and
returns True/False.  Non-ASCII decimal digits are folded to ASCII first.
"""
import re
import unicodedata
import datetime


def fold_digits(s):
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


def alnum(s):
    return re.sub(r'[^0-9A-Za-z]', '', fold_digits(s)).upper()


def digits(s):
    return re.sub(r'[^0-9]', '', fold_digits(s))


# ---------------------------------------------------------------- Luhn (cards)
def luhn_ok(s):
    d = digits(s)
    if len(d) < 12 or len(d) > 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_digit(partial):
    for c in '0123456789':
        if luhn_ok(partial + c):
            return c


# ---------------------------------------------------------------- NZ IRD
def ird_ok(s):
    d = digits(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


# ---------------------------------------------------------------- NZ bank account
NZ_BRANCHES = {
    '01': [(1, 999), (1100, 1199), (1800, 1899)],
    '02': [(1, 999), (1200, 1299)],
    '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    '06': [(1, 999), (1400, 1499)],
    '11': [(5000, 6999), (8000, 8999)],
    '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
    '15': [(3900, 3999)],
    '38': [(9000, 9499)],
}
W = {
    'A': [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    'B': [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
}


def nzbank_parts(s):
    s = fold_digits(s).strip()
    parts = [p for p in re.split(r'[\s\-.]+', s) if p]
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        b, br, ac, sf = parts
    else:
        d = digits(s)
        if len(d) == 15:
            b, br, ac, sf = d[:2], d[2:6], d[6:13], d[13:]
        elif len(d) == 16:
            b, br, ac, sf = d[:2], d[2:6], d[6:13], d[13:]
        else:
            return None
    if len(b) != 2 or len(br) != 4 or len(ac) not in (7, 8) or len(sf) not in (2, 3, 4):
        return None
    return b, br, ac.zfill(8), sf.zfill(4)


def nzbank_ok(s):
    p = nzbank_parts(s)
    if not p:
        return False
    b, br, ac, sf = p
    if b not in NZ_BRANCHES:
        return False
    if not any(lo <= int(br) <= hi for lo, hi in NZ_BRANCHES[b]):
        return False
    alg = 'A' if int(ac) < 990000 else 'B'
    full = b + br + ac + sf
    return sum(int(x) * w for x, w in zip(full, W[alg])) % 11 == 0


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {'GB': 22, 'DE': 22, 'FR': 27, 'PK': 24, 'BR': 29, 'AE': 23,
            'UA': 29, 'SA': 24, 'JO': 30, 'ES': 24, 'NL': 18, 'IE': 22}


def fr_rib_key(bank, branch, account):
    """French RIB key (cle RIB) over bank code, branch code and account number."""
    conv = '12345678912345678923456789'  # A..Z -> digits, standard RIB table
    acc = ''.join(ch if ch.isdigit() else conv[ord(ch) - 65] for ch in account.upper())
    return f'{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97:02d}'


def iban_ok(s):
    a = alnum(s)
    if len(a) < 15 or a[:2] not in IBAN_LEN or len(a) != IBAN_LEN[a[:2]]:
        return False
    if a[:2] == 'FR' and fr_rib_key(a[4:9], a[9:14], a[14:25]) != a[25:27]:
        return False
    r = a[4:] + a[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(country, bban):
    r = bban + country + '00'
    n = ''.join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f'{country}{chk:02d}{bban}'


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
      [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
      [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
      [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
      [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
      [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]


def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(digits(s))):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(s):
    d = digits(s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_ok(d)


# ---------------------------------------------------------------- China resident ID (ISO 7064 MOD 11-2)
_CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CNM = '10X98765432'


def cnid_ok(s):
    a = alnum(s)
    if not re.fullmatch(r'\d{17}[\dX]', a):
        return False
    try:
        datetime.date(int(a[6:10]), int(a[10:12]), int(a[12:14]))
    except ValueError:
        return False
    return _CNM[sum(int(x) * w for x, w in zip(a[:17], _CNW)) % 11] == a[17]


# ---------------------------------------------------------------- Thai national ID
def thid_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    c = (11 - sum(int(d[i]) * (13 - i) for i in range(12)) % 11) % 10
    return c == int(d[12])


# ---------------------------------------------------------------- Korean RRN
def krrn_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10
    return c == int(d[12])


# ---------------------------------------------------------------- Brazil CPF
def cpf_ok(s):
    d = digits(s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        t = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (t * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


# ---------------------------------------------------------------- Chile RUT
def rut_ok(s):
    a = alnum(s)
    if not re.fullmatch(r'\d{7,8}[\dK]', a):
        return False
    body, dv = a[:-1], a[-1]
    t, m = 0, 2
    for ch in reversed(body):
        t += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - t % 11
    exp = '0' if r == 11 else 'K' if r == 10 else str(r)
    return exp == dv


# ---------------------------------------------------------------- Spain DNI / NIE
def dni_ok(s):
    a = alnum(s)
    m = re.fullmatch(r'([XYZ]?)(\d{7,8})([A-Z])', a)
    if not m:
        return False
    n = int(str('XYZ'.index(m.group(1))) + m.group(2)) if m.group(1) else int(m.group(2))
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] == m.group(3)


# ---------------------------------------------------------------- NZ NHI (old format AAANNNC)
_NHI_L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'


def nhi_ok(s):
    a = alnum(s)
    if not re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', a):
        return False
    vals = [_NHI_L.index(c) + 1 for c in a[:3]] + [int(c) for c in a[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(a[6])


# ---------------------------------------------------------------- Indian PAN (shape)
def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', alnum(s)))


# ---------------------------------------------------------------- ICAO MRZ check digit
def mrz_digit(field):
    vals = []
    for ch in field:
        if ch.isdigit():
            vals.append(int(ch))
        elif ch == '<':
            vals.append(0)
        else:
            vals.append(ord(ch) - 55)
    return str(sum(v * w for v, w in zip(vals, [7, 3, 1] * 20)) % 10)


def mrz_line2_ok(line):
    line = line.strip()
    if len(line) != 44:
        return False
    ok = (mrz_digit(line[0:9]) == line[9] and mrz_digit(line[13:19]) == line[19]
          and mrz_digit(line[21:27]) == line[27])
    comp = line[0:10] + line[13:20] + line[21:43]
    return ok and mrz_digit(comp) == line[43]


# ---------------------------------------------------------------- shape-only formats
SHAPES = {
    'nz_passport': r'[A-Z]{1,2}\d{6}',
    'nz_dl': r'[A-Z]{2}\d{6}',
    'inz_client': r'\d{8,9}',
    'ph_sss': r'\d{10}',
    'ph_tin': r'\d{9}(\d{3})?',
    'ph_passport': r'P\d{7}[A-Z]',
    'ph_philhealth': r'\d{12}',
    'in_passport': r'[A-Z]\d{7}',
    'cn_passport': r'E[A-Z]?\d{7,8}',
    'vn_cccd': r'0\d{11}',
    'id_nik': r'\d{16}',
    'np_citizenship': r'\d{2}\d{2}\d{2}\d{4,5}',
    'fj_tin': r'\d{9}',
    'ws_passport': r'[A-Z]{2}\d{6}',
    'to_passport': r'[A-Z]\d{6,7}',
    'visa_label': r'[A-Z]?\d{8,9}',
    'employee': r'[A-Z]{0,4}\d{3,8}',
    'upi': r'.*',
    'wallet': r'.*',
    'bd_nid': r'\d{10}|\d{13}|\d{17}',
    'lk_passport': r'N\d{7}',
    'kr_passport': r'M\d{8}',
    'ru_passport': r'\d{10}',
    'my_ic': r'\d{12}',
    'ws_bank': r'\d{8,12}',
    'to_bank': r'\d{8,12}',
    'fj_bank': r'\d{8,14}',
    'ph_bank': r'\d{10,13}',
    'in_bank': r'\d{9,18}',
    'cn_bank': r'\d{16,19}',
    'vn_bank': r'\d{9,15}',
    'th_bank': r'\d{10}',
    'np_bank': r'\d{14,17}',
    'au_bank': r'\d{12,15}',
    'wise': r'.*',
    'iaa_licence': r'20\d{7}',
}

CHECKED = {
    'card': luhn_ok, 'nz_ird': ird_ok, 'nz_bank': nzbank_ok, 'iban': iban_ok,
    'aadhaar': aadhaar_ok, 'cn_id': cnid_ok, 'th_id': thid_ok, 'kr_rrn': krrn_ok,
    'br_cpf': cpf_ok, 'cl_rut': rut_ok, 'es_dni': dni_ok, 'nz_nhi': nhi_ok,
    'in_pan': pan_ok, 'mrz2': mrz_line2_ok,
}


def validate(kind, value):
    if kind in CHECKED:
        return CHECKED[kind](value)
    if kind in SHAPES:
        return bool(re.fullmatch(SHAPES[kind], alnum(value)))
    raise KeyError(kind)
