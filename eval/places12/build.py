"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (places12).
Checks every span and re-checks check digits."""
import json, random, re, sys, statistics
from collections import Counter
from checks import *

SET = 'places12'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors = []

def err(n, msg): errors.append(f'piece {n}: {msg}')

def parse():
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    pieces, meta = [], None
    for ln in lines:
        if not ln.strip(): continue
        if ln.startswith('#'):
            meta = [x.strip() for x in ln[1:].split('|')]
            if len(meta) != 6: errors.append(f'bad comment: {ln}')
            continue
        if meta is None: errors.append(f'line without comment: {ln[:60]}'); continue
        pieces.append((meta, ln)); meta = None
    return pieces

def check_digits(n, kind, t, ctx):
    c = ctx.lower()
    x = digits(t)
    tag = None
    if kind == 'CARD':
        tag = 'luhn'
        if not luhn_ok(t): err(n, f'Luhn fails: {t}')
    elif kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]?\d{4}[- ]?\d{7}[- ]?\d{2,3}', t.strip()):
            tag = 'nzbank'
            if not nzbank_ok(t): err(n, f'NZ bank check fails: {t}')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', t):
            tag = 'iban'
            if not iban_ok(t): err(n, f'IBAN fails: {t}')
    elif kind == 'ID':
        if re.search(r'\bird\b|tax|gst|take', c) and len(x) in (8, 9) and re.fullmatch(r'[\d -]+', t):
            tag = 'ird'
            if not ird_ok(t): err(n, f'IRD fails: {t}')
        elif re.search(r'aadha+r|आधार|ਆਧਾਰ|ஆதார்', c) and len(x) == 12:
            tag = 'verhoeff'
            if not verhoeff_ok(t): err(n, f'Aadhaar fails: {t}')
        elif re.fullmatch(r'\d{17}[\dXx]', t.replace(' ', '')):
            tag = 'cnid'
            if not cnid_ok(t): err(n, f'CN ID fails: {t}')
        elif re.search(r'thai|บัตร|ประชาชน', c) and len(x) == 13:
            tag = 'thaiid'
            if not thaiid_ok(t): err(n, f'Thai ID fails: {t}')
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', t):
            tag = 'pan'
            if not pan_ok(t): err(n, f'PAN shape fails: {t}')
    return tag

def build():
    out, checked = [], Counter()
    for i, (meta, raw) in enumerate(parse(), 1):
        n = meta[0] if meta else str(i)
        src = raw.replace('\\n', '\n')
        text, spans, neutral, pos = '', [], [], 0
        for m in SPAN.finditer(src):
            text += src[pos:m.start()]
            kind, role, t = m.groups()
            if not t: err(n, 'empty span')
            if t != t.strip(): err(n, f'outer whitespace: {t!r}')
            b0 = len(text.encode('utf-8')); text += t; b1 = len(text.encode('utf-8'))
            if kind == 'NEUTRAL':
                if role != '-': err(n, f'neutral role {role}')
                neutral.append({'start': b0, 'end': b1, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: err(n, f'bad kind {kind}')
                if role not in ROLES: err(n, f'bad role {role}')
                tag = check_digits(n, kind, t, text[max(0, len(text) - len(t) - 70):])
                if tag: checked[tag] += 1
                spans.append({'start': b0, 'end': b1, 'kind': kind, 'role': role})
            pos = m.end()
        text += src[pos:]
        if '{' in text or '}' in text: err(n, 'stray brace (malformed span?)')
        allsp = sorted(spans + neutral, key=lambda s: s['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: err(n, 'overlap')
        if meta[5] not in ('yes', 'no'): err(n, f'pii field {meta[5]}')
        if meta[5] == 'no' and spans: err(n, 'pii=no but has spans')
        if meta[5] == 'yes' and not spans: err(n, 'pii=yes but no spans')
        out.append({'id': f'{SET}-{i:04d}', 'text': text, 'spans': spans, 'neutral': neutral,
                    '_meta': meta})
    return out, checked

def table(recs):
    c = Counter((s['kind'], s['role']) for r in recs for s in r['spans'])
    kinds = sorted({k for k, _ in c}); roles = ['reporter', 'subject', 'third']
    rows = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * 4]
    for k in kinds:
        rows.append(f'| {k} | ' + ' | '.join(str(c[(k, r)]) for r in roles) + f' | {sum(c[(k, r)] for r in roles)} |')
    rows.append('| total | ' + ' | '.join(str(sum(v for (k, r), v in c.items() if r == ro)) for ro in roles) + f' | {sum(c.values())} |')
    nn = sum(len(r['neutral']) for r in recs)
    lens = [len(r['text']) for r in recs]
    empty = sum(1 for r in recs if not r['spans'])
    return '\n'.join(rows) + f'\n\npieces: {len(recs)}; with no personal detail: {empty}; NEUTRAL spans: {nn}; ' \
        f'length chars min/median/max: {min(lens)}/{int(statistics.median(lens))}/{max(lens)}\n'

if __name__ == '__main__':
    recs, checked = build()
    if errors:
        print('\n'.join(errors)); sys.exit(1)
    ids = [r['id'] for r in recs]
    assert len(set(ids)) == len(ids)
    def dump(fn, rs):
        with open(fn, 'w', encoding='utf-8') as f:
            for r in rs:
                f.write(json.dumps({k: v for k, v in r.items() if k != '_meta'}, ensure_ascii=False) + '\n')
    dump('all.jsonl', recs)
    sh = recs[:]; random.Random(12012).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sorted(sh[:k], key=lambda r: r['id']), sorted(sh[k:], key=lambda r: r['id'])
    dump('dev.jsonl', dev); dump('heldout.jsonl', held)
    langs = Counter(r['_meta'][1] for r in recs); chans = Counter(r['_meta'][3] for r in recs)
    secs = Counter(r['_meta'][4] for r in recs)
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write(f'# {SET} statistics\n\n## All ({len(recs)})\n\n' + table(recs))
        f.write(f'\n## Dev ({len(dev)})\n\n' + table(dev))
        f.write(f'\n## Held out ({len(held)})\n\n' + table(held))
        f.write('\n## Check-digit re-checks passed\n\n' + ', '.join(f'{k}: {v}' for k, v in sorted(checked.items())) + '\n')
        for name, c in (('Languages', langs), ('Channels', chans), ('Sectors', secs)):
            f.write(f'\n## {name}\n\n' + ', '.join(f'{k} {v}' for k, v in c.most_common()) + '\n')
    print(f'ok: {len(recs)} pieces, dev {len(dev)}, held {len(held)}; checks {dict(checked)}')
