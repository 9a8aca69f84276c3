"""List things outside labelled spans that might be personal, so unlabelled details get caught.
usage: python3 reread.py [first [last]]   (piece numbers; default all)"""
import json, re, sys, unicodedata

STOP = set('''
A An The I I'm I've I'd Im Ive And But Or So If When Then He She It We They You Your My Our His Her Their This That These Those
There Here What Who Where Why How Which Please Thanks Thank Hi Hello Dear Kind Regards Cheers Best Yours Sincerely Sent From To Cc
Subject Date Re Fwd Fw Attached Attachment Note Notes Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
Oct Nov Dec NZ New Zealand Aotearoa Australia Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim
Dunedin Invercargill Queenstown Palmerston North Whanganui Gisborne Rotorua Taupo Taupō Whangarei Whangārei Timaru Oamaru Marlborough Otago Central
Canterbury Waikato Bay Plenty Hawke's Hawkes Bay Northland Southland Tasman Motueka Te Puke Kerikeri Cromwell Alexandra Ashburton
Manukau Otahuhu Ōtāhuhu Papatoetoe Mangere Māngere Henderson Porirua Lower Hutt Upper Hutt Levin Masterton Gore Westport Greymouth
Immigration INZ MBIE Labour Inspectorate Employment Police ERA Authority Relations Work Income WINZ IRD Inland Revenue Tenancy Services
Citizens Advice Bureau CAB RSE Recognised Seasonal Employer Scheme Visa Work Visitor Resident AEWV Accredited Employer Worker Worker's
English Filipino Filipina Indian Chinese Vietnamese Samoan Tongan Fijian Indonesian Nepali Nepalese Bangladeshi Sri Lankan Thai
Korean Malaysian Pakistani Punjabi Hindi Tagalog Māori Maori Pacific Pasifika Kiwi Kiwis Ltd Limited Co Inc Trust Church Pastor
Rev Reverend Father Fr Sister Mr Mrs Ms Miss Dr Boss OK Ok Yes No Not Also Just Now Today Tomorrow Yesterday Can Could Would Should
Will Do Does Did Is Are Was Were Be Been Have Has Had Name Phone Mobile Email Address Tel Ph Fax DOB Passport Nationality Position
Employer Employee Agreement Terms Hours Pay Rate Wages Payslip Period Gross Net Tax PAYE KiwiSaver ACC Deductions Total Amount
Reference Ref Details Account Bank Transfer Payment Received Receipt Bond Rent Week Weekly Fortnight Month Year Start Finish
Signed Signature Witness Caller Says Said Client Referral Referrer Agency Organisation Role Reason Concerns Concern Risk Safety
Summary Call Interpreter Language Outcome Action Actions Follow Next Steps Background Case Worker Social Nurse Health Union
Organiser Lawyer Solicitor Barrister Law Legal Aid Office Team Manager Supervisor Contractor Labour Hire Orchard Vineyard Dairy
Farm Kiwifruit Apple Apples Grapes Packhouse Construction Cleaning Hospitality Restaurant Cafe Motel Hotel Aged Care Home
Rest Fishing Vessel Boat Sex Domestic Service Services Group Holdings Solutions Recruitment International Global Pacific
Island Islands Samoa Tonga Fiji Philippines India China Vietnam Indonesia Sri Lanka Nepal Bangladesh Thailand Cambodia Korea
Japan Malaysia Pakistan Chile Peru Colombia Argentina Brazil Mexico Manila Delhi Punjab Kerala Chennai Dhaka Kathmandu Colombo
Suva Lautoka Nadi Apia Nuku'alofa Hanoi Jakarta Bali Beijing Fujian Guangzhou Shanghai Cebu Davao Luzon Mindanao Visayas
Street St Road Rd Avenue Ave Drive Dr Lane Place Pl Crescent Cres Terrace Tce Way Highway SH State RD PO Box Private Bag Unit Flat
Level Suite Postcode Town City Region District Province Village Country Contact Full Surname Given Names First Last Sex Gender
Male Female M F Issue Expiry Issued Valid Until Date Dates From Mob Cell WhatsApp Messenger Facebook Viber WeChat Signal Line
Telegram Instagram TikTok Gmail Hotmail Yahoo Outlook Google Maps Uber Countdown Pak'nSave Warehouse Z BP Mobil
ANZ ASB BNZ Westpac Kiwibank TSB SBS Co-operative GCash BDO BPI Metrobank Landbank PNB SBI HDFC ICICI Axis Alipay
Covid COVID Christmas Easter Ramadan Diwali Eid Lotu Sabbath Sunday Saturday Te Reo Kia Ora Tēnā Tena Koe Koutou Ngā Nga Mihi
Nā Na Noho Mā Ma Kei Ki Kāore Ae Āe Whānau Whanau Mahi Kaimahi Marae Kaumātua Kaumatua Iwi Hapū Hapu Kai Whare Aroha Tamariki
Mokopuna Talofa Malo Mālō Lelei Bula Vinaka Fa'afetai Faafetai Fa'amolemole Aiga Fanau Matai Faifeau Kava Sulu Namaste Salamat
Po Opo Kuya Ate Ate Tita Tito Bhai Didi Ji Anh Chị Chi Em Bác Ông Bà Pak Bu Ibu Mas Mbak
'''.split())
WORDNUM = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|ek|do|teen|char|paanch|chhe|saat|aath|nau|shunya|không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|nol|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|tasi|lua|tolu|fa|ono|fitu|valu|iva|taha|ua|nima|hiva)'
extra = set()
try:
    extra = set(open('reread_ok.txt', encoding='utf-8').read().split())
except FileNotFoundError:
    pass

def main():
    objs = [json.loads(l) for l in open('all.jsonl', encoding='utf-8')]
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else len(objs)
    for o in objs[lo - 1:hi]:
        b = bytearray(o['text'].encode('utf-8'))
        for s in o['spans'] + o['neutral']:
            for i in range(s['start'], s['end']):
                b[i] = 0x20 if b[i] < 0x80 else b[i]
        # re-decode: replace span bytes fully
        t = o['text'].encode('utf-8')
        out, pos = [], 0
        for s in sorted(o['spans'] + o['neutral'], key=lambda s: s['start']):
            out.append(t[pos:s['start']].decode('utf-8')); out.append(' ▒ '); pos = s['end']
        out.append(t[pos:].decode('utf-8'))
        rest = ''.join(out)
        hits = []
        for m in re.finditer(r'[^\W_]*\d[\w\-./]*', rest):
            if any(unicodedata.category(c) == 'Nd' for c in m.group()):
                g = m.group()
                if re.fullmatch(r'\d{1,2}(am|pm|hrs|h|th|st|nd|rd|km|kg|ks)?|\d{4}|\d{1,2}[:.]\d{2}(am|pm)?|\$?\d{1,4}(\.\d+)?|\$?\d{1,3}(,\d{3})+(\.\d+)?', g, re.I):
                    continue
                hits.append('NUM:' + g)
        hits += ['AT:' + m.group() for m in re.finditer(r'\S*@\S*', rest)]
        hits += ['URL:' + m.group() for m in re.finditer(r'(https?://|www\.)\S+|\S+\.(com|nz|org|net|ph|in|cn)\b\S*', rest)]
        hits += ['WORDS:' + m.group() for m in re.finditer(rf'\b{WORDNUM}(?:[\s,-]+{WORDNUM}){{2,}}\b', rest, re.I)]
        caps = []
        for m in re.finditer(r"\b[A-ZĀĒĪŌŪ][\w'’ā-ū]+", rest):
            w = m.group()
            if w not in STOP and w not in extra and w.rstrip("'s’") not in STOP:
                caps.append(w)
        # non-Latin letter runs (names in other scripts)
        run = ''
        for ch in rest + ' ':
            cat = unicodedata.category(ch)
            if ord(ch) > 0x24f and cat[0] in 'LM':
                run += ch
            else:
                if len(run) >= 2:
                    caps.append(run)
                run = ''
        print(f"== {o['id']} spans={len(o['spans'])}")
        if hits:
            print('   ' + ' | '.join(hits))
        if caps:
            print('   caps: ' + ' '.join(dict.fromkeys(caps)))

if __name__ == '__main__':
    main()
