"""List what lies outside labelled spans that might be personal, to catch misses.
Usage: python3 reread.py [first_num [last_num]]   (reads all.jsonl; stop list in stop.txt)"""
import json, re, sys

NUMW = set('zero oh one two three four five six seven eight nine double triple cero uno dos tres cuatro cinco seis siete ocho nueve isa dalawa tatlo apat lima anim pito walo siyam'.split())
stop = set()
try:
    stop = {w.strip().lower() for w in open('stop.txt', encoding='utf-8') if w.strip() and not w.startswith('#')}
except FileNotFoundError:
    pass
args = [a for a in sys.argv[1:] if not a.startswith("--")]
lo = int(args[0]) if args else 1
hi = int(args[1]) if len(args) > 1 else 10**9
caps = {}
for line in open('all.jsonl', encoding='utf-8'):
    r = json.loads(line)
    n = int(r['id'].split('-')[1])
    if not lo <= n <= hi:
        continue
    b = bytearray(r['text'].encode())
    for s in r['spans'] + r['neutral']:
        b[s['start']:s['end']] = b' ' * (s['end'] - s['start'])
    t = b.decode('utf-8')
    hits = []
    for m in re.finditer(r'\d[\d\s\-./()+]*\d|\d', t):
        g = m.group(0)
        nd = len(re.sub(r'\D', '', g))
        if nd >= 5 or (nd >= 3 and re.search(r'\d[/.\-]\d+[/.\-]\d', g)):
            hits.append('#' + g.strip())
    for m in re.finditer(r'\S*@\S*', t):
        hits.append('@' + m.group(0))
    for m in re.finditer(r'\S*(https?://|www\.|\.com\b|\.co\.nz|\.nz\b|wa\.me|t\.me|fb\.com|facebook\.com)\S*', t, re.I):
        hits.append('url:' + m.group(0))
    ws = re.findall(r"[A-Za-z]+", t)
    run = []
    for w in ws + ['_']:
        if w.lower() in NUMW:
            run.append(w)
        else:
            if len(run) >= 3:
                hits.append('words:' + ' '.join(run))
            run = []
    for w in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w'’.-]*", t):
        w2 = w.rstrip('.').rstrip("'’")
        if w2.lower() not in stop and len(w2) > 1:
            caps.setdefault(w2, set()).add(n)
    if hits:
        print(r['id'], ' | '.join(hits))
print()
print('CAPITALISED outside spans (not in stop.txt):')
print(', '.join('%s(%s)' % (w, ','.join(list(map(str, sorted(v)))[:4])) for w, v in sorted(caps.items())))
if '--save' in sys.argv:
    with open('stop.txt', 'a', encoding='utf-8') as f:
        for w in sorted(caps):
            f.write(w.lower() + '\n')
