"""List things outside spans that might be personal, to catch unlabelled details.
Usage: python3 reread.py [first_piece_number]"""
import json, re, sys, unicodedata
from collections import Counter

START = int(sys.argv[1]) if len(sys.argv) > 1 else 1
STOP = set(open('stop.txt', encoding='utf-8').read().split()) if __import__('os').path.exists('stop.txt') else set()
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|tahi|rua|toru|whā|wha|rima|ono|whitu|waru|iwa|kore|tasi|lua|tolu|fā|fitu|valu|iva|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|cero|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam)'
SPELL = re.compile(rf'\b{NUMW}(?:[\s,-]+{NUMW}){{3,}}\b', re.I)
CAPS = Counter()
for line in open('all.jsonl', encoding='utf-8'):
    p = json.loads(line)
    n = int(p['id'].split('-')[1])
    if n < START:
        continue
    b = p['text'].encode()
    mask = bytearray(b)
    for sp in p['spans'] + p['neutral']:
        for i in range(sp['start'], sp['end']):
            mask[i] = 0x20
    out = bytes(mask).decode('utf-8', 'replace')
    hits = []
    for m in re.finditer(r'[^\W_]*\d[\d\s\-./]*', out):
        if any(unicodedata.category(c) == 'Nd' for c in m.group()) and len(re.sub(r'\D', '', m.group())) >= 3:
            hits.append(m.group().strip())
    hits += [m.group() for m in re.finditer(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|org|net)\b\S*', out)]
    hits += [m.group() for m in SPELL.finditer(out)]
    for m in re.finditer(r'\b[A-Z][\w\'’-]+', out):
        w = m.group()
        if w not in STOP:
            CAPS[w] += 1
    # non-latin runs (names in own script) outside spans, shown for eyeballing
    nonlat = [m.group() for m in re.finditer(r'[\u0900-\u0DFF\u0E00-\u0EFF\u1780-\u17FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF\u0400-\u04FF\u0600-\u06FF]+', out)]
    if hits:
        print(f'{p["id"]}: ' + ' ; '.join(hits))
    if nonlat and '-v' in sys.argv:
        print(f'{p["id"]} script: ' + ' '.join(nonlat))
print('\nCapitalised words outside spans not in stop.txt:')
print(' '.join(f'{w}({c})' for w, c in sorted(CAPS.items())))
