"""Check-digit functions shared by gen.py and build.py."""
import re

def ird_valid(s):
    d = re.sub(r'\D', '', s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = [int(c) for c in d[:8]], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

NZ_BRANCH = {'01': [(1, 999), (1100, 1199), (1800, 1899)], '02': [(1, 999), (1200, 1299)],
             '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999), (7350, 7399)],
             '06': [(1, 999), (1400, 1499)], '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
             '38': [(9000, 9499)], '15': [(3900, 3999)]}
WA = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
WB = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]

def nzbank_valid(s):
    parts = re.split(r'[\s-]+', s.strip())
    if len(parts) != 4:
        return False
    b, br, acc, suf = parts
    if not (len(b) == 2 and len(br) == 4 and len(acc) == 7 and len(suf) in (2, 3, 4)):
        return False
    if b not in NZ_BRANCH:
        return False
    if not any(lo <= int(br) <= hi for lo, hi in NZ_BRANCH[b]):
        return False
    digits = b + br + acc.zfill(8) + suf.zfill(4)
    w = WA if int(acc) < 990000 else WB
    return sum(int(c) * x for c, x in zip(digits, w)) % 11 == 0

def iban_valid(s):
    t = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', t):
        return False
    t = t[4:] + t[:4]
    return int(''.join(str(int(c, 36)) for c in t)) % 97 == 1

def luhn_valid(s):
    d = [int(c) for c in re.sub(r'\D', '', s)]
    if not 13 <= len(d) <= 19:
        return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_inv = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_valid(s):
    d = re.sub(r'\D', '', s)
    c = 0
    for i, x in enumerate(reversed(d)):
        c = _d[c][_p[i % 8][int(x)]]
    return c == 0

def verhoeff_digit(s):
    c = 0
    for i, x in enumerate(reversed(s)):
        c = _d[c][_p[(i + 1) % 8][int(x)]]
    return str(_inv[c])

def aadhaar_valid(s):
    d = re.sub(r'\D', '', s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_valid(d)

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def cnid_check(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, CN_W)) % 11]

def cnid_valid(s):
    t = s.strip().upper()
    return bool(re.fullmatch(r'\d{17}[\dX]', t)) and cnid_check(t[:17]) == t[17]

def pan_valid(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()))
