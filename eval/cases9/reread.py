#!/usr/bin/env python3
"""Reread all.jsonl and list what lies OUTSIDE labelled spans that might still be
personal: digit runs in any script, '@', URLs / domains, spelled-out number
runs, capitalised words not in the stop list, and (with --scripts) words in
non-Latin scripts.  Use after every batch:  python3 reread.py --from 26
"""
import argparse
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

STOP = set("""
A An The And But Or If When Then So Also As At By For From In Into Of On Onto Out Over To Up
With Without After Before Because Since Until While Where Who Whom Whose What Which Why How
I I'm I've I'd I'll Im Ive Me My We Our Us You Your He His Him She Her They Their Them It Its
This That These Those There Here Is Are Was Were Be Been Am Do Does Did Done Have Has Had
Not No Yes Ok OK Okay Hi Hello Dear Thanks Thank Regards Kind Best Please Sorry Note Notes
Re Fwd Fw Subject Sent To Cc Date From Attachment Attachments Message Messages
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
New Zealand Aotearoa NZ Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings
Nelson Blenheim Dunedin Invercargill Queenstown Rotorua Whangarei Whangārei Gisborne Palmerston
North Timaru Oamaru Motueka Te Puke Katikati Cromwell Alexandra Havelock Hawke's Bay Bay
Plenty Marlborough Otago Central Canterbury Waikato Northland Southland Tasman Manawatu
Manawatū Taranaki Kerikeri Pukekohe Manukau Otahuhu Ōtāhuhu Mangere Māngere Papatoetoe
Henderson Onehunga Porirua Lower Hutt Upper South Island Street Road Avenue Drive Lane
Place Crescent Terrace Highway State RD PO Box Private Bag Mail Centre Flat Unit
Samoa Tonga Fiji India Philippines China Vietnam Viet Nam Thailand Cambodia Nepal Bangladesh
Sri Lanka Korea Indonesia Malaysia Pakistan Brazil Chile Mexico Colombia Argentina Peru
Kiribati Tuvalu Vanuatu Solomon Islands Australia Dubai Qatar Saudi Arabia Singapore
Samoan Tongan Fijian Indian Filipino Filipina Chinese Vietnamese Thai Khmer Nepali Bengali
Tamil Sinhala Korean Indonesian Malay Punjabi Hindi Tagalog Spanish Portuguese Russian
Arabic English Maori Māori Pacific Pasifika Kiwi Asian European
MBIE Immigration INZ Labour Inspectorate Employment Police Crimestoppers IRD WINZ ACC
Ministry Business Innovation Relations Act Authority Court Tribunal Tenancy Services
Council Union Church Hospital Clinic Centre Center Trust Ltd Limited Inc Co Group Services
Hospitality Horticulture Construction Cleaning Dairy Orchard Orchards Vineyard Vineyards
RSE AEWV Work Visa Visitor Resident Residence Accredited Employer Recognised Seasonal
Kiwibank ANZ ASB BNZ Westpac TSB Kiwisaver KiwiSaver PAYE GST Holiday Pay Minimum Wage
Kia Ora Tēnā Koe Koutou Kōrua Nau Mai Haere Whānau Whanau Aroha Mahi Ngā Mihi Nga Noho Ra Rā
Tōfā Soifua Malo Malō Lelei Talofa Fakaalofa Bula Vinaka Namaste Salamat Po Xin Chào Chao
Ma'am Sir Mr Mrs Ms Miss Dr Fr Rev Pastor Sister Brother Aunty Uncle Boss Bro Sis Kuya Ate
Tita Tito Ji Bhai Didi Anh Chị Em Oppa Unnie Hyung
""".split())

NUMWORDS = set("""zero oh o one two three four five six seven eight nine double triple
ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred
nought nil""".split())

LATIN_CAP = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-āēīōūĀĒĪŌŪ]*")


def outside(text, spans):
    """Return text with every span replaced by a single U+2588 block."""
    b = text.encode("utf-8")
    out, last = [], 0
    for s in sorted(spans, key=lambda s: s["start"]):
        out.append(b[last:s["start"]].decode("utf-8"))
        out.append(" █ ")
        last = s["end"]
    out.append(b[last:].decode("utf-8"))
    return "".join(out)


def scan(o, show_scripts):
    allsp = o["spans"] + o["neutral"]
    txt = outside(o["text"], allsp)
    found = []
    # digit runs in any script (3+ digits, separators allowed)
    run = re.compile(r"(?:\d[\s\-./]?){3,}", re.UNICODE)
    for m in run.finditer(txt):
        found.append(("digits", m.group(0).strip()))
    for m in re.finditer(r"\S*@\S*", txt):
        found.append(("at", m.group(0)))
    for m in re.finditer(r"(https?://\S+|www\.\S+|\b[\w\-]+\.(?:com|nz|net|org|io|me|ph|in|cn|vn)\b\S*)", txt):
        found.append(("url", m.group(0)))
    words = re.findall(r"[A-Za-z]+", txt.lower())
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] in NUMWORDS:
            j += 1
        if j - i >= 3:
            found.append(("numwords", " ".join(words[i:j])))
        i = max(j, i + 1)
    caps = []
    for m in LATIN_CAP.finditer(txt):
        w = m.group(0).strip("'’-")
        if w and w[0].isupper() and w not in STOP and w.capitalize() not in STOP:
            caps.append(w)
    if caps:
        found.append(("caps", " ".join(dict.fromkeys(caps))))
    if show_scripts:
        other = []
        for tok in re.split(r"[\s,.;:!?()\[\]\"'“”‘’。，、：；！？（）]+", txt):
            if any(ord(c) > 0x2FF and unicodedata.category(c).startswith("L")
                   and not ("\u0100" <= c <= "\u024F") and not ("\u1E00" <= c <= "\u1EFF") for c in tok):
                other.append(tok)
        if other:
            found.append(("script", " ".join(dict.fromkeys(other))))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="frm", type=int, default=1)
    ap.add_argument("--to", type=int, default=10_000)
    ap.add_argument("--scripts", action="store_true")
    ap.add_argument("--spans", action="store_true", help="also print the labelled spans")
    a = ap.parse_args()
    for line in open(HERE / "all.jsonl", encoding="utf-8"):
        o = json.loads(line)
        n = int(o["id"].split("-")[1])
        if not (a.frm <= n <= a.to):
            continue
        f = scan(o, a.scripts)
        print(f"== {o['id']}  ({len(o['spans'])} spans)")
        if a.spans:
            b = o["text"].encode("utf-8")
            for s in o["spans"]:
                print(f"   [{s['kind']}/{s['role']}] {b[s['start']:s['end']].decode('utf-8')}")
        for kind, v in f:
            print(f"   {kind:8} {v}")


if __name__ == "__main__":
    main()
