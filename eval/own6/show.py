import sys
from build import parse
lo, hi = int(sys.argv[1]), int(sys.argv[2])
for p in parse('source.txt'):
    n = int(p['num'])
    if not lo <= n <= hi: continue
    b = p['text'].encode()
    out, pos = [], 0
    for s in sorted(p['spans'] + p['neutral'], key=lambda s: s['start']):
        out.append(b[pos:s['start']].decode())
        r = s['role'][:3] if s['kind'] != 'NEUTRAL' else '-'
        out.append(f"[{s['kind']}/{r}:{s['text']}]")
        pos = s['end']
    out.append(b[pos:].decode())
    print(f"== {p['num']} {p['lang']} {p['voice']} {p['channel']} {p['pii']}")
    print(''.join(out).replace('\n', ' ⏎ '))
