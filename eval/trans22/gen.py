#!/usr/bin/env python3
"""Seeded generator of invented identifiers for the trans22 test set.

Every value here is random and invented. Numbers whose real format carries a check
digit are completed so that the check passes; build.py re-checks them independently.
Run:  python3 gen.py > gen_out.txt
"""
import random
import string
import datetime

R = random.Random(2222)


# ---------------------------------------------------------------- NZ IRD (mod 11)
def ird_check(base8):
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    d = [int(c) for c in base8]
    r = sum(a * b for a, b in zip(d, w1)) % 11
    if r == 0:
        return 0
    c = 11 - r
    if c != 10:
        return c
    r = sum(a * b for a, b in zip(d, w2)) % 11
    if r == 0:
        return 0
    c = 11 - r
    return None if c == 10 else c


def gen_ird():
    while True:
        n = R.randint(10_000_000, 149_999_999)
        base = str(n // 10).zfill(8)
        c = ird_check(base)
        if c is None:
            continue
        s = str(n // 10) + str(c)
        s = s.zfill(9)
        return f"{s[0:3]}-{s[3:6]}-{s[6:9]}"


# ---------------------------------------------------------------- NZ bank account (algorithm A)
BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],   # ANZ
    "02": [(1, 999), (1200, 1299)],                 # BNZ
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],  # Westpac
    "06": [(1, 999), (1400, 1499)],                 # ANZ (ex National)
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],  # ASB
    "38": [(9000, 9499)],                           # Kiwibank
}
WA = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def gen_nzbank(bank=None):
    bank = bank or R.choice(list(BRANCHES))
    while True:
        lo, hi = R.choice(BRANCHES[bank])
        branch = str(R.randint(lo, hi)).zfill(4)
        acc6 = str(R.randint(0, 989999 // 10 * 10 + 9)).zfill(6)
        if int(acc6) >= 99000:  # keep account base < 0990000 so algorithm A applies
            acc6 = str(R.randint(100, 98999)).zfill(6)
        for last in range(10):
            acc7 = acc6 + str(last)
            suffix = str(R.choice([0, 0, 0, 1, 2, 25, 30, 50])).zfill(2)
            digits = bank + branch + acc7.zfill(8) + suffix.zfill(4)
            if sum(int(a) * b for a, b in zip(digits, WA)) % 11 == 0:
                return f"{bank}-{branch}-{acc7}-{suffix}"


# ---------------------------------------------------------------- IBAN (mod 97)
def iban_from_bban(cc, bban):
    rearr = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    cd = 98 - int(num) % 97
    return f"{cc}{cd:02d}{bban}"


def spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return {11: 0, 10: 1}.get(r, r)


def gen_iban(cc):
    dg = lambda n: "".join(R.choice(string.digits) for _ in range(n))
    if cc == "ES":
        bank, branch, acc = R.choice(["2100", "0049", "0182", "2085"]), dg(4), dg(10)
        dc = f"{es_dc('00' + bank + branch)}{es_dc(acc)}"
        bban = bank + branch + dc + acc
    elif cc == "PT":
        bank, branch, acc = R.choice(["0035", "0007", "0033", "0018"]), dg(4), dg(11)
        body = bank + branch + acc
        cd = 98 - (int(body) * 100) % 97
        bban = body + f"{cd:02d}"
    elif cc == "SA":
        bban = R.choice(["80", "10", "45"]) + dg(18)
    elif cc == "AE":
        bban = R.choice(["033", "026", "035"]) + dg(16)
    elif cc == "BR":
        bban = dg(8) + dg(5) + dg(10) + "C1"
    elif cc == "JO":
        bban = R.choice(["CBJO", "ARAB"]) + dg(4) + dg(18)
    elif cc == "UA":
        bban = R.choice(["305299", "322001", "380805"]) + "0000" + dg(15)
    elif cc == "QA":
        bban = R.choice(["QNBA", "DOHB"]) + dg(21)
    else:
        raise ValueError(cc)
    return spaced(iban_from_bban(cc, bban))


# ---------------------------------------------------------------- Luhn cards
def luhn_complete(partial):
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return partial + str((10 - s % 10) % 10)


def gen_card(prefix, length=16):
    p = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    c = luhn_complete(p)
    return " ".join(c[i:i + 4] for i in range(0, len(c), 4))


# ---------------------------------------------------------------- Aadhaar (Verhoeff)
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,8,7,6,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return VINV[c]


def gen_aadhaar():
    p = str(R.randint(2, 9)) + "".join(R.choice(string.digits) for _ in range(10))
    a = p + str(verhoeff_digit(p))
    return f"{a[0:4]} {a[4:8]} {a[8:12]}"


# ---------------------------------------------------------------- China resident ID (ISO 7064 MOD 11-2)
CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def gen_cnid(region, dob):
    seq = str(R.randint(10, 999)).zfill(3)
    body = region + dob.strftime("%Y%m%d") + seq
    s = sum(int(a) * b for a, b in zip(body, CNW)) % 11
    return body + "10X98765432"[s]


# ---------------------------------------------------------------- India PAN (shape only)
def gen_pan(surname_initial):
    L = string.ascii_uppercase
    return "".join(R.choice(L) for _ in range(3)) + "P" + surname_initial + \
        "".join(R.choice(string.digits) for _ in range(4)) + R.choice(L)


# ---------------------------------------------------------------- Korea RRN
def gen_krrrn(dob, sex):
    g = {("M", 19): 1, ("F", 19): 2, ("M", 20): 3, ("F", 20): 4}[(sex, dob.year // 100)]
    body = dob.strftime("%y%m%d") + str(g) + "".join(R.choice(string.digits) for _ in range(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 10
    return body[:6] + "-" + body[6:] + str(c)


# ---------------------------------------------------------------- Thai national ID
def gen_thid():
    body = str(R.choice([1, 3])) + "".join(R.choice(string.digits) for _ in range(11))
    c = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
    s = body + str(c)
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


# ---------------------------------------------------------------- Japan My Number
def gen_mynumber():
    body = "".join(R.choice(string.digits) for _ in range(11))
    tot = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        tot += p * q
    r = tot % 11
    c = 0 if r <= 1 else 11 - r
    s = body + str(c)
    return f"{s[0:4]} {s[4:8]} {s[8:12]}"


# ---------------------------------------------------------------- Brazil CPF
def gen_cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        s = sum(a * b for a, b in zip(d, range(n, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[0:3]}.{s[3:6]}.{s[6:9]}-{s[9:11]}"


# ---------------------------------------------------------------- Spain DNI / NIE
DNIL = "TRWAGMYFPDXBNJZSQVHLCKE"


def gen_nie():
    p = R.choice("XYZ")
    n = "".join(R.choice(string.digits) for _ in range(7))
    return f"{p}{n}{DNIL[int(str('XYZ'.index(p)) + n) % 23]}"


def gen_dni():
    n = str(R.randint(10_000_000, 79_999_999))
    return f"{n}{DNIL[int(n) % 23]}"


# ---------------------------------------------------------------- Iran national code
def gen_iran():
    while True:
        b = "".join(R.choice(string.digits) for _ in range(9))
        if len(set(b)) == 1:
            continue
        r = sum(int(d) * (10 - i) for i, d in enumerate(b)) % 11
        return b + str(r if r < 2 else 11 - r)


# ---------------------------------------------------------------- Russia SNILS
def gen_snils():
    while True:
        b = "".join(R.choice(string.digits) for _ in range(9))
        if int(b) <= 1001998:
            continue
        s = sum(int(d) * (9 - i) for i, d in enumerate(b))
        if s > 101:
            s %= 101
        c = 0 if s in (100, 101) else s
        return f"{b[0:3]}-{b[3:6]}-{b[6:9]} {c:02d}"


# ---------------------------------------------------------------- Chile RUT
def gen_rut():
    n = R.randint(12_000_000, 26_999_999)
    s = sum(int(d) * w for d, w in zip(reversed(str(n)), [2, 3, 4, 5, 6, 7] * 2))
    r = 11 - s % 11
    dv = {11: "0", 10: "K"}.get(r, str(r))
    t = f"{n:,}".replace(",", ".")
    return f"{t}-{dv}"


# ---------------------------------------------------------------- UAE Emirates ID (Luhn)
def gen_eid(year):
    p = "784" + str(year) + "".join(R.choice(string.digits) for _ in range(7))
    s = luhn_complete(p)
    return f"{s[0:3]}-{s[3:7]}-{s[7:14]}-{s[14]}"


# ---------------------------------------------------------------- Taiwan national ID
TWL = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def gen_twid(sex):
    L = R.choice("ABDEFHT")
    body = ("1" if sex == "M" else "2") + "".join(R.choice(string.digits) for _ in range(7))
    n = TWL[L]
    s = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(body, [8, 7, 6, 5, 4, 3, 2, 1]))
    return L + body + str((10 - s % 10) % 10)


# ---------------------------------------------------------------- Mexico CURP (check digit)
CURPCH = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_complete(first17):
    s = sum(CURPCH.index(c) * (18 - i) for i, c in enumerate(first17))
    return first17 + str((10 - s % 10) % 10)


# ---------------------------------------------------------------- no-check formats
def dg(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def nz_mobile():
    pre = R.choice(["021", "022", "027", "029", "020"])
    if pre == "021":
        return f"{pre} {dg(3)} {dg(4)}" if R.random() < .6 else f"{pre} {dg(3)} {dg(3)}"
    return f"{pre} {dg(3)} {dg(4)}"


def nz_landline():
    return f"0{R.choice('34679')} {R.randint(2, 9)}{dg(2)} {dg(4)}"


PH_PRE = ["917", "918", "927", "939", "945", "966", "995", "998", "908", "921"]


def ph_mobile():
    return f"+63 {R.choice(PH_PRE)} {dg(3)} {dg(4)}"


FOREIGN = {
    "CN": lambda: f"+86 1{R.choice('3578')}{dg(1)} {dg(4)} {dg(4)}",
    "VN": lambda: f"+84 9{dg(1)} {dg(3)} {dg(4)}",
    "TH": lambda: f"+66 8{dg(1)} {dg(3)} {dg(4)}",
    "KH": lambda: f"+855 {R.choice(['12', '17', '92', '97'])} {dg(3)} {dg(3)}",
    "LA": lambda: f"+856 20 {R.choice('2579')}{dg(3)} {dg(4)}",
    "MM": lambda: f"+95 9 {dg(3)} {dg(3)} {dg(3)}",
    "KR": lambda: f"+82 10-{dg(4)}-{dg(4)}",
    "JP": lambda: f"+81 90-{dg(4)}-{dg(4)}",
    "IN": lambda: f"+91 {R.choice('6789')}{dg(4)} {dg(5)}",
    "BD": lambda: f"+880 1{R.choice('3789')}{dg(2)}-{dg(6)}",
    "NP": lambda: f"+977 98{dg(1)}-{dg(7)}",
    "LK": lambda: f"+94 7{R.choice('125678')} {dg(3)} {dg(4)}",
    "PH": ph_mobile,
    "ID": lambda: f"+62 8{R.choice('1257')}{dg(1)}-{dg(4)}-{dg(4)}",
    "WS": lambda: f"+685 7{dg(6)}",
    "TO": lambda: f"+676 {R.choice('78')}{dg(6)}",
    "FJ": lambda: f"+679 {R.choice('79')}{dg(6)}",
    "SA": lambda: f"+966 5{dg(1)} {dg(3)} {dg(4)}",
    "AE": lambda: f"+971 5{dg(1)} {dg(3)} {dg(4)}",
    "IR": lambda: f"+98 91{dg(1)} {dg(3)} {dg(4)}",
    "RU": lambda: f"+7 9{dg(2)} {dg(3)}-{dg(2)}-{dg(2)}",
    "ES": lambda: f"+34 6{dg(2)} {dg(3)} {dg(3)}",
    "BR": lambda: f"+55 {R.choice(['11', '21', '31', '41'])} 9{dg(4)}-{dg(4)}",
    "AR": lambda: f"+54 9 11 {dg(4)}-{dg(4)}",
    "CL": lambda: f"+56 9 {dg(4)} {dg(4)}",
    "PT": lambda: f"+351 9{R.choice('1236')}{dg(1)} {dg(3)} {dg(3)}",
}


def nz_plate():
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return R.choice("EFGHJKLMNPQ") + R.choice(L) + R.choice(L) + dg(3)


def nz_passport():
    return R.choice(["LA", "LB", "LC", "LD", "LF", "LH", "LJ", "LK", "RA"]) + dg(6)


def nz_dl():
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return R.choice(L) + R.choice(L) + dg(6)


def ip4():
    return f"{R.choice([49, 103, 110, 115, 122, 125, 180, 202, 203, 222])}.{R.randint(1, 254)}.{R.randint(1, 254)}.{R.randint(1, 254)}"


def main():
    out = []
    sec = lambda t: out.append(f"\n## {t}")
    sec("NZ IRD (mod 11)")
    out += [gen_ird() for _ in range(30)]
    sec("NZ bank accounts (algorithm A)")
    out += [gen_nzbank() for _ in range(40)]
    sec("IBAN (mod 97; ES and PT with national check digits too)")
    for cc in ["ES", "PT", "SA", "AE", "BR", "JO", "QA"]:
        out += [f"{cc}: {gen_iban(cc)}" for _ in range(5)]
    sec("Cards (Luhn)")
    out += [f"visa {gen_card('4')}" for _ in range(8)]
    out += [f"mc {gen_card(R.choice(['51', '52', '53', '54', '55']))}" for _ in range(8)]
    out += [f"unionpay {gen_card('62')}" for _ in range(6)]
    sec("Aadhaar (Verhoeff)")
    out += [gen_aadhaar() for _ in range(12)]
    sec("China resident ID (ISO 7064 MOD 11-2)")
    regions = ["350181", "350128", "410523", "430124", "441781", "510722", "130425", "370285"]
    for _ in range(12):
        d = datetime.date(R.randint(1968, 2001), R.randint(1, 12), R.randint(1, 28))
        out.append(f"{gen_cnid(R.choice(regions), d)}  (dob {d})")
    sec("India PAN (shape)")
    out += [gen_pan(c) for c in "SKPGRDSM"]
    sec("Korea RRN")
    for _ in range(8):
        d = datetime.date(R.randint(1975, 2002), R.randint(1, 12), R.randint(1, 28))
        sx = R.choice("MF")
        out.append(f"{gen_krrrn(d, sx)}  ({sx}, dob {d})")
    sec("Thai national ID")
    out += [gen_thid() for _ in range(8)]
    sec("Japan My Number")
    out += [gen_mynumber() for _ in range(6)]
    sec("Brazil CPF")
    out += [gen_cpf() for _ in range(8)]
    sec("Spain NIE / DNI")
    out += [gen_nie() for _ in range(5)] + [gen_dni() for _ in range(5)]
    sec("Iran national code")
    out += [gen_iran() for _ in range(6)]
    sec("Russia SNILS")
    out += [gen_snils() for _ in range(6)]
    sec("Chile RUT")
    out += [gen_rut() for _ in range(5)]
    sec("UAE Emirates ID (Luhn)")
    out += [gen_eid(R.randint(1980, 1998)) for _ in range(4)]
    sec("NZ mobiles")
    out += [nz_mobile() for _ in range(80)]
    sec("NZ landlines")
    out += [nz_landline() for _ in range(15)]
    sec("Foreign phones")
    for cc, f in FOREIGN.items():
        out.append(cc + ": " + " | ".join(f() for _ in range(8)))
    sec("NZ plates")
    out += [" ".join(nz_plate() for _ in range(10)) for _ in range(3)]
    sec("NZ passports")
    out.append(" ".join(nz_passport() for _ in range(12)))
    sec("NZ driver licences")
    out.append(" ".join(nz_dl() for _ in range(12)))
    sec("Foreign passports (shape only)")
    out.append("CN E" + dg(8) + " | VN C" + dg(7) + " | TH AA" + dg(7) + " | KH N" + dg(7) +
               " | MM MH" + dg(6) + " | IN " + R.choice("JKLMNPRSTUVWZ") + dg(7) +
               " | PH P" + dg(7) + R.choice("AB") + " | ID C" + dg(7) + " | NP 0" + dg(7) +
               " | LK N" + dg(7) + " | BD A" + dg(8) + " | KR M" + dg(8) + " | JP TR" + dg(7) +
               " | WS " + dg(7) + " | TO T" + dg(6) + " | FJ C" + dg(6) + " | RU 7" + dg(1) + " " + dg(7))
    out.append("more: CN E" + dg(8) + " | VN C" + dg(7) + " | IN " + R.choice("JKLMNPRSTUVWZ") + dg(7) +
               " | PH P" + dg(7) + "A | ID E" + dg(7) + " | NP 1" + dg(7) + " | BD B" + dg(8))
    sec("INZ client numbers / visa / misc 8-9 digits")
    out.append(" ".join(dg(8) for _ in range(12)))
    sec("IPs")
    out.append(" ".join(ip4() for _ in range(10)))
    sec("Taiwan national ID")
    out += [gen_twid(R.choice("MF")) for _ in range(6)]
    sec("Ukraine IBAN (mod 97)")
    out += [gen_iban("UA") for _ in range(3)]
    sec("Mexico CURP (built from invented names; check digit)")
    out.append(curp_complete("GALJ900417HMNRPS0") + "  (Garcia Lopez Jesus, 1990-04-17, Michoacan)")
    out.append(curp_complete("HEMG930825MJCRRD0") + "  (Hernandez Morales Guadalupe, 1993-08-25, Jalisco)")
    sec("NZ mobiles (second draw)")
    out += [nz_mobile() for _ in range(60)]
    sec("NZ plates (second draw)")
    out.append(" ".join(nz_plate() for _ in range(10)))
    print("\n".join(out))


if __name__ == "__main__":
    main()
