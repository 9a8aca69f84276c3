"""Parse source.txt, check spans, write all/dev/heldout jsonl and stats.md."""
import json, re, random, sys, unicodedata
from collections import Counter
from checks import *

SET = 'where15'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP'}
ROLES = {'reporter','subject','third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*?)\}')
errors = []

def err(pid, msg): errors.append(f'{pid}: {msg}')

def check_digits(pid, kind, text, before):
    ctx = before[-60:].lower()
    d = re.sub(r'\D', '', unicodedata.normalize('NFKC', text))
    if kind == 'CARD' and not luhn_ok(text): err(pid, f'Luhn fails {text!r}')
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]\d{4}[- ]\d{6,8}[- ]\d{2,4}', text.strip()) and not nzbank_ok(text): err(pid, f'NZ bank fails {text!r}')
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,}', text.strip()) and not iban_ok(text): err(pid, f'IBAN fails {text!r}')
    if kind == 'ID':
        if ('ird' in ctx or 'tax' in ctx) and re.fullmatch(r'[\d\s-]+', text) and len(d) in (8, 9) and not ird_ok(d): err(pid, f'IRD fails {text!r}')
        if ('aadhaar' in ctx or 'आधार' in ctx or 'aadhar' in ctx) and len(d) == 12 and not verhoeff_ok(d): err(pid, f'Aadhaar fails {text!r}')
        if re.fullmatch(r'\d{17}[\dXx]', text.strip()) and not cnid_ok(text): err(pid, f'CN ID fails {text!r}')
        if 'pan' in ctx.split()[-3:] and not pan_ok(text): err(pid, f'PAN shape fails {text!r}')
    if kind == 'PHONE':
        if text.strip().startswith('+63') or ('philippin' in ctx):
            dd = d[2:] if d.startswith('63') else d[1:] if d.startswith('0') else d
            if len(dd) != 10 or dd[0] != '9':
                if d.startswith('63') or d.startswith('09'): err(pid, f'PH mobile shape {text!r}')

def parse():
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    pieces, header = [], None
    for ln in lines:
        if not ln.strip(): continue
        if ln.startswith('#'):
            header = [x.strip() for x in ln[1:].split('|')]
            continue
        if header is None: err('?', f'piece without header: {ln[:40]}'); continue
        pid = header[0]
        raw = ln.replace('\\n', '\n')
        text, spans, neutral, pos = '', [], [], 0
        for m in SPAN.finditer(raw):
            text += raw[pos:m.start()]
            kind, role, t = m.groups()
            if not t or t != t.strip(): err(pid, f'empty/outer whitespace {t!r}')
            s = len(text.encode()); text += t; e = len(text.encode())
            if kind == 'NEUTRAL':
                if role != '-': err(pid, f'neutral role {role}')
                neutral.append({'start': s, 'end': e, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: err(pid, f'bad kind {kind}')
                if role not in ROLES: err(pid, f'bad role {role}')
                check_digits(pid, kind, t, text[:-len(t)] if t else text)
                spans.append({'start': s, 'end': e, 'kind': kind, 'role': role})
            pos = m.end()
        text += raw[pos:]
        if '{' in text or '}' in text: err(pid, 'stray brace (malformed span?)')
        if len(header) != 6: err(pid, f'header has {len(header)} fields')
        else:
            pii = header[5]
            if pii == 'no' and spans: err(pid, 'pii=no but spans')
            if pii == 'yes' and not spans: err(pid, 'pii=yes but no spans')
        allsp = sorted(spans + neutral, key=lambda x: x['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: err(pid, 'overlap')
        pieces.append({'num': pid, 'meta': header, 'text': text, 'spans': spans, 'neutral': neutral})
        header = None
    return pieces

pieces = parse()
nums = [p['num'] for p in pieces]
for n, c in Counter(nums).items():
    if c > 1: err(n, 'duplicate number')
if errors:
    print('\n'.join(errors)); sys.exit(1)
out = []
for i, p in enumerate(pieces, 1):
    out.append({'id': f'{SET}-{i:04d}', 'text': p['text'], 'spans': p['spans'], 'neutral': p['neutral']})
with open('all.jsonl', 'w', encoding='utf-8') as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + '\n')
sh = out[:]; random.Random(1515).shuffle(sh)
k = round(len(sh) * 0.35)
dev, held = sh[:k], sh[k:]
for name, rows in (('dev.jsonl', dev), ('heldout.jsonl', held)):
    with open(name, 'w', encoding='utf-8') as f:
        for o in rows: f.write(json.dumps(o, ensure_ascii=False) + '\n')

def table(rows, title):
    c = Counter((s['kind'], s['role']) for o in rows for s in o['spans'])
    kinds = sorted({k for k, _ in c})
    L = [f'### {title}', '', f'pieces: {len(rows)}; with PII: {sum(1 for o in rows if o["spans"])}; without: {sum(1 for o in rows if not o["spans"])}; spans: {sum(c.values())}; neutral: {sum(len(o["neutral"]) for o in rows)}', '',
         '| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        L.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    r = [sum(v for (k, x), v in c.items() if x == y) for y in ('reporter', 'subject', 'third')]
    L.append('| **all** | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    lens = sorted(len(o['text']) for o in rows)
    if lens: L += ['', f'length (chars): min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, mean {sum(lens)//len(lens)}']
    return '\n'.join(L)

meta = Counter(p['meta'][1] for p in pieces)
st = ['# where15 stats', '', table(out, 'all'), '', table(dev, 'dev'), '', table(held, 'held out'), '',
      '### languages (header field)', '', ', '.join(f'{k}: {v}' for k, v in meta.most_common()),
      '', '### channels', '', ', '.join(f'{k}: {v}' for k, v in Counter(p['meta'][3] for p in pieces).most_common()),
      '', '### sectors', '', ', '.join(f'{k}: {v}' for k, v in Counter(p['meta'][4] for p in pieces).most_common())]
open('stats.md', 'w', encoding='utf-8').write('\n'.join(st) + '\n')
print(f'OK {len(out)} pieces, dev {len(dev)}, heldout {len(held)}')
