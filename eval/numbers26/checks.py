"""Check-digit algorithms shared by gen.py (to make numbers) and build.py (to re-check).

All functions take a string of ASCII digits / letters (already normalised) and
return True/False.  `normalise_digits` folds other digit scripts to ASCII.
"""
import re
import unicodedata

# ---------------------------------------------------------------- digits

CJK_DIGITS = {"零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "幺": "1"}

EN_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "nil": "0",
            "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
            "six": "6", "seven": "7", "eight": "8", "nine": "9", "niner": "9"}


def normalise_digits(s):
    """Fold every Unicode decimal digit (Devanagari, Bengali, Thai, full-width ...)
    and Chinese numerals to ASCII; leave everything else alone."""
    out = []
    for ch in s:
        if ch in CJK_DIGITS:
            out.append(CJK_DIGITS[ch])
            continue
        if unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.digit(ch)))
            continue
        if "\uff21" <= ch <= "\uff3a":          # full-width A-Z
            out.append(chr(ord(ch) - 0xfee0))
            continue
        out.append(ch)
    return "".join(out)


def words_to_digits(s):
    """'oh two one, double four 5' -> '021445'.  Returns None if some token is
    neither a digit word nor digits (so the caller can skip the check)."""
    s = normalise_digits(s).lower()
    toks = re.findall(r"[a-z]+|\d+", s)
    out, mult = [], 1
    for t in toks:
        if t == "double":
            mult = 2
            continue
        if t == "triple":
            mult = 3
            continue
        if t.isdigit():
            out.append(t[0] * mult + t[1:])
        elif t in EN_WORDS:
            out.append(EN_WORDS[t] * mult)
        else:
            return None
        mult = 1
    return "".join(out)


def only_alnum(s):
    return re.sub(r"[^0-9A-Za-z]", "", normalise_digits(s)).upper()


# ---------------------------------------------------------------- NZ IRD

def ird_ok(d):
    d = re.sub(r"\D", "", d)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    d = d.zfill(9)
    base, check = d[:8], int(d[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            continue
        return c == check
    return False


# ---------------------------------------------------------------- NZ bank

NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "11": [(5000, 6499), (6600, 8999)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "15": [(3900, 3999)],
    "38": [(9000, 9499)],
}
NZ_W = {
    "A": (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0),
    "B": (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0),
}


def nz_bank_split(s):
    s = normalise_digits(s)
    parts = re.findall(r"\d+", s)
    if len(parts) == 4:
        b, br, acc, suf = parts
    else:
        d = "".join(parts)
        if len(d) not in (15, 16):
            return None
        b, br, acc, suf = d[:2], d[2:6], d[6:13], d[13:]
    if len(b) != 2 or len(br) != 4 or len(acc) not in (7, 8) or len(suf) not in (2, 3, 4):
        return None
    return b, br, acc, suf


def nz_bank_ok(s):
    p = nz_bank_split(s)
    if not p:
        return False
    b, br, acc, suf = p
    if b not in NZ_BRANCHES:
        return False
    if not any(lo <= int(br) <= hi for lo, hi in NZ_BRANCHES[b]):
        return False
    acc8 = acc.zfill(8)
    alg = "A" if int(acc8) < 990000 else "B"
    digits = b + br + acc8 + suf.zfill(4)
    return sum(int(x) * w for x, w in zip(digits, NZ_W[alg])) % 11 == 0


# ---------------------------------------------------------------- IBAN

IBAN_LEN = {"BR": 29, "CR": 22, "DO": 28, "DE": 22, "GT": 28, "GB": 22, "SV": 28, "FR": 27}


def iban_ok(s):
    s = only_alnum(s)
    if len(s) < 15 or not s[:2].isalpha():
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


# ---------------------------------------------------------------- Luhn

def luhn_ok(d):
    d = re.sub(r"\D", "", normalise_digits(d))
    if len(d) < 12:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


# ---------------------------------------------------------------- Verhoeff (Aadhaar)

_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]


def verhoeff_ok(d):
    d = re.sub(r"\D", "", normalise_digits(d))
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(d):
    d = re.sub(r"\D", "", normalise_digits(d))
    return len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


# ---------------------------------------------------------------- China resident ID

_CNW = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_id_ok(s):
    s = only_alnum(s)
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    r = sum(int(a) * b for a, b in zip(s[:17], _CNW)) % 11
    return "10X98765432"[r] == s[17]


# ---------------------------------------------------------------- India PAN (shape)

def pan_ok(s):
    s = only_alnum(s)
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s))


# ---------------------------------------------------------------- Thai national ID

def thai_id_ok(s):
    d = re.sub(r"\D", "", normalise_digits(s))
    if len(d) != 13:
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


# ---------------------------------------------------------------- Brazil CPF

def cpf_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (tot * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


# ---------------------------------------------------------------- NZ NHI (old format)

_NHI_ALPHA = "ABCDEFGHJKLMNPQRSTUVWXYZ"   # no I, no O


def nhi_ok(s):
    s = only_alnum(s)
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    vals = [_NHI_ALPHA.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    tot = sum(v * w for v, w in zip(vals, (7, 6, 5, 4, 3, 2)))
    r = tot % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(s[6])


# ---------------------------------------------------------------- MRZ (ICAO 9303)

def mrz_digit(s):
    w = (7, 3, 1)
    tot = 0
    for i, ch in enumerate(s):
        if ch.isdigit():
            v = int(ch)
        elif ch.isalpha():
            v = ord(ch) - 55
        else:
            v = 0
        tot += v * w[i % 3]
    return str(tot % 10)


def mrz_line2_ok(line):
    if len(line) != 44:
        return False
    return (mrz_digit(line[0:9]) == line[9] and mrz_digit(line[13:19]) == line[19]
            and mrz_digit(line[21:27]) == line[27]
            and mrz_digit(line[0:10] + line[13:20] + line[21:43]) == line[43])


# ---------------------------------------------------------------- Philippine mobile

PH_PREFIX = {"905", "906", "915", "916", "917", "926", "927", "935", "936", "945",
             "955", "956", "965", "966", "975", "977", "995", "997",
             "907", "908", "909", "910", "912", "918", "919", "920", "921", "928",
             "929", "930", "938", "939", "946", "947", "948", "949", "950", "951",
             "961", "998", "999", "991", "992", "993", "994"}


def ph_mobile_ok(s):
    d = re.sub(r"\D", "", normalise_digits(s))
    if d.startswith("63"):
        d = "0" + d[2:]
    return len(d) == 11 and d[:4].startswith("09") and d[1:4] in PH_PREFIX


# ---------------------------------------------------------------- Chile RUT (mod 11)

def rut_ok(s):
    s = re.sub(r"[^0-9kK]", "", s).upper()
    if len(s) < 8:
        return False
    body, dv = s[:-1], s[-1]
    tot, w = 0, 2
    for ch in reversed(body):
        tot += int(ch) * w
        w = 2 if w == 7 else w + 1
    r = 11 - tot % 11
    exp = "0" if r == 11 else "K" if r == 10 else str(r)
    return exp == dv


# ---------------------------------------------------------------- Korean resident registration number

def kr_rrn_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    w = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    tot = sum(int(a) * b for a, b in zip(d[:12], w))
    return (11 - tot % 11) % 10 == int(d[12])
