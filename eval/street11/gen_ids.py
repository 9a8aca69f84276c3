#!/usr/bin/env python3
"""Seeded generator for invented identifiers used in street11. All values are random
and invented; those with check digits are computed to pass them. Output: pool.txt"""
import random, string
R = random.Random(1111)

def ird():
    w1=[3,2,7,6,5,4,3,2]; w2=[7,4,3,2,5,2,7,6]
    while True:
        base=R.randint(10_000_000,149_999_999)//10
        d=[int(c) for c in f"{base:08d}"]
        for w in (w1,w2):
            r=sum(a*b for a,b in zip(d,w))%11
            c=0 if r==0 else 11-r
            if c<10: break
        else: continue
        s=f"{base:08d}{c}"
        return f"{s[0:3]}-{s[3:6]}-{s[6:9]}"

BR={'01':(100,999),'02':(100,999),'03':(100,999),'06':(100,999),'12':(3000,3299),'38':(9000,9499)}
def nzbank():
    wA=[6,3,7,9,0,0,10,5,8,4,2,1]
    while True:
        b=R.choice(list(BR)); lo,hi=BR[b]; br=R.randint(lo,hi)
        acct=R.randint(10000,98999)*10
        digs=[int(c) for c in f"{br:04d}{acct:08d}"]
        s=sum(a*b for a,b in zip(digs,wA))%11
        need=(11-s)%11
        if need>9: continue
        acct+=need
        assert sum(a*b for a,b in zip([int(c) for c in f"{br:04d}{acct:08d}"],wA))%11==0
        return f"{b}-{br:04d}-{acct:07d}-{R.randint(0,5):02d}"

def iban(cc,length,alpha_prefix=0):
    bban=''.join(R.choice(string.ascii_uppercase) for _ in range(alpha_prefix))+''.join(R.choice(string.digits) for _ in range(length-4-alpha_prefix))
    num=''.join(str(int(ch,36)) for ch in bban+cc+'00')
    chk=98-int(num)%97
    s=f"{cc}{chk:02d}{bban}"
    return ' '.join(s[i:i+4] for i in range(0,len(s),4))

def luhn(prefix,n=16):
    d=prefix+''.join(R.choice(string.digits) for _ in range(n-len(prefix)-1))
    tot=0
    for i,ch in enumerate(reversed(d)):
        v=int(ch)
        if i%2==0:
            v*=2
            if v>9: v-=9
        tot+=v
    c=(10-tot%10)%10
    s=d+str(c)
    return ' '.join(s[i:i+4] for i in range(0,16,4))

vd=[[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
vp=[[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
vinv=[0,4,3,2,1,5,6,7,8,9]
def aadhaar():
    d=str(R.randint(2,9))+''.join(R.choice(string.digits) for _ in range(10))
    c=0
    for i,ch in enumerate(reversed(d)):
        c=vd[c][vp[(i+1)%8][int(ch)]]
    s=d+str(vinv[c])
    return f"{s[:4]} {s[4:8]} {s[8:]}"

def cnid(area,y,m,dd):
    b=f"{area}{y:04d}{m:02d}{dd:02d}{R.randint(1,999):03d}"
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return b+"10X98765432"[sum(int(a)*x for a,x in zip(b,w))%11]

def pan():
    L=string.ascii_uppercase
    return ''.join(R.choice(L) for _ in range(3))+'P'+R.choice(L)+f"{R.randint(1,9999):04d}"+R.choice(L)

NL=[c for c in string.ascii_uppercase if c not in 'IO']
def nhi():
    while True:
        a=''.join(R.choice(NL) for _ in range(3)); n=f"{R.randint(0,999):03d}"
        vals=[NL.index(c)+1 for c in a]+[int(c) for c in n]
        s=sum(v*w for v,w in zip(vals,[7,6,5,4,3,2]))%11
        if s==0: continue
        c=11-s
        if c==10: c=0
        return a+n+str(c)

out=[]
out.append("IRD: "+" | ".join(ird() for _ in range(14)))
out.append("NZBANK: "+" | ".join(nzbank() for _ in range(20)))
for cc,l,a in [('DE',22,0),('GB',22,4),('ES',24,0),('PT',25,0),('BR',29,0),('SA',24,0),('AE',23,0),('JO',30,4),('PK',24,4),('FR',27,0),('TR',26,0),('NL',18,4)]:
    out.append(f"IBAN {cc}: "+" | ".join(iban(cc,l,a) for _ in range(2)))
out.append("CARD VISA: "+" | ".join(luhn('4') for _ in range(6)))
out.append("CARD MC: "+" | ".join(luhn('5'+str(R.randint(1,5))) for _ in range(4)))
out.append("AADHAAR: "+" | ".join(aadhaar() for _ in range(6)))
out.append("CNID: "+" | ".join(cnid(a,y,m,d) for a,y,m,d in [('350181',1991,3,14),('440882',1988,11,2),('130102',1996,7,25),('510623',1985,1,9),('350583',1993,9,30)]))
out.append("PAN: "+" | ".join(pan() for _ in range(5)))
out.append("NHI: "+" | ".join(nhi() for _ in range(5)))
def digs(n): return ''.join(R.choice(string.digits) for _ in range(n))
out.append("NZMOB: "+" | ".join(R.choice(['021','022','027','029','020'])+' '+digs(3)+' '+digs(4) for _ in range(60)))
out.append("NZLAND: "+" | ".join(f"0{R.choice([3,4,6,7,9])} {R.randint(2,9)}{digs(2)} {digs(4)}" for _ in range(20)))
out.append("PH: "+" | ".join('+63 9'+digs(2)+' '+digs(3)+' '+digs(4) for _ in range(8)))
out.append("PLATE: "+" | ".join(''.join(R.choice(NL) for _ in range(3))+digs(3) for _ in range(20)))
out.append("DL: "+" | ".join(''.join(R.choice(NL) for _ in range(2))+digs(6) for _ in range(8)))
out.append("PASSPORT: "+" | ".join(R.choice(['L','P','E','N','K','Z'])+''.join(R.choice(NL) for _ in range(R.choice([0,1])))+digs(7) for _ in range(12)))
out.append("INZCLIENT: "+" | ".join(digs(8) for _ in range(8)))
out.append("IP: "+" | ".join(f"{R.choice([103,115,125,202,122,49,110])}.{R.randint(1,254)}.{R.randint(1,254)}.{R.randint(1,254)}" for _ in range(6)))
open('pool.txt','w').write('\n'.join(out)+'\n')
print('\n'.join(out))
