"""Seeded generator of invented numbers for homes26. Writes generated.txt; values are drawn
from it by hand into source.txt. Every check-digit format is produced valid here and
re-checked by build.py."""
import random
from checks import (ird_check, ird_valid, NZ_BRANCHES, nzbank_valid, luhn_digit, iban_make,
                    iban_valid, verhoeff_digit, aadhaar_valid, cnid_check, cnid_valid, nhi_valid)

R = random.Random(2026_26)
out = []


def sec(t):
    out.append(f"\n## {t}")


def d(n):
    return "".join(R.choice("0123456789") for _ in range(n))


sec("IRD (9 digits, xxx-xxx-xxx)")
n = 0
while n < 24:
    v = R.randint(10_000_001, 149_999_999)
    b = str(v).zfill(9)[:8]
    c = ird_check(b)
    if c is None:
        continue
    s = b + str(c)
    if ird_valid(s):
        out.append(f"{s[:3]}-{s[3:6]}-{s[6:]}")
        n += 1

sec("NZ bank accounts")
n = 0
while n < 30:
    bank = R.choice([1, 2, 3, 6, 12, 12, 38, 38, 11, 15])
    lo, hi = R.choice(NZ_BRANCHES[bank])
    br = R.randint(lo, hi)
    acct = str(R.randint(100000, 989999)).zfill(7)
    for suf in ("00", "01", "02", "25", "50", "000", "001"):
        s = f"{bank:02d}-{br:04d}-{acct}-{suf}"
        if nzbank_valid(s):
            out.append(s)
            n += 1
            break

sec("Cards (Luhn)")
for pre in ["4"] * 7 + ["51", "53", "55", "22"] * 2:
    p = pre + d(15 - len(pre))
    s = p + luhn_digit(p)
    out.append(" ".join(s[i:i + 4] for i in range(0, 16, 4)))

sec("IBAN")
out.append(iban_make("BR", "00360305" + "00001" + d(10) + "C1"))
out.append(iban_make("BR", "18236120" + "02413" + d(10) + "P1"))
out.append(iban_make("AE", "033" + d(16)))
out.append(iban_make("AE", "260" + d(16)))
out.append(iban_make("GB", "NWBK" + "601613" + d(8)))
out.append(iban_make("CR", "0" + "152" + d(14)))
out.append(iban_make("ES", "2100" + "0418" + d(2) + d(10)))
for x in out[-7:]:
    assert iban_valid(x), x

sec("Aadhaar (Verhoeff)")
for _ in range(10):
    p = R.choice("23456789") + d(10)
    s = p + verhoeff_digit(p)
    assert aadhaar_valid(s)
    out.append(f"{s[:4]} {s[4:8]} {s[8:]}")

sec("Chinese resident ID")
for reg, dob in [("350181", "19890314"), ("210102", "19760922"), ("350182", "19930107"),
                 ("450103", "19850511"), ("130682", "19910830"), ("440106", "19970219")]:
    p = reg + dob + d(3)
    s = p + cnid_check(p)
    assert cnid_valid(s)
    out.append(s)

sec("PAN shape (surname initial 5th)")
for ini in "SKGPD":
    s = "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + "P" + ini + d(4) + R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    out.append(s)

sec("NHI")
n = 0
while n < 5:
    s = "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + d(4)
    if nhi_valid(s):
        out.append(s)
        n += 1

sec("NZ mobiles")
for _ in range(50):
    pre = R.choice(["021", "022", "027", "027", "021", "020", "029"])
    if pre == "021":
        body = d(R.choice([6, 7, 8]))
    else:
        body = d(7)
    out.append(pre + " " + body[:3] + " " + body[3:])

sec("NZ landlines")
for _ in range(12):
    out.append(f"({R.choice(['09', '07', '06', '04', '03'])}) {R.randint(2, 9)}{d(2)} {d(4)}")

sec("Philippine mobiles")
for _ in range(12):
    out.append(f"09{R.choice(['17', '18', '27', '39', '95', '06', '28', '55', '98'])}{d(7)}")

sec("Foreign mobiles")
for _ in range(4):
    out.append(f"+91 {R.choice('6789')}{d(4)} {d(5)}")
for _ in range(3):
    out.append(f"+679 {R.choice('79')}{d(2)} {d(4)}")
for _ in range(3):
    out.append(f"+685 7{d(1)} {d(5)}")
for _ in range(3):
    out.append(f"+676 {R.choice('78')}{d(2)} {d(4)}")
for _ in range(3):
    out.append(f"+84 9{d(1)} {d(3)} {d(4)}")
for _ in range(3):
    out.append(f"+86 13{d(1)} {d(4)} {d(4)}")
for _ in range(3):
    out.append(f"+977 98{d(8)}")
for _ in range(2):
    out.append(f"+66 8{d(1)} {d(3)} {d(4)}")
for _ in range(2):
    out.append(f"+62 81{d(1)}-{d(4)}-{d(4)}")
for _ in range(2):
    out.append(f"+57 31{d(1)} {d(3)} {d(4)}")
for _ in range(2):
    out.append(f"+56 9 {d(4)} {d(4)}")
for _ in range(2):
    out.append(f"+55 11 9{d(4)}-{d(4)}")
for _ in range(2):
    out.append(f"010-{d(4)}-{d(4)}")
for _ in range(2):
    out.append(f"+94 7{d(1)} {d(3)} {d(4)}")
for _ in range(2):
    out.append(f"+880 1{R.choice('3579')}{d(2)}-{d(6)}")
for _ in range(2):
    out.append(f"+855 {R.choice(['12', '17', '92'])} {d(3)} {d(3)}")
for _ in range(2):
    out.append(f"+52 1 55 {d(4)} {d(4)}")

sec("Plates (NZ)")
for _ in range(14):
    out.append("".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + d(3))

sec("Passports / IDs without check digits (shape only)")
for _ in range(4):
    out.append("NZ passport " + R.choice(["LA", "LH", "RA", "LK"]) + d(6))
for _ in range(4):
    out.append("IN passport " + R.choice("KLMNPRSTUVWZ") + d(7))
for _ in range(4):
    out.append("PH passport P" + d(7) + R.choice("ABC"))
for _ in range(3):
    out.append("CN passport E" + d(8))
for _ in range(3):
    out.append("VN passport C" + d(7))
for _ in range(2):
    out.append("NP passport PA" + d(7))
for _ in range(2):
    out.append("FJ passport " + "B" + d(6))
for _ in range(2):
    out.append("WS passport " + "SA" + d(6))
for _ in range(2):
    out.append("TO passport " + "T" + d(6))
for _ in range(6):
    out.append("INZ client no " + d(8))
for _ in range(4):
    out.append("NZ driver licence " + "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + d(6) + " v" + d(3))
for _ in range(3):
    out.append("VN CCCD 0" + d(2) + R.choice("0123") + d(8))
for _ in range(3):
    out.append("employee no " + d(5))

sec("Brazil CPF")
from checks import cpf_digits, cpf_valid, rut_dv, rut_valid
for _ in range(3):
    p = d(9)
    s = p + cpf_digits(p)
    assert cpf_valid(s)
    out.append(f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}")

sec("Chile RUT")
for _ in range(3):
    b = str(R.randint(15_000_000, 21_999_999))
    s = f"{int(b):,}".replace(",", ".") + "-" + rut_dv(b)
    assert rut_valid(s), s
    out.append(s)

sec("IPs")
for _ in range(4):
    out.append(f"{R.randint(101, 222)}.{R.randint(1, 254)}.{R.randint(1, 254)}.{R.randint(1, 254)}")

sec("House numbers")
out.append(" ".join(str(R.randint(1, 480)) for _ in range(60)))

open("generated.txt", "w").write("\n".join(out).strip() + "\n")
print("wrote generated.txt", len(out), "lines")
