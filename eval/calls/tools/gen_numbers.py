#!/usr/bin/env python3
"""Generate invented identifiers with correct check digits for the calls set.

Usage:  python3 tools/gen_numbers.py [seed] > tools/pool.txt

The author drew numbers from this pool while writing source.txt (then
reformatted them by hand: spaces, dashes, words, other digit scripts).
Everything is random; no number is a documented example value.
"""
import random
import sys
from datetime import date, timedelta

from checkdigits import (
    luhn_checkdigit, make_iban, verhoeff_checkdigit, cn_ric_checkdigit,
    ird_checkdigit, cpf_checkdigits, hkid_checkdigit, tw_checkdigit,
    rut_checkdigit, cuit_checkdigit, ua_tax_checkdigit, NZ_BRANCHES,
    valid_nz_bank, valid_luhn,
)

TEXTBOOK = {"4111111111111111", "4242424242424242", "5555555555554444",
            "378282246310005", "49091850", "35901981", "11144477735",
            "11010519491231002X", "8001015009087"}


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def card(r, kind):
    if kind == "visa":
        p = "4" + digits(r, 14)
    elif kind == "mc":
        p = "5" + r.choice("12345") + digits(r, 13)
    elif kind == "amex":
        p = r.choice(["34", "37"]) + digits(r, 12)
    elif kind == "rupay":
        p = r.choice(["6521", "6522", "6080"]) + digits(r, 11)
    else:  # unionpay
        p = "62" + digits(r, 13)
    n = p + luhn_checkdigit(p)
    assert valid_luhn(n)
    return n


def ird(r):
    while True:
        base = str(r.randint(1_100_000, 14_999_999))
        c = ird_checkdigit(base)
        if c is not None:
            n = base + c
            if 10_000_000 < int(n) < 150_000_000:
                return n


def nz_bank(r):
    while True:
        bank = r.choice(list(NZ_BRANCHES))
        lo, hi = r.choice(NZ_BRANCHES[bank])
        branch = f"{r.randint(lo, hi):04d}"
        acct = f"{r.randint(100000, 989999):07d}"
        suffix = r.choice(["00", "00", "01", "02", "25", "50", "000", "001"])
        if valid_nz_bank(bank, branch, acct, suffix):
            return f"{bank}-{branch}-{acct}-{suffix}"


def aadhaar(r):
    p = r.choice("23456789") + digits(r, 10)
    return p + verhoeff_checkdigit(p)


CN_REGIONS = ["350583", "440106", "330382", "510107", "410526", "362330",
              "445281", "350521", "430624", "320923"]


def rand_dob(r, y0=1968, y1=2004):
    d = date(y0, 1, 1) + timedelta(days=r.randint(0, (date(y1, 12, 31) - date(y0, 1, 1)).days))
    return d


def cn_ric(r):
    d = rand_dob(r)
    s17 = r.choice(CN_REGIONS) + d.strftime("%Y%m%d") + digits(r, 3)
    return s17 + cn_ric_checkdigit(s17), d


def cpf(r):
    n = digits(r, 9)
    full = n + cpf_checkdigits(n)
    return f"{full[:3]}.{full[3:6]}.{full[6:9]}-{full[9:]}"


def hkid(r):
    pre = r.choice("ACDEGHKPRVYZ") if r.random() < .85 else r.choice(["XA", "WX"])
    d = digits(r, 6)
    return f"{pre}{d}({hkid_checkdigit(pre, d)})"


def tw_id(r):
    letter = r.choice("ABDEFHJKLMNPQTUV")
    eight = r.choice("12") + digits(r, 7)
    return letter + eight + tw_checkdigit(letter, eight)


def rut(r):
    body = str(r.randint(8_000_000, 24_999_999))
    c = rut_checkdigit(body)
    b = f"{int(body):,}".replace(",", ".")
    return f"{b}-{c}"


def cuil(r):
    while True:
        ten = r.choice(["20", "27", "23"]) + f"{r.randint(18_000_000, 45_999_999)}"
        c = cuit_checkdigit(ten)
        if c is not None:
            return f"{ten[:2]}-{ten[2:]}-{c}"


def ua_tax(r):
    d = rand_dob(r, 1972, 2003)
    days = (d - date(1899, 12, 31)).days
    nine = f"{days:05d}" + digits(r, 4)
    return nine + ua_tax_checkdigit(nine), d


def za_id(r):
    d = rand_dob(r, 1970, 2003)
    p = d.strftime("%y%m%d") + f"{r.randint(0, 9999):04d}" + "0" + r.choice("89")
    return p + luhn_checkdigit(p), d


def iban_ua(r):
    bban = r.choice(["305299", "322001", "300528", "380805"]) + digits(r, 19)
    return make_iban("UA", bban)


def iban_br(r):
    bban = digits(r, 8) + digits(r, 5) + digits(r, 10) + r.choice("CP") + "1"
    return make_iban("BR", bban)


def spaced(s, n=4):
    return " ".join(s[i:i + n] for i in range(0, len(s), n))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240611
    r = random.Random(seed)
    out = []
    for k in ["visa", "visa", "visa", "mc", "mc", "amex", "rupay", "unionpay"]:
        out.append(("CARD " + k, spaced(card(r, k))))
    for _ in range(14):
        out.append(("NZ IRD", ird(r)))
    for _ in range(16):
        out.append(("NZ bank", nz_bank(r)))
    for _ in range(8):
        out.append(("Aadhaar", spaced(aadhaar(r))))
    for _ in range(6):
        n, d = cn_ric(r)
        out.append(("CN RIC", f"{n}  (dob {d})"))
    for _ in range(6):
        out.append(("BR CPF", cpf(r)))
    for _ in range(5):
        out.append(("HKID", hkid(r)))
    for _ in range(5):
        out.append(("TW ID", tw_id(r)))
    for _ in range(5):
        out.append(("CL RUT", rut(r)))
    for _ in range(5):
        out.append(("AR CUIL", cuil(r)))
    for _ in range(5):
        n, d = ua_tax(r)
        out.append(("UA RNOKPP", f"{n}  (dob {d})"))
    for _ in range(5):
        n, d = za_id(r)
        out.append(("ZA ID", f"{n}  (dob {d})"))
    for _ in range(4):
        out.append(("IBAN UA", spaced(iban_ua(r))))
    for _ in range(4):
        out.append(("IBAN BR", spaced(iban_br(r))))
    out += extras()
    for kind, val in out:
        assert val.split()[0].replace(" ", "") not in TEXTBOOK
        print(f"{kind:12s} {val}")


def extras():
    """Numbers added during the second writing pass (bank-card numbers used for
    transfers to recruiters, and sex-consistent replacements for two IDs)."""
    out = []
    r = random.Random(77)
    for pre, n in [("621700", 19), ("516874", 16), ("622848", 19), ("4149", 16)]:
        p = pre + "".join(r.choice("0123456789") for _ in range(n - len(pre) - 1))
        out.append(("CARD extra", spaced(p + luhn_checkdigit(p))))
    r = random.Random(4242)
    # South African ID, male (sequence >= 5000), born 1984-08-25
    p = "840825" + str(r.randint(5000, 9999)) + "08"
    out.append(("ZA ID extra", p + luhn_checkdigit(p) + "  (male, dob 1984-08-25)"))
    # Ukrainian RNOKPP, male (9th digit odd), born 1986-04-28
    days = (date(1986, 4, 28) - date(1899, 12, 31)).days
    while True:
        nine = f"{days:05d}" + "".join(r.choice("0123456789") for _ in range(4))
        if int(nine[8]) % 2 == 1:
            break
    out.append(("UA extra", nine + ua_tax_checkdigit(nine) + "  (male, dob 1986-04-28)"))
    return out


if __name__ == "__main__":
    main()
