"""Check-digit validators shared by gen.py and build.py."""
import re

def ird_ok(s):
    d = re.sub(r'\D', '', s)
    if not (8 <= len(d) <= 9): return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000): return False
    d = d.zfill(9); base, chk = d[:8], int(d[8])
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def nzbank_ok(s):
    parts = re.split(r'[\s-]+', s.strip())
    if len(parts) != 4: return False
    b, br, acc, suf = parts
    if len(b) != 2 or len(br) != 4 or len(acc) not in (7, 8) or len(suf) not in (2, 3, 4): return False
    acc = acc.zfill(8); suf = suf.zfill(4)
    if int(acc) >= 990000 and b not in ('08','09','25','33','26','28','29','31'):
        w = [0,0, 0,0,0,0, 0,0,10,5,8,4,2,1, 0,0,0,0]
    else:
        w = [0,0, 6,3,7,9, 0,0,10,5,8,4,2,1, 0,0,0,0]
    digs = b + br + acc + suf
    return sum(int(a)*x for a, x in zip(digs, w)) % 11 == 0

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    if not (13 <= len(d) <= 19): return False
    t = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2: v *= 2; v -= 9 if v > 9 else 0
        t += v
    return t % 10 == 0

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 12 or d[0] in '01': return False
    c = 0
    for i, ch in enumerate(reversed(d)): c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'\d{17}[\dX]', s): return False
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    r = sum(int(a)*b for a, b in zip(s[:17], w)) % 11
    return '10X98765432'[r] == s[17]

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

def pan_ok(s):
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()) is not None
