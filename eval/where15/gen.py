"""Seeded generator of invented check-digit numbers; draw from gen_out.txt."""
import random
from checks import *
R = random.Random(15015)
out = []
for _ in range(8):
    while True:
        v = ird_make(str(R.randint(10_000_000, 14_999_999))[:8])
        if v and ird_ok(v): out.append('IRD ' + f'{v[:3]}-{v[3:6]}-{v[6:]}'); break
for bank in ['01','02','03','06','12','38','12','02']:
    while True:
        br = f'{R.randint(100, 1999):04d}'; acc = f'{R.randint(10000, 989999):07d}'
        s = f'{bank}-{br}-{acc}-00'
        if nzbank_ok(s): out.append('NZBANK ' + s); break
for pre in ['4', '4', '5', '5']:
    p = pre + ''.join(str(R.randint(0, 9)) for _ in range(14))
    out.append('CARD ' + luhn_make(p, 16))
for _ in range(5):
    out.append('AADHAAR ' + verhoeff_make(str(R.randint(2, 9)) + ''.join(str(R.randint(0, 9)) for _ in range(10))))
for area in ['350182', '510107', '440981', '350128']:
    b = area + f'{R.randint(1975, 2002)}{R.randint(1,12):02d}{R.randint(1,28):02d}{R.randint(100,999)}'
    out.append('CNID ' + b + cnid_check(b))
L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
for _ in range(3):
    out.append('PAN ' + ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + f'{R.randint(1000, 9999)}' + R.choice(L))
open('gen_out.txt', 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
