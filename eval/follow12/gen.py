"""Seeded generator for invented identifiers with valid check digits.
Run: python3 gen.py > generated.txt ; hand-copy values from generated.txt into source.txt."""
import random
from checks import *

R = random.Random(20241212)

def nz_bank():
    banks = {'01': [(1, 999), (1800, 1899)], '02': [(1, 999), (1200, 1299)], '03': [(1, 999), (1500, 1599), (1700, 1799)],
             '06': [(1, 999), (1400, 1499)], '12': [(3000, 3299), (3400, 3499)], '38': [(9000, 9499)]}
    while True:
        b = R.choice(list(banks))
        lo, hi = R.choice(banks[b])
        br = f'{R.randint(lo, hi):04d}'
        acc = f'{R.randint(10000, 989999):07d}'
        suf = R.choice(['00', '00', '01', '02', '000', '001', '50'])
        s = f'{b}-{br}-{acc}-{suf}'
        if nz_bank_ok(s):
            return s

def ird():
    while True:
        b = R.randint(1_100_000, 14_999_999)
        s = ird_make(b)
        if s and ird_ok(s):
            s = s.lstrip('0') if R.random() < .3 and s[0] == '0' else s
            return f'{s[:-6]}-{s[-6:-3]}-{s[-3:]}'

def card(prefix):
    p = prefix + ''.join(str(R.randint(0, 9)) for _ in range(15 - len(prefix)))
    c = luhn_complete(p)
    return ' '.join(c[i:i + 4] for i in range(0, 16, 4))

def aadhaar():
    b = str(R.randint(2, 9)) + ''.join(str(R.randint(0, 9)) for _ in range(10))
    s = verhoeff_make(b)
    assert aadhaar_ok(s)
    return f'{s[:4]} {s[4:8]} {s[8:]}'

def cn_id():
    area = R.choice(['350102', '440106', '320583', '510107', '130102', '350581'])
    y = R.randint(1975, 2001); m = R.randint(1, 12); d = R.randint(1, 28)
    seq = f'{R.randint(1, 999):03d}'
    return cn_id_make(f'{area}{y}{m:02d}{d:02d}{seq}')

def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + f'{R.randint(1000, 9999)}' + R.choice(L)

def thai():
    b = str(R.randint(1, 3)) + ''.join(str(R.randint(0, 9)) for _ in range(11))
    s = thai_make(b)
    return f'{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}'

def iban(cc):
    if cc == 'AE':
        bban = '0' + f'{R.randint(10, 99)}' + ''.join(str(R.randint(0, 9)) for _ in range(16))
    elif cc == 'PT':
        bban = ''.join(str(R.randint(0, 9)) for _ in range(21))
    elif cc == 'BR':
        bban = ''.join(str(R.randint(0, 9)) for _ in range(23)) + 'C1'
    elif cc == 'GB':
        bban = R.choice(['NWBK', 'BARC', 'LOYD']) + ''.join(str(R.randint(0, 9)) for _ in range(14))
    s = iban_make(cc, bban)
    assert iban_ok(s)
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))

def ph_mobile():
    p = R.choice(sorted(PH_PREFIX))
    return f'09{p[1:]}' if False else f'0{p} {R.randint(100,999)} {R.randint(1000,9999)}'

def nz_mobile():
    pre = R.choice(['021', '022', '027', '020', '029'])
    n = R.randint(1000000, 9999999) if pre != '020' else R.randint(10000000, 49999999)
    return f'{pre} {str(n)[:3]} {str(n)[3:]}'

def nz_land():
    a = R.choice(['09', '07', '06', '04', '03'])
    return f'{a} {R.randint(200,999)} {R.randint(1000,9999)}'

def plate():
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + f'{R.randint(100, 999)}'

sections = [('NZ bank', nz_bank, 30), ('IRD', ird, 14), ('Visa card', lambda: card('4'), 6),
            ('MC card', lambda: card(R.choice(['51', '53', '55'])), 5), ('Aadhaar', aadhaar, 6),
            ('China ID', cn_id, 5), ('PAN', pan, 4), ('Thai ID', thai, 3), ('IBAN AE', lambda: iban('AE'), 2),
            ('IBAN PT', lambda: iban('PT'), 2), ('IBAN BR', lambda: iban('BR'), 2), ('IBAN GB', lambda: iban('GB'), 1),
            ('PH mobile', ph_mobile, 10), ('NZ mobile', nz_mobile, 60), ('NZ landline', nz_land, 15), ('Plate', plate, 20)]
for name, fn, n in sections:
    print(f'## {name}')
    for _ in range(n):
        print(fn())

# second draw, added while writing batch 6 (BNZ accounts, seed 7)
R2 = random.Random(7)
print('## NZ bank extra (BNZ, seed 7)')
_out = []
while len(_out) < 4:
    s = f'02-{R2.randint(1, 999):04d}-0{R2.randint(100000, 989999)}-000'
    if nz_bank_ok(s):
        _out.append(s)
print('\n'.join(_out))
