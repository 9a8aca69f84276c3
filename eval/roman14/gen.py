"""Seeded generator of invented identifiers for set roman14.

python3 gen.py  ->  writes gen_values.tsv (type \t value).  Values are drawn by hand
from that file while writing source.txt; build.py re-checks every span independently.
"""
import random
import string
from checks import (ird_check_digit, ird_valid, nz_bank_valid, NZ_BRANCHES, luhn_digit,
                    iban_make, iban_valid, verhoeff_digit, aadhaar_valid, cn_id_check,
                    cn_id_valid, PH_PREFIX)

R = random.Random(1414)
OUT = []


def emit(kind, value):
    OUT.append((kind, value))


def digits(n):
    return ''.join(R.choice(string.digits) for _ in range(n))


def letters(n):
    return ''.join(R.choice(string.ascii_uppercase) for _ in range(n))


# NZ IRD
n = 0
while n < 24:
    base = R.randint(10000000, 149999999) // 10
    b8 = '%08d' % base
    c = ird_check_digit(b8)
    if c is None:
        continue
    v = b8 + str(c)
    if v.startswith('0'):
        v = v[1:]
    if ird_valid(v):
        emit('ird', v[:-6] + '-' + v[-6:-3] + '-' + v[-3:] if len(v) == 9 else v)
        n += 1

# NZ bank accounts
n = 0
while n < 30:
    bank = R.choice([1, 2, 3, 6, 12, 38, 12, 1])
    lo, hi = R.choice(NZ_BRANCHES[bank])
    branch = R.randint(max(lo, 1), hi)
    acct = R.randint(100000, 989999)
    # adjust last digit until valid (algorithm A)
    for last in range(10):
        a = acct // 10 * 10 + last
        suf = R.choice([0, 0, 0, 1, 2, 25, 50])
        s = '%02d-%04d-%07d-%02d' % (bank, branch, a, suf) if suf < 100 else ''
        if nz_bank_valid(s):
            emit('nzbank', s)
            n += 1
            break

# cards (Luhn)
for pre in ['4', '4', '4', '5', '5', '4', '5', '4']:
    p = pre + digits(14)
    emit('card', p + luhn_digit(p))

# Aadhaar
n = 0
while n < 8:
    p = str(R.randint(2, 9)) + digits(10)
    v = p + verhoeff_digit(p)
    if aadhaar_valid(v):
        emit('aadhaar', v[:4] + ' ' + v[4:8] + ' ' + v[8:])
        n += 1

# China resident ID
for region in ['350181', '410522', '440883', '512501', '330326', '130623']:
    y = R.randint(1972, 2001)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    p = '%s%04d%02d%02d%03d' % (region, y, m, d, R.randint(1, 999))
    v = p + cn_id_check(p)
    assert cn_id_valid(v)
    emit('cn_id', v)

# PAN (4th char P, 5th = surname initial)
for sur in 'SKGBDMR':
    emit('pan', letters(3) + 'P' + sur + digits(4) + letters(1))

# IBAN
for cc, bban in [('PK', 'HABB' + digits(16)), ('PK', 'MEZN' + digits(16)),
                 ('AE', '033' + digits(16)), ('SA', '80' + digits(18)),
                 ('JO', 'ARAB' + digits(4) + digits(18)), ('LB', digits(4) + digits(20)),
                 ('EG', digits(25))]:
    v = iban_make(cc, bban)
    assert iban_valid(v), v
    emit('iban', v)

# NZ mobiles / landlines
for _ in range(60):
    pre = R.choice(['021', '022', '027', '020', '021', '027', '022'])
    emit('nz_mobile', pre + ' ' + digits(3) + ' ' + digits(R.choice([3, 4, 4])))
for _ in range(12):
    area = R.choice(['07', '06', '03', '09', '04'])
    emit('nz_landline', area + ' ' + str(R.randint(2, 9)) + digits(2) + ' ' + digits(4))

# overseas phones
PH = sorted(PH_PREFIX)
for _ in range(16):
    emit('ph_mobile', '0' + R.choice(PH) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(14):
    emit('in_mobile', '+91 ' + R.choice('6789') + digits(4) + ' ' + digits(5))
for _ in range(6):
    emit('pk_mobile', '+92 3' + R.choice('0123') + digits(1) + ' ' + digits(7))
for _ in range(6):
    emit('np_mobile', '+977 98' + R.choice('0124') + digits(7))
for _ in range(6):
    emit('bd_mobile', '+880 1' + R.choice('3579') + digits(2) + '-' + digits(6))
for _ in range(6):
    emit('lk_mobile', '+94 7' + R.choice('01256781') + ' ' + digits(3) + ' ' + digits(4))
for _ in range(8):
    emit('cn_mobile', '1' + R.choice('3589') + digits(1) + ' ' + digits(4) + ' ' + digits(4))
for _ in range(6):
    emit('vn_mobile', '+84 9' + digits(1) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(6):
    emit('id_mobile', '+62 8' + R.choice('1258') + digits(1) + '-' + digits(4) + '-' + digits(4))
for _ in range(5):
    emit('th_mobile', '+66 8' + digits(1) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(5):
    emit('kh_mobile', '+855 ' + R.choice(['12', '17', '92', '96', '88']) + ' ' + digits(3) + ' ' + digits(3))
for _ in range(5):
    emit('ws_mobile', '+685 7' + digits(6))
for _ in range(5):
    emit('to_mobile', '+676 ' + R.choice('78') + digits(6))
for _ in range(5):
    emit('fj_mobile', '+679 ' + R.choice('79') + digits(2) + ' ' + digits(4))
for _ in range(5):
    emit('vu_mobile', '+678 ' + R.choice('57') + digits(6))
for _ in range(3):
    emit('sb_mobile', '+677 7' + digits(6))
for _ in range(3):
    emit('pg_mobile', '+675 7' + digits(7))
for _ in range(4):
    emit('ae_mobile', '+971 5' + R.choice('0256') + ' ' + digits(3) + ' ' + digits(4))
for _ in range(4):
    emit('eg_mobile', '+20 1' + R.choice('0125') + ' ' + digits(4) + ' ' + digits(4))
for _ in range(3):
    emit('lb_mobile', '+961 ' + R.choice(['3', '70', '71', '76']) + ' ' + digits(3) + ' ' + digits(3))

# passports / licences / other IDs (no check digit; shape only)
for _ in range(8):
    emit('nz_passport', R.choice(['LA', 'LB', 'LC', 'LE', 'LF', 'LH', 'LJ']) + digits(6))
for _ in range(8):
    emit('nz_licence', letters(2) + digits(6))
for _ in range(8):
    emit('in_passport', R.choice('JKLMNPRSTUVWZ') + str(R.randint(1, 9)) + digits(6))
for _ in range(6):
    emit('ph_passport', 'P' + digits(7) + R.choice('ABC'))
for _ in range(4):
    emit('cn_passport', 'E' + R.choice(['', 'A', 'B', 'C']) + digits(7))
for _ in range(4):
    emit('vn_passport', R.choice('BCN') + digits(7))
for _ in range(4):
    emit('id_passport', R.choice(['B', 'C', 'X', 'E']) + digits(7))
for _ in range(4):
    emit('np_passport', 'PA' + digits(7))
for _ in range(3):
    emit('lk_passport', 'N' + digits(7))
for _ in range(3):
    emit('bd_passport', R.choice(['EB', 'EC', 'BY']) + digits(7))
for _ in range(3):
    emit('pk_passport', letters(2) + digits(7))
for _ in range(4):
    emit('pacific_passport', R.choice(['WS', 'T', 'FJ', 'RV']) + digits(6))
for _ in range(12):
    emit('inz_client', str(R.randint(1, 9)) + digits(R.choice([7, 8])))
for _ in range(6):
    emit('employee_no', R.choice(['EMP', 'E', 'W', 'RSE-', '']) + digits(R.choice([4, 5, 6])))

# Pakistan CNIC (last digit: odd male, even female)
for g in [1, 0, 1]:
    last = R.choice('13579' if g else '02468')
    emit('cnic', R.choice('34') + digits(4) + '-' + digits(7) + '-' + last)

# Indonesia NIK (prov, kab, kec, DDMMYY (+40 day female), serial)
for prov, fem in [('33', True), ('35', False), ('52', True), ('32', False)]:
    d = R.randint(1, 28) + (40 if fem else 0)
    emit('nik', prov + '%02d' % R.randint(1, 30) + '%02d' % R.randint(1, 20)
         + '%02d%02d%02d' % (d, R.randint(1, 12), R.randint(80, 99)) + '%04d' % R.randint(1, 300))

# Sri Lanka NIC new format (YYYY DDD(+500 F) SSSS C)
for y, fem in [(1991, False), (1988, True), (1996, False)]:
    days = R.randint(1, 365) + (500 if fem else 0)
    emit('lk_nic', '%d%03d%04d%d' % (y, days, R.randint(1, 9999), R.randint(0, 9)))

# Vietnam CCCD 12 digits (province, century/gender, year, random)
for prov, g, yy in [('038', '0', '93'), ('040', '1', '97'), ('001', '0', '90'), ('035', '1', '99')]:
    emit('vn_cccd', prov + g + yy + digits(6))

# Nepal citizenship no., Bangladesh NID, PH SSS/TIN
for _ in range(3):
    emit('np_citizenship', '%02d-%02d-%02d-%05d' % (R.randint(1, 77), R.randint(1, 9), R.randint(60, 79), R.randint(1, 40000)))
for _ in range(3):
    emit('bd_nid', str(R.randint(1, 9)) + digits(9))
for _ in range(4):
    emit('ph_sss', '%02d-%07d-%d' % (R.randint(1, 34), R.randint(0, 9999999), R.randint(0, 9)))
for _ in range(3):
    emit('ph_tin', '%03d-%03d-%03d-000' % (R.randint(100, 999), R.randint(0, 999), R.randint(0, 999)))

# plates
for _ in range(14):
    emit('nz_plate', letters(3) + str(R.randint(1, 999)))
for _ in range(4):
    emit('nz_plate_old', letters(2) + '%04d' % R.randint(1, 9999))

# IPs (invented)
for _ in range(6):
    emit('ip', '.'.join(str(x) for x in [R.choice([49, 101, 103, 115, 121, 122, 124, 125, 202, 203]),
                                         R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)]))

# dates of birth
for _ in range(12):
    emit('dob', '%02d/%02d/%d' % (R.randint(1, 28), R.randint(1, 12), R.randint(1960, 2004)))

# --- round 2 additions (appended so earlier draws are unchanged)
for _ in range(6):
    emit('in_bank', str(R.randint(1, 9)) + digits(R.choice([10, 11, 13])))
for bank in ['SBIN', 'HDFC', 'PUNB', 'ICIC']:
    emit('ifsc', bank + '0' + digits(6))
for _ in range(4):
    emit('th_bank', '%s-%s-%s-%s' % (digits(3), digits(1), digits(5), digits(1)))
for _ in range(3):
    emit('id_bank', digits(4) + '-' + digits(2) + '-' + digits(6) + '-' + digits(2) + '-' + digits(1))
for _ in range(3):
    emit('vn_bank', '0' + digits(12))
for _ in range(3):
    emit('lk_bank', digits(12))
for _ in range(2):
    emit('kh_bank', digits(3) + ' ' + digits(3) + ' ' + digits(3))
for _ in range(3):
    p = '62' + digits(16)
    emit('cn_unionpay', p + luhn_digit(p))
for _ in range(4):
    p = R.choice(['4', '5']) + digits(14)
    emit('card', p + luhn_digit(p))
# --- round 3 additions
for _ in range(3):
    emit('th_passport', letters(2) + digits(7))
for _ in range(3):
    emit('kh_passport', 'N' + digits(8))
for _ in range(3):
    emit('to_passport', 'T' + digits(6))
for _ in range(3):
    emit('ws_passport', 'WS' + digits(6))
for _ in range(3):
    emit('vu_passport', 'RV' + digits(7))
for _ in range(6):
    emit('nz_mobile', R.choice(['021', '022', '027']) + ' ' + digits(3) + ' ' + digits(4))
# --- round 4 additions
for _ in range(45):
    emit('nz_mobile', R.choice(['021', '022', '027', '020', '029']) + ' ' + digits(3) + ' ' + digits(R.choice([3, 4, 4, 4])))
for _ in range(6):
    emit('ph_mobile', '0' + R.choice(PH) + ' ' + digits(3) + ' ' + digits(4))
for _ in range(4):
    emit('email_tag', digits(2))
# --- round 5 additions
for _ in range(3):
    emit('jo_mobile', '+962 7' + R.choice('789') + ' ' + digits(3) + ' ' + digits(4))
for _ in range(3):
    emit('my_mobile', '+60 1' + R.choice('2679') + '-' + digits(3) + ' ' + digits(4))
# --- round 6 additions
for _ in range(30):
    emit('nz_mobile', R.choice(['021', '022', '027', '020']) + ' ' + digits(3) + ' ' + digits(4))
# --- round 7 additions
for _ in range(8):
    emit('nz_plate', letters(3) + str(R.randint(100, 999)))
# --- round 8 additions: gender-consistent IDs
# China resident ID, female (17th digit even)
for region in ['350181', '350128']:
    y, m, d = R.randint(1985, 2000), R.randint(1, 12), R.randint(1, 28)
    p = '%s%04d%02d%02d%02d%d' % (region, y, m, d, R.randint(0, 99), R.choice([0, 2, 4, 6, 8]))
    emit('cn_id', p + cn_id_check(p))
# Indonesia NIK, male, Pemalang regency (33 27)
for _ in range(2):
    emit('nik', '3327' + '%02d' % R.randint(1, 14) + '%02d%02d%02d' % (R.randint(1, 28), R.randint(1, 12), R.randint(85, 99)) + '%04d' % R.randint(1, 300))

with open('gen_values.tsv', 'w', encoding='utf-8') as f:
    for k, v in OUT:
        f.write('%s\t%s\n' % (k, v))
print(len(OUT), 'values written')
