#!/usr/bin/env python3
"""List things outside spans that might be personal, to catch unlabelled details.
Usage: python3 reread.py [first_piece_no]"""
import json, re, sys, unicodedata
STOP = set("""I A An The This That These Those He She They We You It My Your His Her Our Their Me Him Us Them
Hi Hello Dear Please Thank Thanks Sorry Help Yes No Ok OK Okay And But Or So If When Then Also Not Now Today
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec NZ New Zealand Aotearoa
Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin Invercargill
Otago Canterbury Waikato Marlborough Hawke's Bay Bay Plenty Central Te Puke Cromwell Alexandra Motueka
Immigration INZ MBIE Labour Inspectorate Police Worksafe WorkSafe RSE AEWV Employment Accredited Visa Work
Samoa Tonga Fiji Vanuatu Kiribati Solomon Islands India Philippines China Vietnam Indonesia Myanmar Malaysia
Samoan Tongan Fijian Indian Filipino Chinese Vietnamese Indonesian Burmese Punjabi Hindi English Maori Māori
God Lord Jesus Allah Boss Mr Mrs Ms Miss Dr Sir Madam Kuya Ate Tita Tito Lola Lolo Nanay Tatay Mama Papa
Uncle Aunty Aunt Bro Sis Sir""".split())
DIGITRUN = re.compile(r'(?:[^\W_]*\d[\d\s\-./()+]*\d|\d)', re.UNICODE)
WORDNUM = re.compile(r'\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,-]+){3,}\w*', re.I)

def spans_of(rec):
    b = rec['text'].encode('utf-8'); cov = []
    for s in rec['spans'] + rec['neutral']:
        cs = len(b[:s['start']].decode('utf-8')); ce = len(b[:s['end']].decode('utf-8'))
        cov.append((cs, ce))
    return cov

def outside(cov, a, e): return all(e <= s or a >= t for s, t in cov)

def main():
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    for line in open('all.jsonl', encoding='utf-8'):
        r = json.loads(line); n = int(r['id'].split('-')[1])
        if n < first: continue
        t = r['text']; cov = spans_of(r); hits = []
        for m in re.finditer(r'\S*\d\S*', t):
            if outside(cov, m.start(), m.end()) and sum(ch.isdigit() for ch in m.group()) >= 3:
                hits.append('digits:' + m.group())
        for m in re.finditer(r'(?:\d[\s-]){5,}\d', t):
            if outside(cov, m.start(), m.end()): hits.append('spaced:' + m.group())
        for m in re.finditer(r'\S*[@＠]\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org)\b\S*', t):
            if outside(cov, m.start(), m.end()): hits.append('at/url:' + m.group())
        for m in WORDNUM.finditer(t):
            if outside(cov, m.start(), m.end()): hits.append('wordnum:' + m.group())
        for m in re.finditer(r"\b[A-Z][\w'’-]+", t):
            w = m.group()
            if w in STOP or not outside(cov, m.start(), m.end()): continue
            hits.append(w)
        if hits:
            print(r['id'], '|', ' ; '.join(dict.fromkeys(hits)))

if __name__ == '__main__': main()
