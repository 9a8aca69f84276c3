"""Seeded generator of invented numbers for the roam19 set.
Run: python3 gen.py > generated.txt   (seed fixed, output stable)
Every number with a check digit is built to pass it and re-checked here.
"""
import random
from checks import *

R = random.Random(1919)


def rd(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def ird():
    while True:
        base = str(R.randint(1_000_000, 14_999_999)).zfill(8)
        for c in "0123456789":
            if ird_ok(base + c):
                d = (base + c).lstrip("0")
                d = d.zfill(9)
                return f"{d[:3]}-{d[3:6]}-{d[6:]}"


def nzbank():
    while True:
        bank = R.choice(list(NZ_BRANCHES))
        lo, hi = R.choice(NZ_BRANCHES[bank])
        branch = R.randint(lo, hi)
        acct = R.randint(100000, 989999)
        suf = R.choice([0, 0, 0, 1, 2, 25, 30])
        s = f"{bank:02d}-{branch:04d}-{acct:07d}-{suf:02d}" if bank != 38 else f"{bank:02d}-{branch:04d}-{acct:07d}-{suf:03d}"
        if nz_bank_ok(s):
            return s


def card(prefix):
    body = prefix + rd(15 - len(prefix))
    d = body + luhn_digit(body)
    return " ".join(d[i:i + 4] for i in range(0, 16, 4))


def aadhaar():
    while True:
        b = R.choice("23456789") + rd(10)
        for c in "0123456789":
            if aadhaar_ok(b + c):
                d = b + c
                return f"{d[:4]} {d[4:8]} {d[8:]}"


def pan():
    L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + rd(4) + R.choice(L)


def cnid(region, y, m, d, female):
    while True:
        seq = rd(2) + str(R.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9]))
        b = f"{region}{y:04d}{m:02d}{d:02d}{seq}"
        s = sum(int(a) * w for a, w in zip(b, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
        t = b + "10X98765432"[s % 11]
        assert cnid_ok(t)
        return t


def thai():
    b = R.choice("1358") + rd(11)
    tot = sum(int(b[i]) * (13 - i) for i in range(12))
    t = b + str((11 - tot % 11) % 10)
    assert thai_ok(t)
    return f"{t[0]} {t[1:5]} {t[5:10]} {t[10:12]} {t[12]}"


def tfn():
    while True:
        d = rd(9)
        if d[0] != "0" and tfn_ok(d):
            return f"{d[:3]} {d[3:6]} {d[6:]}"


def cpf():
    while True:
        b = rd(9)
        d = b
        for n in (9, 10):
            tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
            d += str((tot * 10) % 11 % 10)
        if cpf_ok(d):
            return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def rut():
    b = str(R.randint(15_000_000, 24_999_999))
    v = rut_dv(b)
    return f"{b[:-6]}.{b[-6:-3]}.{b[-3:]}-{v}"


def dni():
    n = R.randint(10_000_000, 79_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def iban(cc):
    if cc == "PK":
        bban = R.choice(["HABB", "MEZN", "UNIL", "ABPA"]) + rd(16)
    elif cc == "JO":
        bban = R.choice(["ARAB", "HBHO", "CAAB"]) + rd(4) + rd(18)
    elif cc == "BR":
        bban = rd(8) + rd(5) + rd(10) + "C" + "1"
    elif cc == "ES":
        bban = rd(20)
    elif cc == "PT":
        bban = rd(21)
    t = iban_make(cc, bban)
    assert iban_ok(t), t
    return " ".join(t[i:i + 4] for i in range(0, len(t), 4))


def nik(female):
    region = R.choice(["320901", "321201", "330114", "350712", "520203", "630205"])
    dd = R.randint(1, 28) + (40 if female else 0)
    mm = R.randint(1, 12)
    yy = R.randint(85, 99)
    t = f"{region}{dd:02d}{mm:02d}{yy:02d}{R.randint(1, 999):04d}"
    assert nik_ok(t)
    return t


def cccd(female):
    prov = R.choice(["040", "042", "038", "036", "034", "001", "030"])
    yy = R.randint(85, 99)
    t = f"{prov}{1 if female else 0}{yy:02d}{rd(6)}"
    assert cccd_ok(t)
    return t


def cnic(female):
    d = R.choice("2468") if female else R.choice("13579")
    return f"{R.choice(['34101','35202','37405','33100','61101'])}-{rd(7)}-{d}"


PHONES = {
    "NZ mob": lambda: f"02{R.choice('1127')} {rd(3)} {rd(4)}",
    "NZ land": lambda: f"0{R.choice('3679')} {R.choice('23458')}{rd(2)} {rd(4)}",
    "AU mob": lambda: f"04{rd(2)} {rd(3)} {rd(3)}",
    "PH mob": lambda: f"09{R.choice(['17','18','27','28','38','47','55','56','66','77','95','98'])} {rd(3)} {rd(4)}",
    "IN mob": lambda: f"+91 {R.choice('6789')}{rd(4)} {rd(5)}",
    "NP mob": lambda: f"98{R.choice('0146')}{rd(7)}",
    "BD mob": lambda: f"01{R.choice('3456789')}{rd(2)}-{rd(6)}",
    "PK mob": lambda: f"03{R.choice('0123')}{rd(1)}-{rd(7)}",
    "LK mob": lambda: f"07{R.choice('01245678')} {rd(3)} {rd(4)}",
    "VN mob": lambda: f"09{R.choice('0134678')} {rd(3)} {rd(4)}",
    "ID mob": lambda: f"08{R.choice(['12','13','21','52','57','77','95'])}-{rd(4)}-{rd(4)}",
    "TH mob": lambda: f"0{R.choice('689')}{rd(1)}-{rd(3)}-{rd(4)}",
    "KH mob": lambda: f"0{R.choice(['12','15','16','17','70','77','96'])} {rd(3)} {rd(3)}",
    "CN mob": lambda: f"1{R.choice(['38','39','50','58','86','88'])} {rd(4)} {rd(4)}",
    "FJ mob": lambda: f"+679 {R.choice('789')}{rd(2)} {rd(4)}",
    "WS mob": lambda: f"+685 7{R.choice('2567')} {rd(5)}",
    "TO mob": lambda: f"+676 {R.choice('78')}{rd(1)}{rd(5)}",
    "VU mob": lambda: f"+678 {R.choice('57')}{rd(6)}",
    "PG mob": lambda: f"+675 7{rd(3)} {rd(4)}",
    "KI mob": lambda: f"+686 7{rd(3)} {rd(4)}",
    "JO mob": lambda: f"+962 7{R.choice('789')} {rd(3)} {rd(4)}",
    "BR mob": lambda: f"+55 {R.choice(['62','11','31','41'])} 9{rd(4)}-{rd(4)}",
    "CL mob": lambda: f"+56 9 {rd(4)} {rd(4)}",
}

if __name__ == "__main__":
    out = []
    for _ in range(12): out.append(("IRD", ird()))
    for _ in range(12): out.append(("NZBANK", nzbank()))
    for p in ["4", "4", "4", "51", "52", "53", "55"]: out.append(("CARD", card(p)))
    for _ in range(6): out.append(("AADHAAR", aadhaar()))
    for _ in range(4): out.append(("PAN", pan()))
    out.append(("CNID", cnid("350181", 1988, 7, 14, False)))
    out.append(("CNID", cnid("350128", 1991, 11, 3, True)))
    out.append(("CNID", cnid("441581", 1979, 2, 26, False)))
    for _ in range(3): out.append(("THAI", thai()))
    for _ in range(5): out.append(("TFN", tfn()))
    for _ in range(3): out.append(("CPF", cpf()))
    for _ in range(3): out.append(("RUT", rut()))
    for _ in range(2): out.append(("DNI", dni()))
    for cc in ["PK", "PK", "JO", "BR", "ES", "PT"]: out.append(("IBAN", iban(cc)))
    for f in [False, True, False, True]: out.append(("NIK", nik(f)))
    for f in [False, True, False]: out.append(("CCCD", cccd(f)))
    for f in [False, True]: out.append(("CNIC", cnic(f)))
    for k, fn in PHONES.items():
        for _ in range(8): out.append((k, fn()))
    for k, v in out:
        print(f"{k}\t{v}")
