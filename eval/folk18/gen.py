#!/usr/bin/env python3
"""Seeded generator of invented identifiers for the folk18 test set.

Everything produced here is random and invented. Formats that carry a check
digit are generated so that the check passes; build.py re-checks every span.
Run:  python3 gen.py > generated.txt
"""
import random
import string

R = random.Random(181818)

# ---------------------------------------------------------------- checks
def luhn_ok(num: str) -> bool:
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def ird_check(base8: str):
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        s = sum(int(a) * b for a, b in zip(base8, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_ok(num: str) -> bool:
    num = num.zfill(9)
    if not (10_000_000 <= int(num) <= 150_000_000):
        return False
    c = ird_check(num[:8])
    return c is not None and c == int(num[8])


NZ_W = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
}


def nz_bank_ok(bank: str, branch: str, acct: str, suffix: str) -> bool:
    acct8 = acct.zfill(8)
    suf4 = suffix.zfill(4)
    digits = bank.zfill(2) + branch.zfill(4) + acct8 + suf4
    if bank in {"08", "09", "25", "33", "26", "28", "29", "31"}:
        return False  # not generated here
    alg = "A" if int(acct8) < 990000 else "B"
    w, m = NZ_W[alg]
    return sum(int(d) * x for d, x in zip(digits, w)) % m == 0


NZ_BRANCH = {"01": [(1, 999), (1100, 1199), (1800, 1899)],
             "02": [(1, 999), (1200, 1299)],
             "03": [(1, 999), (1300, 1399), (1500, 1599)],
             "06": [(1, 999), (1400, 1499)],
             "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
             "38": [(9000, 9499)]}


def nz_bank(bank):
    while True:
        lo, hi = R.choice(NZ_BRANCH[bank])
        br = str(R.randint(lo, hi)).zfill(4)
        acct = str(R.randint(1, 989999)).zfill(7)
        suf = R.choice(["00", "00", "01", "02", "25", "000", "001"]) if bank == "02" else R.choice(["00", "00", "01", "02", "03", "50"])
        if nz_bank_ok(bank, br, acct, suf):
            return f"{bank}-{br}-{acct}-{suf}"


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97 == 1


def iban(cc, bban):
    n = "".join(str(int(c, 36)) for c in bban + cc + "00")
    chk = 98 - int(n) % 97
    return f"{cc}{chk:02d}{bban}"


# Verhoeff
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_ok(num: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(num: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return str(VINV[c])


def aadhaar():
    b = str(R.randint(2, 9)) + "".join(R.choice(string.digits) for _ in range(10))
    n = b + verhoeff_digit(b)
    assert verhoeff_ok(n)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_C = "10X98765432"


def cn_id(region, y, m, d):
    b = f"{region}{y:04d}{m:02d}{d:02d}{R.randint(0, 999):03d}"
    return b + CN_C[sum(int(a) * w for a, w in zip(b, CN_W)) % 11]


def thai_id():
    b = str(R.randint(1, 8)) + "".join(R.choice(string.digits) for _ in range(11))
    s = sum(int(b[i]) * (13 - i) for i in range(12))
    n = b + str((11 - s % 11) % 10)
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


def kr_rrn(y, m, d, sex):
    b = f"{y % 100:02d}{m:02d}{d:02d}{sex}" + "".join(R.choice(string.digits) for _ in range(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(int(a) * x for a, x in zip(b, w))
    return f"{b[:6]}-{b[6:]}{(11 - s % 11) % 10}"


def pan(surname_initial):
    return ("".join(R.choice(string.ascii_uppercase) for _ in range(3)) + "P" + surname_initial
            + f"{R.randint(1, 9999):04d}" + R.choice(string.ascii_uppercase))


TW_L = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id(letter, sex):
    body = str(sex) + "".join(R.choice(string.digits) for _ in range(7))
    n = TW_L[letter]
    s = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(body, [8, 7, 6, 5, 4, 3, 2, 1]))
    return letter + body + str((10 - s % 10) % 10)


def pesel(y, m, d, male=True):
    mm = m + (20 if y >= 2000 else 0)
    sex = R.choice("13579" if male else "02468")
    b = f"{y % 100:02d}{mm:02d}{d:02d}{R.randint(0, 999):03d}{sex}"
    s = sum(int(a) * w for a, w in zip(b, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]))
    return b + str((10 - s % 10) % 10)


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def main():
    out = []
    def sec(t):
        out.append(f"\n## {t}")
    sec("NZ mobile")
    for _ in range(40):
        p = R.choice(["021", "022", "027", "020", "029", "021", "027"])
        n = digits(7 if p in ("021", "022", "027") else R.choice([7, 8]))
        n = str(R.randint(1, 9)) + n[1:]
        out.append(f"{p} {n[:3]} {n[3:]}")
    sec("NZ landline")
    for _ in range(12):
        a = R.choice(["09", "07", "06", "04", "03"])
        out.append(f"({a}) {R.randint(2,9)}{digits(2)} {digits(4)}")
    sec("IRD")
    c = 0
    while c < 14:
        n = R.randint(10_000_000, 149_999_999)
        b = f"{n:09d}"[:8]
        k = ird_check(b)
        if k is None:
            continue
        v = b + str(k)
        if ird_ok(v):
            out.append(f"{v[:3]}-{v[3:6]}-{v[6:]}")
            c += 1
    sec("NZ bank")
    for bk in ["01", "02", "03", "06", "12", "38", "12", "01", "38", "03", "02", "12", "06", "38"]:
        out.append(nz_bank(bk))
    sec("IBAN")
    out.append(iban("DE", digits(18)))
    out.append(iban("GB", "NWBK" + digits(14)))
    out.append(iban("FR", digits(10) + "".join(R.choice(string.ascii_uppercase + string.digits) for _ in range(11)) + digits(2)))
    out.append(iban("ES", digits(20)))
    out.append(iban("PT", digits(21)))
    sec("Cards Visa/MC")
    for _ in range(5):
        out.append(luhn_complete("4", 16))
    for _ in range(3):
        out.append(luhn_complete("5" + str(R.randint(1, 5)), 16))
    sec("Aadhaar")
    for _ in range(6):
        out.append(aadhaar())
    sec("PAN")
    for s in "SKPGR":
        out.append(pan(s))
    sec("China ID")
    for reg, y, m, d in [("350128", 1988, 3, 14), ("440105", 1992, 11, 2), ("130102", 1979, 7, 30), ("510107", 1995, 1, 9), ("350583", 1984, 12, 21)]:
        out.append(cn_id(reg, y, m, d))
    sec("Thai ID")
    for _ in range(4):
        out.append(thai_id())
    sec("Korea RRN")
    out.append(kr_rrn(1994, 5, 17, 2))
    out.append(kr_rrn(1988, 10, 3, 1))
    sec("PH mobile")
    for _ in range(12):
        p = R.choice(["917", "905", "918", "927", "998", "915", "939", "926", "977", "906", "919", "947"])
        out.append(f"+63 {p} {digits(3)} {digits(4)}")
    sec("Fiji / Samoa / Tonga / Vanuatu / Solomons / Kiribati")
    for _ in range(5):
        out.append(f"+679 {R.choice(['7','9','8'])}{digits(2)} {digits(4)}")
    for _ in range(4):
        out.append(f"+685 7{digits(1)} {digits(5)}")
    for _ in range(4):
        out.append(f"+676 {R.choice(['77','84','87'])}{digits(1)} {digits(4)}")
    for _ in range(2):
        out.append(f"+678 {R.choice(['55','77'])}{digits(1)} {digits(4)}")
    for _ in range(2):
        out.append(f"+677 7{digits(2)} {digits(4)}")
    sec("India / Nepal / Bangladesh / Sri Lanka / Pakistan")
    for _ in range(6):
        out.append(f"+91 {R.choice('6789')}{digits(4)} {digits(5)}")
    for _ in range(3):
        out.append(f"+977 98{digits(8)}")
    for _ in range(3):
        out.append(f"+880 1{R.choice('3789')}{digits(2)} {digits(6)}")
    for _ in range(3):
        out.append(f"+94 7{R.choice('1245678')} {digits(3)} {digits(4)}")
    sec("China / Vietnam / Thai / Cambodia / Indonesia / Korea / Malaysia")
    for _ in range(4):
        out.append(f"+86 13{digits(1)} {digits(4)} {digits(4)}")
    for _ in range(4):
        out.append(f"+84 9{digits(1)} {digits(3)} {digits(4)}")
    for _ in range(3):
        out.append(f"+66 8{digits(1)} {digits(3)} {digits(4)}")
    for _ in range(3):
        out.append(f"+855 {R.choice(['12','17','92','96'])} {digits(3)} {digits(3)}")
    for _ in range(3):
        out.append(f"+62 81{digits(1)}-{digits(4)}-{digits(4)}")
    for _ in range(2):
        out.append(f"+82 10-{digits(4)}-{digits(4)}")
    for _ in range(2):
        out.append(f"+60 1{R.choice('2367')}-{digits(3)} {digits(4)}")
    sec("NZ plates")
    for _ in range(14):
        out.append("".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + digits(3))
    sec("NZ passport / DL")
    for _ in range(5):
        out.append("L" + R.choice("ABFGHKM") + digits(6))
    for _ in range(5):
        out.append(R.choice(["D", "E", "F", "H", "K"]) + R.choice(string.ascii_uppercase) + digits(6))
    sec("Other passports")
    out.append("P" + digits(7) + R.choice(string.ascii_uppercase))   # PH
    out.append("P" + digits(7) + R.choice(string.ascii_uppercase))
    out.append(R.choice("KLMNPRSTUVWZ") + digits(7))  # India
    out.append(R.choice("KLMNPRSTUVWZ") + digits(7))
    out.append("E" + digits(8))  # China
    out.append("C" + digits(7))  # Vietnam
    out.append("FJ" + digits(6))
    out.append("FA" + digits(5))
    out.append("A" + digits(7))
    out.append("PA" + digits(7))  # Nepal-ish
    sec("misc digits")
    for n in (6, 7, 8, 9, 10, 11, 12):
        out.append(digits(n))
    sec("IPs")
    for _ in range(5):
        out.append(f"{R.choice([103, 121, 122, 125, 202, 203, 210, 219])}.{R.randint(1,254)}.{R.randint(0,254)}.{R.randint(1,254)}")
    out.append("2404:4400:" + ":".join(f"{R.randint(0, 65535):x}" for _ in range(3)) + "::" + f"{R.randint(1,65535):x}")
    sec("NZ mobile (second draw)")
    for _ in range(90):
        p = R.choice(["021", "022", "027", "020", "029", "021", "027", "027"])
        n = str(R.randint(1, 9)) + digits(6 if p in ("021", "022", "027") else R.choice([6, 7]))
        out.append(f"{p} {n[:3]} {n[3:]}")
    sec("NZ plates (second draw)")
    for _ in range(12):
        out.append("".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + digits(3))
    sec("Taiwan ID")
    out.append(tw_id("A", 1))
    out.append(tw_id("F", 2))
    sec("Cards (second draw)")
    for _ in range(3):
        out.append(luhn_complete("4", 16))
    sec("PESEL")
    out.append(pesel(1991, 7, 23))
    print("\n".join(out))


if __name__ == "__main__":
    main()
