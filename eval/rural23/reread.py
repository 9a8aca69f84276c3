"""List things outside spans that might be personal, so unlabelled details can be caught.
Usage: python3 reread.py [first_num]"""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
import build
STOP = set()
if os.path.exists('stoplist.txt'):
    for w in open('stoplist.txt', encoding='utf-8').read().split():
        STOP.add(w.lower())
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|sifuri|tasi|lua|tolu|fa|lima|ono|fitu|valu|iva|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam)'
first = int(sys.argv[1]) if len(sys.argv) > 1 else 0
pieces = build.load()
for p in pieces:
    if int(p['meta']['num']) < first: continue
    b = p['text'].encode()
    cover = [False] * len(b)
    for s in p['spans'] + p['neutral']:
        for i in range(s['start'], s['end']): cover[i] = True
    outside = bytes(c if not cover[i] else 32 for i, c in enumerate(b)).decode('utf-8', 'replace')
    hits = []
    hits += [m.group() for m in re.finditer(r'[+(]?\d[\d\s().-]*\d|\d', outside)]
    hits += [m.group() for m in re.finditer(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org)\S*', outside)]
    hits += [m.group() for m in re.finditer(rf'\b{NUMW}(?:[\s,-]+{NUMW}){{3,}}\b', outside, re.I)]
    caps = [w for w in re.findall(r'\b[A-ZĀĒĪŌŪ][\w\'’-]+', outside) if w.lower() not in STOP]
    hits += caps
    # non-latin runs (names in own script)
    hits += [m.group() for m in re.finditer(r'[^\x00-\u024F\s\d\W]{2,}', outside)][:12]
    if hits:
        print(p['id'], '|', ' ; '.join(dict.fromkeys(h.strip() for h in hits if h.strip())))
