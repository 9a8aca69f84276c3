"""Find tokens of labelled NAME (and whole values of other spans) that also occur unlabelled in the same piece."""
import json, re
for line in open('all.jsonl', encoding='utf-8'):
    r = json.loads(line)
    b = r['text'].encode()
    masked = bytearray(b)
    for s in r['spans'] + r['neutral']:
        masked[s['start']:s['end']] = b' ' * (s['end'] - s['start'])
    out = masked.decode()
    seen = set()
    for s in r['spans']:
        v = b[s['start']:s['end']].decode()
        toks = [v] if s['kind'] != 'NAME' else [v] + re.findall(r'\w+', v)
        for t in toks:
            if t in seen: continue
            seen.add(t)
            cjk = re.search(r'[\u3040-\u9fff\uac00-\ud7af]', t)
            if (len(t) < 3 and not cjk) or (cjk and len(t) < 1):
                continue
            if t.lower() in {'the', 'and', 'singh', 'kaur', 'kumar', 'md'}:
                continue
            pat = re.escape(t) if cjk or not re.match(r'\w', t) else r'(?<!\w)' + re.escape(t) + r'(?!\w)'
            for m in re.finditer(pat, out):
                print(r['id'], s['kind'], repr(t), '...' + out[max(0, m.start() - 30):m.end() + 30].replace('\n', ' ') + '...')
