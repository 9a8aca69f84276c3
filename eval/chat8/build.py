#!/usr/bin/env python3
"""Build chat8: parse source.txt, check spans and check digits, write all/dev/heldout jsonl + stats.md."""
import json, random, re, sys, unicodedata
from collections import Counter
from gen import ird_ok, nzbank_ok, luhn_ok, verhoeff_ok, cnid_ok, pan_ok, iban_ok

SET = 'chat8'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP', 'NEUTRAL'}
ROLES = {'reporter', 'subject', 'third', '-'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors = []

def err(pid, msg): errors.append(f'{pid}: {msg}')

def digits(s):
    out = []
    for c in s:
        try: out.append(str(unicodedata.digit(c)))
        except (TypeError, ValueError): pass
    return ''.join(out)

def check_digits(pid, kind, text, before):
    d = digits(text)
    masked = bool(re.search(r'[xX*•#…]|\.\.\.', text))
    ctx = before[-45:]
    if kind == 'CARD' and len(d) >= 13 and not masked and not luhn_ok(d):
        err(pid, f'CARD fails Luhn: {text}')
    if kind == 'BANK':
        t = text.strip()
        nz = re.fullmatch(r'\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}', ''.join(
            str(unicodedata.digit(c)) if unicodedata.category(c) == 'Nd' else c for c in t))
        if nz and not nzbank_ok(nz.group(0)):
            err(pid, f'NZ bank account fails check: {text}')
        if re.fullmatch(r'[A-Z]{2}\d{2}[ A-Z0-9]{11,}', t) and not iban_ok(t):
            err(pid, f'IBAN fails mod 97: {text}')
    if kind == 'ID':
        t = text.strip().upper()
        if re.fullmatch(r'\d{17}[\dX]', t) and not cnid_ok(t):
            err(pid, f'CN resident ID fails ISO 7064: {text}')
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', t) and not pan_ok(t):
            err(pid, f'PAN shape wrong: {text}')
        if re.search(r'IRD|tax|税|thuế|pajak', ctx, re.I) and len(d) in (8, 9) and not masked and not ird_ok(d):
            err(pid, f'IRD fails mod 11: {text}')
        if re.search(r'aadh?aa?r|आधार|ਆਧਾਰ|ஆதார்|UIDAI', ctx, re.I) and len(d) == 12 and not verhoeff_ok(d):
            err(pid, f'Aadhaar fails Verhoeff: {text}')
    if kind == 'PHONE' and d and not masked:
        if len(d) < 6 or len(d) > 15: err(pid, f'PHONE odd length: {text}')
        if (d.startswith('639') and len(d) == 12) or (d.startswith('09') and len(d) == 11):
            pass
        elif d.startswith('63') and len(d) != 12 and text.lstrip().startswith('+'):
            err(pid, f'PH phone wrong length: {text}')

def parse(path):
    pieces, hdr = [], None
    seen = set()
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        if re.match(r'# \d{3} \|', line):
            if hdr is not None: err(f'line {ln}', 'header without piece')
            parts = [p.strip() for p in line[1:].split('|')]
            if len(parts) != 6: err(f'line {ln}', f'bad header {line}')
            hdr = parts; continue
        if hdr is None: err(f'line {ln}', 'piece without header'); continue
        num = int(hdr[0]); pid = f'{SET}-{num:04d}'
        if pid in seen: err(pid, 'duplicate id')
        seen.add(pid)
        raw = line.replace('\\n', '\n')
        text, spans, neutral, pos = '', [], [], 0
        for m in SPAN.finditer(raw):
            text += raw[pos:m.start()]
            kind, role, val = m.groups()
            if kind not in KINDS: err(pid, f'unknown kind {kind}')
            if role not in ROLES: err(pid, f'unknown role {role}')
            if kind == 'NEUTRAL' and role != '-': err(pid, 'NEUTRAL must have role -')
            if kind != 'NEUTRAL' and role == '-': err(pid, f'{kind} needs a role')
            if not val: err(pid, 'empty span')
            if val != val.strip(): err(pid, f'outer whitespace in span [{val}]')
            check_digits(pid, kind, val, text)
            b0 = len(text.encode('utf-8')); text += val; b1 = len(text.encode('utf-8'))
            (neutral if kind == 'NEUTRAL' else spans).append(
                {'start': b0, 'end': b1, 'kind': kind, **({} if kind == 'NEUTRAL' else {'role': role})})
            pos = m.end()
        text += raw[pos:]
        if '{' in text or '}' in text: err(pid, 'stray brace (malformed span?)')
        if hdr[5] not in ('pii', 'none'): err(pid, f'pii field must be pii/none: {hdr[5]}')
        if (hdr[5] == 'none') != (not spans): err(pid, f'pii field {hdr[5]} but {len(spans)} spans')
        pieces.append({'id': pid, 'text': text, 'spans': spans, 'neutral': neutral, '_hdr': hdr})
        hdr = None
    # overlap check + byte-slice sanity
    for p in pieces:
        allsp = sorted(p['spans'] + p['neutral'], key=lambda s: s['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: err(p['id'], 'overlap')
        bt = p['text'].encode('utf-8')
        for s in allsp:
            try: bt[s['start']:s['end']].decode('utf-8')
            except UnicodeDecodeError: err(p['id'], 'span not on char boundary')
    return pieces

def table(ps):
    c = Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    kinds = sorted({k for k, _ in c}); roles = ['reporter', 'subject', 'third']
    rows = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * (len(roles) + 1)]
    for k in kinds:
        rows.append(f'| {k} | ' + ' | '.join(str(c[(k, r)]) for r in roles) + f' | {sum(c[(k, r)] for r in roles)} |')
    rows.append('| **all** | ' + ' | '.join(str(sum(v for (k, r), v in c.items() if r == ro)) for ro in roles) + f' | {sum(c.values())} |')
    nn = sum(len(p['neutral']) for p in ps)
    nopii = sum(1 for p in ps if not p['spans'])
    L = sorted(len(p['text']) for p in ps)
    rows.append(f'\npieces: {len(ps)}; without personal detail: {nopii}; NEUTRAL spans: {nn}; '
                f'length chars min/median/max: {L[0]}/{L[len(L)//2]}/{L[-1]}')
    return '\n'.join(rows)

if __name__ == '__main__':
    pieces = parse('source.txt')
    if errors:
        print('\n'.join(errors)); print(f'{len(errors)} ERRORS'); sys.exit(1)
    out = [{k: v for k, v in p.items() if k != '_hdr'} for p in pieces]
    def dump(fn, ps):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in ps: f.write(json.dumps(p, ensure_ascii=False) + '\n')
    dump('all.jsonl', out)
    sh = out[:]; random.Random(8008).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sorted(sh[:k], key=lambda p: p['id']), sorted(sh[k:], key=lambda p: p['id'])
    dump('dev.jsonl', dev); dump('heldout.jsonl', held)
    H = [p['_hdr'] for p in pieces]
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write(f'# {SET} statistics\n\n## All\n\n{table(out)}\n\n## Dev ({len(dev)})\n\n{table(dev)}\n\n'
                f'## Held out ({len(held)})\n\n{table(held)}\n\n')
        for i, name in [(1, 'language'), (2, 'voice'), (3, 'channel'), (4, 'sector')]:
            c = Counter(h[i] for h in H)
            f.write(f'## By {name}\n\n' + ', '.join(f'{a}: {b}' for a, b in c.most_common()) + '\n\n')
        addr = sum(1 for p in out if any(s['kind'] == 'ADDRESS' for s in p['spans']))
        f.write(f'Pieces with at least one ADDRESS span: {addr} of {len(out)}\n')
    print(f'OK {len(out)} pieces, dev {len(dev)}, heldout {len(held)}')
    print(table(out))
