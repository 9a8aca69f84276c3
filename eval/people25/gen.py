"""Seeded generator for invented numbers used in people25/source.txt.

Run: python3 gen.py > pool.txt   (seed fixed, output is reproducible)
Every number here is invented; check-digit formats are generated valid.
"""
import random
from checks import (ird_valid, nzbank_valid, luhn_valid, aadhaar_valid, cnid_valid,
                    iban_valid, nhi_valid, BRANCHES, PH_PREFIXES, _VD, _VP)

R = random.Random(2525)
N = 14


def digits(k):
    return "".join(R.choice("0123456789") for _ in range(k))


def ird():
    while True:
        n = str(R.randint(10000000, 149999999)).zfill(9)[:8]
        for c in "0123456789":
            s = n + c
            if ird_valid(s):
                return f"{s[:3]}-{s[3:6]}-{s[6:]}"


def nzbank():
    while True:
        bank = R.choice(list(BRANCHES))
        lo, hi = R.choice(BRANCHES[bank])
        br = str(R.randint(lo, hi)).zfill(4)
        acct = str(R.randint(100000, 989999)).zfill(7)
        suf = R.choice(["00", "01", "02", "000", "50"])
        s = f"{bank}-{br}-{acct}-{suf}"
        if nzbank_valid(s):
            return s


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_valid(body + c):
            return body + c


def card():
    p = R.choice(["4", "51", "53", "55", "4"])
    n = luhn_complete(p, 16)
    return " ".join(n[i:i + 4] for i in range(0, 16, 4))


def aadhaar():
    while True:
        b = str(R.randint(2, 9)) + digits(10)
        for c in "0123456789":
            if aadhaar_valid(b + c):
                s = b + c
                return f"{s[:4]} {s[4:8]} {s[8:]}"


def cnid():
    area = R.choice(["350582", "441900", "410522", "320583", "510124", "130682", "440981"])
    y = R.randint(1975, 2001)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    b = f"{area}{y}{m:02d}{d:02d}{digits(3)}"
    for c in "0123456789X":
        if cnid_valid(b + c):
            return b + c


def pan():
    L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + digits(4) + R.choice(L)


def iban(cc, bblen):
    bb = digits(bblen)
    for k in range(2, 99):
        s = f"{cc}{k:02d}{bb}"
        if iban_valid(s):
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def nz_mobile():
    p = R.choice(["021", "022", "027", "029", "020", "021", "027"])
    return f"{p} {digits(3)} {digits(4)}"


def nz_land():
    a = R.choice(["09", "07", "06", "03", "04"])
    return f"{a} {R.randint(2,9)}{digits(2)} {digits(4)}"


def ph():
    p = R.choice(sorted(PH_PREFIXES))
    return f"+63 {p} {digits(3)} {digits(4)}"


def nhi():
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        b = "".join(R.choice(L) for _ in range(3)) + digits(3)
        for c in "0123456789":
            if nhi_valid(b + c):
                return b + c


def main():
    secs = {
        "IRD": ird, "NZBANK": nzbank, "CARD": card, "AADHAAR": aadhaar,
        "CNID": cnid, "PAN": pan,
        "IBAN_PT": lambda: iban("PT", 21), "IBAN_DE": lambda: iban("DE", 18),
        "NZ_MOBILE": nz_mobile, "NZ_LAND": nz_land, "PH_MOBILE": ph,
        "IN_MOBILE": lambda: f"+91 {R.randint(6,9)}{digits(4)} {digits(5)}",
        "NP_MOBILE": lambda: f"+977 98{digits(2)}{digits(6)}",
        "WS_MOBILE": lambda: f"+685 7{R.randint(2,7)}{digits(5)}",
        "TO_MOBILE": lambda: f"+676 {R.choice(['77','84','87'])}{digits(5)}",
        "FJ_MOBILE": lambda: f"+679 {R.choice(['7','9','8'])}{digits(2)} {digits(4)}",
        "VN_MOBILE": lambda: f"+84 9{digits(1)} {digits(3)} {digits(4)}",
        "ID_MOBILE": lambda: f"+62 81{digits(1)}-{digits(4)}-{digits(4)}",
        "TH_MOBILE": lambda: f"+66 8{digits(1)} {digits(3)} {digits(4)}",
        "CN_MOBILE": lambda: f"+86 1{R.choice('3589')}{digits(1)} {digits(4)} {digits(4)}",
        "KR_MOBILE": lambda: f"+82 10-{digits(4)}-{digits(4)}",
        "LK_MOBILE": lambda: f"+94 7{R.choice('1245678')} {digits(3)} {digits(4)}",
        "BD_MOBILE": lambda: f"+880 1{R.choice('3789')}{digits(2)}-{digits(6)}",
        "MY_MOBILE": lambda: f"+60 1{R.choice('2679')}-{digits(3)} {digits(4)}",
        "RU_MOBILE": lambda: f"+7 9{digits(2)} {digits(3)}-{digits(2)}-{digits(2)}",
        "PLATE": lambda: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + digits(3),
        "NHI": nhi,
        "PASSPORT": lambda: R.choice(["P", "E", "N", "K"]) + R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + digits(7),
    }
    secs["PH_PASSPORT"] = lambda: "P" + digits(7) + R.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    secs["IN_PASSPORT"] = lambda: R.choice("JKLMNPRSTUVWZ") + digits(7)
    secs["NZ_DL"] = lambda: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + digits(6)
    secs["IP"] = lambda: f"{R.choice([101,114,118,122,202,203,222])}.{R.randint(1,254)}.{R.randint(0,254)}.{R.randint(1,254)}"
    secs["NZ_MOBILE2"] = nz_mobile
    secs["NZ_LAND2"] = nz_land
    secs["AU_MOBILE"] = lambda: f"+61 4{digits(2)} {digits(3)} {digits(3)}"
    secs["IRD2"] = ird
    secs["NZBANK2"] = nzbank
    secs["IAA_LICENCE"] = lambda: f"20{R.randint(8,23):02d}0{digits(4)}"
    big = {"NZ_MOBILE2": 120, "NZ_LAND2": 20, "NZ_MOBILE": 90, "NZ_LAND": 30, "PH_MOBILE": 25, "IN_MOBILE": 20, "PLATE": 25}
    for name, f in secs.items():
        print(f"== {name}")
        for _ in range(big.get(name, N)):
            print(f())


if __name__ == "__main__":
    main()
