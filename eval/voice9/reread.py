#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans in all.jsonl that might still be personal.

Usage: python3 reread.py [FIRST [LAST]]     (piece numbers, default all)
       python3 reread.py --script ...        also list short non-Latin tokens

Shows per piece: digit runs (any script), '@', URLs / domains, runs of spelled-out
number words, capitalised words not in the stop list, and (with --script) short tokens in
non-Latin scripts. Everything it shows must be either harmless or labelled.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

NUMWORDS = set("""zero oh o nought one two three four five six seven eight nine double triple
kore tahi rua toru whā wha rima ono whitu waru iwa selo tasi lua tolu fa lima fitu valu
isa dalawa tatlo apat anim pito walo siyam cero uno dos tres cuatro cinco seis siete ocho nueve
nol kosong satu dua tiga empat enam tujuh delapan sembilan""".split())

STOP = set("""
a an the and or but if so as at by for from in into of off on onto out over to up with without
i i'm im i've ive i'd id i'll ill me my mine we us our you your he him his she her it its they them their
this that these those there here what which who whom whose when where why how all any some no not yes
is are was were be been being am do does did done have has had can could will would shall should may might must
please thanks thank hi hello hey dear ok okay sorry yeah yep nah good bad just also very too only still
because about after before again then than now today tomorrow yesterday tonight morning night week month year
one two three four five six seven eight nine ten first second last next every each other another more most
new old big small many much few lot lots
mr mrs ms miss dr sir madam boss aunty auntie uncle bro sis cuz mum mom dad papa mama nana koro kui
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
english chinese indian fijian samoan tongan filipino filipina pinoy kiwi kiwis maori māori pakeha pākehā
pacific asian thai vietnamese indonesian malaysian korean japanese nepali nepalese bangladeshi sri lankan
punjabi hindi tamil sinhala khmer cambodian burmese russian ukrainian spanish portuguese brazilian
chilean argentinian mexican arab arabic german french british irish australian american african
new zealand aotearoa nz auckland wellington christchurch hamilton tauranga dunedin
god jesus christ lord church allah
""".split())


def load_extra():
    p = HERE / "stoplist.txt"
    if p.exists():
        for w in p.read_text(encoding="utf-8").split():
            STOP.add(w.lower())


def masked(text, spans):
    b = bytearray(text.encode("utf-8"))
    for s in spans:
        for i in range(s["start"], s["end"]):
            b[i] = 0x20 if (b[i] & 0xC0) != 0x80 else 0x20
    return b.decode("utf-8", "replace")


def script_of(ch):
    try:
        n = unicodedata.name(ch)
    except ValueError:
        return "?"
    return n.split()[0]


def main():
    load_extra()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    want_script = "--script" in sys.argv
    lo = int(args[0]) if args else 1
    hi = int(args[1]) if len(args) > 1 else 10**9
    caps_total = {}
    for line in open(HERE / "all.jsonl", encoding="utf-8"):
        o = json.loads(line)
        n = int(o["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = masked(o["text"], o["spans"] + o["neutral"])
        found = []
        for m in re.finditer(r"\d[\d\s\-./]*", t):
            if any(unicodedata.category(c) == "Nd" for c in m.group()):
                found.append(("digits", m.group().strip()))
        for m in re.finditer(r"\S*@\S*", t):
            found.append(("@", m.group()))
        for m in re.finditer(r"(https?://\S+|www\.\S+|\b\S+\.(com|nz|net|org|co|me|io|ly|gl)\b\S*)", t, re.I):
            found.append(("url", m.group()))
        for m in re.finditer(r"[〇零一二三四五六七八九两][〇零一二三四五六七八九两\s]{3,}", t):
            found.append(("cjk-digits", m.group().strip()))
        toks = re.findall(r"\w+", t.lower())
        run = []
        for tok in toks + [""]:
            if tok in NUMWORDS:
                run.append(tok)
            else:
                if len(run) >= 3:
                    found.append(("numwords", " ".join(run)))
                run = []
        for m in re.finditer(r"\b[^\W\d_][\w'’.-]*", t):
            w = m.group().rstrip(".'’-")
            if not w or not w[0].isupper():
                continue
            if not all(script_of(c) in ("LATIN", "DIGIT", "APOSTROPHE", "FULL", "HYPHEN-MINUS", "RIGHT") for c in w):
                continue
            parts = re.split(r"['’\-]", w)
            if all(p.lower() in STOP or not p for p in parts):
                continue
            found.append(("cap", w))
            caps_total[w] = caps_total.get(w, 0) + 1
        if want_script:
            for m in re.finditer(r"\w+", t):
                w = m.group()
                sc = {script_of(c) for c in w}
                if sc & {"CJK", "HANGUL", "THAI", "DEVANAGARI", "GURMUKHI", "BENGALI", "TAMIL", "SINHALA",
                         "KHMER", "ARABIC", "CYRILLIC", "HIRAGANA", "KATAKANA", "MYANMAR", "LAO", "GEORGIAN"}:
                    if len(w) <= 6:
                        found.append(("script", w))
        if found:
            seen = []
            for f in found:
                if f not in seen:
                    seen.append(f)
            print(f"{o['id']}: " + " | ".join(f"{k}:{v}" for k, v in seen))
    if "--caps" in sys.argv:
        print("\nCapitalised words outside spans (count):")
        for w, c in sorted(caps_total.items(), key=lambda x: -x[1]):
            print(f"  {w} {c}")


if __name__ == "__main__":
    main()
