#!/usr/bin/env python3
"""Seeded generator of invented contact details and check-digit numbers for set reach19.

Everything here is random and invented. Output goes to generated.txt; pieces in
source.txt draw their numbers from that file (re-formatted by hand: spaced, dotted,
with or without country code, in words, in other digit scripts ...).
The check functions are imported by build.py, so the same rules re-check the spans.
"""
import random
import string

SEED = 19019

# ---------------------------------------------------------------- check digits

def luhn_ok(num: str) -> bool:
    d = [int(c) for c in num]
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def luhn_complete(prefix: str) -> str:
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise ValueError


IRD_W1 = [3, 2, 7, 6, 5, 4, 3, 2]
IRD_W2 = [7, 4, 3, 2, 5, 2, 7, 6]


def ird_check(base8: str):
    for w in (IRD_W1, IRD_W2):
        r = sum(int(a) * b for a, b in zip(base8, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_ok(num: str) -> bool:
    num = num.zfill(9)
    if len(num) != 9 or not num.isdigit():
        return False
    if not (10_000_000 <= int(num) <= 150_000_000):
        return False
    c = ird_check(num[:8])
    return c is not None and c == int(num[8])


# NZ bank account, algorithm A (account base < 990000) / B (>= 990000)
NZ_W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_W_B = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
NZ_W_D = [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0]
NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}


def nz_bank_ok(bank: str, branch: str, acct: str, suffix: str) -> bool:
    if bank not in NZ_BRANCHES:
        return False
    b = int(branch)
    if not any(lo <= b <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    suf4 = suffix.zfill(4)
    digits = bank + branch.zfill(4) + acct8 + suf4
    w = NZ_W_A if int(acct8) < 990000 else NZ_W_B
    return sum(int(a) * x for a, x in zip(digits, w)) % 11 == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(country: str, bban: str) -> str:
    r = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f"{country}{chk:02d}{bban}"


# Verhoeff (Aadhaar)
_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
      [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
      [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
      [9,8,7,6,5,4,3,2,1,0]]
_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
      [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,7,6,8,0],[4,2,8,6,5,7,3,9,0,1],
      [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_INV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_ok(num: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_complete(base: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return base + str(_INV[c])


def aadhaar_ok(num: str) -> bool:
    s = num.replace(" ", "")
    return len(s) == 12 and s.isdigit() and s[0] not in "01" and verhoeff_ok(s)


CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_id_ok(num: str) -> bool:
    s = num.upper()
    if len(s) != 18 or not s[:17].isdigit():
        return False
    m = sum(int(a) * b for a, b in zip(s[:17], CN_W)) % 11
    return "10X98765432"[m] == s[17]


def pan_ok(s: str) -> bool:
    import re
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s))


def thai_id_ok(num: str) -> bool:
    s = num.replace("-", "").replace(" ", "")
    if len(s) != 13 or not s.isdigit():
        return False
    t = sum(int(s[i]) * (13 - i) for i in range(12))
    return (11 - t % 11) % 10 == int(s[12])


PH_PREFIXES = {
    "0905","0906","0915","0916","0917","0926","0927","0935","0936","0945","0953","0954",
    "0955","0956","0965","0966","0967","0975","0976","0977","0995","0996","0997","0907",
    "0908","0909","0910","0912","0918","0919","0920","0921","0928","0929","0930","0938",
    "0939","0946","0947","0948","0949","0950","0951","0961","0998","0999","0991","0992",
    "0993","0994","0895","0896","0897","0898",
}


def ph_mobile_ok(local11: str) -> bool:
    return len(local11) == 11 and local11.isdigit() and local11[:4] in PH_PREFIXES


# ---------------------------------------------------------------- generators

def main():
    rng = random.Random(SEED)
    out = []

    def d(n):
        return "".join(rng.choice(string.digits) for _ in range(n))

    def sec(title, items):
        out.append(f"## {title}")
        out.extend(items)
        out.append("")

    # NZ phones
    sec("NZ mobile", [f"{rng.choice(['021','022','027','029','020'])} {rng.randint(100,999)} {d(4)}" for _ in range(60)])
    sec("NZ landline", [f"({rng.choice(['03','04','06','07','09'])}) {rng.randint(2,9)}{d(2)} {d(4)}" for _ in range(20)])
    # PH
    ph = []
    pref = sorted(PH_PREFIXES)
    for _ in range(30):
        p = rng.choice(pref)
        n = p + d(7)
        assert ph_mobile_ok(n)
        ph.append(f"{n[:4]} {n[4:7]} {n[7:]}")
    sec("PH mobile", ph)
    sec("IN mobile", [f"{rng.choice('6789')}{d(4)} {d(5)}" for _ in range(20)])
    sec("CN mobile", [f"1{rng.choice('356789')}{d(1)} {d(4)} {d(4)}" for _ in range(20)])
    sec("VN mobile", [f"0{rng.choice(['90','91','93','94','96','97','98','86','88','89','32','33','34','35','36','37','38','39','70','77','79','81','83','84','85'])} {d(3)} {d(4)}"[0:] for _ in range(15)])
    sec("ID mobile", [f"08{rng.choice(['11','12','13','21','22','52','53','56','57','77','78','95','96','81'])}-{d(4)}-{d(rng.choice([3,4]))}" for _ in range(15)])
    sec("TH mobile", [f"0{rng.choice('689')}{d(1)}-{d(3)}-{d(4)}" for _ in range(12)])
    sec("NP mobile", [f"98{rng.choice('0123456')}{d(7)}" for _ in range(12)])
    sec("LK mobile", [f"07{rng.choice('01245678')} {d(3)} {d(4)}" for _ in range(12)])
    sec("BD mobile", [f"01{rng.choice('3456789')}{d(2)}-{d(6)}" for _ in range(12)])
    sec("WS mobile (+685)", [f"7{rng.choice('234567')}{d(5)}" for _ in range(10)])
    sec("TO mobile (+676)", [f"{rng.choice(['77','84','87','88'])}{d(5)}" for _ in range(10)])
    sec("FJ mobile (+679)", [f"{rng.choice(['7','8','9'])}{d(6)}" for _ in range(10)])
    sec("VU mobile (+678)", [f"{rng.choice(['5','7'])}{d(6)}" for _ in range(6)])
    sec("SB mobile (+677)", [f"{rng.choice(['7','8'])}{d(6)}" for _ in range(6)])
    sec("KI mobile (+686)", [f"7{d(7)}" for _ in range(4)])
    sec("KR mobile", [f"010-{d(4)}-{d(4)}" for _ in range(6)])
    sec("US (fictional 555-01xx)", [f"({rng.choice(['213','415','808','206','702','503'])}) 555-01{d(2)}" for _ in range(6)])
    sec("CL mobile (+56 9)", [f"9 {d(4)} {d(4)}" for _ in range(4)])
    sec("AR mobile (+54 9 11)", [f"11 {rng.randint(2,6)}{d(3)}-{d(4)}" for _ in range(4)])
    sec("BR mobile (+55)", [f"({rng.choice(['11','21','31','41'])}) 9{d(4)}-{d(4)}" for _ in range(4)])
    sec("CO mobile (+57)", [f"3{rng.choice('0125')}{d(1)} {d(3)} {d(4)}" for _ in range(4)])
    sec("PE mobile (+51)", [f"9{d(2)} {d(3)} {d(3)}" for _ in range(4)])
    sec("MX mobile (+52)", [f"{rng.choice(['55','33','81'])} {d(4)} {d(4)}" for _ in range(4)])
    sec("KH mobile (+855)", [f"0{rng.choice(['12','15','16','17','77','78','92','97'])} {d(3)} {d(3)}" for _ in range(4)])
    sec("MM mobile (+95)", [f"09 {d(3)} {d(3)} {d(3)}" for _ in range(4)])
    sec("PK mobile (+92)", [f"03{rng.choice('0123456')}{d(1)}-{d(7)}" for _ in range(4)])
    sec("MY mobile (+60)", [f"01{rng.choice('2346789')}-{d(3)} {d(4)}" for _ in range(4)])

    # NZ bank accounts
    accts = []
    while len(accts) < 25:
        bank = rng.choice(list(NZ_BRANCHES))
        lo, hi = rng.choice(NZ_BRANCHES[bank])
        branch = f"{rng.randint(lo, hi):04d}"
        acct = f"{rng.randint(10000, 989999):07d}"
        suf = rng.choice(["00", "00", "01", "02", "25", "50"])
        if nz_bank_ok(bank, branch, acct, suf):
            accts.append(f"{bank}-{branch}-{acct}-{suf}")
    sec("NZ bank account", accts)

    irds = []
    while len(irds) < 15:
        base = rng.randint(10_000_000, 149_999_999) // 10
        b8 = f"{base:08d}"
        c = ird_check(b8)
        if c is None:
            continue
        n = f"{b8}{c}"
        if ird_ok(n):
            irds.append(f"{n[0:3]}-{n[3:6]}-{n[6:]}")
    sec("NZ IRD", irds)

    # each card draws four candidates (keeps the random stream as first generated);
    # the first candidate is used
    def card(make):
        cands = [luhn_complete(make()) for _ in range(4)]
        c = cands[0]
        assert luhn_ok(c)
        return " ".join(c[i:i+4] for i in range(0, 16, 4))
    sec("Visa card", [card(lambda: "4" + d(14)) for _ in range(6)])
    sec("Mastercard", [card(lambda: "5" + rng.choice("12345") + d(13)) for _ in range(6)])
    aad = []
    for _ in range(8):
        n = verhoeff_complete(str(rng.randint(2, 9)) + d(10))
        assert aadhaar_ok(n)
        aad.append(f"{n[:4]} {n[4:8]} {n[8:]}")
    sec("Aadhaar", aad)
    cn = []
    for _ in range(6):
        region = rng.choice(["350583", "440307", "350128", "320102", "450103", "130102"])
        y = rng.randint(1975, 2003); m = rng.randint(1, 12); dd = rng.randint(1, 28)
        base = f"{region}{y}{m:02d}{dd:02d}{d(3)}"
        s = sum(int(a) * b for a, b in zip(base, CN_W)) % 11
        n = base + "10X98765432"[s]
        assert cn_id_ok(n)
        cn.append(n)
    sec("CN resident ID", cn)
    pans = []
    for _ in range(6):
        p = "".join(rng.choice(string.ascii_uppercase) for _ in range(3)) + "P" + rng.choice(string.ascii_uppercase) + d(4) + rng.choice(string.ascii_uppercase)
        pans.append(p)
    sec("PAN", pans)
    th = []
    for _ in range(6):
        base = str(rng.randint(1, 8)) + d(11)
        t = sum(int(base[i]) * (13 - i) for i in range(12))
        n = base + str((11 - t % 11) % 10)
        assert thai_id_ok(n)
        th.append(f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}")
    sec("Thai ID", th)
    ib = []
    for cc, ln in (("AE", 19), ("GB", 18), ("DE", 18)):
        for _ in range(2):
            if cc == "AE":
                bban = "0" + rng.choice(["33", "26", "35"]) + d(16)
            elif cc == "GB":
                bban = rng.choice(["NWBK", "BARC", "LOYD"]) + d(14)
            else:
                bban = d(18)
            n = iban_make(cc, bban)
            assert iban_ok(n)
            ib.append(" ".join(n[i:i+4] for i in range(0, len(n), 4)))
    sec("IBAN", ib)
    # plain foreign bank accounts (no public check digit)
    sec("foreign account digits (no check)", [d(rng.choice([10, 12, 13, 14])) for _ in range(10)])

    # extra pools, own RNG so the draws above stay as they were
    rng2 = random.Random(SEED + 1)

    def d2(n):
        return "".join(rng2.choice(string.digits) for _ in range(n))
    sec("NZ mobile (extra)", [f"{rng2.choice(['021','022','027','029','020','021','027'])} {rng2.randint(100,999)} {d2(4)}" for _ in range(200)])
    sec("NZ landline (extra)", [f"({rng2.choice(['03','04','06','07','09'])}) {rng2.randint(2,9)}{d2(2)} {d2(4)}" for _ in range(20)])
    ph2 = []
    for _ in range(25):
        n = rng2.choice(pref) + d2(7)
        assert ph_mobile_ok(n)
        ph2.append(f"{n[:4]} {n[4:7]} {n[7:]}")
    sec("PH mobile (extra)", ph2)
    sec("IN mobile (extra)", [f"{rng2.choice('6789')}{d2(4)} {d2(5)}" for _ in range(15)])
    sec("CN mobile (extra)", [f"1{rng2.choice(['38','39','50','52','58','59','86','87','88','36','35','37'])} {d2(4)} {d2(4)}" for _ in range(12)])
    sec("WS mobile (extra)", [f"7{rng2.choice('234567')}{d2(5)}" for _ in range(8)])
    sec("TO mobile (extra)", [f"{rng2.choice(['77','84','87','88'])}{d2(5)}" for _ in range(8)])
    sec("FJ mobile (extra)", [f"{rng2.choice(['7','8','9'])}{d2(6)}" for _ in range(8)])
    accts2 = []
    while len(accts2) < 20:
        bank = rng2.choice(list(NZ_BRANCHES))
        lo, hi = rng2.choice(NZ_BRANCHES[bank])
        branch = f"{rng2.randint(lo, hi):04d}"
        acct = f"{rng2.randint(10000, 989999):07d}"
        suf = rng2.choice(["00", "00", "01", "02", "25", "50"])
        if nz_bank_ok(bank, branch, acct, suf):
            accts2.append(f"{bank}-{branch}-{acct}-{suf}")
    sec("NZ bank account (extra)", accts2)

    with open("generated.txt", "w", encoding="utf-8") as f:
        f.write(f"# generated by gen.py, seed {SEED}\n\n")
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
