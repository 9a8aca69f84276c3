#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits (online24)."""
import random, string
R = random.Random(2424)

def ird():
    while True:
        n = R.randint(10_000_000, 149_999_999)
        s = f"{n:09d}"; base = s[:8]
        for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
            r = sum(int(a)*b for a,b in zip(base,w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10: break
        else:
            continue
        return f"{base[:3]}-{base[3:6]}-{base[6:]}{c}".replace("-","",0)

def nzbank():
    w = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    while True:
        bank = R.choice(["01","02","03","06","12","38"])
        br = f"{R.randint(1,999):04d}"
        acc = f"{R.randint(10000,989999):07d}"
        suf = f"{R.choice([0,0,1,2,25,50]):02d}"
        digits = bank + br + acc.zfill(8) + suf.zfill(4)
        if sum(int(a)*b for a,b in zip(digits,w)) % 11 == 0:
            return f"{bank}-{br}-{acc}-{suf}"

def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    return sum(x if i%2==0 else (x*2-9 if x*2>9 else x*2) for i,x in enumerate(d)) % 10 == 0

def card():
    pre = R.choice(["4","51","53","4"])
    body = pre + "".join(R.choice(string.digits) for _ in range(15-len(pre)))
    for c in "0123456789":
        if luhn_ok(body+c): return body+c

IBAN_LEN = {"DE":22,"GB":22,"FR":27,"ES":24,"NL":18,"AE":23,"PT":25}
def iban(cc):
    L = IBAN_LEN[cc]
    if cc == "GB": bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + "".join(R.choice(string.digits) for _ in range(14))
    elif cc == "NL": bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + "".join(R.choice(string.digits) for _ in range(10))
    else: bban = "".join(R.choice(string.digits) for _ in range(L-4))
    rearr = bban + cc + "00"
    num = int("".join(str(int(ch,36)) for ch in rearr))
    chk = 98 - num % 97
    return f"{cc}{chk:02d}{bban}"

# Verhoeff
D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,0,7,6,8],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
INV = [0,4,3,2,1,5,6,7,8,9]
def aadhaar():
    base = str(R.randint(2,9)) + "".join(R.choice(string.digits) for _ in range(10))
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = D[c][P[(i+1)%8][int(ch)]]
    s = base + str(INV[c])
    return f"{s[:4]} {s[4:8]} {s[8:]}"

def cnid():
    area = R.choice(["350102","440106","320582","510104","130102"])
    y = R.randint(1975,2002); m = R.randint(1,12); d = R.randint(1,28)
    body = f"{area}{y}{m:02d}{d:02d}{R.randint(0,999):03d}"
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return body + "10X98765432"[sum(int(a)*b for a,b in zip(body,w)) % 11]

def pan():
    return "".join(R.choice(string.ascii_uppercase) for _ in range(3)) + "P" + R.choice(string.ascii_uppercase) + f"{R.randint(1,9999):04d}" + R.choice(string.ascii_uppercase)

def nzmob(): return "02" + R.choice("1279") + " " + f"{R.randint(100,999)} {R.randint(1000,9999)}"
def phmob(): return "09" + R.choice(["17","27","95","98","06","15"]) + f" {R.randint(100,999)} {R.randint(1000,9999)}"
def ip(): return ".".join(str(R.randint(1,254)) for _ in range(4))

if __name__ == "__main__":
    for name, f in [("ird",ird),("nzbank",nzbank),("card",card),("aadhaar",aadhaar),("cnid",cnid),("pan",pan),("nzmob",nzmob),("phmob",phmob),("ip",ip)]:
        print(name, " | ".join(f() for _ in range(12)))
    for cc in IBAN_LEN: print("iban", cc, " | ".join(iban(cc) for _ in range(3)))
