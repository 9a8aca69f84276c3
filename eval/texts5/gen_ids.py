#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits (texts5).

Writes ids.txt: a pool of numbers the author copies into source.txt by hand.
Also exposes validators that build.py reuses to check labelled spans.
Nothing here is real: every number is random and only the check digit is computed.
"""
import random
import string

SEED = 5_20261202


# ---------- validators / check-digit makers ----------

def ird_check(base8):
    """base8: 8-digit string (IRD without check, zero padded). returns check digit or None."""
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        s = sum(int(d) * x for d, x in zip(base8, w))
        r = s % 11
        if r == 0:
            return 0
        c = 11 - r
        if c != 10:
            return c
    return None


def ird_valid(num):
    d = ''.join(ch for ch in num if ch.isdigit())
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    c = ird_check(d[:8])
    return c is not None and c == int(d[8])


NZ_A_W = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_B_W = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nz_bank_valid(num):
    """bank(2) branch(4) account(7) suffix(2-3), separators anything."""
    import re
    m = re.fullmatch(r'\D*(\d{2})\D*(\d{4})\D*(\d{7,8})\D*(\d{2,4})\D*', num)
    if not m:
        return None  # not NZ format
    b, br, acc, suf = m.groups()
    digits = b + br + acc.zfill(8) + suf.zfill(4)
    if b in ('01', '02', '03', '06', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '27', '30', '35', '38'):
        w = NZ_A_W if int(acc) < 990000 else NZ_B_W
        return sum(int(d) * x for d, x in zip(digits, w)) % 11 == 0
    return None


def make_nz_bank(rng):
    banks = {'01': (100, 1999), '02': (100, 1299), '03': (100, 1999), '06': (100, 999),
             '12': (3000, 3499), '38': (9000, 9499)}
    while True:
        b = rng.choice(list(banks))
        lo, hi = banks[b]
        br = '%04d' % rng.randint(lo, hi)
        acc = '%07d' % rng.randint(10000, 989999)
        suf = '%02d' % rng.choice([0, 0, 0, 1, 2, 25, 50, 51])
        if b == '02':
            suf = '%03d' % int(suf)
        s = '%s-%s-%s-%s' % (b, br, acc, suf)
        if nz_bank_valid(s):
            return s


def luhn_valid(num):
    d = [int(c) for c in num if c.isdigit()]
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def make_luhn(rng, prefix, length=16):
    body = prefix + ''.join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_valid(body + c):
            return body + c


IBAN_FMT = {  # country: (total length, bban generator)
    'DE': 22, 'FR': 27, 'GB': 22, 'PL': 28, 'RO': 24, 'UA': 29, 'ES': 24, 'NL': 18,
    'BE': 16, 'IT': 27, 'AE': 23, 'SA': 24, 'PK': 24, 'TR': 26, 'CH': 21,
}


def iban_valid(num):
    s = ''.join(ch for ch in num if ch.isalnum()).upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def make_iban(rng, cc):
    L = IBAN_FMT[cc]
    n = L - 4
    if cc == 'GB':
        bban = ''.join(rng.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(rng.choice(string.digits) for _ in range(14))
    elif cc == 'NL':
        bban = ''.join(rng.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(rng.choice(string.digits) for _ in range(10))
    elif cc == 'RO':
        bban = ''.join(rng.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(rng.choice(string.digits) for _ in range(16))
    elif cc == 'PK':
        bban = ''.join(rng.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(rng.choice(string.digits) for _ in range(16))
    elif cc == 'IT':
        bban = rng.choice(string.ascii_uppercase) + ''.join(rng.choice(string.digits) for _ in range(22))
    else:
        bban = ''.join(rng.choice(string.digits) for _ in range(n))
    r = bban + cc + '00'
    v = int(''.join(str(int(ch, 36)) for ch in r))
    chk = 98 - v % 97
    iban = cc + '%02d' % chk + bban
    assert iban_valid(iban)
    return ' '.join(iban[i:i + 4] for i in range(0, len(iban), 4))


# Verhoeff
_d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
      [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
      [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(num):
    c = 0
    for i, ch in enumerate(reversed([int(x) for x in num if x.isdigit()])):
        c = _d[c][_p[i % 8][ch]]
    return c == 0


def make_aadhaar(rng):
    body = str(rng.randint(2, 9)) + ''.join(rng.choice(string.digits) for _ in range(10))
    c = 0
    for i, ch in enumerate(reversed([int(x) for x in body])):
        c = _d[c][_p[(i + 1) % 8][ch]]
    full = body + str(_inv[c])
    assert verhoeff_valid(full)
    return full[:4] + ' ' + full[4:8] + ' ' + full[8:]


CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_id_valid(num):
    s = ''.join(ch for ch in num if ch.isalnum()).upper()
    if len(s) != 18:
        return False
    t = sum(int(a) * w for a, w in zip(s[:17], CN_W)) % 11
    return '10X98765432'[t] == s[17]


def make_cn_id(rng):
    region = rng.choice(['350583', '440307', '320106', '510104', '130682', '410105', '350121', '445121'])
    y = rng.randint(1972, 2001)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    body = '%s%04d%02d%02d%03d' % (region, y, m, d, rng.randint(1, 999))
    t = sum(int(a) * w for a, w in zip(body, CN_W)) % 11
    return body + '10X98765432'[t]


def thai_valid(num):
    s = [int(c) for c in num if c.isdigit()]
    if len(s) != 13:
        return False
    return (11 - sum(s[i] * (13 - i) for i in range(12)) % 11) % 10 == s[12]


def make_thai(rng):
    s = [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]
    c = (11 - sum(s[i] * (13 - i) for i in range(12)) % 11) % 10
    d = ''.join(map(str, s)) + str(c)
    return '%s %s %s %s %s' % (d[0], d[1:5], d[5:10], d[10:12], d[12])


def cpf_valid(num):
    s = [int(c) for c in num if c.isdigit()]
    if len(s) != 11:
        return False
    for k in (9, 10):
        t = sum(s[i] * (k + 1 - i) for i in range(k)) % 11
        if s[k] != (0 if t < 2 else 11 - t):
            return False
    return True


def make_cpf(rng):
    s = [rng.randint(0, 9) for _ in range(9)]
    for k in (9, 10):
        t = sum(s[i] * (k + 1 - i) for i in range(k)) % 11
        s.append(0 if t < 2 else 11 - t)
    d = ''.join(map(str, s))
    return '%s.%s.%s-%s' % (d[:3], d[3:6], d[6:9], d[9:])


def rut_dv(body):
    s, m = 0, 2
    for ch in reversed(body):
        s += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)


def rut_valid(num):
    s = ''.join(ch for ch in num if ch.isalnum()).upper()
    return len(s) >= 8 and rut_dv(s[:-1]) == s[-1]


def make_rut(rng):
    body = str(rng.randint(8_000_000, 26_999_999))
    dv = rut_dv(body)
    return '%s.%s.%s-%s' % (body[:-6], body[-6:-3], body[-3:], dv)


# Korean RRN (legacy check digit)
def make_rrn(rng):
    y = rng.randint(80, 99)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    s = '%02d%02d%02d' % (y, m, d) + str(rng.choice([1, 2])) + ''.join(rng.choice(string.digits) for _ in range(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(s, w)) % 11) % 10
    return s[:6] + '-' + s[6:] + str(c)


TW_L = dict(zip('ABCDEFGHJKLMNPQRSTUVXYWZIO', range(10, 36)))


def tw_valid(num):
    s = num.strip().upper()
    if len(s) != 10 or s[0] not in TW_L or not s[1:].isdigit():
        return False
    v = TW_L[s[0]]
    tot = v // 10 + (v % 10) * 9 + sum(int(c) * w for c, w in zip(s[1:], [8, 7, 6, 5, 4, 3, 2, 1, 1]))
    return tot % 10 == 0


def make_tw(rng):
    while True:
        s = rng.choice('ABDEFHKLT') + rng.choice('12') + ''.join(rng.choice(string.digits) for _ in range(7))
        for c in string.digits:
            if tw_valid(s + c):
                return s + c


def rrn_valid(num):
    s = ''.join(c for c in num if c.isdigit())
    if len(s) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s, w)) % 11) % 10 == int(s[12])


def make_ird(rng):
    while True:
        n = rng.randint(10_000_001, 14_999_999)
        base = '%08d' % n
        c = ird_check(base)
        if c is None:
            continue
        full = base + str(c)
        if ird_valid(full):
            return '%s-%s-%s' % (full[:3], full[3:6], full[6:])


if __name__ == '__main__':
    rng = random.Random(SEED)
    out = []
    out.append('# IRD (NZ) valid'); out += [make_ird(rng) for _ in range(50)]
    out.append('# NZ bank valid (alg A)'); out += [make_nz_bank(rng) for _ in range(50)]
    out.append('# Visa'); out += [make_luhn(rng, '4') for _ in range(12)]
    out.append('# Mastercard'); out += [make_luhn(rng, rng.choice(['51', '52', '53', '54', '55'])) for _ in range(12)]
    out.append('# UnionPay 62'); out += [make_luhn(rng, '62') for _ in range(4)]
    out.append('# Amex'); out += [make_luhn(rng, '37', 15) for _ in range(3)]
    out.append('# IBAN')
    for cc in IBAN_FMT:
        out += [cc + ': ' + make_iban(rng, cc) for _ in range(2)]
    out.append('# Aadhaar'); out += [make_aadhaar(rng) for _ in range(12)]
    out.append('# China resident ID'); out += [make_cn_id(rng) for _ in range(10)]
    out.append('# Thai ID'); out += [make_thai(rng) for _ in range(8)]
    out.append('# CPF'); out += [make_cpf(rng) for _ in range(6)]
    out.append('# RUT'); out += [make_rut(rng) for _ in range(6)]
    out.append('# Korean RRN'); out += [make_rrn(rng) for _ in range(5)]
    out.append('# Taiwan ID'); out += [make_tw(rng) for _ in range(4)]
    with open('ids.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print('\n'.join(out))
