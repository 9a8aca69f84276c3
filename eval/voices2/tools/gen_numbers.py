#!/usr/bin/env python3
"""Generate invented identifier numbers with correct check digits.

Used once, by hand, while writing source.txt: the author ran this script,
picked numbers from its output and typed them into tips (sometimes with the
spacing, dashes or scripts a real reporter would use).  Nothing here is a real
person's number; every value is drawn from a seeded RNG.

    python3 tools/gen_numbers.py [seed] > tools/generated_numbers.txt
"""
import random
import sys

# ---------------------------------------------------------------- algorithms

def ird_check(base):
    """NZ IRD number: base (7 or 8 digits, without check digit) -> full number or None."""
    b = str(base).zfill(8)
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        r = sum(int(d) * x for d, x in zip(b, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return str(base) + str(c)
    return None


VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(s):
    c = 0
    for i, d in enumerate(reversed(s)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(d)]]
    return str(VERHOEFF_INV[c])


def aadhaar(rng):
    body = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    return body + verhoeff_digit(body)


def cn_id(area, yyyymmdd, seq):
    body = f"{area}{yyyymmdd}{seq:03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(d) * x for d, x in zip(body, w))
    return body + "10X98765432"[s % 11]


def luhn_digit(body):
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d)
        if i % 2 == 0:  # rightmost digit of body is doubled
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def card(rng, prefix, length=16):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return body + luhn_digit(body)


def iban(country, bban):
    rearr = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    chk = 98 - int(num) % 97
    return f"{country}{chk:02d}{bban}"


def nz_bank(rng, bank, branch):
    """NZ bank account, algorithm A/B (banks 01,02,03,06,11,12,30,38 ...)."""
    wa = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    wb = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    while True:
        acct = rng.randint(10000, 9999999)
        suffix = rng.choice([0, 0, 0, 1, 2, 25, 30, 50])
        digits = f"{bank:02d}{branch:04d}{acct:08d}{suffix:04d}"
        w = wa if acct < 990000 else wb
        if sum(int(d) * x for d, x in zip(digits, w)) % 11 == 0:
            return f"{bank:02d}-{branch:04d}-{acct:07d}-{suffix:02d}"


NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


def nhi_old(rng):
    while True:
        letters = "".join(rng.choice(NHI_LETTERS) for _ in range(3))
        nums = "".join(str(rng.randint(0, 9)) for _ in range(3))
        vals = [NHI_LETTERS.index(c) + 1 for c in letters] + [int(d) for d in nums]
        s = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
        if s == 0:
            continue
        c = 11 - s
        if c == 10:
            c = 0
        return letters + nums + str(c)


def sa_id(rng, yymmdd, female):
    g = rng.randint(0, 4999) if female else rng.randint(5000, 9999)
    body = f"{yymmdd}{g:04d}0{rng.choice([8, 9])}"
    return body + luhn_digit(body)


CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp(body17):
    s = sum(CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(body17))
    return body17 + str((10 - s % 10) % 10)


def rut(rng):
    n = rng.randint(12_000_000, 24_999_999)
    s, m = 0, 2
    for d in reversed(str(n)):
        s += int(d) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    dv = "0" if r == 11 else "K" if r == 10 else str(r)
    x = f"{n:,}".replace(",", ".")
    return f"{x}-{dv}"


def cpf(rng):
    d = [rng.randint(0, 9) for _ in range(9)]
    for k in (10, 11):
        s = sum(v * w for v, w in zip(d, range(k, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def mrz_digit(s):
    vals = []
    for ch in s:
        if ch.isdigit():
            vals.append(int(ch))
        elif ch == "<":
            vals.append(0)
        else:
            vals.append(ord(ch) - 55)
    return str(sum(v * w for v, w in zip(vals, [7, 3, 1] * 20)) % 10)


def mrz_line2(docno, nat, dob, sex, expiry, optional=""):
    doc = docno.ljust(9, "<")
    opt = optional.ljust(14, "<")
    part = doc + mrz_digit(doc) + nat + dob + mrz_digit(dob) + sex + expiry + mrz_digit(expiry) + opt + mrz_digit(opt)
    comp = doc + mrz_digit(doc) + dob + mrz_digit(dob) + expiry + mrz_digit(expiry) + opt + mrz_digit(opt)
    return part + mrz_digit(comp)


# ---------------------------------------------------------------- output

def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7733
    rng = random.Random(seed)
    out = []
    for _ in range(10):
        while True:
            r = ird_check(rng.randint(1_000_000, 14_999_999))
            if r:
                break
        out.append(("IRD", r))
    for _ in range(8):
        out.append(("AADHAAR", aadhaar(rng)))
    areas = ["350181", "350128", "130984", "441481", "320381", "410225", "370882"]
    for _ in range(6):
        y = rng.randint(1975, 2001)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        out.append(("CN_ID", cn_id(rng.choice(areas), f"{y}{m:02d}{d:02d}", rng.randint(1, 999))))
    for p in ["4", "4", "5", "5", "4", "5"]:
        pre = p + str(rng.randint(0, 9)) if p == "4" else "5" + str(rng.randint(1, 5))
        out.append(("CARD", card(rng, pre)))
    ibans = [
        ("TL", "008" + "".join(str(rng.randint(0, 9)) for _ in range(14)) + "%02d" % rng.randint(10, 99)),
        ("BR", "".join(str(rng.randint(0, 9)) for _ in range(8)) + "".join(str(rng.randint(0, 9)) for _ in range(5)) + "".join(str(rng.randint(0, 9)) for _ in range(10)) + "C1"),
        ("AE", "033" + "".join(str(rng.randint(0, 9)) for _ in range(16))),
        ("PK", "MEZN" + "".join(str(rng.randint(0, 9)) for _ in range(16))),
        ("CR", "0152" + "".join(str(rng.randint(0, 9)) for _ in range(14))),
        ("GB", "MIDL" + "40" + "".join(str(rng.randint(0, 9)) for _ in range(12))),
        ("DE", "".join(str(rng.randint(0, 9)) for _ in range(18))),
    ]
    for c, b in ibans:
        out.append(("IBAN", iban(c, b)))
    for bank, branch in [(1, 1839), (2, 1248), (3, 1702), (6, 793), (12, 3150), (38, 9017), (12, 3443), (1, 486)]:
        out.append(("NZBANK", nz_bank(rng, bank, branch)))
    for _ in range(4):
        out.append(("NHI", nhi_old(rng)))
    out.append(("SA_ID", sa_id(rng, "880914", False)))
    out.append(("SA_ID", sa_id(rng, "930227", True)))
    out.append(("CURP", curp("ROMJ910522HOCDRN0")))
    out.append(("CURP", curp("GALM880103MPLRPR0")))
    out.append(("RUT", rut(rng)))
    out.append(("RUT", rut(rng)))
    out.append(("CPF", cpf(rng)))
    out.append(("MRZ", mrz_line2("FJ0824417", "FJI", "930611", "M", "300214")))
    out.append(("MRZ", mrz_line2("P3390716B", "PHL", "910427", "F", "320908")))
    # Values made afterwards for particular tips, so that the ID agrees with a
    # date of birth written in the same tip (zhao ming, born 1990-09-06, male).
    out.append(("CN_ID", cn_id("350181", "19900906", 317)))
    out.append(("CN_ID", cn_id("350181", "19930212", 58)))
    for k, v in out:
        print(f"{k}\t{v}")


if __name__ == "__main__":
    main()
