"""Seeded generator + checkers for identifiers with check digits (docs23).
Used by fill.py (draft tokens -> literal values) and build.py (re-checks)."""
import random, re

# ---------- checkers ----------
def ird_ok(s):
    d = re.sub(r'\D', '', s)
    if not 8 <= len(d) <= 9: return False
    n = int(d)
    if not 10_000_000 < n < 150_000_000: return False
    d = d.zfill(9); base, chk = d[:8], int(d[8])
    for w in ((3,2,7,6,5,4,3,2), (7,4,3,2,5,2,7,6)):
        r = sum(int(a)*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

NZ_A = (0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0)
NZ_B = (0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0)
def nzbank_ok(s):
    p = re.split(r'[- ]', s.strip())
    if len(p) != 4: return False
    b, br, ac, sf = p
    if b not in ('01','02','03','06','11','12','13','14','15','16','17','18','19','20','21','22','23','24','27','30','35','38'):
        return None  # other algorithms: not checked here
    full = b.zfill(2)+br.zfill(4)+ac.zfill(8)+sf.zfill(4)
    w = NZ_A if int(ac) < 990000 else NZ_B
    return sum(int(a)*x for a, x in zip(full, w)) % 11 == 0

def luhn_ok(s):
    d = re.sub(r'\D', '', s)
    t = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2: v = v*2 - 9 if v > 4 else v*2
        t += v
    return t % 10 == 0

def iban_ok(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s): return False
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_vi = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(re.sub(r'\D', '', s))):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0
def verhoeff_digit(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _vd[c][_vp[(i+1) % 8][int(ch)]]
    return str(_vi[c])

CN_W = (7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2)
def cnid_digit(s17): return '10X98765432'[sum(int(a)*b for a, b in zip(s17, CN_W)) % 11]
def cnid_ok(s): return len(s) == 18 and cnid_digit(s[:17]) == s[17].upper()

def cpf_digits(n9):
    d = [int(c) for c in n9]
    for k in (10, 11):
        r = sum(a*b for a, b in zip(d, range(k, 1, -1))) * 10 % 11
        d.append(0 if r == 10 else r)
    return ''.join(map(str, d[9:]))
def cpf_ok(s):
    d = re.sub(r'\D', '', s); return len(d) == 11 and cpf_digits(d[:9]) == d[9:]

CURP_AL = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'
def curp_digit(s17): return str((10 - sum(CURP_AL.index(c)*(18-i) for i, c in enumerate(s17)) % 10) % 10)
def curp_ok(s): return len(s) == 18 and curp_digit(s[:17]) == s[17]

def thid_digit(s12): return str((11 - sum(int(c)*(13-i) for i, c in enumerate(s12)) % 11) % 10)
def thid_ok(s):
    d = re.sub(r'\D', '', s); return len(d) == 13 and thid_digit(d[:12]) == d[12]

def rrn_digit(s12): return str((11 - sum(int(c)*w for c, w in zip(s12, (2,3,4,5,6,7,8,9,2,3,4,5))) % 11) % 10)
def rrn_ok(s):
    d = re.sub(r'\D', '', s); return len(d) == 13 and rrn_digit(d[:12]) == d[12]

def nric_letter(p, d7):
    t = sum(int(c)*w for c, w in zip(d7, (2,7,6,5,4,3,2))) + (4 if p in 'TG' else 0)
    return ('JZIHGFEDCBA' if p in 'ST' else 'XWUTRQPNMLK')[t % 11]
def nric_ok(s): return bool(re.fullmatch(r'[STFG]\d{7}[A-Z]', s)) and nric_letter(s[0], s[1:8]) == s[8]

DNI_L = 'TRWAGMYFPDXBNJZSQVHLCKE'
def dni_ok(s):
    s = s.replace('-', '').replace(' ', '').upper()
    m = re.fullmatch(r'([XYZ]?)(\d{7,8})([A-Z])', s)
    if not m: return False
    n = int(str('XYZ'.index(m[1])) + m[2] if m[1] else m[2])
    return DNI_L[n % 23] == m[3]

def tfn_ok(s):
    d = re.sub(r'\D', '', s)
    return len(d) == 9 and sum(int(c)*w for c, w in zip(d, (1,4,3,7,5,8,6,9,10))) % 11 == 0

def rut_dv(n):
    s, m = 0, 2
    for c in reversed(str(n)):
        s += int(c)*m; m = 2 if m == 7 else m+1
    r = 11 - s % 11
    return '0' if r == 11 else 'K' if r == 10 else str(r)
def rut_ok(s):
    m = re.fullmatch(r'([\d.]+)-([\dkK])', s)
    return bool(m) and rut_dv(int(m[1].replace('.', ''))) == m[2].upper()

def gs1_digit(s):
    t = sum(int(c)*(3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(s)))
    return str((10 - t % 10) % 10)
def nzbn_ok(s): d = re.sub(r'\D', '', s); return len(d) == 13 and gs1_digit(d[:12]) == d[12]

def mrz_val(c): return 0 if c == '<' else int(c) if c.isdigit() else ord(c)-55
def mrz_cd(s): return str(sum(mrz_val(c)*(7,3,1)[i % 3] for i, c in enumerate(s)) % 10)
def mrz2_ok(l):
    if len(l) != 44: return False
    ok = mrz_cd(l[0:9]) == l[9] and mrz_cd(l[13:19]) == l[19] and mrz_cd(l[21:27]) == l[27]
    ok = ok and (l[42] == '<' and set(l[28:42]) <= {'<'} or mrz_cd(l[28:42]) == l[42])
    return ok and mrz_cd(l[0:10]+l[13:20]+l[21:43]) == l[43]

# ---------- generators ----------
class Gen:
    def __init__(self, seed): self.r = random.Random(seed)
    def digits(self, n): return ''.join(self.r.choice('0123456789') for _ in range(n))
    def ird(self, fmt='dash'):
        while True:
            n = self.r.randint(20_000_000, 139_999_999); s = str(n)
            s = s[:-1]
            for c in '0123456789':
                if ird_ok(s + c): s += c; break
            else: continue
            d = s.zfill(9) if len(s) == 9 else s
            if fmt == 'plain': return d
            if fmt == 'sp': return f'{d[:-6]} {d[-6:-3]} {d[-3:]}'
            return f'{d[:-6]}-{d[-6:-3]}-{d[-3:]}'
    def nzbank(self, fmt='dash', bank=None):
        br_r = {'01': [(1, 999), (1100, 1199), (1800, 1899)], '02': [(1, 999), (1200, 1299)], '03': [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799)],
                '06': [(1, 999), (1400, 1499)], '12': [(3000, 3299), (3400, 3499), (3600, 3699)], '38': [(9000, 9499)]}
        b = bank or self.r.choice(list(br_r))
        while True:
            lo, hi = self.r.choice(br_r[b]); br = f'{self.r.randint(lo, hi):04d}'
            ac = f'{self.r.randint(100000, 989999):07d}'
            sf = self.r.choice(['00', '00', '01', '02', '25', '50', '000', '001'])
            v = f'{b}-{br}-{ac}-{sf}'
            if nzbank_ok(v): break
        return {'dash': v, 'sp': v.replace('-', ' '), 'plain': v.replace('-', '')}[fmt]
    def card(self, kind='visa', fmt='sp'):
        pre = {'visa': '4' + self.digits(5), 'mc': self.r.choice(['51', '52', '53', '54', '55']) + self.digits(4), 'amex': self.r.choice(['34', '37']) + self.digits(4), 'upi': '62' + self.digits(4)}[kind]
        ln = 15 if kind == 'amex' else 16
        body = pre + self.digits(ln - 1 - len(pre))
        for c in '0123456789':
            if luhn_ok(body + c): body += c; break
        if fmt == 'plain': return body
        if kind == 'amex': return f'{body[:4]} {body[4:10]} {body[10:]}'
        return ' '.join(body[i:i+4] for i in range(0, 16, 4)) if fmt == 'sp' else '-'.join(body[i:i+4] for i in range(0, 16, 4))
    IBAN_LEN = {'GB': ('A4', 14), 'DE': ('', 18), 'FR': ('', 23), 'ES': ('', 20), 'NL': ('A4', 10), 'AE': ('', 19), 'SA': ('', 20), 'PK': ('A4', 16), 'QA': ('A4', 21), 'IE': ('A4', 14), 'PT': ('', 21), 'IT': ('A1', 22), 'TR': ('', 22), 'UA': ('', 25), 'JO': ('A4', 22), 'KW': ('A4', 22)}
    def iban(self, cc, fmt='sp'):
        alpha, n = self.IBAN_LEN[cc]
        letters = {'GB': ['NWBK', 'BARC', 'MIDL', 'LOYD'], 'NL': ['INGB', 'ABNA', 'RABO'], 'PK': ['HABB', 'MUCB', 'UNIL'], 'QA': ['QNBA', 'DOHB'], 'IE': ['AIBK', 'BOFI'], 'JO': ['ARAB', 'HBHO'], 'KW': ['NBOK', 'KFHO']}
        if alpha == 'A4': bban = self.r.choice(letters[cc]) + self.digits(n)
        elif alpha == 'A1': bban = self.r.choice('ABCXZ') + self.digits(n)
        else: bban = self.digits(n)
        t = bban + cc + '00'
        cd = 98 - int(''.join(str(int(c, 36)) for c in t)) % 97
        s = f'{cc}{cd:02d}{bban}'
        assert iban_ok(s)
        return ' '.join(s[i:i+4] for i in range(0, len(s), 4)) if fmt == 'sp' else s
    def aadhaar(self, fmt='sp'):
        b = self.r.choice('23456789') + self.digits(10); s = b + verhoeff_digit(b)
        return f'{s[:4]} {s[4:8]} {s[8:]}' if fmt == 'sp' else s
    def pan(self, surname_initial='S', t='P'):
        L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
        return ''.join(self.r.choice(L) for _ in range(3)) + t + surname_initial + self.digits(4) + self.r.choice(L)
    def cnid(self, region='440106', dob='19900101', sex='M'):
        seq = self.digits(2); g = self.r.choice('13579' if sex == 'M' else '02468')
        s = region + dob + seq + g; return s + cnid_digit(s)
    def cpf(self):
        n = self.digits(9); d = n + cpf_digits(n); return f'{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}'
    def curp(self, s16): s = s16 + '0'; return s + curp_digit(s)
    def thid(self):
        s = self.r.choice('1358') + self.digits(11); s += thid_digit(s)
        return f'{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}'
    def rrn(self, yymmdd, g):
        s = yymmdd + g + self.digits(5); s += rrn_digit(s); return f'{s[:6]}-{s[6:]}'
    def nric(self, p='S'):
        d = self.digits(7); return p + d + nric_letter(p, d)
    def nie(self):
        p = self.r.choice('XY'); d = self.digits(7); n = int(str('XY'.index(p)) + d); return f'{p}{d}{DNI_L[n % 23]}'
    def dni(self):
        d = self.digits(8); return d + DNI_L[int(d) % 23]
    def tfn(self):
        while True:
            d = self.digits(9)
            if d[0] != '0' and tfn_ok(d): return f'{d[:3]} {d[3:6]} {d[6:]}'
    def rut(self):
        n = self.r.randint(10_000_000, 26_999_999); s = f'{n:,}'.replace(',', '.'); return f'{s}-{rut_dv(n)}'
    def nzbn(self):
        s = '9429' + self.digits(8); return s + gs1_digit(s)
    def mrz(self, typ, issuer, sur, given, docno, nat, dob, sex, exp, pers=''):
        name = sur.replace(' ', '<').replace('-', '<') + '<<' + given.replace(' ', '<').replace('-', '<')
        l1 = (typ + '<' + issuer + name).ljust(44, '<')[:44]
        dn = docno.ljust(9, '<')
        p = pers.ljust(14, '<')
        pcd = mrz_cd(p) if pers else '<'
        l2 = dn + mrz_cd(dn) + nat + dob + mrz_cd(dob) + sex + exp + mrz_cd(exp) + p + pcd
        l2 += mrz_cd(l2[0:10] + l2[13:20] + l2[21:43])
        assert mrz2_ok(l2)
        return l1, l2, len(typ) + 1 + len(issuer), len(name)

def mynumber_digit(s11):
    t = sum(int(c) * (n + 1 if n <= 6 else n - 5) for n, c in enumerate(reversed(s11), 1))
    r = t % 11
    return '0' if r <= 1 else str(11 - r)
def mynumber_ok(s):
    d = re.sub(r'\D', '', s); return len(d) == 12 and mynumber_digit(d[:11]) == d[11]
def _mynumber(self):
    s = self.digits(11); s += mynumber_digit(s); return f'{s[:4]} {s[4:8]} {s[8:]}'
Gen.mynumber = _mynumber

TW_L = dict(A=10,B=11,C=12,D=13,E=14,F=15,G=16,H=17,I=34,J=18,K=19,L=20,M=21,N=22,O=35,P=23,Q=24,R=25,S=26,T=27,U=28,V=29,W=32,X=30,Y=31,Z=33)
def twid_ok(s):
    if not re.fullmatch(r'[A-Z][12]\d{8}', s): return False
    v = TW_L[s[0]]; t = v // 10 + (v % 10) * 9 + sum(int(c) * w for c, w in zip(s[1:], (8,7,6,5,4,3,2,1,1)))
    return t % 10 == 0
def tckn_ok(s):
    d = [int(c) for c in s] if re.fullmatch(r'[1-9]\d{10}', s) else None
    if not d: return False
    return d[9] == ((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10) and d[10] == sum(d[:10]) % 10
def _twid(self, letter='A', sex='2'):
    while True:
        s = letter + sex + self.digits(8)
        if twid_ok(s): return s
def _tckn(self):
    d = [int(c) for c in self.r.choice('123456789') + self.digits(8)]
    d.append((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10); d.append(sum(d) % 10)
    return ''.join(map(str, d))
def _zaid(self, yymmdd, sex='M'):
    g = self.r.randint(5000, 9999) if sex == 'M' else self.r.randint(0, 4999)
    b = f'{yymmdd}{g:04d}08'
    for c in '0123456789':
        if luhn_ok(b + c): return b + c
Gen.twid = _twid; Gen.tckn = _tckn; Gen.zaid = _zaid
