"""Seeded generator of invented numbers for plain20.

Writes gen_output.txt: pools of values that pass their format's check digit.
Values used in source.txt were drawn (by hand) from this output.
"""
import random
from checkdigits import (rut_check, ird_ok, NZ_BANK_BRANCHES, W_A, luhn_ok, iban_ok,
                         verhoeff_digit, aadhaar_ok, cn_id_check, kr_rrn_ok,
                         th_id_ok, nhi_ok, NHI_LET, nz_bank_ok, IBAN_LEN)

rng = random.Random(20_2020)
out = []


def sec(title):
    out.append('')
    out.append('## ' + title)


def ird():
    while True:
        n = rng.randint(10_000_001, 149_999_999)
        s = str(n).zfill(9)
        if ird_ok(s):
            return s


def nz_bank(bank):
    while True:
        lo, hi = rng.choice(NZ_BANK_BRANCHES[bank])
        br = str(rng.randint(max(lo, 1), hi)).zfill(4)
        acct = str(rng.randint(10000, 989999)).zfill(7)
        suf = str(rng.randint(0, 30)).zfill(2 if rng.random() < .5 else 3)
        s = f'{bank}-{br}-{acct}-{suf}'
        if nz_bank_ok(s):
            return s


def luhn(prefix, length=16):
    while True:
        body = prefix + ''.join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        for c in '0123456789':
            if luhn_ok(body + c):
                s = body + c
                return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))


def iban(cc):
    n = IBAN_LEN[cc] - 4
    bban = ''.join(str(rng.randint(0, 9)) for _ in range(n))
    if cc == 'GB':
        bban = rng.choice(['NWBK', 'BARC', 'LOYD', 'HBUK']) + bban[4:]
    r = bban + cc + '00'
    num = int(''.join(str(int(c, 36)) for c in r))
    chk = str(98 - num % 97).zfill(2)
    s = cc + chk + bban
    assert iban_ok(s)
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))


def aadhaar():
    while True:
        b = str(rng.randint(2, 9)) + ''.join(str(rng.randint(0, 9)) for _ in range(10))
        s = b + str(verhoeff_digit(b))
        if aadhaar_ok(s):
            return f'{s[:4]} {s[4:8]} {s[8:]}'


def cn_id():
    region = rng.choice(['350181', '440105', '320582', '510107', '330205', '410102'])
    y, m, d = rng.randint(1975, 2002), rng.randint(1, 12), rng.randint(1, 28)
    seq = str(rng.randint(10, 999)).zfill(3)
    f = f'{region}{y}{m:02d}{d:02d}{seq}'
    return f + cn_id_check(f)


def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return (''.join(rng.choice(L) for _ in range(3)) + 'P' + rng.choice(L)
            + ''.join(str(rng.randint(0, 9)) for _ in range(4)) + rng.choice(L))


def kr_rrn():
    while True:
        y, m, d = rng.randint(70, 99), rng.randint(1, 12), rng.randint(1, 28)
        body = f'{y:02d}{m:02d}{d:02d}' + str(rng.choice([1, 2])) + ''.join(str(rng.randint(0, 9)) for _ in range(5))
        for c in '0123456789':
            if kr_rrn_ok(body + c):
                s = body + c
                return s[:6] + '-' + s[6:]


def th_id():
    body = str(rng.randint(1, 8)) + ''.join(str(rng.randint(0, 9)) for _ in range(11))
    for c in '0123456789':
        if th_id_ok(body + c):
            s = body + c
            return f'{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}'


def nhi():
    while True:
        s = ''.join(rng.choice(NHI_LET) for _ in range(3)) + ''.join(str(rng.randint(0, 9)) for _ in range(3))
        for c in '0123456789':
            if nhi_ok(s + c):
                return s + c


def digits(n):
    return ''.join(str(rng.randint(0, 9)) for _ in range(n))


sec('IRD (9 digits, shown xxx-xxx-xxx)')
for _ in range(20):
    s = ird()
    out.append(f'{s[:3]}-{s[3:6]}-{s[6:]}   {s}')
for bank in ['01', '02', '03', '06', '12', '38']:
    sec(f'NZ bank {bank}')
    for _ in range(6):
        out.append(nz_bank(bank))
sec('Visa 16')
for _ in range(8):
    out.append(luhn('4'))
sec('Mastercard 16')
for _ in range(8):
    out.append(luhn(rng.choice(['51', '52', '53', '54', '55'])))
sec('IBAN')
for cc in ['GB', 'DE', 'ES', 'PT', 'SA', 'AE', 'FR', 'IE', 'UA', 'PL']:
    for _ in range(2):
        out.append(iban(cc))
sec('Aadhaar')
for _ in range(8):
    out.append(aadhaar())
sec('China resident ID')
for _ in range(6):
    out.append(cn_id())
sec('PAN')
for _ in range(6):
    out.append(pan())
sec('Korean RRN')
for _ in range(4):
    out.append(kr_rrn())
sec('Thai ID')
for _ in range(4):
    out.append(th_id())
sec('NHI')
for _ in range(6):
    out.append(nhi())
sec('NZ mobiles')
for _ in range(40):
    p = rng.choice(['021', '022', '027', '020', '029'])
    out.append(p + ' ' + digits(3) + ' ' + digits(rng.choice([3, 4])))
sec('NZ landlines')
for area in ['03', '04', '06', '07', '09']:
    for _ in range(3):
        out.append(f'({area}) {digits(3)} {digits(4)}')
sec('Philippine mobiles')
for _ in range(10):
    out.append('+63 9' + digits(2) + ' ' + digits(3) + ' ' + digits(4))
sec('Other mobiles')
for cc, pre, n in [('+91', '9', 9), ('+91', '7', 9), ('+86', '13', 9), ('+84', '9', 8), ('+62', '81', 9),
                   ('+66', '8', 8), ('+676', '7', 6), ('+685', '72', 5), ('+679', '9', 6), ('+977', '98', 8),
                   ('+880', '17', 8), ('+94', '77', 7), ('+855', '12', 6), ('+82', '10', 8), ('+7', '9', 9),
                   ('+55', '11 9', 8), ('+678', '7', 6), ('+675', '7', 7)]:
    for _ in range(3):
        out.append(cc + ' ' + pre + digits(n))
sec('Plates (ABC123)')
L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
for _ in range(15):
    out.append(''.join(rng.choice(L) for _ in range(3)) + digits(3))
sec('NZ passport / licence style (2 letters + 6 digits)')
for _ in range(10):
    out.append(''.join(rng.choice(L) for _ in range(2)) + digits(6))
sec('Philippine passport (P + 7 digits + letter)')
for _ in range(5):
    out.append('P' + digits(7) + rng.choice(L))
sec('Indian passport (letter + 7 digits)')
for _ in range(5):
    out.append(rng.choice(L) + digits(7))
sec('IPs (documentation/private ranges + random)')
for _ in range(6):
    out.append(f'{rng.choice([203, 202, 49, 125, 210, 103])}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}')

# ---- extra pools appended in round 4 (appended so earlier output stays unchanged) ----
sec('Thai ID (first digit 1 or 3, Thai citizens)')
for _ in range(4):
    while True:
        t = th_id()
        if t[0] in '13':
            out.append(t)
            break
sec('More IRD')
for _ in range(10):
    s = ird()
    out.append(f'{s[:3]}-{s[3:6]}-{s[6:]}   {s}')
sec('More NZ bank (ANZ 01, Kiwibank 38, ASB 12)')
for bank in ['01', '38', '12', '03']:
    for _ in range(4):
        out.append(nz_bank(bank))
sec('More Aadhaar')
for _ in range(4):
    out.append(aadhaar())
sec('More Visa / Mastercard')
for _ in range(3):
    out.append(luhn('4'))
    out.append(luhn('53'))
sec('Chile RUT (round 5)')
for _ in range(4):
    b = str(rng.randint(12_000_000, 24_999_999))
    out.append(f'{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{rut_check(b)}')
sec('More NZ mobiles (round 7)')
for _ in range(30):
    p = rng.choice(['021', '022', '027', '020', '029'])
    out.append(p + ' ' + digits(3) + ' ' + digits(rng.choice([3, 4])))
sec('More plates (round 7)')
for _ in range(8):
    out.append(''.join(rng.choice(L) for _ in range(3)) + digits(3))
sec('NHI (round 7)')
for _ in range(3):
    out.append(nhi())

with open('gen_output.txt', 'w', encoding='utf-8') as f:
    f.write('# generated by gen.py, seed 202020\n' + '\n'.join(out) + '\n')
print('wrote gen_output.txt', len(out), 'lines')
