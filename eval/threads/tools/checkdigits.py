"""Check-digit algorithms used by gen_numbers.py and check_numbers.py.

Every function named valid_* takes the number as written (separators allowed,
digits in any Unicode script) and returns True/False.
Every function named make_* builds a valid number from a seeded random.Random.
"""
import unicodedata

# ---------------------------------------------------------------- helpers

def ascii_digits(s: str) -> str:
    """Map any Unicode decimal digit to ASCII and drop everything else except
    ASCII letters (kept upper-cased)."""
    out = []
    for ch in s:
        if ch.isascii() and ch.isalpha():
            out.append(ch.upper())
            continue
        try:
            out.append(str(unicodedata.digit(ch)))
        except (TypeError, ValueError):
            pass
    return "".join(out)


def only_digits(s: str) -> str:
    return "".join(c for c in ascii_digits(s) if c.isdigit())


# ---------------------------------------------------------------- Luhn (cards)

def luhn_sum(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10


def valid_luhn(s: str) -> bool:
    d = only_digits(s)
    return 12 <= len(d) <= 19 and luhn_sum(d) == 0


def make_card(rng, prefix: str, length: int = 16) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for c in range(10):
        if luhn_sum(body + str(c)) == 0:
            return body + str(c)
    raise AssertionError


# ---------------------------------------------------------------- NZ IRD number

IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check(base8: str):
    for w in (IRD_W1, IRD_W2):
        s = sum(int(a) * b for a, b in zip(base8, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def valid_ird(s: str) -> bool:
    d = only_digits(s)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    base = d[:-1].rjust(8, "0")
    c = ird_check(base)
    return c is not None and c == int(d[-1])


def make_ird(rng, nine: bool = True) -> str:
    while True:
        if nine:
            base = str(rng.randint(10_000_000, 14_999_999))
        else:
            base = str(rng.randint(1_000_000, 9_999_999))
        c = ird_check(base.rjust(8, "0"))
        if c is None:
            continue
        full = base + str(c)
        if valid_ird(full):
            return full


def fmt_ird(d: str) -> str:
    if len(d) == 9:
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return f"{d[:2]}-{d[2:5]}-{d[5:]}"


# ---------------------------------------------------------------- NZ bank account
# Algorithm of the IRD / Payments NZ bank account validation spec.
# 18-digit layout: bank(2) branch(4) account(8) suffix(4)

NZB_W = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "C": ([3, 7, 0, 0, 0, 0, 9, 1, 10, 5, 3, 4, 2, 1, 0, 0, 0, 0], 11),
    "D": ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    "F": ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
}
NZB_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "15": [(3900, 3999)],
    "38": [(9000, 9499)],
}


def nzbank_parts(s: str):
    import re
    m = re.fullmatch(r"\s*(\d{2})[\s-]?(\d{4})[\s-]?(\d{7,8})[\s-]?(\d{2,4})\s*", ascii_digits_keep_sep(s))
    if not m:
        return None
    return m.groups()


def ascii_digits_keep_sep(s: str) -> str:
    out = []
    for ch in s:
        if ch in " -":
            out.append(ch)
            continue
        try:
            out.append(str(unicodedata.digit(ch)))
        except (TypeError, ValueError):
            out.append(ch)
    return "".join(out)


def nzbank_algo(bank: str, account8: str) -> str:
    if bank == "08":
        return "D"
    if bank in ("25", "33"):
        return "F"
    return "A" if int(account8) < 990000 else "B"


def valid_nzbank(s: str) -> bool:
    p = nzbank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    if bank in NZB_BRANCHES and not any(lo <= int(branch) <= hi for lo, hi in NZB_BRANCHES[bank]):
        return False
    acct8 = acct.rjust(8, "0")
    suf4 = suf.rjust(4, "0")
    algo = nzbank_algo(bank, acct8)
    w, mod = NZB_W[algo]
    digits = bank + branch + acct8 + suf4
    return sum(int(a) * b for a, b in zip(digits, w)) % mod == 0


def make_nzbank(rng, bank: str, suffix: str = "00") -> str:
    lo, hi = rng.choice(NZB_BRANCHES[bank])
    while True:
        branch = str(rng.randint(max(lo, 1), hi)).rjust(4, "0")
        acct = str(rng.randint(100000, 9999999)).rjust(7, "0")
        s = f"{bank}-{branch}-{acct}-{suffix}"
        if valid_nzbank(s):
            return s


# ---------------------------------------------------------------- IBAN

def iban_mod(s: str) -> int:
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97


IBAN_LEN = {"PL": 28, "UA": 29, "RO": 24, "PK": 24, "GE": 22, "BG": 22, "MD": 24, "BR": 29, "RS": 22}


def valid_iban(s: str) -> bool:
    t = "".join(c for c in s if not c.isspace()).upper()
    if len(t) < 15 or not t[:2].isalpha() or not t[2:4].isdigit():
        return False
    if t[:2] in IBAN_LEN and len(t) != IBAN_LEN[t[:2]]:
        return False
    return iban_mod(t[4:] + t[:4]) == 1


def make_iban(country: str, bban: str) -> str:
    chk = 98 - iban_mod(bban + country + "00")
    return f"{country}{chk:02d}{bban}"


def fmt_iban(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def pl_sortcode(rng, bank_id: str) -> str:
    body = bank_id + "".join(str(rng.randint(0, 9)) for _ in range(4))
    w = [3, 9, 7, 1, 3, 9, 7]
    c = (10 - sum(int(a) * b for a, b in zip(body, w)) % 10) % 10
    return body + str(c)


# ---------------------------------------------------------------- Aadhaar (Verhoeff)

V_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
V_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
V_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def valid_verhoeff(digits: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = V_D[c][V_P[i % 8][int(ch)]]
    return c == 0


def valid_aadhaar(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 12 and d[0] not in "01" and valid_verhoeff(d)


def make_aadhaar(rng) -> str:
    body = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = V_D[c][V_P[(i + 1) % 8][int(ch)]]
    full = body + str(V_INV[c])
    assert valid_aadhaar(full)
    return f"{full[:4]} {full[4:8]} {full[8:]}"


# ---------------------------------------------------------------- China resident ID

CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_MAP = "10X98765432"


def valid_cnid(s: str) -> bool:
    t = ascii_digits(s)
    if len(t) != 18 or not t[:17].isdigit():
        return False
    return CN_MAP[sum(int(a) * b for a, b in zip(t[:17], CN_W)) % 11] == t[17]


def make_cnid(rng, area: str, dob: str) -> str:
    body = area + dob + "".join(str(rng.randint(0, 9)) for _ in range(3))
    return body + CN_MAP[sum(int(a) * b for a, b in zip(body, CN_W)) % 11]


# ---------------------------------------------------------------- Thai national ID

def valid_thid(s: str) -> bool:
    d = only_digits(s)
    if len(d) != 13:
        return False
    total = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - total % 11) % 10 == int(d[12])


def make_thid(rng) -> str:
    body = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    total = sum(int(body[i]) * (13 - i) for i in range(12))
    d = body + str((11 - total % 11) % 10)
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"


# ---------------------------------------------------------------- Brazil CPF

def cpf_digits(base9: str) -> str:
    s = sum(int(base9[i]) * (10 - i) for i in range(9))
    r = s % 11
    d1 = 0 if r < 2 else 11 - r
    b10 = base9 + str(d1)
    s = sum(int(b10[i]) * (11 - i) for i in range(10))
    r = s % 11
    d2 = 0 if r < 2 else 11 - r
    return f"{d1}{d2}"


def valid_cpf(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 11 and len(set(d)) > 1 and cpf_digits(d[:9]) == d[9:]


def make_cpf(rng) -> str:
    b = "".join(str(rng.randint(0, 9)) for _ in range(9))
    d = b + cpf_digits(b)
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


# ---------------------------------------------------------------- Chile RUT

def rut_dv(body: str) -> str:
    s = 0
    for i, ch in enumerate(reversed(body)):
        s += int(ch) * (2 + i % 6)
    v = 11 - s % 11
    return "0" if v == 11 else "K" if v == 10 else str(v)


def valid_rut(s: str) -> bool:
    t = ascii_digits(s)
    if len(t) < 8:
        return False
    return rut_dv(t[:-1]) == t[-1]


def make_rut(rng) -> str:
    body = str(rng.randint(12_000_000, 24_999_999))
    dv = rut_dv(body)
    return f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{dv}"


# ---------------------------------------------------------------- Poland PESEL

PESEL_W = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]


def valid_pesel(s: str) -> bool:
    d = only_digits(s)
    if len(d) != 11:
        return False
    return (10 - sum(int(a) * b for a, b in zip(d, PESEL_W)) % 10) % 10 == int(d[10])


def make_pesel(rng, y: int, m: int, day: int, female: bool) -> str:
    mm = m + (20 if y >= 2000 else 0)
    body = f"{y % 100:02d}{mm:02d}{day:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(3))
    g = rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    body += str(g)
    return body + str((10 - sum(int(a) * b for a, b in zip(body, PESEL_W)) % 10) % 10)


# ---------------------------------------------------------------- Korea RRN

RRN_W = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]


def valid_rrn(s: str) -> bool:
    d = only_digits(s)
    if len(d) != 13:
        return False
    return (11 - sum(int(a) * b for a, b in zip(d, RRN_W)) % 11) % 10 == int(d[12])


def make_rrn(rng, yymmdd: str, sexdigit: int) -> str:
    body = yymmdd + str(sexdigit) + "".join(str(rng.randint(0, 9)) for _ in range(5))
    c = (11 - sum(int(a) * b for a, b in zip(body, RRN_W)) % 11) % 10
    d = body + str(c)
    return f"{d[:6]}-{d[6:]}"


# ---------------------------------------------------------------- NZ NHI (old AAANNNC form)

NHI_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


def valid_nhi(s: str) -> bool:
    t = "".join(c for c in s if not c.isspace()).upper()
    if len(t) != 7 or not all(c in NHI_LET for c in t[:3]) or not t[3:].isdigit():
        return False
    vals = [NHI_LET.index(c) + 1 for c in t[:3]] + [int(c) for c in t[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    if c == 10:
        c = 0
    return c == int(t[6])


def make_nhi(rng) -> str:
    while True:
        # no Z: Z-prefixed NHIs are the reserved test range
        t = "".join(rng.choice(NHI_LET[:-1]) for _ in range(3)) + "".join(str(rng.randint(0, 9)) for _ in range(3))
        for c in range(10):
            if valid_nhi(t + str(c)):
                return t + str(c)


# ---------------------------------------------------------------- Romania CNP

CNP_W = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]


def cnp_check(body12: str) -> int:
    r = sum(int(a) * b for a, b in zip(body12, CNP_W)) % 11
    return 1 if r == 10 else r


def valid_cnp(s: str) -> bool:
    d = only_digits(s)
    return len(d) == 13 and d[0] in "125678" and cnp_check(d[:12]) == int(d[12])


def make_cnp(rng, sex_century: int, yymmdd: str, county: str) -> str:
    body = f"{sex_century}{yymmdd}{county}" + "".join(str(rng.randint(0, 9)) for _ in range(3))
    return body + str(cnp_check(body))
