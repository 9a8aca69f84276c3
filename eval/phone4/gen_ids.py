#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits (set phone4).

Run:  python3 gen_ids.py > ids.txt
Every number printed here is invented; the tips in source.txt copy them by hand.
The validators are reused by reread.py to confirm the copies in source.txt.
"""
import random
import string

SEED = 4417
R = random.Random(SEED)

# ---------------------------------------------------------------- NZ IRD
def ird_check(base8):
    """base8: 8-digit string (IRD without check digit, left-padded)."""
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        s = sum(int(d) * k for d, k in zip(base8, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(num):
    d = ''.join(ch for ch in num if ch.isdigit())
    if len(d) not in (8, 9):
        return False
    v = int(d)
    if not (10_000_000 < v < 150_000_000):
        return False
    d = d.zfill(9)
    c = ird_check(d[:8])
    return c is not None and c == int(d[8])


def make_ird():
    while True:
        n = R.randint(1_000_000, 14_999_999)  # base without check digit
        base = str(n).zfill(8)
        c = ird_check(base)
        if c is None:
            continue
        full = (base + str(c)).lstrip('0')
        if not ird_valid(full):
            continue
        full9 = full.zfill(9)
        if len(full) == 8:
            return f"{full[:2]}-{full[2:5]}-{full[5:]}"
        return f"{full9[:3]}-{full9[3:6]}-{full9[6:]}"


# ---------------------------------------------------------------- NZ bank
BRANCHES = {
    '01': [(1, 999), (1100, 1199), (1800, 1899)],
    '02': [(1, 999), (1200, 1299)],
    '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    '06': [(1, 999), (1400, 1499)],
    '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
    '38': [(9000, 9499)],
}
WA = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
WB = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nzbank_valid(s):
    parts = [p for p in s.replace(' ', '-').split('-') if p]
    if len(parts) != 4:
        return False
    bank, branch, acct, suf = parts
    if bank not in BRANCHES:
        return False
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in BRANCHES[bank]):
        return False
    digits = bank.zfill(2) + branch.zfill(4) + acct.zfill(8) + suf.zfill(4)
    w = WA if int(acct) < 990000 else WB
    return sum(int(d) * k for d, k in zip(digits, w)) % 11 == 0


def make_nzbank(bank=None):
    bank = bank or R.choice(list(BRANCHES))
    while True:
        lo, hi = R.choice(BRANCHES[bank])
        branch = str(R.randint(lo, hi)).zfill(4)
        acct = str(R.randint(10000, 9999999)).zfill(7)
        suf = R.choice(['00', '00', '01', '02', '000', '001', '025', '50'])
        s = f"{bank}-{branch}-{acct}-{suf}"
        if nzbank_valid(s):
            return s


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {'GB': 22, 'DE': 22, 'ES': 24, 'FR': 27, 'NL': 18, 'IE': 22, 'PT': 25}


def iban_valid(s):
    s = s.replace(' ', '').upper()
    if len(s) != IBAN_LEN.get(s[:2], -1):
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def make_iban(cc):
    n = IBAN_LEN[cc] - 4
    if cc == 'GB':
        bban = R.choice(['BARC', 'LOYD', 'NWBK', 'HBUK']) + ''.join(R.choice(string.digits) for _ in range(14))
    elif cc == 'IE':
        bban = R.choice(['AIBK', 'BOFI']) + ''.join(R.choice(string.digits) for _ in range(14))
    elif cc == 'NL':
        bban = R.choice(['INGB', 'ABNA', 'RABO']) + ''.join(R.choice(string.digits) for _ in range(10))
    else:
        bban = ''.join(R.choice(string.digits) for _ in range(n))
    r = bban + cc + '00'
    num = int(''.join(str(int(ch, 36)) for ch in r))
    chk = 98 - num % 97
    iban = f"{cc}{chk:02d}{bban}"
    assert iban_valid(iban)
    return ' '.join(iban[i:i + 4] for i in range(0, len(iban), 4))


# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def make_card(prefix):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(15 - len(prefix)))
    for c in range(10):
        if luhn_valid(body + str(c)):
            n = body + str(c)
            return ' '.join(n[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    c = 0
    for i, x in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][x]]
    return c == 0


def make_aadhaar():
    body = str(R.randint(2, 9)) + ''.join(R.choice(string.digits) for _ in range(10))
    c = 0
    for i, x in enumerate(reversed([int(ch) for ch in body])):
        c = VD[c][VP[(i + 1) % 8][x]]
    n = body + str(VINV[c])
    assert verhoeff_valid(n)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


# ---------------------------------------------------------------- China resident ID
CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CNMAP = '10X98765432'


def cnid_valid(s):
    s = s.replace(' ', '').upper()
    if len(s) != 18:
        return False
    return CNMAP[sum(int(a) * w for a, w in zip(s[:17], CNW)) % 11] == s[17]


def make_cnid(region, ymd, male):
    seq = R.randint(10, 99) * 10 + R.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    body = f"{region}{ymd}{seq:03d}"
    return body + CNMAP[sum(int(a) * w for a, w in zip(body, CNW)) % 11]


# ---------------------------------------------------------------- Thai ID
def thid_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 13:
        return False
    return (11 - sum(d[i] * (13 - i) for i in range(12)) % 11) % 10 == d[12]


def make_thid():
    d = [R.randint(1, 8)] + [R.randint(0, 9) for _ in range(11)]
    c = (11 - sum(d[i] * (13 - i) for i in range(12)) % 11) % 10
    s = ''.join(map(str, d + [c]))
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


# ---------------------------------------------------------------- Brazil CPF
def cpf_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        t = sum(d[i] * (n + 1 - i) for i in range(n))
        c = (t * 10) % 11 % 10
        if c != d[n]:
            return False
    return True


def make_cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (9, 10):
        t = sum(d[i] * (n + 1 - i) for i in range(n))
        d.append((t * 10) % 11 % 10)
    s = ''.join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


# ---------------------------------------------------------------- Chile RUT
def rut_dv(body):
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)


def rut_valid(s):
    s = s.replace('.', '').replace(' ', '').upper()
    body, dv = s.split('-')
    return rut_dv(body) == dv


def make_rut():
    body = str(R.randint(12_000_000, 24_999_999))
    dv = rut_dv(body)
    return f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{dv}"


# ---------------------------------------------------------------- Spain DNI / NIE
DNI_L = 'TRWAGMYFPDXBNJZSQVHLCKE'


def dni_valid(s):
    s = s.replace('-', '').replace(' ', '').upper()
    pre = {'X': '0', 'Y': '1', 'Z': '2'}
    n = pre.get(s[0], s[0]) + s[1:-1]
    return DNI_L[int(n) % 23] == s[-1]


def make_nie():
    first = R.choice('XY')
    n = ''.join(R.choice(string.digits) for _ in range(7))
    val = int({'X': '0', 'Y': '1'}[first] + n)
    return f"{first}{n}{DNI_L[val % 23]}"


# ---------------------------------------------------------------- Colombia NIT
NIT_W = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]


def nit_dv(body):
    r = sum(int(d) * w for d, w in zip(reversed(body), NIT_W)) % 11
    return r if r < 2 else 11 - r


def nit_valid(s):
    d = s.replace('.', '').replace(' ', '')
    body, dv = d.split('-')
    return nit_dv(body) == int(dv)


# ---------------------------------------------------------------- NZ NHI (old AAANNNC)
NHI_LET = 'ABCDEFGHJKLMNPQRSTUVWXYZ'  # no I, O


def nhi_valid(s):
    s = s.upper()
    if len(s) != 7:
        return False
    vals = [NHI_LET.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    tot = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2]))
    r = tot % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(s[6])


def make_nhi():
    while True:
        s = ''.join(R.choice(NHI_LET) for _ in range(3)) + ''.join(R.choice(string.digits) for _ in range(3))
        for c in '0123456789':
            if nhi_valid(s + c):
                return s + c


# ---------------------------------------------------------------- Korea RRN
def rrn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(a * b for a, b in zip(d, w)) % 11) % 10 == d[12]


def make_rrn(yymmdd, g):
    d = [int(c) for c in yymmdd] + [g] + [R.randint(0, 9) for _ in range(5)]
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    d.append((11 - sum(a * b for a, b in zip(d, w)) % 11) % 10)
    s = ''.join(map(str, d))
    return f"{s[:6]}-{s[6:]}"


# ---------------------------------------------------------------- Singapore NRIC/FIN
def sg_make(prefix):
    w = [2, 7, 6, 5, 4, 3, 2]
    d = [R.randint(0, 9) for _ in range(7)]
    t = sum(a * b for a, b in zip(d, w)) + (4 if prefix in 'TG' else 0)
    table = 'JZIHGFEDCBA' if prefix in 'ST' else 'XWUTRQPNMLK'
    return prefix + ''.join(map(str, d)) + table[t % 11]


def sg_valid(s):
    s = s.upper()
    w = [2, 7, 6, 5, 4, 3, 2]
    t = sum(int(a) * b for a, b in zip(s[1:8], w)) + (4 if s[0] in 'TG' else 0)
    table = 'JZIHGFEDCBA' if s[0] in 'ST' else 'XWUTRQPNMLK'
    return table[t % 11] == s[8]


if __name__ == '__main__':
    print('# IRD');      [print(make_ird()) for _ in range(18)]
    for b in ['01', '02', '03', '06', '12', '38']:
        print(f'# NZ bank {b}'); [print(make_nzbank(b)) for _ in range(5)]
    print('# IBAN');     [print(make_iban(c)) for c in ['GB', 'DE', 'ES', 'FR', 'NL', 'IE', 'PT', 'GB']]
    print('# Visa');     [print(make_card('4')) for _ in range(6)]
    print('# MC');       [print(make_card(R.choice(['51', '53', '55']))) for _ in range(5)]
    print('# UnionPay'); [print(make_card('62')) for _ in range(2)]
    print('# Aadhaar');  [print(make_aadhaar()) for _ in range(8)]
    print('# CN ID')
    for reg, ymd, m in [('350102', '19880314', True), ('440106', '19920921', False),
                        ('320102', '19790607', True), ('510104', '19950130', False),
                        ('130102', '19850812', True), ('350583', '19900505', True),
                        ('410122', '19970228', False)]:
        print(make_cnid(reg, ymd, m))
    print('# Thai ID');  [print(make_thid()) for _ in range(6)]
    print('# CPF');      [print(make_cpf()) for _ in range(3)]
    print('# RUT');      [print(make_rut()) for _ in range(3)]
    print('# NIE');      [print(make_nie()) for _ in range(3)]
    print('# NHI');      [print(make_nhi()) for _ in range(4)]
    print('# RRN');      print(make_rrn('860419', 1)); print(make_rrn('930702', 2)); print(make_rrn('010915', 4))
    print('# SG FIN');   print(sg_make('G')); print(sg_make('F')); print(sg_make('S'))
    # appended later (keeps the values above unchanged)
    print('# ES DNI')
    for _ in range(2):
        n = R.randint(10_000_000, 79_999_999)
        print(f"{n}{DNI_L[n % 23]}")
    print('# CO NIT (DIAN)')
    for _ in range(2):
        body = str(R.randint(800_000_000, 901_999_999))
        print(f"{body[:3]}.{body[3:6]}.{body[6:]}-{nit_dv(body)}")
    print('# IRD (more)'); [print(make_ird()) for _ in range(4)]
    print('# Luhn cards (more)'); [print(make_card('4')) for _ in range(2)]
