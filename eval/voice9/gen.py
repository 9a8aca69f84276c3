#!/usr/bin/env python3
"""Seeded generator of invented check-digit numbers for the voice9 test set.

Run:  python3 gen.py > numbers.txt
Every value printed is invented; the check digit (where the real format has one)
is computed here and re-checked independently by build.py.
"""
import random

RNG = random.Random(20250909)


def digits(n):
    return [RNG.randrange(10) for _ in range(n)]


# ---------- NZ IRD (mod 11, weights 3,2,7,6,5,4,3,2 then 7,4,3,2,5,2,7,6) ----------
def ird():
    while True:
        n = RNG.randrange(10_000_000, 150_000_000) // 10  # base without check digit
        base = [int(c) for c in f"{n:08d}"]
        s = sum(a * b for a, b in zip(base, [3, 2, 7, 6, 5, 4, 3, 2]))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            continue  # keep it simple: only primary-weight numbers
        v = n * 10 + c
        if 10_000_000 <= v <= 150_000_000:
            s9 = f"{v:09d}"
            return s9 if v >= 100_000_000 else f"{v:08d}"


# ---------- NZ bank account (Payments NZ algorithms A/B/D/E/F/G) ----------
W = {
    "A": [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "B": [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "D": [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0],
    "F": [0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0],
}
MOD = {"A": 11, "B": 11, "D": 11, "F": 10}

BANKS = [  # bank, branch ranges (public data)
    ("01", [(1, 999), (1100, 1199), (1800, 1899)]),   # ANZ
    ("02", [(1, 999), (1200, 1299)]),                 # BNZ
    ("03", [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)]),  # Westpac
    ("06", [(1, 999), (1400, 1499)]),                 # ANZ (ex National)
    ("12", [(3000, 3299), (3400, 3499), (3600, 3699)]),  # ASB
    ("38", [(9000, 9499)]),                           # Kiwibank
    ("15", [(3900, 3999)]),                           # TSB
]


def nz_algo(bank, base8):
    if bank == "08":
        return "D"
    if bank in ("25", "33"):
        return "F"
    return "A" if int(base8) < 990000 else "B"


def nzbank():
    while True:
        bank, ranges = RNG.choice(BANKS)
        lo, hi = RNG.choice(ranges)
        branch = f"{RNG.randint(lo, hi):04d}"
        acct = f"{RNG.randrange(0, 10**7):07d}"
        suffix = RNG.choice(["00", "00", "00", "01", "02", "03", "25", "50"])
        base8 = "0" + acct
        algo = nz_algo(bank, base8)
        ds = [int(c) for c in bank + branch + base8 + f"{int(suffix):04d}"]
        if sum(a * b for a, b in zip(ds, W[algo])) % MOD[algo] == 0:
            return f"{bank}-{branch}-{acct}-{suffix}"


# ---------- IBAN (ISO 13616 mod 97) ----------
IBAN_SPEC = {"GB": "4a14n", "DE": "18n", "PK": "4a16n", "AE": "19n", "SA": "2n18c",
             "BR": "23n1a1c", "ES": "20n", "FR": "23n", "UA": "6n19c", "PH": None}


def iban(cc):
    spec = {"GB": ("AAAA", 14), "DE": ("", 18), "PK": ("AAAA", 16), "AE": ("", 19),
            "SA": ("", 20), "ES": ("", 20), "FR": ("", 23), "UA": ("", 25)}[cc]
    letters, n = spec
    bban = "".join(RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in letters)
    bban += "".join(str(d) for d in digits(n))
    rearr = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    check = 98 - int(num) % 97
    return f"{cc}{check:02d}{bban}"


# ---------- Luhn cards ----------
def luhn_complete(prefix, length):
    body = prefix + "".join(str(d) for d in digits(length - len(prefix) - 1))
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return body + str((10 - tot % 10) % 10)


# ---------- Aadhaar (Verhoeff) ----------
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def aadhaar():
    body = [RNG.randint(2, 9)] + digits(10)
    c = 0
    for i, d in enumerate(reversed(body)):
        c = VD[c][VP[(i + 1) % 8][d]]
    return "".join(map(str, body)) + str(VINV[c])


# ---------- China resident ID (ISO 7064 MOD 11-2) ----------
def cn_id(region, y, m, d, female):
    seq = RNG.randrange(0, 100)
    sx = RNG.choice([0, 2, 4, 6, 8]) if female else RNG.choice([1, 3, 5, 7, 9])
    body = f"{region}{y:04d}{m:02d}{d:02d}{seq:02d}{sx}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(a) * b for a, b in zip(body, w))
    return body + "10X98765432"[s % 11]


# ---------- India PAN (shape) ----------
def pan(surname_initial):
    a = "".join(RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
    return a + "P" + surname_initial + f"{RNG.randrange(10000):04d}" + RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


# ---------- Thai national ID (mod 11) ----------
def thai_id():
    body = [RNG.randint(1, 8)] + digits(11)
    s = sum(d * (13 - i) for i, d in enumerate(body))
    c = (11 - s % 11) % 10
    return "".join(map(str, body)) + str(c)


# ---------- Korean RRN ----------
def kr_rrn(yy, mm, dd, s):
    body = f"{yy:02d}{mm:02d}{dd:02d}{s}" + "".join(str(x) for x in digits(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 10
    return body + str(c)


# ---------- Brazil CPF ----------
def cpf():
    b = digits(9)
    s = sum(d * w for d, w in zip(b, range(10, 1, -1)))
    d1 = 0 if s % 11 < 2 else 11 - s % 11
    b.append(d1)
    s = sum(d * w for d, w in zip(b, range(11, 1, -1)))
    d2 = 0 if s % 11 < 2 else 11 - s % 11
    b.append(d2)
    x = "".join(map(str, b))
    return f"{x[:3]}.{x[3:6]}.{x[6:9]}-{x[9:]}"


# ---------- Spain DNI / NIE ----------
def nie():
    p = RNG.choice("XYZ")
    n = f"{RNG.randrange(10**7):07d}"
    val = int(str("XYZ".index(p)) + n)
    return f"{p}{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[val % 23]}"


# ---------- Chile RUT (mod 11, K) ----------
def rut():
    n = RNG.randint(15_000_000, 24_999_999)
    ds = [int(c) for c in str(n)][::-1]
    s = sum(d * (2 + i % 6) for i, d in enumerate(ds))
    r = 11 - s % 11
    dv = "0" if r == 11 else "K" if r == 10 else str(r)
    t = f"{n:,}".replace(",", ".")
    return f"{t}-{dv}"


# ---------- Philippines (shape): mobile, SSS, TIN ----------
def ph_mobile():
    return "9" + RNG.choice(["17", "18", "05", "06", "15", "16", "26", "27", "35", "47", "55", "66", "77", "95", "98", "99"]) + \
        "".join(map(str, digits(7)))


def main():
    out = []
    out += [("IRD", ird()) for _ in range(24)]
    out += [("NZBANK", nzbank()) for _ in range(24)]
    for cc in ["GB", "DE", "PK", "AE", "SA", "ES", "FR", "UA", "GB", "PK", "AE"]:
        out.append(("IBAN", iban(cc)))
    for pre, ln in [("4", 16)] * 6 + [("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("37", 15), ("34", 15), ("62", 16), ("4", 16)]:
        out.append(("CARD", luhn_complete(pre, ln)))
    out += [("AADHAAR", aadhaar()) for _ in range(10)]
    for region, y, m, d, f in [("350583", 1989, 3, 14, False), ("441421", 1994, 11, 2, True),
                               ("510722", 1979, 7, 30, False), ("330327", 2000, 1, 19, True),
                               ("420106", 1985, 9, 8, False), ("370211", 1997, 5, 25, True)]:
        out.append(("CNID", cn_id(region, y, m, d, f)))
    out += [("PAN", pan(c)) for c in "SKGMRP"]
    out += [("THAIID", thai_id()) for _ in range(6)]
    for yy, mm, dd, s in [(92, 4, 17, 1), (88, 12, 3, 2), (99, 6, 21, 2), (1, 2, 9, 3)]:
        out.append(("KRRRN", kr_rrn(yy, mm, dd, s)))
    out += [("CPF", cpf()) for _ in range(4)]
    out += [("NIE", nie()) for _ in range(3)]
    out += [("PHMOBILE", ph_mobile()) for _ in range(12)]
    # appended later (kept after the earlier draws so earlier values do not change)
    out += [("RUT", rut()) for _ in range(3)]
    out += [("IRD", ird()) for _ in range(6)]
    out += [("AADHAAR", aadhaar()) for _ in range(3)]
    for t, v in out:
        print(f"{t}\t{v}")


if __name__ == "__main__":
    main()
