"""List things outside spans that might be personal. Usage: python3 reread.py [from_num]"""
import json, re, sys
STOP = set(open('stoplist.txt', encoding='utf-8').read().split()) if __import__('os').path.exists('stoplist.txt') else set()
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|kore|tahi|rua|toru|wha|whā|rima|ono|whitu|waru|iwa)'
frm = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for line in open('all.jsonl', encoding='utf-8'):
    p = json.loads(line)
    if int(p['id'][-4:]) < frm: continue
    b = bytearray(p['text'].encode('utf-8'))
    for s in p['spans'] + p['neutral']:
        b[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    t = b.decode('utf-8', 'replace').replace('\x00', '#')
    hits = []
    hits += ['DIG:' + m.group() for m in re.finditer(r'\d[\d \-]{2,}\d|\d{2,}', t)]
    hits += ['AT:' + t[max(0, m.start()-15):m.end()+15] for m in re.finditer(r'@', t)]
    hits += ['URL:' + m.group() for m in re.finditer(r'(https?://|www\.)\S+|\S+\.(com|nz|net|org)\S*', t, re.I)]
    hits += ['WORDS:' + m.group() for m in re.finditer(rf'\b{NUMW}(?:[\s,\-]+{NUMW}\b){{3,}}', t, re.I)]
    caps = sorted({w for w in re.findall(r"\b[A-ZĀĒĪŌŪ][\wāēīōū'’]+", t) if w not in STOP and w.lower() not in STOP})
    nonlatin = re.findall(r'[^\x00-\u024F\s\d#.,!?;:()\'"“”‘’\-–—/…]+', t)
    if caps: hits.append('CAPS:' + ' '.join(caps))
    if nonlatin: hits.append('SCRIPT:' + ' '.join(sorted(set(nonlatin)))[:300])
    if hits:
        print(p['id'], ' || '.join(hits))
