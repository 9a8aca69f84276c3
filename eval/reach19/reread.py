#!/usr/bin/env python3
"""List what lies outside spans in all.jsonl that might be personal, so unlabelled
details can be caught by a human re-read.

Shows per piece: digit runs in any script, '@', URLs and domains, runs of spelled-out
digits (several languages), CJK numeral runs, and capitalised words not in a stop list.
Usage: python3 reread.py [first_id_number [last_id_number]]
"""
import json
import re
import sys

STOP = set("""
I I'm I've I'll I'd A An The And But Or So If Is It Its It's He She We They You My Me His Her Our Their Your
This That These Those There Then When What Where Who Why How Please Thanks Thank Hi Hello Hey Dear Sir Madam
Mr Mrs Ms Miss Dr Boss Uncle Aunty Aunt Bro Sis Kuya Ate Tita Tito Nana Papa Mama Ok OK Okay Yes No Not Sorry
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim
Dunedin Invercargill Queenstown Rotorua Whangarei Gisborne Palmerston North Whanganui Timaru Oamaru Ashburton
Motueka Cromwell Alexandra Te Puke Katikati Kerikeri Levin Masterton Marlborough Hawke's Bay Bay Plenty
Central Otago Canterbury Waikato Northland Southland Otago Tasman Taranaki Manawatu Gisborne Coromandel
South Island North Island Manukau Papatoetoe Otahuhu Mangere Ōtara Otara Henderson Avondale Mt Albert Roskill
Onehunga Penrose Botany Flat Bush Howick Pukekohe Papakura Takanini Porirua Lower Hutt Upper Hutt Petone
Riccarton Hornby Sydenham Frankton Fraser Cove Hillcrest Te Atatū Atatu Glen Eden New Lynn Ponsonby CBD
India Indian China Chinese Philippines Filipino Filipina Pinoy Pinay Samoa Samoan Tonga Tongan Fiji Fijian
Vanuatu Solomon Islands Kiribati Tuvalu Cook Niue PNG Vietnam Vietnamese Indonesia Indonesian Thailand Thai
Nepal Nepali Nepalese Sri Lanka Lankan Sinhala Tamil Bangladesh Bangladeshi Bengali Punjab Punjabi Hindi
Korea Korean Japan Japanese Malaysia Malaysian Cambodia Cambodian Khmer Myanmar Burmese Pakistan Pakistani
Chile Chilean Argentina Brazil Brazilian Colombia Peru Mexico Mexican Latin America American US USA UAE Dubai
Australia Australian Kiwi English Spanish Portuguese Russian Arabic Māori Maori Pakeha Pākehā Pasifika Pacific
Manila Cebu Davao Delhi Mumbai Chennai Kathmandu Colombo Dhaka Hanoi Saigon Jakarta Bangkok Suva Apia Nuku'alofa
Beijing Shanghai Fujian Guangzhou Shenzhen Port Vila Honiara Tarawa Santiago Lima Bogotá
Immigration INZ MBIE Employment Labour Inspectorate Police WorkSafe IRD Inland Revenue Crimestoppers
Crime Stoppers CAB Citizens Advice Bureau Healthline Lifeline Work Visa AEWV RSE PALM WINZ MSD ACC
WhatsApp Whatsapp Facebook FB Messenger Viber WeChat LINE Line Zalo KakaoTalk Kakao Telegram TikTok Tiktok
Instagram IG imo IMO Signal Gmail Yahoo Hotmail Outlook GCash Gcash Maya Paytm UPI bKash eSewa Khalti
Alipay ANZ ASB BNZ Westpac Kiwibank Western Union Remitly Wise
Ltd Limited Co Company Contracting Construction Services Orchard Orchards Farm Farms Dairy Vineyard Vineyards
Horticulture Packhouse Hospitality Restaurant Cafe Takeaway Takeaways Cleaning Care Home Rest Church Temple
Gurdwara Mosque Hall Centre Center Road Rd Street St Avenue Ave Drive Dr Lane Place Pl Crescent Cres
Highway SH Hwy RD PO Box Unit Flat Apt Level Motel Hostel Backpackers Station Port Wharf
Subject From To Date Sent Re Fwd Cc Caller Call Notes Note Voicemail Transcript Message Msg Name Phone Email
Mobile Contact Tel Ph Mob Details Report Reporter Tip Web Form Anonymous Yes Lol OMG Pls Plz Thx Ty
God Jesus Lord Allah Christmas Easter Diwali Ramadan Eid Matariki Anzac Waitangi Labour Day Kings Birthday
AM PM NZD USD PHP INR FJD WST TOP am pm Am Pm
Kia Ora Tēnā Tena Koe Koutou Talofa Lava Malo Lelei Bula Vinaka Namaste Namaskar Sat Sri Akal Salamat Po
Xin Chào Chao Selamat Sawasdee Sawatdee Kamusta Kumusta Hola Gracias Olá Obrigado Fakafeta'i Fa'afetai
""".split())

NUMWORDS = set("""
zero oh o nought one two three four five six seven eight nine double triple
kore tahi rua toru whā wha rima ono whitu waru iwa
selo tasi lua tolu fā fa lima fitu valu iva
noa taha ua nima hiva
saiva dua va vitu walu ciwa
isa dalawa tatlo apat anim pito walo siyam sero uno dos tres kwatro singko sais syete otso nuwebe
cero cuatro cinco seis siete ocho nueve um dois três quatro seis sete oito nove
shunya shoonya ek do teen char paanch panch chhe chha saat aath aat nau dui tin shunno pach chhoy noy
không khong một mot hai ba bốn bon năm nam sáu sau bảy bay tám tam chín chin linh
nol satu tiga empat enam tujuh delapan sembilan kosong
ноль один два три четыре пять шесть семь восемь девять
ศูนย์ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า
공 영 일 이 삼 사 오 육 칠 팔 구
""".split())

CJK_NUM = re.compile(r"[零〇一二三四五六七八九幺两]{4,}")
DIGITS = re.compile(r"\d[\d\s\-.]*")
URL = re.compile(r"(https?://\S+|www\.\S+|\b\S+\.(com|co\.nz|nz|net|org|me|ph|in|cn|vn)\b\S*)", re.I)
CAP = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’\-]*")
WORD = re.compile(r"[\w'’]+")


def masked(text, spans):
    b = bytearray(text.encode("utf-8"))
    for s in spans:
        for i in range(s["start"], s["end"]):
            if b[i] < 0x80 or (b[i] & 0xC0) != 0x80:
                pass
        # replace span bytes by a marker of equal length made of spaces
        seg = b[s["start"]:s["end"]]
        b[s["start"]:s["end"]] = b" " * len(seg)
    return b.decode("utf-8", errors="replace")


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**6
    caps_all = {}
    with open("all.jsonl", encoding="utf-8") as f:
        recs = [json.loads(l) for l in f]
    for r in recs:
        n = int(r["id"].split("-")[1])
        if not (lo <= n <= hi):
            continue
        t = masked(r["text"], r["spans"] + r["neutral"])
        found = []
        for m in DIGITS.finditer(t):
            s = m.group().strip()
            if len(re.sub(r"\D", "", s)) >= 3:
                found.append(f"digits:{s}")
        if "@" in t:
            for m in re.finditer(r"\S*@\S*", t):
                found.append(f"at:{m.group()}")
        for m in URL.finditer(t):
            found.append(f"url:{m.group()}")
        words = WORD.findall(t.lower())
        run = []
        for w in words + ["#"]:
            if w in NUMWORDS:
                run.append(w)
            else:
                if len(run) >= 3:
                    found.append("numwords:" + " ".join(run))
                run = []
        for m in CJK_NUM.finditer(t):
            found.append(f"cjknum:{m.group()}")
        caps = []
        for m in CAP.finditer(t):
            w = m.group().strip("'’-")
            if w in STOP or w.upper() == w and len(w) <= 3:
                continue
            caps.append(w)
            caps_all[w] = caps_all.get(w, 0) + 1
        if found or caps:
            print(f"{r['id']}: " + " | ".join(found))
            if caps:
                print("    caps: " + ", ".join(dict.fromkeys(caps)))


if __name__ == "__main__":
    main()
