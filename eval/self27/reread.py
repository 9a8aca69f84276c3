"""List things outside spans that might be personal, to catch unlabelled details.
usage: python3 reread.py [first_piece_no]"""
import json, re, sys
STOP = set('''I A The This That My We He She They It If In On At To For And But Or So Not No Yes Hi Hello Dear Please Thank Thanks
Sorry Boss Mr Mrs Ms Miss Dr Sir Madam Aunty Uncle Kia Ora Tena Koe Talofa Malo Bula Namaste Sat Sri Akal Mabuhay Salamat
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
November December NZ New Zealand Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin
Invercargill Queenstown Gisborne Whangarei Rotorua Palmerston North Te Puke Kerikeri Cromwell Alexandra Timaru Ashburton
Motueka Marlborough Hawke Bay Otago Southland Canterbury Waikato Northland Bay Plenty Central Immigration Employment WINZ
IRD INZ MBIE Police RSE Visa Work Labour Inspectorate English Maori Samoa Tonga Fiji India China Philippines Vietnam
Indonesia Thailand Cambodia Nepal Bangladesh Sri Lanka Korea Spain Brazil Russia Sent From Caller Notes Call Note Subject Re
WhatsApp Facebook Messenger Gmail iPhone Android Samsung Christmas Easter Ltd Limited Road Street St Rd Ave Avenue Drive Lane'''.split())
first = int(sys.argv[1]) if len(sys.argv) > 1 else 1
DIG = re.compile(r'[0-9०-९০-৯௦-௯๐-๙០-៩٠-٩۰-۹０-９]{2,}')
WORDS = re.compile(r'\b(zero|one|two|three|four|five|six|seven|eight|nine|oh|double|triple)\b', re.I)
for i, line in enumerate(open('all.jsonl', encoding='utf-8'), 1):
    if i < first: continue
    p = json.loads(line)
    b = bytearray(p['text'].encode())
    for s in p['spans'] + p['neutral']:
        b[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    t = b.decode(errors='ignore').replace('\x00', '\u2588')
    hits = []
    hits += DIG.findall(t)
    hits += re.findall(r'\S*@\S*|https?://\S+|www\.\S+', t)
    ws = [m.start() for m in WORDS.finditer(t)]
    if len(ws) >= 4: hits.append(f'[{len(ws)} number words]')
    caps = [w for w in re.findall(r"\b[A-Z][a-zA-Z'\-]+", t) if w not in STOP]
    hits += sorted(set(caps))
    if hits:
        print(f"{p['id']} ({len(p['spans'])} spans): " + ' · '.join(hits))
