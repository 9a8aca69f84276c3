#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans that might be personal, to catch unlabelled details.
Usage: python3 reread.py [first_piece_number [last]] [--scripts]
Shows per piece: digit runs (any script), @ / URLs / 'dot com', runs of spelled-out number
words, capitalised words not in the built-in stop list (plus stoplist.txt if present), and with --scripts
words in non-Latin scripts (names written in their own script)."""
import json, re, sys, unicodedata

args = [a for a in sys.argv[1:] if not a.startswith("--")]
lo = int(args[0]) if args else 1
hi = int(args[1]) if len(args) > 1 else 10**9
SCRIPTS = "--scripts" in sys.argv

BUILTIN = set("""I A An The This That These Those It Its He She They We You My Our Your His Her Their Me Us Him Them
And But Or So If When Then Also Because Please Thanks Thank Hi Hello Dear Kia Ora Regards Kind Cheers Yes No Not
Ok OK Okay Sorry Sir Madam Mr Mrs Ms Miss Dr Re Fwd Subject From To Sent Date Name Phone Email Address Note Notes
Caller Call Handler Voicemail Transcript Message Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December NZ New Zealand Aotearoa Auckland
Wellington Christchurch Police Immigration Labour Inspectorate MBIE IRD WINZ ACC RSE AEWV Visa Ltd Limited Inc
What Where Who Why How Is Are Was Were Do Does Did Can Could Would Should Will Have Has Had There Here Now Today
Some All Any Every One Two Three Four Five Six Seven Eight Nine Ten After Before In On At For With Of By As Just
Still Maybe Many Much More Most Very Only Even Please Help Urgent Anonymous Tip Tipline""".split())
try:
    BUILTIN |= set(open("stoplist.txt", encoding="utf-8").read().split())
except FileNotFoundError:
    pass

NUMW = set("""zero oh o one two three four five six seven eight nine double triple ten eleven twelve hundred thousand
kore tahi rua toru whā wha rima ono whitu waru iwa tasi lua tolu fa fā lima fitu valu iva selo taha ua tolu nima
cero uno dos tres cuatro cinco seis siete ocho nueve um dois três quatro sete oito nove isa dalawa tatlo apat lima anim pito walo siyam
nol satu dua tiga empat lima enam tujuh delapan sembilan""".split())

def masked(text, spans):
    b = bytearray(text.encode("utf-8"))
    for s in spans:
        for i in range(s["start"], s["end"]):
            if b[i] < 0x80 or b[i] >= 0xC0:
                b[i] = ord("_") if b[i] < 0x80 else b[i]
    # replace whole multibyte chars inside spans too
    out = text.encode("utf-8")
    res = bytearray()
    marks = set()
    for s in spans:
        marks.update(range(s["start"], s["end"]))
    i = 0
    while i < len(out):
        if i in marks:
            res += b"_"; i += 1
            while i < len(out) and (out[i] & 0xC0) == 0x80:
                i += 1
        else:
            res.append(out[i]); i += 1
    return res.decode("utf-8")

def nonlatin(w):
    for ch in w:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not n.startswith("LATIN"):
                return True
    return False

for line in open("all.jsonl", encoding="utf-8"):
    o = json.loads(line)
    n = int(o["id"].split("-")[1])
    if n < lo or n > hi:
        continue
    t = masked(o["text"], o["spans"] + o["neutral"])
    found = []
    for m in re.finditer(r"\d[\d\s\-./()]*\d|\d", t):
        found.append("DIGITS:" + m.group(0).replace("\n", " "))
    if re.search(r"@|https?://|www\.|\.com|\.co\.nz|dot com|dot co|at gmail|at yahoo|at hotmail", t, re.I):
        for m in re.finditer(r"\S*(@|https?://|www\.|\.com|\.co\.nz|dot com|dot co|at gmail|at yahoo|at hotmail)\S*", t, re.I):
            found.append("ADDR:" + m.group(0))
    words = [w.strip("'’-_") for w in re.findall(r"[^\s\d.,;:!?()\"“”\[\]<>/|{}=+*&%$#…。，、：；！？（）「」]+", t)]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    run = []
    for w in words + ["."]:
        if w.lower() in NUMW:
            run.append(w)
        else:
            if len(run) >= 3:
                found.append("NUMWORDS:" + " ".join(run))
            run = []
    caps = sorted({w for w in words if w[0].isupper() and w not in BUILTIN and w.strip("'’") not in BUILTIN and not nonlatin(w)})
    if caps:
        found.append("CAPS:" + " ".join(caps))
    if SCRIPTS:
        nl = sorted({w for w in words if nonlatin(w)})
        if nl:
            found.append("SCRIPT:" + " ".join(nl))
    print(f"== {o['id']} ({len(o['spans'])} spans)")
    for f in found:
        print("   " + f)
