"""Check-digit helpers shared by gen.py and build.py (set stay18)."""
import re
import unicodedata


def digits_only(s):
    """Return the ASCII digits in s, converting digits of any script."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


# ---------------- NZ IRD (mod 11, two weight sets) ----------------
def ird_check(base8):
    """base8: 8-digit string (without check digit). Return check digit or None."""
    w1 = [3, 2, 7, 6, 5, 4, 3, 2]
    w2 = [7, 4, 3, 2, 5, 2, 7, 6]
    for w in (w1, w2):
        s = sum(int(d) * k for d, k in zip(base8, w))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c
    return None


def ird_valid(num):
    d = digits_only(num)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10000000 <= n <= 150000000):
        return False
    d = d.zfill(9)
    c = ird_check(d[:8])
    return c is not None and c == int(d[8])


# ---------------- NZ bank account (algorithms A / B) ----------------
NZ_BRANCHES = {
    1: [(1, 999), (1100, 1199), (1800, 1899)],
    2: [(1, 999), (1200, 1299)],
    3: [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    6: [(1, 999), (1400, 1499)],
    12: [(3000, 3299), (3400, 3499), (3600, 3699)],
    38: [(9000, 9499)],
}
WA = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
WB = [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nz_bank_parts(s):
    parts = re.split(r"[\s\-–.]+", s.strip())
    parts = [p for p in parts if p]
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        return parts
    d = digits_only(s)
    if len(d) in (15, 16):
        return [d[:2], d[2:6], d[6:13], d[13:]]
    return None


def nz_bank_valid(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    if len(bank) != 2 or len(branch) != 4 or len(acct) not in (7, 8) or len(suf) not in (2, 3, 4):
        return False
    b, br = int(bank), int(branch)
    if b not in NZ_BRANCHES:
        return False
    if not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[b]):
        return False
    s18 = bank + branch + acct.zfill(8) + suf.zfill(4)
    w = WA if int(acct) < 990000 else WB
    return sum(int(d) * k for d, k in zip(s18, w)) % 11 == 0


# ---------------- IBAN mod 97 ----------------
IBAN_LEN = {"PK": 24, "AE": 23, "GB": 22, "BR": 29, "SA": 24, "DE": 22, "UA": 29, "FR": 27}


def iban_valid(s):
    t = re.sub(r"\s+", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", t):
        return False
    if t[:2] in IBAN_LEN and len(t) != IBAN_LEN[t[:2]]:
        return False
    r = t[4:] + t[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    n = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(n) % 97
    return f"{cc}{chk:02d}{bban}"


# ---------------- Luhn ----------------
def luhn_sum(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s


def luhn_valid(s):
    d = digits_only(s)
    return 13 <= len(d) <= 19 and luhn_sum(d) % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_sum(partial + c) % 10 == 0:
            return partial + c


# ---------------- Verhoeff (Aadhaar) ----------------
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],
      [3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],
      [6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],
      [9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],
      [8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],
      [2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_valid(s):
    d = digits_only(s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_complete(partial):
    c = 0
    for i, ch in enumerate(reversed(partial)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return partial + str(VINV[c])


def aadhaar_valid(s):
    d = digits_only(s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_valid(d)


# ---------------- Chinese resident ID (ISO 7064 MOD 11-2) ----------------
CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_MAP = "10X98765432"


def cn_id_check(first17):
    return CN_MAP[sum(int(a) * b for a, b in zip(first17, CN_W)) % 11]


def cn_id_valid(s):
    t = re.sub(r"\s+", "", s).upper()
    return bool(re.fullmatch(r"\d{17}[\dX]", t)) and cn_id_check(t[:17]) == t[17]


# ---------------- Indian PAN (shape) ----------------
def pan_valid(s):
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip()))


# ---------------- Phone shapes ----------------
def nz_phone_valid(s):
    d = digits_only(s)
    if d.startswith("64"):
        d = "0" + d[2:]
    if d.startswith("02"):
        return 9 <= len(d) <= 11
    if re.match(r"0[34679]", d):
        return len(d) == 9
    return False


def ph_phone_valid(s):
    d = digits_only(s)
    if d.startswith("63"):
        d = "0" + d[2:]
    return len(d) == 11 and d.startswith("09")
