"""Seeded generator of invented identifiers for set relay6.

Run: python3 gen.py > gen_output.txt
Every value printed passes its format's check digit (see checks.py). Source pieces
draw their numbers from gen_output.txt; build.py re-checks them in context.
"""
import random
import string

from checks import (ird_valid, nz_bank_valid, iban_make, iban_valid, luhn_valid,
                    verhoeff_check, aadhaar_valid, cn_check, cn_id_valid, thai_valid,
                    krrn_valid, cpf_valid, nie_valid, nhi_valid, _NHI_L, PH_PREFIXES,
                    BANK_BRANCHES, gs1_valid)

R = random.Random(60616061)


def selftest():
    assert ird_valid("49-091-850") and ird_valid("35-901-981") and ird_valid("136-410-132")
    assert not ird_valid("136-410-133")
    assert nz_bank_valid("01-0902-0068389-00")
    assert iban_valid("GB82 WEST 1234 5698 7654 32")
    assert luhn_valid("4111 1111 1111 1111")
    assert verhoeff_check("236") == "3"
    assert cn_id_valid("11010519491231002X")
    assert cpf_valid("529.982.247-25")
    assert nie_valid("X1234567L")
    assert nhi_valid("ZZZ0016") and nhi_valid("ZZZ0024")


def ird():
    while True:
        n = R.randint(10_000_000, 149_999_999)
        s = str(n).zfill(9)
        # recompute check digit
        base = s[:8]
        for c in "0123456789":
            if ird_valid(base + c):
                v = base + c
                return f"{v[:3]}-{v[3:6]}-{v[6:]}" if v[0] != "0" else f"{v[1:3]}-{v[3:6]}-{v[6:]}"


def nz_bank():
    while True:
        bank = R.choice(list(BANK_BRANCHES))
        lo, hi = R.choice(BANK_BRANCHES[bank])
        br = f"{R.randint(lo, hi):04d}"
        acct = f"{R.randint(100000, 9999999):07d}"
        suf = R.choice(["00", "00", "01", "02", "25", "000", "001"])
        s = f"{bank}-{br}-{acct}-{suf}"
        if nz_bank_valid(s):
            return s


def rdig(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def es_dc(bank_branch, acct):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    def d(x):
        s = sum(int(a) * b for a, b in zip(x.zfill(10), w))
        r = 11 - s % 11
        return {10: 1, 11: 0}.get(r, r)
    return f"{d('00' + bank_branch)}{d(acct)}"


def nl_acct():
    while True:
        a = rdig(10)
        if a[0] != "0" and sum(int(c) * (10 - i) for i, c in enumerate(a)) % 11 == 0:
            return a


def fr_key(bank, branch, acct):
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97:02d}"


def iban(cc):
    if cc == "GB":
        bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + rdig(14)
    elif cc == "ES":
        bb, ac = rdig(8), rdig(10)
        bban = bb + es_dc(bb, ac) + ac
    elif cc == "NL":
        bban = R.choice(["ABNA", "RABO", "INGB"]) + nl_acct()
    elif cc == "FR":
        b, g, a = rdig(5), rdig(5), rdig(11)
        bban = b + g + a + fr_key(b, g, a)
    elif cc == "SA":
        bban = R.choice(["10", "80", "45"]) + rdig(18)
    elif cc == "AE":
        bban = R.choice(["033", "026", "035"]) + rdig(16)
    elif cc == "PK":
        bban = R.choice(["MEZN", "HABB", "UNIL"]) + rdig(16)
    elif cc == "PT":
        bban = rdig(21)
    else:
        raise ValueError(cc)
    v = iban_make(cc, bban)
    assert iban_valid(v)
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


def luhn_complete(prefix, length):
    while True:
        base = prefix + rdig(length - len(prefix) - 1)
        for c in "0123456789":
            if luhn_valid(base + c):
                return base + c


def card(kind):
    if kind == "visa":
        v = luhn_complete("4" + rdig(5), 16)
    elif kind == "mc":
        v = luhn_complete(R.choice(["51", "52", "53", "54", "55"]), 16)
    elif kind == "unionpay":
        v = luhn_complete("62" + R.choice(["2202", "1700", "2848", "1483"]), 19 if R.random() < .3 else 16)
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


def aadhaar():
    base = R.choice("23456789") + rdig(10)
    v = base + verhoeff_check(base)
    assert aadhaar_valid(v)
    return f"{v[:4]} {v[4:8]} {v[8:]}"


def cn_id(region, y, m, d, male):
    seq = f"{R.randint(0, 99):02d}"
    g = R.choice("13579" if male else "02468")
    base = f"{region}{y:04d}{m:02d}{d:02d}{seq}{g}"
    return base + cn_check(base)


def pan(surname_initial):
    L = string.ascii_uppercase
    return "".join(R.choice(L) for _ in range(3)) + "P" + surname_initial + rdig(4) + R.choice(L)


def thai():
    while True:
        b = R.choice("1358") + rdig(11)
        tot = sum(int(b[i]) * (13 - i) for i in range(12))
        v = b + str((11 - tot % 11) % 10)
        if thai_valid(v):
            return f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"


def krrn(y, m, d, g):
    b = f"{y % 100:02d}{m:02d}{d:02d}{g}" + rdig(5)
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * x for a, x in zip(b, w)) % 11) % 10
    v = b + str(c)
    assert krrn_valid(v)
    return f"{v[:6]}-{v[6:]}"


def cpf():
    while True:
        b = rdig(9)
        for n in (9, 10):
            tot = sum(int(b[i]) * (n + 1 - i) for i in range(n))
            b += str(tot * 10 % 11 % 10)
        if cpf_valid(b):
            return f"{b[:3]}.{b[3:6]}.{b[6:9]}-{b[9:]}"


def nie():
    p = R.choice("XY")
    n = rdig(7)
    v = p + n + "TRWAGMYFPDXBNJZSQVHLCKE"[int({"X": "0", "Y": "1"}[p] + n) % 23]
    assert nie_valid(v)
    return v


def nhi():
    while True:
        s = "".join(R.choice(_NHI_L) for _ in range(3)) + rdig(3)
        for c in "0123456789":
            if nhi_valid(s + c):
                return s + c


def nz_mobile():
    p = R.choice(["021", "022", "027", "020", "029", "021", "027"])
    n = rdig(7) if p != "021" or R.random() < .6 else rdig(6)
    return f"{p} {n[:3]} {n[3:]}"


def nz_land():
    a = R.choice(["03", "04", "06", "07", "09"])
    n = R.choice("2345689") + rdig(6)
    return f"({a}) {n[:3]} {n[3:]}"


def ph_mobile():
    p = R.choice(sorted(PH_PREFIXES))
    n = rdig(7)
    return f"+63 {p} {n[:3]} {n[3:]}"


def plate():
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(R.choice(L) for _ in range(3)) + f"{R.randint(1, 999)}"


def ip():
    while True:
        a = R.randint(1, 223)
        if a not in (10, 127, 169, 172, 192, 100):
            return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def nzbn():
    b = "94290" + rdig(7)
    tot = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    v = b + str((10 - tot % 10) % 10)
    assert gs1_valid(v)
    return v


def main():
    selftest()
    print("# IRD"); [print(ird()) for _ in range(24)]
    print("# NZ bank"); [print(nz_bank()) for _ in range(30)]
    for cc in ["GB", "ES", "NL", "FR", "SA", "AE", "PK", "PT"]:
        print(f"# IBAN {cc}"); [print(iban(cc)) for _ in range(3)]
    for k in ["visa", "mc", "unionpay"]:
        print(f"# card {k}"); [print(card(k)) for _ in range(5)]
    print("# Aadhaar"); [print(aadhaar()) for _ in range(10)]
    print("# CN RIC (region 350181 Fuqing, 350128 Pingtan, 440106 Tianhe, 330327 Cangnan)")
    for reg in ["350181", "350128", "440106", "330327"]:
        for _ in range(3):
            y, m, d = R.randint(1970, 2002), R.randint(1, 12), R.randint(1, 28)
            print(cn_id(reg, y, m, d, R.random() < .5))
    print("# PAN"); [print(pan(c)) for c in "SKGPRB"]
    print("# Thai ID"); [print(thai()) for _ in range(5)]
    print("# KR RRN"); [print(krrn(R.randint(1975, 1999), R.randint(1, 12), R.randint(1, 28), R.choice("12"))) for _ in range(4)]
    print("# CPF"); [print(cpf()) for _ in range(4)]
    print("# NIE"); [print(nie()) for _ in range(4)]
    print("# NHI"); [print(nhi()) for _ in range(6)]
    print("# NZ mobile"); [print(nz_mobile()) for _ in range(80)]
    print("# NZ landline"); [print(nz_land()) for _ in range(20)]
    print("# PH mobile"); [print(ph_mobile()) for _ in range(12)]
    print("# plate"); [print(plate()) for _ in range(20)]
    print("# IP"); [print(ip()) for _ in range(8)]
    print("# random digit strings (passports, visa, employee no.)")
    for _ in range(30):
        print(rdig(R.choice([6, 7, 8, 9, 10])))
    print("# NZBN"); [print(nzbn()) for _ in range(4)]
    # second draw, appended so that the earlier values stay unchanged
    print("# NZ mobile (2)"); [print(nz_mobile()) for _ in range(60)]
    print("# NZ landline (2)"); [print(nz_land()) for _ in range(15)]
    print("# IRD (2)"); [print(ird()) for _ in range(12)]
    print("# NZ bank (2)"); [print(nz_bank()) for _ in range(15)]
    print("# PH mobile (2)"); [print(ph_mobile()) for _ in range(8)]
    print("# plate (2)"); [print(plate()) for _ in range(12)]
    print("# IP (2)"); [print(ip()) for _ in range(6)]
    for k in ["visa", "mc"]:
        print(f"# card {k} (2)"); [print(card(k)) for _ in range(3)]
    print("# Aadhaar (2)"); [print(aadhaar()) for _ in range(3)]
    print("# IBAN ES/GB (2)"); print(iban("ES")); print(iban("GB")); print(iban("SA"))
    print("# Thai ID (2)"); [print(thai()) for _ in range(3)]
    print("# CN RIC (2)")
    for reg in ["350181", "440106"]:
        y, m, d = R.randint(1975, 2000), R.randint(1, 12), R.randint(1, 28)
        print(cn_id(reg, y, m, d, R.random() < .5))


if __name__ == "__main__":
    main()
