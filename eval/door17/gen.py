"""Seeded generator of invented numbers that pass their real check digits.

Run: python3 gen.py > pool.txt   (values in source.txt are drawn from pool.txt)
"""
import random
from checks import (NZ_BRANCHES, nz_bank_ok, ird_check_digit, iban_ok, luhn_ok,
                    verhoeff_digit, aadhaar_ok, cn_id_digit, th_id_digit, kr_rrn_digit,
                    cpf_digits, rut_digit)

R = random.Random(1717)


def ird():
    while True:
        base = str(R.randint(1_000_000, 14_999_999)).zfill(8)
        c = ird_check_digit(base)
        if c is None:
            continue
        n = base + str(c)
        n = n.lstrip("0") if len(n.lstrip("0")) >= 8 else n
        if 10_000_000 <= int(n) <= 150_000_000:
            return n


def fmt_ird(n):
    n = n.zfill(9)
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def nz_bank():
    while True:
        bank = R.choice(list(NZ_BRANCHES))
        lo, hi = R.choice(NZ_BRANCHES[bank])
        br = str(R.randint(lo, hi)).zfill(4)
        acc6 = str(R.randint(10000, 98999)).zfill(6)
        for last in range(10):
            acc = "0" + acc6 + str(last)
            suf = R.choice(["00", "01", "02", "000", "025", "50"])
            if nz_bank_ok(bank, br, acc, suf) and R.random() < 0.5:
                return f"{bank}-{br}-{acc}-{suf}"


def iban(cc, bban_len, alpha_prefix=0):
    while True:
        pre = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(alpha_prefix))
        bban = pre + "".join(R.choice("0123456789") for _ in range(bban_len - alpha_prefix))
        r = bban + cc + "00"
        n = int("".join(str(int(c, 36)) for c in r))
        chk = 98 - n % 97
        s = f"{cc}{chk:02d}{bban}"
        if iban_ok(s):
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def card(prefix, length=16):
    while True:
        body = prefix + "".join(R.choice("0123456789") for _ in range(length - len(prefix) - 1))
        for d in "0123456789":
            if luhn_ok(body + d):
                n = body + d
                return " ".join(n[i:i + 4] for i in range(0, len(n), 4))


def aadhaar():
    while True:
        base = str(R.randint(2, 9)) + "".join(R.choice("0123456789") for _ in range(10))
        n = base + str(verhoeff_digit(base))
        if aadhaar_ok(n):
            return f"{n[:4]} {n[4:8]} {n[8:]}"


def cn_id(area, y):
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    base = f"{area}{y}{m:02d}{d:02d}{R.randint(10, 999):03d}"
    return base + cn_id_digit(base)


def th_id():
    base = str(R.randint(1, 5)) + "".join(R.choice("0123456789") for _ in range(11))
    n = base + str(th_id_digit(base))
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


def kr_rrn(yy):
    m, d = R.randint(1, 12), R.randint(1, 28)
    base = f"{yy:02d}{m:02d}{d:02d}" + R.choice("12") + "".join(R.choice("0123456789") for _ in range(5))
    return base[:6] + "-" + base[6:] + str(kr_rrn_digit(base))


def cpf():
    base = "".join(R.choice("0123456789") for _ in range(9))
    n = base + cpf_digits(base)
    return f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}"


def rut():
    body = str(R.randint(12_000_000, 24_999_999))
    b = f"{int(body):,}".replace(",", ".")
    return f"{b}-{rut_digit(body)}"


def pan(surname_initial):
    L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(R.choice(L) for _ in range(3)) + "P" + surname_initial + \
        f"{R.randint(1000, 9999)}" + R.choice(L)


if __name__ == "__main__":
    print("# IRD")
    for _ in range(12):
        print(fmt_ird(ird()))
    print("# NZ bank")
    for _ in range(16):
        print(nz_bank())
    print("# IBAN PK / AE / JO / UA / BR / KZ / GE")
    for _ in range(2):
        print(iban("PK", 20, 4))
        print(iban("AE", 19))
        print(iban("JO", 26, 4))
        print(iban("UA", 25))
        print(iban("KZ", 16))
        print(iban("GE", 18, 2))
    print("# cards visa / mc")
    for _ in range(4):
        print(card("4"))
        print(card("5" + R.choice("12345")))
    print("# aadhaar")
    for _ in range(6):
        print(aadhaar())
    print("# CN ID (Changle 350182, Pingtan 350128, Tianhe 440106, Fuqing 350181)")
    for area in ["350182", "350128", "440106", "350181", "350182"]:
        print(cn_id(area, R.randint(1975, 2000)))
    print("# Thai ID")
    for _ in range(4):
        print(th_id())
    print("# KR RRN")
    for yy in (88, 93, 79):
        print(kr_rrn(yy))
    print("# CPF")
    for _ in range(3):
        print(cpf())
    print("# RUT")
    for _ in range(3):
        print(rut())
    print("# PAN")
    for s in "SKGRB":
        print(pan(s))
