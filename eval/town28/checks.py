"""Check-digit helpers shared by gen.py and build.py."""
import re

def ird_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

BRANCHES = {1: [(1, 999), (1100, 1199), (1800, 1899)], 2: [(1, 999), (1200, 1299)],
            3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
            6: [(1, 999), (1400, 1499)], 12: [(3000, 3299), (3400, 3499), (3600, 3699)],
            38: [(9000, 9499)]}

def nzbank_ok(s):
    parts = re.split(r'[\s\-]+', s.strip())
    if len(parts) != 4:
        return False
    b, br, acc, suf = parts
    if not (len(b) == 2 and len(br) == 4 and len(acc) in (7, 8) and len(suf) in (2, 3, 4)):
        return False
    bank, branch = int(b), int(br)
    if bank not in BRANCHES or not any(lo <= branch <= hi for lo, hi in BRANCHES[bank]):
        return False
    acc = acc.zfill(8); suf = suf.zfill(4)
    digits = b + br + acc + suf
    if int(acc) < 990000:
        w = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    else:
        w = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    return sum(int(x) * y for x, y in zip(digits, w)) % 11 == 0

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    if not 13 <= len(d) <= 19:
        return False
    t = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n *= 2
            if n > 9: n -= 9
        t += n
    return t % 10 == 0

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
       [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
       [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
       [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]

def verhoeff_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 12 or d[0] in '01':
        return False
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s):
        return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

def pan_ok(s):
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s) is not None

_NHI_L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'  # no I or O

def nhi_ok(s):
    s = s.strip().upper()
    if not re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', s):
        return False
    vals = [_NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = (11 - r) % 10
    return c == int(s[6])
