#!/usr/bin/env python3
"""List what lies outside spans that might be personal, so unlabelled details can be caught.
Usage: python3 reread.py [first_id [last_id]]   (ids as numbers, e.g. 1 25)"""
import json, re, sys

STOP = set(open('stoplist.txt', encoding='utf-8').read().split()) if __import__('os').path.exists('stoplist.txt') else set()
NUMW = set('''zero oh o one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
double triple tahi rua toru wha rima ono whitu waru iwa kore isa lua tolu fa lima ono fitu valu iva
dua tiga empat lima enam tujuh delapan sembilan nol satu isa dalawa tatlo apat lima anim pito walo siyam
uno dos tres cuatro cinco seis siete ocho nueve cero một hai ba bốn năm sáu bảy tám chín không'''.split())

def masked(p):
    t = p['text']; b = t.encode('utf-8')
    chars = list(t)
    for s in p['spans'] + p['neutral']:
        a = len(b[:s['start']].decode('utf-8')); e = len(b[:s['end']].decode('utf-8'))
        for k in range(a, e):
            chars[k] = ' ' if chars[k] != '\n' else '\n'
    return ''.join(chars)

def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**6
    caps_all = {}
    for line in open('all.jsonl', encoding='utf-8'):
        p = json.loads(line)
        n = int(p['id'].split('-')[1])
        if not lo <= n <= hi: continue
        t = masked(p)
        found = []
        found += [f'digits:{m.group()}' for m in re.finditer(r'\d[\d\s\-./]*\d|\d', t) if len(re.sub(r'\D', '', m.group())) >= 1]
        found += [f'@:{t[max(0,m.start()-15):m.end()+15]!r}' for m in re.finditer('@|＠', t)]
        found += [f'url:{m.group()}' for m in re.finditer(r'(https?://\S+|www\.\S+|\S+\.(com|nz|net|org|ph|in)\b\S*)', t)]
        words = re.findall(r"[\w']+", t.lower())
        run = []
        for w in words + ['#']:
            if w in NUMW: run.append(w)
            else:
                if len(run) >= 3: found.append('numwords:' + ' '.join(run))
                run = []
        caps = [w for w in re.findall(r"\b[A-ZĀĒĪŌŪ][\w'’-]+", t) if w not in STOP and w.lower() not in STOP]
        if found or caps:
            print(f"{p['id']}: " + ' | '.join(found))
            if caps: print('   caps: ' + ' '.join(dict.fromkeys(caps)))

if __name__ == '__main__':
    main()
