"""List what lies outside spans that might be personal. Usage: python3 reread.py [from_num]"""
import json, re, sys, unicodedata
from collections import Counter
STOP = set(open('stoplist.txt', encoding='utf-8').read().split()) if __import__('os').path.exists('stoplist.txt') else set()
NUMW = r'(zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)'
start = int(sys.argv[1]) if len(sys.argv) > 1 else 0
rows = [json.loads(l) for l in open('all.jsonl', encoding='utf-8')]
caps = Counter()
for o in rows:
    n = int(o['id'].split('-')[1])
    if n < start: continue
    b = bytearray(o['text'].encode())
    for s in o['spans'] + o['neutral']:
        b[s['start']:s['end']] = b'_' * (s['end'] - s['start'])
    t = b.decode('utf-8', 'replace')
    hits = []
    for m in re.finditer(r'[^\W_]*\d[\w\-/]*', t):
        if any(unicodedata.category(c) == 'Nd' for c in m.group()): hits.append(m.group())
    hits += re.findall(r'\S*@\S*', t)
    hits += re.findall(r'(?:https?://|www\.)\S+|\S+\.(?:com|nz|net|org)\S*', t)
    hits += [m.group() for m in re.finditer(rf'\b{NUMW}(?:[\s-]+{NUMW}){{3,}}\b', t, re.I)]
    if hits: print(o['id'], '|', ' ; '.join(dict.fromkeys(hits)))
    for w in re.findall(r'\b[A-Z][\w\'\-]+', t):
        if w not in STOP: caps[w] += 1
print('\n--- capitalised words outside spans (not in stoplist) ---')
print(' '.join(f'{w}:{c}' if c > 1 else w for w, c in sorted(caps.items())))
