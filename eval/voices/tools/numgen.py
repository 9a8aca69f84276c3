"""Generate plausible invented identifiers with correct check digits (author's helper)."""
import random, string
R = random.Random(20240611)

def ird(n8base=None):
    while True:
        base = R.randint(1_000_000, 14_999_999)  # 7-8 digit base -> 8/9 digit IRD
        s = f"{base:08d}"
        w1 = [3,2,7,6,5,4,3,2]; w2 = [7,4,3,2,5,2,7,6]
        for w in (w1, w2):
            r = sum(int(d)*x for d, x in zip(s, w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10:
                break
        else:
            continue
        full = str(base) + str(c)
        if 10_000_000 <= int(full) <= 150_000_000:
            return full

# Verhoeff
_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_inv = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_check(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _d[c][_p[(i+1) % 8][int(ch)]]
    return str(_inv[c])
def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _d[c][_p[i % 8][int(ch)]]
    return c == 0
def aadhaar():
    b = str(R.randint(2,9)) + ''.join(R.choice(string.digits) for _ in range(10))
    a = b + verhoeff_check(b); assert verhoeff_ok(a); return a

def cn_id(area, dob):
    seq = f"{R.randint(0,999):03d}"
    b = area + dob + seq
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return b + "10X98765432"[sum(int(x)*y for x, y in zip(b, w)) % 11]

def iban(cc, bban):
    t = bban + cc + "00"
    n = int(''.join(str(int(ch, 36)) for ch in t))
    ck = 98 - n % 97
    return f"{cc}{ck:02d}{bban}"

def luhn(prefix, length=16):
    b = prefix + ''.join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    s = 0
    for i, ch in enumerate(reversed(b)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return b + str((10 - s % 10) % 10)

def nz_bank(bank, branch):
    # algorithm A (account < 0990000) for banks 01,02,03,06,11,12,13-17,38
    wA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    while True:
        acct = R.randint(10000, 989999)
        for last in range(10):
            a = acct*10 + last
            if a >= 990000: break
            digits = f"{bank:02d}{branch:04d}{a:08d}0000"
            if sum(int(d)*w for d, w in zip(digits, wA)) % 11 == 0:
                suffix = R.choice(["00","00","01","02","50","25"])
                return f"{bank:02d}-{branch:04d}-{a:07d}-{suffix}"

def nhi():
    # old format AAA9999 with mod-11 check
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        L = ''.join(R.choice(letters) for _ in range(3))
        d = ''.join(R.choice(string.digits) for _ in range(3))
        vals = [letters.index(c)+1 for c in L] + [int(x) for x in d]
        s = sum(v*w for v, w in zip(vals, [7,6,5,4,3,2]))
        r = s % 11
        c = 11 - r
        if r == 0 or c == 10: continue
        return L + d + str(c % 10)

if __name__ == "__main__":
    print("IRD", [ird() for _ in range(12)])
    print("AADHAAR", [aadhaar() for _ in range(6)])
    for area, dob in [("350102","19880412"),("440106","19910723"),("320102","19850105"),("510107","19930318"),("330106","19790930"),("350181","19950312"),("410102","19900228")]:
        print("CNID", cn_id(area, dob))
    print("IBAN", iban("GB", "NWBK" + "601613" + "31926819"), iban("DE", "37040044" + "0532013000"), iban("IE","AIBK93115212345678"), iban("BR","00360305" + "00001" + "0009795493" + "P1"), iban("CR","0" + "152" + "02001026284066"), iban("PH" if False else "FR", "20041010050500013M02606"))
    print("CARD", luhn("4", 16), luhn("4", 16), luhn("53", 16), luhn("5520", 16), luhn("4", 16))
    for b, br in [(1,123),(1,1839),(2,1244),(3,1503),(12,3045),(12,3140),(38,9012),(38,9007),(6,501),(3,1702),(2,312),(1,802)]:
        print("NZBANK", nz_bank(b, br))
    print("NHI", [nhi() for _ in range(4)])
