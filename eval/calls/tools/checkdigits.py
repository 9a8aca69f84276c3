"""Check-digit algorithms shared by the generator (gen_numbers.py) and the
checker (check_ids.py).  Every function here is written from the public
description of the format; nothing is copied from any redaction tool.

Each format has a `make_*` (complete a payload with its check digit(s)) and a
`valid_*` (recompute and compare) function.
"""

# ---------------------------------------------------------------- Luhn
def luhn_checkdigit(payload: str) -> str:
    total = 0
    # payload digits, rightmost will be doubled once the check digit is appended
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def valid_luhn(num: str) -> bool:
    if not num.isdigit() or len(num) < 2:
        return False
    return luhn_checkdigit(num[:-1]) == num[-1]


# ---------------------------------------------------------------- IBAN mod 97
def _iban_numeric(s: str) -> int:
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(ch)
        else:
            out.append(str(ord(ch.upper()) - 55))
    return int("".join(out))


def make_iban(country: str, bban: str) -> str:
    n = _iban_numeric(bban + country + "00")
    check = 98 - n % 97
    return f"{country}{check:02d}{bban}"


def valid_iban(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    return _iban_numeric(s[4:] + s[:4]) % 97 == 1


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_checkdigit(payload: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def valid_verhoeff(num: str) -> bool:
    if not num.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def valid_aadhaar(num: str) -> bool:
    return len(num) == 12 and num[0] not in "01" and valid_verhoeff(num)


# ---------------------------------------------------------------- China RIC (ISO 7064 MOD 11-2)
_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CN_MAP = "10X98765432"


def cn_ric_checkdigit(first17: str) -> str:
    s = sum(int(d) * w for d, w in zip(first17, _CN_W))
    return _CN_MAP[s % 11]


def valid_cn_ric(num: str) -> bool:
    num = num.upper()
    if len(num) != 18 or not num[:17].isdigit():
        return False
    return cn_ric_checkdigit(num[:17]) == num[17]


# ---------------------------------------------------------------- NZ IRD (mod 11, two weight sets)
_IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
_IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_checkdigit(base: str):
    """base = IRD number without its check digit (7 or 8 digits).
    Returns the check digit as str, or None if no valid check digit exists."""
    b = base.zfill(8)
    r = sum(int(d) * w for d, w in zip(b, _IRD_W1)) % 11
    c = 0 if r == 0 else 11 - r
    if c == 10:
        r = sum(int(d) * w for d, w in zip(b, _IRD_W2)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            return None
    return str(c)


def valid_ird(num: str) -> bool:
    if not num.isdigit() or len(num) not in (8, 9):
        return False
    n = int(num)
    if not (10_000_000 < n < 150_000_000):
        return False
    return ird_checkdigit(num[:-1]) == num[-1]


# ---------------------------------------------------------------- Brazil CPF
def cpf_checkdigits(nine: str) -> str:
    d = [int(c) for c in nine]
    s = sum(v * w for v, w in zip(d, range(10, 1, -1)))
    d1 = (s * 10) % 11 % 10
    d.append(d1)
    s = sum(v * w for v, w in zip(d, range(11, 1, -1)))
    d2 = (s * 10) % 11 % 10
    return f"{d1}{d2}"


def valid_cpf(num: str) -> bool:
    if len(num) != 11 or not num.isdigit() or len(set(num)) == 1:
        return False
    return cpf_checkdigits(num[:9]) == num[9:]


# ---------------------------------------------------------------- Hong Kong ID
def hkid_checkdigit(prefix: str, digits: str) -> str:
    prefix = prefix.upper()
    vals = []
    if len(prefix) == 1:
        vals.append(36)  # space
    vals += [ord(c) - 55 for c in prefix]
    vals += [int(c) for c in digits]
    weights = [9, 8, 7, 6, 5, 4, 3, 2]
    s = sum(v * w for v, w in zip(vals, weights))
    r = 11 - s % 11
    if r == 11:
        return "0"
    if r == 10:
        return "A"
    return str(r)


def valid_hkid(s: str) -> bool:
    import re
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})\(?([0-9A])\)?", s.upper().replace(" ", ""))
    if not m:
        return False
    return hkid_checkdigit(m.group(1), m.group(2)) == m.group(3)


# ---------------------------------------------------------------- Taiwan national ID
_TW_LETTERS = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17,
    "I": 34, "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23,
    "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30,
    "Y": 31, "Z": 33,
}


def tw_checkdigit(letter: str, eight: str) -> str:
    v = _TW_LETTERS[letter.upper()]
    s = (v // 10) * 1 + (v % 10) * 9
    s += sum(int(d) * w for d, w in zip(eight, [8, 7, 6, 5, 4, 3, 2, 1]))
    return str((10 - s % 10) % 10)


def valid_tw_id(s: str) -> bool:
    s = s.upper()
    if len(s) != 10 or s[0] not in _TW_LETTERS or not s[1:].isdigit() or s[1] not in "12":
        return False
    return tw_checkdigit(s[0], s[1:9]) == s[9]


# ---------------------------------------------------------------- South Africa ID (Luhn, 13 digits)
def valid_za_id(s: str) -> bool:
    return len(s) == 13 and s.isdigit() and valid_luhn(s)


# ---------------------------------------------------------------- Chile RUT (mod 11)
def rut_checkdigit(body: str) -> str:
    s = 0
    w = 2
    for ch in reversed(body):
        s += int(ch) * w
        w = 2 if w == 7 else w + 1
    r = 11 - s % 11
    return {11: "0", 10: "K"}.get(r, str(r))


def valid_rut(s: str) -> bool:
    s = s.replace(".", "").replace("-", "").upper()
    if len(s) < 2 or not s[:-1].isdigit():
        return False
    return rut_checkdigit(s[:-1]) == s[-1]


# ---------------------------------------------------------------- Argentina CUIL/CUIT (mod 11)
_CUIT_W = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]


def cuit_checkdigit(ten: str):
    s = sum(int(d) * w for d, w in zip(ten, _CUIT_W))
    r = 11 - s % 11
    if r == 11:
        return "0"
    if r == 10:
        return None
    return str(r)


def valid_cuit(s: str) -> bool:
    s = s.replace("-", "")
    if len(s) != 11 or not s.isdigit():
        return False
    return cuit_checkdigit(s[:10]) == s[10]


# ---------------------------------------------------------------- Ukraine RNOKPP (individual tax number)
_UA_W = [-1, 5, 7, 9, 4, 6, 10, 5, 7]


def ua_tax_checkdigit(nine: str) -> str:
    s = sum(int(d) * w for d, w in zip(nine, _UA_W))
    return str((s % 11) % 10)


def valid_ua_tax(s: str) -> bool:
    return len(s) == 10 and s.isdigit() and ua_tax_checkdigit(s[:9]) == s[9]


# ---------------------------------------------------------------- NZ bank account (IRD "algorithm A/B" for major banks)
_NZB_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
_NZB_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_BRANCHES = {  # bank -> list of (lo, hi) branch ranges, banks that use algorithm A/B
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}


def _nzbank_digits(bank, branch, account, suffix):
    return [int(c) for c in bank.zfill(2) + branch.zfill(4) + account.zfill(8) + suffix.zfill(4)]


def valid_nz_bank(bank: str, branch: str, account: str, suffix: str) -> bool:
    if bank not in NZ_BRANCHES:
        return None  # algorithm not implemented for this bank
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    w = _NZB_A if int(account) < 990000 else _NZB_B
    d = _nzbank_digits(bank, branch, account, suffix)
    return sum(x * y for x, y in zip(d, w)) % 11 == 0
