#!/usr/bin/env python3
"""Show what lies outside spans that might be personal. Usage: reread.py [first_id [last_id]]"""
import json, re, sys, unicodedata
STOP = set('''I A The This That These Those There Their They Them He She His Her We Our Us You Your It Its My Me
Hi Hello Hey Dear Please Thanks Thank Sorry Yes No Ok OK Okay And But Or So If When Where What Who Why How Not
Can Could Will Would Should Do Does Did Is Are Was Were Be Been Have Has Had Just Also Now Then Today Tomorrow
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
New Zealand NZ Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Otago Waikato
Canterbury Marlborough Hawke Bay Bay Plenty Northland Southland Dunedin Invercargill Whanganui Palmerston North
Rotorua Gisborne Timaru Queenstown Te Puke Kerikeri Whangarei Auckland Manukau Papatoetoe Otahuhu Mangere Ōtāhuhu
Māngere Māori Maori Samoa Samoan Tonga Tongan Fiji Fijian India Indian Philippines Filipino Pinoy China Chinese
Vietnam Vietnamese Nepal Nepali Thai Korea Korean Indonesia Indonesian Malaysia Sri Lanka Bangladesh English
Immigration INZ MBIE Police WhatsApp Facebook Messenger Viber WeChat LINE KakaoTalk Zalo Instagram TikTok SMS
Labour Inspectorate Employment RSE AEWV Visa Covid COVID Countdown PAK'nSAVE Mobil BP Z Kiwi Kiwis Pacific
Messages Media omitted Deleted message Forwarded Boss boss Mr Mrs Ms Miss Sir Madam Ate Kuya Tita Tito Aunty Uncle
Bro Sis Mum Mom Dad Lol LOL OMG pls Pls Plz PLZ God Allah Jesus Lord Christmas Easter Diwali Tet Ramadan'''.split())
lo = sys.argv[1] if len(sys.argv) > 1 else None
hi = sys.argv[2] if len(sys.argv) > 2 else lo
for line in open('all.jsonl', encoding='utf-8'):
    p = json.loads(line)
    n = int(p['id'].split('-')[1])
    if lo and not (int(lo) <= n <= int(hi)): continue
    b = bytearray(p['text'].encode('utf-8'))
    for s in p['spans'] + p['neutral']:
        b[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    out = b.decode('utf-8').replace('\x00', ' ')
    hits = []
    hits += [f'NUM:{m.group(0)}' for m in re.finditer(r'[+(]?\d[\d\s().\-/]*\d|\d', out) if len(digits := re.sub(r'\D', '', m.group(0))) >= 3]
    hits += [f'@:{m.group(0)}' for m in re.finditer(r'\S*@\S*', out)]
    hits += [f'URL:{m.group(0)}' for m in re.finditer(r'(https?://|www\.)\S+|\S+\.(com|nz|net|org|ph|vn|cn|in)\b\S*', out)]
    hits += [f'WORDNUM:{m.group(0)}' for m in re.finditer(
        r'\b((zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,-]+){3,}\w*', out, re.I)]
    caps = [w for w in re.findall(r"\b[A-Z][\w'’-]+", out) if w not in STOP and not w.isupper() or (w.isupper() and len(w) > 1 and w not in STOP and re.search(r'\d', w))]
    if caps: hits.append('CAPS:' + ' '.join(sorted(set(caps))))
    if hits: print(p['id'], '|', ' || '.join(hits))
