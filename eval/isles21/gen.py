"""Seeded generator of invented numbers for isles21. Run: python3 gen.py > gen_out.txt"""
import random
from checks import ird_check_digit, ird_valid, nz_bank_valid, luhn_valid, BRANCHES, W

rng = random.Random(2021_0621)


def ird():
    while True:
        n = rng.randint(10_000_000 // 10 + 1, 14_999_999)
        base = str(n).zfill(8)
        c = ird_check_digit(base)
        if c is None:
            continue
        s = base + str(c)
        if ird_valid(s):
            s = s.lstrip("0").zfill(8) if s.startswith("0") else s
            return s


def bank(code):
    lo, hi = rng.choice(BRANCHES[code])
    while True:
        branch = str(rng.randint(lo, hi)).zfill(4)
        acct = str(rng.randint(100000, 989999)).zfill(7)
        suf = rng.choice(["00", "00", "000", "01", "02", "25", "030", "50"])
        s = f"{code}-{branch}-{acct}-{suf}"
        if nz_bank_valid(s):
            return s


def card(prefix):
    while True:
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
        for c in range(10):
            s = body + str(c)
            if luhn_valid(s):
                return " ".join(s[i:i + 4] for i in range(0, 16, 4))


print("IRD:")
for _ in range(30):
    s = ird()
    if len(s) == 9:
        print("  ", s, f"{s[:3]}-{s[3:6]}-{s[6:]}")
    else:
        print("  ", s, f"{s[:2]}-{s[2:5]}-{s[5:]}")
print("BANK:")
for code in ["01", "02", "03", "06", "12", "38"]:
    for _ in range(6):
        print("  ", bank(code))
print("CARD:")
for p in ["4", "4", "4", "51", "53", "55", "4"]:
    for _ in range(2):
        print("  ", card(p))
