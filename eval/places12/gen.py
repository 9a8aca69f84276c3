"""Seeded generator of invented identifiers with valid check digits (places12).
Run: python3 gen.py > gen_out.txt ; build.py imports the checkers from checks.py."""
import random
from checks import *

rng = random.Random(1212)

def d(n): return ''.join(rng.choice('0123456789') for _ in range(n))

def ird():
    while True:
        base = rng.randint(10_000_000, 149_999_999)
        s = f"{base:09d}"[:8]
        for c in '0123456789':
            if ird_ok(s + c):
                v = s + c
                return f"{v[0:3]}-{v[3:6]}-{v[6:9]}" if v[0] != '0' else f"{v[1:3]}-{v[3:6]}-{v[6:9]}"

BR = {'01': (1, 999), '02': (1, 999), '03': (1, 999), '06': (1, 999), '12': (3000, 3299), '38': (9000, 9499)}
def nzbank(bank=None):
    bank = bank or rng.choice(list(BR))
    while True:
        lo, hi = BR[bank]
        br = f"{rng.randint(lo, hi):04d}"
        acc = f"{rng.randint(0, 989999):07d}"
        suf = rng.choice(['00', '000', '01', '002', '50'])
        v = f"{bank}-{br}-{acc}-{suf}"
        if nzbank_ok(v): return v

def luhn_card(prefix, n=16):
    body = prefix + d(n - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c):
            v = body + c
            return ' '.join(v[i:i+4] for i in range(0, n, 4))

def aadhaar():
    while True:
        body = rng.choice('23456789') + d(10)
        for c in '0123456789':
            if verhoeff_ok(body + c):
                v = body + c
                return f"{v[:4]} {v[4:8]} {v[8:]}"

def cnid(region='350583', dob='19890314'):
    body = region + dob + d(3)
    for c in '0123456789X':
        if cnid_ok(body + c): return body + c

def thaiid():
    body = rng.choice('1358') + d(11)
    for c in '0123456789':
        if thaiid_ok(body + c):
            v = body + c
            return f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"

def iban(cc, bban):
    for k in range(100):
        v = f"{cc}{k:02d}{bban}"
        if iban_ok(v): return ' '.join(v[i:i+4] for i in range(0, len(v), 4))

if __name__ == '__main__':
    print('IRD', [ird() for _ in range(12)])
    for b in BR: print('NZBANK', b, [nzbank(b) for _ in range(4)])
    print('VISA', [luhn_card('4', 16) for _ in range(5)])
    print('MC', [luhn_card('5' + rng.choice('12345'), 16) for _ in range(4)])
    print('AADHAAR', [aadhaar() for _ in range(5)])
    print('CNID', [cnid('350583', '19890314'), cnid('450102', '19930721'), cnid('130425', '19760205')])
    print('THAI', [thaiid() for _ in range(3)])
    print('IBAN', [iban('PK', 'MEZN' + d(16)), iban('AE', '033' + d(16)), iban('GB', 'MIDL40051' + d(8))])
