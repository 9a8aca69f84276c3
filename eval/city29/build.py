"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (UTF-8 byte offsets)."""
import json, random, re, sys
from collections import Counter
from checks import *

SET = 'city29'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP'}
ROLES = {'reporter','subject','third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors = []

def check_digits(kind, t, pid):
    d = re.sub(r'\D', '', t)
    if re.search(r'[xX*•]{2,}|…', t) and kind in ('CARD','BANK','ID'): return  # masked
    if kind == 'CARD' and len(d) >= 13 and not luhn_ok(t): errors.append(f'{pid}: bad Luhn {t}')
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[\s-]\d{4}[\s-]\d{7,8}[\s-]\d{2,4}', t.strip()) and not nzbank_ok(t): errors.append(f'{pid}: bad NZ bank {t}')
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,}', t) and not iban_ok(t): errors.append(f'{pid}: bad IBAN {t}')
    if kind == 'ID':
        if re.fullmatch(r'\d{2,3}[- ]?\d{3}[- ]?\d{3}', t) and not ird_ok(t): errors.append(f'{pid}: bad IRD {t}')
        if re.fullmatch(r'\d{4} ?\d{4} ?\d{4}', t) and not verhoeff_ok(t): errors.append(f'{pid}: bad Aadhaar {t}')
        if re.fullmatch(r'\d{17}[\dX]', t) and not cnid_ok(t): errors.append(f'{pid}: bad CN ID {t}')
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', t) and not pan_ok(t): errors.append(f'{pid}: bad PAN {t}')

def parse():
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    out, meta, seen = [], None, set()
    for ln, line in enumerate(lines, 1):
        if not line.strip(): continue
        if line.startswith('#'):
            f = [x.strip() for x in line[1:].split('|')]
            if len(f) != 6: errors.append(f'line {ln}: bad header'); 
            meta = f; continue
        if meta is None: errors.append(f'line {ln}: text without header'); continue
        pid = meta[0]
        if pid in seen: errors.append(f'{pid}: duplicate id')
        seen.add(pid)
        raw = line.replace('\\n', '\n')
        text, spans, neutral, pos, bpos = [], [], [], 0, 0
        for m in SPAN.finditer(raw):
            pre = raw[pos:m.start()]; text.append(pre); bpos += len(pre.encode())
            kind, role, t = m.groups()
            if not t or t != t.strip(): errors.append(f'{pid}: empty/outer whitespace span {t!r}')
            b = len(t.encode())
            if kind == 'NEUTRAL':
                if role != '-': errors.append(f'{pid}: NEUTRAL role must be -')
                neutral.append({'start': bpos, 'end': bpos + b, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: errors.append(f'{pid}: unknown kind {kind}')
                if role not in ROLES: errors.append(f'{pid}: unknown role {role}')
                check_digits(kind, t, pid)
                spans.append({'start': bpos, 'end': bpos + b, 'kind': kind, 'role': role})
            text.append(t); bpos += b; pos = m.end()
        text.append(raw[pos:]); full = ''.join(text)
        if '{' in full and re.search(r'\{[A-Z]+\|', full): errors.append(f'{pid}: malformed span left')
        if '|' in full and re.search(r'[A-Z]{3,}\|[a-z-]+\|', full): errors.append(f'{pid}: broken span syntax')
        allsp = sorted(spans + neutral, key=lambda s: s['start'])
        for a, b2 in zip(allsp, allsp[1:]):
            if b2['start'] < a['end']: errors.append(f'{pid}: overlap')
        fb = full.encode()
        for s in spans + neutral:
            seg = fb[s['start']:s['end']].decode()
            assert seg == seg.strip() and seg
        hasp = meta[5].lower()
        if hasp in ('none', 'no') and spans: errors.append(f'{pid}: header says no pii but has spans')
        if hasp not in ('none', 'no') and not spans: errors.append(f'{pid}: header says pii but no spans')
        out.append({'id': f'{SET}-{int(pid):04d}', 'text': full, 'spans': spans, 'neutral': neutral,
                    '_meta': {'lang': meta[1], 'voice': meta[2], 'channel': meta[3], 'sector': meta[4]}})
    return out

def table(rows, title):
    c = Counter((s['kind'], s['role']) for r in rows for s in r['spans'])
    kinds = sorted({k for k, _ in c}); roles = ['reporter','subject','third']
    o = [f'### {title}: {len(rows)} pieces, {sum(c.values())} spans, {sum(len(r["neutral"]) for r in rows)} neutral, {sum(1 for r in rows if not r["spans"])} with no PII\n',
         '| kind | ' + ' | '.join(roles) + ' | total |', '|---' * 5 + '|']
    for k in kinds:
        o.append(f'| {k} | ' + ' | '.join(str(c[(k, r)]) for r in roles) + f' | {sum(c[(k, r)] for r in roles)} |')
    o.append('| total | ' + ' | '.join(str(sum(v for (k, r2), v in c.items() if r2 == r)) for r in roles) + f' | {sum(c.values())} |\n')
    return '\n'.join(o)

rows = parse()
if errors:
    print('\n'.join(errors)); sys.exit(1)
def dump(fn, rs):
    with open(fn, 'w', encoding='utf-8') as f:
        for r in rs: f.write(json.dumps({k: v for k, v in r.items() if k != '_meta'}, ensure_ascii=False) + '\n')
dump('all.jsonl', rows)
sh = rows[:]; random.Random(29).shuffle(sh)
n = round(len(sh) * 0.35); dev, ho = sh[:n], sh[n:]
dump('dev.jsonl', dev); dump('heldout.jsonl', ho)
L = sorted(len(r['text']) for r in rows)
st = ['# city29 stats\n', table(rows, 'all'), table(dev, 'dev'), table(ho, 'held out'),
      f'Lengths (chars): min {L[0]}, median {L[len(L)//2]}, max {L[-1]}, mean {sum(L)//len(L)}\n',
      'Languages: ' + ', '.join(f'{k} {v}' for k, v in Counter(r['_meta']['lang'] for r in rows).most_common()) + '\n',
      'Channels: ' + ', '.join(f'{k} {v}' for k, v in Counter(r['_meta']['channel'] for r in rows).most_common()) + '\n',
      'Voices: ' + ', '.join(f'{k} {v}' for k, v in Counter(r['_meta']['voice'] for r in rows).most_common()) + '\n',
      'Sectors: ' + ', '.join(f'{k} {v}' for k, v in Counter(r['_meta']['sector'] for r in rows).most_common()) + '\n']
open('stats.md', 'w', encoding='utf-8').write('\n'.join(st))
print(f'ok: {len(rows)} pieces, dev {len(dev)}, heldout {len(ho)}, spans {sum(len(r["spans"]) for r in rows)}')
