"""Seeded generator of invented identifiers for set mix17.

python3 gen.py  -> writes numbers.tsv (type<TAB>value) and prints it.
Values are drawn from this output when writing source.txt; build.py looks every
ID/BANK/CARD span up in numbers.tsv (by its letters and digits) and re-runs the
validator for its type.
"""
import random
import datetime
import checks as C

R = random.Random(1717)
OUT = []


def add(t, v):
    assert C.validate(t, v), (t, v)
    OUT.append((t, v))


def rd(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def rdate(y0, y1):
    d = datetime.date(y0, 1, 1) + datetime.timedelta(days=R.randrange((y1 - y0) * 365))
    return d


# NZ IRD
while sum(1 for t, _ in OUT if t == 'nz_ird') < 14:
    n = R.randrange(10_000_001, 149_999_999) // 10
    base = str(n).zfill(8)
    for c in '0123456789':
        if C.ird_ok(base + c):
            add('nz_ird', base + c)
            break

# NZ bank accounts
banks = list(C.NZ_BRANCHES)
while sum(1 for t, _ in OUT if t == 'nz_bank') < 22:
    b = R.choice(banks)
    lo, hi = R.choice(C.NZ_BRANCHES[b])
    br = str(R.randint(lo, hi)).zfill(4)
    ac = '0' + rd(6) if R.random() < .8 else rd(7)
    sf = R.choice(['00', '00', '000', '01', '02', '50', '025'])
    v = f'{b}-{br}-{ac}-{sf}'
    if C.nzbank_ok(v):
        add('nz_bank', v)

# cards
for pre, ln, k in [('4', 16, 6), ('5', 16, 4), ('37', 15, 2), ('4', 16, 0)]:
    for _ in range(k):
        p = pre + (R.choice('12345') if pre == '5' else '') 
        body = p + rd(ln - 1 - len(p))
        add('card', body + C.luhn_digit(body))

# IBAN
for cc, mk, k in [('PK', lambda: R.choice(['HABB', 'MUCB', 'UNIL', 'ALFH']) + rd(16), 3),
                  ('BR', lambda: rd(8) + rd(5) + rd(10) + 'C1', 2),
                  ('GB', lambda: R.choice(['NWBK', 'BARC', 'MIDL', 'LOYD']) + rd(6) + rd(8), 3),
                  ('DE', lambda: rd(8) + rd(10), 2),
                  ('AE', lambda: rd(3) + rd(16), 2),
                  ('UA', lambda: rd(6) + rd(19), 1),
                  ('FR', lambda: (lambda b, g, a, _: b + g + a + C.fr_rib_key(b, g, a))(rd(5), rd(5), rd(11), rd(2)), 1),
                  ('ES', lambda: rd(20), 1),
                  ('JO', lambda: 'ARAB' + rd(4) + rd(18), 1)]:
    for _ in range(k):
        add('iban', C.iban_make(cc, mk()))

# Aadhaar
while sum(1 for t, _ in OUT if t == 'aadhaar') < 7:
    b = R.choice('23456789') + rd(10)
    for c in '0123456789':
        if C.aadhaar_ok(b + c):
            add('aadhaar', b + c)
            break

# Chinese resident ID
regions = ['350182', '350122', '440106', '320102', '330382', '450103', '210102', '510107', '130104']
for _ in range(6):
    d = rdate(1968, 2002)
    seq = rd(3)
    b = R.choice(regions) + d.strftime('%Y%m%d') + seq
    for c in '0123456789X':
        if C.cnid_ok(b + c):
            add('cn_id', b + c)
            break

# Thai ID
while sum(1 for t, _ in OUT if t == 'th_id') < 4:
    b = R.choice('13') + rd(11)
    for c in '0123456789':
        if C.thid_ok(b + c):
            add('th_id', b + c)
            break

# Korean RRN
while sum(1 for t, _ in OUT if t == 'kr_rrn') < 3:
    d = rdate(1988, 2003)
    g = R.choice('12') if d.year < 2000 else R.choice('34')
    b = d.strftime('%y%m%d') + g + rd(5)
    for c in '0123456789':
        if C.krrn_ok(b + c):
            add('kr_rrn', b[:6] + '-' + b[6:] + c)
            break

# CPF
while sum(1 for t, _ in OUT if t == 'br_cpf') < 3:
    b = rd(9)
    for c1 in '0123456789':
        for c2 in '0123456789':
            if C.cpf_ok(b + c1 + c2):
                v = b + c1 + c2
                add('br_cpf', f'{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}')
                break
        else:
            continue
        break

# Chile RUT
for _ in range(2):
    b = str(R.randint(12_000_000, 21_999_999))
    for c in '0123456789K':
        if C.rut_ok(b + c):
            add('cl_rut', f'{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{c}')
            break

# Spain DNI / NIE
for _ in range(2):
    n = R.randint(10_000_000, 79_999_999)
    add('es_dni', f'{n}{"TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]}')
n = R.randint(1_000_000, 9_999_999)
add('es_dni', f'Y{n}{"TRWAGMYFPDXBNJZSQVHLCKE"[int("1" + str(n)) % 23]}')

# NHI
while sum(1 for t, _ in OUT if t == 'nz_nhi') < 5:
    b = ''.join(R.choice(C._NHI_L) for _ in range(3)) + rd(3)
    for c in '0123456789':
        if C.nhi_ok(b + c):
            add('nz_nhi', b + c)
            break

# PAN
for sur in 'SKGPR':
    add('in_pan', ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3)) + 'P' + sur + rd(4)
        + R.choice('ABCDEFGHJKLMNPRSTUVWXYZ'))

# MRZ line 2 (Philippine passport and Indian passport)
for doc, nat, sex in [('P' + rd(7) + 'B', 'PHL', 'F'), ('W' + rd(7) + '<', 'IND', 'M')]:
    dob = rdate(1985, 2001).strftime('%y%m%d')
    exp = rdate(2027, 2034).strftime('%y%m%d')
    opt = '<' * 14
    l = doc + C.mrz_digit(doc) + nat + dob + C.mrz_digit(dob) + sex + exp + C.mrz_digit(exp) + opt + C.mrz_digit(opt)
    l = l + C.mrz_digit(l[0:10] + l[13:20] + l[21:43])
    add('mrz2', l)
    add('ph_passport' if nat == 'PHL' else 'in_passport', doc.rstrip('<'))

# shape-only IDs
for _ in range(4):
    add('nz_passport', R.choice(['LA', 'LH', 'LM', 'RA']) + rd(6))
for _ in range(5):
    add('nz_dl', R.choice(['DL', 'EK', 'FB', 'HM', 'CJ', 'AB']) + rd(6))
for _ in range(5):
    add('inz_client', R.choice(['3', '4', '5']) + rd(7))
for _ in range(3):
    v = R.choice(['34', '02', '33', '04']) + rd(8)
    add('ph_sss', f'{v[:2]}-{v[2:9]}-{v[9]}')
for _ in range(3):
    v = rd(9)
    add('ph_tin', f'{v[:3]}-{v[3:6]}-{v[6:]}' + R.choice(['', '-000']))
for _ in range(3):
    add('ph_passport', 'P' + rd(7) + R.choice('ABC'))
for _ in range(2):
    v = rd(12)
    add('ph_philhealth', f'{v[:2]}-{v[2:11]}-{v[11]}')
for _ in range(3):
    add('in_passport', R.choice('JKLMNPRSTUVWZ') + rd(7))
for _ in range(2):
    add('cn_passport', 'E' + R.choice(['', 'J', 'H']) + rd(7 if True else 8) + ('' if R.random() < .5 else rd(1)))
for _ in range(3):
    y = R.randint(1986, 2003)
    g = R.choice('01') if y < 2000 else R.choice('23')
    add('vn_cccd', '0' + R.choice(['01', '40', '38', '79', '36']) + g + f'{y % 100:02d}' + rd(6))
for _ in range(3):
    d = rdate(1990, 2003)
    dd = d.day + (40 if R.random() < .5 else 0)
    add('id_nik', R.choice(['3174', '3578', '3201', '5171', '7371']) + rd(2) + f'{dd:02d}{d.month:02d}{d.year % 100:02d}' + rd(4))
for _ in range(2):
    add('np_citizenship', f'{R.randint(1,77):02d}{R.randint(1,99):02d}{R.randint(60,80):02d}' + rd(5))
for _ in range(2):
    add('ws_passport', 'PA' + rd(6))
for _ in range(2):
    add('to_passport', 'T' + rd(6))
for _ in range(4):
    add('visa_label', R.choice(['', 'A', 'B']) + rd(9))
for _ in range(2):
    add('bd_nid', R.choice(['19', '20']) + rd(8) if False else rd(10))
add('lk_passport', 'N' + rd(7))
add('kr_passport', 'M' + rd(8))
add('ru_passport', rd(10))
add('my_ic', '9' + rd(1) + f'{R.randint(1,12):02d}{R.randint(1,28):02d}' + R.choice(['14', '10', '08']) + rd(4))
add('fj_tin', rd(9))

# overseas bank accounts (no public check digit)
for t, n, k in [('ws_bank', 10, 2), ('to_bank', 9, 2), ('fj_bank', 10, 2), ('ph_bank', 12, 3),
                ('in_bank', 14, 3), ('cn_bank', 19, 2), ('vn_bank', 13, 3), ('th_bank', 10, 2),
                ('np_bank', 16, 2), ('au_bank', 15, 1)]:
    for _ in range(k):
        v = R.choice('123456789') + rd(n - 1)
        if t == 'cn_bank':
            v = '621700' + rd(12)
            v = v + C.luhn_digit(v)
        add(t, v)

# NZ phones and overseas phones (no check digit; convenience only)
PH = []
for _ in range(20):
    p = R.choice(['021', '022', '027', '029', '020'])
    PH.append('nz_mob\t' + p + ' ' + rd(3) + ' ' + rd(4 if p != '021' else R.choice([3, 4])))
for area in ['09', '07', '06', '04', '03']:
    PH.append('nz_land\t(' + area + ') ' + R.choice('2345789') + rd(2) + ' ' + rd(4))
for cc, pre, n in [('+63', '9', 9), ('+91', '9', 9), ('+86', '13', 9), ('+84', '9', 8), ('+62', '81', 9),
                   ('+66', '8', 8), ('+855', '1', 7), ('+977', '98', 8), ('+880', '17', 8),
                   ('+94', '7', 8), ('+82', '10', 8), ('+685', '7', 6), ('+676', '7', 6),
                   ('+679', '9', 6), ('+55', '119', 8), ('+7', '9', 9), ('+971', '5', 8),
                   ('+60', '1', 8), ('+95', '9', 8), ('+92', '3', 9)]:
    for _ in range(3):
        PH.append('ph_' + cc + '\t' + cc + ' ' + pre + rd(n))

with open('numbers.tsv', 'w', encoding='utf-8') as f:
    for t, v in OUT:
        f.write(f'{t}\t{v}\n')
with open('phones.tsv', 'w', encoding='utf-8') as f:
    f.write('\n'.join(PH) + '\n')
print(len(OUT), 'ids;', len(PH), 'phones')
