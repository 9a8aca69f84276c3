"""Seeded generator of invented, check-digit-valid numbers for forms8.
Run: python3 gen.py > pool.txt ; hand-pick values from pool.txt into source.txt."""
import random, datetime
from checks import *

R = random.Random(20261129)
N = 12

def dgt(n):
    return ''.join(R.choice('0123456789') for _ in range(n))

def ird():
    while True:
        n = str(R.randint(10000000, 149999999)).zfill(9)
        for c in '0123456789':
            x = n[:8] + c
            if ird_ok(x):
                return '%s-%s-%s' % (x[:3], x[3:6], x[6:])

def nzbank():
    while True:
        bank = R.choice(['01', '02', '03', '06', '12', '38'])
        br = {'01': '0%03d' % R.randint(100, 999), '02': '0%03d' % R.randint(100, 999), '03': '%04d' % R.randint(100, 1999),
              '06': '0%03d' % R.randint(100, 999), '12': '3%03d' % R.randint(0, 999), '38': '90%02d' % R.randint(0, 99)}[bank]
        acc = str(R.randint(100000, 989999)).zfill(7)
        suf = R.choice(['00', '00', '01', '02', '000', '025', '50'])
        s = '%s-%s-%s-%s' % (bank, br, acc, suf)
        if nzbank_ok(s):
            return s

def card(pref, ln=16):
    p = pref + dgt(ln - len(pref) - 1)
    return luhn_complete(p)

def aad():
    p = R.choice('23456789') + dgt(10)
    return verhoeff_complete(p)

def cnid(area):
    d = datetime.date(1975, 1, 1) + datetime.timedelta(days=R.randint(0, 9000))
    f = area + d.strftime('%Y%m%d') + dgt(3)
    return f + cnid_check(f)

def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + dgt(4) + R.choice(L)

def cpf():
    d = cpf_complete(dgt(9))
    return '%s.%s.%s-%s' % (d[:3], d[3:6], d[6:9], d[9:])

def curp(base):
    f = base + R.choice('0123456789')
    return f + curp_check(f)

def rut():
    b = str(R.randint(10000000, 24999999))
    return '%s.%s.%s-%s' % (b[:2], b[2:5], b[5:], rut_check(b))

def thai():
    p = R.choice('1358') + dgt(11)
    d = p + thai_check(p)
    return '%s-%s-%s-%s-%s' % (d[0], d[1:5], d[5:10], d[10:12], d[12])

def dni():
    n = R.randint(10000000, 79999999)
    return '%d%s' % (n, 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23])

def krrn():
    d = datetime.date(1980, 1, 1) + datetime.timedelta(days=R.randint(0, 7000))
    p = d.strftime('%y%m%d') + R.choice('12') + dgt(5)
    return p[:6] + '-' + p[6:] + krrn_check(p)

def nik():
    d = datetime.date(1985, 1, 1) + datetime.timedelta(days=R.randint(0, 6000))
    dd = d.day + (40 if R.random() < .5 else 0)
    return R.choice(['3201', '3374', '3578', '5271', '3302']) + '%02d' % R.randint(1, 30) + '%02d%02d%s' % (dd, d.month, d.strftime('%y')) + dgt(4)

def cccd():
    return R.choice(['001', '036', '038', '040', '042', '079']) + R.choice('0123') + dgt(8)

def iban(cc):
    bban = {'DE': lambda: dgt(18), 'GB': lambda: 'NWBK' + dgt(14), 'AE': lambda: dgt(19),
            'SA': lambda: dgt(20), 'PK': lambda: 'HABB' + dgt(16), 'FR': lambda: dgt(23)}[cc]()
    return iban_make(cc, bban)

sections = [
    ('IRD', ird), ('NZBANK', nzbank), ('VISA', lambda: card('4')), ('MC', lambda: card('5' + R.choice('12345'))),
    ('AADHAAR', aad), ('CNID_FJ', lambda: cnid('350524')), ('CNID_GD', lambda: cnid('441481')),
    ('PAN', pan), ('CPF', cpf), ('RUT', rut), ('THAI', thai), ('DNI_ES', dni), ('KRRN', krrn),
    ('NIK', nik), ('CCCD', cccd), ('IBAN_DE', lambda: iban('DE')), ('IBAN_GB', lambda: iban('GB')),
    ('IBAN_AE', lambda: iban('AE')), ('IBAN_SA', lambda: iban('SA')), ('IBAN_PK', lambda: iban('PK')),
    ('NZMOB', lambda: '02' + R.choice('1257') + ' ' + dgt(3) + ' ' + dgt(4)),
    ('PHMOB', lambda: '09' + R.choice(['17', '27', '56', '95', '98', '06']) + ' ' + dgt(3) + ' ' + dgt(4)),
    ('NZPASS', lambda: R.choice(['LA', 'LH', 'LM', 'RA', 'LK']) + dgt(6)),
    ('NZDL', lambda: R.choice('DEFHKMN') + R.choice('ABCDKLR') + dgt(6)),
    ('PLATE', lambda: R.choice('KLMNPQR') + R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') + R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') + dgt(3)),
]
for name, f in sections:
    print(name, ' '.join(f() for _ in range(N)))
print('CURP', ' '.join(curp(b) for b in ['GAHM900412MGTRRR0', 'LOPJ880923HOCPRN0', 'SARE950117MPLNMS0', 'TOVC870605HCSRLR0']))

# --- added for batches 5+ (appended so earlier output is unchanged) ---
def nzbank_bank(bank, brf):
    while True:
        s = '%s-%s-%s-%s' % (bank, brf(), str(R.randint(100000, 989999)).zfill(7), R.choice(['00', '01', '02', '50']))
        if nzbank_ok(s):
            return s

def nhi():
    while True:
        f = ''.join(R.choice(NHIL) for _ in range(3)) + dgt(3)
        c = nhi_check(f)
        if c:
            return f + c

print('NZBANK_KIWI', ' '.join(nzbank_bank('38', lambda: '90%02d' % R.randint(0, 99)) for _ in range(6)))
print('NZBANK_ASB', ' '.join(nzbank_bank('12', lambda: '3%03d' % R.randint(0, 999)) for _ in range(6)))
print('NHI', ' '.join(nhi() for _ in range(6)))

def hkid():
    p = R.choice('ACDEGHKPRVZ'); six = dgt(6)
    return '%s%s(%s)' % (p, six, hkid_check(p, six))

print('HKID', ' '.join(hkid() for _ in range(4)))
