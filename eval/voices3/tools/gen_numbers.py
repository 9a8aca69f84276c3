#!/usr/bin/env python3
"""Seeded generator of check-digit-valid numbers for the voices3 tips.

    python3 tools/gen_numbers.py > tools/number_pool.txt

The author drew the numbers written into source.txt from this pool (some were
then written in other shapes: spaces, dashes, other scripts' digits).  Same
seed, same pool.
"""
import random
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkdigits as cd  # noqa: E402

SEED = 3_2026_1129


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def gen_ird(rng):
    while True:
        base = str(rng.randint(1_100_000, 14_999_999)).zfill(8)
        c = cd.compute_ird(base)
        if c is None:
            continue
        n = base + str(c)
        if cd.valid_ird(n):
            n = n.lstrip("0")
            n = n.zfill(9)
            return f"{n[:3]}-{n[3:6]}-{n[6:]}"


NZ_BRANCHES = {  # bank: (lo, hi) of a plausible branch range
    "01": (100, 999), "02": (100, 999), "03": (100, 999), "06": (100, 999),
    "12": (3000, 3499), "38": (9000, 9499), "15": (3900, 3999),
}


def gen_nzbank(rng):
    while True:
        bank = rng.choice(list(NZ_BRANCHES))
        lo, hi = NZ_BRANCHES[bank]
        branch = str(rng.randint(lo, hi)).zfill(4)
        acct = str(rng.randint(10_000, 989_999)).zfill(7)
        suffix = rng.choice(["00", "00", "01", "02", "25", "000", "001"])
        n = f"{bank}-{branch}-{acct}-{suffix}"
        if cd.valid_nz_bank(n):
            return n


def gen_iban(rng, country):
    length = cd.IBAN_LEN[country]
    if country == "PK":
        bban = rng.choice(["HABB", "MUCB", "UNIL", "MEZN"]) + digits(rng, 16)
    elif country == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD"]) + digits(rng, 14)
    elif country == "AE":
        bban = rng.choice(["033", "026", "035"]) + digits(rng, 16)
    elif country == "SA":
        bban = rng.choice(["80", "10", "45"]) + digits(rng, 18)
    else:
        bban = digits(rng, length - 4)
    return cd.compute_iban(country, bban)


def gen_card(rng, prefix):
    payload = prefix + digits(rng, 15 - len(prefix))
    return payload + str(cd.compute_luhn(payload))


def gen_aadhaar(rng):
    payload = rng.choice("23456789") + digits(rng, 10)
    return payload + str(cd.compute_verhoeff(payload))


def gen_cnid(rng, region, dob):
    payload = region + dob + digits(rng, 3)
    return payload + cd.compute_cnid(payload)


def gen_thid(rng):
    payload = rng.choice("1358") + digits(rng, 11)
    return payload + str(cd.compute_thid(payload))


def gen_krrrn(rng, yymmdd, sex):
    payload = yymmdd + sex + digits(rng, 5)
    return payload + str(cd.compute_krrrn(payload))


def gen_cpf(rng):
    p = digits(rng, 9)
    return p + cd.compute_cpf(p)


def gen_rut(rng):
    body = str(rng.randint(10_000_000, 26_999_999))
    return body + cd.compute_rut(body)


def main():
    rng = random.Random(SEED)
    out = []
    for _ in range(16):
        out.append(("ird", gen_ird(rng)))
    for _ in range(16):
        out.append(("nzbank", gen_nzbank(rng)))
    for c in ["UA", "PK", "PK", "BR", "AE", "SA", "PT", "ES", "GB", "DE", "FR", "UA"]:
        out.append(("iban", gen_iban(rng, c)))
    for p in ["4", "4", "4", "4", "5", "5", "5", "4", "5", "4", "4", "5"]:
        second = rng.choice("12345") if p == "5" else rng.choice("0123456789")
        out.append(("luhn", gen_card(rng, p + second)))
    for _ in range(8):
        out.append(("aadhaar", gen_aadhaar(rng)))
    for region, dob in [("350181", "19880716"), ("350128", "19930203"), ("440106", "19761125"),
                        ("330381", "19990408"), ("210102", "19850930"), ("371302", "20010115")]:
        out.append(("cnid", gen_cnid(rng, region, dob)))
    for _ in range(5):
        out.append(("thid", gen_thid(rng)))
    for yymmdd, sex in [("870512", "1"), ("920228", "2"), ("990817", "1"), ("010303", "4")]:
        out.append(("krrrn", gen_krrrn(rng, yymmdd, sex)))
    for _ in range(4):
        out.append(("cpf", gen_cpf(rng)))
    for _ in range(4):
        out.append(("rut", gen_rut(rng)))
    # appended later (kept at the end so the earlier pool stays the same)
    for _ in range(3):  # UnionPay debit cards, 19 digits
        payload = "62" + rng.choice(["1700", "2848", "2202"]) + digits(rng, 12)
        out.append(("luhn", payload + str(cd.compute_luhn(payload))))
    for _ in range(6):
        out.append(("ird", gen_ird(rng)))
    for _ in range(6):
        out.append(("nzbank", gen_nzbank(rng)))
    for scheme, value in out:
        assert cd.VALIDATORS[scheme](value), (scheme, value)
        print(f"{scheme}\t{value}")


if __name__ == "__main__":
    main()
