"""Check-digit routines shared by gen.py and build.py."""
import re

def ird_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    base, chk = d[:-1].zfill(8), int(d[-1])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

NZ_SPECIAL = {'08', '09', '25', '33', '26', '28', '29', '31'}
def nzbank_ok(s):
    m = re.fullmatch(r'(\d{2})[\s-]*(\d{4})[\s-]*(\d{7,8})[\s-]*(\d{2,4})', s.strip())
    if not m:
        return False
    b, br, ac, sf = m.groups()
    if b in NZ_SPECIAL:
        return False  # generator never emits these
    ac8 = ac.zfill(8)
    w = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0] if int(ac8) < 990000 else \
        [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    digs = b + br + ac8 + sf.zfill(4)
    return sum(int(a) * x for a, x in zip(digs, w)) % 11 == 0

def iban_ok(s):
    t = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', t):
        return False
    r = t[4:] + t[:4]
    n = ''.join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return len(d) >= 12 and tot % 10 == 0

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
       [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
       [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
       [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_vinv = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0
def verhoeff_digit(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[(i + 1) % 8][int(ch)]]
    return str(_vinv[c])
def aadhaar_ok(s):
    d = re.sub(r'\D', '', s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_ok(d)

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def cnid_check(d17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(d17, CN_W)) % 11]
def cnid_ok(s):
    t = re.sub(r'\s', '', s).upper()
    return bool(re.fullmatch(r'\d{17}[\dX]', t)) and cnid_check(t[:17]) == t[17]

def pan_ok(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()))

NHI_L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
def nhi_ok(s):
    t = s.strip().upper()
    if not re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', t):
        return False
    v = [NHI_L.index(c) + 1 for c in t[:3]] + [int(c) for c in t[3:6]]
    r = sum(a * b for a, b in zip(v, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(t[6])

def tfn_ok(s):
    d = re.sub(r'\D', '', s)
    return len(d) == 9 and sum(int(a) * b for a, b in zip(d, [1, 4, 3, 7, 5, 8, 6, 9, 10])) % 11 == 0

def rut_dv(body):
    s, m = 0, 2
    for ch in reversed(body):
        s += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)
def rut_ok(s):
    t = re.sub(r'[.\s]', '', s).upper()
    m = re.fullmatch(r'(\d{7,8})-?([\dK])', t)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)

def cpf_digits(d9):
    d = [int(c) for c in d9]
    r = sum(a * b for a, b in zip(d, range(10, 1, -1))) % 11
    d.append(0 if r < 2 else 11 - r)
    r = sum(a * b for a, b in zip(d, range(11, 1, -1))) % 11
    d.append(0 if r < 2 else 11 - r)
    return ''.join(map(str, d))
def cpf_ok(s):
    d = re.sub(r'\D', '', s)
    return len(d) == 11 and cpf_digits(d[:9]) == d

def mrz_cd(s):
    tot = 0
    for i, ch in enumerate(s):
        v = 0 if ch == '<' else int(ch) if ch.isdigit() else ord(ch) - 55
        tot += v * [7, 3, 1][i % 3]
    return str(tot % 10)
def mrz2_ok(s):
    t = s.strip()
    if len(t) != 44:
        return False
    ok = mrz_cd(t[0:9]) == t[9] and mrz_cd(t[13:19]) == t[19] and mrz_cd(t[21:27]) == t[27]
    ok = ok and (t[42] in '<0' if set(t[28:42]) <= {'<'} else mrz_cd(t[28:42]) == t[42])
    comp = t[0:10] + t[13:20] + t[21:43]
    return ok and mrz_cd(comp) == t[43]

PH_PREFIX = {'905','906','915','916','917','926','927','935','936','945','953','954','955','956','965','966',
             '967','975','976','977','995','996','997','907','908','909','910','912','918','919','920','921',
             '928','929','930','938','939','946','947','948','949','950','951','961','998','999','922','923',
             '924','925','931','932','933','934','940','941','942','943','973','974','991','992','993','994','895','896','897','898'}
def ph_mobile_ok(s):
    d = re.sub(r'\D', '', s)
    if d.startswith('63'):
        d = '0' + d[2:]
    return len(d) == 11 and d.startswith('09') and d[1:4] in PH_PREFIX or \
        (len(d) == 11 and d[:1] == '0' and d[1:4] in PH_PREFIX)
