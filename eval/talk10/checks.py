"""Check-digit algorithms shared by gen.py (to make numbers) and build.py (to re-check them)."""
import hashlib
import re
import unicodedata


def digits(s):
    """All decimal digits in s, any script, as ASCII."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


# ---------- NZ IRD (mod 11, two weight sets) ----------
def ird_ok(num):
    d = digits(num)
    if len(d) not in (8, 9):
        return False
    n = int(d)
    if not (10_000_000 < n < 150_000_000):
        return False
    d = d.zfill(9)
    base, check = d[:8], int(d[8])
    for w in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = sum(int(a) * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


# ---------- NZ bank account ----------
_W = {
    "A": ([0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "B": ([0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], 11),
    "D": ([0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], 11),
    "E": ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], 11),
    "F": ([0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], 10),
    "G": ([0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], 10),
}


def nzbank_parts(s):
    m = re.fullmatch(r"\s*(\d{2})[\s-]?(\d{4})[\s-]?(\d{7,8})[\s-]?(\d{2,4})\s*", digits_keep_sep(s))
    if not m:
        return None
    return m.groups()


def digits_keep_sep(s):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return "".join(out)


def nzbank_ok(s):
    p = nzbank_parts(s)
    if not p:
        return False
    bank, branch, acct, suf = p
    acct8 = acct.zfill(8)
    suf4 = suf.zfill(4)
    b = int(bank)
    if b == 8:
        alg = "D"
    elif b == 9:
        alg = "E"
    elif b in (25, 33):
        alg = "F"
    elif b in (26, 28, 29):
        alg = "G"
    elif b == 31:
        return True
    else:
        alg = "A" if int(acct8) < 990000 else "B"
    w, mod = _W[alg]
    full = bank + branch + acct8 + suf4
    total = 0
    for dch, wt in zip(full, w):
        p_ = int(dch) * wt
        if alg in ("E", "G"):
            # fold to a single digit
            while p_ > 9:
                p_ = sum(int(x) for x in str(p_))
        total += p_
    return total % mod == 0


# ---------- IBAN ----------
IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "AE": 23, "SA": 24, "PK": 24,
            "BR": 29, "UA": 29, "JO": 30, "IT": 27, "NL": 18, "QA": 29, "EG": 29, "PT": 25}


def iban_ok(s):
    x = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", x):
        return False
    if IBAN_LEN.get(x[:2]) not in (None, len(x)):
        return False
    r = x[4:] + x[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


# ---------- Luhn ----------
def luhn_ok(s):
    d = digits(s)
    if len(d) < 12:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


# ---------- Verhoeff (Aadhaar) ----------
_vd = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_vp = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_vinv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(s):
    d = digits(s)
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = _vd[c][_vp[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _vd[c][_vp[(i + 1) % 8][int(ch)]]
    return str(_vinv[c])


def aadhaar_ok(s):
    d = digits(s)
    return len(d) == 12 and d[0] not in "01" and verhoeff_ok(d)


# ---------- Chinese resident ID (ISO 7064 MOD 11-2) ----------
_CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cnid_check(first17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, _CNW)) % 11]


def cnid_ok(s):
    x = re.sub(r"\s", "", digits_keep_sep(s)).upper()
    return bool(re.fullmatch(r"\d{17}[\dX]", x)) and cnid_check(x[:17]) == x[17]


# ---------- Indian PAN (shape) ----------
def pan_ok(s):
    return bool(re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", s.strip().upper()))


# ---------- Thai national ID ----------
def thai_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


# ---------- Korean RRN ----------
def rrn_ok(s):
    d = digits(s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    tot = sum(int(a) * b for a, b in zip(d, w))
    return (11 - tot % 11) % 10 == int(d[12])


# ---------- Brazilian CPF ----------
def cpf_ok(s):
    d = digits(s)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        tot = sum(int(d[i]) * (n + 1 - i) for i in range(n))
        c = (tot * 10) % 11 % 10
        if c != int(d[n]):
            return False
    return True


# ---------- Chilean RUT ----------
def rut_dv(body):
    tot, m = 0, 2
    for ch in reversed(body):
        tot += int(ch) * m
        m = 2 if m == 7 else m + 1
    r = 11 - tot % 11
    return "0" if r == 11 else "K" if r == 10 else str(r)


def rut_ok(s):
    x = re.sub(r"[.\s]", "", s).upper()
    m = re.fullmatch(r"(\d{7,8})-?([\dK])", x)
    return bool(m) and rut_dv(m.group(1)) == m.group(2)


# ---------- Spanish DNI / NIE ----------
_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    x = re.sub(r"[\s-]", "", s).upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", x)
    if not m:
        return False
    pre = {"": "", "X": "0", "Y": "1", "Z": "2"}[m.group(1)]
    return _DNI[int(pre + m.group(2)) % 23] == m.group(3)


# ---------- Russian INN (12-digit personal) ----------
def inn_ok(s):
    d = digits(s)
    if len(d) != 12:
        return False
    w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    c1 = sum(int(a) * b for a, b in zip(d, w1)) % 11 % 10
    c2 = sum(int(a) * b for a, b in zip(d, w2)) % 11 % 10
    return c1 == int(d[10]) and c2 == int(d[11])


# ---------- Base58Check (TRON / Bitcoin addresses) ----------
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check_ok(s):
    s = s.strip()
    if not s or any(c not in _B58 for c in s):
        return False
    n = 0
    for c in s:
        n = n * 58 + _B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\x00" * (len(s) - len(s.lstrip("1"))) + raw
    if len(raw) < 5:
        return False
    body, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == chk


def b58check_encode(body):
    raw = body + hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\x00"))) + out


# ---------- Philippine mobile (prefix plan) ----------
PH_PREFIX = {"0905", "0906", "0915", "0916", "0917", "0926", "0927", "0935", "0945", "0955", "0956",
             "0965", "0966", "0975", "0977", "0995", "0997", "0907", "0908", "0909", "0910", "0912",
             "0918", "0919", "0920", "0921", "0928", "0929", "0930", "0938", "0939", "0946", "0947",
             "0948", "0949", "0950", "0951", "0961", "0998", "0999", "0991", "0992", "0993", "0994"}


def ph_mobile_ok(s):
    d = digits(s)
    if d.startswith("63"):
        d = "0" + d[2:]
    return len(d) == 11 and d[:4] in PH_PREFIX
