#!/usr/bin/env python3
"""Seeded generator of invented identifiers whose real formats carry check digits.
Run: python3 gen.py > pool.txt  ; values are drawn by hand from pool.txt into source.txt."""
import random, string
R = random.Random(7070707)

def ird():
    w1 = [3,2,7,6,5,4,3,2]; w2 = [7,4,3,2,5,2,7,6]
    while True:
        base = R.randint(10_000_000, 149_999_999) // 10
        d = [int(c) for c in f"{base:08d}"]
        for w in (w1, w2):
            r = sum(a*b for a,b in zip(d,w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10:
                n = base*10 + c
                if 10_000_000 <= n <= 150_000_000:
                    return f"{n:09d}"
                break
            # else try secondary weights

BANKS = {"01": [(1,999),(1100,1199),(1800,1899)], "02": [(1,999),(1200,1299)],
         "03": [(1,999),(1300,1399),(1500,1599),(1700,1799),(1900,1999)],
         "06": [(1,999),(1400,1499)], "12": [(3000,3299),(3400,3499),(3600,3699)],
         "38": [(9000,9499)]}
def nzbank():
    WA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    while True:
        b = R.choice(list(BANKS)); lo,hi = R.choice(BANKS[b]); br = R.randint(lo,hi)
        acc = R.randint(100000, 989999)  # < 990000 -> algorithm A
        suf = R.choice([0,0,0,1,2,25,30,50])
        digits = f"{int(b):02d}{br:04d}{acc:08d}{suf:04d}"
        if sum(int(x)*w for x,w in zip(digits, WA)) % 11 == 0:
            return f"{b}-{br:04d}-{acc:07d}-{suf:02d}" if suf < 100 else None

def iban(cc, bban_len_spec):
    bban = ''.join(R.choice(string.digits) if c=='n' else R.choice(string.ascii_uppercase) for c in bban_len_spec)
    s = bban + cc + "00"
    num = int(''.join(str(int(ch,36)) for ch in s))
    chk = 98 - num % 97
    return f"{cc}{chk:02d}{bban}"

def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    return sum(x if i%2==0 else (x*2-9 if x*2>9 else x*2) for i,x in enumerate(d)) % 10 == 0
def card(prefix, n=16):
    while True:
        s = prefix + ''.join(R.choice(string.digits) for _ in range(n-len(prefix)))
        if luhn_ok(s): return s

_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_inv = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)): c = _d[c][_p[i % 8][int(ch)]]
    return c == 0
def aadhaar():
    while True:
        s = str(R.randint(2,9)) + ''.join(R.choice(string.digits) for _ in range(10))
        for k in range(10):
            if verhoeff_ok(s+str(k)): return s+str(k)

def cnid():
    region = R.choice(["350583","440106","320102","510104","330382","410105","450103"])
    y = R.randint(1975, 2002); m = R.randint(1,12); d = R.randint(1,28)
    body = f"{region}{y:04d}{m:02d}{d:02d}{R.randint(0,999):03d}"
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return body + "10X98765432"[sum(int(a)*b for a,b in zip(body,w)) % 11]

def pan():
    L = string.ascii_uppercase
    return ''.join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

NHI_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
def nhi():
    while True:
        l = ''.join(R.choice(NHI_L) for _ in range(3)); dg = ''.join(R.choice(string.digits) for _ in range(3))
        vals = [NHI_L.index(c)+1 for c in l] + [int(c) for c in dg]
        r = sum(v*w for v,w in zip(vals,[7,6,5,4,3,2])) % 11
        if r == 0: continue
        c = 11 - r
        if c == 10: c = 0
        return l + dg + str(c)

def nzmob():
    p = R.choice(["021","022","027","029","020"])
    n = ''.join(R.choice(string.digits) for _ in range(7 if p!="020" else 8))
    return p + " " + n[:3] + " " + n[3:]

if __name__ == "__main__":
    for name, f in [("IRD", ird), ("NZBANK", nzbank), ("AADHAAR", aadhaar), ("CNID", cnid), ("PAN", pan), ("NHI", nhi), ("NZMOB", nzmob)]:
        print(name, ' '.join(f() for _ in range(30)))
    print("IBAN", ' '.join([iban("GB","AAAAnnnnnnnnnnnnnn") for _ in range(5)] + [iban("DE","nnnnnnnnnnnnnnnnnn") for _ in range(5)] + [iban("FR","nnnnnnnnnnnnnnnnnnnnnnnnn") for _ in range(3)] + [iban("ES","nnnnnnnnnnnnnnnnnnnn") for _ in range(3)] + [iban("PT","nnnnnnnnnnnnnnnnnnnnn") for _ in range(3)]))
    print("VISA", ' '.join(card("4") for _ in range(12)))
    print("MC", ' '.join(card(R.choice(["51","52","53","54","55"])) for _ in range(12)))
    print("AMEX", ' '.join(card(R.choice(["34","37"]),15) for _ in range(4)))
