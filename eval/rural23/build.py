"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md. Checks every span."""
import json, random, re, sys
from collections import Counter, defaultdict
from checks import *

SET = 'rural23'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP','NEUTRAL'}
ROLES = {'reporter','subject','third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors = []

def err(pid, msg):
    errors.append(f"{pid}: {msg}")

def masked(t):
    return re.search(r'[xX*•#_]{2,}|\.\.\.', t) is not None

def check_digits(pid, kind, text, before):
    ctx = before[-70:].lower()
    d = re.sub(r'\D', '', text)
    if masked(text) or not d and kind != 'ID':
        return
    if kind == 'CARD':
        if not luhn_ok(text): err(pid, f'Luhn fails: {text}')
    elif kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]?\d{4}[- ]?\d{7}[- ]?\d{2,3}', text.strip()):
            if not nzbank_ok(text): err(pid, f'NZ bank fails: {text}')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', text.strip()):
            if not iban_ok(text): err(pid, f'IBAN fails: {text}')
    elif kind == 'ID':
        t = text.strip()
        if re.fullmatch(r'\d{17}[\dXx]', t):
            if not cnid_ok(t): err(pid, f'CN ID fails: {text}')
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', t):
            if not pan_ok(t): err(pid, f'PAN shape fails: {text}')
        elif re.search(r'aadha+r|आधार|ਆਧਾਰ|uidai', ctx) and len(d) == 12:
            if not verhoeff_ok(d): err(pid, f'Aadhaar Verhoeff fails: {text}')
        elif re.search(r'\bird\b|tax (no|num|file)|ird#|ird no', ctx) and len(d) in (8, 9) and re.fullmatch(r'[\d -]+', t):
            if not ird_ok(d): err(pid, f'IRD fails: {text}')
    elif kind == 'PHONE':
        if re.fullmatch(r'(\+?63|0)\s?9[\d -]{9,12}', text.strip()) and len(d) in (11, 12):
            if not ph_mobile_ok(text): err(pid, f'PH mobile prefix fails: {text}')

def parse_line(pid, line):
    line = line.replace('\\n', '\n')
    out, spans, neutral = [], [], []
    pos = 0; blen = 0
    for m in SPAN.finditer(line):
        pre = line[pos:m.start()]
        if '{' in pre or '}' in pre:
            err(pid, f'stray brace near: {pre[-40:]!r}')
        out.append(pre); blen += len(pre.encode())
        kind, role, text = m.groups()
        if kind not in KINDS: err(pid, f'bad kind {kind}')
        if kind == 'NEUTRAL':
            if role != '-': err(pid, f'NEUTRAL role must be -: {role}')
        elif role not in ROLES: err(pid, f'bad role {role}')
        if not text: err(pid, 'empty span')
        if text != text.strip(): err(pid, f'outer whitespace: {text!r}')
        if re.match(r'^[,.;:]|[,;:]$', text): err(pid, f'punctuation edge: {text!r}')
        check_digits(pid, kind, text, ''.join(out))
        s = blen; blen += len(text.encode()); out.append(text)
        rec = {'start': s, 'end': blen, 'kind': kind}
        if kind == 'NEUTRAL': neutral.append(rec)
        else: rec['role'] = role; spans.append(rec)
        pos = m.end()
    rest = line[pos:]
    if '{' in rest or '}' in rest:
        err(pid, f'stray brace near: {rest[:40]!r}')
    out.append(rest)
    return ''.join(out), spans, neutral

def load(path='source.txt'):
    pieces = []
    header = None
    for ln, raw in enumerate(open(path, encoding='utf-8'), 1):
        raw = raw.rstrip('\n')
        if not raw.strip():
            continue
        if raw.startswith('#'):
            header = [h.strip() for h in raw[1:].split('|')]
            if len(header) != 6: err(f'line {ln}', f'bad header {raw}')
            continue
        if header is None:
            err(f'line {ln}', 'piece without header'); continue
        num = header[0]
        pid = f'{SET}-{int(num):04d}'
        text, spans, neutral = parse_line(pid, raw)
        pii = header[5]
        if pii == 'none' and spans: err(pid, 'header says none but has spans')
        if pii != 'none' and not spans: err(pid, 'header says pii but no spans')
        pieces.append({'id': pid, 'text': text, 'spans': spans, 'neutral': neutral,
                       'meta': dict(zip(['num','lang','voice','channel','sector','pii'], header))})
        header = None
    ids = [p['id'] for p in pieces]
    for i, c in Counter(ids).items():
        if c > 1: err(i, 'duplicate id')
    for p in pieces:
        allsp = sorted(p['spans'] + p['neutral'], key=lambda s: s['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: err(p['id'], 'overlap')
    return pieces

def table(pieces):
    c = Counter((s['kind'], s['role']) for p in pieces for s in p['spans'])
    kinds = sorted({k for k, _ in c})
    rows = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        rows.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    tot = [sum(c[(k, x)] for k in kinds) for x in ('reporter', 'subject', 'third')]
    rows.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    neu = sum(len(p['neutral']) for p in pieces)
    rows.append(f'\nNEUTRAL spans: {neu}; pieces: {len(pieces)}; with no personal detail: {sum(1 for p in pieces if not p["spans"])}')
    return '\n'.join(rows)

def main():
    pieces = load()
    if errors:
        print('\n'.join(errors)); print(f'{len(errors)} errors'); sys.exit(1)
    def dump(fn, ps):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in ps:
                f.write(json.dumps({'id': p['id'], 'text': p['text'], 'spans': p['spans'], 'neutral': p['neutral']}, ensure_ascii=False) + '\n')
    dump('all.jsonl', pieces)
    sh = pieces[:]
    random.Random(23).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sorted(sh[:k], key=lambda p: p['id']), sorted(sh[k:], key=lambda p: p['id'])
    dump('dev.jsonl', dev); dump('heldout.jsonl', held)
    lens = sorted(len(p['text']) for p in pieces)
    md = [f'# Stats for {SET}\n', f'Pieces: {len(pieces)}  (dev {len(dev)}, held out {len(held)})\n',
          f'Length in characters: min {lens[0]}, median {lens[len(lens)//2]}, mean {sum(lens)//len(lens)}, max {lens[-1]}\n']
    for name, ps in (('All', pieces), ('Dev', dev), ('Held out', held)):
        md.append(f'## {name}\n\n' + table(ps) + '\n')
    for fld in ('lang', 'channel', 'sector', 'voice'):
        c = Counter(p['meta'][fld] for p in pieces)
        md.append(f'## By {fld}\n\n' + ', '.join(f'{a}: {b}' for a, b in c.most_common()) + '\n')
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(md))
    print(f'OK {len(pieces)} pieces, dev {len(dev)}, held {len(held)}')
    print(table(pieces))

if __name__ == '__main__':
    main()
