"""Check-digit helpers shared by gen.py and build.py."""
import re

def ird_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) not in (8, 9): return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000): return False
    d = d.zfill(9); base, chk = d[:8], int(d[8])
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def ird_make(base7):  # base of 8 digits (string)
    base = base7.zfill(8)
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return base + str(c)
    return None

NZB_A = [6,3,7,9, 0,0,10,5,8,4,2,1]
NZB_B = [0,0,0,0, 0,0,10,5,8,4,2,1]
def nzbank_ok(s):
    parts = re.split(r'[-\s]+', s.strip())
    if len(parts) != 4: return False
    bank, br, acc, suf = parts
    if not (len(bank) == 2 and len(br) == 4 and 6 <= len(acc) <= 8 and 2 <= len(suf) <= 4): return False
    acc8 = acc.zfill(8)
    w = NZB_A if int(acc8) < 990000 else NZB_B
    digits = br + acc8
    return sum(int(a)*b for a, b in zip(digits, w)) % 11 == 0

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    if not 13 <= len(d) <= 19: return False
    t = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: x = x*2 - 9 if x*2 > 9 else x*2
        t += x
    return t % 10 == 0

def luhn_make(prefix, length):
    for c in range(10):
        if luhn_ok(prefix + str(c)) and len(prefix)+1 == length: return prefix + str(c)

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_vinv = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    d = re.sub(r'\D', '', s); c = 0
    for i, ch in enumerate(reversed(d)): c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0 and len(d) == 12 and d[0] not in '01'
def verhoeff_make(base11):
    c = 0
    for i, ch in enumerate(reversed(base11)): c = _vd[c][_vp[(i+1) % 8][int(ch)]]
    return base11 + str(_vinv[c])

CNW = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def cnid_check(b17):
    return '10X98765432'[sum(int(a)*w for a, w in zip(b17, CNW)) % 11]
def cnid_ok(s):
    s = s.strip().upper()
    return bool(re.fullmatch(r'\d{17}[\dX]', s)) and cnid_check(s[:17]) == s[17]

def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{8,30}', s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(ch, 36)) for ch in r)) % 97 == 1

def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()))
