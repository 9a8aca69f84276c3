#!/usr/bin/env python3
"""Seeded generator of invented identifiers for set ads14.

Everything produced here is random and invented. Numbers whose real format has a
check digit are generated so that the check digit is correct; build.py re-checks
every span independently.

Writes gen_output.tsv: format <TAB> value   (values are then hand-picked into source.txt)
"""
import hashlib
import random

SEED = 140014
rng = random.Random(SEED)


# ---------------------------------------------------------------- check digits
def nz_ird_check(base8):
    """base8: 8-digit string (the IRD base padded). returns check digit or None."""
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    d = [int(c) for c in base8]
    r = sum(a * b for a, b in zip(d, w1)) % 11
    c = 0 if r == 0 else 11 - r
    if c == 10:
        r = sum(a * b for a, b in zip(d, w2)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            return None
    return c


def gen_ird():
    while True:
        n = rng.randint(1_000_000, 14_999_999)  # base without check digit
        base8 = f"{n:08d}"
        c = nz_ird_check(base8)
        if c is None:
            continue
        full = str(n) + str(c)
        if 10_000_000 <= int(full) <= 150_000_000:
            full = full.zfill(9)
            return f"{full[0:3]}-{full[3:6]}-{full[6:9]}"


NZ_BANKS = {  # bank: list of branch ranges (algorithm A/B banks only)
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}
W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nz_bank_ok(bank, branch, acct7, suffix):
    digits = bank + branch + acct7.zfill(8) + suffix.zfill(4)
    d = [int(c) for c in digits]
    return sum(a * b for a, b in zip(d, W_A)) % 11 == 0


def gen_nz_bank():
    while True:
        bank = rng.choice(list(NZ_BANKS))
        lo, hi = rng.choice(NZ_BANKS[bank])
        branch = f"{rng.randint(lo, hi):04d}"
        acct = f"{rng.randint(10000, 989999):07d}"
        suffix = rng.choice(["00", "00", "00", "01", "02", "000", "001", "50"])
        if nz_bank_ok(bank, branch, acct, suffix):
            return f"{bank}-{branch}-{acct}-{suffix}"


def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0


def gen_card():
    prefix = rng.choice(["4", "4", "51", "52", "53", "54", "55"])
    while True:
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
        for c in range(10):
            if luhn_ok(body + str(c)):
                s = body + str(c)
                return " ".join(s[i:i + 4] for i in range(0, 16, 4))


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97 == 1


def gen_iban(country, bban_len_spec):
    bban = ""
    for kind, n in bban_len_spec:
        if kind == "n":
            bban += "".join(str(rng.randint(0, 9)) for _ in range(n))
        else:
            bban += "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))
    for cd in range(2, 99):
        iban = f"{country}{cd:02d}{bban}"
        if iban_ok(iban):
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


# Verhoeff
V_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
       [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
       [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
       [9,8,7,6,5,4,3,2,1,0]]
V_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
       [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
       [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def verhoeff_ok(s):
    c = 0
    for i, x in enumerate(reversed(s)):
        c = V_D[c][V_P[i % 8][int(x)]]
    return c == 0


def gen_aadhaar():
    while True:
        body = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
        for c in range(10):
            if verhoeff_ok(body + str(c)):
                s = body + str(c)
                return f"{s[0:4]} {s[4:8]} {s[8:12]}"


def cn_id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def gen_cn_id():
    region = rng.choice(["350181", "350128", "350102", "440106", "330302", "210203",
                         "370211", "510107", "350583", "450103", "430104"])
    y = rng.randint(1970, 2001)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    seq = f"{rng.randint(0, 999):03d}"
    s17 = f"{region}{y}{m:02d}{d:02d}{seq}"
    return s17 + cn_id_check(s17)


def gen_pan(surname_initial=None):
    L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    a = "".join(rng.choice(L) for _ in range(3))
    return a + "P" + (surname_initial or rng.choice(L)) + f"{rng.randint(1, 9999):04d}" + rng.choice(L)


def thai_check(s12):
    return (11 - sum(int(c) * (13 - i) for i, c in enumerate(s12)) % 11) % 10


def gen_thai_id():
    s12 = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    s = s12 + str(thai_check(s12))
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"


def kr_rrn_check(s12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s12, w)) % 11) % 10


def gen_kr_rrn():
    y = rng.randint(75, 99)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    g = rng.choice("12")
    s12 = f"{y:02d}{m:02d}{d:02d}{g}" + "".join(str(rng.randint(0, 9)) for _ in range(5))
    return f"{s12[:6]}-{s12[6:]}{kr_rrn_check(s12)}"


def cl_rut_dv(num):
    s = 0
    m = 2
    for c in reversed(str(num)):
        s += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - s % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def gen_cl_rut():
    n = rng.randint(15_000_000, 22_999_999)
    s = f"{n:,}".replace(",", ".")
    return f"{s}-{cl_rut_dv(n)}"


def au_tfn_ok(s):
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    return sum(int(a) * b for a, b in zip(s, w)) % 11 == 0


def gen_tfn():
    while True:
        s = "".join(str(rng.randint(0, 9)) for _ in range(9))
        if s[0] != "0" and au_tfn_ok(s):
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def gen_es_dni():
    n = rng.randint(10_000_000, 79_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def gen_es_nie():
    p = rng.choice("XYZ")
    n = rng.randint(1_000_000, 9_999_999)
    full = int(str("XYZ".index(p)) + f"{n:07d}")
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[full % 23]}"


def ru_inn12(s10):
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c1 = sum(int(a) * b for a, b in zip(s10, w1)) % 11 % 10
    s11 = s10 + str(c1)
    c2 = sum(int(a) * b for a, b in zip(s11, w2)) % 11 % 10
    return s11 + str(c2)


def gen_ru_inn():
    s10 = rng.choice(["77", "50", "25", "54"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return ru_inn12(s10)


TW_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id_ok(s):
    code = TW_CODES[s[0]]
    d = [code // 10, code % 10] + [int(c) for c in s[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(a * b for a, b in zip(d, w)) % 10 == 0


def gen_tw_id():
    while True:
        s = rng.choice("ABDEFH") + rng.choice("12") + digits(7)
        for c in range(10):
            if tw_id_ok(s + str(c)):
                return s + str(c)


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b):
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def gen_tron():
    payload = bytes([0x41]) + bytes(rng.randint(0, 255) for _ in range(20))
    chk = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return b58encode(payload + chk)


# ---------------------------------------------------------------- phones etc.
def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nz_mobile():
    p = rng.choice(["021", "022", "027", "029", "020", "021", "027"])
    if p == "021":
        return f"{p} {digits(3)} {digits(rng.choice([3, 4]))}"
    return f"{p} {digits(3)} {digits(4)}"


def nz_landline():
    a = rng.choice(["03", "04", "06", "07", "09"])
    return f"({a}) {rng.randint(2, 9)}{digits(2)} {digits(4)}"


FOREIGN = {
    "PH": lambda: f"+63 9{digits(2)} {digits(3)} {digits(4)}",
    "IN": lambda: f"+91 {rng.choice('6789')}{digits(4)} {digits(5)}",
    "CN": lambda: f"+86 1{rng.choice('35789')}{digits(1)} {digits(4)} {digits(4)}",
    "VN": lambda: f"+84 {rng.choice('35789')}{digits(1)} {digits(3)} {digits(4)}",
    "TH": lambda: f"+66 {rng.choice('689')}{digits(1)} {digits(3)} {digits(4)}",
    "KR": lambda: f"+82 10-{digits(4)}-{digits(4)}",
    "ID": lambda: f"+62 8{rng.choice('1235')}{digits(1)}-{digits(4)}-{digits(4)}",
    "FJ": lambda: f"+679 {rng.choice('789')}{digits(2)} {digits(4)}",
    "WS": lambda: f"+685 7{digits(1)}{digits(5)}",
    "TO": lambda: f"+676 {rng.choice('78')}{digits(2)} {digits(4)}",
    "NP": lambda: f"+977 98{digits(1)}-{digits(7)}",
    "BD": lambda: f"+880 1{rng.choice('3456789')}{digits(2)}-{digits(6)}",
    "MY": lambda: f"+60 1{rng.choice('2345679')}-{digits(3)} {digits(4)}",
    "RU": lambda: f"+7 9{digits(2)} {digits(3)}-{digits(2)}-{digits(2)}",
    "AU": lambda: f"+61 4{digits(2)} {digits(3)} {digits(3)}",
    "LK": lambda: f"+94 7{rng.choice('0125678')} {digits(3)} {digits(4)}",
    "CL": lambda: f"+56 9 {digits(4)} {digits(4)}",
    "AR": lambda: f"+54 9 11 {digits(4)}-{digits(4)}",
    "BR": lambda: f"+55 11 9{digits(4)}-{digits(4)}",
}


def nz_plate():
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return "".join(rng.choice(L) for _ in range(3)) + digits(3)


def ip():
    first = rng.choice([49, 101, 103, 110, 114, 118, 121, 122, 125, 180, 202, 210, 222])
    return f"{first}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"


def main():
    out = []
    for _ in range(60):
        out.append(("nz_mobile", nz_mobile()))
    for _ in range(15):
        out.append(("nz_landline", nz_landline()))
    for cc, f in FOREIGN.items():
        for _ in range(6):
            out.append((f"phone_{cc}", f()))
    for _ in range(20):
        out.append(("nz_ird", gen_ird()))
    for _ in range(30):
        out.append(("nz_bank", gen_nz_bank()))
    for _ in range(10):
        out.append(("card", gen_card()))
    for cc, spec in [("GB", [("a", 4), ("n", 14)]), ("DE", [("n", 18)]),
                     ("ES", [("n", 20)]), ("FR", [("n", 23)])]:
        for _ in range(2):
            out.append((f"iban_{cc}", gen_iban(cc, spec)))
    for _ in range(8):
        out.append(("aadhaar", gen_aadhaar()))
    for _ in range(8):
        out.append(("cn_id", gen_cn_id()))
    for _ in range(6):
        out.append(("pan", gen_pan()))
    for _ in range(5):
        out.append(("th_id", gen_thai_id()))
    for _ in range(5):
        out.append(("kr_rrn", gen_kr_rrn()))
    for _ in range(5):
        out.append(("cl_rut", gen_cl_rut()))
    for _ in range(5):
        out.append(("au_tfn", gen_tfn()))
    for _ in range(3):
        out.append(("es_dni", gen_es_dni()))
        out.append(("es_nie", gen_es_nie()))
    for _ in range(3):
        out.append(("ru_inn", gen_ru_inn()))
    for _ in range(20):
        out.append(("nz_plate", nz_plate()))
    for _ in range(8):
        out.append(("ip", ip()))
    # free-format ids (no public check digit): NZ passport, NZ licence, INZ client no.
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    for _ in range(8):
        out.append(("nz_passport", rng.choice(["LA", "LH", "LN", "LR", "RA"]) + digits(6)))
    for _ in range(8):
        out.append(("nz_licence", rng.choice(L) + rng.choice(L) + digits(6)))
    for _ in range(8):
        out.append(("inz_client", str(rng.randint(10_000_000, 99_999_999))))
    for _ in range(6):
        out.append(("ph_passport", "P" + digits(7) + rng.choice(L)))
    for _ in range(6):
        out.append(("in_passport", rng.choice("JKLMNPRSTUVWZ") + digits(7)))
    for _ in range(4):
        out.append(("vn_cccd", "0" + rng.choice(["01", "31", "36", "38", "40", "42", "79"]) + digits(9)))
    for _ in range(4):
        out.append(("id_nik", rng.choice(["3273", "3578", "5171", "3174"]) + digits(12)))
    for _ in range(4):
        out.append(("my_ic", f"{rng.randint(80, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.choice(['01', '07', '10', '14', '12', '13'])}-{digits(4)}"))
    for _ in range(3):  # appended last so earlier draws keep their values
        out.append(("tron", gen_tron()))
    # second draw (batches 7-8), also appended last
    for _ in range(50):
        out.append(("nz_mobile_b", nz_mobile()))
    for _ in range(6):
        out.append(("nz_ird_b", gen_ird()))
    for _ in range(8):
        out.append(("nz_bank_b", gen_nz_bank()))
    for _ in range(4):
        out.append(("card_b", gen_card()))
    for _ in range(4):
        out.append(("aadhaar_b", gen_aadhaar()))
    for _ in range(2):
        out.append(("iban_b", gen_iban("GB", [("a", 4), ("n", 14)])))
    for _ in range(6):
        out.append(("nz_plate_b", nz_plate()))
    for _ in range(3):
        out.append(("ip_b", ip()))
    for _ in range(3):
        out.append(("tw_id", gen_tw_id()))
    with open("gen_output.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# seed {SEED}\n")
        for k, v in out:
            fh.write(f"{k}\t{v}\n")


if __name__ == "__main__":
    main()
