"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md. Checks every span."""
import json, re, random, sys, collections
from checks import *
SET = 'self27'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}')
errors = []

def err(n, msg):
    errors.append(f'piece {n}: {msg}')

def check_value(n, kind, text, before):
    digits = re.sub(r'\D', '', text)
    ctx = before[-60:].lower()
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[\s-]\d{4}[\s-]\d{7}[\s-]\d{2,4}', text.strip()):
            if not nzbank_valid(text): err(n, f'bad NZ bank {text}')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[\sA-Z0-9]{10,40}', text):
            if not iban_valid(text): err(n, f'bad IBAN {text}')
    elif kind == 'CARD':
        if len(digits) >= 13 and not luhn_valid(text): err(n, f'bad Luhn {text}')
    elif kind == 'ID':
        t = text.strip()
        if re.fullmatch(r'\d{3}[\s-]?\d{3}[\s-]?\d{3}|\d{2}[\s-]\d{3}[\s-]\d{3}', t) or \
           (len(digits) in (8, 9) and re.search(r'ird|tax|takoha|税', ctx)):
            if not ird_valid(t): err(n, f'bad IRD {text}')
        elif re.fullmatch(r'\d{4}\s?\d{4}\s?\d{4}', t):
            if not aadhaar_valid(t): err(n, f'bad Aadhaar {text}')
        elif re.fullmatch(r'\d{17}[\dXx]', t):
            if not cnid_valid(t): err(n, f'bad CN ID {text}')
        elif re.fullmatch(r'[A-Z]{3}P[A-Z]\d{4}[A-Z]', t):
            if not pan_valid(t): err(n, f'bad PAN {text}')

def parse(src):
    pieces, header = [], None
    for ln, line in enumerate(src.split('\n'), 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            header = line[1:].strip()
            continue
        if header is None:
            err(ln, 'no header'); continue
        n = len(pieces) + 1
        raw = line.replace('\\n', '\n')
        out, spans, neutral, pos, bpos = [], [], [], 0, 0
        for m in SPAN.finditer(raw):
            pre = raw[pos:m.start()]
            out.append(pre); bpos += len(pre.encode())
            kind, role, text = m.groups()
            if not text or text != text.strip(): err(n, f'empty/outer whitespace span {m.group(0)!r}')
            b = len(text.encode())
            if kind == 'NEUTRAL':
                if role != '-': err(n, f'neutral role {role}')
                neutral.append({'start': bpos, 'end': bpos + b, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: err(n, f'bad kind {kind}')
                if role not in ROLES: err(n, f'bad role {role}')
                check_value(n, kind, text, ''.join(out))
                spans.append({'start': bpos, 'end': bpos + b, 'kind': kind, 'role': role})
            out.append(text); bpos += b; pos = m.end()
        out.append(raw[pos:])
        text = ''.join(out)
        if re.search(r'[{}]', text): err(n, f'stray brace: {text[:80]!r}')
        allsp = sorted(spans + neutral, key=lambda s: s['start'])
        for a, c in zip(allsp, allsp[1:]):
            if c['start'] < a['end']: err(n, 'overlap')
        h = [x.strip() for x in header.split('|')]
        if len(h) != 6: err(n, f'bad header {header}')
        pieces.append({'id': f'{SET}-{n:04d}', 'text': text, 'spans': spans, 'neutral': neutral, '_h': h})
    return pieces

def table(ps):
    c = collections.Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    rows = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in sorted(KINDS):
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        rows.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    tot = [sum(c[(k, x)] for k in KINDS) for x in ('reporter', 'subject', 'third')]
    rows.append('| **total** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(p['neutral']) for p in ps)
    empty = sum(1 for p in ps if not p['spans'])
    L = sorted(len(p['text']) for p in ps)
    return '\n'.join(rows) + f'\n\npieces: {len(ps)}; with no spans: {empty}; NEUTRAL spans: {nn}; ' \
        f'length chars min/median/max: {L[0]}/{L[len(L)//2]}/{L[-1]}\n'

def main():
    ps = parse(open('source.txt', encoding='utf-8').read())
    for p in ps:  # verify offsets
        bt = p['text'].encode()
        for s in p['spans'] + p['neutral']:
            assert bt[s['start']:s['end']].decode()
    if errors:
        print('\n'.join(errors)); sys.exit(1)
    def dump(fn, xs):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in xs:
                f.write(json.dumps({k: p[k] for k in ('id', 'text', 'spans', 'neutral')}, ensure_ascii=False) + '\n')
    dump('all.jsonl', ps)
    sh = ps[:]; random.Random(27).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, ho = sh[:k], sh[k:]
    dump('dev.jsonl', dev); dump('heldout.jsonl', ho)
    langs = collections.Counter(p['_h'][1] for p in ps)
    chans = collections.Counter(p['_h'][3] for p in ps)
    secs = collections.Counter(p['_h'][4] for p in ps)
    md = f'# stats for {SET}\n\n## all\n{table(ps)}\n## dev ({len(dev)})\n{table(dev)}\n## held out ({len(ho)})\n{table(ho)}\n'
    md += '\n## languages\n' + ', '.join(f'{a}: {b}' for a, b in langs.most_common())
    md += '\n\n## channels\n' + ', '.join(f'{a}: {b}' for a, b in chans.most_common())
    md += '\n\n## sectors\n' + ', '.join(f'{a}: {b}' for a, b in secs.most_common()) + '\n'
    open('stats.md', 'w', encoding='utf-8').write(md)
    print(f'ok: {len(ps)} pieces, dev {len(dev)}, held out {len(ho)}')
    print(table(ps))

if __name__ == '__main__':
    main()
