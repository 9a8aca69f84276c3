#!/usr/bin/env python3
"""Print tips from all.jsonl with spans shown as [[KIND:role|text]] for rereading by eye."""
import json
import sys
lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
for line in open('all.jsonl', encoding='utf-8'):
    r = json.loads(line)
    n = int(r['id'].split('-')[1])
    if not lo <= n <= hi:
        continue
    b = r['text'].encode('utf-8')
    marks = sorted([(s['start'], s['end'], '%s:%s' % (s['kind'], s['role'][0])) for s in r['spans']] +
                   [(s['start'], s['end'], 'NEU') for s in r['neutral']])
    out, pos = [], 0
    for s, e, k in marks:
        out.append(b[pos:s].decode()); out.append('[[%s|%s]]' % (k, b[s:e].decode())); pos = e
    out.append(b[pos:].decode())
    print('%03d %s' % (n, ''.join(out).replace('\n', ' / ')))
