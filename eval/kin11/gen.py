#!/usr/bin/env python3
"""Seeded generator of invented identifiers for the kin11 test set.
Every value is random; formats with a check digit are computed so they pass.
Run: python3 gen.py > generated.txt   (values are drawn by hand from that file)"""
import random, string
R = random.Random(1111)

def ird():
    while True:
        base = R.randint(10_000_000 // 10, 150_000_000 // 10)  # 8-digit base incl. leading
        b = f"{base:08d}"
        for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
            r = sum(int(d)*x for d,x in zip(b,w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10: break
        else:
            continue
        n = int(b + str(c))
        if 10_000_000 <= n <= 150_000_000:
            s = str(n)
            return s

NZW_A = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
BRANCH = {'01':(100,999),'02':(100,999),'03':(100,999),'06':(100,999),'12':(3000,3299),'38':(9000,9499)}
def nzbank():
    bank = R.choice(list(BRANCH))
    lo,hi = BRANCH[bank]
    while True:
        br = R.randint(lo,hi); acct = R.randint(100000, 989999); suf = R.choice([0,0,0,1,2,25,30,50])
        digits = f"{bank}{br:04d}{acct:08d}{suf:04d}"
        if sum(int(d)*w for d,w in zip(digits,NZW_A)) % 11 == 0:
            return f"{bank}-{br:04d}-{acct:07d}-{suf:02d}"

def luhn_complete(prefix, length):
    while True:
        body = prefix + ''.join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
        for c in string.digits:
            n = body + c
            s = 0
            for i, d in enumerate(reversed(n)):
                d = int(d)
                if i % 2: d = d*2 - 9 if d*2 > 9 else d*2
                s += d
            if s % 10 == 0:
                return n

# Verhoeff
D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
INV = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_check(num):
    c = 0
    for i, d in enumerate(reversed(num)):
        c = D[c][P[(i+1) % 8][int(d)]]
    return str(INV[c])
def aadhaar():
    b = str(R.randint(2,9)) + ''.join(R.choice(string.digits) for _ in range(10))
    n = b + verhoeff_check(b)
    return f"{n[:4]} {n[4:8]} {n[8:]}"

def cn_id():
    area = R.choice(['350583','350128','440981','441381','510322','410526','330327','450881','430524','350302'])
    y = R.randint(1970, 2001); m = R.randint(1,12); d = R.randint(1,28)
    body = f"{area}{y}{m:02d}{d:02d}{R.randint(1,999):03d}"
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return body + "10X98765432"[sum(int(a)*b for a,b in zip(body,w)) % 11]

def pan():
    L = string.ascii_uppercase
    return ''.join(R.choice(L) for _ in range(3)) + 'P' + R.choice(L) + f"{R.randint(1,9999):04d}" + R.choice(L)

def iban(cc, bban):
    num = ''.join(str(int(ch,36)) for ch in bban + cc + '00')
    ck = 98 - int(num) % 97
    s = f"{cc}{ck:02d}{bban}"
    return ' '.join(s[i:i+4] for i in range(0, len(s), 4))
def rnd(n): return ''.join(R.choice(string.digits) for _ in range(n))

def rut():
    n = R.randint(15_000_000, 21_999_999)
    s = 0; m = 2
    for d in reversed(str(n)):
        s += int(d)*m; m = 2 if m == 7 else m+1
    r = 11 - s % 11
    dv = '0' if r == 11 else 'K' if r == 10 else str(r)
    return f"{n:,}".replace(',', '.') + '-' + dv

def cpf():
    b = [R.randint(0,9) for _ in range(9)]
    for k in (10, 11):
        s = sum(d*w for d,w in zip(b, range(k, 1, -1)))
        r = s % 11; b.append(0 if r < 2 else 11 - r)
    s = ''.join(map(str,b))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"

def thai_id():
    b = [R.randint(1,8)] + [R.randint(0,9) for _ in range(11)]
    s = sum(d*w for d,w in zip(b, range(13,1,-1)))
    c = (11 - s % 11) % 10
    n = ''.join(map(str,b)) + str(c)
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"

out = []
def sec(t, f, n):
    out.append(f"## {t}")
    for _ in range(n): out.append(f())
sec('NZ IRD', ird, 30)
sec('NZ bank', nzbank, 40)
sec('Visa', lambda: luhn_complete('4'+rnd(5), 16), 8)
sec('Mastercard', lambda: luhn_complete('5'+str(R.randint(1,5))+rnd(4), 16), 8)
sec('UnionPay', lambda: luhn_complete('62'+rnd(4), R.choice([16,19])), 8)
sec('Aadhaar', aadhaar, 15)
sec('CN resident ID', cn_id, 15)
sec('PAN', pan, 8)
sec('IBAN DE', lambda: iban('DE', rnd(18)), 4)
sec('IBAN GB', lambda: iban('GB', R.choice(['NWBK','BARC','LOYD','MIDL']) + rnd(14)), 4)
sec('IBAN NL', lambda: iban('NL', R.choice(['INGB','RABO','ABNA']) + rnd(10)), 3)
sec('IBAN IE', lambda: iban('IE', 'AIBK' + rnd(14)), 2)
sec('RUT', rut, 5)
sec('CPF', cpf, 4)
sec('Thai ID', thai_id, 4)
sec('PH mobile', lambda: '0' + R.choice(['917','918','927','939','945','956','961','995','998','905','926','908']) + rnd(7), 25)
sec('IN mobile', lambda: R.choice('9876') + rnd(9), 20)
sec('CN mobile', lambda: '1' + R.choice(['38','39','59','86','37','58','88','35']) + rnd(8), 15)
sec('VN mobile', lambda: '0' + R.choice(['90','91','93','96','97','98','86','32','35','70']) + rnd(7), 12)
sec('ID mobile', lambda: '08' + R.choice(['12','13','21','22','52','53','57','77','78','95']) + rnd(R.choice([7,8])), 12)
sec('MM mobile', lambda: '09' + R.choice(['25','26','42','45','79','77','97','69']) + rnd(7), 10)
sec('NZ mobile', lambda: R.choice(['021','022','027','029','020']) + rnd(R.choice([6,7,7,7])), 40)
sec('NZ landline', lambda: R.choice(['03','04','06','07','09']) + ' ' + rnd(3) + ' ' + rnd(4), 15)
sec('WS mobile +685', lambda: R.choice(['72','75','76','77']) + rnd(5), 8)
sec('TO mobile +676', lambda: R.choice(['77','84','87','88']) + rnd(5), 8)
sec('VU mobile +678', lambda: R.choice(['54','55','57','77','73']) + rnd(5), 8)
sec('FJ mobile +679', lambda: R.choice(['7','8','9']) + rnd(6), 8)
sec('SB mobile +677', lambda: R.choice(['74','75','84','86']) + rnd(5), 6)
sec('KI mobile +686', lambda: R.choice(['73','63','72']) + rnd(6), 6)
sec('NP mobile', lambda: '98' + R.choice('0146') + rnd(7), 5)
sec('TH mobile', lambda: '0' + R.choice('689') + rnd(8), 5)
sec('KR mobile', lambda: '010' + rnd(8), 4)
sec('CL mobile +56 9', lambda: '9' + rnd(8), 4)
sec('BD mobile', lambda: '01' + R.choice('3789') + rnd(8), 4)
sec('LK mobile', lambda: '07' + R.choice('0125678') + rnd(7), 4)
sec('NZ plate', lambda: R.choice(['','','']) + ''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(3)) + rnd(3), 20)
sec('NZ passport', lambda: R.choice(['LA','LB','LC','LD','LE','LF','LH','RA']) + rnd(6), 6)
sec('NZ licence', lambda: ''.join(R.choice('ABCDEFGHJKLMNPRSTUWXYZ') for _ in range(2)) + rnd(6) + ' v' + rnd(3), 6)
sec('IN passport', lambda: R.choice('JKLMNPRSTUVW') + rnd(7), 6)
sec('PH passport', lambda: 'P' + rnd(7) + R.choice('ABC'), 6)
sec('CN passport', lambda: 'E' + rnd(8), 5)
sec('VN passport', lambda: R.choice('CBN') + rnd(7), 5)
sec('ID passport', lambda: R.choice(['C','X','E']) + rnd(7), 5)
sec('MM NRC', lambda: f"{R.randint(1,14)}/" + R.choice(['LaMaNa','KaMaYa','PaBaTa','TaMaNa','MaYaKa']) + '(N)' + rnd(6), 5)
sec('Pacific passport', lambda: R.choice(['FJ','TO','SA','RV','SB']) + rnd(6), 8)
sec('INZ client', lambda: rnd(8), 10)
sec('VN CCCD', lambda: '0' + R.choice(['01','38','40','42','36','34']) + R.choice('0123') + rnd(8), 6)
sec('ID NIK', lambda: R.choice(['3174','3273','3578','5171','3201','1371']) + rnd(2) + f"{R.randint(1,28)+R.choice([0,40]):02d}{R.randint(1,12):02d}{R.randint(75,99):02d}" + rnd(4), 6)
sec('IN bank acct', lambda: rnd(R.choice([11,12,14,16])), 8)
sec('IFSC', lambda: R.choice(['SBIN0','HDFC0','PUNB0','ICIC0','CNRB0']) + rnd(6), 6)
sec('PH bank acct', lambda: rnd(R.choice([10,12])), 6)
sec('VN bank acct', lambda: rnd(R.choice([10,13,14])), 6)
sec('ID bank acct', lambda: rnd(R.choice([10,15])), 6)
sec('IPv4', lambda: f"{R.choice([49,103,110,122,203,115,180,36])}.{R.randint(1,254)}.{R.randint(0,254)}.{R.randint(1,254)}", 8)
sec('DOB', lambda: f"{R.randint(1,28):02d}/{R.randint(1,12):02d}/{R.randint(1965,2004)}", 20)
print('\n'.join(out))
