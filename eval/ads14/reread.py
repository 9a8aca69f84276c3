#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans in all.jsonl that might be personal.

Flags per piece: digit runs in any script (with separators), '@', URLs and domains,
runs of spelled-out numbers (several languages), and capitalised words not in the stop
list (reread_stop.txt, one word a line, plus a built-in list). Run after build.py.

usage: python3 reread.py [first_piece_no] [last_piece_no]   (e.g. 26 50)
"""
import json
import re
import sys
import unicodedata

BUILTIN = set("""
I A An The And Or But If So Then This That These Those There Their They We You He She It
Is Are Was Were Be Been Am Do Does Did Have Has Had Not No Yes Hi Hello Dear Please Thanks
Thank Pls Plz Ok OK Okay My Your Our His Her Its Me Us Him Them What When Where Who Why How
Which Can Could Would Should Will Shall May Might Must In On At To From For Of With By About
As Into Over After Before Under Up Down Out Off Just Also Only Very Much Many More Most Some
Any All Every Each Both Few Other Another Same New Old Good Bad Hey Sorry Hope Still Now
Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Jan Feb Mar
Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun NZ NZD USD AUD Auckland
Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin
Queenstown Invercargill Whanganui Gisborne Rotorua Timaru Oamaru Palmerston North Motueka
Cromwell Alexandra Kerikeri Pukekohe Te Puke Hawke Bay Bay Plenty Marlborough Otago Central
Canterbury Southland Waikato Northland Tasman Zealand New Aotearoa Kia ora WhatsApp Facebook
Messenger WeChat Viber Line Telegram Zalo Instagram TikTok Gmail Google Seek Trade Me
Immigration INZ MBIE Employment Labour Inspectorate Police RSE AEWV WHV Visa Work Working
Holiday Job Jobs Hiring Wanted Urgent URGENT Apply Contact Call Text Send Pay Salary Wage Per
Hour Week Weekly Fortnight Day Days Hours Accommodation Transport Free Staff Workers Worker
Team Company Ltd Limited Group Services Service Agency Agent Office Manager Supervisor
Boss Contractor Owner Landlord Room Rooms Bed Beds House Road Rd Street St Avenue Ave Drive
Dr Lane Place Pl Crescent Cres Way Terrace Tce Highway SH State Mr Mrs Ms Miss Sir Madam
Fwd FW Fw Re RE Subject From To Sent Date Forwarded Message Original Screenshot Photo Image
Attached Attachment Note Notes Caller Call Report Reporter Tip Line Form Name Phone Email
Address Details Comments Location Region Sector Industry Description Orchard Vineyard Dairy
Farm Construction Cleaning Hospitality Aged Care Nails Massage Labour Hire Kiwifruit Apple
Apples Cherry Cherries Grapes Pruning Picking Packing Packhouse Thinning Harvest Season
Cafe Restaurant Kitchen Hand Chef Cook Waiter Cleaner Cleaners Carer Carers Caregiver
Builder Builders Labourer Labourers Hammerhand Driver Drivers Licence License Passport
Bank Account Fee Fees Deposit Bond Rent Cash Only Tax IRD PAYE Kiwibank ANZ ASB BNZ Westpac
Indian Filipino Chinese Vietnamese Thai Korean Indonesian Samoan Tongan Fijian Nepali
Bengali Malaysian Russian Spanish Punjabi Hindi Tagalog English Maori Māori Pacific Asian
Kiwi Kiwis Island Islands India Philippines China Vietnam Thailand Korea Indonesia Samoa
Tonga Fiji Nepal Bangladesh Malaysia Russia Chile Argentina Brazil Sri Lanka Australia
OCR PS NB ASAP FB DM PM AM pm am Ph Tel Mob Mobile Cell WA Hr Hrs Kg Kgs
""".split())

NUMWORDS = set("""
zero oh one two three four five six seven eight nine ten double triple
sero isa dalawa tatlo apat lima anim pito walo siyam
satu dua tiga empat lima enam tujuh delapan sembilan nol kosong
không một hai ba bốn năm sáu bảy tám chín
cero uno dos tres cuatro cinco seis siete ocho nueve
noll tahi rua toru wha rima ono whitu waru iwa kore
ek do teen char paanch chhe saat aath nau shunya
""".split())


def load_stop():
    s = set(BUILTIN)
    try:
        with open("reread_stop.txt", encoding="utf-8") as fh:
            for line in fh:
                w = line.strip()
                if w and not w.startswith("#"):
                    s.add(w)
    except FileNotFoundError:
        pass
    return s


def outside_text(rec):
    b = rec["text"].encode("utf-8")
    cuts = sorted([(s["start"], s["end"]) for s in rec["spans"]] +
                  [(s["start"], s["end"]) for s in rec["neutral"]])
    parts = []
    pos = 0
    for s, e in cuts:
        parts.append(b[pos:s].decode("utf-8"))
        parts.append(" ¦ ")
        pos = e
    parts.append(b[pos:].decode("utf-8"))
    return "".join(parts)


DIGIT_RUN = re.compile(r"[+(]?\d[\d \-.()/]{1,}\d|\d{2,}")


def main():
    stop = load_stop()
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    with open("all.jsonl", encoding="utf-8") as fh:
        recs = [json.loads(l) for l in fh]
    for rec in recs:
        n = int(rec["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = outside_text(rec)
        flags = []
        for m in DIGIT_RUN.finditer(t):
            g = m.group(0).strip()
            ds = sum(1 for c in g if c.isdigit())
            if ds < 3:
                continue
            before = t[max(0, m.start() - 3):m.start()]
            asc = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in g)
            if ds < 7 and (re.search(r"[$₱¥€£₹৳฿₩]|Rp|Rs|रु|NZD|USD", before) or
                           re.fullmatch(r"(19|20)\d\d", asc) or
                           re.fullmatch(r"[\d,.]*[.,]\d{2}", asc) or
                           re.fullmatch(r"\d{1,3}([,.]\d{3})+", asc) or
                           re.fullmatch(r"\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?", asc) or
                           (ds <= 4 and re.fullmatch(r"\d+", asc))):
                continue
            flags.append("num:" + g)
        if "@" in t:
            for m in re.finditer(r"\S*@\S*", t):
                flags.append("at:" + m.group(0))
        for m in re.finditer(r"(https?://\S+|www\.\S+|\b[\w-]+\.(?:com|co\.nz|nz|net|org|io|me|ly|app)\b\S*)", t, re.I):
            flags.append("url:" + m.group(0))
        toks = re.findall(r"\w+", t.lower())
        run = []
        for tok in toks + ["\0"]:
            if tok in NUMWORDS:
                run.append(tok)
            else:
                if len(run) >= 3:
                    flags.append("words:" + " ".join(run))
                run = []
        caps = []
        for m in re.finditer(r"\b[^\W\d_][\w'’.-]*", t):
            w = m.group(0).rstrip(".'’-")
            if w and w[0].isupper() and unicodedata.category(w[0]) == "Lu" and w not in stop and w.strip(".") not in stop:
                caps.append(w)
        if caps:
            flags.append("caps:" + " ".join(dict.fromkeys(caps)))
        if flags:
            print(f"{rec['id']}: " + " | ".join(flags))


if __name__ == "__main__":
    main()
