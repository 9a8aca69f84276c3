"""Turn digits in any script and spelled-out digits (many languages) into a digit string.

Used by build.py (to check labelled numbers against pool.json) and by reread.py (to find
spelled-out number runs outside spans).
"""
import re
import unicodedata

# token words (Latin-script languages; matched as whole tokens, lower-cased)
LATIN = {}
for d, ws in {
    0: "zero oh o nol kosong không khong hông sero zéro cero siro",
    1: "one satu một mot isa uno usa maysa",
    2: "two dua hai dalawa dos duha dua",
    3: "three tiga ba tatlo tres tulo tallo",
    4: "four empat bốn bon tư apat kuwatro upat uppat",
    5: "five lima năm nam singko",
    6: "six enam sáu sau anim sais innem",
    7: "seven tujuh bảy bay bẩy pito siyete pito",
    8: "eight delapan lapan tám tam walo otso walo",
    9: "nine sembilan chín chin siyam nuwebe siyam",
}.items():
    for w in ws.split():
        LATIN.setdefault(w, str(d))
REPEAT = {"double": 2, "triple": 3, "doble": 2, "dobol": 2, "tripol": 3}

# substring words (scripts written without spaces or with rich morphology)
SUB = {}
for d, ws in {
    0: "ศูนย์ សូន្យ သုည ສູນ शून्य शुन्य শূন্য பூஜ்ஜியம் சைபர் බිංදුව ශුන්‍ය",
    1: "หนึ่ง មួយ တစ် ໜຶ່ງ ນຶ່ງ एक এক ஒன்று ஒண்டு එක",
    2: "สอง ពីរ နှစ် ສອງ दुई দুই இரண்டு ரெண்டு දෙක",
    3: "สาม បី သုံး ສາມ तीन তিন மூன்று මුණ තුන",
    4: "สี่ បួន လေး ສີ່ चार চার நான்கு හතර",
    5: "ห้า ប្រាំ ငါး ຫ້າ पाँच पांच পাঁচ ஐந்து පහ",
    6: "หก ប្រាំមួយ ခြောက် ຫົກ छ ছয় ஆறு හය",
    7: "เจ็ด ប្រាំពីរ ခုနစ် ຂຸနစ် ເຈັດ सात সাত ஏழு හත",
    8: "แปด ប្រាំបី ရှစ် ແປດ आठ আট எட்டு අට",
    9: "เก้า ប្រាំបួន ကိုး ເກົ້າ नौ নয় ஒன்பது නවය",
}.items():
    for w in ws.split():
        SUB[w] = str(d)
SUB_SORTED = sorted(SUB, key=len, reverse=True)

_TOKEN = re.compile(r"[^\W\d_]+|\d", re.UNICODE)


def script_digit(ch):
    if ch.isdigit():
        try:
            return str(unicodedata.digit(ch))
        except (TypeError, ValueError):
            return None
    return None


def to_digits(text: str) -> str:
    """Digits (any script) and number words, in order, as an ASCII digit string."""
    out = []
    i = 0
    n = len(text)
    pending_rep = 1
    while i < n:
        ch = text[i]
        d = script_digit(ch)
        if d is not None:
            out.append(d * pending_rep)
            pending_rep = 1
            i += 1
            continue
        # substring words
        hit = None
        for w in SUB_SORTED:
            if text.startswith(w, i):
                hit = w
                break
        if hit:
            out.append(SUB[hit] * pending_rep)
            pending_rep = 1
            i += len(hit)
            continue
        if ch.isalpha():
            j = i
            while j < n and text[j].isalpha() and script_digit(text[j]) is None:
                j += 1
            tok = text[i:j].lower()
            if tok in REPEAT:
                pending_rep = REPEAT[tok]
            elif tok in LATIN and (j - i > 1 or tok == "o"):
                out.append(LATIN[tok] * pending_rep)
                pending_rep = 1
            i = j
            continue
        i += 1
    return "".join(out)


def spelled_runs(text: str, min_len=4):
    """Runs of >= min_len consecutive number words (no ASCII digits) - for reread.py."""
    runs = []
    toks = re.finditer(r"\S+", text)
    cur = []
    for m in toks:
        t = m.group(0)
        core = re.sub(r"[^\w]", "", t.lower())
        is_num = (core in LATIN and core not in ("o", "ba", "nam", "tam", "bay", "sau", "tu", "usa", "isa"))\
            or core in REPEAT or core in ("ba", "nam", "tam", "bay", "sau")
        if not is_num:
            stripped = t
            for w in SUB_SORTED:
                stripped = stripped.replace(w, "")
            is_num = stripped.strip(" ,.-/") == "" and stripped != t
        if is_num:
            cur.append(m)
        else:
            if len(cur) >= min_len:
                runs.append((cur[0].start(), cur[-1].end()))
            cur = []
    if len(cur) >= min_len:
        runs.append((cur[0].start(), cur[-1].end()))
    return runs
