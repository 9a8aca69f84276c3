"""Seeded generator of invented identifiers for set scan21.

Run: python3 gen.py > pool.txt
Every value is random (seed 2121) and checked with checks.py before it is printed.
The pieces in source.txt draw their numbers from pool.txt (some written with OCR slips,
spacing or masking by hand); build.py re-checks every span that carries a check digit.
"""
import random
import datetime
from checks import (ird_check_digit, ird_valid, nz_bank_valid, iban_make, iban_valid,
                    luhn_digit, luhn_valid, verhoeff_digit, aadhaar_valid, cn_id_digit,
                    cn_id_valid, thai_id_digit, thai_id_valid, mrz_td3_line2,
                    mrz_td3_line2_valid, nz_phone_valid, ph_mobile_valid)

R = random.Random(2121)


def digs(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def ird():
    while True:
        n = R.randint(10_000_001, 149_999_999)
        base = f'{n:09d}'[:8]
        c = ird_check_digit(base)
        if c is None:
            continue
        v = base + str(c)
        if ird_valid(v):
            v = v.lstrip('0') if False else v
            return f'{v[0:3]}-{v[3:6]}-{v[6:9]}'


def nz_bank():
    banks = {1: [(1, 999), (1800, 1899)], 2: [(1, 999), (1200, 1299)],
             3: [(1, 999), (1500, 1599)], 6: [(1, 999), (1400, 1499)],
             12: [(3000, 3299), (3400, 3499)], 38: [(9000, 9499)]}
    while True:
        b = R.choice(list(banks))
        lo, hi = R.choice(banks[b])
        br = R.randint(lo, hi)
        base = R.randint(10000, 989999)
        suf = R.choice(['00', '00', '00', '01', '02', '25', '50', '000', '001'])
        v = f'{b:02d}-{br:04d}-{base:07d}-{suf}'
        if nz_bank_valid(v):
            return v


def iban(cc):
    while True:
        if cc == 'DE':
            v = iban_make('DE', digs(8) + digs(10))
        elif cc == 'GB':
            v = iban_make('GB', R.choice(['NWBK', 'BARC', 'LOYD', 'MIDL']) + digs(6) + digs(8))
        elif cc == 'FR':
            v = iban_make('FR', digs(10) + ''.join(R.choice('0123456789') for _ in range(11)) + digs(2))
        elif cc == 'CZ':
            v = iban_make('CZ', R.choice(['0800', '0100', '0300']) + digs(16))
        elif cc == 'NL':
            v = iban_make('NL', R.choice(['INGB', 'ABNA', 'RABO']) + digs(10))
        elif cc == 'AE':
            v = iban_make('AE', digs(3) + digs(16))
        if iban_valid(v):
            return ' '.join(v[i:i + 4] for i in range(0, len(v), 4))


def card(prefix):
    p = prefix + digs(15 - len(prefix))
    v = p + luhn_digit(p)
    assert luhn_valid(v)
    return ' '.join(v[i:i + 4] for i in range(0, 16, 4))


def aadhaar():
    p = R.choice('23456789') + digs(10)
    v = p + verhoeff_digit(p)
    assert aadhaar_valid(v)
    return f'{v[0:4]} {v[4:8]} {v[8:12]}'


def cn_id():
    area = R.choice(['350181', '350182', '350583', '440106', '410105', '130102', '320106',
                     '450103', '510104', '350104', '370202', '210102'])
    d = datetime.date(1970, 1, 1) + datetime.timedelta(days=R.randint(0, 365 * 34))
    f = area + d.strftime('%Y%m%d') + digs(3)
    v = f + cn_id_digit(f)
    assert cn_id_valid(v)
    return v


def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + digs(4) + R.choice(L)


def thai():
    p = R.choice('1358') + digs(11)
    v = p + thai_id_digit(p)
    assert thai_id_valid(v)
    return f'{v[0]} {v[1:5]} {v[5:10]} {v[10:12]} {v[12]}'


def mrz(nat, docno, sex):
    d = datetime.date(1975, 1, 1) + datetime.timedelta(days=R.randint(0, 365 * 28))
    e = datetime.date(2026, 1, 1) + datetime.timedelta(days=R.randint(0, 365 * 8))
    l = mrz_td3_line2(docno, nat, d.strftime('%y%m%d'), sex, e.strftime('%y%m%d'))
    assert mrz_td3_line2_valid(l), l
    return l, d.isoformat(), e.isoformat()


def nz_mobile():
    p = R.choice(['021', '022', '027', '029', '020'])
    n = p + digs(R.choice([7, 7, 7, 6])) if p != '020' else p + digs(8)
    v = f'{n[:3]} {n[3:6]} {n[6:]}'
    assert nz_phone_valid(v)
    return v


def nz_land():
    a = R.choice(['03', '04', '06', '07', '09'])
    v = f'({a}) {R.randint(2, 9)}{digs(2)} {digs(4)}'
    assert nz_phone_valid(v)
    return v


def ph_mobile():
    p = R.choice(['917', '918', '920', '927', '935', '945', '956', '966', '977', '995', '998', '906'])
    v = f'+63 {p} {digs(3)} {digs(4)}'
    assert ph_mobile_valid(v)
    return v


def ip():
    return '.'.join(str(x) for x in [R.choice([49, 101, 103, 110, 115, 122, 125, 180, 202, 203, 210, 222]),
                                      R.randint(1, 254), R.randint(0, 254), R.randint(1, 254)])


def plate():
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    if R.random() < 0.7:
        return ''.join(R.choice(L) for _ in range(3)) + digs(3)
    return ''.join(R.choice(L) for _ in range(2)) + digs(4)


def main():
    out = []
    sec = lambda name, vals: out.append(f'## {name}\n' + '\n'.join(vals))
    sec('IRD', [ird() for _ in range(45)])
    sec('NZBANK', [nz_bank() for _ in range(70)])
    for cc in ['DE', 'GB', 'FR', 'CZ', 'NL', 'AE']:
        sec('IBAN_' + cc, [iban(cc) for _ in range(4)])
    sec('CARD_VISA', [card('4' + R.choice(['0', '5', '1', '9'])) for _ in range(12)])
    sec('CARD_MC', [card('5' + R.choice('12345')) for _ in range(10)])
    sec('AADHAAR', [aadhaar() for _ in range(15)])
    sec('CN_ID', [cn_id() for _ in range(14)])
    sec('PAN', [pan() for _ in range(10)])
    sec('THAI_ID', [thai() for _ in range(8)])
    m = []
    for nat, pref, sex in [('PHL', 'P', 'F'), ('PHL', 'P', 'M'), ('IND', 'V', 'M'), ('IND', 'T', 'M'),
                           ('CHN', 'EK', 'F'), ('VNM', 'C', 'M'), ('FJI', 'FA', 'M'), ('WSM', 'PS', 'F'),
                           ('TON', 'T', 'M'), ('NPL', 'PA', 'M'), ('LKA', 'N', 'F'), ('IDN', 'X', 'F')]:
        if nat == 'PHL':
            doc = pref + digs(7) + R.choice('ABC')
        elif len(pref) == 2:
            doc = pref + digs(7)
        else:
            doc = pref + digs(7)
        l, d, e = mrz(nat, doc[:9], sex)
        m.append(f'{doc} | {l} | dob {d} | exp {e}')
    sec('MRZ', m)
    sec('NZ_MOBILE', [nz_mobile() for _ in range(160)])
    sec('NZ_LAND', [nz_land() for _ in range(30)])
    sec('PH_MOBILE', [ph_mobile() for _ in range(30)])
    sec('IN_MOBILE', [f'+91 {R.choice("6789")}{digs(4)} {digs(5)}' for _ in range(20)])
    sec('CN_MOBILE', [f'+86 1{R.choice("3589")}{digs(1)} {digs(4)} {digs(4)}' for _ in range(15)])
    sec('FJ_MOBILE', [f'+679 {R.choice("79")}{digs(2)} {digs(4)}' for _ in range(12)])
    sec('WS_MOBILE', [f'+685 7{digs(1)} {digs(5)}' for _ in range(12)])
    sec('TO_MOBILE', [f'+676 {R.choice("78")}{digs(2)} {digs(4)}' for _ in range(10)])
    sec('VN_MOBILE', [f'+84 9{digs(1)} {digs(3)} {digs(4)}' for _ in range(10)])
    sec('ID_MOBILE', [f'+62 8{digs(2)} {digs(4)} {digs(4)}' for _ in range(8)])
    sec('TH_MOBILE', [f'+66 8{digs(1)} {digs(3)} {digs(4)}' for _ in range(8)])
    sec('NP_MOBILE', [f'+977 98{digs(1)} {digs(3)} {digs(4)}' for _ in range(8)])
    sec('BD_MOBILE', [f'+880 1{R.choice("3789")}{digs(2)} {digs(6)}' for _ in range(6)])
    sec('LK_MOBILE', [f'+94 7{R.choice("1256")} {digs(3)} {digs(4)}' for _ in range(6)])
    sec('KH_MOBILE', [f'+855 {R.choice(["12", "17", "92", "97"])} {digs(3)} {digs(3)}' for _ in range(6)])
    sec('KR_MOBILE', [f'+82 10 {digs(4)} {digs(4)}' for _ in range(6)])
    sec('MY_MOBILE', [f'+60 1{R.choice("2679")}-{digs(3)} {digs(4)}' for _ in range(6)])
    sec('BR_MOBILE', [f'+55 11 9{digs(4)}-{digs(4)}' for _ in range(5)])
    sec('CL_MOBILE', [f'+56 9 {digs(4)} {digs(4)}' for _ in range(5)])
    sec('RU_MOBILE', [f'+7 9{digs(2)} {digs(3)}-{digs(2)}-{digs(2)}' for _ in range(5)])
    sec('AU_MOBILE', [f'+61 4{digs(2)} {digs(3)} {digs(3)}' for _ in range(5)])
    sec('IP', [ip() for _ in range(12)])
    sec('PLATE', [plate() for _ in range(25)])
    sec('NZ_PASSPORT', [R.choice(['LA', 'LB', 'LC', 'LH', 'LM']) + digs(6) for _ in range(5)])
    sec('NZ_DL', [R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') + R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') + digs(6) + ' v' + digs(3) for _ in range(8)])
    sec('INZ_CLIENT', [digs(8) for _ in range(10)])
    sec('DIGITS4', [digs(4) for _ in range(40)])
    sec('DIGITS6', [digs(6) for _ in range(40)])
    sec('DIGITS10', [digs(10) for _ in range(20)])
    sec('DIGITS12', [digs(12) for _ in range(20)])
    print('\n\n'.join(out))


if __name__ == '__main__':
    main()
