"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (UTF-8 byte offsets)."""
import json, random, re, sys, unicodedata
from collections import Counter
from checks import *

SET = 'town28'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*?)\}')
errors = []

def norm_digits(s):
    return ''.join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)

def check_digits(pid, kind, text, before):
    t = norm_digits(text)
    if '*' in t or 'x' in t.lower() and kind in ('CARD', 'BANK') or re.search(r'[A-Za-z]{3,}', t) and kind == 'CARD':
        return  # masked or spelled
    d = re.sub(r'\D', '', t)
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]?\d{4}[- ]?\d{7,8}[- ]?\d{2,3}', t.strip()):
            tt = re.sub(r'^(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,3})$', r'\1-\2-\3-\4', t.strip())
            if not nzbank_ok(tt): errors.append(f'{pid}: bad NZ bank {text}')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', t.strip()):
            if not iban_ok(t): errors.append(f'{pid}: bad IBAN {text}')
    elif kind == 'CARD':
        if re.fullmatch(r'[\d \-]+', t) and len(d) >= 13 and not iban_ok(t) and not luhn_ok(t):
            errors.append(f'{pid}: bad Luhn {text}')
    elif kind == 'ID':
        s = t.strip()
        if re.fullmatch(r'\d{4} ?\d{4} ?\d{4}', s) and re.search(r'aadhaar|aadhar|आधार|ਆਧਾਰ|UIDAI', before, re.I):
            if not verhoeff_ok(s): errors.append(f'{pid}: bad Aadhaar {text}')
        elif re.fullmatch(r'\d{17}[\dXx]', s):
            if not cnid_ok(s): errors.append(f'{pid}: bad CN ID {text}')
        elif re.fullmatch(r'\d{2,3}[- ]\d{3}[- ]\d{3}', s) or (re.fullmatch(r'\d{8,9}', s) and re.search(r'IRD|tax', before[-40:], re.I)):
            if not ird_ok(s): errors.append(f'{pid}: bad IRD {text}')
        elif re.fullmatch(r'[A-Z]{3}\d{4}', s) and re.search(r'NHI', before[-40:]):
            if not nhi_ok(s): errors.append(f'{pid}: bad NHI {text}')
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', s) and re.search(r'PAN', before[-30:]):
            if not pan_ok(s): errors.append(f'{pid}: bad PAN {text}')

def parse(path):
    pieces = []; header = None
    for ln, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            header = line; continue
        if header is None:
            errors.append(f'line {ln}: piece without header'); continue
        num = int(header[1:].split('|')[0])
        pid = f'{SET}-{num:04d}'
        text = ''; spans = []; neutral = []; pos = 0
        def add(raw):
            nonlocal text
            text += raw.replace('\\n', '\n')
        for m in SPAN.finditer(line):
            add(line[pos:m.start()])
            kind, role, st = m.groups()
            st = st.replace('\\n', '\n')
            if not st or st != st.strip():
                errors.append(f'{pid}: empty/outer whitespace span {st!r}')
            b0 = len(text.encode('utf-8')); before = text
            text += st
            b1 = len(text.encode('utf-8'))
            if kind == 'NEUTRAL':
                if role != '-': errors.append(f'{pid}: NEUTRAL role {role}')
                neutral.append({'start': b0, 'end': b1, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: errors.append(f'{pid}: bad kind {kind}')
                if role not in ROLES: errors.append(f'{pid}: bad role {role}')
                check_digits(pid, kind, st, before)
                spans.append({'start': b0, 'end': b1, 'kind': kind, 'role': role})
            pos = m.end()
        add(line[pos:])
        if '{' in line[pos:] or re.search(r'\{[A-Z]+\|', SPAN.sub('', line)) or '|}' in line:
            errors.append(f'{pid}: leftover brace/markup')
        allsp = sorted(spans + neutral, key=lambda s: s['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: errors.append(f'{pid}: overlap')
        bt = text.encode('utf-8')
        for s in allsp:
            seg = bt[s['start']:s['end']].decode('utf-8')
            if not seg: errors.append(f'{pid}: empty span')
        pieces.append({'id': pid, 'text': text, 'spans': spans, 'neutral': neutral, '_h': header})
        header = None
    ids = [p['id'] for p in pieces]
    for i, c in Counter(ids).items():
        if c > 1: errors.append(f'duplicate id {i}')
    for n, p in enumerate(pieces, 1):
        if p['id'] != f'{SET}-{n:04d}': errors.append(f'numbering: {p["id"]} at position {n}'); break
    return pieces

def table(ps):
    c = Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    kinds = sorted({k for k, _ in c})
    out = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        out.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    tot = [sum(c[(k, x)] for k in kinds) for x in ('reporter', 'subject', 'third')]
    out.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(p['neutral']) for p in ps)
    empty = sum(1 for p in ps if not p['spans'])
    L = sorted(len(p['text']) for p in ps)
    out.append(f'\npieces: {len(ps)}; pieces without personal spans: {empty}; NEUTRAL spans: {nn}; '
               f'length chars min/median/max: {L[0]}/{L[len(L)//2]}/{L[-1]}' if L else '')
    return '\n'.join(out)

if __name__ == '__main__':
    pieces = parse('source.txt')
    for e in errors: print('ERROR', e)
    def dump(fn, ps):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in ps:
                f.write(json.dumps({k: p[k] for k in ('id', 'text', 'spans', 'neutral')}, ensure_ascii=False) + '\n')
    dump('all.jsonl', pieces)
    sh = pieces[:]; random.Random(28).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sorted(sh[:k], key=lambda p: p['id']), sorted(sh[k:], key=lambda p: p['id'])
    dump('dev.jsonl', dev); dump('heldout.jsonl', held)
    langs = Counter(p['_h'].split('|')[1].strip() for p in pieces)
    chans = Counter(p['_h'].split('|')[3].strip() for p in pieces)
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write(f'# {SET} stats\n\n## all\n\n{table(pieces)}\n\n## dev ({len(dev)})\n\n{table(dev)}\n\n## held out ({len(held)})\n\n{table(held)}\n\n')
        f.write('## languages (header tag)\n\n' + ', '.join(f'{a}: {b}' for a, b in langs.most_common()) + '\n\n')
        f.write('## channels\n\n' + ', '.join(f'{a}: {b}' for a, b in chans.most_common()) + '\n')
    print(f'{len(pieces)} pieces, dev {len(dev)}, heldout {len(held)}, errors {len(errors)}')
    sys.exit(1 if errors else 0)
