#!/usr/bin/env python3
"""Check-digit helpers for the web4 set: generators (seeded) and validators.

Run `python3 checkdigits.py` to print a seeded pool of valid invented numbers
(ids_pool.txt is written next to this file).  build.py imports the validators
to warn about labelled numbers whose check digit is wrong.
"""
import random
import re
import string

# ---------------------------------------------------------------- NZ IRD
def ird_check(base8):
    """base8: 8-digit string (base number padded). Returns check digit or None."""
    d = [int(c) for c in base8]
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        r = sum(a * b for a, b in zip(d, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(s):
    digits = re.sub(r"\D", "", s)
    if len(digits) not in (8, 9):
        return False
    n = int(digits)
    if not (10_000_000 < n < 150_000_000):
        return False
    digits = digits.zfill(9)
    c = ird_check(digits[:8])
    return c is not None and c == int(digits[8])


def gen_ird(rng):
    while True:
        base = rng.randint(1_100_000, 14_999_999)
        b8 = str(base).zfill(8)
        c = ird_check(b8)
        if c is None:
            continue
        full = b8 + str(c)
        full = full.lstrip("0") if len(full.lstrip("0")) >= 8 else full
        if ird_valid(full):
            return full

# ---------------------------------------------------------------- NZ bank
WA = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
WB = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
WD = [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0]


def nzbank_valid(s):
    parts = re.split(r"[-\s]+", s.strip())
    if len(parts) != 4:
        digits = re.sub(r"\D", "", s)
        if len(digits) not in (15, 16):
            return False
        parts = [digits[:2], digits[2:6], digits[6:13], digits[13:]]
    bank, branch, acct, suf = parts
    if not (len(bank) == 2 and len(branch) == 4 and len(acct) in (7, 8) and len(suf) in (2, 3, 4)):
        return False
    acct8 = acct.zfill(8)
    suf4 = suf.zfill(4)
    digs = [int(c) for c in bank + branch + acct8 + suf4]
    b = int(bank)
    if b in (1, 2, 3, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 27, 30, 35, 38):
        w = WA if int(acct8) < 990000 else WB
        return sum(x * y for x, y in zip(digs, w)) % 11 == 0
    if b == 8:
        return sum(x * y for x, y in zip(digs, WD)) % 11 == 0
    return False


BANKS = [("01", range(1, 999)), ("02", range(1, 999)), ("03", range(1, 999)),
         ("06", range(1400, 1499)), ("12", range(3000, 3299)), ("38", range(9000, 9499)),
         ("02", range(1200, 1299)), ("03", range(1500, 1599)), ("01", range(1800, 1899))]


def gen_nzbank(rng):
    while True:
        bank, rngbr = rng.choice(BANKS)
        branch = str(rng.choice(list(rngbr))).zfill(4)
        acct = str(rng.randint(10000, 989999)).zfill(7)
        suf = rng.choice(["00", "00", "00", "01", "02", "25", "000", "050"])
        s = f"{bank}-{branch}-{acct}-{suf}"
        if nzbank_valid(s):
            return s

# ---------------------------------------------------------------- IBAN
IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "PT": 25, "PK": 24, "UA": 29,
            "SA": 24, "AE": 23, "BR": 29, "NL": 18, "IE": 22}


def iban_valid(s):
    s = re.sub(r"\s", "", s).upper()
    if len(s) < 15 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"


def gen_iban(rng, cc):
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))
    L = lambda n: "".join(rng.choice(string.ascii_uppercase) for _ in range(n))
    bban = {
        "GB": lambda: L(4) + d(14),
        "DE": lambda: d(18),
        "FR": lambda: d(10) + d(11) + d(2),
        "ES": lambda: d(20),
        "PT": lambda: d(21),
        "PK": lambda: L(4) + d(16),
        "UA": lambda: d(6) + d(19),
        "SA": lambda: d(2) + d(18),
        "AE": lambda: d(3) + d(16),
        "BR": lambda: d(8) + d(5) + d(10) + "C1",
        "NL": lambda: L(4) + d(10),
        "IE": lambda: L(4) + d(14),
    }[cc]()
    return iban_make(cc, bban)


def iban_spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

# ---------------------------------------------------------------- Luhn
def luhn_valid(s):
    digits = re.sub(r"\D", "", s)
    if len(digits) < 13:
        return False
    tot = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


def gen_card(rng, prefix):
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    for c in string.digits:
        if luhn_valid(body + c):
            return body + c

# ---------------------------------------------------------------- Verhoeff (Aadhaar)
VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
      [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
      [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(s):
    digits = re.sub(r"\D", "", s)
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_gen(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return body + str(VINV[c])


def gen_aadhaar(rng):
    body = str(rng.randint(2, 9)) + "".join(rng.choice(string.digits) for _ in range(10))
    a = verhoeff_gen(body)
    assert verhoeff_valid(a)
    return f"{a[:4]} {a[4:8]} {a[8:]}"

# ---------------------------------------------------------------- China resident ID
CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CNC = "10X98765432"


def cnid_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    return CNC[sum(int(a) * b for a, b in zip(s[:17], CNW)) % 11] == s[17]


def gen_cnid(rng, region, dob):
    body = region + dob + "".join(rng.choice(string.digits) for _ in range(3))
    return body + CNC[sum(int(a) * b for a, b in zip(body, CNW)) % 11]

# ---------------------------------------------------------------- Thai ID
def thid_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


def gen_thid(rng):
    body = str(rng.randint(1, 8)) + "".join(rng.choice(string.digits) for _ in range(11))
    tot = sum(int(body[i]) * (13 - i) for i in range(12))
    d = body + str((11 - tot % 11) % 10)
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"

# ---------------------------------------------------------------- Brazil CPF
def cpf_valid(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(d[i] * (n + 1 - i) for i in range(n))
        c = (tot * 10) % 11 % 10
        if c != d[n]:
            return False
    return True


def gen_cpf(rng):
    d = [rng.randint(0, 9) for _ in range(9)]
    for n in (9, 10):
        tot = sum(d[i] * (n + 1 - i) for i in range(n))
        d.append((tot * 10) % 11 % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"

# ---------------------------------------------------------------- Chile RUT
def rut_dv(num):
    tot, m = 0, 2
    for c in reversed(str(num)):
        tot += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_valid(s):
    s = s.replace(".", "").replace(" ", "").upper()
    m = re.fullmatch(r"(\d{6,8})-?([\dK])", s)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)


def gen_rut(rng):
    n = rng.randint(10_000_000, 24_999_999)
    s = f"{n:,}".replace(",", ".")
    return f"{s}-{rut_dv(n)}"

# ---------------------------------------------------------------- Korea RRN (old check digit)
def rrn_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10 == int(d[12])


def gen_rrn(rng, yymmdd, sex):
    body = yymmdd + str(sex) + "".join(rng.choice(string.digits) for _ in range(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 10
    return f"{body[:6]}-{body[6:]}{c}"

# ---------------------------------------------------------------- Spain DNI / NIE
DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_valid(s):
    s = s.replace("-", "").replace(" ", "").upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    n = int(str("XYZ".index(m.group(1))) + m.group(2)) if m.group(1) else int(m.group(2))
    return DNI[n % 23] == m.group(3)


def gen_dni(rng):
    n = rng.randint(10_000_000, 79_999_999)
    return f"{n}{DNI[n % 23]}"

# ---------------------------------------------------------------- Argentina CUIL
def cuil_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 11:
        return False
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = 11 - sum(int(a) * b for a, b in zip(d, w)) % 11
    r = 0 if r == 11 else r
    return r != 10 and r == int(d[10])


def gen_cuil(rng):
    while True:
        body = rng.choice(["20", "27"]) + str(rng.randint(20_000_000, 45_999_999))
        w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        r = 11 - sum(int(a) * b for a, b in zip(body, w)) % 11
        r = 0 if r == 11 else r
        if r != 10:
            return f"{body[:2]}-{body[2:]}-{r}"


VALIDATORS = {
    "ird": ird_valid, "nzbank": nzbank_valid, "iban": iban_valid, "luhn": luhn_valid,
    "aadhaar": verhoeff_valid, "cnid": cnid_valid, "thid": thid_valid, "cpf": cpf_valid,
    "rut": rut_valid, "rrn": rrn_valid, "dni": dni_valid, "cuil": cuil_valid,
}


if __name__ == "__main__":
    rng = random.Random(4130)
    out = []
    out.append("IRD: " + ", ".join(gen_ird(rng) for _ in range(20)))
    out.append("NZBANK: " + ", ".join(gen_nzbank(rng) for _ in range(30)))
    for cc in ["GB", "DE", "PK", "UA", "SA", "AE", "BR", "PT", "ES", "IE"]:
        out.append(f"IBAN {cc}: " + ", ".join(iban_spaced(gen_iban(rng, cc)) for _ in range(3)))
    out.append("VISA: " + ", ".join(gen_card(rng, "4") for _ in range(8)))
    out.append("MC: " + ", ".join(gen_card(rng, "5" + str(rng.randint(1, 5))) for _ in range(6)))
    out.append("UNIONPAY: " + ", ".join(gen_card(rng, "62") for _ in range(3)))
    out.append("AADHAAR: " + ", ".join(gen_aadhaar(rng) for _ in range(8)))
    for reg, dob in [("350102", "19910314"), ("440106", "19880702"), ("320583", "19950123"),
                     ("510105", "19870930"), ("130682", "19930611"), ("350521", "19790408")]:
        out.append(f"CNID {reg}/{dob}: " + gen_cnid(rng, reg, dob))
    out.append("THID: " + ", ".join(gen_thid(rng) for _ in range(6)))
    out.append("CPF: " + ", ".join(gen_cpf(rng) for _ in range(5)))
    out.append("RUT: " + ", ".join(gen_rut(rng) for _ in range(4)))
    out.append("RRN: " + ", ".join(gen_rrn(rng, y, s) for y, s in
                                   [("890417", 1), ("930228", 2), ("860905", 1), ("950712", 2)]))
    out.append("DNI: " + ", ".join(gen_dni(rng) for _ in range(4)))
    out.append("CUIL: " + ", ".join(gen_cuil(rng) for _ in range(3)))
    txt = "\n".join(out)
    print(txt)
    with open(__file__.rsplit("/", 1)[0] + "/ids_pool.txt", "w", encoding="utf-8") as f:
        f.write(txt + "\n")


# ---------------------------------------------------------------- Hong Kong ID / Taiwan ID
def hkid_valid(s):
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})\(?([\dA])\)?", s.strip().upper())
    if not m:
        return False
    letters, digits, chk = m.groups()
    vals = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters]
    tot = vals[0] * 9 + vals[1] * 8 + sum(int(c) * w for c, w in zip(digits, [7, 6, 5, 4, 3, 2]))
    r = (11 - tot % 11) % 11
    return ("A" if r == 10 else str(r)) == chk


TWMAP = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22,
             O=35, P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)


def twid_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"[A-Z][12]\d{8}", s):
        return False
    n = TWMAP[s[0]]
    d = [n // 10, n % 10] + [int(c) for c in s[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(a * b for a, b in zip(d, w)) % 10 == 0


def chinese_script_id_valid(s):
    """身份证/身分證 context: dispatch on format (mainland 18-char, HK, Taiwan)."""
    s = s.strip().upper()
    if re.fullmatch(r"\d{17}[\dX]", s):
        return cnid_valid(s)
    if re.fullmatch(r"[A-Z][12]\d{8}", s):
        return twid_valid(s)
    return hkid_valid(s)


VALIDATORS.update({"cnid": chinese_script_id_valid, "hkid": hkid_valid, "twid": twid_valid})


# ---------------------------------------------------------------- NZ NHI (old AAANNNC format)
NHI_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nhi_valid(s):
    s = s.strip().upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    v = [NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(a * b for a, b in zip(v, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    return (11 - r) % 10 == int(s[6])


VALIDATORS["nhi"] = nhi_valid
