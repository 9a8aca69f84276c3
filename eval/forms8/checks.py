"""Check-digit and shape validators shared by gen.py and build.py (forms8)."""
import re, unicodedata, datetime

def digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                pass
    return ''.join(out)

def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0

def luhn_complete(partial):
    for c in '0123456789':
        if luhn_ok(partial + c):
            return partial + c

def ird_ok(num):
    num = num.zfill(9)
    if len(num) != 9 or not (10000000 <= int(num) <= 150000000):
        return False
    base, chk = num[:8], int(num[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

NZW = {
    'A': [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    'B': [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    'D': [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0],
}

def nzbank_ok(s):
    m = re.fullmatch(r'(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})', s.strip())
    if not m:
        return False
    bank, br, acc, suf = m.groups()
    acc = acc.zfill(8)
    suf = suf.zfill(4)
    full = bank + br + acc + suf
    b = int(bank)
    if b == 8:
        alg = 'D'
    elif b in (1, 2, 3, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 27, 30, 35, 38):
        alg = 'A' if int(acc) < 990000 else 'B'
    else:
        return True  # algorithms not implemented (E/F/G/X) - not generated
    return sum(int(a) * w for a, w in zip(full, NZW[alg])) % 11 == 0

def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s):
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1

def iban_make(cc, bban):
    r = bban + cc + '00'
    n = ''.join(str(int(c, 36)) for c in r)
    ck = 98 - int(n) % 97
    return '%s%02d%s' % (cc, ck, bban)

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
       [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
       [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
       [9,4,5,3,1,2,7,6,8,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_vinv = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_ok(num):
    c = 0
    for i, x in enumerate(reversed(num)):
        c = _vd[c][_vp[i % 8][int(x)]]
    return c == 0

def verhoeff_complete(partial):
    c = 0
    for i, x in enumerate(reversed(partial)):
        c = _vd[c][_vp[(i + 1) % 8][int(x)]]
    return partial + str(_vinv[c])

def aadhaar_ok(num):
    return len(num) == 12 and num[0] not in '01' and verhoeff_ok(num)

CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CNC = '10X98765432'

def cnid_check(first17):
    return CNC[sum(int(a) * w for a, w in zip(first17, CNW)) % 11]

def cnid_ok(s):
    s = s.upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return cnid_check(s[:17]) == s[17]

def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s))

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

def cpf_complete(nine):
    d = nine
    for n in (9, 10):
        t = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        d += str((t * 10) % 11 % 10)
    return d

CURPA = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'

def curp_check(first17):
    t = sum(CURPA.index(c) * (18 - i) for i, c in enumerate(first17))
    return str((10 - t % 10) % 10)

def curp_ok(s):
    if not re.fullmatch(r'[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[0-9A-Z]\d', s):
        return False
    return curp_check(s[:17]) == s[17]

def rut_check(body):
    t, m = 0, 2
    for c in reversed(body):
        t += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - t % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)

def rut_ok(s):
    m = re.fullmatch(r'(\d{1,2}\.?\d{3}\.?\d{3})-([\dkK])', s)
    return bool(m) and rut_check(digits(m.group(1))) == m.group(2).upper()

def thai_check(d12):
    return str((11 - sum(int(d12[i]) * (13 - i) for i in range(12)) % 11) % 10)

def thai_ok(s):
    d = digits(s)
    return len(d) == 13 and thai_check(d[:12]) == d[12]

def dni_es_ok(s):
    s = s.replace('-', '').replace(' ', '').upper()
    m = re.fullmatch(r'([XYZ]?)(\d{7,8})([A-Z])', s)
    if not m:
        return False
    pre = {'': '', 'X': '0', 'Y': '1', 'Z': '2'}[m.group(1)]
    n = int(pre + m.group(2))
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] == m.group(3)

def nik_ok(s):
    d = digits(s)
    if len(d) != 16:
        return False
    dd = int(d[6:8]); mm = int(d[8:10])
    if dd > 40:
        dd -= 40
    return 1 <= dd <= 31 and 1 <= mm <= 12

def cccd_ok(s):
    d = digits(s)
    return len(d) == 12 and 1 <= int(d[:3]) <= 96 and d[3] in '0123'

def krrn_check(d12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return str((11 - sum(int(a) * b for a, b in zip(d12, w)) % 11) % 10)

def krrn_ok(s):
    d = digits(s)
    return len(d) == 13 and krrn_check(d[:12]) == d[12]

def ph_mobile_ok(s):
    d = digits(s)
    if d.startswith('63'):
        d = '0' + d[2:]
    return len(d) == 11 and d.startswith('09')

NHIL = 'ABCDEFGHJKLMNPQRSTUVWXYZ'  # I and O excluded; A=1 .. Z=24

def nhi_check(first6):
    vals = [NHIL.index(c) + 1 for c in first6[:3]] + [int(c) for c in first6[3:]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    c = 11 - r
    if c == 11:
        return None
    return '0' if c == 10 else str(c)

def nhi_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', s)) and nhi_check(s[:6]) == s[6]

def hkid_check(prefix, six):
    vals = []
    if len(prefix) == 1:
        vals.append(36)
    vals += [ord(c) - 55 for c in prefix]
    vals += [int(c) for c in six]
    r = sum(v * w for v, w in zip(vals, [9, 8, 7, 6, 5, 4, 3, 2])) % 11
    return '0' if r == 0 else 'A' if r == 1 else str(11 - r)

def hkid_ok(s):
    m = re.fullmatch(r'([A-Z]{1,2})(\d{6})\s?\(?([0-9A])\)?', s.upper())
    return bool(m) and hkid_check(m.group(1), m.group(2)) == m.group(3)
