"""Parse source.txt, check spans, write all.jsonl / dev.jsonl / heldout.jsonl / stats.md."""
import json, re, random, sys, statistics
from collections import Counter
from checks import *

SET = 'follow12'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}')
errors = []

def err(n, msg):
    errors.append(f'piece {n}: {msg}')

def check_digits(n, kind, text, before):
    b = before[-70:].lower()
    t = text.strip()
    if kind == 'CARD':
        if re.search(r'[x*•X]', t):
            return 'masked'
        if not luhn_ok(t):
            err(n, f'card fails Luhn: {t}')
        return 'luhn'
    if kind == 'BANK':
        r = nz_bank_ok(t)
        if r is False:
            err(n, f'NZ bank account fails check: {t}')
        if r is not None:
            return 'nzbank'
        if re.match(r'^[A-Z]{2}\d{2}[ A-Z0-9]+$', t) and len(t.replace(' ', '')) >= 15:
            if not iban_ok(t):
                err(n, f'IBAN fails mod 97: {t}')
            return 'iban'
        return None
    if kind == 'ID':
        if re.match(r'^\d{2,3}[- ]\d{3}[- ]\d{3}$', t) or re.search(r'\bird\b|tax|税号|कर', b):
            if digits(t) and len(digits(t)) in (8, 9):
                if not ird_ok(t):
                    err(n, f'IRD fails mod 11: {t}')
                return 'ird'
        if re.match(r'^\d{17}[\dX]$', t):
            if not cn_id_ok(t):
                err(n, f'China ID fails ISO 7064: {t}')
            return 'cnid'
        if (re.search(r'aadhaa?r|आधार|ਆਧਾਰ', b) and not re.search(r'[A-Za-z]', t)) or re.match(r'^\d{4} \d{4} \d{4}$', t):
            if not aadhaar_ok(t):
                err(n, f'Aadhaar fails Verhoeff: {t}')
            return 'aadhaar'
        if re.search(r'\bpan\b', b) or re.match(r'^[A-Z]{5}\d{4}[A-Z]$', t):
            if not pan_ok(t):
                err(n, f'PAN bad shape: {t}')
            return 'pan'
        if re.match(r'^\d-\d{4}-\d{5}-\d{2}-\d$', t) or re.search(r'บัตรประชาชน|thai id', b):
            if not thai_ok(t):
                err(n, f'Thai ID fails: {t}')
            return 'thai'
        return None
    if kind == 'PHONE':
        d = digits(t)
        if re.search(r'[xX*]{2,}|…|\.\.\.', t) or len(d) < 6:
            return 'partial'
        if t.startswith('+63') or (d.startswith('09') and len(d) == 11) or d.startswith('639'):
            if not ph_mobile_ok(t):
                err(n, f'PH mobile bad: {t}')
            return 'ph'
        if d.startswith('642') or (t.startswith('02') and not t.startswith('02 ')):
            nat = '0' + d[2:] if d.startswith('64') else d
            if not 9 <= len(nat) <= 11:
                err(n, f'NZ mobile bad length: {t}')
            return 'nzmob'
        return None
    return None

def parse():
    pieces = []
    meta = None
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            parts = [p.strip() for p in line[1:].split('|')]
            if len(parts) != 6:
                errors.append(f'line {ln}: bad comment {line}')
            meta = parts
            continue
        if meta is None:
            errors.append(f'line {ln}: piece without comment')
        n = len(pieces) + 1
        raw = line.replace('\\n', '\n')
        text, spans, neutral = b'', [], []
        pos = 0
        checks = Counter()
        for m in SPAN.finditer(raw):
            pre = raw[pos:m.start()]
            if '{' in pre or '}' in pre:
                err(n, f'stray brace near: {pre[-40:]!r}')
            text += pre.encode()
            kind, role, st = m.groups()
            if not st or st != st.strip():
                err(n, f'empty or padded span {m.group(0)!r}')
            start = len(text)
            text += st.encode()
            end = len(text)
            if kind == 'NEUTRAL':
                if role != '-':
                    err(n, f'NEUTRAL role must be -: {m.group(0)}')
                neutral.append({'start': start, 'end': end, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS:
                    err(n, f'unknown kind {kind}')
                if role not in ROLES:
                    err(n, f'unknown role {role}')
                c = check_digits(n, kind, st, text.decode('utf-8', 'replace'))
                if c:
                    checks[c] += 1
                spans.append({'start': start, 'end': end, 'kind': kind, 'role': role})
            pos = m.end()
        rest = raw[pos:]
        if '{' in rest or '}' in rest:
            err(n, f'stray brace near: {rest[:40]!r}')
        text += rest.encode()
        s = text.decode('utf-8')
        if meta and meta[0].lstrip('0') != str(n):
            err(n, f'comment number {meta[0]} != {n}')
        if meta and meta[5] not in ('yes', 'no'):
            err(n, f'pii field must be yes/no: {meta[5]}')
        if meta and (meta[5] == 'yes') != bool(spans):
            err(n, f'pii={meta[5]} but {len(spans)} spans')
        allsp = sorted(spans + neutral, key=lambda x: x['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']:
                err(n, 'overlapping spans')
        pieces.append({'id': f'{SET}-{n:04d}', 'text': s, 'spans': spans, 'neutral': neutral,
                       '_meta': meta, '_checks': checks})
        meta = None
    return pieces

def table(ps, title):
    c = Counter((sp['kind'], sp['role']) for p in ps for sp in p['spans'])
    kinds = sorted({k for k, _ in c})
    roles = ['reporter', 'subject', 'third']
    out = [f'### {title} ({len(ps)} pieces, {sum(c.values())} spans, '
           f'{sum(1 for p in ps if not p["spans"])} without personal details, '
           f'{sum(len(p["neutral"]) for p in ps)} neutral)', '',
           '| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * (len(roles) + 1)]
    for k in kinds:
        out.append(f'| {k} | ' + ' | '.join(str(c[(k, r)]) for r in roles) + f' | {sum(c[(k, r)] for r in roles)} |')
    out.append('| total | ' + ' | '.join(str(sum(v for (k, r), v in c.items() if r == rr)) for rr in roles) + f' | {sum(c.values())} |')
    return '\n'.join(out) + '\n'

def main():
    pieces = parse()
    if errors:
        print('\n'.join(errors))
        print(f'{len(errors)} ERRORS')
        sys.exit(1)
    def clean(p):
        return {k: p[k] for k in ('id', 'text', 'spans', 'neutral')}
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for p in pieces:
            f.write(json.dumps(clean(p), ensure_ascii=False) + '\n')
    order = list(range(len(pieces)))
    random.Random(12012).shuffle(order)
    k = round(len(pieces) * 0.35)
    dev = [pieces[i] for i in order[:k]]
    held = [pieces[i] for i in order[k:]]
    for name, ps in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for p in sorted(ps, key=lambda x: x['id']):
                f.write(json.dumps(clean(p), ensure_ascii=False) + '\n')
    lens = [len(p['text']) for p in pieces]
    langs = Counter(l.strip() for p in pieces for l in p['_meta'][1].split('+'))
    chans = Counter(p['_meta'][3] for p in pieces)
    voices = Counter(p['_meta'][2] for p in pieces)
    sectors = Counter(p['_meta'][4] for p in pieces)
    chk = sum((p['_checks'] for p in pieces), Counter())
    st = ['# follow12 statistics', '',
          f'Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)}). '
          f'Length in characters: min {min(lens)}, median {int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}.', '',
          table(pieces, 'All'), table(dev, 'Dev'), table(held, 'Held out'),
          '### Check-digit validations performed by build.py', '', ', '.join(f'{k}: {v}' for k, v in sorted(chk.items())), '',
          '### Languages (a piece may count under several)', '', ', '.join(f'{k} {v}' for k, v in langs.most_common()), '',
          '### Voices', '', ', '.join(f'{k} {v}' for k, v in voices.most_common()), '',
          '### Channels', '', ', '.join(f'{k} {v}' for k, v in chans.most_common()), '',
          '### Sectors', '', ', '.join(f'{k} {v}' for k, v in sectors.most_common()), '']
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(st))
    print(f'OK {len(pieces)} pieces, {sum(len(p["spans"]) for p in pieces)} spans; dev {len(dev)} held {len(held)}; checks {dict(chk)}')

if __name__ == '__main__':
    main()
