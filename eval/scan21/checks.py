"""Check-digit and shape validators shared by gen.py and build.py (set scan21)."""
import re
import unicodedata

# ---------------------------------------------------------------- helpers

OCR_DIGIT = str.maketrans({'O': '0', 'o': '0', 'D': '0', 'Q': '0',
                           'l': '1', 'I': '1', '|': '1', 'i': '1', '!': '1',
                           'S': '5', 's': '5', 'B': '8', 'Z': '2', 'z': '2',
                           'G': '6', 'b': '6', 'g': '9', 'q': '9'})


def to_ascii_digits(s):
    """Map any Unicode decimal digit (Devanagari, Thai, Bengali, fullwidth ...) to ASCII."""
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


def digits_only(s, ocr=False):
    s = to_ascii_digits(s)
    if ocr:
        s = s.translate(OCR_DIGIT)
    return re.sub(r'\D', '', s)


# ---------------------------------------------------------------- NZ IRD

IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check_digit(base8):
    """base8: 8-digit string (leading zero padded). Returns check digit or None."""
    d = [int(c) for c in base8]
    for w in (IRD_W1, IRD_W2):
        r = sum(a * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(s):
    d = digits_only(s, ocr=True)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    c = ird_check_digit(d[:8])
    return c is not None and c == int(d[8])


# ---------------------------------------------------------------- NZ bank accounts

NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    8: [(6500, 6599)],
    10: [(5165, 5169)],
    11: [(5000, 6499), (6600, 8999)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    13: [(4900, 4999)], 14: [(4700, 4799)], 15: [(3900, 3999)],
    16: [(4400, 4499)], 17: [(3300, 3399)], 18: [(3500, 3599)],
    19: [(4600, 4649)], 20: [(4100, 4199)], 21: [(4800, 4899)],
    22: [(4000, 4049)], 23: [(3700, 3799)], 24: [(4300, 4349)],
    25: [(2500, 2599)], 27: [(3800, 3849)], 30: [(2900, 2949)],
    31: [(2800, 2849)], 38: [(9000, 9499)],
}
NZ_W = {
    'A': ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'B': ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    'C': ([3, 7, 0, 0, 0, 0, 9, 1, 10, 5, 3, 4, 2, 1, 0, 0, 0, 0], 11),
    'D': ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    'E': ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], 11),
    'F': ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
    'G': ([0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], 10),
}


def nz_bank_parts(s):
    s = to_ascii_digits(s).translate(OCR_DIGIT)
    m = re.fullmatch(r'\s*(\d{2})[\s\-.]*(\d{4})[\s\-.]*(\d{7,8})[\s\-.]*(\d{2,4})\s*', s)
    if not m:
        return None
    return m.groups()


def nz_bank_valid(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, base, suf = int(p[0]), int(p[1]), int(p[2]), int(p[3])
    if bank not in NZ_BRANCHES:
        return False
    if not any(a <= branch <= b for a, b in NZ_BRANCHES[bank]):
        return False
    if bank == 8:
        alg = 'D'
    elif bank == 9:
        alg = 'E'
    elif bank in (25, 33):
        alg = 'F'
    elif bank in (26, 28, 29):
        alg = 'G'
    elif bank == 31:
        return True
    else:
        alg = 'A' if base < 990000 else 'B'
    digits = f'{bank:02d}{branch:04d}{base:08d}{suf:04d}'
    w, mod = NZ_W[alg]
    if alg in ('E', 'G'):
        tot = 0
        for a, b in zip(digits, w):
            x = int(a) * b
            while x >= 10:
                x = sum(int(c) for c in str(x))
            tot += x
    else:
        tot = sum(int(a) * b for a, b in zip(digits, w))
    return tot % mod == 0


# ---------------------------------------------------------------- IBAN

def iban_valid(s):
    s = re.sub(r'[\s\-]', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', s):
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + '00'
    n = int(''.join(str(int(c, 36)) for c in r))
    return f'{cc}{98 - n % 97:02d}{bban}'


# ---------------------------------------------------------------- Luhn

def luhn_valid(s):
    d = digits_only(s, ocr=True)
    if not (12 <= len(d) <= 19):
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_digit(partial):
    for c in '0123456789':
        if luhn_valid(partial + c):
            return c


# ---------------------------------------------------------------- Verhoeff (Aadhaar)

V_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
V_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 8, 6, 0, 7], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
V_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = V_D[c][V_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = V_D[c][V_P[(i + 1) % 8][int(ch)]]
    return str(V_INV[c])


def aadhaar_valid(s):
    d = digits_only(s, ocr=True)
    return len(d) == 12 and d[0] not in '01' and verhoeff_valid(d)


# ---------------------------------------------------------------- China resident ID (ISO 7064 MOD 11-2)

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_MAP = '10X98765432'


def cn_id_digit(first17):
    return CN_MAP[sum(int(a) * b for a, b in zip(first17, CN_W)) % 11]


def cn_id_valid(s):
    s = to_ascii_digits(re.sub(r'\s', '', s)).upper()
    if not re.fullmatch(r'\d{17}[\dX]', s):
        return False
    import datetime
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return cn_id_digit(s[:17]) == s[17]


# ---------------------------------------------------------------- India PAN (shape)

def pan_valid(s):
    return re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', s.strip()) is not None


# ---------------------------------------------------------------- Thai national ID (mod 11)

def thai_id_digit(first12):
    return str((11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10)


def thai_id_valid(s):
    d = digits_only(s)
    return len(d) == 13 and d[0] != '0' and thai_id_digit(d[:12]) == d[12]


# ---------------------------------------------------------------- ICAO 9303 MRZ

def mrz_char(c):
    if c.isdigit():
        return int(c)
    if c == '<':
        return 0
    return ord(c) - 55


def mrz_cd(field):
    w = [7, 3, 1]
    return str(sum(mrz_char(c) * w[i % 3] for i, c in enumerate(field)) % 10)


def mrz_td3_line2_valid(line):
    line = line.strip()
    if len(line) != 44:
        return False
    if mrz_cd(line[0:9]) != line[9]:
        return False
    if mrz_cd(line[13:19]) != line[19]:
        return False
    if mrz_cd(line[21:27]) != line[27]:
        return False
    if line[28:42].strip('<') == '':
        if line[42] not in '<0':
            return False
    elif mrz_cd(line[28:42]) != line[42]:
        return False
    comp = line[0:10] + line[13:20] + line[21:43]
    return mrz_cd(comp) == line[43]


def mrz_td3_line2(docno, nat, dob, sex, exp, optional=''):
    docno = (docno + '<' * 9)[:9]
    opt = (optional + '<' * 14)[:14]
    opt_cd = mrz_cd(opt) if optional else '<'
    l = docno + mrz_cd(docno) + nat + dob + mrz_cd(dob) + sex + exp + mrz_cd(exp) + opt + opt_cd
    return l + mrz_cd(l[0:10] + l[13:20] + l[21:43])


# ---------------------------------------------------------------- phones (shape)

def nz_phone_valid(s):
    d = digits_only(s, ocr=True)
    if d.startswith('0064'):
        d = '0' + d[4:]
    elif d.startswith('64'):
        d = '0' + d[2:]
    if re.fullmatch(r'02[0-9]\d{6,8}', d):
        return True
    if re.fullmatch(r'0[34679][2-9]\d{6}', d):
        return True
    return False


def ph_mobile_valid(s):
    d = digits_only(s, ocr=True)
    if d.startswith('63'):
        d = '0' + d[2:]
    return re.fullmatch(r'09\d{9}', d) is not None
