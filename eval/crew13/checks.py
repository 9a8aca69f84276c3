"""Check-digit generators and validators shared by gen.py / fill.py / build.py.

Everything generated here is invented. Formats with a real check digit are
generated so they pass it; formats without one are generated with plausible
structure only.
"""
import datetime
import random
import re
import string
import unicodedata


def digits_of(s):
    """All decimal digits in s (any script) as an ASCII string."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


# ---------------------------------------------------------------- NZ IRD
IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_valid(s):
    d = digits_of(s)
    if len(d) not in (8, 9):
        return False
    d = d.zfill(9)
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    base, chk = d[:8], int(d[8])
    for w in (IRD_W1, IRD_W2):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


def gen_ird(rng, fmt="dash"):
    while True:
        base = str(rng.randint(1_000_000, 14_999_999)).zfill(8)
        for c in range(10):
            cand = base + str(c)
            if ird_valid(cand):
                break
        else:
            continue
        if fmt == "plain":
            return cand.lstrip("0") if rng.random() < 0.3 and cand[0] == "0" else cand
        if fmt == "space":
            return f"{cand[:3]} {cand[3:6]} {cand[6:]}"
        return f"{cand[:3]}-{cand[3:6]}-{cand[6:]}"


# ---------------------------------------------------------------- NZ bank
NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
NZ_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nzbank_valid(s):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})", s.strip())
    if not m:
        return False
    bank, branch, acct, suf = m.groups()
    if bank not in NZ_BRANCHES:
        return False  # only the banks we generate
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    full = bank + branch + acct8 + suf.zfill(4)
    w = NZ_A if int(acct8) < 990000 else NZ_B
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0


def gen_nzbank(rng, fmt="dash"):
    while True:
        bank = rng.choice(list(NZ_BRANCHES))
        lo, hi = rng.choice(NZ_BRANCHES[bank])
        branch = str(rng.randint(lo, hi)).zfill(4)
        acct = str(rng.randint(10000, 989999)).zfill(7)
        suf = rng.choice(["00", "000", "01", "001", "02", "50", "025"])
        cand = f"{bank}-{branch}-{acct}-{suf}"
        if nzbank_valid(cand):
            if fmt == "space":
                return cand.replace("-", " ")
            if fmt == "plain":
                return cand.replace("-", "")
            return cand


# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    d = digits_of(s)
    if not (12 <= len(d) <= 19):
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def gen_card(rng, fmt="space"):
    prefix = rng.choice(["4", "4", "51", "52", "53", "55", "2221"])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    for c in range(10):
        if luhn_valid(body + str(c)):
            num = body + str(c)
            break
    if fmt == "plain":
        return num
    if fmt == "dash":
        return "-".join(num[i:i + 4] for i in range(0, 16, 4))
    return " ".join(num[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- Verhoeff
V_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
V_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 8, 7, 6, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]


def verhoeff_valid(s):
    d = digits_of(s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = V_D[c][V_P[i % 8][int(ch)]]
    return c == 0


def aadhaar_valid(s):
    d = digits_of(s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_valid(d)


def gen_aadhaar(rng, fmt="space"):
    while True:
        body = str(rng.randint(2, 9)) + "".join(rng.choice(string.digits) for _ in range(10))
        for c in range(10):
            if aadhaar_valid(body + str(c)):
                n = body + str(c)
                return n if fmt == "plain" else f"{n[:4]} {n[4:8]} {n[8:]}"


# ---------------------------------------------------------------- China ID
CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_C = "10X98765432"


def cnid_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return CN_C[sum(int(a) * b for a, b in zip(s[:17], CN_W)) % 11] == s[17]


def gen_cnid(rng, fmt=None):
    area = rng.choice(["350181", "350128", "440781", "441481", "330382", "210204", "371102", "130682"])
    d = datetime.date(1968, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 34))
    body = area + d.strftime("%Y%m%d") + str(rng.randint(10, 999)).zfill(3)
    return body + CN_C[sum(int(a) * b for a, b in zip(body, CN_W)) % 11]


# ---------------------------------------------------------------- PAN (shape)
def pan_valid(s):
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip()))


def gen_pan(rng, fmt=None):
    L = string.ascii_uppercase
    return "".join(rng.choice(L) for _ in range(3)) + "P" + rng.choice(L) + \
        str(rng.randint(1, 9999)).zfill(4) + rng.choice(L)


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {"UA": 29, "PK": 24, "GB": 22, "DE": 22, "BR": 29}


def iban_valid(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def gen_iban(rng, fmt="UA"):
    cc, _, style = fmt.partition("-")
    if cc == "UA":
        bban = rng.choice(["305299", "322001", "300465", "320649"]) + "".join(rng.choice(string.digits) for _ in range(19))
    elif cc == "PK":
        bban = rng.choice(["HABB", "MEZN", "UNIL", "ALFH"]) + "".join(rng.choice(string.digits) for _ in range(16))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(IBAN_LEN[cc] - 4))
    r = bban + cc + "00"
    n = int("".join(str(int(ch, 36)) for ch in r))
    chk = str(98 - n % 97).zfill(2)
    ib = cc + chk + bban
    assert iban_valid(ib)
    if style == "plain":
        return ib
    return " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))


# ---------------------------------------------------------------- Brazil CPF
def cpf_valid(s):
    d = digits_of(s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for k in (9, 10):
        t = sum(int(d[i]) * (k + 1 - i) for i in range(k))
        r = t % 11
        if (0 if r < 2 else 11 - r) != int(d[k]):
            return False
    return True


def gen_cpf(rng, fmt="dots"):
    while True:
        d = "".join(rng.choice(string.digits) for _ in range(9))
        for k in (9, 10):
            t = sum(int(d[i]) * (k + 1 - i) for i in range(k))
            r = t % 11
            d += str(0 if r < 2 else 11 - r)
        if cpf_valid(d):
            return d if fmt == "plain" else f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


# ---------------------------------------------------------------- Ukraine RNOKPP
UA_W = [-1, 5, 7, 9, 4, 6, 10, 5, 7]


def uatax_valid(s):
    d = digits_of(s)
    if len(d) != 10:
        return False
    return (sum(int(a) * b for a, b in zip(d, UA_W)) % 11) % 10 == int(d[9])


def gen_uatax(rng, fmt=None):
    dob = datetime.date(1970, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 32))
    days = (dob - datetime.date(1899, 12, 31)).days
    body = str(days).zfill(5) + "".join(rng.choice(string.digits) for _ in range(4))
    c = (sum(int(a) * b for a, b in zip(body, UA_W)) % 11) % 10
    return body + str(c)


# ---------------------------------------------------------------- Chile RUT
def rut_valid(s):
    s = s.replace(".", "").replace(" ", "").upper()
    m = re.fullmatch(r"(\d{7,8})-?([\dK])", s)
    if not m:
        return False
    body, dv = m.groups()
    t, w = 0, 2
    for ch in reversed(body):
        t += int(ch) * w
        w = 2 if w == 7 else w + 1
    r = 11 - t % 11
    exp = "0" if r == 11 else "K" if r == 10 else str(r)
    return exp == dv


def gen_rut(rng, fmt=None):
    body = str(rng.randint(12_000_000, 26_999_999))
    for dv in "0123456789K":
        if rut_valid(body + "-" + dv):
            return f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{dv}"


# ---------------------------------------------------------------- Mexico CURP
CURP_CH = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d", s):
        return False
    t = sum(CURP_CH.index(ch) * (18 - i) for i, ch in enumerate(s[:17]))
    return (10 - t % 10) % 10 == int(s[17])


def gen_curp(rng, fmt=None):
    L = "BCDFGHJKLMNPRSTVZ"
    V = "AEIOU"
    d = datetime.date(1975, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 28))
    s = rng.choice(L) + rng.choice(V) + rng.choice(L) + rng.choice(L) + d.strftime("%y%m%d") + \
        rng.choice("HM") + rng.choice(["OC", "GR", "MC", "PL", "VZ", "CS", "DF"]) + \
        rng.choice(L) + rng.choice(L) + rng.choice(L) + rng.choice("0A") 
    t = sum(CURP_CH.index(ch) * (18 - i) for i, ch in enumerate(s))
    return s + str((10 - t % 10) % 10)


# ---------------------------------------------------------------- structure-only
def nik_valid(s):
    d = digits_of(s)
    if len(d) != 16:
        return False
    dd, mm = int(d[6:8]), int(d[8:10])
    if dd > 40:
        dd -= 40
    return 1 <= dd <= 31 and 1 <= mm <= 12


def gen_nik(rng, fmt=None):
    region = rng.choice(["330102", "330104", "320805", "350703", "520102", "337405", "331502"])
    dd, mm, yy = rng.randint(1, 28), rng.randint(1, 12), rng.randint(75, 99)
    if rng.random() < 0.3:
        dd += 40
    return region + f"{dd:02d}{mm:02d}{yy:02d}" + str(rng.randint(1, 999)).zfill(4)


def cccd_valid(s):
    d = digits_of(s)
    return len(d) == 12 and 1 <= int(d[:3]) <= 96 and d[3] in "0123"


def gen_cccd(rng, fmt=None):
    prov = rng.choice(["038", "040", "042", "036", "034", "001", "079", "030"])
    g = rng.choice("0123"[:2])
    return prov + g + f"{rng.randint(75, 99):02d}" + str(rng.randint(0, 999999)).zfill(6)


def lknic_valid(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})(\d{3})(\d{5})", s)
    if m:
        y, doy = int(m.group(1)), int(m.group(2))
        return 1940 <= y <= 2008 and (1 <= doy <= 366 or 501 <= doy <= 866)
    m = re.fullmatch(r"(\d{2})(\d{3})(\d{4})[VvXx]", s)
    if m:
        doy = int(m.group(2))
        return 1 <= doy <= 366 or 501 <= doy <= 866
    return False


def gen_lknic(rng, fmt="new"):
    y = rng.randint(1975, 2001)
    doy = rng.randint(1, 365) + (500 if rng.random() < 0.2 else 0)
    if fmt == "old":
        return f"{y % 100:02d}{doy:03d}{rng.randint(1000, 9999)}V"
    return f"{y}{doy:03d}{rng.randint(0, 99999):05d}"


def cnic_valid(s):
    return bool(re.fullmatch(r"\d{5}-\d{7}-\d", s.strip()))


def gen_cnic(rng, fmt=None):
    return f"{rng.choice(['35202','34101','37405','33100','61101'])}-{rng.randint(1000000, 9999999)}-{rng.randint(1, 9)}"


GEN = {
    "ird": gen_ird, "nzbank": gen_nzbank, "card": gen_card, "aadhaar": gen_aadhaar,
    "cnid": gen_cnid, "pan": gen_pan, "iban": gen_iban, "cpf": gen_cpf,
    "uatax": gen_uatax, "rut": gen_rut, "curp": gen_curp, "nik": gen_nik,
    "cccd": gen_cccd, "lknic": gen_lknic, "cnic": gen_cnic,
}
VALID = {
    "ird": ird_valid, "nzbank": nzbank_valid, "card": luhn_valid, "aadhaar": aadhaar_valid,
    "cnid": cnid_valid, "pan": pan_valid, "iban": iban_valid, "cpf": cpf_valid,
    "uatax": uatax_valid, "rut": rut_valid, "curp": curp_valid, "nik": nik_valid,
    "cccd": cccd_valid, "lknic": lknic_valid, "cnic": cnic_valid,
}


# ---------------------------------------------------------------- Hong Kong ID
def _hk_sum(prefix, digits):
    vals = []
    if len(prefix) == 1:
        vals.append(36)
    vals += [ord(c) - 55 for c in prefix]
    vals += [int(c) for c in digits]
    return sum(v * w for v, w in zip(vals, range(9, 1, -1)))


def hkid_valid(s):
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})\s?\(?([0-9A])\)?", s.strip().upper())
    if not m:
        return False
    p, d, c = m.groups()
    r = (11 - _hk_sum(p, d) % 11) % 11
    return c == ("A" if r == 10 else str(r))


def gen_hkid(rng, fmt=None):
    p = rng.choice(string.ascii_uppercase.replace("I", "").replace("O", ""))
    d = str(rng.randint(100000, 999999))
    r = (11 - _hk_sum(p, d) % 11) % 11
    return f"{p}{d}({'A' if r == 10 else r})"


GEN["hkid"] = gen_hkid
VALID["hkid"] = hkid_valid
