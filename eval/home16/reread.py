"""List things outside labelled spans in all.jsonl that might be personal, to catch misses.

python3 reread.py [first_id [last_id]] [--script]
  --script also lists runs of non-Latin letters (names written in their own script).
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
STOP = set("""
A An The I I'm I've I'll I'd We We're You He She They It It's My Our Your His Her Their Its This That These Those
There Here What When Where Who Why How Which If But And Or So Because Also Then Now Please Pls Plz Hi Hello Dear
Thanks Thank Sorry Sir Madam Mam Maam Ok OK Okay Yes No Not Is Are Was Were Be Been Am Do Does Did Can Could Would
Should Will Must May Might Have Has Had Get Got Go Going Went Come Came Send Sent Call Called Help Just Only Still
After Before At In On Of For From To With Without By About Into Over Under Every All Some Any Many Much More Most
Mr Mrs Ms Miss Dr Boss Uncle Aunty Aunt Kuya Ate Bhai Didi Dai Ji Sister Brother Mum Mama Papa Dad Father Mother
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
New Zealand NZ Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin
Invercargill Queenstown Otago Canterbury Waikato Marlborough Hawke's Bay Bay Plenty Northland Southland Tasman
India Nepal Bangladesh Sri Lanka Philippines Indonesia Vietnam Viet Nam Thailand Cambodia China Korea Samoa Tonga
Fiji Kiribati Tuvalu Vanuatu Solomon Islands Mexico Colombia Peru Chile Brazil Argentina Dubai Qatar Saudi Malaysia
Indian Nepali Nepalese Bangladeshi Sri Lankan Filipino Filipina Indonesian Vietnamese Thai Cambodian Khmer Chinese
Korean Samoan Tongan Fijian Kiribati I-Kiribati Latino Mexican Colombian Peruvian Chilean Brazilian Punjabi Hindi
Immigration INZ MBIE Labour Inspectorate Employment Police WINZ IRD ACC RSE AEWV visa Visa Work Working Holiday
WhatsApp Facebook Messenger Viber Zalo LINE Line WeChat Kakao KakaoTalk Telegram Instagram TikTok Gmail Google
Street St Road Rd Ave Avenue Drive Dr Lane Place Pl Crescent Cres Terrace Tce Highway SH RD PO Box Unit Flat
Ltd Limited Pvt Co Company Agency Agent Manpower Services Consultancy Contractors Contractor Labour Hire
Sent Subject From To Re Fwd Date Name Phone Email Address Message Details Caller Notes Call Voicemail Transcript
Kia ora Talofa Malo Bula Mauri Namaste Namaskar Salam Assalamu Alaikum Xin Sawasdee Annyeong Hola Ola Kumusta
Lord God Jesus Allah Christmas Easter Diwali Dashain Tihar Eid Ramadan Lunar
""".split())
NUMW = set('zero oh o one two three four five six seven eight nine ten double triple'.split())
URL = re.compile(r'(https?://|www\.|\b[\w-]+\.(com|nz|net|org|np|in|ph|lk|bd|vn|id|th|kh|cn|ws|to|fj|ki|mx|co|pe|br|cl)\b)', re.I)


def is_digit(ch):
    return unicodedata.category(ch) == 'Nd'


def report(p, script=False):
    t = p['text']
    b = t.encode('utf-8')
    mask = bytearray(b)
    for s in p['spans'] + p['neutral']:
        for i in range(s['start'], s['end']):
            mask[i] = 0x20 if b[i] < 0x80 else mask[i]
        # replace whole span bytes with spaces, keeping byte length
        mask[s['start']:s['end']] = b' ' * (s['end'] - s['start'])
    out = mask.decode('utf-8', errors='replace')
    hits = []
    for m in re.finditer(r'[^\W_]*\d[\d\s./\-()+]*', out):
        seg = m.group().strip()
        nd = sum(1 for c in seg if is_digit(c))
        nonascii = any(is_digit(c) and not c.isascii() for c in seg)
        if nd >= 4 or nonascii:
            hits.append(('digits', seg))
    for m in re.finditer(r'\S*@\S*', out):
        hits.append(('@', m.group()))
    for m in URL.finditer(out):
        hits.append(('url', out[max(0, m.start() - 10):m.end() + 20].strip()))
    words = re.findall(r"[A-Za-z']+", out)
    run = []
    for w in words + ['.']:
        if w.lower() in NUMW:
            run.append(w)
        else:
            if len(run) >= 3:
                hits.append(('numwords', ' '.join(run)))
            run = []
    caps = []
    for m in re.finditer(r"\b[A-Z][\w'’.-]*", out):
        w = m.group().rstrip('.').rstrip("'")
        if w in STOP or w.upper() == w and len(w) <= 4:
            continue
        caps.append(w)
    if caps:
        hits.append(('caps', ' '.join(dict.fromkeys(caps))))
    if script:
        runs = re.findall(r'[^\x00-\u024f\s\d\W]+', out)
        if runs:
            hits.append(('script', ' '.join(dict.fromkeys(runs))))
    return hits


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    script = '--script' in sys.argv
    lo = int(args[0]) if args else 1
    hi = int(args[1]) if len(args) > 1 else 10 ** 6
    for line in open(HERE / 'all.jsonl', encoding='utf-8'):
        p = json.loads(line)
        n = int(p['id'].split('-')[1])
        if not lo <= n <= hi:
            continue
        hits = report(p, script)
        labels = ', '.join(f"{s['kind']}/{s['role'][0]}" for s in p['spans'])
        print(f"== {p['id']}  [{labels}]")
        for k, v in hits:
            print(f'   {k}: {v}')


if __name__ == '__main__':
    main()
