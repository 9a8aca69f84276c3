"""Check-digit validators shared by gen.py and build.py (set home16)."""
import re
import unicodedata


def ascii_digits(s):
    """Map digits of any script (Devanagari, Bengali, Thai, Khmer, full-width...) to ASCII."""
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
    return re.sub(r'\D', '', ascii_digits(s))


# ---------------- NZ IRD (mod 11, two weight sets) ----------------
def ird_ok(s):
    d = digits_only(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    base, chk = d[:-1].zfill(8), int(d[-1])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


# ---------------- NZ bank account ----------------
_W = {
    'A': ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11, False),
    'B': ([0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11, False),
    'D': ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11, False),
    'E': ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], 10, True),
    'F': ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10, False),
    'G': ([0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], 10, True),
}


def nz_bank_parts(s):
    m = re.fullmatch(r'(\d{2})[\s-]?(\d{4})[\s-]?(\d{7,8})[\s-]?(\d{2,4})', ascii_digits(s).strip())
    return m.groups() if m else None


def nz_bank_ok(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    b = int(bank)
    if b == 8:
        alg = 'D'
    elif b == 9:
        alg = 'E'
    elif b in (25, 33):
        alg = 'F'
    elif b in (26, 28, 29):
        alg = 'G'
    elif b == 31:
        return True
    else:
        alg = 'A' if int(acct) < 990000 else 'B'
    full = bank + branch + acct.zfill(8) + suf.zfill(4)
    w, mod, digsum = _W[alg]
    tot = 0
    for ch, wt in zip(full, w):
        p_ = int(ch) * wt
        if digsum:
            while p_ > 9:
                p_ = sum(int(x) for x in str(p_))
        tot += p_
    return tot % mod == 0


# ---------------- IBAN ----------------
def iban_ok(s):
    t = re.sub(r'[\s-]', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', t):
        return False
    r = t[4:] + t[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + '00'
    n = ''.join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f'{cc}{chk:02d}{bban}'


# ---------------- Luhn ----------------
def luhn_ok(s):
    d = digits_only(s)
    if len(d) < 12:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_complete(prefix_digits):
    for c in range(10):
        if luhn_ok(prefix_digits + str(c)):
            return prefix_digits + str(c)


# ---------------- Verhoeff (Aadhaar) ----------------
_vd = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_vp = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_vinv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(s):
    d = digits_only(s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0


def verhoeff_complete(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[(i + 1) % 8][int(ch)]]
    return d + str(_vinv[c])


def aadhaar_ok(s):
    d = digits_only(s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_ok(d)


# ---------------- China resident ID (ISO 7064 MOD 11-2) ----------------
_cnw = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_cnc = '10X98765432'


def cn_id_ok(s):
    t = re.sub(r'\s', '', ascii_digits(s)).upper()
    if not re.fullmatch(r'\d{17}[\dX]', t):
        return False
    return _cnc[sum(int(a) * b for a, b in zip(t[:17], _cnw)) % 11] == t[17]


def cn_id_make(s17):
    return s17 + _cnc[sum(int(a) * b for a, b in zip(s17, _cnw)) % 11]


# ---------------- India PAN (shape) ----------------
def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()))


# ---------------- Thai national ID (mod 11) ----------------
def thai_ok(s):
    d = digits_only(s)
    if len(d) != 13 or d[0] == '0':
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


def thai_make(d12):
    tot = sum(int(d12[i]) * (13 - i) for i in range(12))
    return d12 + str((11 - tot % 11) % 10)


# ---------------- Korean RRN ----------------
def krrn_ok(s):
    d = digits_only(s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10 == int(d[12])


def krrn_make(d12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return d12 + str((11 - sum(int(a) * b for a, b in zip(d12, w)) % 11) % 10)


# ---------------- Brazil CPF ----------------
def cpf_make(d9):
    d = [int(x) for x in d9]
    for n in (10, 11):
        s = sum(a * b for a, b in zip(d, range(n, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    return ''.join(map(str, d))


def cpf_ok(s):
    d = digits_only(s)
    return len(d) == 11 and len(set(d)) > 1 and cpf_make(d[:9]) == d


# ---------------- Chile RUT ----------------
def rut_dv(body):
    s, m = 0, 2
    for ch in reversed(body):
        s += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return {11: '0', 10: 'K'}.get(r, str(r))


def rut_ok(s):
    t = re.sub(r'[.\s]', '', s).upper()
    m = re.fullmatch(r'(\d{7,8})-?([\dK])', t)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)


# ---------------- Mexico CURP ----------------
_curp_dict = '0123456789ABCDEFGHIJKLMN\u00d1OPQRSTUVWXYZ'


def curp_make(s17):
    tot = sum(_curp_dict.index(c) * (18 - i) for i, c in enumerate(s17))
    return s17 + str((10 - tot % 10) % 10)


def curp_ok(s):
    t = s.strip().upper()
    if not re.fullmatch(r'[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d', t):
        return False
    return curp_make(t[:17]) == t


# ---------------- Hong Kong identity card (mod 11) ----------------
def hkid_check(prefix, digits6):
    p = prefix.upper()
    vals = ([36] if len(p) == 1 else []) + [ord(c) - 55 for c in p]
    tot = vals[0] * 9 + vals[1] * 8 + sum(int(d) * w for d, w in zip(digits6, range(7, 1, -1)))
    r = (11 - tot % 11) % 11
    return 'A' if r == 10 else str(r)


def hkid_ok(s):
    m = re.fullmatch(r'([A-Z]{1,2})(\d{6})\s*\(?([\dA])\)?', s.strip().upper())
    return bool(m) and hkid_check(m.group(1), m.group(2)) == m.group(3)


# ---------------- El Salvador DUI (8 digits + check) ----------------
def dui_check(d8):
    tot = sum(int(c) * w for c, w in zip(d8, range(9, 1, -1)))
    return str((10 - tot % 10) % 10)


def dui_ok(s):
    d = digits_only(s)
    return len(d) == 9 and dui_check(d[:8]) == d[8]


# ---------------- Mexico CLABE (weights 3,7,1) ----------------
def clabe_make(d17):
    w = [3, 7, 1] * 6
    tot = sum((int(c) * w[i]) % 10 for i, c in enumerate(d17))
    return d17 + str((10 - tot % 10) % 10)


def clabe_ok(s):
    d = digits_only(s)
    return len(d) == 18 and clabe_make(d[:17]) == d
