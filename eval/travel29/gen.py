#!/usr/bin/env python3
"""Seeded generator of invented, check-digit-valid numbers for travel29."""
import random
R = random.Random(2929)

def ird_check(base8):
    w1 = [3,2,7,6,5,4,3,2]; w2 = [7,4,3,2,5,2,7,6]
    d = [int(c) for c in base8]
    for w in (w1, w2):
        r = sum(a*b for a,b in zip(d,w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None

def ird():
    while True:
        n = R.randint(10000000, 14999999)
        s = str(n).zfill(8)
        c = ird_check(s)
        if c is not None:
            full = s + str(c)
            return f"{full[0:3]}-{full[3:6]}-{full[6:9]}"

def nz_bank():
    bank, branch = R.choice([("01","0102"),("02","0500"),("12","3140"),("06","0501"),("03","0104"),("38","9012"),("12","3077"),("01","1839")])
    wb = [6,3,7,9]; wa = [0,10,5,8,4,2,1]
    while True:
        acct = "0" + "".join(str(R.randint(0,9)) for _ in range(6))
        s = sum(int(a)*b for a,b in zip(branch,wb)) + sum(int(a)*b for a,b in zip(acct,wa))
        if s % 11 == 0:
            suf = R.choice(["000","00","001","002","050"])
            return f"{bank}-{branch}-{acct}-{suf}"

def iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(ch,36)) for ch in s)
    return f"{98 - int(num) % 97:02d}"

def iban(cc):
    if cc == "DE":
        bban = "".join(str(R.randint(0,9)) for _ in range(18))
    elif cc in ("GB","IE"):
        bank = R.choice(["NWBK","BARC","MIDL"]) if cc=="GB" else R.choice(["AIBK","BOFI"])
        bban = bank + "".join(str(R.randint(0,9)) for _ in range(14))
    elif cc == "BE":
        b = "".join(str(R.randint(0,9)) for _ in range(10))
        k = int(b) % 97 or 97
        bban = b + f"{k:02d}"
    elif cc == "FR":
        bk = "".join(str(R.randint(0,9)) for _ in range(5)); br = "".join(str(R.randint(0,9)) for _ in range(5))
        ac = "".join(str(R.randint(0,9)) for _ in range(11))
        key = 97 - ((89*int(bk) + 15*int(br) + 3*int(ac)) % 97)
        bban = bk+br+ac+f"{key:02d}"
    elif cc == "NL":
        bban = R.choice(["ABNA","INGB","RABO"]) + "".join(str(R.randint(0,9)) for _ in range(10))
    chk = iban_check(cc, bban)
    raw = cc+chk+bban
    return " ".join(raw[i:i+4] for i in range(0,len(raw),4))

def luhn_ok(s):
    d=[int(c) for c in s][::-1]
    return sum(x if i%2==0 else (x*2-9 if x*2>9 else x*2) for i,x in enumerate(d))%10==0
def card(prefix="4"):
    while True:
        s = prefix + "".join(str(R.randint(0,9)) for _ in range(15-len(prefix)))
        for c in range(10):
            if luhn_ok(s+str(c)):
                f = s+str(c); return " ".join(f[i:i+4] for i in range(0,16,4))

# Verhoeff
D=[[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P=[[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
INV=[0,4,3,2,1,5,6,7,8,9]
def aadhaar():
    b = str(R.randint(2,9)) + "".join(str(R.randint(0,9)) for _ in range(10))
    c=0
    for i,x in enumerate(reversed(b)):
        c=D[c][P[(i+1)%8][int(x)]]
    f=b+str(INV[c]); return f"{f[:4]} {f[4:8]} {f[8:]}"

def cn_id():
    area = R.choice(["440106","310115","510107","330106"])
    y=R.randint(1996,2004); m=R.randint(1,12); d=R.randint(1,28)
    b = f"{area}{y}{m:02d}{d:02d}{R.randint(100,999)}"
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return b+"10X98765432"[sum(int(a)*c for a,c in zip(b,w))%11]

if __name__ == "__main__":
    print("IRD", [ird() for _ in range(14)])
    print("NZBANK", [nz_bank() for _ in range(16)])
    for cc in ["DE","GB","IE","FR","BE","NL"]:
        print("IBAN", cc, [iban(cc) for _ in range(3)])
    print("CARD", [card("4") for _ in range(2)], [card("51") for _ in range(2)])
    print("AADHAAR", [aadhaar() for _ in range(2)])
    print("CNID", [cn_id() for _ in range(2)])
