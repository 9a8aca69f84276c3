#!/usr/bin/env python3
"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (UTF-8 byte offsets)."""
import json, re, random, sys
from collections import Counter
sys.path.insert(0, '.')
from gen import luhn_ok, verhoeff_ok

SET = 'work27'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP','NEUTRAL'}
ROLES = {'reporter','subject','third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors = []

def ird_ok(s):
    s = s.zfill(9)
    if not (10_000_000 <= int(s) <= 150_000_000): return False
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a,b in zip(s[:8],w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == int(s[8])
    return False
WA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
def nzbank_ok(b, br, acc, suf):
    dd = b + br + acc.zfill(8) + suf.zfill(4)
    return sum(int(x)*w for x,w in zip(dd,WA)) % 11 == 0
def iban_ok(s):
    s = s.replace(' ','').upper()
    t = s[4:] + s[:4]
    return int(''.join(str(int(c,36)) for c in t)) % 97 == 1
def cnid_ok(s):
    W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    r=sum(int(a)*b for a,b in zip(s[:17],W))%11
    return '10X98765432'[r] == s[17].upper()

def check(kind, text, before, pid):
    digits = re.sub(r'\D','',text)
    ctx = before[-40:].lower()
    if kind == 'CARD':
        if len(digits) >= 12 and not luhn_ok(digits): errors.append(f'{pid}: Luhn fail {text}')
    if kind == 'BANK':
        m = re.fullmatch(r'(\d\d)[- ](\d{4})[- ](\d{7})[- ](\d{2,3})', text)
        if m and not nzbank_ok(*m.groups()): errors.append(f'{pid}: NZ bank fail {text}')
        if re.fullmatch(r'[A-Z]{2}\d\d[A-Z0-9 ]{10,}', text) and not iban_ok(text): errors.append(f'{pid}: IBAN fail {text}')
    if kind == 'ID':
        if ('ird' in ctx or 'tax' in ctx) and re.fullmatch(r'[\d -]{8,11}', text) and len(digits) in (8,9):
            if not ird_ok(digits): errors.append(f'{pid}: IRD fail {text}')
        if 'aadhaar' in ctx or 'आधार' in ctx:
            if len(digits) == 12 and not verhoeff_ok(digits): errors.append(f'{pid}: Verhoeff fail {text}')
        if re.fullmatch(r'\d{17}[\dXx]', text) and not cnid_ok(text): errors.append(f'{pid}: CN ID fail {text}')
        if 'pan' in ctx.split()[-3:] if ctx.split() else False:
            if not re.fullmatch(r'[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]', text): errors.append(f'{pid}: PAN shape {text}')

def parse():
    pieces = []
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    header = None
    for ln in lines:
        if not ln.strip(): continue
        if ln.startswith('#'):
            header = ln; continue
        if header is None: errors.append('piece without header: ' + ln[:40]); continue
        num = header[1:].split('|')[0].strip()
        raw = ln.replace('\\n', '\n')
        out = bytearray(); spans = []; neutral = []; pos = 0; text_so_far = ''
        for m in SPAN.finditer(raw):
            pre = raw[pos:m.start()]
            out += pre.encode(); text_so_far += pre
            kind, role, t = m.groups()
            if kind not in KINDS: errors.append(f'{num}: bad kind {kind}')
            if kind == 'NEUTRAL':
                if role != '-': errors.append(f'{num}: NEUTRAL role {role}')
            elif role not in ROLES: errors.append(f'{num}: bad role {role}')
            if not t or t != t.strip(): errors.append(f'{num}: empty/whitespace span {t!r}')
            check(kind, t, text_so_far, num)
            s = len(out); out += t.encode(); e = len(out); text_so_far += t
            (neutral if kind == 'NEUTRAL' else spans).append({'start': s, 'end': e, 'kind': kind, **({} if kind=='NEUTRAL' else {'role': role})})
            pos = m.end()
        rest = raw[pos:]; out += rest.encode()
        text = out.decode()
        if '{' in text or '}' in text: errors.append(f'{num}: stray brace')
        pieces.append({'num': num, 'header': header, 'text': text, 'spans': spans, 'neutral': neutral})
        header = None
    return pieces

def table(ps):
    c = Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    kinds = sorted({k for k,_ in c}); roles = ['reporter','subject','third']
    rows = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|'*(len(roles)+1)]
    for k in kinds:
        rows.append(f'| {k} | ' + ' | '.join(str(c[(k,r)]) for r in roles) + f' | {sum(c[(k,r)] for r in roles)} |')
    rows.append('| all | ' + ' | '.join(str(sum(v for (k,r),v in c.items() if r==ro)) for ro in roles) + f' | {sum(c.values())} |')
    nn = sum(len(p['neutral']) for p in ps)
    nopii = sum(1 for p in ps if not p['spans'])
    L = sorted(len(p['text']) for p in ps)
    rows.append(f'\npieces {len(ps)}, with no PII {nopii}, NEUTRAL spans {nn}, length chars min {L[0]} median {L[len(L)//2]} max {L[-1]}\n')
    return '\n'.join(rows)

if __name__ == '__main__':
    ps = parse()
    nums = [p['num'] for p in ps]
    if len(set(nums)) != len(nums): errors.append('duplicate piece numbers')
    recs = []
    for i, p in enumerate(ps, 1):
        recs.append({'id': f'{SET}-{i:04d}', 'text': p['text'], 'spans': p['spans'], 'neutral': p['neutral']})
        for s in p['spans'] + p['neutral']:
            b = p['text'].encode()[s['start']:s['end']]
            b.decode()
    with open('all.jsonl','w',encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False)+'\n')
    sh = recs[:]; random.Random(27027).shuffle(sh)
    k = round(len(sh)*0.35); dev, ho = sh[:k], sh[k:]
    for fn, rs in (('dev.jsonl',dev),('heldout.jsonl',ho)):
        with open(fn,'w',encoding='utf-8') as f:
            for r in rs: f.write(json.dumps(r, ensure_ascii=False)+'\n')
    byid = {r['id']: r for r in recs}
    with open('stats.md','w',encoding='utf-8') as f:
        f.write('# work27 stats\n\n## all\n\n' + table(recs) + '\n## dev\n\n' + table(dev) + '\n## held out\n\n' + table(ho) + '\n')
        hc = Counter()
        for p in ps:
            parts = [x.strip() for x in p['header'][1:].split('|')]
            if len(parts) == 6:
                for name, v in zip(['lang','voice','channel','sector'], parts[1:5]): hc[(name, v)] += 1
            else: errors.append(f"{p['num']}: header has {len(parts)} fields")
        f.write('\n## headers\n\n')
        for name in ['lang','voice','channel','sector']:
            f.write(f'- {name}: ' + ', '.join(f'{v} {n}' for (nm,v),n in sorted(hc.items(), key=lambda x:-x[1]) if nm==name) + '\n')
    print(table(recs)); print(f'dev {len(dev)} heldout {len(ho)}')
    if errors:
        print('ERRORS:'); print('\n'.join(errors)); sys.exit(1)
    print('OK')
