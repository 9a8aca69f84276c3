#!/usr/bin/env python3
"""List text outside spans that might be personal (long28). Usage: reread.py [first_piece_no]"""
import json, re, sys, unicodedata
STOP = set("""I A An The This That These Those He She It We They You My Our Your His Her Their Me Him Us Them
And But Or So If When Then Now After Before Because Also Just Not No Yes Ok OK Okay Hi Hello Dear Thanks Thank Please Sorry
Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec NZ New Zealand Aotearoa Auckland
Wellington Christchurch Hamilton Tauranga Dunedin Nelson Blenheim Napier Hastings Gisborne Invercargill Whangarei Rotorua
Palmerston North Queenstown Timaru Oamaru Taupo Marlborough Otago Southland Canterbury Waikato Hawke Bay Bay Plenty Northland
Immigration Police WorkSafe MBIE Labour Inspectorate Employment Crimestoppers IRD WINZ Work Income Visa Mr Mrs Ms Miss Dr Boss
Kia ora Kiaora Talofa Malo Bula Namaste Salam Hai Chao Xin Mate Sir Madam Maam Ma'am Auntie Aunty Uncle Mum Mom Dad God Jesus
Indian Chinese Filipino Samoan Tongan Fijian Vietnamese Thai Nepali Punjabi Hindi English Maori Māori Pacific Korean Malaysian
Indonesian Sri Lankan Bangladeshi Russian Spanish Brazilian Kiwi Kiwis Facebook WhatsApp Messenger Viber WeChat Gmail Google
Christmas Easter Diwali RSE AEWV PAYE NZD USD Countdown Pak Save PaknSave Woolworths Air Zealand Regards Kind Best Sent From
Call Caller Notes Note Time Duration Action Outcome Subject Re Fwd To Cc Date Summary Week Day Entry Statement Name Phone Email Address
Anon Anonymous Unknown Unit Flat Road Rd Street St Ave Avenue Drive Dr Lane Place Crescent Terrace Highway SH State""".split())
NUMW = set('zero oh o one two three four five six seven eight nine double triple'.split())

def outside(text, spans):
    b = text.encode('utf-8'); keep = bytearray(b)
    for s in spans:
        for i in range(s['start'], s['end']): keep[i] = 0x20 if b[i] < 0x80 or b[i] >= 0xC0 else 0x20
    return keep.decode('utf-8', errors='replace')

def main():
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for line in open('all.jsonl', encoding='utf-8'):
        p = json.loads(line)
        if int(p['id'].split('-')[1]) < first: continue
        t = outside(p['text'], p['spans'] + p['neutral'])
        hits = []
        for m in re.finditer(r'\d[\d\s\-./]{1,}\d|\d', t):
            if len(re.sub(r'\D', '', m.group())) >= 3: hits.append('NUM:' + m.group().strip())
        if '@' in t: hits += ['AT:' + x for x in re.findall(r'\S*@\S*', t)]
        hits += ['URL:' + x for x in re.findall(r'(?:https?://|www\.)\S+|\S+\.(?:com|nz|net|org)\S*', t)]
        words = re.findall(r"[A-Za-z']+", t.lower())
        run = 0
        for w in words:
            run = run + 1 if w in NUMW else 0
            if run == 4: hits.append('SPELLED-NUM')
        caps = [w for w in re.findall(r"\b[A-Z][\w'’-]+", t) if w not in STOP and w.strip("'’") not in STOP]
        nonlat = [w for w in re.findall(r'\w+', t) if any(unicodedata.name(c, '').split()[0] not in ('LATIN', 'DIGIT') and not c.isdigit() and c != '_' for c in w)]
        print(f"{p['id']}: {' | '.join(hits)}\n   CAPS: {' '.join(sorted(set(caps)))}" + (f"\n   SCRIPT: {' '.join(sorted(set(nonlat)))[:400]}" if nonlat else ''))

if __name__ == '__main__':
    main()
