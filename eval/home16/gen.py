"""Seeded generator of invented identifiers for set home16.

Run: python3 gen.py > gen_output.txt
Every value is invented; check-digit formats are computed here and re-checked by build.py.
"""
import random
from checks import (ird_ok, nz_bank_ok, iban_make, iban_ok, luhn_complete, verhoeff_complete,
                    aadhaar_ok, cn_id_make, thai_make, krrn_make, cpf_make, rut_dv, curp_make)

R = random.Random(16016)


def dig(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def ird():
    while True:
        n = R.randint(10_000_001, 149_999_999)
        s = str(n)
        if ird_ok(s):
            s = s.zfill(9)
            return f'{s[:3]}-{s[3:6]}-{s[6:]}'


NZ_BRANCHES = {'01': [(1, 999), (1100, 1199), (1800, 1899)], '02': [(1, 999), (1200, 1299)],
               '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
               '06': [(1, 999), (1400, 1499)], '12': [(3000, 3299), (3400, 3499), (3600, 3699)],
               '38': [(9000, 9499)]}


def nzbank():
    bank = R.choice(list(NZ_BRANCHES))
    lo, hi = R.choice(NZ_BRANCHES[bank])
    br = f'{R.randint(lo, hi):04d}'
    while True:
        acct = f'{R.randint(100000, 989999):07d}'
        suf = R.choice(['00', '000', '01', '001', '02', '025', '50'])
        s = f'{bank}-{br}-{acct}-{suf}'
        if nz_bank_ok(s):
            return s


IBAN_FMT = {  # country: bban builder
    'AE': lambda: R.choice(['033', '026', '035']) + dig(16),
    'QA': lambda: R.choice(['QNBA', 'DOHB', 'CBQA']) + dig(21),
    'SA': lambda: R.choice(['80', '10', '45']) + dig(18),
    'PK': lambda: R.choice(['HABB', 'MEZN', 'UNIL']) + dig(16),
    'BR': lambda: dig(8) + dig(5) + dig(10) + 'C1',
    'GT': lambda: R.choice(['TRAJ', 'AGRO']) + dig(20),
    'CR': lambda: '0' + dig(17),
    'DO': lambda: R.choice(['BAGR', 'BPDO']) + dig(20),
    'TL': lambda: '008' + dig(16),
    'SV': lambda: R.choice(['CENR', 'BAGR']) + dig(20),
    'KZ': lambda: '125' + dig(13),
    'JO': lambda: 'CBJO' + dig(4) + dig(18),
}


def iban(cc):
    s = iban_make(cc, IBAN_FMT[cc]())
    assert iban_ok(s)
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))


def card(prefix, n=16):
    return luhn_complete(prefix + dig(n - len(prefix) - 1))


def aadhaar():
    while True:
        s = verhoeff_complete(str(R.randint(2, 9)) + dig(10))
        if aadhaar_ok(s):
            return f'{s[:4]} {s[4:8]} {s[8:]}'


def cn_id(region, y, m, d, male):
    seq = dig(2) + str(R.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8]))
    return cn_id_make(f'{region}{y:04d}{m:02d}{d:02d}{seq}')


def pan(surname, kind='P'):
    return ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3)) + kind + surname[0].upper() + dig(4) + R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')


def thai():
    return thai_make(str(R.randint(1, 3)) + dig(11))


def krrn(yy, mm, dd, gender_digit):
    return krrn_make(f'{yy:02d}{mm:02d}{dd:02d}{gender_digit}' + dig(5))


def cpf():
    s = cpf_make(dig(9))
    return f'{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}'


def rut():
    b = str(R.randint(10_000_000, 26_999_999))
    return f'{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{rut_dv(b)}'


def curp(four, yymmdd, sex, state, cons):
    return curp_make(f'{four}{yymmdd}{sex}{state}{cons}0')


PH_PREF = ['0917', '0918', '0919', '0920', '0921', '0927', '0928', '0939', '0945', '0947', '0955',
           '0956', '0966', '0977', '0995', '0998', '0905', '0906', '0915', '0916', '0926', '0935', '0936', '0975']


def main():
    print('# IRD'); [print(ird()) for _ in range(12)]
    print('# NZ bank'); [print(nzbank()) for _ in range(24)]
    for cc in IBAN_FMT:
        print(f'# IBAN {cc}'); [print(iban(cc)) for _ in range(3)]
    print('# Visa'); [print(card('4')) for _ in range(5)]
    print('# MC'); [print(card(R.choice(['51', '52', '53', '54', '55']))) for _ in range(5)]
    print('# UnionPay/RuPay'); [print(card('62', 16)) for _ in range(3)]; [print(card('6521', 16)) for _ in range(3)]
    print('# Aadhaar'); [print(aadhaar()) for _ in range(8)]
    print('# CN ID (region y m d sex)')
    for reg, y, m, d, male in [('430522', 1988, 4, 17, True), ('350182', 1991, 11, 3, False),
                               ('412726', 1985, 7, 29, True), ('510623', 1993, 2, 8, False),
                               ('352203', 1979, 12, 21, True), ('441581', 1996, 6, 30, False)]:
        print(reg, y, m, d, 'M' if male else 'F', cn_id(reg, y, m, d, male))
    print('# PAN')
    for s in ['Singh', 'Kaur', 'Sharma', 'Reddy', 'Patel', 'Gill', 'Nair', 'Dhillon']:
        print(s, pan(s))
    print('# PAN company (C)'); print(pan('Hira', 'C')); print(pan('Global', 'F'))
    print('# Thai ID'); [print(thai()) for _ in range(5)]
    print('# Korean RRN')
    for yy, mm, dd, g in [(91, 5, 14, 1), (88, 9, 2, 2), (97, 12, 25, 1), (2, 3, 9, 4)]:
        print(f'{yy:02d}{mm:02d}{dd:02d}', g, krrn(yy, mm, dd, g))
    print('# CPF'); [print(cpf()) for _ in range(4)]
    print('# RUT'); [print(rut()) for _ in range(4)]
    print('# CURP')
    print(curp('HELJ', '910623', 'H', 'MC', 'RPR'))   # Hernandez Lopez Jorge, Estado de Mexico
    print(curp('GACM', '880214', 'M', 'GT', 'RRR'))   # Garcia C.. Maria Guanajuato
    print(curp('MOVA', '950907', 'H', 'OC', 'RLL'))
    print('# PH mobiles'); [print(R.choice(PH_PREF) + dig(7)) for _ in range(14)]
    print('# IN mobiles'); [print(R.choice('6789') + dig(9)) for _ in range(14)]
    print('# NP mobiles'); [print(R.choice(['984', '985', '986', '980', '981', '982', '974', '976']) + dig(7)) for _ in range(10)]
    print('# BD mobiles'); [print('01' + R.choice('3456789') + dig(8)) for _ in range(8)]
    print('# LK mobiles'); [print('07' + R.choice('0125678') + dig(7)) for _ in range(8)]
    print('# ID mobiles'); [print('08' + R.choice(['12', '13', '21', '22', '52', '53', '57', '77', '78', '95', '96']) + dig(R.choice([7, 8]))) for _ in range(8)]
    print('# VN mobiles'); [print('0' + R.choice(['9', '3', '8', '7']) + R.choice('1346789') + dig(7)) for _ in range(8)]
    print('# TH mobiles'); [print('0' + R.choice('689') + dig(8)) for _ in range(6)]
    print('# KH mobiles'); [print('0' + R.choice(['12', '17', '77', '92', '96', '97', '10', '15', '70', '88']) + dig(R.choice([6, 7]))) for _ in range(6)]
    print('# CN mobiles'); [print('1' + R.choice('3578') + dig(9)) for _ in range(6)]
    print('# KR mobiles'); [print('010-' + dig(4) + '-' + dig(4)) for _ in range(4)]
    print('# WS/TO/FJ/KI mobiles')
    [print('WS +685 7' + R.choice('2567') + dig(5)) for _ in range(5)]
    [print('TO +676 ' + R.choice(['77', '78', '84', '87', '88']) + dig(5)) for _ in range(5)]
    [print('FJ +679 ' + R.choice(['7', '9', '8']) + dig(6)) for _ in range(5)]
    [print('KI +686 7' + dig(7)) for _ in range(3)]
    print('# LatAm mobiles')
    [print('MX +52 ' + R.choice(['443', '477', '951', '33', '55']) + ' ' + dig(7 if True else 8)) for _ in range(3)]
    [print('CO +57 3' + R.choice('0125') + dig(8)) for _ in range(3)]
    [print('PE +51 9' + dig(8)) for _ in range(3)]
    [print('CL +56 9 ' + dig(8)) for _ in range(2)]
    [print('BR +55 ' + R.choice(['11', '21', '41']) + ' 9' + dig(8)) for _ in range(2)]
    print('# NZ mobiles'); [print(R.choice(['021', '022', '027', '029', '020']) + ' ' + dig(3) + ' ' + dig(R.choice([3, 4]))) for _ in range(30)]
    print('# NZ landlines'); [print('0' + R.choice('34679') + ' ' + R.choice('2345789') + dig(2) + ' ' + dig(4)) for _ in range(12)]
    print('# NZ plates'); [print(''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(3)) + dig(3)) for _ in range(12)]
    print('# passports: IN, NP, BD, LK, PH, CN, VN, ID, TH, KH, KR, WS, TO, FJ')
    L = lambda n: ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(n))
    print('IN', L(1) + dig(7), L(1) + dig(7), L(1) + dig(7))
    print('NP', dig(8), 'PA' + dig(7))
    print('BD', L(1) + dig(8), L(1) + dig(8))
    print('LK', 'N' + dig(7), 'N' + dig(7))
    print('PH', 'P' + dig(7) + L(1), 'P' + dig(7) + L(1), 'P' + dig(7) + L(1))
    print('CN', 'E' + dig(8), 'EJ' + dig(7))
    print('VN', 'C' + dig(7), 'C' + dig(7))
    print('ID', L(1) + dig(7), 'X' + dig(6))
    print('TH', 'AA' + dig(7), 'AC' + dig(7))
    print('KH', 'N0' + dig(7))
    print('KR', 'M' + dig(8))
    print('WS', 'PS' + dig(6), 'TO', 'T' + dig(6), 'FJ', 'FB' + dig(5), 'KI', 'K' + dig(6))
    print('# NZ passport/licence'); [print(L(2) + dig(6)) for _ in range(6)]
    print('# misc digits 6/8/10/12/16'); [print(dig(6), dig(8), dig(10), dig(12), dig(16)) for _ in range(8)]


if __name__ == '__main__':
    main()
