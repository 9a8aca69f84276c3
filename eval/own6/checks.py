"""Check-digit and shape validators used by gen.py (to make numbers) and
build.py (to re-check every labelled span). Invented data only."""
import hashlib
import re
import unicodedata

# ---------------------------------------------------------------- digits
def to_ascii_digits(s):
    """Map any Unicode decimal digit (Devanagari, Bengali, Thai, Khmer,
    Arabic-Indic, fullwidth ...) to ASCII."""
    out = []
    for ch in s:
        if ch.isdigit() and not ('0' <= ch <= '9'):
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return ''.join(out)


def digits(s):
    return re.sub(r'\D', '', to_ascii_digits(s))


# ---------------------------------------------------------------- NZ IRD
def ird_valid(s):
    d = digits(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    base, check = d[:-1].zfill(8), int(d[-1])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            continue
        return c == check
    return False


# ---------------------------------------------------------------- NZ bank account
_W = {
    'A': ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'B': ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'D': ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    'F': ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
}
_AB_BANKS = {1, 2, 3, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
             24, 27, 30, 35, 38}


def nzbank_parts(s):
    s = to_ascii_digits(s)
    m = re.fullmatch(r'\s*(\d{2})[\s\-]?(\d{4})[\s\-]?(\d{7,8})[\s\-]?(\d{2,4})\s*', s)
    return m.groups() if m else None


def nzbank_valid(s):
    p = nzbank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    b = int(bank)
    acct8 = acct.zfill(8)
    if b in _AB_BANKS:
        alg = 'A' if int(acct8) < 990000 else 'B'
    elif b == 8:
        alg = 'D'
    elif b in (25, 33):
        alg = 'F'
    else:
        return False
    full = bank + branch + acct8 + suf.zfill(4)
    w, m = _W[alg]
    return sum(int(a) * x for a, x in zip(full, w)) % m == 0


# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    d = digits(s)
    if len(d) < 12:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


def luhn_complete(partial):
    for c in '0123456789':
        if luhn_valid(partial + c):
            return partial + c


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_vd = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
       [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
       [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
       [9,8,7,6,5,4,3,2,1,0]]
_vp = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
       [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
       [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_vinv = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_valid(s):
    c = 0
    for i, ch in enumerate(reversed(digits(s))):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0


def verhoeff_complete(partial):
    c = 0
    for i, ch in enumerate(reversed(partial)):
        c = _vd[c][_vp[(i + 1) % 8][int(ch)]]
    return partial + str(_vinv[c])


def aadhaar_valid(s):
    d = digits(s)
    return len(d) == 12 and d[0] not in '01' and verhoeff_valid(d)


# ---------------------------------------------------------------- China resident ID
def cnid_valid(s):
    s = to_ascii_digits(s).replace(' ', '').upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    r = sum(int(a) * b for a, b in zip(s[:17], w)) % 11
    return '10X98765432'[r] == s[17]


def cnid_complete(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    r = sum(int(a) * b for a, b in zip(s17, w)) % 11
    return s17 + '10X98765432'[r]


# ---------------------------------------------------------------- India PAN (shape)
def pan_valid(s):
    return bool(re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip().upper()))


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {'AE': 23, 'BR': 29, 'DE': 22, 'ES': 24, 'GB': 22, 'PK': 24,
            'SA': 24, 'JO': 30, 'FR': 27, 'NL': 18}


def iban_valid(s):
    s = s.replace(' ', '').upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]+', s):
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def iban_complete(cc, bban):
    r = bban + cc + '00'
    n = ''.join(str(int(ch, 36)) for ch in r)
    chk = 98 - int(n) % 97
    return f'{cc}{chk:02d}{bban}'


# ---------------------------------------------------------------- NZ NHI (old AAANNNC)
_NHI_L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'


def nhi_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', s):
        return False
    vals = [_NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    tot = sum(v * w for v, w in zip(vals, (7, 6, 5, 4, 3, 2))) % 11
    if tot == 0:
        return False
    c = 11 - tot
    if c == 10:
        c = 0
    return c == int(s[6])


# ---------------------------------------------------------------- Korea RRN
def krrrn_valid(s):
    d = digits(s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(d[:12], w)) % 11) % 10
    return c == int(d[12])


# ---------------------------------------------------------------- Thai ID
def thid_valid(s):
    d = digits(s)
    if len(d) != 13:
        return False
    c = (11 - sum(int(d[i]) * (13 - i) for i in range(12)) % 11) % 10
    return c == int(d[12])


# ---------------------------------------------------------------- Brazil CPF
def cpf_valid(s):
    d = digits(s)
    if len(d) != 11 or d == d[0] * 11:
        return False
    for n in (9, 10):
        t = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (t * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


# ---------------------------------------------------------------- Chile RUT
def rut_valid(s):
    s = s.replace('.', '').replace(' ', '').upper()
    m = re.fullmatch(r'(\d{7,8})-?([\dK])', s)
    if not m:
        return False
    body, dv = m.groups()
    tot, f = 0, 2
    for ch in reversed(body):
        tot += int(ch) * f
        f = 2 if f == 7 else f + 1
    r = 11 - tot % 11
    exp = '0' if r == 11 else 'K' if r == 10 else str(r)
    return exp == dv


# ---------------------------------------------------------------- Spain NIE/DNI
def dni_valid(s):
    s = s.replace('-', '').replace(' ', '').upper()
    m = re.fullmatch(r'([XYZ]?)(\d{7,8})([A-Z])', s)
    if not m:
        return False
    pre, num, let = m.groups()
    n = int({'': '', 'X': '0', 'Y': '1', 'Z': '2'}[pre] + num)
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] == let


# ---------------------------------------------------------------- ICAO MRZ check digit
def mrz_digit(field):
    val = {**{str(i): i for i in range(10)},
           **{chr(65 + i): 10 + i for i in range(26)}, '<': 0}
    w = (7, 3, 1)
    return str(sum(val[c] * w[i % 3] for i, c in enumerate(field)) % 10)


def mrz_td3_valid(line2):
    """Passport MRZ line 2 (44 chars)."""
    if len(line2) != 44:
        return False
    ok = mrz_digit(line2[0:9]) == line2[9]
    ok &= mrz_digit(line2[13:19]) == line2[19]
    ok &= mrz_digit(line2[21:27]) == line2[27]
    comp = line2[0:10] + line2[13:20] + line2[21:43]
    ok &= mrz_digit(comp) == line2[43]
    return ok


# ---------------------------------------------------------------- base58check (TRON USDT)
_B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'


def b58check_valid(s):
    n = 0
    for ch in s:
        if ch not in _B58:
            return False
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes(25, 'big') if n.bit_length() <= 200 else None
    if raw is None:
        return False
    body, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == chk


def b58check_encode(payload):
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, 'big')
    out = ''
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    pad = len(raw) - len(raw.lstrip(b'\0'))
    return '1' * pad + out


# ---------------------------------------------------------------- phones (shape)
def phone_check(s):
    """Return (ok, country) for a phone written with digits (any script).
    Numbers spelled in words are not checked (returns (None, 'words'))."""
    d = digits(s)
    raw = to_ascii_digits(s)
    if len(d) < 6:
        return (None, 'partial/words')
    intl = raw.strip().startswith('+') or d.startswith('00')
    if d.startswith('00'):
        d = d[2:]
    def nz(n):  # national significant, no leading 0
        if re.fullmatch(r'2[0-9]\d{6,8}', n):
            return n[:2] in ('20', '21', '22', '27', '28', '29')
        if re.fullmatch(r'[34679][2-9]\d{6}', n):
            return True
        return False
    cc_rules = [
        ('64', 'NZ', nz),
        ('63', 'PH', lambda n: re.fullmatch(r'9\d{9}', n) is not None),
        ('91', 'IN', lambda n: re.fullmatch(r'[6-9]\d{9}', n) is not None),
        ('86', 'CN', lambda n: re.fullmatch(r'1[3-9]\d{9}', n) is not None),
        ('84', 'VN', lambda n: re.fullmatch(r'[35789]\d{8}', n) is not None),
        ('62', 'ID', lambda n: re.fullmatch(r'8\d{8,11}', n) is not None),
        ('66', 'TH', lambda n: re.fullmatch(r'[689]\d{8}', n) is not None),
        ('855', 'KH', lambda n: re.fullmatch(r'[1-9]\d{7,8}', n) is not None),
        ('977', 'NP', lambda n: re.fullmatch(r'9[78]\d{8}', n) is not None),
        ('880', 'BD', lambda n: re.fullmatch(r'1[3-9]\d{8}', n) is not None),
        ('94', 'LK', lambda n: re.fullmatch(r'7\d{8}', n) is not None),
        ('82', 'KR', lambda n: re.fullmatch(r'10\d{8}', n) is not None),
        ('685', 'WS', lambda n: re.fullmatch(r'7[2-8]\d{5}|[2-6]\d{4}', n) is not None),
        ('676', 'TO', lambda n: re.fullmatch(r'[78]\d{6}|[2-5]\d{4}', n) is not None),
        ('679', 'FJ', lambda n: re.fullmatch(r'[2-9]\d{6}', n) is not None),
        ('61', 'AU', lambda n: re.fullmatch(r'4\d{8}|[2378]\d{8}', n) is not None),
        ('56', 'CL', lambda n: re.fullmatch(r'9\d{8}', n) is not None),
        ('54', 'AR', lambda n: re.fullmatch(r'9\d{10}|\d{10}', n) is not None),
        ('55', 'BR', lambda n: re.fullmatch(r'\d{2}9\d{8}', n) is not None),
        ('52', 'MX', lambda n: re.fullmatch(r'\d{10}', n) is not None),
        ('7', 'RU', lambda n: re.fullmatch(r'9\d{9}', n) is not None),
        ('20', 'EG', lambda n: re.fullmatch(r'1[0125]\d{8}', n) is not None),
        ('962', 'JO', lambda n: re.fullmatch(r'7[789]\d{7}', n) is not None),
        ('92', 'PK', lambda n: re.fullmatch(r'3\d{9}', n) is not None),
        ('60', 'MY', lambda n: re.fullmatch(r'1\d{8,9}', n) is not None),
        ('95', 'MM', lambda n: re.fullmatch(r'9\d{7,9}', n) is not None),
        ('81', 'JP', lambda n: re.fullmatch(r'[789]0\d{8}', n) is not None),
        ('686', 'KI', lambda n: re.fullmatch(r'7\d{7}', n) is not None),
        ('678', 'VU', lambda n: re.fullmatch(r'[57]\d{6}', n) is not None),
        ('886', 'TW', lambda n: re.fullmatch(r'9\d{8}', n) is not None),
        ('852', 'HK', lambda n: re.fullmatch(r'[5689]\d{7}', n) is not None),
        ('44', 'GB', lambda n: re.fullmatch(r'7\d{9}', n) is not None),
        ('34', 'ES', lambda n: re.fullmatch(r'[67]\d{8}', n) is not None),
    ]
    if intl or (not d.startswith('0') and len(d) > 10):
        for cc, name, f in sorted(cc_rules, key=lambda r: -len(r[0])):
            if d.startswith(cc):
                n = d[len(cc):]
                if n.startswith('0'):
                    n = n[1:]
                return (bool(f(n)), name)
        return (False, 'unknown-cc')
    # national forms
    if d.startswith('0800') or d.startswith('0508'):
        return (True, 'NZ-free')
    if re.fullmatch(r'09\d{9}', d):  # PH national 09xx xxx xxxx
        return (True, 'PH/VN-national')
    if d.startswith('0'):
        if nz(d[1:]):
            return (True, 'NZ')
        if re.fullmatch(r'0[35789]\d{8}', d):
            return (True, 'VN/TH-national')
        if re.fullmatch(r'08\d{8,11}', d):
            return (True, 'ID-national')
        if re.fullmatch(r'010\d{8}', d):
            return (True, 'KR-national')
        if re.fullmatch(r'01[3-9]\d{8}', d):
            return (True, 'BD-national')
        if re.fullmatch(r'07\d{8}', d):
            return (True, 'LK-national')
        if re.fullmatch(r'04\d{8}', d):
            return (True, 'AU-national')
        return (False, 'national?')
    if re.fullmatch(r'1[3-9]\d{9}', d):
        return (True, 'CN-national')
    if re.fullmatch(r'[6-9]\d{9}', d):
        return (True, 'IN-national')
    if re.fullmatch(r'9[78]\d{8}', d):
        return (True, 'NP-national')
    if re.fullmatch(r'[78]\d{6}|7[2-8]\d{5}', d):
        return (True, 'TO/WS/FJ-local')
    if re.fullmatch(r'2[0-9]\d{6,8}', d):
        return (nz(d), 'NZ-no0')
    return (False, 'unknown')


# ---------------------------------------------------------------- numbers in words
WORD_DIGITS = {}
for d, ws in enumerate([
        'zero oh o nought selo sero shunya shoonya sifar kore không nol cero ноль 零 〇 ศูนย์ 영 공 zéro',
        'one ek isa tasi taha tahi một satu uno um один 一 幺 หนึ่ง 일 un',
        'two do dalawa lua ua rua hai dua dos dois два 二 两 สอง 이 deux',
        'three teen tin tatlo tolu toru ba tiga tres três три 三 สาม 삼 trois',
        'four char chaar apat fa fā whā bốn empat cuatro quatro четыре 四 สี่ 사 quatre',
        'five paanch panch lima nima rima năm cinco пять 五 ห้า 오 cinq',
        'six chhe chhah che anim ono sáu enam seis шесть 六 หก 육 six',
        'seven saat pito fitu whitu bảy tujuh siete sete семь 七 เจ็ด 칠 sept',
        'eight aath walo valu waru tám delapan ocho oito восемь 八 แปด 팔 huit',
        'nine nau siyam iva hiva chín sembilan nueve nove девять 九 เก้า 구 neuf']):
    for w in ws.split():
        WORD_DIGITS.setdefault(w.lower(), str(d))


def words_to_digits(s):
    """Turn a number written in words (several languages) into digits;
    handles 'double'/'triple'.  Returns '' if nothing sensible."""
    s = to_ascii_digits(s)
    toks = re.findall(r'\d|[\u4e00-\u9fff〇]|[^\W\d_\u4e00-\u9fff〇]+', s.lower())
    out, mult = [], 1
    for t in toks:
        if t.isdigit():
            out.append(t * mult); mult = 1; continue
        if t in ('double', 'dabel'):
            mult = 2; continue
        if t in ('triple',):
            mult = 3; continue
        if t in WORD_DIGITS:
            out.append(WORD_DIGITS[t] * mult); mult = 1; continue
        if re.fullmatch(r'[\u4e00-\u9fff〇]', t):
            return ''
    return ''.join(out)
