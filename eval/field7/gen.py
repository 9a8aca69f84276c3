"""Seeded generator of invented identifiers for field7. Writes pool.json and pool.txt.
Every number here is random; the check-digit ones are made to pass their checks."""
import json
import random
import string

from checks import (NZ_BRANCHES, W_A, iban_make, ird_ok, nz_bank_ok, luhn_ok, verhoeff_digit,
                    aadhaar_ok, cn_digit, thai_digit, rrn_digit, cpf_digits, rut_digit, DNI_L)

R = random.Random(70707)
pool = {}


def add(k, v):
    pool.setdefault(k, []).append(v)


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


# IRD
while len(pool.get("ird", [])) < 30:
    n = R.randint(10_000_001, 149_999_999)
    s = str(n)
    if ird_ok(s):
        s = s.zfill(9)
        add("ird", f"{s[:3]}-{s[3:6]}-{s[6:]}")

# NZ bank
while len(pool.get("nzbank", [])) < 30:
    bank = R.choice(list(NZ_BRANCHES))
    lo, hi = R.choice(NZ_BRANCHES[bank])
    br = f"{R.randint(lo, hi):04d}"
    acct = f"0{digits(6)}"
    suf = R.choice(["00", "00", "01", "02", "000", "025", "50"])
    s = f"{bank}-{br}-{acct}-{suf}"
    if nz_bank_ok(s):
        add("nzbank", s)

# cards
while len(pool.get("luhn", [])) < 15:
    pre = R.choice(["4", "4", "51", "53", "55"])
    base = pre + digits(15 - len(pre))
    for c in string.digits:
        if luhn_ok(base + c):
            s = base + c
            add("luhn", " ".join(s[i:i + 4] for i in range(0, 16, 4)))
            break

# Aadhaar
while len(pool.get("aadhaar", [])) < 10:
    base = str(R.randint(2, 9)) + digits(10)
    s = base + verhoeff_digit(base)
    assert aadhaar_ok(s), s
    add("aadhaar", f"{s[:4]} {s[4:8]} {s[8:]}")

# China resident ID
for _ in range(8):
    area = R.choice(["350102", "440106", "320102", "350581", "450103", "330382", "110105", "510104"])
    y, m, d = R.randint(1968, 2002), R.randint(1, 12), R.randint(1, 28)
    base = f"{area}{y}{m:02d}{d:02d}{digits(3)}"
    add("cnid", base + cn_digit(base))

# PAN
for _ in range(6):
    s = "".join(R.choice(string.ascii_uppercase) for _ in range(3)) + "P" + R.choice("SKMPGRDB") + digits(4) + R.choice(string.ascii_uppercase)
    add("pan", s)

# IBAN
for cc, mk in [("GB", lambda: "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + digits(14)),
               ("DE", lambda: digits(18)), ("UA", lambda: "3052990" + digits(18)[:19][:18] + "0"[:0] + digits(1)),
               ("BR", lambda: digits(23) + "C1"), ("SA", lambda: "80" + digits(18)), ("AE", lambda: "033" + digits(16))]:
    for _ in range(2):
        b = mk()
        if cc == "UA":
            b = "305299" + digits(19)
        s = iban_make(cc, b)
        add("iban", " ".join(s[i:i + 4] for i in range(0, len(s), 4)))

# Thai ID
for _ in range(4):
    base = str(R.randint(1, 8)) + digits(11)
    add("thaiid", base + thai_digit(base))
# Korean RRN
for _ in range(4):
    y, m, d = R.randint(70, 99), R.randint(1, 12), R.randint(1, 28)
    base = f"{y:02d}{m:02d}{d:02d}" + str(R.choice([1, 2])) + digits(5)
    add("rrn", base[:6] + "-" + base[6:] + rrn_digit(base))
# CPF
for _ in range(3):
    b = digits(9)
    s = b + cpf_digits(b)
    add("cpf", f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}")
# RUT
for _ in range(3):
    b = str(R.randint(12_000_000, 26_999_999))
    add("rut", f"{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{rut_digit(b)}")
# DNI / NIE
for _ in range(3):
    n = R.randint(10_000_000, 79_999_999)
    add("dni", f"{n}{DNI_L[n % 23]}")
n = R.randint(1_000_000, 9_999_999)
add("dni", f"Y{n:07d}{DNI_L[int('1' + f'{n:07d}') % 23]}")

# no-check helpers
for _ in range(25):
    add("nz_mobile", R.choice(["021", "022", "027", "029", "020"]) + " " + digits(3) + " " + digits(R.choice([3, 4])))
for _ in range(10):
    add("nz_land", f"(0{R.choice('34679')}) {R.randint(2, 9)}{digits(2)} {digits(4)}")
for cc, fmt in [("+63 9", 9), ("+91 ", 10), ("+86 1", 10), ("+84 9", 8), ("+685 7", 6), ("+676 8", 6),
                ("+679 ", 7), ("+66 8", 8), ("+82 10", 8), ("+81 90", 8), ("+62 8", 10), ("+60 1", 8),
                ("+977 98", 8), ("+880 1", 9), ("+94 7", 8), ("+92 3", 9), ("+855 1", 7), ("+95 9", 8),
                ("+856 20", 8), ("+55 11 9", 8), ("+56 9", 8), ("+7 9", 9), ("+380 6", 8), ("+98 91", 8),
                ("+20 10", 8), ("+686 7", 7), ("+688 90", 4), ("+675 7", 7)]:
    for _ in range(3):
        add("intl_phone", cc + digits(fmt))
for _ in range(20):
    add("plate", "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + digits(3))
for _ in range(8):
    add("nz_dl", "".join(R.choice(string.ascii_uppercase) for _ in range(2)) + digits(6))
for _ in range(8):
    add("passport", R.choice(["P", "E", "M", "K", "L", "N"]) + digits(7) + R.choice(["", "", "A"]))
for _ in range(6):
    add("ip", f"{R.randint(1, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}")
for _ in range(8):
    add("inz_client", digits(8))

# NZ NHI (old format, mod 11)
from checks import NHI_AL, nhi_ok
while len(pool.get("nhi", [])) < 4:
    b = "".join(R.choice(NHI_AL) for _ in range(3)) + digits(3)
    for c in string.digits:
        if nhi_ok(b + c):
            add("nhi", b + c)
            break

json.dump(pool, open("pool.json", "w"), ensure_ascii=False, indent=0)
with open("pool.txt", "w") as f:
    for k, vs in pool.items():
        f.write(f"{k}: " + " | ".join(vs) + "\n")
print(open("pool.txt").read())
