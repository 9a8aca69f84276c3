#!/usr/bin/env python3
"""Check-digit helpers for the reports5 set (written for this set, no outside code).

Run `python3 checkdigits.py` to print a seeded bank of invented, check-digit-valid
numbers (seed 5150). The tips in source.txt take their numbers from this bank.
`verify.py` / `build.py` import the validators below to re-check labelled spans.
"""
import random
import re
import string

# ---------------------------------------------------------------- Luhn (cards)
def luhn_ok(num: str) -> bool:
    d = [int(c) for c in num if c.isdigit()]
    if len(d) < 12:
        return False
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def luhn_complete(prefix: str, length: int, rng) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise ValueError


# ---------------------------------------------------------------- NZ IRD
def ird_check(base8: str):
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        r = sum(int(a) * b for a, b in zip(base8, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_ok(num: str) -> bool:
    d = "".join(c for c in num if c.isdigit())
    if len(d) not in (8, 9):
        return False
    d = d.zfill(9)
    if not (10_000_000 <= int(d) <= 150_000_000):
        return False
    c = ird_check(d[:8])
    return c is not None and c == int(d[8])


def ird_make(rng) -> str:
    while True:
        base = rng.randint(1_000_000, 14_999_999)  # base 8 digits incl. leading zero
        b8 = str(base).zfill(8)
        c = ird_check(b8)
        if c is not None:
            n = b8 + str(c)
            if ird_ok(n):
                return n


# ---------------------------------------------------------------- NZ bank account
NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
W_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nzbank_ok(num: str) -> bool:
    parts = [p for p in num.replace(" ", "-").split("-") if p]
    if len(parts) == 1:
        d = parts[0]
        if len(d) not in (15, 16):
            return False
        parts = [d[:2], d[2:6], d[6:13], d[13:]]
    if len(parts) != 4:
        return False
    bank, branch, acct, suf = parts
    if bank not in NZ_BRANCHES or not all(p.isdigit() for p in parts):
        return False
    br = int(branch)
    if not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    digits = bank.zfill(2) + branch.zfill(4) + acct.zfill(8) + suf.zfill(4)
    w = W_A if int(acct) < 990000 else W_B
    return sum(int(a) * b for a, b in zip(digits, w)) % 11 == 0


def nzbank_make(rng, bank=None) -> str:
    bank = bank or rng.choice(list(NZ_BRANCHES))
    while True:
        lo, hi = rng.choice(NZ_BRANCHES[bank])
        br = str(rng.randint(lo, hi)).zfill(4)
        acct = str(rng.randint(100000, 989999)).zfill(7)
        suf = rng.choice(["00", "000", "01", "002", "50", "025"])
        n = f"{bank}-{br}-{acct}-{suf}"
        if nzbank_ok(n):
            return n


# ---------------------------------------------------------------- IBAN
def iban_ok(num: str) -> bool:
    s = num.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(country: str, bban: str) -> str:
    r = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in r)
    ck = 98 - int(n) % 97
    s = f"{country}{ck:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
      [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
      [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
      [9,8,7,6,5,4,3,2,1,0]]
_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
      [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
      [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_INV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_ok(num: str) -> bool:
    d = [int(c) for c in num if c.isdigit()]
    c = 0
    for i, x in enumerate(reversed(d)):
        c = _D[c][_P[i % 8][x]]
    return c == 0


def verhoeff_make(body: str) -> str:
    c = 0
    for i, x in enumerate(reversed([int(ch) for ch in body])):
        c = _D[c][_P[(i + 1) % 8][x]]
    return body + str(_INV[c])


def aadhaar_make(rng) -> str:
    body = str(rng.randint(2, 9)) + "".join(rng.choice(string.digits) for _ in range(10))
    n = verhoeff_make(body)
    assert verhoeff_ok(n)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


# ---------------------------------------------------------------- Chinese resident ID
_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CN_M = "10X98765432"


def cnid_ok(num: str) -> bool:
    s = num.strip().upper()
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return _CN_M[sum(int(a) * b for a, b in zip(s[:17], _CN_W)) % 11] == s[17]


def cnid_make(region: str, dob: str, rng) -> str:
    body = region + dob + f"{rng.randint(1, 999):03d}"
    return body + _CN_M[sum(int(a) * b for a, b in zip(body, _CN_W)) % 11]


# ---------------------------------------------------------------- Thai ID
def thid_ok(num: str) -> bool:
    d = [int(c) for c in num if c.isdigit()]
    if len(d) != 13:
        return False
    return (11 - sum(d[i] * (13 - i) for i in range(12)) % 11) % 10 == d[12]


def thid_make(rng) -> str:
    d = [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]
    d.append((11 - sum(d[i] * (13 - i) for i in range(12)) % 11) % 10)
    s = "".join(map(str, d))
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


# ---------------------------------------------------------------- Brazil CPF
def cpf_ok(num: str) -> bool:
    d = [int(c) for c in num if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s = sum(d[i] * (n + 1 - i) for i in range(n))
        if (s * 10) % 11 % 10 != d[n]:
            return False
    return True


def cpf_make(rng) -> str:
    d = [rng.randint(0, 9) for _ in range(9)]
    for n in (9, 10):
        s = sum(d[i] * (n + 1 - i) for i in range(n))
        d.append((s * 10) % 11 % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


# ---------------------------------------------------------------- Chile RUT
def rut_dv(body: int) -> str:
    s, m = 0, 2
    for c in reversed(str(body)):
        s += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_ok(num: str) -> bool:
    s = num.replace(".", "").replace(" ", "").upper()
    if "-" not in s:
        return False
    b, dv = s.split("-")
    return b.isdigit() and rut_dv(int(b)) == dv


def rut_make(rng) -> str:
    b = rng.randint(9_000_000, 26_999_999)
    return f"{b:,}".replace(",", ".") + "-" + rut_dv(b)


# ---------------------------------------------------------------- Mexico CURP
_CURP_A = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_check(s17: str) -> str:
    t = sum(_CURP_A.index(c) * (18 - i) for i, c in enumerate(s17))
    return str((10 - t % 10) % 10)


def curp_ok(s: str) -> bool:
    return len(s) == 18 and curp_check(s[:17]) == s[17]


# ---------------------------------------------------------------- Spain NIE
def nie_make(prefix: str, num: int) -> str:
    n = int({"X": "0", "Y": "1", "Z": "2"}[prefix] + f"{num:07d}")
    return f"{prefix}{num:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def nie_ok(s: str) -> bool:
    s = s.replace("-", "").upper()
    if len(s) != 9 or s[0] not in "XYZ":
        return False
    n = int({"X": "0", "Y": "1", "Z": "2"}[s[0]] + s[1:8])
    return "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23] == s[8]


# ---------------------------------------------------------------- NZBN / GS1 13
def gs1_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 13:
        return False
    t = sum(x * (3 if i % 2 else 1) for i, x in enumerate(d[:12]))
    return (10 - t % 10) % 10 == d[12]


def nzbn_make(rng) -> str:
    d = [9, 4, 2, 9, 0] + [rng.randint(0, 9) for _ in range(7)]
    t = sum(x * (3 if i % 2 else 1) for i, x in enumerate(d))
    d.append((10 - t % 10) % 10)
    return "".join(map(str, d))


# ---------------------------------------------------------------- Australian TFN
def tfn_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    return len(d) == 9 and sum(a * b for a, b in zip(d, w)) % 11 == 0


def tfn_make(rng) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, w)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


# ---------------------------------------------------------------- NZ NHI (old format AAANNNC)
_NHI_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O not used; A=1 .. Z=24


def nhi_ok(s: str) -> bool:
    s = s.strip().upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    v = [_NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(x * w for x, w in zip(v, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    return (11 - r) % 10 == int(s[6])


def nhi_make(rng) -> str:
    while True:
        s = "".join(rng.choice(_NHI_L[:-1]) for _ in range(3)) + f"{rng.randint(0, 999):03d}"
        v = [_NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
        r = sum(x * w for x, w in zip(v, [7, 6, 5, 4, 3, 2])) % 11
        if r:
            return s + str((11 - r) % 10)


# ---------------------------------------------------------------- Mexico CLABE (18 digits)
def clabe_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 18:
        return False
    t = sum((x * w) % 10 for x, w in zip(d[:17], [3, 7, 1] * 6))
    return (10 - t % 10) % 10 == d[17]


def clabe_make(bank: str, rng) -> str:
    body = bank + f"{rng.randint(100, 999)}" + "".join(rng.choice("0123456789") for _ in range(11))
    t = sum((int(x) * w) % 10 for x, w in zip(body, [3, 7, 1] * 6))
    return body + str((10 - t % 10) % 10)


if __name__ == "__main__":
    rng = random.Random(5150)
    print("IRD:", [ird_make(rng) for _ in range(14)])
    for b in ["01", "02", "03", "06", "12", "38"]:
        print("NZBANK", b, [nzbank_make(rng, b) for _ in range(4)])
    print("VISA:", [luhn_complete("4", 16, rng) for _ in range(5)])
    print("MC:", [luhn_complete(rng.choice(["51", "52", "53", "54", "55"]), 16, rng) for _ in range(4)])
    print("AMEX:", [luhn_complete("37", 15, rng) for _ in range(2)])
    gb = [iban_make("GB", "NWBK" + f"{rng.randint(0, 999999):06d}" + f"{rng.randint(0, 99999999):08d}") for _ in range(2)]
    de = [iban_make("DE", f"{rng.randint(10000000, 89999999)}" + f"{rng.randint(0, 9999999999):010d}") for _ in range(2)]
    ie = [iban_make("IE", "AIBK" + f"{rng.randint(930000, 939999)}" + f"{rng.randint(0, 99999999):08d}") for _ in range(1)]
    print("IBAN:", gb + de + ie)
    print("AADHAAR:", [aadhaar_make(rng) for _ in range(6)])
    print("CNID:", [cnid_make("350181", "19880214", rng), cnid_make("440106", "19790930", rng),
                    cnid_make("350102", "19920611", rng), cnid_make("321284", "19850107", rng),
                    cnid_make("130105", "19961122", rng)])
    print("THID:", [thid_make(rng) for _ in range(4)])
    print("CPF:", [cpf_make(rng) for _ in range(3)])
    print("RUT:", [rut_make(rng) for _ in range(3)])
    for base in ["GALM890412MOCRPR0", "HEPJ920730HVZRRS0", "RAMR850101HJCMNL0"]:
        print("CURP:", base + curp_check(base))
    print("NIE:", [nie_make("Y", rng.randint(1000000, 9999999)) for _ in range(2)])
    print("NZBN:", [nzbn_make(rng) for _ in range(6)])
    print("TFN:", [tfn_make(rng) for _ in range(2)])
    print("NHI:", [nhi_make(rng) for _ in range(6)])
    print("CLABE:", [clabe_make("012", rng), clabe_make("072", rng)])
