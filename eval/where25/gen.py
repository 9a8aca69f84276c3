#!/usr/bin/env python3
"""Seeded generator of invented identifiers for the where25 set.

Every number here is random and made up. Formats with a check digit are built
so the check passes (NZ IRD mod 11, NZ bank account algorithms A/B, Luhn cards,
Aadhaar Verhoeff, Chinese resident ID ISO 7064 MOD 11-2, IBAN mod 97).
Run:  python3 gen.py > pool.txt
"""
import random

R = random.Random(250025)

# ---------------- check-digit helpers (also imported by build.py) -------------
def ird_check(base8):
    digits = [int(c) for c in base8.zfill(8)]
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        s = sum(a * b for a, b in zip(digits, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c < 10:
            return c
    return None

def ird_valid(num):
    d = ''.join(c for c in num if c.isdigit())
    if not d or not (10_000_000 <= int(d) <= 150_000_000):
        return False
    c = ird_check(d[:-1])
    return c is not None and c == int(d[-1])

NZ_A = (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_B = (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_D = (0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0)
AB_BANKS = {'01', '02', '03', '04', '06', '10', '11', '12', '13', '14', '15', '16',
            '17', '18', '19', '20', '21', '22', '23', '24', '27', '30', '35', '38'}

def nz_bank_valid(s):
    import re
    m = re.fullmatch(r'\D*(\d{2})\D*(\d{4})\D*(\d{7,8})\D*(\d{2,4})\D*', s)
    if not m:
        return False
    bank, branch, acct, suf = m.groups()
    digits = bank + branch + acct.zfill(8) + suf.zfill(4)
    digits = [int(c) for c in digits]
    if bank in AB_BANKS:
        w = NZ_A if int(acct) < 990000 else NZ_B
    elif bank == '08':
        w = NZ_D
    else:
        return False
    return sum(a * b for a, b in zip(digits, w)) % 11 == 0

def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) < 12:
        return False
    tot = 0
    for i, v in enumerate(reversed(d)):
        if i % 2:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0

_VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
       [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
       [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
       [9,8,7,6,5,4,3,2,1,0]]
_VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
       [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
       [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_VINV = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    c = 0
    for i, v in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][v]]
    return c == 0

def verhoeff_digit(s):
    c = 0
    for i, v in enumerate(reversed([int(x) for x in s])):
        c = _VD[c][_VP[(i + 1) % 8][v]]
    return _VINV[c]

def aadhaar_valid(s):
    d = ''.join(c for c in s if c.isdigit())
    return len(d) == 12 and d[0] not in '01' and verhoeff_valid(d)

CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
def cn_id_check(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, CN_W)) % 11]

def cn_id_valid(s):
    s = s.replace(' ', '').upper()
    return len(s) == 18 and s[:17].isdigit() and cn_id_check(s[:17]) == s[17]

def iban_valid(s):
    s = s.replace(' ', '').upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1

def pan_valid(s):
    import re
    return re.fullmatch(r'[A-Z]{3}[PCHABGJLFT][A-Z]\d{4}[A-Z]', s.replace(' ', '')) is not None

# ---------------- generators --------------------------------------------------
def dig(n):
    return ''.join(R.choice('0123456789') for _ in range(n))

def gen_ird():
    while True:
        base = str(R.randint(1_000_000, 14_999_999))
        c = ird_check(base)
        if c is None:
            continue
        full = base + str(c)
        if ird_valid(full):
            return full

def fmt_ird(n):
    n = n.zfill(9)
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"

BRANCHES = {'01': (100, 999), '02': (100, 999), '03': (100, 999), '06': (100, 999),
            '12': (3000, 3299), '38': (9000, 9499)}

def gen_nzbank():
    bank = R.choice(list(BRANCHES))
    lo, hi = BRANCHES[bank]
    while True:
        br = str(R.randint(lo, hi)).zfill(4)
        acct = dig(7)
        suf = R.choice(['00', '00', '01', '02', '25', '50'])
        s = f"{bank}-{br}-{acct}-{suf}"
        if nz_bank_valid(s):
            return s

def gen_card(prefix, length=16):
    while True:
        body = prefix + dig(length - len(prefix) - 1)
        for c in '0123456789':
            if luhn_valid(body + c):
                return body + c

def gen_aadhaar():
    base = R.choice('23456789') + dig(10)
    return base + str(verhoeff_digit(base))

CN_REGIONS = ['350581', '440106', '320102', '510104', '370202', '130102', '410105', '450103']
def gen_cn_id():
    y = R.randint(1970, 2003); m = R.randint(1, 12); d = R.randint(1, 28)
    s17 = R.choice(CN_REGIONS) + f"{y}{m:02d}{d:02d}" + dig(3)
    return s17 + cn_id_check(s17)

def gen_pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + dig(4) + R.choice(L)

def gen_iban(cc, bban_len):
    bban = dig(bban_len)
    r = bban + cc + '00'
    n = ''.join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f"{cc}{chk:02d}{bban}"

def main():
    out = []
    out.append('## IRD')
    out += [fmt_ird(gen_ird()) for _ in range(12)]
    out.append('## NZ bank')
    out += [gen_nzbank() for _ in range(14)]
    out.append('## Cards (Visa / MC)')
    out += [gen_card('4') for _ in range(4)] + [gen_card(R.choice(['51', '53', '55'])) for _ in range(4)]
    out.append('## Aadhaar')
    out += [gen_aadhaar() for _ in range(8)]
    out.append('## China resident ID')
    out += [gen_cn_id() for _ in range(8)]
    out.append('## PAN')
    out += [gen_pan() for _ in range(5)]
    out.append('## IBAN')
    out += [gen_iban('DE', 18), gen_iban('GB', 18), gen_iban('FR', 23)]
    out.append('## NZ mobiles')
    out += [R.choice(['021', '022', '027', '020', '029']) + ' ' + dig(3) + ' ' + dig(R.choice([3, 4])) for _ in range(40)]
    out.append('## NZ landlines')
    out += [f"({R.choice(['03', '04', '06', '07', '09'])}) {R.randint(2,9)}{dig(2)} {dig(4)}" for _ in range(12)]
    out.append('## PH mobiles')
    out += ['+63 9' + dig(2) + ' ' + dig(3) + ' ' + dig(4) for _ in range(10)]
    out.append('## IN mobiles')
    out += ['+91 ' + R.choice('6789') + dig(4) + ' ' + dig(5) for _ in range(10)]
    out.append('## CN mobiles')
    out += ['+86 1' + R.choice('3589') + dig(1) + ' ' + dig(4) + ' ' + dig(4) for _ in range(6)]
    out.append('## VN mobiles')
    out += ['+84 9' + dig(1) + ' ' + dig(3) + ' ' + dig(4) for _ in range(5)]
    out.append('## other')
    out += ['+685 7' + dig(6) for _ in range(4)]
    out += ['+676 ' + R.choice('78') + dig(6) for _ in range(4)]
    out += ['+679 ' + R.choice('79') + dig(6) for _ in range(4)]
    out += ['+977 98' + dig(8) for _ in range(4)]
    out += ['+62 8' + dig(2) + '-' + dig(4) + '-' + dig(4) for _ in range(4)]
    out += ['+66 8' + dig(1) + ' ' + dig(3) + ' ' + dig(4) for _ in range(3)]
    out += ['+855 1' + dig(1) + ' ' + dig(3) + ' ' + dig(3) for _ in range(3)]
    out += ['+880 1' + R.choice('3579') + dig(2) + ' ' + dig(6) for _ in range(3)]
    out += ['+94 7' + dig(1) + ' ' + dig(3) + ' ' + dig(4) for _ in range(3)]
    out += ['+82 10-' + dig(4) + '-' + dig(4) for _ in range(3)]
    out += ['+52 1 ' + dig(2) + ' ' + dig(4) + ' ' + dig(4) for _ in range(3)]
    out += ['+55 11 9' + dig(4) + '-' + dig(4) for _ in range(2)]
    out.append('## NZ plates')
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    out += [''.join(R.choice(L) for _ in range(3)) + dig(3) for _ in range(10)]
    out.append('## NZ passport / licence')
    out += [R.choice(['LA', 'LH', 'LK', 'RA']) + dig(6) for _ in range(4)]
    out += [''.join(R.choice(L) for _ in range(2)) + dig(6) for _ in range(4)]
    out.append('## house numbers / boxes')
    out += [str(R.randint(1, 400)) for _ in range(20)]
    print('\n'.join(out))

if __name__ == '__main__':
    main()
