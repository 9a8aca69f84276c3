"""Seeded generator for the invented numbers used in source.txt (set afar22).

Writes gen_values.tsv: type <TAB> param <TAB> formatted <TAB> normalised <TAB> note
Every value is random except for structure (date of birth, sex, region digits) chosen to
match the invented person it is given to.  build.py reads the same file as a registry
and re-checks every span that uses one of these values.
"""
import datetime as dt
import random
import uuid

from checkdigits import (CURP_DICT, ZW_LETTERS, iban_make, luhn_digit, tron_make,
                         VALIDATORS, cuil_ok)

R = random.Random(22022)
rows = []


def add(typ, formatted, norm, param="", note=""):
    assert VALIDATORS[typ](norm) if typ != "nuban" else True, (typ, norm)
    rows.append((typ, param, formatted, norm, note))


def rd(n):
    return "".join(R.choice("0123456789") for _ in range(n))


# ---------- NZ IRD ----------
from checkdigits import nz_ird_ok, nz_bank_ok, NZ_A
n = 0
while n < 16:
    base = R.randint(10_000_001, 149_999_999)
    s = str(base)
    if nz_ird_ok(s):
        f = f"{s[:-6]}-{s[-6:-3]}-{s[-3:]}"
        add("nz_ird", f, s)
        n += 1

# ---------- NZ bank (algorithm A banks) ----------
BR = {"01": ["0102", "0203", "0482", "0838", "1839"], "02": ["0248", "0500", "1244"],
      "03": ["0104", "0525", "1503"], "06": ["0193", "0801", "0981"], "12": ["3011", "3149", "3456"],
      "38": ["9000"]}
n = 0
while n < 18:
    bank = R.choice(list(BR))
    branch = R.choice(BR[bank])
    acct = str(R.randint(100000, 989999)).zfill(7)
    suf = R.choice(["00", "00", "01", "02", "000", "001"])
    s = bank + branch + acct + suf
    if nz_bank_ok(s):
        add("nz_bank", f"{bank}-{branch}-{acct}-{suf}", s)
        n += 1

# ---------- cards ----------
CARDP = [("NZ Visa", "4988 91"), ("NZ Mastercard", "5213 44"), ("Melli Shetab", "6037 99"),
         ("Mellat Shetab", "6104 33"), ("Saman Shetab", "6219 86"), ("Uzcard", "8600 31"),
         ("Humo", "9860 10"), ("Mir", "2200 70"), ("Sber Visa", "4276 38"),
         ("PrivatBank", "5168 75"), ("monobank", "5375 41"), ("Saldazo OXXO", "4152 31"),
         ("Nubank MC", "5162 92"), ("Banco Pichincha", "4213 57"), ("Romania BT", "4140 43")]
for name, p in CARDP:
    for _ in range(3):
        pre = p.replace(" ", "")
        body = pre + rd(15 - len(pre))
        num = body + luhn_digit(body)
        add("card", " ".join(num[i:i + 4] for i in range(0, 16, 4)), num, name)

# ---------- IBAN ----------
for _ in range(5):
    mfo = R.choice(["305299", "322001", "300711", "320649"])  # Privat, mono(Universal), Oschad, ...
    b = mfo + "0000" + rd(15)
    i = iban_make("UA", b)
    add("iban", " ".join(i[k:k + 4] for k in range(0, len(i), 4)), i, "UA")
for _ in range(5):
    bank = R.choice(["BTRL", "BRDE", "RNCB", "INGB", "CECE"])
    i = iban_make("RO", bank + "RON" + "CRT0" + rd(9))
    add("iban", " ".join(i[k:k + 4] for k in range(0, len(i), 4)), i, "RO")
for _ in range(4):
    i = iban_make("MD", R.choice(["AG", "ML", "MO"]) + "000000" + rd(12))
    add("iban", i, i, "MD")
for _ in range(4):
    i = iban_make("PK", R.choice(["HABB", "MEZN", "UNIL", "ALFH"]) + "00" + rd(14))
    add("iban", " ".join(i[k:k + 4] for k in range(0, len(i), 4)), i, "PK")
for _ in range(4):
    i = iban_make("IR", R.choice(["017", "012", "056", "062"]) + "0000000" + rd(12))
    add("iban", i, i, "IR")
for _ in range(3):
    i = iban_make("IQ", R.choice(["RAFB", "TRIQ", "BBAC"]) + rd(3) + rd(12))
    add("iban", i, i, "IQ")

# ---------- Brazil CPF ----------
def cpf_make(region):
    b = rd(8) + str(region)
    for n in (9, 10):
        tot = sum(int(b[i]) * (n + 1 - i) for i in range(n))
        b += str((tot * 10) % 11 % 10)
    return b


for reg in (6, 6, 8, 8, 9, 9, 0, 5, 7, 1, 3, 4):
    c = cpf_make(reg)
    add("cpf", f"{c[:3]}.{c[3:6]}.{c[6:9]}-{c[9:]}", c, f"region {reg}")

# ---------- CURP (for named invented Mexicans) ----------
def curp_make(code4, dob, sex, state, cons3, diff):
    s = code4 + dob.strftime("%y%m%d") + sex + state + cons3 + diff
    tot = sum(CURP_DICT.index(c) * (18 - i) for i, c in enumerate(s))
    return s + str((10 - tot % 10) % 10)


for who, args in [("José Guadalupe Hernández Cruz", ("HECG", dt.date(1991, 7, 14), "H", "GR", "RRD", "0")),
                  ("Ana Karen López Martínez", ("LOMA", dt.date(1998, 3, 2), "M", "PL", "PRN", "0")),
                  ("Brenda Itzel Ramírez Santiago", ("RASB", dt.date(2001, 11, 20), "M", "OC", "MNR", "A")),
                  ("Juan Carlos Mendoza Pérez", ("MEPJ", dt.date(1987, 5, 30), "H", "JC", "NRN", "0")),
                  ("Rogelio Castañeda Villa", ("CAVR", dt.date(1979, 2, 11), "H", "DF", "SLG", "0")),
                  ("Itzel Guadalupe Cruz Ortiz", ("CUOI", dt.date(1995, 9, 8), "M", "VZ", "RRT", "0"))]:
    c = curp_make(*args)
    add("curp", c, c, who, str(args[1]))

# ---------- CLABE ----------
def clabe_make(bank, plaza):
    b = bank + plaza + rd(11)
    w = (3, 7, 1) * 6
    tot = sum((int(a) * x) % 10 for a, x in zip(b, w))
    return b + str((10 - tot % 10) % 10)


for bank, plaza in [("012", "180"), ("002", "320"), ("014", "610"), ("127", "180"), ("137", "650"), ("072", "580")]:
    c = clabe_make(bank, plaza)
    add("clabe", " ".join([c[:3], c[3:6], c[6:17], c[17]]), c, bank)

# ---------- Chile RUT ----------
def rut_make(body):
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return body + ("0" if r == 11 else "K" if r == 10 else str(r))


got_k = False
n = 0
while n < 10:
    body = str(R.randint(12_000_000, 26_999_999))
    r = rut_make(body)
    if r.endswith("K") and got_k:
        continue
    got_k = got_k or r.endswith("K")
    add("rut", f"{int(body):,}".replace(",", ".") + "-" + r[-1], r)
    n += 1
while not got_k:
    body = str(R.randint(12_000_000, 26_999_999))
    r = rut_make(body)
    if r.endswith("K"):
        add("rut", f"{int(body):,}".replace(",", ".") + "-K", r)
        got_k = True

# ---------- Argentina CUIL / CBU ----------
n = 0
while n < 6:
    pre = R.choice(["20", "27"])
    dni = str(R.randint(30_000_000, 44_999_999))
    w = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    r = 11 - sum(int(a) * b for a, b in zip(pre + dni, w)) % 11
    if r == 10:
        continue
    s = pre + dni + str(0 if r == 11 else r)
    assert cuil_ok(s)
    add("cuil", f"{pre}-{dni}-{s[-1]}", s, "DNI " + f"{int(dni):,}".replace(",", "."))
    n += 1


def cbu_make(bank, branch):
    b1 = bank + branch
    w1 = (7, 1, 3, 9, 7, 1, 3)
    b1 += str((10 - sum(int(a) * x for a, x in zip(b1, w1)) % 10) % 10)
    acc = rd(13)
    w2 = (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)
    acc += str((10 - sum(int(a) * x for a, x in zip(acc, w2)) % 10) % 10)
    return b1 + acc


for bank, branch in [("007", "0" + rd(3)), ("011", "0" + rd(3)), ("285", "0" + rd(3)), ("000", "0031")]:
    c = cbu_make(bank, branch)
    add("cbu", c, c, "CVU MercadoPago" if bank == "000" else bank)

# ---------- Mexico NSS ----------
for _ in range(4):
    b = rd(2) + R.choice(["09", "12", "15", "17"]) + R.choice(["87", "91", "95", "98"]) + rd(4)
    s = b + luhn_digit(b)
    add("nss", f"{s[:2]}-{s[2:4]}-{s[4:6]}-{s[6:10]}-{s[10]}", s)

# ---------- South Africa ID ----------
def za_make(dob, male):
    seq = str(R.randint(5000, 9999) if male else R.randint(0, 4999)).zfill(4)
    b = dob.strftime("%y%m%d") + seq + "08"
    return b + luhn_digit(b)


for d, m in [(dt.date(1989, 4, 17), True), (dt.date(1993, 12, 2), False), (dt.date(1984, 8, 29), True),
             (dt.date(1997, 1, 23), False), (dt.date(1976, 6, 5), True)]:
    s = za_make(d, m)
    add("za_id", f"{s[:6]} {s[6:10]} {s[10:]}", s, "M" if m else "F", str(d))

# ---------- Nigeria NUBAN ----------
from checkdigits import nuban_ok
for bank in ["058", "044", "011", "033", "057", "058", "044"]:
    ser = rd(9)
    w = (3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3)
    c = (10 - sum(int(a) * x for a, x in zip(bank + ser, w)) % 10) % 10
    s = ser + str(c)
    assert nuban_ok(s, bank)
    rows.append(("nuban", bank, s, s, {"058": "GTBank", "044": "Access", "011": "First Bank",
                                       "033": "UBA", "057": "Zenith"}[bank]))

# ---------- Zimbabwe ID ----------
for dist, orig in [("63", "47"), ("08", "08"), ("29", "22"), ("58", "75"), ("63", "13")]:
    ser = str(R.randint(100000, 2999999))
    letter = ZW_LETTERS[int(dist + ser) % 23]
    s = dist + ser + letter + orig
    add("zw_id", f"{dist}-{ser} {letter} {orig}", s)

# ---------- Iran national code ----------
def ir_make(prefix):
    b = prefix + rd(9 - len(prefix))
    r = sum(int(b[i]) * (10 - i) for i in range(9)) % 11
    return b + str(r if r < 2 else 11 - r)


for pre in ["001", "004", "006", "128", "229", "052", "371", "063"]:
    s = ir_make(pre)
    add("ir_code", f"{s[:3]}-{s[3:9]}-{s[9]}", s)

# ---------- Uzbekistan PINFL ----------
def pinfl_make(dob, male):
    first = ("3" if male else "4") if dob.year < 2000 else ("5" if male else "6")
    b = first + dob.strftime("%d%m%y") + rd(3) + rd(3)
    w = (7, 3, 1) * 5
    return b + str(sum(int(a) * x for a, x in zip(b, w)) % 10)


for d, m in [(dt.date(1994, 3, 21), True), (dt.date(1988, 10, 2), True), (dt.date(1999, 6, 15), False),
             (dt.date(2001, 1, 30), True), (dt.date(1983, 8, 9), True)]:
    s = pinfl_make(d, m)
    add("pinfl", s, s, "M" if m else "F", str(d))

# ---------- Ukraine RNOKPP / UNZR ----------
def rnokpp_make(dob, male):
    days = (dob - dt.date(1899, 12, 31)).days
    b = str(days).zfill(5) + rd(3) + str(R.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8]))
    w = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    return b + str((sum(int(a) * x for a, x in zip(b, w)) % 11) % 10)


for d, m in [(dt.date(1986, 11, 3), False), (dt.date(1979, 4, 25), True), (dt.date(1995, 2, 14), True),
             (dt.date(1990, 7, 7), False), (dt.date(2000, 9, 19), False), (dt.date(1972, 12, 30), True),
             (dt.date(1983, 5, 11), True)]:
    s = rnokpp_make(d, m)
    add("rnokpp", s, s, "M" if m else "F", str(d))

for d in [dt.date(1986, 11, 3), dt.date(1995, 2, 14)]:
    b = d.strftime("%Y%m%d") + rd(4)
    w = (7, 3, 1) * 4
    s = b + str(sum(int(a) * x for a, x in zip(b, w)) % 10)
    add("unzr", f"{s[:8]}-{s[8:]}", s, "", str(d))

# ---------- Russia INN / SNILS ----------
def inn_make(region):
    b = region + rd(8)
    w1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    b += str(sum(int(a) * x for a, x in zip(b, w1)) % 11 % 10)
    w2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    b += str(sum(int(a) * x for a, x in zip(b, w2)) % 11 % 10)
    return b


for reg in ["16", "77", "25", "66", "54"]:
    s = inn_make(reg)
    add("inn12", s, s, reg)


def snils_make():
    b = str(R.randint(1_001_999, 199_999_999)).zfill(9)
    tot = sum(int(b[i]) * (9 - i) for i in range(9))
    while tot > 101:
        tot %= 101
    c = 0 if tot in (100, 101) else tot
    return b + str(c).zfill(2)


for _ in range(4):
    s = snils_make()
    add("snils", f"{s[:3]}-{s[3:6]}-{s[6:9]} {s[9:]}", s)

# ---------- Romania CNP / Moldova IDNP ----------
def cnp_make(dob, male, county):
    first = ("1" if male else "2") if dob.year < 2000 else ("5" if male else "6")
    b = first + dob.strftime("%y%m%d") + county + rd(3)
    r = sum(int(a) * int(x) for a, x in zip(b, "279146358279")) % 11
    return b + str(1 if r == 10 else r)


for d, m, c in [(dt.date(1985, 3, 12), True, "22"), (dt.date(1991, 10, 28), False, "33"),
                (dt.date(1978, 7, 4), True, "04"), (dt.date(1996, 1, 19), True, "17"),
                (dt.date(2002, 5, 6), False, "40"), (dt.date(1989, 12, 1), False, "32"),
                (dt.date(1974, 2, 22), True, "26")]:
    s = cnp_make(d, m, c)
    add("cnp", s, s, "M" if m else "F", str(d) + " jud " + c)

for _ in range(5):
    b = "200" + rd(9)
    w = (7, 3, 1) * 4
    s = b + str(sum(int(a) * x for a, x in zip(b, w)) % 10)
    add("idnp", s, s)

# ---------- Tron TRC20 wallets ----------
for _ in range(3):
    t = tron_make(bytes(R.getrandbits(8) for _ in range(20)))
    add("tron", t, t)

# ---------- PIX random keys (no check digit; listed for convenience) ----------
for _ in range(3):
    u = str(uuid.UUID(int=R.getrandbits(128), version=4))
    rows.append(("pix_evp", "", u, u, "no check"))

# ---------- NZ NHI (old format) ----------
from checkdigits import nhi_ok, NHI_ALPHA
n = 0
while n < 3:
    s = "".join(R.choice(NHI_ALPHA) for _ in range(3)) + rd(3)
    for d in "0123456789":
        if nhi_ok(s + d):
            add("nhi", s + d, s + d)
            n += 1
            break

# ---------- Argentine CVU (Mercado Pago style: 0000003 + DV, 00 + account + DV) ----------
from checkdigits import cbu_ok
for _ in range(2):
    acc = "00" + rd(11)
    w2 = (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)
    acc += str((10 - sum(int(a) * x for a, x in zip(acc, w2)) % 10) % 10)
    c = "00000031" + acc
    add("cbu", c, c, "CVU")

with open("gen_values.tsv", "w", encoding="utf-8") as f:
    f.write("type\tparam\tformatted\tnormalised\tnote\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "values written to gen_values.tsv")
