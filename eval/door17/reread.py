"""List what lies OUTSIDE labelled spans that might still be personal.

Usage: python3 reread.py [first_piece_number [last_piece_number]]
Reads all.jsonl (run build.py first). For each piece prints:
  D  digit runs in any script (with a little context)
  @  at-signs, URLs, domains
  W  runs of spelled-out numbers (English and a few other languages)
  C  capitalised words not in the stop list
  S  runs of non-Latin script next to a digit (possible addresses in other scripts)
"""
import json
import re
import sys

STOP = set("""
I I'm I've I'd I'll Im Ive A An The And But Or So If When Then This That These Those There Their They He She It
We You Your My Our His Her Its Him Them Me Us Is Are Was Were Be Been Am Do Does Did Not No Yes Ok OK Okay Hi Hello
Dear Please Thanks Thank Sorry Sir Madam Mr Mrs Ms Miss Dr Boss Aunty Auntie Uncle Bro Sis Mum Dad Nana Koro Kuya Ate
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Matariki Diwali
What Where Who Why How Which Can Could Would Should Will Also After Before Now Today Tonight Yesterday Tomorrow Last Next
All Some Many Every One Two Three Four Five Six Seven Eight Nine Ten Not Because From For To In On At Of By With About
Just Only Still Even Maybe Pls Plz Re Fwd Subject From Sent To Cc Date Name Phone Email Address Message Caller Notes
Reporter Report Tip Anonymous NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Dunedin
Police Immigration INZ MBIE Labour Inspectorate Employment Crimestoppers Work Visa RSE AEWV Facebook WhatsApp Viber
Messenger WeChat Line Telegram Signal Instagram TikTok Google Gmail Maps Street St Road Rd Avenue Ave Drive Dr Lane
Place Pl Crescent Cres Terrace Tce Highway SH RD PO Box Private Bag Flat Unit Room Apt Level Block North South East West
Mt Mount Pt Point Bay Beach Hill Valley Park Island Ltd Limited Co Company Group Services NZ Pacific Indian Chinese
Filipino Samoan Tongan Fijian Vietnamese Thai Nepali Bangladeshi Sri Lankan Korean Japanese Indonesian Malaysian
Kiwi English Maori Māori Hindi Punjabi Tagalog Spanish Portuguese Russian Arabic Muslim Christian Church God Lord
""".split())

NUMWORDS = set("""zero oh nought one two three four five six seven eight nine ten double triple eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand
tahi rua toru whā wha rima ono whitu waru iwa kore
tasi lua tolu fa lima ono fitu valu iva sefulu
uno dos tres cuatro cinco seis siete ocho nueve cero
um dois três quatro cinco seis sete oito nove
isa dalawa tatlo apat lima anim pito walo siyam
satu dua tiga empat lima enam tujuh delapan sembilan nol kosong
một hai ba bốn năm sáu bảy tám chín không
""".split())


def outside(obj):
    text = obj["text"].encode("utf-8")
    marks = sorted((s["start"], s["end"]) for s in obj["spans"] + obj["neutral"])
    parts, last = [], 0
    for s, e in marks:
        parts.append(text[last:s].decode("utf-8"))
        parts.append(" ⟦·⟧ ")
        last = e
    parts.append(text[last:].decode("utf-8"))
    return "".join(parts)


def ctx(t, m, w=25):
    return t[max(0, m.start() - w):m.end() + w].replace("\n", "⏎")


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**6
    for line in open("all.jsonl", encoding="utf-8"):
        obj = json.loads(line)
        n = int(obj["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = outside(obj)
        out = []
        for m in re.finditer(r"\d[\d\s\-./:,]*\d|\d", t):
            out.append("D  " + ctx(t, m))
        for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\b\S+\.(com|nz|net|org|co|io|me)\b\S*", t):
            out.append("@  " + ctx(t, m))
        toks = list(re.finditer(r"[^\W\d_]+", t))
        run = []
        for m in toks + [None]:
            if m is not None and m.group().lower() in NUMWORDS:
                run.append(m)
                continue
            if len(run) >= 3:
                out.append("W  " + t[run[0].start():run[-1].end()])
            run = []
        caps = []
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪÀ-Ý][\w'’\-]*", t):
            w = m.group()
            if w in STOP or w.rstrip("'’s") in STOP:
                continue
            caps.append(w)
        if caps:
            seen = []
            for c in caps:
                if c not in seen:
                    seen.append(c)
            out.append("C  " + " ".join(seen))
        for m in re.finditer(r"[^\x00-\u024F\s]+[\s,،、]*\d+|\d+[\s,،、]*[^\x00-\u024F\s]+", t):
            pass  # digits already listed under D
        if out:
            print(f"== {obj['id']}")
            for o in out:
                print("   " + o)


if __name__ == "__main__":
    main()
