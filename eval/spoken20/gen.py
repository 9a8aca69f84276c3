#!/usr/bin/env python3
"""Seeded generator of invented identifiers for the spoken20 set.

Every value printed here is invented. Numbers whose real format carries a
check digit are generated so that the check passes (the same checks are
re-run by build.py on the labelled spans). Run:  python3 gen.py > pool.txt
"""
import random
import string

from checks import (nz_bank_valid, ird_valid, luhn_valid, iban_valid,
                    verhoeff_check_digit, cn_id_check_char, thai_id_valid)

R = random.Random(20200520)


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


# ---------------------------------------------------------------- NZ bank
NZ_BANKS = {  # bank code -> plausible branch ranges
    "01": [(1, 999), (1100, 1199), (1800, 1899)],      # ANZ
    "02": [(1, 999), (1200, 1299)],                     # BNZ
    "03": [(1, 999), (1300, 1399), (1500, 1599)],       # Westpac
    "06": [(1, 999), (1400, 1499)],                     # ANZ (ex National)
    "12": [(3000, 3299), (3400, 3499)],                 # ASB
    "38": [(9000, 9499)],                               # Kiwibank
}


def nz_bank():
    while True:
        bank = R.choice(list(NZ_BANKS))
        lo, hi = R.choice(NZ_BANKS[bank])
        branch = "%04d" % R.randint(lo, hi)
        acct = "%07d" % R.randint(100000, 989999)
        suffix = R.choice(["00", "000", "01", "001", "002", "02", "025", "50"])
        s = "%s-%s-%s-%s" % (bank, branch, acct, suffix)
        if nz_bank_valid(s):
            return s


def ird():
    while True:
        n = R.randint(10000000, 149999999)
        s = "%09d" % n
        base = s[:8]
        for last in "0123456789":
            cand = base + last
            if ird_valid(cand):
                if cand.startswith("0"):
                    return cand[1:] if R.random() < 0.5 else cand
                return cand


def luhn_card(prefix, length):
    while True:
        body = prefix + digits(length - len(prefix) - 1)
        for d in "0123456789":
            if luhn_valid(body + d):
                return body + d


def iban(country, bban_len):
    bban = digits(bban_len) if country != "GB" else "NWBK" + digits(14)
    for cd in range(2, 99):
        s = "%s%02d%s" % (country, cd, bban)
        if iban_valid(s):
            return s


def aadhaar():
    body = str(R.randint(2, 9)) + digits(10)
    return body + verhoeff_check_digit(body)


def cn_id():
    area = R.choice(["350102", "440106", "320583", "510104", "130203"])
    y = R.randint(1975, 2001)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    body = "%s%04d%02d%02d%s" % (area, y, m, d, digits(3))
    return body + cn_id_check_char(body)


def thai_id():
    while True:
        body = str(R.randint(1, 8)) + digits(11)
        s = sum(int(body[i]) * (13 - i) for i in range(12))
        c = (11 - s % 11) % 10
        if thai_id_valid(body + str(c)):
            return body + str(c)


def cn_id_x():
    """a resident ID whose check character is X (seeded separately)"""
    r = random.Random(77)
    while True:
        body = "350102" + "1993" + "%02d%02d" % (r.randint(1, 12), r.randint(1, 28)) + "%03d" % r.randint(0, 999)
        if cn_id_check_char(body) == "X":
            return body + "X"


def pan():
    L = string.ascii_uppercase
    return ("".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L)
            + digits(4) + R.choice(L))


def nz_mobile():
    p = R.choice(["021", "022", "027", "029", "020"])
    rest = digits(7) if p != "021" else digits(R.choice([6, 7, 8]))
    return p + " " + rest


def nz_land():
    return R.choice(["09", "07", "06", "03", "04"]) + " " + str(R.randint(2, 9)) + digits(6)


def ph_mobile():
    return R.choice(["0917", "0918", "0927", "0945", "0998", "0966", "0906", "0939"]) + " " + digits(3) + " " + digits(4)


def plate():
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if R.random() < 0.8:
        return "".join(R.choice(L) for _ in range(3)) + digits(3)
    return "".join(R.choice(L) for _ in range(2)) + digits(4)


def main():
    sections = [
        ("nz_bank", nz_bank, 40), ("ird", ird, 20),
        ("visa_card", lambda: luhn_card("4", 16), 8),
        ("mc_card", lambda: luhn_card(R.choice(["51", "53", "55", "2221"]), 16), 6),
        ("iban_GB", lambda: iban("GB", 0), 2), ("iban_DE", lambda: iban("DE", 18), 2),
        ("aadhaar", aadhaar, 8), ("cn_id", cn_id, 6), ("thai_id", thai_id, 4),
        ("pan", pan, 4), ("nz_mobile", nz_mobile, 120), ("nz_land", nz_land, 30),
        ("ph_mobile", ph_mobile, 20),
        ("in_mobile", lambda: "+91 " + R.choice("9876") + digits(4) + " " + digits(5), 12),
        ("ws_mobile", lambda: "+685 7" + digits(6), 10),
        ("to_mobile", lambda: "+676 " + R.choice("78") + digits(6), 8),
        ("fj_mobile", lambda: "+679 " + R.choice("79") + digits(6), 8),
        ("cn_mobile", lambda: "+86 1" + R.choice("3589") + digits(1) + " " + digits(4) + " " + digits(4), 8),
        ("vn_mobile", lambda: "+84 " + R.choice(["9", "3", "8"]) + digits(1) + " " + digits(3) + " " + digits(4), 8),
        ("nz_passport", lambda: R.choice(["LA", "LB", "LC", "LD", "LE", "LF", "LH"]) + digits(6), 10),
        ("in_passport", lambda: R.choice("JKLMNPRSTUVWZ") + digits(7), 6),
        ("ph_passport", lambda: "P" + digits(7) + R.choice("ABC"), 5),
        ("nz_licence", lambda: "".join(R.choice(string.ascii_uppercase) for _ in range(2)) + digits(6), 8),
        ("plate", plate, 40),
        ("cn_id_x", cn_id_x, 1),
    ]
    for name, fn, n in sections:
        print("## " + name)
        for _ in range(n):
            print(fn())


if __name__ == "__main__":
    main()
