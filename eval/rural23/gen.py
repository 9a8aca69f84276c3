"""Seeded generator for invented numbers with valid check digits. Output: pool.txt"""
import random, string
from checks import *
R = random.Random(2323)
out = []
def add(k, v): out.append(f"{k}\t{v}")

n = 0
while n < 14:
    base = R.randint(10_000_00, 149_999_99)
    b8 = str(base).zfill(8)
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*c for a, c in zip(b8, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: break
    if c == 10: continue
    v = str(base) + str(c)
    if ird_ok(v):
        v = v.zfill(9); add('IRD', f"{v[:3]}-{v[3:6]}-{v[6:]}"); n += 1

n = 0
while n < 14:
    bank = R.choice(list(NZ_BRANCHES))
    lo, hi = R.choice(NZ_BRANCHES[bank])
    br = str(R.randint(lo, hi)).zfill(4)
    acct = str(R.randint(100000, 989999)).zfill(7)
    suf = R.choice(['000','001','002','00','050','025'])
    v = f"{bank}-{br}-{acct}-{suf}"
    if nzbank_ok(v): add('NZBANK', v); n += 1

for pre in ['4','4','4','5','5','5','4','5']:
    while True:
        d = pre + ''.join(R.choice(string.digits) for _ in range(15))
        if luhn_ok(d):
            add('CARD', ' '.join(d[i:i+4] for i in range(0,16,4))); break

n = 0
while n < 8:
    base = str(R.randint(2,9)) + ''.join(R.choice(string.digits) for _ in range(10))
    v = base + verhoeff_digit(base)
    if verhoeff_ok(v): add('AADHAAR', f"{v[:4]} {v[4:8]} {v[8:]}"); n += 1

for area in ['350181','350128','450821','510722','411526','130682','352203','440982']:
    y = R.randint(1978, 2002); m = R.randint(1,12); dd = R.randint(1,28)
    b = f"{area}{y}{m:02d}{dd:02d}{R.randint(100,999)}"
    r = sum(int(a)*c for a, c in zip(b, CN_W)) % 11
    add('CNID', b + '10X98765432'[r])

for _ in range(6):
    L = string.ascii_uppercase
    v = ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + ''.join(R.choice(string.digits) for _ in range(4)) + R.choice(L)
    add('PAN', v)

for cc, bb in [('GB','NWBK'),('DE',''),('GB','BARC')]:
    if cc == 'GB':
        bban = bb + ''.join(R.choice(string.digits) for _ in range(14))
    else:
        bban = ''.join(R.choice(string.digits) for _ in range(18))
    num = ''.join(str(int(c,36)) for c in bban + cc + '00')
    chk = 98 - int(num) % 97
    v = f"{cc}{chk:02d}{bban}"
    assert iban_ok(v)
    add('IBAN', ' '.join(v[i:i+4] for i in range(0, len(v), 4)))

for _ in range(14):
    p = R.choice(PH_MOBILE_PREFIX)
    add('PHMOB', f"0{p} {R.randint(100,999)} {R.randint(1000,9999)}")

for _ in range(30):
    p = R.choice(['21','22','27','29','20','21','27'])
    n = ''.join(R.choice(string.digits) for _ in range(R.choice([7,7,7,8,6])))
    add('NZMOB', f"0{p} {n[:3]} {n[3:]}")
for area, pre in [('06','87'),('06','84'),('07','57'),('07','54'),('03','57'),('03','44'),('09','23'),('06','83')]:
    add('NZLAND', f"({area}) {pre}{R.randint(0,9)} {R.randint(1000,9999)}")
for _ in range(10):
    add('NZPASS', R.choice(['LA','LB','LC','LD','LF']) + str(R.randint(100000,999999)))
    add('NZDL', R.choice(string.ascii_uppercase)+R.choice(string.ascii_uppercase) + str(R.randint(100000,999999)))
    add('PLATE', ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3)) + str(R.randint(100,999)))
open('pool.txt','w').write('\n'.join(out) + '\n')
print(len(out))
