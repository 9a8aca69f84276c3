"""Seeded generator of invented identifiers with valid check digits (long28)."""
import random
R = random.Random(2828)

def ird():
    while True:
        base = R.randint(10000000, 149999999)
        s = str(base).zfill(9)[:8]
        b = [int(c) for c in s]
        w1 = [3,2,7,6,5,4,3,2]; w2 = [7,4,3,2,5,2,7,6]
        r = sum(x*y for x,y in zip(b,w1)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            r = sum(x*y for x,y in zip(b,w2)) % 11
            c = 0 if r == 0 else 11 - r
            if c == 10: continue
        n = s + str(c)
        n = n.lstrip('0')
        if len(n) == 8: n = '0' + n
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"

BR = {'01': [(1,999),(1100,1199),(1800,1899)], '02': [(1,999),(1200,1299)],
      '03': [(1,999),(1300,1399),(1500,1599),(1700,1799),(1900,1999)],
      '12': [(3000,3299),(3400,3499),(3600,3699)], '38': [(9000,9499)], '06': [(1,999),(1400,1499)]}
def nzbank(bank=None):
    bank = bank or R.choice(list(BR))
    while True:
        lo, hi = R.choice(BR[bank]); br = R.randint(lo, hi)
        acct = R.randint(10000, 989999)
        suf = R.choice([0,0,0,1,2,25,30,50])
        digits = bank + str(br).zfill(4) + str(acct).zfill(8) + str(suf).zfill(4)
        w = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
        if sum(int(d)*x for d,x in zip(digits,w)) % 11 == 0:
            return f"{bank}-{str(br).zfill(4)}-{str(acct).zfill(7)}-{str(suf).zfill(2 if suf<100 else 3)}"

def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    return sum(x if i%2==0 else (x*2-9 if x*2>9 else x*2) for i,x in enumerate(d)) % 10 == 0
def card(prefix='4', n=16):
    while True:
        s = prefix + ''.join(str(R.randint(0,9)) for _ in range(n-len(prefix)-1))
        for c in range(10):
            if luhn_ok(s+str(c)): return ' '.join((s+str(c))[i:i+4] for i in range(0,n,4))

def iban(cc, bban):
    def num(x): return ''.join(str(int(ch,36)) for ch in x)
    chk = 98 - int(num(bban + cc + '00')) % 97
    s = cc + str(chk).zfill(2) + bban
    return ' '.join(s[i:i+4] for i in range(0,len(s),4))

# Verhoeff
d_t = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
p_t = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
inv = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)): c = d_t[c][p_t[i%8][int(ch)]]
    return c == 0
def aadhaar():
    while True:
        s = str(R.randint(2,9)) + ''.join(str(R.randint(0,9)) for _ in range(10))
        for c in range(10):
            if verhoeff_ok(s+str(c)):
                t = s+str(c); return f"{t[:4]} {t[4:8]} {t[8:]}"

def cnid(area='350583', y=1990):
    dob = f"{y}{R.randint(1,12):02d}{R.randint(1,28):02d}"
    s = area + dob + f"{R.randint(0,999):03d}"
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    c = '10X98765432'[sum(int(a)*b for a,b in zip(s,w)) % 11]
    return s + c

def pan():
    L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

def nzmob():
    p = R.choice(['021','022','027','029','020'])
    n = ''.join(str(R.randint(0,9)) for _ in range(7 if p!='020' else 8))
    return f"{p} {n[:3]} {n[3:]}"
def phmob():
    return f"+63 9{R.randint(15,99)} {R.randint(100,999)} {R.randint(1000,9999)}"

if __name__ == '__main__':
    print('IRD', [ird() for _ in range(12)])
    for b in ['01','02','03','12','38','06']: print('BANK', b, [nzbank(b) for _ in range(3)])
    print('CARD visa', [card('4') for _ in range(4)]); print('CARD mc', [card('5'+str(R.randint(1,5))) for _ in range(3)])
    print('IBAN', iban('DE','370400440532013000'), iban('GB','NWBK60161331926819'), iban('FR','20041010050500013M02606'), iban('PH'[0:0]+'ES','21000418450200051332'))
    print('AADHAAR', [aadhaar() for _ in range(6)])
    print('CNID', [cnid(a, y) for a,y in [('350583',1988),('440882',1993),('510722',1985),('130621',1991)]])
    print('PAN', [pan() for _ in range(5)])
    print('NZMOB', [nzmob() for _ in range(30)])
    print('PHMOB', [phmob() for _ in range(8)])

def more():
    print('IRD2', [ird() for _ in range(30)])
    print('BANK2', [nzbank() for _ in range(30)])
    print('CARD2', [card(R.choice(['4','51','53','55'])) for _ in range(10)])
    def dg(n): return ''.join(str(R.randint(0,9)) for _ in range(n))
    print('IBAN2', [iban('DE', dg(18)), iban('GB', 'MIDL'+dg(14)), iban('ES', dg(20)), iban('FR', dg(23)), iban('PT', dg(21)), iban('AE', dg(19))])
    print('AADHAAR2', [aadhaar() for _ in range(4)])
    print('CNID2', [cnid('350128',1990), cnid('420102',1986), cnid('370211',1994)])
if __name__ == '__main__':
    more()
