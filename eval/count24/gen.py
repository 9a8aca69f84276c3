"""Seeded generator of invented identifiers that pass their check digits. Run: python3 gen.py > pool.txt"""
import random
R = random.Random(2424)
def luhn_ok(s):
    d=[int(c) for c in s][::-1]; t=0
    for i,x in enumerate(d):
        if i%2: x*=2; x-= 9 if x>9 else 0
        t+=x
    return t%10==0
def luhn_make(prefix,n):
    while True:
        s=prefix+''.join(R.choice('0123456789') for _ in range(n-len(prefix)-1))
        for c in '0123456789':
            if luhn_ok(s+c): return s+c
def ird_check(base8):
    w1=[3,2,7,6,5,4,3,2]; w2=[7,4,3,2,5,2,7,6]
    for w in (w1,w2):
        r=sum(int(a)*b for a,b in zip(base8,w))%11
        c=0 if r==0 else 11-r
        if c!=10: return c
    return None
def ird():
    while True:
        b=R.randint(1000000,14999999); s='%08d'%b; c=ird_check(s)
        if c is not None: return s+str(c)
V_D=[[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
V_P=[[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    c=0
    for i,ch in enumerate(reversed(s)): c=V_D[c][V_P[i%8][int(ch)]]
    return c==0
def aadhaar():
    while True:
        s=str(R.randint(2,9))+''.join(R.choice('0123456789') for _ in range(10))
        for d in '0123456789':
            if verhoeff_ok(s+d): return s+d
CN_W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def cn_check(s17): return '10X98765432'[sum(int(a)*b for a,b in zip(s17,CN_W))%11]
def cnid(region,dob):
    s=region+dob+'%03d'%R.randint(1,999); return s+cn_check(s)
def thai():
    s=str(R.randint(1,8))+''.join(R.choice('0123456789') for _ in range(11))
    c=(11-sum(int(s[i])*(13-i) for i in range(12))%11)%10; return s+str(c)
NZW_A=[0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
def nzbank():
    bank=R.choice(['01','02','03','06','12'])
    while True:
        br='%04d'%R.randint(100,989); acc='%07d'%R.randint(10000,989999); suf='%02d'%R.randint(0,5)
        digits=bank+br+'0'+acc+'00'+suf
        if sum(int(a)*b for a,b in zip(digits,NZW_A))%11==0: return f'{bank}-{br}-{acc}-{suf}'
def iban(cc,bban):
    num=''.join(str(int(c,36)) for c in bban+cc+'00'); ck=98-int(num)%97; return f'{cc}{ck:02d}{bban}'
L='ABCDEFGHJKLMNPRSTUVWXYZ'
def pan(surname_initial):
    return ''.join(R.choice(L) for _ in range(3))+'P'+surname_initial+'%04d'%R.randint(1,9999)+R.choice(L)
if __name__=='__main__':
  print('IRD', [ird() for _ in range(12)])
  print('AADHAAR', [aadhaar() for _ in range(8)])
  print('CNID', [cnid(r,d) for r,d in [('350181','19910317'),('440106','19880924'),('510322','19950602'),('230103','19790111'),('350582','20000729'),('412722','19860430')]])
  print('THAI', [thai() for _ in range(5)])
  print('NZBANK', [nzbank() for _ in range(14)])
  print('VISA', [luhn_make('4',16) for _ in range(4)], 'MC', [luhn_make('5'+str(R.randint(1,5)),16) for _ in range(3)])
  print('IBAN', iban('DE','37040044'+'%010d'%R.randint(1,10**10-1)), iban('ES','2100'+'0418'+'45'+'%010d'%R.randint(1,10**10-1)), iban('GB','NWBK601613'+'%08d'%R.randint(1,10**8-1)))
  print('PAN', [pan(c) for c in 'SKGR'])
