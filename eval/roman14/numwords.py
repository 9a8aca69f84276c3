"""Digit words in the romanized languages of set roman14 (used by build.py to re-check
check-digit numbers written in words, and by reread.py to spot spelled-out runs)."""

NUMWORDS = {
    'en': {'zero': 0, 'oh': 0, 'o': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5,
           'six': 6, 'seven': 7, 'eight': 8, 'nine': 9},
    'hi': {'shunya': 0, 'sifar': 0, 'zero': 0, 'ek': 1, 'do': 2, 'teen': 3, 'tin': 3,
           'char': 4, 'chaar': 4, 'paanch': 5, 'panch': 5, 'chhe': 6, 'che': 6, 'chhah': 6,
           'saat': 7, 'sat': 7, 'aath': 8, 'aat': 8, 'nau': 9, 'no': 9},
    'pa': {'sifar': 0, 'ikk': 1, 'ik': 1, 'do': 2, 'tinn': 3, 'tin': 3, 'chaar': 4,
           'panj': 5, 'chhe': 6, 'satt': 7, 'atth': 8, 'naun': 9, 'nau': 9},
    'ne': {'sunya': 0, 'shunya': 0, 'ek': 1, 'dui': 2, 'tin': 3, 'char': 4, 'panch': 5,
           'chha': 6, 'saat': 7, 'sat': 7, 'aath': 8, 'nau': 9},
    'bn': {'shunno': 0, 'shunyo': 0, 'ek': 1, 'dui': 2, 'tin': 3, 'char': 4, 'pach': 5,
           'panch': 5, 'choy': 6, 'chhoy': 6, 'shat': 7, 'sat': 7, 'aat': 8, 'noy': 9},
    'ta': {'poojyam': 0, 'zero': 0, 'onnu': 1, 'ondru': 1, 'rendu': 2, 'irandu': 2,
           'moonu': 3, 'munu': 3, 'naalu': 4, 'nalu': 4, 'anju': 5, 'ainthu': 5, 'aaru': 6,
           'aru': 6, 'ezhu': 7, 'elu': 7, 'ettu': 8, 'onbathu': 9, 'ombodhu': 9},
    'si': {'binduwa': 0, 'zero': 0, 'eka': 1, 'ekay': 1, 'deka': 2, 'thuna': 3, 'hathara': 4,
           'paha': 5, 'haya': 6, 'hatha': 7, 'ata': 8, 'namaya': 9},
    'tl': {'zero': 0, 'isa': 1, 'dalawa': 2, 'tatlo': 3, 'apat': 4, 'lima': 5, 'anim': 6,
           'pito': 7, 'walo': 8, 'siyam': 9, 'uno': 1, 'dos': 2, 'tres': 3, 'kwatro': 4,
           'singko': 5, 'sais': 6, 'siyete': 7, 'otso': 8, 'nuwebe': 9},
    'ar': {'sifr': 0, 'wa7ed': 1, 'wahed': 1, 'etnen': 2, 'etnein': 2, 'itnein': 2,
           'talata': 3, 'tlata': 3, 'arba3a': 4, 'khamsa': 5, '5amsa': 5, 'setta': 6,
           'sab3a': 7, 'tamanya': 8, 'tmanya': 8, 'tes3a': 9, 'tis3a': 9},
    'zh': {'ling': 0, 'yi': 1, 'yao': 1, 'er': 2, 'liang': 2, 'san': 3, 'si': 4, 'wu': 5,
           'liu': 6, 'qi': 7, 'ba': 8, 'jiu': 9},
    'vi': {'khong': 0, 'mot': 1, 'hai': 2, 'ba': 3, 'bon': 4, 'tu': 4, 'nam': 5, 'lam': 5,
           'sau': 6, 'bay': 7, 'tam': 8, 'chin': 9},
    'id': {'nol': 0, 'kosong': 0, 'satu': 1, 'dua': 2, 'tiga': 3, 'empat': 4, 'lima': 5,
           'enam': 6, 'tujuh': 7, 'delapan': 8, 'lapan': 8, 'sembilan': 9},
    'th': {'soon': 0, 'sun': 0, 'nueng': 1, 'neung': 1, 'song': 2, 'sam': 3, 'si': 4,
           'ha': 5, 'hok': 6, 'jet': 7, 'chet': 7, 'paet': 8, 'kao': 9, 'gao': 9},
    'km': {'son': 0, 'saun': 0, 'muoy': 1, 'mouy': 1, 'pii': 2, 'pi': 2, 'bei': 3, 'bey': 3,
           'buon': 4, 'bourn': 4, 'pram': 5, 'prammuoy': 6, 'prampii': 7, 'prambei': 8,
           'prambuon': 9},
    'sm': {'selo': 0, 'tasi': 1, 'lua': 2, 'tolu': 3, 'fa': 4, 'lima': 5, 'ono': 6,
           'fitu': 7, 'valu': 8, 'iva': 9},
    'to': {'noa': 0, 'taha': 1, 'ua': 2, 'tolu': 3, 'fa': 4, 'nima': 5, 'ono': 6, 'fitu': 7,
           'valu': 8, 'hiva': 9},
    'fj': {'saiva': 0, 'dua': 1, 'rua': 2, 'tolu': 3, 'va': 4, 'lima': 5, 'ono': 6,
           'vitu': 7, 'walu': 8, 'ciwa': 9},
    'mi': {'kore': 0, 'tahi': 1, 'rua': 2, 'toru': 3, 'wha': 4, 'rima': 5, 'ono': 6,
           'whitu': 7, 'waru': 8, 'iwa': 9},
    'bi': {'ziro': 0, 'wan': 1, 'tu': 2, 'tri': 3, 'fo': 4, 'faev': 5, 'faiv': 5, 'sikis': 6,
           'seven': 7, 'eit': 8, 'naen': 9},
}

ALL_WORDS = set()
for m in NUMWORDS.values():
    ALL_WORDS.update(m)
# common short words that are too ambiguous to start a run on their own
WEAK = {'o', 'oh', 'do', 'no', 'sat', 'tin', 'ba', 'hai', 'nam', 'si', 'ha', 'er', 'yi', 'son',
        'song', 'sun', 'fa', 'va', 'ua', 'tu', 'fo', 'wan', 'ek', 'che', 'lam', 'pi', 'bay',
        'tam', 'chin', 'ata', 'isa', 'uno', 'dos', 'aat', 'char', 'san', 'wu', 'ling',
        'dua', 'rua', 'lima', 'ono', 'mot', 'sau', 'jet'}


def words_to_digits(text, langs=None):
    """Return digit string if every token of text is a digit word (or a digit, or a
    multiplier 'double'/'triple'), else None.  Tries each language map in turn."""
    import re
    toks = [t for t in re.split(r'[\s,\-\.]+', text.lower()) if t]
    if not toks:
        return None
    alias = {'ur': 'hi', 'hif': 'hi', 'pis': 'bi', 'tpi': 'bi', 'pcm': 'bi'}
    langs = [alias.get(l, l) for l in (langs or [])]
    order = [l for l in langs if l in NUMWORDS] + [l for l in NUMWORDS if l not in langs]
    for lang in order:
        m = NUMWORDS[lang]
        out = []
        rep = 1
        ok = True
        for t in toks:
            if t in ('double', 'dabal'):
                rep = 2
                continue
            if t in ('triple', 'tripol'):
                rep = 3
                continue
            if t.isdigit():
                out.append(t * rep if len(t) == 1 else t)
            elif t in m:
                out.append(str(m[t]) * rep)
            else:
                ok = False
                break
            rep = 1
        if ok:
            return ''.join(out)
    return None
