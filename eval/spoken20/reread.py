#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans that might still be personal.

Usage: python3 reread.py [first_piece_number [last_piece_number]]
Shows, per piece: digit runs (any script), @ signs, URLs / domains, runs of
spelled-out number words (any supported language), and capitalised words not
in the stop list. Review by eye; nothing here is automatically wrong.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

from checks import _EN, _LANG, _TEENS, _TENS, _MULT, _NATO

HERE = Path(__file__).resolve().parent
NUMWORDS = set(_EN) | set(_TEENS) | set(_TENS) | set(_MULT) | {"hundred", "thousand"}
for t in _LANG.values():
    NUMWORDS |= set(t)
NUMWORDS -= {"to", "for", "o", "a", "do", "no", "sat", "tin", "um", "ba", "nam",
             "sau", "hai", "er", "si", "qi", "yi", "ik", "as", "fa", "va", "one"}
STOP = set("""
I I'm I've I'll I'd A An The And But Or So If When Then There This That These Those
He She It We They You My Your His Her Our Their Its Me Him Them Us Is Are Was Were
Be Been Have Has Had Do Does Did Not No Yes Ok OK Okay Hi Hello Hey Please Thank
Thanks Sorry Um Uh Er Ah Oh Yeah Yep Nah Also Just Can Could Would Should Will
What Who Where Why How Because After Before Now Today Yesterday Tomorrow Tonight
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Caller Call Handler Note
Notes Voicemail Transcript Message From To Subject Sent Re Fwd Date Time Duration
Interpreter Translation Translated English Maori Māori Samoan Tongan Fijian Hindi
Punjabi Tagalog Filipino Chinese Mandarin Cantonese Vietnamese Indonesian Thai Khmer
Nepali Bengali Tamil Sinhala Korean Spanish Portuguese Russian Arabic Indian Kiwi
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Napier
Hastings Nelson Blenheim Dunedin Invercargill Queenstown Rotorua Whangarei Gisborne
Palmerston North Te Puke Timaru Oamaru Ashburton Marlborough Hawke's Bay Bay Plenty
Waikato Canterbury Otago Southland Northland Central Manukau Mangere Otahuhu Papatoetoe
Immigration INZ Police Employment WorkSafe MBIE Labour Inspectorate Crimestoppers
Visa AEWV RSE Work Essential Skills Boss Mr Mrs Ms Miss Dr Aunty Uncle Mum Dad
Street St Road Rd Avenue Ave Drive Dr Place Lane Crescent Highway SH RD PO Box
Inaudible Unclear Crosstalk End Start Unknown Number Private Phone Mobile Landline
Her His Ok Okay Hmm Mm Mhm Alright Right Well Like Anyway Actually Maybe Only Still
Again Any Some All Every Many Much More Most Other One Two Three Four Five Six Seven
Eight Nine Ten Hundred Thousand Dollar Dollars Cash Bank Account Card Passport ID
Fiji Samoa Tonga Philippines India China Vietnam Thailand Cambodia Nepal Bangladesh
Sri Lanka Korea Indonesia Malaysia Australia Pacific Islands Island
""".split())


def outside(text, spans):
    b = text.encode("utf-8")
    out = bytearray()
    spans_sorted = sorted(spans, key=lambda s: s["start"])
    pos = 0
    for s in spans_sorted:
        out += b[pos:s["start"]]
        out += b"\x00" * 1  # a marker so runs do not join across a span
        pos = s["end"]
    out += b[pos:]
    return out.decode("utf-8").replace("\x00", " \u2588 ")


def findings(t):
    f = []
    for m in re.finditer(r"[^\W_]*\d[\d\s\-./]*", t):
        run = m.group(0).strip()
        nd = sum(1 for c in run if unicodedata.digit(c, None) is not None)
        if nd >= 3 or any(unicodedata.digit(c, None) is not None and not c.isascii() for c in run):
            f.append("DIG[%s]" % run)
    if "@" in t:
        for m in re.finditer(r"\S*@\S*", t):
            f.append("AT[%s]" % m.group(0))
    for m in re.finditer(r"(https?://\S+|www\.\S+|\b\S+\.(com|nz|net|org|ph|in|cn|io)\b\S*)", t):
        f.append("URL[%s]" % m.group(0))
    toks = list(re.finditer(r"[\w\u0900-\u097F\u0E00-\u0E7F]+", t))
    run = []
    for m in toks + [None]:
        w = m.group(0).lower() if m else None
        if m and (w in NUMWORDS or w in ("oh", "double", "triple")):
            run.append(m)
        else:
            if len(run) >= 3:
                f.append("NUMW[%s]" % t[run[0].start():run[-1].end()])
            run = []
    caps = []
    for m in re.finditer(r"\b[A-Z\u00C0-\u024F][\w'\u0100-\u024F]+", t):
        w = m.group(0)
        if w in STOP or w.rstrip("'s") in STOP:
            continue
        caps.append(w)
    # non-Latin scripts cannot be screened by capitals: flag the piece so it is read by eye
    if re.search(r"[\u4e00-\u9fff\uac00-\ud7a3\u0900-\u097F\u0E00-\u0E7F\u0600-\u06FF\u0400-\u04FF\u0980-\u09FF\u0B80-\u0BFF\u0D80-\u0DFF\u1780-\u17FF\u0A00-\u0A7F]", t):
        f.append("NON-LATIN SCRIPT: read by eye")
    if caps:
        seen = []
        for c in caps:
            if c not in seen:
                seen.append(c)
        f.append("CAPS: " + " ".join(seen))
    return f


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    for line in open(HERE / "all.jsonl", encoding="utf-8"):
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = outside(r["text"], r["spans"] + r["neutral"])
        f = findings(t)
        print("== %s (%d spans)" % (r["id"], len(r["spans"])))
        for x in f:
            print("   " + x)


if __name__ == "__main__":
    main()
