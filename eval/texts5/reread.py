#!/usr/bin/env python3
"""Reread helper for texts5: list things outside labelled spans that might be missed details.

For each tip in all.jsonl prints (outside spans and NEUTRAL spans):
  - digit runs (any script's digits), '@', URLs / domains, spelled-out number runs,
  - capitalised words not in a small stoplist (places, months, common words),
  - words in other scripts are not listed (read those tips by eye).
Usage: python3 reread.py [first_id_num [last_id_num]]
"""
import json
import re
import sys

NUMWORDS = r'(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)'
SPELLED = re.compile(r'\b(?:%s)(?:[\s,-]+%s){2,}\b' % (NUMWORDS, NUMWORDS), re.I)
DIGITS = re.compile(r'\d[\d\s.\-/()]*\d|\d')
URL = re.compile(r'(?:https?://|www\.)\S+|\b\S+\.(?:com|nz|net|org|co|io|ph|in|cn)\b\S*', re.I)
CAP = re.compile(r'\b[A-Z][A-Za-zÀ-ÿāēīōūĀĒĪŌŪʻ\']+\b')

STOP = set('''I I'm Im Hi Hello Hey Dear To The This That There They He She We It My Our Your His Her Their
Please Pls Thanks Thank Sorry Sir Madam Maam Kind Regards Hope Yes No Not And But So If When What Who How Why
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Dunedin Nelson Napier Hastings
Rotorua Whangarei Invercargill Palmerston North Queenstown Blenheim Gisborne Timaru Oamaru Motueka Te Puke
Otago Southland Canterbury Waikato Marlborough Hawke's Bay Bay Plenty Northland Taranaki Manawatu Tasman
Immigration INZ MBIE Labour Inspectorate Police WINZ IRD RSE AEWV Visa Work Employer Employment
Facebook WhatsApp Viber WeChat LINE Line Telegram TikTok Instagram Messenger KakaoTalk Zalo Gmail
Filipino Indian Chinese Samoan Tongan Fijian Vietnamese Thai Korean Japanese Nepali Punjabi Malaysian
Indonesian Sri Lankan Bangladeshi Pakistani Kiwi Pacific Islands Island PI Maori Māori English
Ltd Limited Co Company Rd Road St Street Ave'''.split())


def outside(text_b, spans):
    mask = bytearray(text_b)
    for s in spans:
        for i in range(s['start'], s['end']):
            mask[i] = 0x20 if mask[i] < 0x80 else mask[i]
    # replace masked multibyte chars too
    out = bytearray(text_b)
    for s in spans:
        out[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    return out.replace(b'\x00', b' ').decode('utf-8', errors='replace')


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    flagged = 0
    for line in open('all.jsonl', encoding='utf-8'):
        r = json.loads(line)
        n = int(r['id'].split('-')[1])
        if not (lo <= n <= hi):
            continue
        b = r['text'].encode('utf-8')
        t = outside(b, r['spans'] + r['neutral'])
        hits = []
        for m in DIGITS.finditer(t):
            hits.append('num:' + m.group().strip())
        if '@' in t:
            hits.append('AT:' + ','.join(re.findall(r'\S*@\S*', t)))
        for m in URL.finditer(t):
            hits.append('url:' + m.group())
        for m in SPELLED.finditer(t):
            hits.append('spelled:' + m.group())
        caps = sorted(set(w for w in CAP.findall(t) if w not in STOP))
        if caps:
            hits.append('caps:' + ' '.join(caps))
        if hits:
            flagged += 1
        print('%s [%d spans] %s' % (r['id'], len(r['spans']), ' | '.join(hits)))
    print('tips listed with hits:', flagged)


if __name__ == '__main__':
    main()
