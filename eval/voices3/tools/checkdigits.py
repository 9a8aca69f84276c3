"""Check-digit rules used by the voices3 generator and checker.

Each scheme has a `compute_*` (returns the check digit/char for a payload)
and/or `valid_*` (takes a cleaned string, returns bool).  Everything here is
written from the public descriptions of the schemes; nothing is copied.
"""
import unicodedata


def ascii_digits(s):
    """Map any Unicode decimal digit (Devanagari, Thai, full-width ...) to ASCII."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(ch)
    return "".join(out)


def only_alnum(s):
    s = ascii_digits(s)
    return "".join(ch for ch in s if ch.isalnum()).upper()


# ---------------------------------------------------------------- NZ IRD
IRD_W1 = (3, 2, 7, 6, 5, 4, 3, 2)
IRD_W2 = (7, 4, 3, 2, 5, 2, 7, 6)


def compute_ird(base):
    """base: 7 or 8 digit string without check digit. Returns digit or None."""
    b = base.zfill(8)
    for w in (IRD_W1, IRD_W2):
        r = sum(int(d) * k for d, k in zip(b, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def valid_ird(num):
    n = only_alnum(num)
    if not n.isdigit() or len(n) not in (8, 9):
        return False
    v = int(n)
    if not (10_000_000 < v < 150_000_000):
        return False
    c = compute_ird(n[:-1])
    return c is not None and c == int(n[-1])


# ---------------------------------------------------------------- NZ bank account
# Algorithm A (or B for large account bases) applies to the main trading banks.
NZB_ALGO_A_BANKS = {"01", "02", "03", "04", "06", "10", "11", "12", "13", "14", "15",
                    "16", "17", "18", "19", "20", "21", "22", "23", "24", "27", "30",
                    "35", "38"}
NZB_W = {
    "A": (0, 0, 6, 3, 7, 9, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0),
    "B": (0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0),
}


def nz_bank_compact(num):
    s = ascii_digits(num).strip()
    for sep in (" ", "-", "–", "."):
        s = s.replace(sep, "-")
    parts = [p for p in s.split("-") if p]
    if len(parts) == 4:
        return "".join(p.zfill(l) for p, l in zip(parts, (2, 4, 7, 3)))
    d = "".join(ch for ch in s if ch.isdigit())
    return d[:13] + d[13:].zfill(3)


def valid_nz_bank(num):
    n = nz_bank_compact(num)
    if len(n) != 16 or not n.isdigit():
        return False
    bank = n[:2]
    if bank not in NZB_ALGO_A_BANKS:
        return False
    algo = "B" if n[6:13] >= "0990000" else "A"
    return sum(int(d) * w for d, w in zip(n, NZB_W[algo])) % 11 == 0


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {"AE": 23, "BR": 29, "DE": 22, "ES": 24, "GB": 22, "PK": 24, "PT": 25,
            "SA": 24, "UA": 29, "FR": 27, "JO": 30, "RU": 33}


def _iban_num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def compute_iban(country, bban):
    chk = 98 - _iban_num(bban + country + "00") % 97
    return f"{country}{chk:02d}{bban}"


def valid_iban(num):
    n = only_alnum(num)
    if len(n) < 15 or not n[:2].isalpha() or not n[2:4].isdigit():
        return False
    if n[:2] in IBAN_LEN and len(n) != IBAN_LEN[n[:2]]:
        return False
    return _iban_num(n[4:] + n[:4]) % 97 == 1


# ---------------------------------------------------------------- Luhn (cards)
def luhn_sum(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def compute_luhn(payload):
    return (10 - luhn_sum(payload + "0") % 10) % 10


def valid_luhn(num):
    n = only_alnum(num)
    return n.isdigit() and 12 <= len(n) <= 19 and luhn_sum(n) % 10 == 0


# ---------------------------------------------------------------- Verhoeff (Aadhaar)
_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 8, 6, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def compute_verhoeff(payload):
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return _VINV[c]


def valid_verhoeff(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def valid_aadhaar(num):
    n = only_alnum(num)
    return n.isdigit() and len(n) == 12 and n[0] not in "01" and valid_verhoeff(n)


# ---------------------------------------------------------------- China resident ID
CN_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CN_MAP = "10X98765432"


def compute_cnid(payload17):
    return CN_MAP[sum(int(d) * w for d, w in zip(payload17, CN_W)) % 11]


def valid_cnid(num):
    n = only_alnum(num)
    return len(n) == 18 and n[:17].isdigit() and compute_cnid(n[:17]) == n[17]


# ---------------------------------------------------------------- Thai national ID
def compute_thid(payload12):
    s = sum(int(d) * (13 - i) for i, d in enumerate(payload12))
    return (11 - s % 11) % 10


def valid_thid(num):
    n = only_alnum(num)
    return len(n) == 13 and n.isdigit() and compute_thid(n[:12]) == int(n[12])


# ---------------------------------------------------------------- Korean RRN
KR_W = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def compute_krrrn(payload12):
    s = sum(int(d) * w for d, w in zip(payload12, KR_W))
    return (11 - s % 11) % 10


def valid_krrrn(num):
    n = only_alnum(num)
    return len(n) == 13 and n.isdigit() and compute_krrrn(n[:12]) == int(n[12])


# ---------------------------------------------------------------- Brazil CPF
def compute_cpf(payload9):
    d = [int(c) for c in payload9]
    s1 = sum(x * w for x, w in zip(d, range(10, 1, -1)))
    c1 = (s1 * 10 % 11) % 10
    d.append(c1)
    s2 = sum(x * w for x, w in zip(d, range(11, 1, -1)))
    c2 = (s2 * 10 % 11) % 10
    return f"{c1}{c2}"


def valid_cpf(num):
    n = only_alnum(num)
    return len(n) == 11 and n.isdigit() and len(set(n)) > 1 and compute_cpf(n[:9]) == n[9:]


# ---------------------------------------------------------------- Chile RUT
def compute_rut(body):
    s, m = 0, 2
    for ch in reversed(body):
        s += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def valid_rut(num):
    n = only_alnum(num)
    return len(n) >= 8 and n[:-1].isdigit() and compute_rut(n[:-1]) == n[-1]


VALIDATORS = {
    "ird": valid_ird,
    "nzbank": valid_nz_bank,
    "iban": valid_iban,
    "luhn": valid_luhn,
    "aadhaar": valid_aadhaar,
    "cnid": valid_cnid,
    "thid": valid_thid,
    "krrrn": valid_krrrn,
    "cpf": valid_cpf,
    "rut": valid_rut,
}
