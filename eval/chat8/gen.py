#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits (chat8).
Writes generated.txt; values are drawn from it by hand when writing source.txt."""
import random
R = random.Random(80808)

# ---------- checks (also imported by build.py) ----------
def ird_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) not in (8, 9): return False
    if len(d) == 8: d = [0] + d
    n = int(''.join(map(str, d)))
    if not (10_000_000 < n < 150_000_000): return False
    base, chk = d[:8], d[8]
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(a*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def ird_make():
    while True:
        n = R.randint(10_000_000, 149_999_999) // 10
        base = [int(c) for c in f"{n:08d}"]
        for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
            r = sum(a*b for a, b in zip(base, w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10: break
        if c == 10: continue
        s = ''.join(map(str, base)) + str(c)
        if ird_ok(s):
            s = s.lstrip('0') if len(s.lstrip('0')) == 8 else s
            return s[:-6] + '-' + s[-6:-3] + '-' + s[-3:] if len(s) == 9 else s[:2]+'-'+s[2:5]+'-'+s[5:]

NZB_BRANCH = {1: [(1, 999), (1100, 1199), (1800, 1899)], 2: [(1, 999), (1200, 1299)],
              3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
              6: [(1, 999), (1400, 1499)], 12: [(3000, 3299), (3400, 3499), (3600, 3699)],
              38: [(9000, 9499)]}
WA = [6,3,7,9,0,0,10,5,8,4,2,1]   # branch(4) + account(8)
WB = [0,0,0,0,0,0,10,5,8,4,2,1]
def nzbank_ok(s):
    import re
    m = re.fullmatch(r'(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})', s.strip())
    if not m: return False
    bank, br, acc = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if bank not in NZB_BRANCH: return False
    if not any(a <= br <= b for a, b in NZB_BRANCH[bank]): return False
    digits = [int(c) for c in f"{br:04d}{acc:08d}"]
    w = WA if acc < 990000 else WB
    return sum(a*b for a, b in zip(digits, w)) % 11 == 0
def nzbank_make():
    while True:
        bank = R.choice(list(NZB_BRANCH))
        lo, hi = R.choice(NZB_BRANCH[bank]); br = R.randint(lo, hi)
        acc = R.randint(1000000, 9899999) if R.random() < .3 else R.randint(1000, 989999)
        suf = R.choice(['00', '00', '01', '02', '000', '025', '50'])
        s = f"{bank:02d}-{br:04d}-{acc:07d}-{suf}"
        if nzbank_ok(s): return s

def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) < 13: return False
    t = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x = x*2 - 9 if x*2 > 9 else x*2
        t += x
    return t % 10 == 0
def luhn_make(prefix, n=16):
    while True:
        body = prefix + ''.join(str(R.randint(0, 9)) for _ in range(n - len(prefix) - 1))
        for c in range(10):
            if luhn_ok(body + str(c)):
                s = body + str(c); return ' '.join(s[i:i+4] for i in range(0, n, 4))

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 12 or d[0] < 2: return False
    c = 0
    for i, x in enumerate(reversed(d)): c = VD[c][VP[i % 8][x]]
    return c == 0
def aadhaar_make():
    body = [R.randint(2, 9)] + [R.randint(0, 9) for _ in range(10)]
    c = 0
    for i, x in enumerate(reversed(body)): c = VD[c][VP[(i+1) % 8][x]]
    s = ''.join(map(str, body)) + str(VINV[c])
    assert verhoeff_ok(s)
    return f"{s[:4]} {s[4:8]} {s[8:]}"

CNW = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def cnid_ok(s):
    s = s.strip().upper()
    if len(s) != 18 or not s[:17].isdigit(): return False
    return "10X98765432"[sum(int(a)*b for a, b in zip(s[:17], CNW)) % 11] == s[17]
def cnid_make(region, dob):
    body = region + dob + f"{R.randint(0, 999):03d}"
    return body + "10X98765432"[sum(int(a)*b for a, b in zip(body, CNW)) % 11]

def pan_ok(s):
    import re
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s))
def pan_make(surname_initial):
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + surname_initial + f"{R.randint(1, 9999):04d}" + R.choice(L)

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if len(s) < 15: return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1
def iban_make(cc, bban):
    r = bban + cc + '00'
    chk = 98 - int(''.join(str(int(c, 36)) for c in r)) % 97
    s = f"{cc}{chk:02d}{bban}"
    assert iban_ok(s)
    return ' '.join(s[i:i+4] for i in range(0, len(s), 4))

def d(n): return ''.join(str(R.randint(0, 9)) for _ in range(n))

if __name__ == '__main__':
    out = []
    out += ['IRD ' + ird_make() for _ in range(12)]
    out += ['NZBANK ' + nzbank_make() for _ in range(16)]
    out += ['VISA ' + luhn_make('4' + d(5)) for _ in range(5)]
    out += ['MC ' + luhn_make('5' + str(R.randint(1, 5)) + d(4)) for _ in range(4)]
    out += ['AADHAAR ' + aadhaar_make() for _ in range(5)]
    for reg, dob in [('350322', '19890412'), ('440106', '19920307'), ('130682', '19851129'),
                     ('510723', '19950618'), ('210203', '19790830')]:
        out.append('CNID ' + cnid_make(reg, dob) + f'  (dob {dob})')
    for ini in 'SKGPM': out.append('PAN ' + pan_make(ini))
    out.append('IBAN ' + iban_make('GB', 'NWBK' + '601613' + d(8)))
    out.append('IBAN ' + iban_make('DE', d(18)))
    out.append('IBAN ' + iban_make('FR', d(10) + 'A' + d(10) + '15'.replace('15', d(2))) if False else 'IBAN ' + iban_make('FR', d(23)))
    out.append('IBAN ' + iban_make('AE', '033' + d(16)))
    for _ in range(14):
        out.append('PH +63 9' + str(R.choice([17, 18, 27, 95, 56, 98, 66, 39, 20]))[:2] + ' ' + d(3) + ' ' + d(4))
    for _ in range(16):
        p = R.choice(['021', '022', '027', '029', '020'])
        out.append(f'NZMOB {p} {d(3)} {d(4) if p != "029" else d(3)}')
    for _ in range(6): out.append(f'NZLAND 0{R.choice([3,4,6,7,9])} {R.randint(2,9)}{d(2)} {d(4)}')
    for cc, fmt in [('IN', '+91 9{} {}'), ('VN', '+84 9{} {} {}'), ('CN', '+86 13{} {} {}'), ('WS', '+685 7{} {}'),
                    ('TO', '+676 8{} {}'), ('FJ', '+679 9{} {}'), ('NP', '+977 98{} {}'), ('ID', '+62 812-{}-{}'),
                    ('TH', '+66 8{} {} {}'), ('KR', '+82 10-{}-{}'), ('BD', '+880 17{}-{}'), ('LK', '+94 77 {} {}'),
                    ('PE', '+51 9{} {} {}'), ('CL', '+56 9 {} {}'), ('KH', '+855 1{} {} {}'), ('MY', '+60 12-{} {}')]:
        for _ in range(3):
            n = fmt.count('{}'); parts = [d(4) for _ in range(n)]
            if cc == 'IN': parts = [d(4), d(5)]
            if cc in ('VN', 'TH'): parts = [d(1), d(3), d(4)]
            if cc in ('PE',): parts = [d(2), d(3), d(3)]
            if cc in ('KH',): parts = [d(1), d(3), d(3)]
            if cc == 'CN': parts = [d(1), d(4), d(4)]
            if cc == 'WS': parts = [d(1), d(5)]
            if cc in ('TO',): parts = [d(1), d(5)]
            if cc == 'FJ': parts = [d(2), d(4)]
            if cc == 'NP': parts = [d(4), d(4)]
            if cc == 'BD': parts = [d(2), d(6)]
            if cc == 'LK': parts = [d(3), d(4)]
            if cc == 'CL': parts = [d(4), d(4)]
            if cc == 'MY': parts = [d(3), d(4)]
            out.append(f'{cc} ' + fmt.format(*parts))
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    for _ in range(10): out.append('NZPLATE ' + ''.join(R.choice(L) for _ in range(3)) + d(3))
    for _ in range(4): out.append('NZPASS ' + R.choice(['LA', 'LF', 'LH', 'RA']) + d(6))
    for _ in range(4): out.append('NZDL ' + R.choice(L) + R.choice(L) + d(6) + ' v' + d(3))
    for _ in range(4): out.append('PHPASS P' + d(7) + R.choice(L))
    for _ in range(4): out.append('INPASS ' + R.choice('JKLMNPRSTUVWZ') + d(7))
    for _ in range(4): out.append('VNCCCD 0' + R.choice(['01', '79', '40', '38', '36', '31']) + R.choice('01') + d(2) + d(6))
    for _ in range(4): out.append('INZCLIENT ' + d(8))
    for _ in range(4): out.append('IPV4 ' + '.'.join(str(R.randint(1, 254)) for _ in range(4)))
    out.append('IPV6 2407:7000:' + ':'.join(f"{R.randint(0, 65535):x}" for _ in range(6)))
    for _ in range(6): out.append('VNACC ' + d(13))
    for _ in range(4): out.append('UMID ' + f"{d(4)}-{d(7)}-{d(1)}")
    with open('generated.txt', 'w') as f: f.write('\n'.join(out) + '\n')
