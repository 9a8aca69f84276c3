#!/usr/bin/env python3
"""Seeded generator of invented check-digit numbers for cases9.

Run:  python3 gen.py > numbers.txt
Every line: TYPE <tab> bare value <tab> one usual written form.
Values are drawn by hand from numbers.txt into source.txt; build.py
re-checks every span with checks.py.  Nothing here is a real person's number
(all are random draws; only the check digit is computed).
"""
import hashlib
import random

import checks

SEED = 20249
rng = random.Random(SEED)
out = []


def emit(kind, value, shown=None):
    assert checks.VALIDATORS[kind](shown or value), (kind, value, shown)
    out.append(f"{kind}\t{value}\t{shown or value}")


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


# NZ IRD ------------------------------------------------------------
def gen_ird():
    while True:
        base = str(rng.randint(1_000_000, 14_999_999)).zfill(8)
        for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
            r = sum(int(a) * b for a, b in zip(base, w)) % 11
            c = 0 if r == 0 else 11 - r
            if c != 10:
                break
        else:
            continue
        v = (base + str(c)).lstrip("0")
        if checks.ird_valid(v):
            return v


for _ in range(16):
    v = gen_ird()
    shown = f"{v[:-6]}-{v[-6:-3]}-{v[-3:]}"
    emit("IRD", v, shown)


# NZ bank ------------------------------------------------------------
def gen_nzbank():
    while True:
        bank = rng.choice([1, 2, 3, 6, 12, 15, 38])
        lo, hi = rng.choice(checks.NZ_BRANCHES[bank])
        branch = rng.randint(max(lo, 1), hi)
        acct = str(rng.randint(0, 989999)).zfill(7)  # alg A range
        d = f"{bank:02d}{branch:04d}0{acct[:6]}"
        w = checks.NZ_W["A"][:13]
        tot = sum(int(x) * y for x, y in zip(d, w))
        last = (-tot) % 11
        if last == 10:
            continue
        acct = acct[:6] + str(last)
        suf = rng.choice(["00", "00", "01", "02", "000", "001", "50", "025"])
        shown = f"{bank:02d}-{branch:04d}-{acct}-{suf}"
        if checks.nzbank_valid(shown):
            return shown


for _ in range(22):
    s = gen_nzbank()
    emit("NZBANK", s.replace("-", ""), s)


# IBAN ---------------------------------------------------------------
def gen_iban(cc, bban):
    n = "".join(str(int(c, 36)) for c in bban + cc + "00")
    chk = 98 - int(n) % 97
    v = f"{cc}{chk:02d}{bban}"
    return v


iban_specs = [
    ("GB", lambda: rng.choice(["NWBK", "BARC", "LOYD", "HBUK"]) + digits(14)),
    ("PK", lambda: rng.choice(["HABB", "MEZN", "UNIL", "ALFH"]) + digits(16)),
    ("AE", lambda: rng.choice(["033", "026", "035"]) + digits(16)),
    ("SA", lambda: rng.choice(["80", "10", "45"]) + digits(18)),
    ("BR", lambda: digits(23) + "C" + "1"),
    ("QA", lambda: rng.choice(["QNBA", "DOHB", "CBQA"]) + digits(21)),
    ("DE", lambda: digits(18)),
    ("PT", lambda: digits(21)),
]
for cc, f in iban_specs:
    for _ in range(2):
        v = gen_iban(cc, f())
        shown = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        emit("IBAN", v, shown)


# Cards (Luhn) ---------------------------------------------------------
def luhn_complete(p):
    for c in "0123456789":
        if checks.luhn_ok(p + c):
            return p + c


for _ in range(12):
    pre = rng.choice(["4", "4", "51", "52", "53", "55", "2221"])
    v = luhn_complete(pre + digits(15 - len(pre)))
    emit("CARD", v, " ".join(v[i:i + 4] for i in range(0, 16, 4)))

for _ in range(4):
    v = luhn_complete(rng.choice(["35", "86", "01"]) + digits(12))
    emit("IMEI", v, v)

for _ in range(3):
    v = luhn_complete(rng.choice(["1", "2", "4", "5", "6", "7", "9"]) + digits(7))
    emit("SIN", v, f"{v[:3]} {v[3:6]} {v[6:]}")


# Aadhaar (Verhoeff) ---------------------------------------------------
def verhoeff_complete(p):
    for c in "0123456789":
        if checks.verhoeff_ok(p + c):
            return p + c


for _ in range(10):
    v = verhoeff_complete(str(rng.randint(2, 9)) + digits(10))
    emit("AADHAAR", v, f"{v[:4]} {v[4:8]} {v[8:]}")


# China resident ID ------------------------------------------------------
regions = ["350102", "350181", "350583", "440106", "441900", "320583", "370202",
           "510107", "130102", "420111", "350624", "450102"]
for _ in range(10):
    y = rng.randint(1968, 2001)
    m = rng.randint(1, 12)
    dd = rng.randint(1, 28)
    body = f"{rng.choice(regions)}{y}{m:02d}{dd:02d}{digits(3)}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]
    emit("CNID", body + c)


# NZ NHI (old format) -----------------------------------------------------
def gen_nhi():
    while True:
        letters = "".join(rng.choice(checks.NHI_AL) for _ in range(3))
        ds = digits(3)
        for c in "0123456789":
            if checks.nhi_valid(letters + ds + c):
                return letters + ds + c


for _ in range(6):
    emit("NHI", gen_nhi())


# Thai ID ---------------------------------------------------------------
for _ in range(5):
    body = str(rng.randint(1, 3)) + digits(11)
    tot = sum(int(body[i]) * (13 - i) for i in range(12))
    v = body + str((11 - tot % 11) % 10)
    emit("THAIID", v, f"{v[0]} {v[1:5]} {v[5:10]} {v[10:12]} {v[12]}")

# Korean RRN ------------------------------------------------------------
for _ in range(4):
    y = rng.randint(70, 99)
    body = f"{y:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.choice('12')}{digits(5)}"
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    v = body + str((11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 10)
    emit("KRRRN", v, f"{v[:6]}-{v[6:]}")

# Brazil CPF ------------------------------------------------------------
for _ in range(4):
    d = digits(9)
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        r = tot * 10 % 11
        d += str(0 if r == 10 else r)
    emit("CPF", d, f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}")

# Chile RUT ------------------------------------------------------------
for _ in range(4):
    body = str(rng.randint(10_000_000, 24_999_999))
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    dv = "0" if r == 11 else "K" if r == 10 else str(r)
    emit("RUT", body + dv, f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{dv}")

# Mexico CURP ------------------------------------------------------------
curp_bodies = ["HEGJ870412HOCRRN0", "LOPM910923MPLPRR0", "RAMC850117HGRMRR0",
               "SAVA930305MCSNLN0"]
for b in curp_bodies:
    tot = sum(checks.CURP_DICT.index(c) * (18 - i) for i, c in enumerate(b))
    emit("CURP", b + str((10 - tot % 10) % 10))

# Spain NIE --------------------------------------------------------------
for _ in range(3):
    p = rng.choice("XYZ")
    n = digits(7)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int({"X": "0", "Y": "1", "Z": "2"}[p] + n) % 23]
    emit("ESDNI", p + n + letter)

# Singapore FIN / NRIC ----------------------------------------------------
for _ in range(4):
    p = rng.choice("SFGT")
    n = digits(7)
    tot = sum(int(a) * b for a, b in zip(n, [2, 7, 6, 5, 4, 3, 2])) + (4 if p in "TG" else 0)
    t = "JZIHGFEDCBA" if p in "ST" else "XWUTRQPNMLK"
    emit("SGNRIC", p + n + t[tot % 11])

# Australia TFN -------------------------------------------------------------
n_tfn = 0
while n_tfn < 3:
    d = digits(8)
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    for c in "0123456789":
        if sum(int(a) * b for a, b in zip(d + c, w)) % 11 == 0:
            v = d + c
            emit("TFN", v, f"{v[:3]} {v[3:6]} {v[6:]}")
            n_tfn += 1
            break

# ICAO MRZ line 2 -------------------------------------------------------------
mrz_people = [
    # doc no, nationality, dob YYMMDD, sex, expiry, optional
    ("P4827193A", "PHL", "900214", "F", "310812", ""),
    ("Z5038172", "IND", "870930", "M", "330115", ""),
    ("EJ4471029", "CHN", "921107", "M", "320604", ""),
    ("C8825316", "VNM", "950721", "F", "330228", ""),
    ("TN0291847", "TON", "880503", "M", "290919", ""),
    ("PE6630918", "NPL", "930118", "M", "311002", ""),
]
for no, nat, dob, sex, exp, opt in mrz_people:
    no9 = no.ljust(9, "<")
    opt14 = opt.ljust(14, "<")
    l2 = (no9 + checks.mrz_digit(no9) + nat + dob + checks.mrz_digit(dob) + sex + exp
          + checks.mrz_digit(exp) + opt14 + (checks.mrz_digit(opt14) if opt else "<"))
    comp = l2[0:10] + l2[13:20] + l2[21:43]
    l2 += checks.mrz_digit(comp)
    emit("MRZ2", l2)


# Tron (USDT TRC-20) addresses, Base58Check ---------------------------------------
def b58encode(b):
    n = int.from_bytes(b, "big")
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = checks.B58[r] + s
    pad = len(b) - len(b.lstrip(b"\x00"))
    return "1" * pad + s


for _ in range(4):
    payload = b"\x41" + bytes(rng.randrange(256) for _ in range(20))
    chk = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    emit("B58", b58encode(payload + chk))

# India GSTIN (company tax id, embeds a PAN) -----------------------------------
for body in ["04AAKCG5521M1Z", "27AADCS8814R1Z", "03AAHFK2290L1Z"]:
    emit("GSTIN", body + checks.gstin_check(body))

# China UnionPay debit cards (Luhn), 19 and 16 digits --------------------------------
for n in (19, 19, 19, 16, 16):
    pre = rng.choice(["622202", "621700", "622848", "621483"])
    v = luhn_complete(pre + digits(n - 1 - len(pre)))
    emit("CARD", v, " ".join(v[i:i + 4] for i in range(0, n, 4)))

print("\n".join(out))
