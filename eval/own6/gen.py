"""Seeded generator of invented numbers that pass their real check digits.
Run: python3 gen.py > pool.txt   (values are drawn by hand from pool.txt
when writing source.txt; build.py re-checks every labelled span)."""
import random
from checks import *
from checks import _NHI_L

R = random.Random(60620)


def rd(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def ird():
    while True:
        base = str(R.randint(10_000_000, 14_999_999))[:8] if R.random() < .8 else \
            str(R.randint(1_000_000, 9_999_999)).zfill(8)
        for c in '0123456789':
            cand = base + c
            if ird_valid(cand):
                s = cand.lstrip('0')
                return s


def fmt_ird(s):
    s = s.zfill(9)
    return f'{s[:3]}-{s[3:6]}-{s[6:]}'


BRANCH = {'01': ['0102', '0185', '0242', '0506', '0823'],
          '02': ['0108', '0312', '0500', '0784'],
          '03': ['0243', '0104', '0628', '1316'],
          '06': ['0501', '0981'],
          '12': ['3040', '3112', '3224', '3449'],
          '38': ['9012', '9000', '9015', '9024']}


def nzbank():
    while True:
        b = R.choice(list(BRANCH))
        br = R.choice(BRANCH[b])
        acct = '0' + rd(6)
        suf = R.choice(['00', '00', '01', '02', '25', '000', '030'])
        s = f'{b}-{br}-{acct}-{suf}'
        if nzbank_valid(s):
            return s


def card():
    p = R.choice(['4', '4', '51', '53', '55', '2221'])
    partial = p + rd(15 - len(p))
    return luhn_complete(partial)


def aadhaar():
    p = R.choice('23456789') + rd(10)
    return verhoeff_complete(p)


CN_REGIONS = ['350182', '350128', '440106', '320583', '510104', '130102',
              '370202', '330381', '210202', '450103']


def cnid():
    reg = R.choice(CN_REGIONS)
    y = R.randint(1975, 2000)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    seq = rd(3)
    return cnid_complete(f'{reg}{y}{m:02d}{d:02d}{seq}')


def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + rd(4) + R.choice(L)


def iban(cc):
    if cc == 'PK':
        bban = R.choice(['HABB', 'MEZN', 'UNIL', 'ABPA']) + rd(16)
    elif cc == 'AE':
        bban = R.choice(['033', '026', '035']) + rd(16)
    elif cc == 'GB':
        bban = R.choice(['NWBK', 'BARC', 'LOYD']) + rd(14)
    elif cc == 'BR':
        bban = rd(8) + rd(5) + rd(10) + 'C1'
    elif cc == 'ES':
        bban = rd(20)
    elif cc == 'DE':
        bban = rd(18)
    return iban_complete(cc, bban)


def nhi():
    while True:
        s = ''.join(R.choice(_NHI_L) for _ in range(3)) + rd(3)
        for c in '0123456789':
            if nhi_valid(s + c):
                return s + c


def krrrn():
    y, m, d = R.randint(70, 99), R.randint(1, 12), R.randint(1, 28)
    g = R.choice('12')
    base = f'{y:02d}{m:02d}{d:02d}{g}' + rd(5)
    for c in '0123456789':
        if krrrn_valid(base + c):
            return base[:6] + '-' + base[6:] + c


def thid():
    base = R.choice('1358') + rd(11)
    for c in '0123456789':
        if thid_valid(base + c):
            s = base + c
            return f'{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}'


def cpf():
    while True:
        b = rd(9)
        for c1 in '0123456789':
            for c2 in '0123456789':
                s = b + c1 + c2
                if cpf_valid(s):
                    return f'{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}'


def rut():
    body = str(R.randint(15_000_000, 21_999_999))
    for dv in '0123456789K':
        if rut_valid(body + '-' + dv):
            return f'{body[:2]}.{body[2:5]}.{body[5:]}-{dv}'


def nie():
    pre = R.choice('XY')
    num = rd(7)
    n = int({'X': '0', 'Y': '1'}[pre] + num)
    return pre + num + 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]


def tron():
    payload = bytes([0x41]) + bytes(R.randrange(256) for _ in range(20))
    return b58check_encode(payload)


def nz_mobile():
    p = R.choice(['021', '022', '027', '027', '029', '020'])
    n = {'021': 7, '022': 7, '027': 7, '029': 7, '020': 8}[p]
    return p + ' ' + R.choice('2345689') + rd(n - 1)


def ph_mobile():
    p = R.choice(['917', '918', '927', '995', '906', '939', '966', '977', '908'])
    return '+63 ' + p + ' ' + rd(3) + ' ' + rd(4)


def out(name, f, n):
    for _ in range(n):
        print(name, f())


if __name__ == '__main__':
    out('IRD', lambda: fmt_ird(ird()), 24)
    out('NZBANK', nzbank, 30)
    out('CARD', card, 10)
    out('AADHAAR', aadhaar, 10)
    out('CNID', cnid, 10)
    out('PAN', pan, 6)
    for cc in ['PK', 'AE', 'GB', 'BR', 'ES', 'DE']:
        out('IBAN_' + cc, lambda: iban(cc), 2)
    out('NHI', nhi, 4)
    out('KRRRN', krrrn, 4)
    out('THID', thid, 4)
    out('CPF', cpf, 3)
    out('RUT', rut, 3)
    out('NIE', nie, 3)
    out('TRON', tron, 2)
    out('NZMOB', nz_mobile, 40)
    out('PHMOB', ph_mobile, 14)
