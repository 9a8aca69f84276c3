"""Check-digit validators for the cases9 test set.

Used by gen.py (to assert what it generates) and by build.py (to re-check every
span in source.txt).  Each validator takes the span text as written (spaces,
dashes, dots, other digit scripts allowed) and returns True/False.
"""
import hashlib
import re
import unicodedata
from datetime import date


def norm_digits(s):
    """Map digits of any script to ASCII and drop everything that is not
    [0-9A-Za-z<]."""
    out = []
    for ch in s:
        if ch.isdigit() or unicodedata.category(ch) == "Nd":
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        if ch.isascii() and (ch.isalnum() or ch == "<"):
            out.append(ch)
        elif ch in "０１２３４５６７８９":
            out.append(str("０１２３４５６７８９".index(ch)))
    return "".join(out)


# ---------------------------------------------------------------- NZ IRD
def ird_valid(s):
    d = norm_digits(s)
    if not d.isdigit() or len(d) not in (8, 9):
        return False
    if not (10_000_000 <= int(d) <= 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = d[:8], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


# ---------------------------------------------------------------- NZ bank
NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    15: [(3900, 3999)],
    38: [(9000, 9499)],
}
NZ_W = {
    "A": [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "B": [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "D": [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0],
    "F": [0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0],
}
NZ_MOD = {"A": 11, "B": 11, "D": 11, "F": 10}


def nzbank_parts(s):
    parts = [p for p in re.split(r"[\s\-.]+", s.strip()) if p]
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        return parts
    d = norm_digits(s)
    if d.isdigit() and len(d) in (15, 16, 17):
        return [d[:2], d[2:6], d[6:13], d[13:]]
    return None


def nzbank_valid(s):
    p = nzbank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    if len(bank) != 2 or len(branch) != 4 or len(acct) not in (7, 8) or len(suf) not in (2, 3, 4):
        return False
    b, br = int(bank), int(branch)
    if b in NZ_BRANCHES and not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[b]):
        return False
    acct8 = acct.zfill(8)
    if b == 8:
        alg = "D"
    elif b in (25, 33):
        alg = "F"
    elif b == 31:
        return True
    elif b in (9, 26, 28, 29):
        return False  # not used in this set
    else:
        alg = "A" if int(acct8) < 990000 else "B"
    digits = bank + branch + acct8 + suf.zfill(4)
    tot = sum(int(x) * w for x, w in zip(digits, NZ_W[alg]))
    return tot % NZ_MOD[alg] == 0


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "PK": 24, "AE": 23, "SA": 24,
            "BR": 29, "QA": 29, "JO": 30, "IE": 22, "NL": 18, "PT": 25, "TR": 26,
            "KW": 30, "BH": 22, "UA": 29, "RO": 24, "PL": 28}


def iban_valid(s):
    d = re.sub(r"[\s\-]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", d):
        return False
    if d[:2] in IBAN_LEN and len(d) != IBAN_LEN[d[:2]]:
        return False
    r = d[4:] + d[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


# ---------------------------------------------------------------- Luhn
def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def card_valid(s):
    d = norm_digits(s)
    return d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)


def imei_valid(s):
    d = norm_digits(s)
    return d.isdigit() and len(d) == 15 and luhn_ok(d)


def sin_valid(s):
    d = norm_digits(s)
    return d.isdigit() and len(d) == 9 and luhn_ok(d)


# ---------------------------------------------------------------- Verhoeff
_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 7, 6, 8, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]


def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_valid(s):
    d = norm_digits(s)
    return d.isdigit() and len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


# ---------------------------------------------------------------- China RIC
def _date_ok(y, m, dd):
    try:
        date(y, m, dd)
        return True
    except ValueError:
        return False


def cn_id_valid(s):
    d = norm_digits(s).upper()
    if not re.fullmatch(r"\d{17}[\dX]", d):
        return False
    if not _date_ok(int(d[6:10]), int(d[10:12]), int(d[12:14])):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(d[:17], w)) % 11] == d[17]


# ---------------------------------------------------------------- NZ NHI (old AAANNNC)
NHI_AL = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nhi_valid(s):
    d = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", d):
        return False
    vals = [NHI_AL.index(c) + 1 for c in d[:3]] + [int(c) for c in d[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(d[6])


# ---------------------------------------------------------------- Thai, Korean
def thai_id_valid(s):
    d = norm_digits(s)
    if not (d.isdigit() and len(d) == 13):
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


def kr_rrn_valid(s):
    d = norm_digits(s)
    if not (d.isdigit() and len(d) == 13):
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    tot = sum(int(a) * b for a, b in zip(d[:12], w))
    return (11 - tot % 11) % 10 == int(d[12])


# ---------------------------------------------------------------- Brazil CPF, Chile RUT
def cpf_valid(s):
    d = norm_digits(s)
    if not (d.isdigit() and len(d) == 11) or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        r = tot * 10 % 11
        if r == 10:
            r = 0
        if r != int(d[n]):
            return False
    return True


def rut_valid(s):
    d = re.sub(r"[\s.\-]", "", s).upper()
    if not re.fullmatch(r"\d{7,8}[\dK]", d):
        return False
    body, dv = d[:-1], d[-1]
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    exp = "0" if r == 11 else "K" if r == 10 else str(r)
    return exp == dv


# ---------------------------------------------------------------- Mexico CURP
CURP_DICT = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_valid(s):
    d = s.strip().upper()
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d", d):
        return False
    tot = sum(CURP_DICT.index(c) * (18 - i) for i, c in enumerate(d[:17]))
    return (10 - tot % 10) % 10 == int(d[17])


# ---------------------------------------------------------------- Spain DNI/NIE
def es_dni_valid(s):
    d = re.sub(r"[\s\-.]", "", s).upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", d)
    if not m:
        return False
    pre = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    n = int(pre + m.group(2))
    return "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23] == m.group(3)


# ---------------------------------------------------------------- Singapore NRIC/FIN
def sg_nric_valid(s):
    d = s.strip().upper()
    if not re.fullmatch(r"[STFG]\d{7}[A-Z]", d):
        return False
    tot = sum(int(a) * b for a, b in zip(d[1:8], [2, 7, 6, 5, 4, 3, 2]))
    if d[0] in "TG":
        tot += 4
    table = "JZIHGFEDCBA" if d[0] in "ST" else "XWUTRQPNMLK"
    return table[tot % 11] == d[8]


# ---------------------------------------------------------------- Australia TFN
def tfn_valid(s):
    d = norm_digits(s)
    if not (d.isdigit() and len(d) == 9):
        return False
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    return sum(int(a) * b for a, b in zip(d, w)) % 11 == 0


# ---------------------------------------------------------------- ICAO MRZ
def mrz_digit(field):
    tot = 0
    for i, c in enumerate(field):
        if c.isdigit():
            v = int(c)
        elif c == "<":
            v = 0
        else:
            v = ord(c) - 55
        tot += v * [7, 3, 1][i % 3]
    return str(tot % 10)


def mrz_line2_valid(s):
    d = s.strip()
    if len(d) != 44:
        return False
    ok = (mrz_digit(d[0:9]) == d[9] and mrz_digit(d[13:19]) == d[19]
          and mrz_digit(d[21:27]) == d[27])
    opt = d[28:42]
    if opt.strip("<") and mrz_digit(opt) != d[42]:
        return False
    comp = d[0:10] + d[13:20] + d[21:43]
    return ok and mrz_digit(comp) == d[43]


# ---------------------------------------------------------------- Base58Check (Tron / BTC)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check_valid(s):
    s = s.strip()
    if not s or any(c not in B58 for c in s):
        return False
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    pad = len(s) - len(s.lstrip("1"))
    raw = b"\x00" * pad + raw
    if len(raw) < 5:
        return False
    payload, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == chk


# ---------------------------------------------------------------- shapes (no check digit)
def pan_shape(s):
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip().upper()) is not None


def ph_mobile_shape(s):
    d = norm_digits(s)
    return (len(d) == 11 and d.startswith("09")) or (len(d) == 12 and d.startswith("639"))


# ---------------------------------------------------------------- India GSTIN (Luhn mod 36)
G36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gstin_check(body14):
    tot = 0
    for i, c in enumerate(body14):
        p = G36.index(c) * (1 if i % 2 == 0 else 2)
        tot += p // 36 + p % 36
    return G36[(36 - tot % 36) % 36]


def gstin_valid(s):
    d = s.strip().upper()
    if not re.fullmatch(r"\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]", d):
        return False
    return gstin_check(d[:14]) == d[14]


VALIDATORS = {
    "GSTIN": gstin_valid,
    "IRD": ird_valid, "NZBANK": nzbank_valid, "IBAN": iban_valid, "CARD": card_valid,
    "IMEI": imei_valid, "SIN": sin_valid, "AADHAAR": aadhaar_valid, "CNID": cn_id_valid,
    "NHI": nhi_valid, "THAIID": thai_id_valid, "KRRRN": kr_rrn_valid, "CPF": cpf_valid,
    "RUT": rut_valid, "CURP": curp_valid, "ESDNI": es_dni_valid, "SGNRIC": sg_nric_valid,
    "TFN": tfn_valid, "MRZ2": mrz_line2_valid, "B58": b58check_valid, "PAN": pan_shape,
    "PHMOB": ph_mobile_shape,
}
