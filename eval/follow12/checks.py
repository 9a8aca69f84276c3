"""Check-digit validators shared by gen.py and build.py."""
import re

def digits(s):
    # normalise any unicode decimal digit to ascii
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                import unicodedata
                out.append(str(unicodedata.digit(ch)))
            except Exception:
                pass
    return ''.join(out)

# ---- NZ IRD (mod 11, primary/secondary weights)
def ird_ok(s):
    d = digits(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = [int(c) for c in d[:8]], int(d[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

def ird_make(base8):
    d = str(base8).zfill(8)
    b = [int(c) for c in d]
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(a * x for a, x in zip(b, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return d + str(c)
    return None

# ---- NZ bank account (algorithm A, banks 01 02 03 06 11 12 38 etc, base < 990000)
NZ_A_W = (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_B_W = (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_RE = re.compile(r'^(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})$')

def nz_bank_ok(s):
    m = NZ_RE.match(s.strip())
    if not m:
        return None  # not NZ-shaped
    bank, br, acc, suf = m.groups()
    full = bank + br + acc.zfill(8) + suf.zfill(4)
    w = NZ_A_W if int(acc) < 990000 else NZ_B_W
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0

# ---- Luhn
def luhn_ok(s):
    d = digits(s)
    if not 12 <= len(d) <= 19:
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0

def luhn_complete(partial):
    for c in '0123456789':
        if luhn_ok(partial + c):
            return partial + c

# ---- IBAN mod 97
def iban_ok(s):
    t = re.sub(r'\s', '', s).upper()
    if not re.match(r'^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$', t):
        return False
    r = t[4:] + t[:4]
    n = ''.join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1

def iban_make(cc, bban):
    r = bban + cc + '00'
    n = ''.join(str(int(ch, 36)) for ch in r)
    ck = 98 - int(n) % 97
    return f'{cc}{ck:02d}{bban}'

# ---- Verhoeff (Aadhaar)
_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_inv = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_ok(s):
    d = digits(s)
    c = 0
    for i, x in enumerate(reversed(d)):
        c = _d[c][_p[i % 8][int(x)]]
    return c == 0

def verhoeff_make(base):
    c = 0
    for i, x in enumerate(reversed(base)):
        c = _d[c][_p[(i + 1) % 8][int(x)]]
    return base + str(_inv[c])

def aadhaar_ok(s):
    d = digits(s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_ok(d)

# ---- China resident ID (ISO 7064 MOD 11-2)
_CNW = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
def cn_id_ok(s):
    t = s.replace(' ', '').upper()
    if not re.match(r'^\d{17}[\dX]$', t):
        return False
    r = sum(int(a) * b for a, b in zip(t[:17], _CNW)) % 11
    return '10X98765432'[r] == t[17]

def cn_id_make(b17):
    r = sum(int(a) * b for a, b in zip(b17, _CNW)) % 11
    return b17 + '10X98765432'[r]

# ---- India PAN shape
def pan_ok(s):
    return bool(re.match(r'^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]$', s.strip()))

# ---- Thai national ID (13 digits, mod 11)
def thai_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    t = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - t % 11) % 10 == int(d[12])

def thai_make(b12):
    t = sum(int(b12[i]) * (13 - i) for i in range(12))
    return b12 + str((11 - t % 11) % 10)

# ---- Philippine mobile
PH_PREFIX = {'905','906','915','916','917','926','927','935','936','945','953','954','955','956','965','966','967','975','977','995','997',
             '907','908','909','910','912','918','919','920','921','928','929','939','946','947','948','949','950','951','961','998','999',
             '922','923','925','931','932','933','934','940','941','942','943','973','974','991','992','993','994'}
def ph_mobile_ok(s):
    d = digits(s)
    if d.startswith('63'):
        d = '0' + d[2:]
    return len(d) == 11 and d.startswith('09') and d[1:4] in PH_PREFIX
