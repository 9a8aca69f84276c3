#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits (help13).
Run: python3 gen.py > pool.txt ; pieces in source.txt draw from pool.txt."""
import random, string
R = random.Random(1313)

def ird_check(base8):
    d = [int(c) for c in base8]
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(a*b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None

def ird():
    while True:
        n = R.randint(1000000, 14999999)
        b = f"{n:08d}"
        c = ird_check(b)
        if c is not None:
            s = str(n) + str(c)
            return s

NZ_BRANCH = {"01": (1, 999), "02": (1, 999), "03": (1, 999), "06": (1, 999),
             "12": (3000, 3299), "38": (9000, 9499), "15": (3900, 3999)}
WA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
WB = [0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0]
def nzbank_valid(bank, br, acct, suf):
    base = int(acct)
    w = WA if base < 990000 else WB
    s = f"{int(bank):02d}{int(br):04d}{base:08d}{int(suf):04d}"
    return sum(int(c)*x for c, x in zip(s, w)) % 11 == 0
def nzbank():
    while True:
        bank = R.choice(list(NZ_BRANCH))
        lo, hi = NZ_BRANCH[bank]
        br = R.randint(lo, hi)
        acct = R.randint(10000, 989999)
        suf = R.choice(["00", "01", "02", "000", "001", "50"])
        if nzbank_valid(bank, br, acct, suf):
            return f"{bank}-{br:04d}-{acct:07d}-{suf}"

def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        t += x
    return t % 10 == 0
def card(prefix):
    while True:
        s = prefix + "".join(R.choice(string.digits) for _ in range(15 - len(prefix)))
        for c in "0123456789":
            if luhn_ok(s + c):
                return s + c

def iban(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    ck = 98 - int(num) % 97
    return f"{cc}{ck:02d}{bban}"

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VI = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    c = 0
    for i, x in enumerate(reversed(s)):
        c = VD[c][VP[i % 8][int(x)]]
    return c == 0
def aadhaar():
    while True:
        s = str(R.randint(2, 9)) + "".join(R.choice(string.digits) for _ in range(10))
        for x in "0123456789":
            if verhoeff_ok(s + x):
                return s + x

def cn_check(s17):
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a, b in zip(s17, w)) % 11]
def cnid(region, ymd):
    s = region + ymd + f"{R.randint(0,999):03d}"
    return s + cn_check(s)

def pan():
    L = string.ascii_uppercase
    return "".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

def rrn(ymd6, g):
    s = ymd6 + str(g) + f"{R.randint(0,99999):05d}"
    w = [2,3,4,5,6,7,8,9,2,3,4,5]
    c = (11 - sum(int(a)*b for a, b in zip(s, w)) % 11) % 10
    return s[:6] + "-" + s[6:] + str(c)

def thai():
    s = str(R.randint(1, 8)) + "".join(R.choice(string.digits) for _ in range(11))
    c = (11 - sum(int(s[i])*(13-i) for i in range(12)) % 11) % 10
    s += str(c)
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"

def cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        t = sum(x*w for x, w in zip(d, range(n, 1, -1)))
        r = (t*10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"

def rut():
    n = R.randint(10000000, 26999999)
    s, m = 0, 2
    for c in reversed(str(n)):
        s += int(c)*m; m = 2 if m == 7 else m+1
    dv = 11 - s % 11
    dv = "0" if dv == 11 else "K" if dv == 10 else str(dv)
    t = f"{n:,}".replace(",", ".")
    return f"{t}-{dv}"

def inn12():
    d = [R.randint(0, 9) for _ in range(10)]
    w1 = [7,2,4,10,3,5,9,4,6,8]
    d.append(sum(a*b for a, b in zip(d, w1)) % 11 % 10)
    w2 = [3,7,2,4,10,3,5,9,4,6,8]
    d.append(sum(a*b for a, b in zip(d, w2)) % 11 % 10)
    return "".join(map(str, d))

def dni():
    n = R.randint(10000000, 79999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
def nie():
    p = R.choice("XYZ"); n = R.randint(1000000, 9999999)
    v = int(str("XYZ".index(p)) + f"{n:07d}")
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[v % 23]}"

def digs(n): return "".join(R.choice(string.digits) for _ in range(n))

if __name__ == "__main__":
    out = []
    out += [("IRD", ird()) for _ in range(40)]
    out += [("NZBANK", nzbank()) for _ in range(45)]
    out += [("VISA", card("4")) for _ in range(8)] + [("MC", card(R.choice(["51","52","53","54","55"]))) for _ in range(8)]
    out += [("IBAN_AE", iban("AE", f"{R.choice(['033','026','035'])}{digs(16)}")) for _ in range(3)]
    out += [("IBAN_SA", iban("SA", f"{R.choice(['10','80','45'])}{digs(18)}")) for _ in range(3)]
    out += [("IBAN_IR", iban("IR", f"0{digs(21)}")) for _ in range(2)]
    out += [("IBAN_PT", iban("PT", f"0035{digs(17)}")) for _ in range(2)]
    out += [("IBAN_ES", iban("ES", f"2100{digs(16)}")) for _ in range(2)]
    out += [("IBAN_UA", iban("UA", f"305299{digs(19)}")) for _ in range(2)]
    out += [("AADHAAR", aadhaar()) for _ in range(8)]
    out += [("PAN", pan()) for _ in range(5)]
    out += [("CNID", cnid(r, y)) for r, y in [("350583", "19910214"), ("410522", "19880730"), ("440982", "19950103"), ("510921", "19930917")]]
    out += [("RRN", rrn(y, g)) for y, g in [("920411", 1), ("960823", 2), ("010305", 4)]]
    out += [("THAI", thai()) for _ in range(4)]
    out += [("CPF", cpf()) for _ in range(3)]
    out += [("RUT", rut()) for _ in range(2)]
    out += [("INN", inn12()) for _ in range(2)]
    out += [("DNI", dni()) for _ in range(2)] + [("NIE", nie()) for _ in range(2)]
    for k, v in out:
        print(k, v)
