"""Check-digit and shape validators shared by gen.py and build.py (set relay6)."""
import re
import unicodedata

# ---------------------------------------------------------------- helpers
WORD_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9",
}
MULT = {"double": 2, "triple": 3}


def to_ascii_digits(s):
    """Map digits of any script to ASCII; leave other characters alone."""
    out = []
    for ch in s:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return "".join(out)


def words_to_digits(s):
    """'oh two one double four' -> '02144'. Returns None when no number words."""
    toks = re.findall(r"[A-Za-z]+|\d", s.lower())
    out, mult, used = [], 1, False
    for t in toks:
        if t in MULT:
            mult = MULT[t]
            continue
        if t in WORD_DIGITS:
            out.append(WORD_DIGITS[t] * mult)
            used = True
        elif t.isdigit():
            out.append(t * mult)
        mult = 1
    return "".join(out) if used else None


def digits_of(s):
    s = to_ascii_digits(s)
    w = words_to_digits(s)
    if w is not None:
        return w
    return re.sub(r"\D", "", s)


MASK_RE = re.compile(r"[*xX•●#_]{2,}|\.\.\.|…")

# ---------------------------------------------------------------- NZ IRD
def ird_valid(num):
    d = re.sub(r"\D", "", num)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    d = d.zfill(9)
    base, check = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        s = sum(int(a) * b for a, b in zip(base, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


# ---------------------------------------------------------------- NZ bank
BANK_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "11": [(5000, 6499), (6600, 8999)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "15": [(3900, 3999)],
    "38": [(9000, 9499)],
}
W = {
    "A": [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "B": [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
}


def nz_bank_parts(s):
    m = re.fullmatch(r"\s*(\d{2})[\s\-–.]*(\d{4})[\s\-–.]*(\d{7,8})[\s\-–.]*(\d{2,4})\s*", s)
    if not m:
        return None
    return m.groups()


def nz_bank_valid(s):
    p = nz_bank_parts(to_ascii_digits(s))
    if not p:
        return False
    bank, branch, acct, suf = p
    if bank not in BANK_BRANCHES:
        return False
    br = int(branch)
    if not any(a <= br <= b for a, b in BANK_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    algo = "A" if int(acct8) < 990000 else "B"
    digits = bank + branch + acct8 + suf.zfill(4)
    s = sum(int(a) * b for a, b in zip(digits, W[algo]))
    return s % 11 == 0


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {"GB": 22, "ES": 24, "NL": 18, "FR": 27, "SA": 24, "AE": 23,
            "PK": 24, "DE": 22, "IE": 22, "PT": 25, "BR": 29, "JO": 30, "QA": 29}


def iban_valid(s):
    s = re.sub(r"[\s\-]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) not in (None, len(s)):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    n = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f"{cc}{chk:02d}{bban}"


# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    d = re.sub(r"\D", "", s)
    if not (12 <= len(d) <= 19):
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


# ---------------------------------------------------------------- Verhoeff
_VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
       [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
       [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
       [9,8,7,6,5,4,3,2,1,0]]
_VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
       [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,0,7,8,6],[4,2,8,6,5,7,3,9,0,1],
       [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_valid(s):
    d = re.sub(r"\D", "", s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_valid(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_valid(d)


def verhoeff_check(base):
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


# ---------------------------------------------------------------- China RIC
_CW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_check(base17):
    s = sum(int(a) * b for a, b in zip(base17, _CW))
    return "10X98765432"[s % 11]


def cn_id_valid(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    return cn_check(s[:17]) == s[17]


# ---------------------------------------------------------------- others
def pan_valid(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip()) is not None


def thai_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13 or d[0] == "0":
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


def krrn_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    tot = sum(int(a) * b for a, b in zip(d, w))
    return (11 - tot % 11) % 10 == int(d[12])


def cpf_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        r = tot * 10 % 11 % 10
        if r != int(d[n]):
            return False
    return True


def nie_valid(s):
    s = re.sub(r"[\s\-.]", "", s).upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    pre = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    n = int(pre + m.group(2))
    return "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23] == m.group(3)


_NHI_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nhi_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    vals = [_NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    tot = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2]))
    r = tot % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(s[6])


PH_PREFIXES = {"905", "906", "915", "916", "917", "926", "927", "935", "936",
               "945", "955", "956", "965", "966", "967", "975", "977", "995",
               "997", "907", "908", "909", "910", "912", "918", "919", "920",
               "921", "928", "929", "930", "938", "939", "946", "947", "948",
               "949", "950", "951", "961", "998", "999", "991", "992", "993",
               "994"}


def ph_mobile_valid(s):
    d = digits_of(s)
    if d.startswith("63"):
        d = d[2:]
    elif d.startswith("0"):
        d = d[1:]
    return len(d) == 10 and d[:3] in PH_PREFIXES


NZ_MOBILE = ("20", "21", "22", "27", "28", "29")
NZ_LAND = ("3", "4", "6", "7", "9")


def nz_phone_shape(d):
    """d: digits without leading 0 / 64. True when it looks like an NZ number."""
    if d[:2] in NZ_MOBILE:
        return 8 <= len(d) <= 10
    if d[:1] in NZ_LAND:
        return len(d) == 8
    return False


# ---------------------------------------------------------------- NZBN (GS1 GLN)
def gs1_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    tot = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d[:12]))
    return (10 - tot % 10) % 10 == int(d[12])
