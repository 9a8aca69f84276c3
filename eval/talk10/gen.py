"""Seeded generator of invented numbers for talk10. Writes pools.txt ("type<TAB>value").
Values with a check digit are made to pass it; the build re-checks every span."""
import random
import checks as C

rnd = random.Random(20241010)
out = []


def add(t, v):
    out.append((t, v))


def rd(n):
    return "".join(rnd.choice("0123456789") for _ in range(n))


# NZ IRD
while sum(1 for t, _ in out if t == "ird") < 25:
    base = str(rnd.randint(10_000_000, 149_999_999)).zfill(9)[:8]
    for c in "0123456789":
        if C.ird_ok(base + c):
            v = base + c
            v = v.lstrip("0")
            d = v.zfill(9)
            add("ird", f"{d[:3]}-{d[3:6]}-{d[6:]}" if len(v) == 9 else f"{v[:2]}-{v[2:5]}-{v[5:]}")
            break

# NZ bank accounts (banks using algorithm A/B, plus Kiwibank 38)
branches = {"01": ["0102", "0154", "0806", "1839"], "02": ["0500", "0248", "1244"],
            "03": ["1702", "0252", "1503"], "06": ["0501", "0817"], "12": ["3140", "3076", "3295"],
            "38": ["9000", "9012"], "15": ["3947"]}
while sum(1 for t, _ in out if t == "nzbank") < 30:
    b = rnd.choice(list(branches))
    br = rnd.choice(branches[b])
    acct = str(rnd.randint(100000, 989999)).zfill(7)
    suf = rnd.choice(["00", "000", "01", "001", "02", "50", "025"])
    v = f"{b}-{br}-{acct}-{suf}"
    if C.nzbank_ok(v):
        add("nzbank", v)

# IBANs
def iban(cc, bban):
    r = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in r))
    chk = 98 - n % 97
    return f"{cc}{chk:02d}{bban}"

for cc, fmt in [("GB", "NWBK" + "601613" + "{8}"), ("DE", "{18}"), ("FR", "{23}"), ("ES", "{20}"),
                ("AE", "{19}"), ("SA", "{20}"), ("PK", "MEZN{16}"), ("BR", "{23}C1"), ("UA", "{25}"),
                ("JO", "CBJO{22}"), ("PT", "{21}"), ("QA", "QNBA{21}"), ("EG", "{25}")]:
    for _ in range(2):
        bban = ""
        i = 0
        while i < len(fmt):
            if fmt[i] == "{":
                j = fmt.index("}", i)
                bban += rd(int(fmt[i + 1:j]))
                i = j + 1
            else:
                bban += fmt[i]
                i += 1
        v = iban(cc, bban)
        assert C.iban_ok(v), v
        add("iban", " ".join(v[k:k + 4] for k in range(0, len(v), 4)))

# Cards (Luhn)
def luhn_complete(p):
    for c in "0123456789":
        if C.luhn_ok(p + c):
            return p + c

for pre in ["4", "4", "4", "51", "53", "55", "4", "52"]:
    p = pre + rd(15 - len(pre))
    v = luhn_complete(p)
    add("card", " ".join(v[k:k + 4] for k in range(0, 16, 4)))

# Aadhaar
for _ in range(8):
    b = str(rnd.randint(2, 9)) + rd(10)
    v = b + C.verhoeff_digit(b)
    assert C.aadhaar_ok(v)
    add("aadhaar", f"{v[:4]} {v[4:8]} {v[8:]}")

# Chinese resident ID
for area in ["350181", "350128", "440883", "330382", "210211", "512501"]:
    y = rnd.randint(1975, 2001)
    m = rnd.randint(1, 12)
    d = rnd.randint(1, 28)
    f17 = f"{area}{y}{m:02d}{d:02d}{rd(3)}"
    add("cnid", f17 + C.cnid_check(f17))

# PAN
for sur in "SKPGR":
    v = "".join(rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "P" + sur + rd(4) + rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    add("pan", v)

# Thai ID
for _ in range(4):
    b = str(rnd.randint(1, 3)) + rd(11)
    tot = sum(int(b[i]) * (13 - i) for i in range(12))
    v = b + str((11 - tot % 11) % 10)
    assert C.thai_ok(v)
    add("thaiid", f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}")

# Korean RRN
for _ in range(3):
    y, m, d = rnd.randint(80, 99), rnd.randint(1, 12), rnd.randint(1, 28)
    b = f"{y:02d}{m:02d}{d:02d}" + rnd.choice("12") + rd(5)
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    v = b + str((11 - sum(int(a) * c for a, c in zip(b, w)) % 11) % 10)
    assert C.rrn_ok(v)
    add("rrn", f"{v[:6]}-{v[6:]}")

# CPF
while sum(1 for t, _ in out if t == "cpf") < 4:
    b = rd(9)
    for c1 in "0123456789":
        for c2 in "0123456789":
            if C.cpf_ok(b + c1 + c2):
                v = b + c1 + c2
                add("cpf", f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}")
                break
        else:
            continue
        break

# RUT
for _ in range(3):
    body = str(rnd.randint(12_000_000, 25_999_999))
    add("rut", f"{body[:-6]}.{body[-6:-3]}.{body[-3:]}-{C.rut_dv(body)}")

# DNI / NIE
for _ in range(2):
    n = rd(8)
    add("dni", n + C._DNI[int(n) % 23])
for p in "XY":
    n = rd(7)
    add("nie", p + n + C._DNI[int({"X": "0", "Y": "1"}[p] + n) % 23])

# Russian INN
while sum(1 for t, _ in out if t == "inn") < 3:
    b = "77" + rd(8)
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c1 = sum(int(a) * c for a, c in zip(b, w1)) % 11 % 10
    b += str(c1)
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c2 = sum(int(a) * c for a, c in zip(b, w2)) % 11 % 10
    add("inn", b + str(c2))

# TRON (USDT TRC20) addresses
for _ in range(3):
    body = bytes([0x41]) + bytes(rnd.randrange(256) for _ in range(20))
    v = C.b58check_encode(body)
    assert C.b58check_ok(v)
    add("tron", v)

# Phones
def nzmob():
    p = rnd.choice(["021", "022", "027", "027", "021", "029", "020"])
    n = rd(7) if p != "021" else rd(rnd.choice([6, 7, 7]))
    if n[0] == "0":
        n = "5" + n[1:]
    return p + n

for _ in range(60):
    add("nzmob", nzmob())
for area in ["09", "09", "07", "07", "06", "06", "04", "03", "03", "09", "07", "06"]:
    add("nzland", area + str(rnd.randint(2, 9)) + rd(6))
for _ in range(14):
    v = rnd.choice(sorted(C.PH_PREFIX)) + rd(7)
    assert C.ph_mobile_ok(v)
    add("phmob", v)
for _ in range(6):
    add("inmob", str(rnd.choice([6, 7, 8, 9])) + rd(9))
for _ in range(4):
    add("cnmob", "1" + rnd.choice("3456789") + rd(9))
for _ in range(3):
    add("vnmob", "0" + rnd.choice(["32", "35", "38", "90", "91", "97", "98", "70", "77"]) + rd(7))
for _ in range(3):
    add("idmob", "08" + rnd.choice(["12", "13", "21", "52", "77", "57"]) + rd(rnd.choice([7, 8])))
for _ in range(3):
    add("thmob", "0" + rnd.choice("689") + rd(8))
for _ in range(3):
    add("npmob", "98" + rnd.choice("0145") + rd(7))
for _ in range(3):
    add("bdmob", "01" + rnd.choice("3456789") + rd(8))
for _ in range(3):
    add("lkmob", "07" + rnd.choice("0124578") + rd(7))
for _ in range(3):
    add("wsmob", "7" + rnd.choice("2567") + rd(5))  # Samoa 7 digits
for _ in range(3):
    add("tomob", rnd.choice("78") + rnd.choice("4567") + rd(5))  # Tonga
for _ in range(3):
    add("fjmob", rnd.choice("79") + rd(6))  # Fiji
for _ in range(2):
    add("khmob", "0" + rnd.choice(["12", "15", "16", "17", "92", "97", "10"]) + rd(6))
for _ in range(2):
    add("krmob", "010" + rd(8))
for _ in range(2):
    add("brmob", rnd.choice(["11", "21", "31", "41"]) + "9" + rd(8))
for _ in range(2):
    add("clmob", "9" + rd(8))
for _ in range(2):
    add("rumob", "9" + rnd.choice("0123569") + rd(8))
for _ in range(2):
    add("vumob", rnd.choice("57") + rd(6))  # Vanuatu
for _ in range(2):
    add("kimob", "7" + rd(7))  # Kiribati
for _ in range(2):
    add("jomob", "7" + rnd.choice("789") + rd(7))
for _ in range(2):
    add("mymob", "01" + rnd.choice("2346789") + rd(7))

# Passports / other IDs (no check digit, just shapes)
L = "ABCDEFGHJKLMNPRSTUVWXYZ"
for _ in range(5):
    add("nzpass", rnd.choice(["LA", "LH", "LJ", "RA", "LM"]) + rd(6))
for _ in range(6):
    add("nzdl", rnd.choice(L) + rnd.choice(L) + rd(6))
for _ in range(4):
    add("inpass", rnd.choice("JKLMNPRSTUVWZ") + rd(7))
for _ in range(4):
    add("phpass", "P" + rd(7) + rnd.choice("ABC"))
for _ in range(3):
    add("cnpass", "E" + rnd.choice("ABCDEFGH") + rd(7))
for _ in range(10):
    add("inzclient", rd(8))
for _ in range(6):
    add("visa", rnd.choice(["V", "E", "A"]) + rd(8))
for _ in range(6):
    add("plate", rnd.choice(L) + rnd.choice(L) + rnd.choice(L) + rd(3))
for _ in range(3):
    add("plate_old", rnd.choice(L) + rnd.choice(L) + rd(4))
for _ in range(4):
    add("ip", f"{rnd.randint(100, 223)}.{rnd.randint(1, 254)}.{rnd.randint(0, 254)}.{rnd.randint(1, 254)}")
for _ in range(4):
    y, m, d = rnd.randint(1995, 2003), rnd.randint(1, 12), rnd.randint(1, 28)
    add("vncccd", rnd.choice(["001", "031", "034", "036", "038", "040", "042"]) + ("2" if y >= 2000 else "0") + f"{y % 100:02d}" + rd(6))
for _ in range(3):
    # Indonesian NIK: area(6) + DDMMYY (+40 day for women) + seq(4)
    d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(85, 99)
    if rnd.random() < 0.5:
        d += 40
    add("nik", rnd.choice(["330101", "350723", "520104", "320407"]) + f"{d:02d}{m:02d}{y:02d}" + rd(4))

with open("pools.txt", "w", encoding="utf-8") as f:
    for t, v in out:
        f.write(f"{t}\t{v}\n")
print(len(out), "values")
