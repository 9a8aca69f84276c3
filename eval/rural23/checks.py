"""Check-digit algorithms shared by gen.py and build.py."""
import re

def ird_ok(s):
    d = re.sub(r'\D', '', s)
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

NZ_BRANCHES = {
    '01': [(1, 999), (1100, 1199), (1800, 1899)],
    '02': [(1, 999), (1200, 1299)],
    '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    '06': [(1, 999), (1400, 1499)],
    '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
    '38': [(9000, 9499)],
}

def nzbank_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) not in (15, 16):
        return False
    bank, branch, acct, suf = d[:2], d[2:6], d[6:13], d[13:]
    if bank not in NZ_BRANCHES:
        return False
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    full = bank + branch + acct.zfill(8) + suf.zfill(4)
    if int(acct) < 990000:
        w = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    else:
        w = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    if not 12 <= len(d) <= 19:
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

_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_INV = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 12 or d[0] in '01':
        return False
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0

def verhoeff_digit(base):
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return str(_INV[c])

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def cnid_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    r = sum(int(a) * b for a, b in zip(s[:17], CN_W)) % 11
    return '10X98765432'[r] == s[17]

def pan_ok(s):
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()) is not None

def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s):
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1

PH_MOBILE_PREFIX = ('905','906','915','916','917','926','927','935','936','945','955','956','965','966','975','977','995','997',
                    '907','908','909','910','912','918','919','920','921','928','929','939','946','947','948','949','950','951','961','998','999',
                    '922','923','925','931','932','933','934','940','941','942','943','973','974','991','992','993','994')
def ph_mobile_ok(s):
    d = re.sub(r'\D', '', s)
    if d.startswith('63'):
        d = d[2:]
    elif d.startswith('0'):
        d = d[1:]
    return len(d) == 10 and d[:3] in PH_MOBILE_PREFIX
