#!/usr/bin/env python3
"""Seeded generator of invented identifiers whose real formats carry check digits.
Run: python3 gen.py > gen_out.txt ; pieces in source.txt draw from gen_out.txt."""
import random, string
R = random.Random(1515)

def ird_check(base8):
    """base8: 8-digit string; returns check digit or None"""
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        s = sum(int(d)*x for d, x in zip(base8, w)) % 11
        c = 0 if s == 0 else 11 - s
        if c != 10:
            return c
    return None

def ird():
    while True:
        n = R.randint(10_000_000, 149_999_999) // 10
        base = f"{n:08d}"
        c = ird_check(base)
        if c is not None:
            return base + str(c)

NZ_BRANCH = {"01": [(1, 999), (1100, 1199), (1800, 1899)], "02": [(1, 999), (1200, 1299)],
             "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
             "06": [(1, 999), (1400, 1499)], "12": [(3000, 3299), (3400, 3499), (3600, 3699)]}
WA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
def nzbank():
    bank = R.choice(list(NZ_BRANCH))
    lo, hi = R.choice(NZ_BRANCH[bank])
    br = R.randint(max(lo, 1), hi)
    while True:
        acc = R.randint(10000, 989999)
        s = f"{bank}{br:04d}{acc:08d}0000"
        if sum(int(d)*w for d, w in zip(s, WA)) % 11 == 0:
            suf = R.choice(["00", "01", "02", "50", "000", "001"])
            return f"{bank}-{br:04d}-{acc:07d}-{suf}"

def luhn_ok(n):
    t = 0
    for i, d in enumerate(reversed(n)):
        d = int(d)
        if i % 2: d = d*2 - 9 if d*2 > 9 else d*2
        t += d
    return t % 10 == 0
def card():
    p = R.choice(["4", "51", "53", "55"])
    body = p + "".join(R.choice(string.digits) for _ in range(15-len(p)))
    for c in range(10):
        if luhn_ok(body+str(c)): return body+str(c)

def iban(cc, bban):
    rearr = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    ck = 98 - int(num) % 97
    return f"{cc}{ck:02d}{bban}"

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(n):
    c = 0
    for i, d in enumerate(reversed(n)):
        c = VD[c][VP[i % 8][int(d)]]
    return c == 0
def aadhaar():
    body = str(R.randint(2, 9)) + "".join(R.choice(string.digits) for _ in range(10))
    for c in range(10):
        if verhoeff_ok(body+str(c)): return body+str(c)

def cn_check(b17):
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a, b in zip(b17, w)) % 11]
def cnid():
    reg = R.choice(["350583", "350128", "440981", "320483", "510129"])
    y, m, d = R.randint(1975, 2001), R.randint(1, 12), R.randint(1, 28)
    b = f"{reg}{y}{m:02d}{d:02d}{R.randint(10,99)}{R.randint(0,9)}"
    return b + cn_check(b)

def pan():
    L = string.ascii_uppercase
    return "".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

def thai_ok(n):
    s = sum(int(n[i])*(13-i) for i in range(12))
    return (11 - s % 11) % 10 == int(n[12])
def thaiid():
    b = str(R.randint(1, 8)) + "".join(R.choice(string.digits) for _ in range(11))
    s = sum(int(b[i])*(13-i) for i in range(12))
    return b + str((11 - s % 11) % 10)

if __name__ == "__main__":
    print("# IRD");     [print(ird()) for _ in range(15)]
    print("# NZBANK");  [print(nzbank()) for _ in range(25)]
    print("# CARD");    [print(card()) for _ in range(8)]
    print("# IBAN")
    print(iban("GB", "NWBK" + "".join(R.choice(string.digits) for _ in range(14))))
    print(iban("DE", "".join(R.choice(string.digits) for _ in range(18))))
    print(iban("PH", "".join(R.choice(string.digits) for _ in range(24))) if False else "")
    print(iban("FR", "".join(R.choice(string.digits) for _ in range(23))))
    print("# AADHAAR"); [print(aadhaar()) for _ in range(8)]
    print("# CNID");    [print(cnid()) for _ in range(5)]
    print("# PAN");     [print(pan()) for _ in range(5)]
    print("# THAI");    [print(thaiid()) for _ in range(4)]
