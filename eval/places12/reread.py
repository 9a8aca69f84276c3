"""List what lies outside spans that might be personal. Usage: python3 reread.py [from_piece_no]"""
import json, re, sys
start = int(sys.argv[1]) if len(sys.argv) > 1 else 1
stop = set(open('stop.txt', encoding='utf-8').read().split()) if __import__('os').path.exists('stop.txt') else set()
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|tahi|rua|toru|wha|rima|ono|whitu|waru|iwa|tasi|lua|tolu|fa|lima|ono|fitu|valu|iva|taha|ua|tolu|nima|hiva)'
for i, line in enumerate(open('all.jsonl', encoding='utf-8'), 1):
    if i < start: continue
    r = json.loads(line); b = bytearray(r['text'].encode('utf-8'))
    for s in r['spans'] + r['neutral']:
        b[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    t = b.decode('utf-8', 'replace').replace('\x00', '█')
    hits = []
    hits += [m.group() for m in re.finditer(r'\w*\d[\w\-/]*', t) if not re.fullmatch(r'\d{1,2}(am|pm|th|st|nd|rd|hrs?|h|k|m|km|kg|yrs?|min)?|20\d\d|19\d\d|\d{1,2}:\d\d', m.group())]
    hits += re.findall(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org)\S*', t)
    hits += [m.group() for m in re.finditer(rf'\b{NUMW}(?:[\s,-]+{NUMW}){{3,}}\b', t, re.I)]
    caps = [w for w in re.findall(r'\b[A-Z][\w\'’-]+', t) if w not in stop]
    if hits or caps:
        print(f"{r['id']}: {sorted(set(hits))} | {sorted(set(caps))}")
