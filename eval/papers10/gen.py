"""Seeded generator of invented identifiers with valid check digits. Output: gen_output.txt"""
import random, string
from checks import *

R = random.Random(20241010)
out = []
def emit(kind, *vals):
    out.append(kind + '\t' + '\t'.join(vals))

def digits(n):
    return ''.join(R.choice('0123456789') for _ in range(n))

# NZ IRD
n = 0
while n < 30:
    base = R.randint(1_000_000, 14_999_999)
    d = str(base).zfill(8)
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            break
    if c == 10:
        continue
    full = str(base) + str(c)
    if ird_ok(full):
        f = full.zfill(9)
        f = f"{f[:3]}-{f[3:6]}-{f[6:]}" if len(full) == 9 else f"{full[:2]}-{full[2:5]}-{full[5:]}"
        emit('IRD', f); n += 1

# NZ bank
banks = [('01', (100, 999)), ('02', (100, 999)), ('03', (100, 999)), ('06', (100, 999)), ('12', (3000, 3299)), ('38', (9000, 9499))]
n = 0
while n < 40:
    b, (lo, hi) = R.choice(banks)
    br = str(R.randint(lo, hi)).zfill(4)
    ac = '0' + str(R.randint(100000, 989999))
    sf = R.choice(['00', '000', '01', '50', '02', '001', '25'])
    s = f'{b}-{br}-{ac}-{sf}'
    if nzbank_ok(s):
        emit('NZBANK', s); n += 1

# IBAN
def mk_iban(cc, bban):
    r = bban + cc + '00'
    n = int(''.join(str(int(ch, 36)) for ch in r))
    return cc + str(98 - n % 97).zfill(2) + bban
for cc, f in [('AE', lambda: '0' + digits(2) + digits(16)), ('AE', lambda: '0' + digits(2) + digits(16)),
              ('PK', lambda: R.choice(['HABB', 'MEZN', 'UNIL']) + digits(16)), ('PK', lambda: R.choice(['HABB', 'MEZN', 'UNIL']) + digits(16)),
              ('GB', lambda: R.choice(['BARC', 'LOYD', 'HBUK']) + digits(14)), ('QA', lambda: 'QNBA' + digits(21)),
              ('SA', lambda: digits(2) + digits(18)), ('DE', lambda: digits(18)), ('BR', lambda: digits(8) + digits(5) + digits(10) + 'C1')]:
    ib = mk_iban(cc, f())
    assert iban_ok(ib)
    emit('IBAN', ' '.join(ib[i:i + 4] for i in range(0, len(ib), 4)))

# cards
n = 0
while n < 12:
    pre = R.choice(['4', '4', '51', '53', '55'])
    body = pre + digits(15 - len(pre))
    for c in '0123456789':
        if luhn_ok(body + c):
            emit('CARD', ' '.join((body + c)[i:i + 4] for i in range(0, 16, 4))); n += 1
            break

# Aadhaar
for _ in range(12):
    d = str(R.randint(2, 9)) + digits(10)
    d += verhoeff_digit(d)
    assert aadhaar_ok(d)
    emit('AADHAAR', f'{d[:4]} {d[4:8]} {d[8:]}')

# PAN
for _ in range(6):
    p = ''.join(R.choice(string.ascii_uppercase) for _ in range(3)) + 'P' + R.choice('KSMRPDGV') + digits(4) + R.choice(string.ascii_uppercase)
    emit('PAN', p)

# Chinese resident ID
regions = ['350181', '350102', '440106', '330302', '230103', '510104', '350583', '120104']
for _ in range(10):
    y, m, dd = R.randint(1972, 2001), R.randint(1, 12), R.randint(1, 28)
    d17 = R.choice(regions) + f'{y}{m:02d}{dd:02d}' + digits(3)
    emit('CNID', d17 + cnid_check(d17), f'dob {y}-{m:02d}-{dd:02d}', 'male' if int(d17[-1]) % 2 else 'female')

# NHI
n = 0
while n < 10:
    l = ''.join(R.choice(NHI_L) for _ in range(3)); d = digits(3)
    for c in '0123456789':
        if nhi_ok(l + d + c):
            emit('NHI', l + d + c); n += 1; break

# TFN
n = 0
while n < 6:
    d = digits(8)
    for c in '0123456789':
        if tfn_ok(d + c):
            emit('TFN', f'{d[:3]} {d[3:6]} {d[6:]}{c}'); n += 1; break

# RUT, CPF
for _ in range(5):
    b = str(R.randint(10_000_000, 26_999_999))
    emit('RUT', f'{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{rut_dv(b)}')
for _ in range(5):
    d = cpf_digits(digits(9))
    emit('CPF', f'{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}')

# passports (shape only) + MRZ line 2
for cc, f in [('PHL', lambda: 'P' + digits(7) + R.choice('ABC')), ('IND', lambda: R.choice('KLMNRTUVZ') + digits(7)),
              ('CHN', lambda: 'E' + digits(8)), ('VNM', lambda: 'C' + digits(7)), ('IDN', lambda: 'X' + digits(7)),
              ('LKA', lambda: 'N' + digits(7)), ('NPL', lambda: 'PA' + digits(7)), ('BGD', lambda: 'A' + digits(8)),
              ('FJI', lambda: 'FA' + digits(6)), ('WSM', lambda: 'SA' + digits(6)), ('TON', lambda: 'T' + digits(6)),
              ('NZL', lambda: 'L' + R.choice('ABCDEFGH') + digits(6)), ('PHL', lambda: 'P' + digits(7) + R.choice('ABC'))]:
    emit('PASSPORT', cc, f())
def mrz2(pno, nat, dob, sex, exp):
    p = pno.ljust(9, '<')
    l = p + mrz_cd(p) + nat + dob + mrz_cd(dob) + sex + exp + mrz_cd(exp) + '<' * 14 + '<'
    l = l + mrz_cd(l[0:10] + l[13:20] + l[21:43])
    assert mrz2_ok(l), l
    return l
emit('MRZ2', mrz2('P' + digits(7) + 'B', 'PHL', '910314', 'F', '310802'))
emit('MRZ2', mrz2('C' + digits(7), 'VNM', '950722', 'M', '330115'))

# phones
def grp(s, *g):
    o, i = [], 0
    for k in g:
        o.append(s[i:i + k]); i += k
    return ' '.join(o)
for _ in range(25):
    emit('NZMOB', '0' + R.choice(['21', '22', '27', '29', '20']) + ' ' + digits(3) + ' ' + digits(R.choice([3, 4])))
for _ in range(6):
    emit('NZLAND', '(0' + R.choice(['9', '7', '6', '3', '4']) + ') ' + str(R.randint(2, 9)) + digits(2) + ' ' + digits(4))
for _ in range(8):
    emit('AUMOB', '04' + digits(2) + ' ' + digits(3) + ' ' + digits(3))
pp = sorted(PH_PREFIX)
for _ in range(12):
    emit('PHMOB', '0' + R.choice([p for p in pp if p[0] == '9']) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(6):
    emit('INMOB', '+91 ' + str(R.randint(6, 9)) + digits(4) + ' ' + digits(5))
for _ in range(6):
    emit('CNMOB', '1' + R.choice('3456789') + digits(1) + ' ' + digits(4) + ' ' + digits(4))
for _ in range(6):
    emit('VNMOB', '0' + R.choice(['9', '3', '8', '7']) + digits(1) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(5):
    emit('IDMOB', '08' + R.choice('1235789') + digits(1) + '-' + digits(4) + '-' + digits(4))
for cc, pre, l in [('FJ', '+679 ', ['7', '8', '9']), ('WS', '+685 ', ['72', '75', '77']), ('TO', '+676 ', ['77', '84', '87']),
                   ('LK', '+94 ', ['77', '71', '76']), ('NP', '+977 ', ['984', '985', '980']), ('BD', '+880 ', ['171', '181', '191'])]:
    for _ in range(4):
        p = R.choice(l)
        need = {'FJ': 7, 'WS': 7, 'TO': 7, 'LK': 9, 'NP': 10, 'BD': 10}[cc]
        emit('MOB_' + cc, pre + p + digits(need - len(p)))
for cc, f in [('CL', lambda: '+56 9 ' + digits(4) + ' ' + digits(4)), ('PE', lambda: '+51 9' + digits(2) + ' ' + digits(3) + ' ' + digits(3)),
              ('CO', lambda: '+57 3' + digits(2) + ' ' + digits(3) + ' ' + digits(4)), ('AR', lambda: '+54 9 11 ' + digits(4) + '-' + digits(4)),
              ('BR', lambda: '+55 11 9' + digits(4) + '-' + digits(4)), ('MX', lambda: '+52 1 55 ' + digits(4) + ' ' + digits(4))]:
    for _ in range(2):
        emit('MOB_' + cc, f())
for _ in range(8):
    emit('NZPLATE', ''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(3)) + digits(3))
for _ in range(6):
    emit('IP', f'{R.choice([122, 125, 203, 210, 49, 111, 114])}.{R.randint(1, 254)}.{R.randint(0, 254)}.{R.randint(1, 254)}')
for _ in range(8):
    emit('NZDL', R.choice(string.ascii_uppercase) + R.choice(string.ascii_uppercase) + digits(6), 'v' + digits(3))
for _ in range(6):
    emit('NIK', R.choice(['3201', '3578', '5171', '3374', '7371']) + digits(2) + f'{R.randint(1, 28) + R.choice([0, 40]):02d}{R.randint(1, 12):02d}{R.randint(80, 99)}' + digits(4))
for _ in range(6):
    emit('VNCCCD', '0' + R.choice(['01', '79', '38', '40', '34']) + R.choice(['0', '1']) + str(R.randint(85, 99)) + digits(6))
for _ in range(6):
    emit('ACCT', digits(R.choice([10, 11, 12, 14])))

open('gen_output.txt', 'w').write('\n'.join(out) + '\n')
print(len(out), 'values')

# --- extras appended for later batches (appended so earlier values are unchanged) ---
R2 = random.Random(777)
extra = []
for region, dob in [('120104', '19910821'), ('350181', '19860305'), ('330302', '19950618')]:
    seq = str(R2.randint(10, 99)) + R2.choice('13579')
    d17 = region + dob + seq
    extra.append('CNID_MALE\t' + d17 + cnid_check(d17) + '\tdob ' + dob)
open('gen_output.txt', 'a').write('\n'.join(extra) + '\n')
print('\n'.join(extra))
