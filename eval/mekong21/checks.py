"""Validators shared by gen.py and build.py (mekong21).

Only formats that really carry a check digit are checked by arithmetic; the others
are checked for shape (valid dates, region codes, operator prefixes) so that the
invented values look like the real thing.
"""
import datetime
import re

# ---------------------------------------------------------------- generic

def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise ValueError


def iban_ok(s: str) -> bool:
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1

# ---------------------------------------------------------------- New Zealand

def nz_ird_ok(digits: str) -> bool:
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    n = int(digits)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = digits.zfill(9)
    base, check = d[:8], int(d[8])
    for weights in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        s = sum(int(a) * w for a, w in zip(base, weights))
        r = s % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


_NZ_W = {
    "A": ((0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0), 11),
    "B": ((0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0), 11),
    "D": ((0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0), 11),
    "E": ((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1), 10),
    "F": ((0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0), 10),
    "G": ((0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1), 10),
}
_NZ_BRANCHES = {
    "01": [(1, 999), (1100, 1199), (1800, 1899)],
    "02": [(1, 999), (1200, 1299)],
    "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999), (7350, 7399)],
    "06": [(1, 999), (1400, 1499)],
    "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
    "38": [(9000, 9499)],
}


def nz_bank_ok(s: str) -> bool:
    parts = re.split(r"[-\s]+", s.strip())
    digits = re.sub(r"\D", "", s)
    if len(parts) == 4:
        bank, branch, acc, suf = parts
    elif len(digits) in (15, 16):
        bank, branch, acc, suf = digits[:2], digits[2:6], digits[6:13], digits[13:]
    else:
        return False
    if not (len(bank) == 2 and len(branch) == 4 and len(acc) in (7, 8) and len(suf) in (2, 3)):
        return False
    if bank in _NZ_BRANCHES:
        b = int(branch)
        if not any(lo <= b <= hi for lo, hi in _NZ_BRANCHES[bank]):
            return False
    acc8 = acc.zfill(8)
    suf4 = suf.zfill(4)
    if bank in ("08",):
        alg = "D"
    elif bank == "09":
        alg = "E"
    elif bank in ("25", "33"):
        alg = "F"
    elif bank in ("26", "28", "29"):
        alg = "G"
    elif bank == "31":
        return True
    else:
        alg = "A" if int(acc8) < 990000 else "B"
    weights, mod = _NZ_W[alg]
    full = bank + branch + acc8 + suf4
    if alg in ("E", "G"):
        tot = 0
        for d, w in zip(full, weights):
            p = int(d) * w
            p = p // 10 + p % 10
            p = p // 10 + p % 10
            tot += p
    else:
        tot = sum(int(d) * w for d, w in zip(full, weights))
    return tot % mod == 0

# ---------------------------------------------------------------- Thailand

def th_pin_ok(digits: str) -> bool:
    if not re.fullmatch(r"[1-8]\d{12}", digits):
        return False
    s = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - s % 11) % 10 == int(digits[12])


def th_pin_complete(d12: str) -> str:
    s = sum(int(d) * (13 - i) for i, d in enumerate(d12))
    return d12 + str((11 - s % 11) % 10)

# ---------------------------------------------------------------- Indonesia

def _date_ok(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


ID_PROV = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
           "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
           "81", "82", "91", "92"}


def id_nik_ok(digits: str) -> bool:
    if not re.fullmatch(r"\d{16}", digits):
        return False
    if digits[:2] not in ID_PROV:
        return False
    dd, mm, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if dd > 40:
        dd -= 40
    year = 1900 + yy if yy > 25 else 2000 + yy
    return _date_ok(year, mm, dd) and digits[12:] != "0000"


def id_npwp_ok(digits: str) -> bool:
    return len(digits) == 15 and luhn_ok(digits[:9])

# ---------------------------------------------------------------- Malaysia

MY_PB = {f"{i:02d}" for i in list(range(1, 17)) + list(range(21, 60))}


def my_nric_ok(digits: str) -> bool:
    if not re.fullmatch(r"\d{12}", digits):
        return False
    yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    ok = _date_ok(1900 + yy, mm, dd) or _date_ok(2000 + yy, mm, dd)
    return ok and digits[6:8] in MY_PB

# ---------------------------------------------------------------- Vietnam

VN_PROV = {"001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
           "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
           "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
           "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
           "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"}


def vn_cccd_ok(digits: str) -> bool:
    return (re.fullmatch(r"\d{12}", digits) is not None and digits[:3] in VN_PROV
            and digits[3] in "0123")

# ---------------------------------------------------------------- Sri Lanka

def lk_nic_ok(s: str) -> bool:
    s = s.replace(" ", "").upper()
    m = re.fullmatch(r"(\d{2})(\d{3})(\d{4})[VX]", s)
    if m:
        day = int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{4})(\d{3})(\d{5})", s)
        if not m:
            return False
        day = int(m.group(2))
    if day > 500:
        day -= 500
    return 1 <= day <= 366

# ---------------------------------------------------------------- phones (shape)

PH_PREFIX = {"0905", "0906", "0915", "0916", "0917", "0926", "0927", "0935", "0936", "0945",
             "0953", "0954", "0955", "0956", "0965", "0966", "0967", "0975", "0977", "0995",
             "0997", "0907", "0908", "0909", "0910", "0912", "0918", "0919", "0920", "0921",
             "0928", "0929", "0930", "0938", "0939", "0946", "0947", "0948", "0949", "0950",
             "0951", "0961", "0998", "0999", "0991", "0992", "0993", "0994"}


def phone_shape(kind: str, nsn: str) -> bool:
    """nsn = national number without trunk 0 and without country code."""
    pats = {
        "nz_mobile": r"2[0-9]\d{6,8}",
        "nz_land": r"[34679]\d{7}",
        "vn_mobile": r"(3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}",
        "id_mobile": r"8(1[1-9]|2[1-3]|5[1-9]|7[78]|9[5-9]|3[18]|8[1-9])\d{6,9}",
        "my_mobile": r"1[0-9]\d{7,8}",
        "th_mobile": r"[689]\d{8}",
        "kh_mobile": r"(1[0-7]|6[0-9]|7[0-8]|8[1-9]|9[0-9]|3[18]|88)\d{6,7}",
        "mm_mobile": r"9\d{7,9}",
        "la_mobile": r"20[25789]\d{7}",
        "np_mobile": r"9[78]\d{8}",
        "bd_mobile": r"1[3-9]\d{8}",
        "lk_mobile": r"7[0-8]\d{7}",
        "ph_mobile": r"9\d{9}",
    }
    if not re.fullmatch(pats[kind], nsn):
        return False
    if kind == "ph_mobile":
        return ("0" + nsn[:3]) in PH_PREFIX
    return True
