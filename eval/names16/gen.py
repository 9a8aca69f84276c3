#!/usr/bin/env python3
"""Seeded generator of invented identifiers with valid check digits.
Output: numbers.txt (draw from it by hand when writing source.txt)."""
import random, string
R = random.Random(1616)

def ird():
    w1 = [3,2,7,6,5,4,3,2]; w2 = [7,4,3,2,5,2,7,6]
    while True:
        base = R.randint(10_000_000, 14_999_999) // 10  # 7 digits body -> 8 with pad
        body = f"{R.randint(1_000_000, 14_999_999):08d}"
        d = [int(c) for c in body]
        s = sum(a*b for a,b in zip(d,w1)) % 11
        c = 0 if s == 0 else 11 - s
        if c == 10:
            s = sum(a*b for a,b in zip(d,w2)) % 11
            c = 0 if s == 0 else 11 - s
            if c == 10: continue
        n = body + str(c)
        if 10_000_000 <= int(n) <= 150_000_000:
            return f"{n[0:3]}-{n[3:6]}-{n[6:9]}"

WA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
BR = {'01':(100,999),'02':(100,999),'03':(100,999),'06':(100,999),'12':(3000,3299),'38':(9000,9499)}
def nzbank():
    while True:
        b = R.choice(list(BR)); lo,hi = BR[b]; br = R.randint(lo,hi)
        acct = R.randint(100000, 989999); suf = R.randint(0, 5)
        s18 = f"{b}{br:04d}{acct:08d}{suf:04d}"
        if sum(int(c)*w for c,w in zip(s18, WA)) % 11 == 0:
            return f"{b}-{br:04d}-{acct:07d}-{suf:02d}"

def iban(cc, length_body):
    body = ''.join(R.choice(string.digits) for _ in range(length_body))
    conv = ''.join(str(int(ch, 36)) for ch in body + cc + '00')
    chk = 98 - int(conv) % 97
    return f"{cc}{chk:02d}{body}"

def luhn(prefix, n=16):
    while True:
        s = prefix + ''.join(R.choice(string.digits) for _ in range(n - len(prefix) - 1))
        tot = 0
        for i, ch in enumerate(reversed(s)):
            d = int(ch)
            if i % 2 == 0:
                d *= 2
                if d > 9: d -= 9
            tot += d
        c = (10 - tot % 10) % 10
        return s + str(c)

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VI = [0,4,3,2,1,5,6,7,8,9]
def aadhaar():
    body = str(R.randint(2,9)) + ''.join(R.choice(string.digits) for _ in range(10))
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VD[c][VP[(i+1) % 8][int(ch)]]
    n = body + str(VI[c])
    return f"{n[0:4]} {n[4:8]} {n[8:12]}"

def cnid(region):
    y = R.randint(1975, 2002); m = R.randint(1,12); d = R.randint(1,28)
    body = f"{region}{y:04d}{m:02d}{d:02d}{R.randint(0,999):03d}"
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    s = sum(int(a)*b for a,b in zip(body, w)) % 11
    return body + "10X98765432"[s]

def pan():
    L = string.ascii_uppercase
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

def digits(n): return ''.join(R.choice(string.digits) for _ in range(n))

out = []
out.append("IRD: " + ", ".join(ird() for _ in range(14)))
out.append("NZBANK: " + ", ".join(nzbank() for _ in range(14)))
out.append("IBAN_DE: " + ", ".join(iban('DE', 18) for _ in range(3)))
out.append("IBAN_GB (NWBK sort): " + ", ".join(iban('GB', 0) if False else '' for _ in range(0)))
out.append("VISA: " + ", ".join(luhn('4') for _ in range(5)))
out.append("MC: " + ", ".join(luhn('5' + str(R.randint(1,5))) for _ in range(5)))
out.append("AADHAAR: " + ", ".join(aadhaar() for _ in range(6)))
out.append("CNID: " + ", ".join(cnid(r) for r in ['350181','350128','440183','330326','510722','450802']))
out.append("PAN: " + ", ".join(pan() for _ in range(5)))
out.append("NZ_MOB: " + ", ".join(R.choice(['021','022','027','029']) + ' ' + digits(3) + ' ' + digits(4) for _ in range(40)))
out.append("NZ_LAND: " + ", ".join('0' + R.choice('34679') + ' ' + digits(3) + ' ' + digits(4) for _ in range(10)))
out.append("PH_MOB: " + ", ".join('+63 9' + digits(2) + ' ' + digits(3) + ' ' + digits(4) for _ in range(8)))
out.append("FJ: " + ", ".join('+679 ' + R.choice('789') + digits(2) + ' ' + digits(4) for _ in range(6)))
out.append("WS: " + ", ".join('+685 7' + digits(1) + ' ' + digits(5) for _ in range(6)))
out.append("TO: " + ", ".join('+676 ' + R.choice('78') + digits(2) + ' ' + digits(4) for _ in range(6)))
out.append("IN: " + ", ".join('+91 ' + R.choice('6789') + digits(4) + ' ' + digits(5) for _ in range(8)))
out.append("VN: " + ", ".join('+84 9' + digits(1) + ' ' + digits(3) + ' ' + digits(4) for _ in range(5)))
out.append("CN: " + ", ".join('+86 13' + digits(1) + ' ' + digits(4) + ' ' + digits(4) for _ in range(5)))
out.append("KR: " + ", ".join('010-' + digits(4) + '-' + digits(4) for _ in range(5)))
out.append("ID: " + ", ".join('+62 812-' + digits(4) + '-' + digits(4) for _ in range(4)))
out.append("TH: " + ", ".join('+66 8' + digits(1) + ' ' + digits(3) + ' ' + digits(4) for _ in range(4)))
out.append("NP: " + ", ".join('+977 98' + digits(8) for _ in range(4)))
out.append("BD: " + ", ".join('+880 17' + digits(2) + '-' + digits(6) for _ in range(4)))
out.append("LK: " + ", ".join('+94 7' + digits(1) + ' ' + digits(3) + ' ' + digits(4) for _ in range(4)))
out.append("NZ_PASSPORT: " + ", ".join(R.choice(['LA','LH','LM','RA']) + digits(6) for _ in range(6)))
out.append("NZ_DL: " + ", ".join(R.choice(string.ascii_uppercase)+R.choice(string.ascii_uppercase) + digits(6) for _ in range(6)))
out.append("PH_PASSPORT: " + ", ".join('P' + digits(7) + R.choice('ABC') for _ in range(4)))
out.append("IN_PASSPORT: " + ", ".join(R.choice('JKLMNPRSTUVWZ') + digits(7) for _ in range(4)))
out.append("CN_PASSPORT: " + ", ".join('E' + digits(8) for _ in range(3)))
out.append("PLATE: " + ", ".join(R.choice(string.ascii_uppercase)+R.choice(string.ascii_uppercase)+R.choice(string.ascii_uppercase)+digits(3) for _ in range(10)))
out.append("IP: " + ", ".join(f"{R.choice([103,110,122,125,180,202,210,222])}.{R.randint(1,254)}.{R.randint(1,254)}.{R.randint(1,254)}" for _ in range(6)))
out.append("EMP: " + ", ".join(digits(5) for _ in range(8)))
open('numbers.txt','w').write("\n".join(l for l in out if not l.endswith(': ')) + "\n")
print(open('numbers.txt').read())
