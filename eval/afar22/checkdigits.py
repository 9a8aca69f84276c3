"""Check-digit validators shared by gen.py (to build values) and build.py (to re-check).

Each validator takes a string of the *normalised* value (ASCII digits/letters, no
separators) and returns True/False.  `compute_*` helpers are used only by gen.py.
"""
import hashlib
import re

# --- digit normalisation -------------------------------------------------------------
_DIGIT_MAP = {}
for base in (0x0660, 0x06F0, 0x0966, 0x09E6, 0x1369 - 1):  # Arabic-Indic, Persian, Devanagari, Bengali
    pass
for i in range(10):
    _DIGIT_MAP[chr(0x0660 + i)] = str(i)  # Eastern Arabic ٠١٢٣٤٥٦٧٨٩
    _DIGIT_MAP[chr(0x06F0 + i)] = str(i)  # Persian / Urdu ۰۱۲۳۴۵۶۷۸۹
    _DIGIT_MAP[chr(0xFF10 + i)] = str(i)  # full-width


def to_ascii_digits(s):
    return "".join(_DIGIT_MAP.get(c, c) for c in s)


def alnum(s):
    s = to_ascii_digits(s)
    return re.sub(r"[^0-9A-Za-z]", "", s).upper()


def digits(s):
    return re.sub(r"\D", "", to_ascii_digits(s))


# --- generic -------------------------------------------------------------------------
def luhn_ok(num):
    if not num.isdigit() or len(num) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return c


IBAN_LEN = {"UA": 29, "RO": 24, "MD": 24, "BR": 29, "PK": 24, "IR": 26, "IQ": 23,
            "GB": 22, "DE": 22, "AE": 23, "SA": 24, "TR": 26, "JO": 30}


def iban_ok(s):
    s = s.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) and len(s) != IBAN_LEN[s[:2]]:
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(country, bban):
    r = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in r)
    cd = 98 - int(n) % 97
    return f"{country}{cd:02d}{bban}"


# --- NZ ------------------------------------------------------------------------------
def nz_ird_ok(s):
    if not s.isdigit() or len(s) not in (8, 9):
        return False
    n = int(s)
    if not (10_000_000 < n < 150_000_000):
        return False
    s = s.zfill(9)
    base, check = s[:8], int(s[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        if r == 0:
            return check == 0
        c = 11 - r
        if c != 10:
            return check == c
    return False


NZ_A = (0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_B = (0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0)
NZ_AB_BANKS = {"01", "02", "03", "06", "11", "12", "13", "14", "15", "16", "17", "18",
               "19", "20", "21", "22", "23", "24", "27", "30", "35", "38"}


def nz_bank_ok(s):
    """s = bank(2) branch(4) account(7) suffix(2 or 3), digits only."""
    if not s.isdigit() or len(s) not in (15, 16):
        return False
    bank, branch, acct, suf = s[:2], s[2:6], s[6:13], s[13:]
    if bank not in NZ_AB_BANKS:
        return False
    full = bank + branch + acct.zfill(8) + suf.zfill(4)
    w = NZ_A if int(acct) < 990000 else NZ_B
    return sum(int(a) * b for a, b in zip(full, w)) % 11 == 0


NHI_ALPHA = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O not used


def nhi_ok(s):
    """NZ National Health Index, original format AAANNNC (mod 11)."""
    s = s.upper()
    if not re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", s):
        return False
    vals = [NHI_ALPHA.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(v * w for v, w in zip(vals, (7, 6, 5, 4, 3, 2))) % 11
    if r == 0:
        return False
    c = 11 - r
    return (0 if c == 10 else c) == int(s[6])


# --- Latin America -------------------------------------------------------------------
def cpf_ok(s):
    if not s.isdigit() or len(s) != 11 or len(set(s)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(s[i]) * (n + 1 - i) for i in range(n))
        d = (tot * 10) % 11 % 10
        if d != int(s[n]):
            return False
    return True


CURP_DICT = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_ok(s):
    if not re.fullmatch(r"[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d", s):
        return False
    tot = sum(CURP_DICT.index(c) * (18 - i) for i, c in enumerate(s[:17]))
    return (10 - tot % 10) % 10 == int(s[17])


def clabe_ok(s):
    if not s.isdigit() or len(s) != 18:
        return False
    w = (3, 7, 1) * 6
    tot = sum((int(a) * b) % 10 for a, b in zip(s[:17], w))
    return (10 - tot % 10) % 10 == int(s[17])


def rut_ok(s):
    s = s.upper()
    if not re.fullmatch(r"\d{7,8}[0-9K]", s):
        return False
    body, dv = s[:-1], s[-1]
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    exp = "0" if r == 11 else "K" if r == 10 else str(r)
    return dv == exp


def cuil_ok(s):
    if not s.isdigit() or len(s) != 11 or s[:2] not in ("20", "23", "24", "27", "30", "33", "34"):
        return False
    w = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    r = 11 - sum(int(a) * b for a, b in zip(s[:10], w)) % 11
    if r == 10:
        return False
    exp = 0 if r == 11 else r
    return exp == int(s[10])


def cbu_ok(s):
    if not s.isdigit() or len(s) != 22:
        return False
    b1, b2 = s[:8], s[8:]
    w1 = (7, 1, 3, 9, 7, 1, 3)
    d1 = (10 - sum(int(a) * b for a, b in zip(b1[:7], w1)) % 10) % 10
    w2 = (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)
    d2 = (10 - sum(int(a) * b for a, b in zip(b2[:13], w2)) % 10) % 10
    return d1 == int(b1[7]) and d2 == int(b2[13])


def nss_ok(s):  # Mexican IMSS number, Luhn on 11 digits
    return s.isdigit() and len(s) == 11 and luhn_ok(s)


def bb_conta_ok(s):  # Banco do Brasil conta corrente, last char is DV (0-9 or X)
    s = s.upper()
    if not re.fullmatch(r"\d{4,8}[0-9X]", s):
        return False
    body, dv = s[:-1], s[-1]
    tot = sum(int(c) * w for c, w in zip(reversed(body), range(2, 20)))
    r = 11 - tot % 11
    exp = "X" if r == 10 else "0" if r == 11 else str(r)
    return dv == exp


# --- Africa --------------------------------------------------------------------------
def za_id_ok(s):
    return s.isdigit() and len(s) == 13 and luhn_ok(s)


def nuban_ok(s, bank_code):
    if not s.isdigit() or len(s) != 10:
        return False
    w = (3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3)
    full = bank_code + s[:9]
    c = (10 - sum(int(a) * b for a, b in zip(full, w)) % 10) % 10
    return c == int(s[9])


ZW_LETTERS = "ZABCDEFGHJKLMNPQRSTVWXY"


def zw_id_ok(s):
    """Zimbabwe national ID: district(2) serial(6-7) letter district(2); letter = number mod 23."""
    m = re.fullmatch(r"(\d{2})(\d{6,7})([A-Z])(\d{2})", s.upper())
    if not m:
        return False
    return ZW_LETTERS[int(m.group(1) + m.group(2)) % 23] == m.group(3)


# --- Middle East / Central & South Asia ----------------------------------------------
def ir_code_ok(s):
    if not s.isdigit() or len(s) != 10 or len(set(s)) == 1:
        return False
    r = sum(int(s[i]) * (10 - i) for i in range(9)) % 11
    c = r if r < 2 else 11 - r
    return c == int(s[9])


def pinfl_ok(s):  # Uzbek JShShIR, 14 digits, weights 7,3,1 mod 10
    if not s.isdigit() or len(s) != 14:
        return False
    w = (7, 3, 1) * 5
    return sum(int(a) * b for a, b in zip(s[:13], w)) % 10 == int(s[13])


# --- Eastern Europe ------------------------------------------------------------------
def rnokpp_ok(s):
    if not s.isdigit() or len(s) != 10:
        return False
    w = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    return (sum(int(a) * b for a, b in zip(s[:9], w)) % 11) % 10 == int(s[9])


def unzr_ok(s):  # Ukrainian record number YYYYMMDD-NNNNC, weights 7,3,1
    if not s.isdigit() or len(s) != 13:
        return False
    w = (7, 3, 1) * 4
    return sum(int(a) * b for a, b in zip(s[:12], w)) % 10 == int(s[12])


def inn12_ok(s):
    if not s.isdigit() or len(s) != 12:
        return False
    w1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    w2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    c1 = sum(int(a) * b for a, b in zip(s[:10], w1)) % 11 % 10
    c2 = sum(int(a) * b for a, b in zip(s[:11], w2)) % 11 % 10
    return c1 == int(s[10]) and c2 == int(s[11])


def snils_ok(s):
    if not s.isdigit() or len(s) != 11:
        return False
    tot = sum(int(s[i]) * (9 - i) for i in range(9))
    while tot > 101:
        tot %= 101
    c = 0 if tot in (100, 101) else tot
    return c == int(s[9:])


def cnp_ok(s):
    if not s.isdigit() or len(s) != 13 or s[0] == "0":
        return False
    w = "279146358279"
    r = sum(int(a) * int(b) for a, b in zip(s[:12], w)) % 11
    return (1 if r == 10 else r) == int(s[12])


def idnp_ok(s):  # Moldova, 13 digits, weights 7,3,1 mod 10
    if not s.isdigit() or len(s) != 13:
        return False
    w = (7, 3, 1) * 4
    return sum(int(a) * b for a, b in zip(s[:12], w)) % 10 == int(s[12])


# --- crypto wallet (Tron TRC20, base58check) ----------------------------------------
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b):
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(s):
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    pad = len(s) - len(s.lstrip("1"))
    return b"\0" * pad + raw


def tron_ok(s):
    if not re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", s):
        return False
    raw = b58decode(s)
    if len(raw) != 25 or raw[0] != 0x41:
        return False
    chk = hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4]
    return chk == raw[21:]


def tron_make(payload20):
    p = b"\x41" + payload20
    chk = hashlib.sha256(hashlib.sha256(p).digest()).digest()[:4]
    return b58encode(p + chk)


# name -> (validator, how to normalise the span text)
VALIDATORS = {
    "nz_ird": nz_ird_ok, "nz_bank": nz_bank_ok, "card": luhn_ok, "iban": iban_ok,
    "cpf": cpf_ok, "curp": curp_ok, "clabe": clabe_ok, "rut": rut_ok, "cuil": cuil_ok,
    "cbu": cbu_ok, "nss": nss_ok, "bb_conta": bb_conta_ok, "za_id": za_id_ok,
    "zw_id": zw_id_ok, "ir_code": ir_code_ok, "pinfl": pinfl_ok, "rnokpp": rnokpp_ok,
    "unzr": unzr_ok, "inn12": inn12_ok, "snils": snils_ok, "cnp": cnp_ok, "idnp": idnp_ok,
    "tron": tron_ok, "nhi": nhi_ok,
}

if __name__ == "__main__":
    # known published examples
    assert nz_ird_ok("49091850") and nz_ird_ok("35901981") and nz_ird_ok("49098576")
    assert nz_ird_ok("136410132") and not nz_ird_ok("136410133")
    assert nz_bank_ok("010902006838900")
    assert luhn_ok("4111111111111111")
    assert iban_ok("GB82WEST12345698765432") and iban_ok("RO49AAAA1B31007593840000")
    assert iban_ok("UA213223130000026007233566001")
    assert cpf_ok("52998224725")
    assert rut_ok("123456785")
    assert clabe_ok("002010077777777771")
    assert curp_ok("HEGG560427MVZRRL04") and curp_ok("BEML920313HCMLNS09")
    assert za_id_ok("8001015009087")
    assert inn12_ok("500100732259")
    assert snils_ok("11223344595")
    assert nhi_ok("ZZZ0016") and nhi_ok("ZZZ0024") and not nhi_ok("ZZZ0017")
    print("all known examples pass")
