import json, re
from reread import outside
ps = [json.loads(l) for l in open('all.jsonl', encoding='utf-8')]
def toks(p):
    b = p['text'].encode('utf-8'); out = set()
    for s in p['spans']:
        if s['kind'] == 'NAME':
            for t in re.findall(r'\w+', b[s['start']:s['end']].decode('utf-8')):
                if len(t) >= 3: out.add(t.lower())
    return out
STOP = {'van','the','and','bin','dos','dela','singh','kaur'}
for i, p in enumerate(ps):
    tk = set().union(*[toks(q) for q in ps[max(0, i-3):i+1]]) - STOP
    t = outside(p['text'], p['spans'] + p['neutral']).lower()
    hits = sorted({x for x in tk if re.search(r'(?<!\w)' + re.escape(x) + r'(?!\w)', t)})
    if hits: print(p['id'], hits)
