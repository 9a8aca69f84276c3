"""Seeded generator of invented numbers for the numbers26 set.

Run:  python3 gen.py > numbers.txt
Everything here is made up.  Numbers with a real check digit are built to pass it
(the same functions in checks.py are used again by build.py).
"""
import random
import string

import checks as C

R = random.Random(2626)


def digits(n, first="0123456789"):
    return R.choice(first) + "".join(R.choice("0123456789") for _ in range(n - 1))


def ird():
    while True:
        base = R.randint(1_000_000, 14_999_999)
        b = str(base).zfill(8)
        r = sum(int(a) * w for a, w in zip(b, (3, 2, 7, 6, 5, 4, 3, 2))) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            continue
        n = b + str(c)
        if C.ird_ok(n):
            s = n.lstrip("0")
            s = s.zfill(9)
            return f"{s[:3]}-{s[3:6]}-{s[6:]}"


def nz_bank():
    while True:
        b = R.choice(list(C.NZ_BRANCHES))
        lo, hi = R.choice(C.NZ_BRANCHES[b])
        br = str(R.randint(lo, hi)).zfill(4)
        acc = str(R.randint(10000, 989999)).zfill(7)
        suf = R.choice(["00", "00", "000", "01", "02", "25", "030", "50"])
        s = f"{b}-{br}-{acc}-{suf}"
        if C.nz_bank_ok(s):
            return s


def iban(cc):
    bban = {
        "BR": lambda: digits(8) + digits(5) + digits(10) + "C" + "1",
        "CR": lambda: "0" + digits(3) + digits(14),
        "DO": lambda: "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + digits(20),
        "DE": lambda: digits(18),
        "GT": lambda: "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + digits(20),
        "GB": lambda: "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + digits(14),
    }[cc]()
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    chk = 98 - int(num) % 97
    s = f"{cc}{chk:02d}{bban}"
    assert C.iban_ok(s)
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def luhn_card(prefix, length):
    while True:
        body = prefix + "".join(R.choice("0123456789") for _ in range(length - len(prefix) - 1))
        for c in "0123456789":
            if C.luhn_ok(body + c):
                s = body + c
                if length == 15:
                    return f"{s[:4]} {s[4:10]} {s[10:]}"
                return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def aadhaar():
    while True:
        body = digits(11, "23456789")
        for c in "0123456789":
            if C.aadhaar_ok(body + c):
                s = body + c
                return f"{s[:4]} {s[4:8]} {s[8:]}"


def cn_id(region, dob):
    while True:
        body = region + dob + digits(3)
        for c in "0123456789X":
            if C.cn_id_ok(body + c):
                return body + c


def pan(surname_initial):
    a = "".join(R.choice(string.ascii_uppercase) for _ in range(3))
    return f"{a}P{surname_initial}{digits(4)}{R.choice(string.ascii_uppercase)}"


def thai_id():
    while True:
        body = digits(12, "1358")
        for c in "0123456789":
            if C.thai_id_ok(body + c):
                s = body + c
                return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


def cpf():
    while True:
        body = digits(9)
        for c1 in "0123456789":
            for c2 in "0123456789":
                s = body + c1 + c2
                if C.cpf_ok(s):
                    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def nhi():
    while True:
        a = "".join(R.choice(C._NHI_ALPHA) for _ in range(3)) + digits(3)
        for c in "0123456789":
            if C.nhi_ok(a + c):
                return a + c


def mrz2(docno, nat, dob, sex, exp):
    docno = docno.ljust(9, "<")
    body = docno + C.mrz_digit(docno) + nat + dob + C.mrz_digit(dob) + sex + exp + C.mrz_digit(exp)
    pers = "<" * 14
    pers_c = "<"
    partial = body + pers + pers_c
    final = C.mrz_digit(docno + C.mrz_digit(docno) + dob + C.mrz_digit(dob) + exp + C.mrz_digit(exp) + pers + pers_c)
    line = partial + final
    assert C.mrz_line2_ok(line), line
    return line


def phone(cc):
    f = {
        "NZm": lambda: R.choice(["021", "022", "027", "029"]) + " " + digits(3) + " " + digits(4),
        "NZl": lambda: R.choice(["09", "03", "04", "06", "07"]) + " " + digits(3, "2345689") + " " + digits(4),
        "WS": lambda: "+685 " + R.choice(["72", "75", "76", "77"]) + digits(5),
        "TO": lambda: "+676 " + R.choice(["77", "78", "84", "87", "88"]) + digits(5),
        "FJ": lambda: "+679 " + R.choice(["7", "8", "9"]) + digits(2) + " " + digits(4),
        "IN": lambda: "+91 " + digits(5, "6789") + " " + digits(5),
        "PH": lambda: "+63 9" + R.choice(sorted(C.PH_PREFIX))[1:] + " " + digits(3) + " " + digits(4),
        "CN": lambda: "+86 1" + R.choice(["38", "39", "58", "59", "86", "88", "77", "99"]) + " " + digits(4) + " " + digits(4),
        "VN": lambda: "+84 " + R.choice(["91", "98", "97", "86", "35", "77", "83"]) + " " + digits(3) + " " + digits(4),
        "ID": lambda: "+62 8" + R.choice(["12", "13", "21", "52", "57", "77"]) + "-" + digits(4) + "-" + digits(4),
        "TH": lambda: "+66 " + R.choice(["8", "9", "6"]) + digits(1) + " " + digits(3) + " " + digits(4),
        "NP": lambda: "+977 " + R.choice(["984", "985", "986", "980", "981", "974"]) + digits(7),
        "BD": lambda: "+880 1" + R.choice(["7", "8", "9", "3", "5"]) + digits(2) + "-" + digits(6),
        "LK": lambda: "+94 7" + R.choice("012567") + " " + digits(3) + " " + digits(4),
        "MX": lambda: "+52 " + R.choice(["55", "33", "81"]) + " " + digits(4) + " " + digits(4),
        "BR": lambda: "+55 11 9" + digits(4) + "-" + digits(4),
        "CO": lambda: "+57 3" + digits(2) + " " + digits(3) + " " + digits(4),
        "PE": lambda: "+51 9" + digits(2) + " " + digits(3) + " " + digits(3),
        "CL": lambda: "+56 9 " + digits(4) + " " + digits(4),
        "AR": lambda: "+54 9 11 " + digits(4) + "-" + digits(4),
        "US": lambda: "+1 (" + digits(3, "2345678") + ") " + digits(3, "2345678") + "-" + digits(4),
        "KR": lambda: "+82 10-" + digits(4) + "-" + digits(4),
        "KH": lambda: "+855 " + R.choice(["12", "17", "92", "97"]) + " " + digits(3) + " " + digits(3),
    }
    return f[cc]()


def rut():
    while True:
        b = str(R.randint(12_000_000, 21_999_999))
        for dv in "0123456789K":
            t = f"{b[:2]}.{b[2:5]}.{b[5:]}-{dv}"
            if C.rut_ok(t):
                return t


def kr_rrn(yymmdd, g):
    while True:
        body = yymmdd + g + digits(5)
        for c in "0123456789":
            if C.kr_rrn_ok(body + c):
                return f"{yymmdd}-{body[6:]}{c}"


def plate():
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    if R.random() < 0.75:
        return "".join(R.choice(L) for _ in range(3)) + digits(3)
    return "".join(R.choice(L) for _ in range(2)) + digits(4, "123456789")


def main():
    print("# IRD")
    for _ in range(30):
        print(ird())
    print("# NZ bank")
    for _ in range(36):
        print(nz_bank())
    print("# IBAN")
    for cc in ["BR", "BR", "CR", "DO", "DE", "GT", "GB", "CR"]:
        print(cc, iban(cc))
    print("# cards (visa, mc, amex, unionpay)")
    for _ in range(6):
        print("visa", luhn_card("4" + digits(3), 16))
    for _ in range(5):
        print("mc", luhn_card(R.choice(["51", "52", "53", "54", "55"]), 16))
    for _ in range(2):
        print("amex", luhn_card(R.choice(["34", "37"]), 15))
    for _ in range(3):
        print("unionpay", luhn_card("62" + digits(2), 16))
    print("# aadhaar")
    for _ in range(8):
        print(aadhaar())
    print("# china id (region, dob)")
    for region, dob in [("350583", "19880716"), ("441424", "19930402"), ("210211", "19790925"),
                        ("330382", "19960111"), ("510129", "19851230"), ("130133", "20000308")]:
        print(dob, cn_id(region, dob))
    print("# PAN")
    for ini in "SKGPRM":
        print(pan(ini))
    print("# thai id")
    for _ in range(4):
        print(thai_id())
    print("# cpf")
    for _ in range(3):
        print(cpf())
    print("# nhi")
    for _ in range(5):
        print(nhi())
    print("# mrz")
    print(mrz2("C4829170", "VNM", "941103", "M", "310522"))
    print(mrz2("P6203184B", "PHL", "900214", "F", "290817"))
    print("# phones")
    for cc in ["NZm"] * 8 + ["NZl"] * 3 + ["WS", "TO", "FJ", "IN", "PH", "CN", "VN", "ID", "TH", "NP",
                                           "BD", "LK", "MX", "BR", "CO", "PE", "CL", "AR", "US", "KR", "KH"]:
        n = 6 if cc.startswith("NZ") else 5
        print(cc, " | ".join(phone(cc) for _ in range(n)))
    print("# plates")
    print(" ".join(plate() for _ in range(30)))
    # second draw (appended so the first draw above stays the same)
    print("# phones, second draw")
    for cc in ["NZm"] * 12 + ["NZl"] * 3 + ["WS", "TO", "FJ", "PH", "IN", "VN", "CN"]:
        print(cc, " | ".join(phone(cc) for _ in range(6)))
    print("# IRD, second draw")
    print(" | ".join(ird() for _ in range(10)))
    print("# NZ bank, second draw")
    print(" | ".join(nz_bank() for _ in range(10)))
    print("# plates, second draw")
    print(" ".join(plate() for _ in range(20)))
    # third draw
    print("# RUT (Chile)")
    print(" | ".join(rut() for _ in range(3)))
    print("# phones, third draw (VU, KI, JP, PK, TV)")
    print("VU", " | ".join("+678 " + R.choice(["5", "7"]) + digits(6) for _ in range(4)))
    print("KI", " | ".join("+686 7" + digits(7) for _ in range(4)))
    print("JP", " | ".join("+81 90-" + digits(4) + "-" + digits(4) for _ in range(4)))
    print("PK", " | ".join("+92 3" + digits(2) + " " + digits(7) for _ in range(4)))
    print("TV", " | ".join("+688 90" + digits(4) for _ in range(3)))
    print("NZm", " | ".join(phone("NZm") for _ in range(24)))
    print("# cards, third draw")
    for _ in range(3):
        print("visa", luhn_card("4" + digits(3), 16))
    print("mc", luhn_card("52" + digits(2), 16))
    print("amex", luhn_card("37", 15))
    print("# nhi / aadhaar / IRD third draw")
    print(" | ".join(nhi() for _ in range(3)), "|", " | ".join(aadhaar() for _ in range(3)))
    print(" | ".join(ird() for _ in range(10)))
    print(" | ".join(nz_bank() for _ in range(10)))
    print("# Korean RRN (fourth draw)")
    print(kr_rrn("990821", "1"), "|", kr_rrn("950304", "2"))


if __name__ == "__main__":
    main()
