"""Check-digit algorithms and a spoken-number normaliser (shared by gen.py,
build.py and reread.py)."""
import re
import unicodedata

# ------------------------------------------------------------------ checks

def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) < 12:
        return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def ird_valid(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) not in (8, 9):
        return False
    d = d.zfill(9)
    n = int(d)
    if not (10000000 < n < 150000000):
        return False
    base, check = [int(c) for c in d[:8]], int(d[8])
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == check
    return False


_NZW = {
    "A": [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "B": [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
    "D": [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0],
    "E": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1],
    "F": [0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0],
    "G": [0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1],
}


def nz_bank_parts(digits):
    """split 15/16 digit string into bank, branch, account, suffix"""
    if len(digits) == 15:
        return digits[:2], digits[2:6], digits[6:13], digits[13:]
    if len(digits) == 16:
        return digits[:2], digits[2:6], digits[6:13], digits[13:]
    return None


def nz_bank_valid(s):
    if "-" in s and len(s.split("-")) == 4:
        bank, branch, acct, suf = s.split("-")
    else:
        d = "".join(c for c in s if c.isdigit())
        p = nz_bank_parts(d)
        if not p:
            return False
        bank, branch, acct, suf = p
    if len(acct) == 8 and acct[0] == "0":
        acct = acct[1:]
    num = bank.zfill(2) + branch.zfill(4) + acct.zfill(8) + suf.zfill(4)
    b = bank.zfill(2)
    if b == "08":
        alg, mod = "D", 11
    elif b == "09":
        alg, mod = "E", 11
    elif b in ("25", "33"):
        alg, mod = "F", 10
    elif b in ("26", "27", "28", "29"):
        alg, mod = "G", 10
    elif b == "31":
        return True
    else:
        alg, mod = ("A" if int(acct) < 990000 else "B"), 11
    tot = 0
    for dch, w in zip(num, _NZW[alg]):
        p = int(dch) * w
        if alg in ("E", "G"):
            while p > 9:
                p = sum(int(c) for c in str(p))
        tot += p
    return tot % mod == 0


def iban_valid(s):
    s = re.sub(r"[^0-9A-Za-z]", "", s).upper()
    if len(s) < 15 or not s[:2].isalpha():
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    c = 0
    for i, x in enumerate(reversed(d)):
        c = _VD[c][_VP[i % 8][x]]
    return c == 0


def verhoeff_check_digit(s):
    c = 0
    for i, x in enumerate(reversed([int(ch) for ch in s])):
        c = _VD[c][_VP[(i + 1) % 8][x]]
    return str(_VINV[c])


def aadhaar_valid(s):
    d = "".join(c for c in s if c.isdigit())
    return len(d) == 12 and d[0] not in "01" and verhoeff_valid(d)


_CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_id_check_char(body):
    return "10X98765432"[sum(int(a) * b for a, b in zip(body, _CNW)) % 11]


def cn_id_valid(s):
    s = re.sub(r"[^0-9Xx]", "", s).upper()
    return len(s) == 18 and s[:17].isdigit() and cn_id_check_char(s[:17]) == s[17]


def thai_id_valid(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 13:
        return False
    tot = sum(int(d[i]) * (13 - i) for i in range(12))
    return (11 - tot % 11) % 10 == int(d[12])


def pan_valid(s):
    s = re.sub(r"[^0-9A-Za-z]", "", s).upper()
    return re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]", s) is not None


def ph_mobile_valid(d):
    if d.startswith("63"):
        d = "0" + d[2:]
    return len(d) == 11 and d.startswith("09")


# ------------------------------------------------------- spoken normaliser

_EN = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "nothing": "0",
       "one": "1", "won": "1", "two": "2", "to": "2", "too": "2", "three": "3",
       "tree": "3", "free": "3", "four": "4", "for": "4", "fore": "4", "five": "5",
       "six": "6", "sicks": "6", "seven": "7", "eight": "8", "ate": "8",
       "nine": "9", "nein": "9"}
_TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
          "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
          "eighteen": "18", "nineteen": "19"}
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5",
         "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9"}
_LANG = {
    "hi": {"shunya": "0", "sunya": "0", "shoonya": "0", "ek": "1", "do": "2",
           "teen": "3", "tin": "3", "char": "4", "chaar": "4", "paanch": "5",
           "panch": "5", "chhe": "6", "chhah": "6", "che": "6", "chah": "6",
           "saat": "7", "sat": "7", "aath": "8", "ath": "8", "nau": "9", "no": "9",
           "शून्य": "0", "एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पांच": "5",
           "पाँच": "5", "छह": "6", "छः": "6", "छ": "6", "सात": "7", "आठ": "8", "नौ": "9"},
    "pa": {"sifar": "0", "ikk": "1", "ik": "1", "do": "2", "tinn": "3", "chaar": "4",
           "panj": "5", "chhe": "6", "satt": "7", "atth": "8", "nau": "9"},
    "ne": {"sunya": "0", "ek": "1", "dui": "2", "tin": "3", "char": "4", "panch": "5",
           "chha": "6", "saat": "7", "aath": "8", "nau": "9"},
    "sm": {"selo": "0", "noa": "0", "tasi": "1", "lua": "2", "tolu": "3", "fa": "4",
           "fā": "4", "lima": "5", "ono": "6", "fitu": "7", "valu": "8", "iva": "9"},
    "to": {"noa": "0", "taha": "1", "ua": "2", "tolu": "3", "fa": "4", "fā": "4",
           "nima": "5", "ono": "6", "fitu": "7", "valu": "8", "hiva": "9"},
    "mi": {"kore": "0", "tahi": "1", "rua": "2", "toru": "3", "whā": "4", "wha": "4",
           "rima": "5", "ono": "6", "whitu": "7", "waru": "8", "iwa": "9"},
    "fj": {"saiva": "0", "dua": "1", "rua": "2", "tolu": "3", "va": "4", "lima": "5",
           "ono": "6", "vitu": "7", "walu": "8", "ciwa": "9"},
    "tl": {"sero": "0", "zero": "0", "isa": "1", "dalawa": "2", "tatlo": "3",
           "apat": "4", "lima": "5", "anim": "6", "pito": "7", "walo": "8", "siyam": "9"},
    "es": {"cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4",
           "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9"},
    "pt": {"zero": "0", "um": "1", "dois": "2", "três": "3", "tres": "3",
           "quatro": "4", "cinco": "5", "seis": "6", "meia": "6", "sete": "7",
           "oito": "8", "nove": "9"},
    "id": {"nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3",
           "empat": "4", "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8",
           "sembilan": "9"},
    "vi": {"không": "0", "khong": "0", "một": "1", "mot": "1", "hai": "2", "ba": "3",
           "bốn": "4", "bon": "4", "năm": "5", "nam": "5", "lăm": "5", "sáu": "6",
           "sau": "6", "bảy": "7", "bay": "7", "tám": "8", "tam": "8", "chín": "9",
           "chin": "9"},
    "zh": {"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3",
           "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
           "ling": "0", "líng": "0", "yao": "1", "yāo": "1", "yi": "1", "yī": "1",
           "er": "2", "èr": "2", "san": "3", "sān": "3", "si": "4", "sì": "4",
           "wu": "5", "wǔ": "5", "liu": "6", "liù": "6", "qi": "7", "qī": "7",
           "ba": "8", "bā": "8", "jiu": "9", "jiǔ": "9"},
    "ko": {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5",
           "육": "6", "칠": "7", "팔": "8", "구": "9"},
    "de": {"null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3", "vier": "4",
           "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9"},
    "ru": {"ноль": "0", "нуль": "0", "один": "1", "два": "2", "три": "3", "четыре": "4",
           "пять": "5", "шесть": "6", "семь": "7", "восемь": "8", "девять": "9"},
    "ar": {"صفر": "0", "واحد": "1", "اثنين": "2", "اثنان": "2", "ثلاثة": "3", "اربعة": "4",
           "أربعة": "4", "خمسة": "5", "ستة": "6", "سبعة": "7", "ثمانية": "8", "تسعة": "9"},
    "th": {"ศูนย์": "0", "หนึ่ง": "1", "สอง": "2", "สาม": "3", "สี่": "4", "ห้า": "5",
           "หก": "6", "เจ็ด": "7", "แปด": "8", "เก้า": "9"},
}
_MULT = {"double": 2, "triple": 3, "dobol": 2, "dabal": 2, "trip": 3, "doble": 2,
         "triple": 3, "dabl": 2}
_NATO = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D",
         "echo": "E", "foxtrot": "F", "fox": "F", "golf": "G", "hotel": "H", "india": "I",
         "juliet": "J", "juliett": "J", "kilo": "K", "lima": "L", "mike": "M",
         "november": "N", "oscar": "O", "papa": "P", "quebec": "Q", "romeo": "R",
         "sierra": "S", "tango": "T", "uniform": "U", "victor": "V", "whiskey": "W",
         "whisky": "W", "xray": "X", "x-ray": "X", "yankee": "Y", "zulu": "Z"}
_LETTER_LINK = {"for", "as", "like", "of"}


def _tokens(text):
    out = []
    for m in re.finditer(r"[\w\u0900-\u097F\u0E00-\u0E7F]+", text):
        t = m.group(0)
        # split CJK ideographs / hangul syllables into single characters
        if any("\u4e00" <= c <= "\u9fff" or c in "〇" or "\uac00" <= c <= "\ud7a3" for c in t):
            for c in t:
                out.append(c)
        else:
            out.append(t)
    return out


def normalise(text, langs=("en",), letters=True, o_is_zero=True):
    """Turn a span as written or spoken into a string of digits/letters."""
    table = {}
    for l in reversed([x for x in langs if x != "en"]):
        table.update(_LANG.get(l, {}))
    en = dict(_EN)
    if not o_is_zero:
        en.pop("o", None)
    toks = [t.lower() for t in _tokens(text)]
    out = []
    i = 0
    mult = 1
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None

        def emit(s):
            nonlocal mult
            out.append(s * mult)
            mult = 1

        if all(unicodedata.digit(c, None) is not None for c in t):
            emit("".join(str(unicodedata.digit(c)) for c in t))
        elif t in _MULT:
            mult = _MULT[t]
        elif t in table:
            emit(table[t])
        elif t in en:
            emit(en[t])
        elif t in _TEENS:
            emit(_TEENS[t])
        elif t in _TENS:
            if nxt in en and en[nxt] != "0" and nxt not in ("o", "oh"):
                emit(_TENS[t] + en[nxt])
                i += 1
            else:
                emit(_TENS[t] + "0")
        elif t == "hundred":
            out.append("00")
        elif t == "thousand":
            out.append("000")
        elif letters and len(t) == 1 and t.isalpha() and t.isascii():
            emit(t.upper())
            if nxt in _LETTER_LINK and i + 2 < len(toks):
                i += 2
            elif nxt == "as" and i + 3 < len(toks) and toks[i + 2] == "in":
                i += 3
        elif letters and t in _NATO and not (t == "lima" and "lima" in table):
            emit(_NATO[t])
        elif re.fullmatch(r"[a-z]{1,3}\d+[a-z0-9]*|\d+[a-z]+\d*", t):
            emit(t.upper())
        # anything else (um, dash, space, sorry, number, and) is ignored
        i += 1
    return "".join(out)
