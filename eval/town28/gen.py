"""Seeded generator of invented numbers that pass their check digits."""
import random
from checks import *
R = random.Random(2826)

def ird():
    while True:
        n = R.randint(10_000_000, 149_999_999) // 10
        base = str(n).zfill(8)
        for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
            r = sum(int(a) * b for a, b in zip(base, w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10: break
        if c == 10: continue
        s = base + str(c)
        if ird_ok(s):
            return f"{s[:3]}-{s[3:6]}-{s[6:]}"

def nzbank():
    while True:
        bank = R.choice(list(BRANCHES))
        lo, hi = R.choice(BRANCHES[bank])
        br = R.randint(lo, hi)
        acc = R.randint(100000, 989999)
        suf = R.choice([0, 0, 0, 1, 2, 25, 50])
        s = f"{bank:02d}-{br:04d}-{acc:07d}-{suf:02d}"
        if nzbank_ok(s):
            return s

def card(prefix):
    while True:
        d = prefix + ''.join(str(R.randint(0, 9)) for _ in range(16 - len(prefix)))
        if luhn_ok(d):
            return ' '.join(d[i:i+4] for i in range(0, 16, 4))

def aadhaar():
    while True:
        d = str(R.randint(2, 9)) + ''.join(str(R.randint(0, 9)) for _ in range(11))
        if verhoeff_ok(d):
            return f"{d[:4]} {d[4:8]} {d[8:]}"

def cnid():
    area = R.choice(['350582', '440881', '130104', '510107'])
    y = R.randint(1975, 2001); m = R.randint(1, 12); dd = R.randint(1, 28)
    s = f"{area}{y}{m:02d}{dd:02d}{R.randint(100, 999)}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s + '10X98765432'[sum(int(a) * b for a, b in zip(s, w)) % 11]

def iban(cc, bban):
    chk = 98 - int(''.join(str(int(c, 36)) for c in bban + cc + '00')) % 97
    return f"{cc}{chk:02d}{bban}"

def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + str(R.randint(1000, 9999)) + R.choice(L)

def nzmob():
    return R.choice(['021', '022', '027', '029', '020']) + ' ' + str(R.randint(100, 999)) + ' ' + str(R.randint(1000, 9999))

def nhi():
    import checks
    while True:
        s = ''.join(R.choice(checks._NHI_L) for _ in range(3)) + ''.join(str(R.randint(0, 9)) for _ in range(3))
        for c in range(10):
            if checks.nhi_ok(s + str(c)):
                return s + str(c)

def es_iban():
    def dc(digs):
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        d = 11 - sum(int(a) * b for a, b in zip(digs, w)) % 11
        return {11: 0, 10: 1}.get(d, d)
    bank = R.choice(['0081', '2100', '0182', '2085']); br = '%04d' % R.randint(1000, 9999)
    acc = '%010d' % R.randint(10**8, 10**10 - 1)
    return iban('ES', bank + br + str(dc('00' + bank + br)) + str(dc(acc)) + acc)

if __name__ == '__main__':
    print('IRD', [ird() for _ in range(12)])
    print('NZBANK', [nzbank() for _ in range(16)])
    print('VISA', [card('4') for _ in range(4)], 'MC', [card('5') for _ in range(3)])
    print('AADHAAR', [aadhaar() for _ in range(4)])
    print('CNID', [cnid() for _ in range(3)])
    print('IBAN', iban('GB', 'NWBK60161331926819'), iban('DE', '370400440532013000'[:18]), iban('PT', '000201231234567890154'))
    print('PAN', [pan() for _ in range(4)])
    print('NZMOB', [nzmob() for _ in range(40)])
    print('PH', ['+63 9%02d %03d %04d' % (R.randint(15, 99), R.randint(0, 999), R.randint(0, 9999)) for _ in range(6)])
    print('NHI', [nhi() for _ in range(4)])
    print('ES_IBAN', [es_iban() for _ in range(2)], 'GB_IBAN', iban('GB', 'MIDL40051558213467'))
