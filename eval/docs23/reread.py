"""Show what lies outside spans that might be personal, so unlabelled details can be caught.
usage: python3 reread.py [first_piece_num]"""
import json, re, sys
STOP = set('''I A The This That These Those He She They We You It My Our Your His Her Their Me Hi Hello Dear Please Thanks Thank Sorry Yes No Not And But Or So If When Then Now Today Tomorrow Yesterday
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin Invercargill Queenstown Whangarei Gisborne Rotorua Palmerston North Timaru Oamaru Marlborough Otago Canterbury Waikato Bay Plenty Hawke's Hawkes Central Southland Northland Taranaki Manawatu
Immigration INZ MBIE Labour Inspectorate Police Employment Relations Authority IRD Inland Revenue Ltd Limited Bank ANZ ASB BNZ Westpac Kiwibank TSB Visa Work Permit Passport Payslip Pay Period Gross Net Tax PAYE KiwiSaver ACC Hours Rate Total Amount Date Name Address Phone Email Ref Reference Account Number No Employee Employer Contract Agreement Clause Section Offer Letter
India Philippines China Fiji Samoa Tonga Vietnam Nepal Bangladesh Pakistan Sri Lanka Indonesia Thailand Malaysia Brazil Mexico Chile Kenya Nigeria Korea Indian Filipino Chinese Samoan Tongan Fijian Nepali Bengali Tamil Punjabi Hindi Tagalog Maori Māori
Western Union MoneyGram GCash bKash M-Pesa Remitly Wise OCR Screenshot WhatsApp Facebook Messenger SMS Sent From Subject To Re Fwd Fw CC Note Notes Caller Call Voicemail'''.split())
start = int(sys.argv[1]) if len(sys.argv) > 1 else 0
NUMW = r'(zero|one|two|three|four|five|six|seven|eight|nine|oh|double|triple)'
for line in open('all.jsonl', encoding='utf-8'):
    p = json.loads(line); n = int(p['id'].split('-')[1])
    if n < start: continue
    b = p['text'].encode()
    masked = bytearray(b)
    for s in p['spans'] + p['neutral']:
        for i in range(s['start'], s['end']): masked[i] = 0x20 if b[i] < 0x80 else b[i]
        masked[s['start']:s['end']] = b' ' * (s['end'] - s['start'])
    t = masked.decode('utf-8', 'replace')
    hits = []
    hits += [m[0] for m in re.finditer(r'\d[\d \-./]{2,}\d|\d{3,}', t) if sum(c.isdigit() for c in m[0]) >= 4]
    hits += [m[0] for m in re.finditer(r'[^\W\d_]*[٠-٩۰-۹०-९০-৯੦-੯௦-௯໐-໙๐-๙០-៩][\d٠-٩۰-۹०-९০-৯੦-੯௦-௯๐-๙០-៩ -]*', t)]
    hits += [m[0] for m in re.finditer(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(com|nz|net|org)\b\S*', t)]
    hits += [m[0] for m in re.finditer(rf'\b{NUMW}(\W+{NUMW}){{3,}}\b', t, re.I)]
    caps = [w for w in re.findall(r"\b[A-Z][a-zA-Z'’\-]+", t) if w not in STOP]
    print(f"--- {p['id']} spans={len(p['spans'])}")
    if hits: print('   NUM/@:', ' | '.join(h.strip() for h in hits))
    if caps: print('   CAPS:', ' '.join(dict.fromkeys(caps)))
