"""Check-digit validators shared by gen.py and build.py."""
import re

def digits(s): return re.sub(r'\D', '', s)

def ird_ok(s):
    s = digits(s)
    if len(s) not in (8, 9): return False
    s = s.zfill(9)
    if not (10_000_000 <= int(s) <= 150_000_000): return False
    base, chk = s[:8], int(s[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def nzbank_ok(s):
    p = re.split(r'[- ]+', s.strip())
    if len(p) != 4: p = None
    if p is None:
        x = digits(s)
        if len(x) not in (15, 16): return False
        p = [x[:2], x[2:6], x[6:13], x[13:]]
    bank, br, acc, suf = p
    if bank not in ('01', '02', '03', '06', '11', '12', '13', '14', '15', '16', '17', '38'): return False
    acc8, suf4 = acc.zfill(8), suf.zfill(4)
    full = bank + br + acc8 + suf4
    if int(acc8) < 990000:
        w = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    else:
        w = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0

def luhn_ok(s):
    s = digits(s)
    tot = 0
    for i, c in enumerate(reversed(s)):
        n = int(c)
        if i % 2: n = n * 2 - 9 if n > 4 else n * 2
        tot += n
    return len(s) >= 12 and tot % 10 == 0

_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    s = digits(s)
    if len(s) != 12 or s[0] in '01': return False
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _d[c][_p[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'\d{17}[\dX]', s): return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(a) * b for a, b in zip(s, w)) % 11] == s[17]

def thaiid_ok(s):
    s = digits(s)
    if len(s) != 13: return False
    tot = sum(int(s[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(s[12])

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s): return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1

def pan_ok(s):
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s) is not None
