"""Seeded generator of invented numbers for set stay18. Writes gen_out.txt.
Every number is random; the ones with a real check-digit scheme are made to pass it."""
import random
from checks import (ird_check, ird_valid, NZ_BRANCHES, WA, nz_bank_valid, iban_make,
                    iban_valid, luhn_complete, luhn_valid, verhoeff_complete, aadhaar_valid,
                    cn_id_check, cn_id_valid)

R = random.Random(1818)
out = []


def sec(t):
    out.append(f"\n## {t}")


sec("NZ IRD")
n = 0
while n < 12:
    base = R.randint(1000000, 14999999)
    b8 = f"{base:08d}"
    c = ird_check(b8)
    if c is None:
        continue
    num = b8 + str(c)
    if not ird_valid(num):
        continue
    out.append(f"{num[:3]}-{num[3:6]}-{num[6:]}   {num}")
    n += 1

sec("NZ bank accounts")
for bank in [1, 2, 3, 6, 12, 38, 12, 38, 1, 3, 2, 12]:
    while True:
        lo, hi = R.choice(NZ_BRANCHES[bank])
        br = R.randint(lo, hi)
        acct = R.randint(100000, 980000)
        suf = R.choice(["00", "000", "01", "002", "50", "025", "00"])
        s18 = f"{bank:02d}{br:04d}{acct:08d}{int(suf):04d}"
        if sum(int(d) * k for d, k in zip(s18, WA)) % 11 == 0:
            a = f"{bank:02d}-{br:04d}-{acct:07d}-{suf}"
            assert nz_bank_valid(a)
            out.append(a)
            break

sec("IBAN")
for cc, shape in [("PK", "AAAA" + "9" * 16), ("AE", "999" + "9" * 16), ("PK", "AAAA" + "9" * 16),
                  ("BR", "9" * 8 + "9" * 5 + "9" * 10 + "A" + "9"), ("SA", "99" + "9" * 18),
                  ("UA", "9" * 6 + "9" * 19)]:
    bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c == "A" else str(R.randint(0, 9))
                   for c in shape)
    if cc == "PK":
        bban = R.choice(["MEZN", "HABB", "UNIL", "ALFH"]) + bban[4:]
    ib = iban_make(cc, bban)
    assert iban_valid(ib), ib
    out.append(" ".join(ib[i:i + 4] for i in range(0, len(ib), 4)))

sec("Cards (Luhn)")
for pre in ["4", "4", "5", "5", "4"]:
    p = pre + "".join(str(R.randint(0, 9)) for _ in range(14))
    c = luhn_complete(p)
    assert luhn_valid(c)
    out.append(" ".join(c[i:i + 4] for i in range(0, 16, 4)))

sec("Aadhaar (Verhoeff)")
for _ in range(6):
    p = str(R.randint(2, 9)) + "".join(str(R.randint(0, 9)) for _ in range(10))
    a = verhoeff_complete(p)
    assert aadhaar_valid(a)
    out.append(f"{a[:4]} {a[4:8]} {a[8:]}")

sec("Chinese resident ID")
for region in ["330381", "350181", "410523", "440883", "352203", "370283"]:
    y = R.randint(1968, 2001)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    seq = R.randint(10, 999)
    f17 = f"{region}{y}{m:02d}{d:02d}{seq:03d}"
    i = f17 + cn_id_check(f17)
    assert cn_id_valid(i)
    out.append(i)

sec("PAN")
L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
for _ in range(4):
    s = "".join(R.choice(L) for _ in range(3)) + "P" + R.choice(L) + f"{R.randint(0, 9999):04d}" + R.choice(L)
    out.append(s)

sec("NZ mobiles")
for _ in range(40):
    pre = R.choice(["021", "022", "027", "020", "029", "021", "027"])
    if pre in ("021", "022"):
        body = f"{R.randint(100, 999)} {R.randint(1000, 9999)}"
    elif pre == "020":
        body = f"{R.randint(400, 499)} {R.randint(10000, 99999)}"
    else:
        body = f"{R.randint(200, 999)} {R.randint(1000, 9999)}"
    out.append(f"{pre} {body}")

sec("NZ landlines")
for area in ["06", "06", "03", "03", "07", "09", "09", "04"]:
    out.append(f"{area} {R.randint(200, 999)} {R.randint(1000, 9999)}")

sec("Overseas phones")
for cc, fmt in [("+63", "9{2} {3} {4}"), ("+63", "9{2} {3} {4}"), ("+63", "9{2} {3} {4}"),
                ("+91", "9{4} {5}"), ("+91", "8{4} {5}"), ("+91", "7{4} {5}"),
                ("+685", "7{6}"), ("+685", "7{6}"), ("+676", "8{6}"), ("+676", "7{6}"),
                ("+679", "9{6}"), ("+679", "8{6}"), ("+84", "9{1} {3} {4}"), ("+84", "3{1} {3} {4}"),
                ("+86", "13{1} {4} {4}"), ("+86", "15{1} {4} {4}"), ("+66", "8{1} {3} {4}"),
                ("+977", "98{2}{6}"), ("+880", "17{2} {6}"), ("+94", "7{1} {3} {4}"),
                ("+62", "81{1} {4} {4}"), ("+82", "10 {4} {4}"), ("+855", "1{1} {3} {3}"),
                ("+56", "9 {4} {4}"), ("+7", "9{2} {3} {2} {2}"), ("+678", "7{6}"), ("+675", "7{7}")]:
    s = ""
    i = 0
    while i < len(fmt):
        if fmt[i] == "{":
            j = fmt.index("}", i)
            k = int(fmt[i + 1:j])
            s += "".join(str(R.randint(0, 9)) for _ in range(k))
            i = j + 1
        else:
            s += fmt[i]
            i += 1
    out.append(f"{cc} {s}")

sec("Passports / misc IDs (shape only)")
for _ in range(4):
    out.append("IN passport " + R.choice("JKLMNPRSTUVWZ") + f"{R.randint(1000000, 9999999)}")
for _ in range(3):
    out.append("PH passport P" + f"{R.randint(1000000, 9999999)}" + R.choice("ABC"))
for _ in range(3):
    out.append("CN passport E" + f"{R.randint(10000000, 99999999)}")
for _ in range(3):
    out.append("VN passport C" + f"{R.randint(1000000, 9999999)}")
for _ in range(3):
    out.append("NZ DL " + R.choice(L) + R.choice(L) + f"{R.randint(100000, 999999)}")
for _ in range(3):
    out.append("INZ client " + f"{R.randint(10000000, 99999999)}")

sec("NZ plates")
for _ in range(8):
    out.append("".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + f"{R.randint(100, 999)}")

with open("gen_out.txt", "w", encoding="utf-8") as f:
    f.write("# generated by gen.py, seed 1818\n" + "\n".join(out) + "\n")
print("\n".join(out))
