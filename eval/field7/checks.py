"""Check-digit routines shared by gen.py (which draws numbers) and build.py (which re-checks them)."""
import re
import unicodedata


def norm(s):
    """Digits of any script -> ASCII, letters upper-cased, separators dropped."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
                continue
            except (TypeError, ValueError):
                pass
        if ch.isalnum():
            out.append(ch.upper())
    return "".join(out)


# ---------- NZ IRD (mod 11, two weight sets) ----------
def ird_ok(s):
    d = norm(s)
    if not d.isdigit() or len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    base, chk = [int(c) for c in d[:8]], int(d[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False


# ---------- NZ bank account ----------
NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
    "06": [(1, 999), (1400, 1499)],
    "11": [(5000, 6499), (6600, 8999)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "15": [(3900, 3999)],
    "38": [(9000, 9499)],
}
W_A = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
W_B = [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 8, 4, 2, 1, 0, 0, 0, 0]


def nz_bank_parts(s):
    m = re.fullmatch(r"\s*(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})\s*", s)
    return m.groups() if m else None


def nz_bank_ok(s):
    p = nz_bank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    if bank not in NZ_BRANCHES:
        return False
    br = int(branch)
    if not any(lo <= br <= hi for lo, hi in NZ_BRANCHES[bank]):
        return False
    acct8 = acct.zfill(8)
    digits = [int(c) for c in bank + branch + acct8 + suf.zfill(4)]
    w = W_A if int(acct8) < 990000 else W_B
    return sum(a * b for a, b in zip(digits, w)) % 11 == 0


# ---------- IBAN ----------
IBAN_LEN = {"GB": 22, "DE": 22, "UA": 29, "BR": 29, "SA": 24, "AE": 23, "PT": 25, "FR": 27}


def iban_ok(s):
    d = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", d):
        return False
    if d[:2] in IBAN_LEN and len(d) != IBAN_LEN[d[:2]]:
        return False
    r = d[4:] + d[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def iban_make(cc, bban):
    r = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in r)
    chk = 98 - int(num) % 97
    return f"{cc}{chk:02d}{bban}"


# ---------- Luhn ----------
def luhn_ok(s):
    d = norm(s)
    if not d.isdigit() or not (12 <= len(d) <= 19):
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


# ---------- Verhoeff (Aadhaar) ----------
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]


def verhoeff_ok(s):
    d = norm(s)
    if not d.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def aadhaar_ok(s):
    d = norm(s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


def verhoeff_digit(base):
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return str(VINV[c])


# ---------- China resident ID (ISO 7064 MOD 11-2) ----------
CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_digit(base17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(base17, CN_W)) % 11]


def cn_id_ok(s):
    d = norm(s)
    return bool(re.fullmatch(r"\d{17}[\dX]", d)) and cn_digit(d[:17]) == d[17]


# ---------- India PAN (shape) ----------
def pan_ok(s):
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", norm(s)))


# ---------- Thai national ID ----------
def thai_digit(base12):
    return str((11 - sum(int(c) * (13 - i) for i, c in enumerate(base12)) % 11) % 10)


def thai_id_ok(s):
    d = norm(s)
    return len(d) == 13 and d.isdigit() and thai_digit(d[:12]) == d[12]


# ---------- Korean RRN ----------
def rrn_digit(base12):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return str((11 - sum(int(a) * b for a, b in zip(base12, w)) % 11) % 10)


def rrn_ok(s):
    d = norm(s)
    return len(d) == 13 and d.isdigit() and rrn_digit(d[:12]) == d[12]


# ---------- Brazil CPF ----------
def cpf_digits(base9):
    s1 = sum(int(c) * (10 - i) for i, c in enumerate(base9))
    d1 = (s1 * 10) % 11 % 10
    b10 = base9 + str(d1)
    s2 = sum(int(c) * (11 - i) for i, c in enumerate(b10))
    d2 = (s2 * 10) % 11 % 10
    return f"{d1}{d2}"


def cpf_ok(s):
    d = norm(s)
    return len(d) == 11 and d.isdigit() and cpf_digits(d[:9]) == d[9:]


# ---------- Chile RUT ----------
def rut_digit(body):
    tot, m = 0, 2
    for c in reversed(body):
        tot += int(c) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return {11: "0", 10: "K"}.get(r, str(r))


def rut_ok(s):
    d = norm(s)
    return bool(re.fullmatch(r"\d{7,8}[\dK]", d)) and rut_digit(d[:-1]) == d[-1]


# ---------- Spain DNI / NIE ----------
DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    d = norm(s)
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", d)
    if not m:
        return False
    pre = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    return DNI_L[int(pre + m.group(2)) % 23] == m.group(3)


CHECKS = {
    "ird": ird_ok, "nzbank": nz_bank_ok, "iban": iban_ok, "luhn": luhn_ok,
    "aadhaar": aadhaar_ok, "cnid": cn_id_ok, "pan": pan_ok, "thaiid": thai_id_ok,
    "rrn": rrn_ok, "cpf": cpf_ok, "rut": rut_ok, "dni": dni_ok,
}


# ---------- NZ NHI (old format AAANNNC, mod 11) ----------
NHI_AL = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nhi_ok(s):
    d = norm(s)
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", d):
        return False
    vals = [NHI_AL.index(c) + 1 for c in d[:3]] + [int(c) for c in d[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    return (0 if c == 10 else c) == int(d[6])


CHECKS["nhi"] = nhi_ok
