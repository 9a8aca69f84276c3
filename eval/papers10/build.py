"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md. Checks spans and check digits."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict
from checks import *

SET = 'papers10'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
errors, notes = [], []
checked = Counter()
unchecked = []

def ascii_digits(s):
    return ''.join(str(unicodedata.digit(c)) if unicodedata.category(c) == 'Nd' else c for c in s)

def check_value(pid, kind, text, before):
    t = ascii_digits(text)
    ctx = before[-90:].lower()
    if re.search(r'[xX*•#]{2,}|\.\.\.', t) and kind in ('CARD', 'BANK', 'ID'):
        checked['masked'] += 1
        return
    d = re.sub(r'\D', '', t)
    def need(ok, name):
        checked[name] += 1
        if not ok:
            errors.append(f'{pid}: {kind} {text!r} fails {name} check')
    if kind == 'CARD':
        if len(d) >= 12:
            need(luhn_ok(d), 'luhn')
        else:
            unchecked.append((pid, kind, text))
        return
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[\s-]*\d{4}[\s-]*\d{7}[\s-]*\d{2,3}', t.strip()):
            need(nzbank_ok(t), 'nzbank')
        elif re.fullmatch(r'62\d{14,17}', d) and re.fullmatch(r'[\d ]+', t.strip()):
            need(luhn_ok(d), 'unionpay-luhn')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', t.strip()):
            need(iban_ok(t), 'iban')
        else:
            unchecked.append((pid, kind, text))
        return
    if kind != 'ID':
        return
    tt = t.strip()
    if re.fullmatch(r'\d{17}[\dXx]', re.sub(r'\s', '', tt)):
        need(cnid_ok(tt), 'cn-id')
    elif len(tt) == 44 and '<' in tt:
        need(mrz2_ok(tt), 'mrz')
    elif re.fullmatch(r'[A-Z]{3}\d{4}', tt) and 'nhi' in ctx:
        need(nhi_ok(tt), 'nhi')
    elif re.fullmatch(r'\d{1,2}\.\d{3}\.\d{3}-[\dkK]', tt) or 'rut' in ctx:
        need(rut_ok(tt), 'rut')
    elif re.fullmatch(r'\d{3}\.\d{3}\.\d{3}-\d{2}', tt) or 'cpf' in ctx:
        need(cpf_ok(tt), 'cpf')
    elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', tt):
        need(pan_ok(tt), 'pan-shape')
    elif ('tfn' in ctx or 'tax file' in ctx) and len(d) == 9:
        need(tfn_ok(d), 'tfn')
    elif re.search(r'\bird\b|inland revenue|tax number|tax no|\btax\b', ctx) and len(d) in (8, 9) and len(d) == len(re.sub(r'[\s-]', '', tt)):
        need(ird_ok(d), 'ird')
    elif re.search(r'aadh?aa?r|आधार|uidai|ஆதார்', ctx) or (re.fullmatch(r'[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}', tt) and not re.search(r'nic|cccd|căn cước|cmnd|nik|ktp', ctx)):
        need(aadhaar_ok(d), 'aadhaar')
    else:
        unchecked.append((pid, kind, text))

def parse(path):
    pieces, head = [], None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('##'):
            continue
        if line.startswith('#'):
            f = [x.strip() for x in line[1:].split('|')]
            if len(f) != 6:
                errors.append(f'line {ln}: bad header {line!r}')
            head = (ln, f)
            continue
        if head is None:
            errors.append(f'line {ln}: piece without header'); continue
        pieces.append((head, line)); head = None
    return pieces

def build_piece(num, fields, raw):
    pid = f'{SET}-{num:04d}'
    raw = raw.replace('\\n', '\n')
    text, spans, neutral, pos = '', [], [], 0
    for m in SPAN.finditer(raw):
        text += raw[pos:m.start()]
        kind, role, val = m.groups()
        if not val or val != val.strip():
            errors.append(f'{pid}: empty/whitespace span {m.group(0)!r}')
        b0 = len(text.encode('utf-8'))
        check_value(pid, kind, val, text)
        text += val
        b1 = len(text.encode('utf-8'))
        if kind == 'NEUTRAL':
            if role != '-':
                errors.append(f'{pid}: NEUTRAL needs role -')
            neutral.append({'start': b0, 'end': b1, 'kind': 'NEUTRAL'})
        else:
            if kind not in KINDS:
                errors.append(f'{pid}: unknown kind {kind}')
            if role not in ROLES:
                errors.append(f'{pid}: unknown role {role}')
            spans.append({'start': b0, 'end': b1, 'kind': kind, 'role': role})
        pos = m.end()
    text += raw[pos:]
    for ch in '{}':
        if ch in text:
            errors.append(f'{pid}: stray {ch} (malformed span?) near {text[max(0, text.find(ch) - 30):text.find(ch) + 30]!r}')
    allsp = sorted(spans + neutral, key=lambda s: s['start'])
    for a, b in zip(allsp, allsp[1:]):
        if b['start'] < a['end']:
            errors.append(f'{pid}: overlapping spans')
    bt = text.encode('utf-8')
    for s in allsp:
        seg = bt[s['start']:s['end']].decode('utf-8')
        if not seg or seg != seg.strip():
            errors.append(f'{pid}: bad offsets')
    pii = fields[5]
    if pii not in ('yes', 'no'):
        errors.append(f'{pid}: pii field must be yes/no')
    if (pii == 'yes') != bool(spans):
        errors.append(f'{pid}: pii={pii} but {len(spans)} spans')
    try:
        if int(fields[0]) != num:
            errors.append(f'{pid}: header number {fields[0]} out of sequence')
    except ValueError:
        errors.append(f'{pid}: header number not int')
    return {'id': pid, 'text': text, 'spans': spans, 'neutral': neutral}, fields

def table(objs, title):
    c = Counter((s['kind'], s['role']) for o in objs for s in o['spans'])
    kinds = sorted({k for k, _ in c})
    rows = [f'### {title}', '', f'pieces: {len(objs)}; with personal details: {sum(1 for o in objs if o["spans"])}; '
            f'without: {sum(1 for o in objs if not o["spans"])}; spans: {sum(c.values())}; '
            f'neutral: {sum(len(o["neutral"]) for o in objs)}', '',
            '| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        rows.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    r = [sum(c[(k, x)] for k in kinds) for x in ('reporter', 'subject', 'third')]
    rows.append('| **all** | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    return rows + ['']

def main():
    pieces = parse('source.txt')
    objs, metas = [], []
    for i, ((ln, f), raw) in enumerate(pieces, 1):
        o, m = build_piece(i, f, raw)
        objs.append(o); metas.append(m)
    with open('all.jsonl', 'w', encoding='utf-8') as fh:
        for o in objs:
            fh.write(json.dumps(o, ensure_ascii=False) + '\n')
    order = list(range(len(objs)))
    random.Random(1010).shuffle(order)
    ndev = round(len(objs) * 0.35)
    dev = [objs[i] for i in order[:ndev]]
    held = [objs[i] for i in order[ndev:]]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as fh:
            for o in sorted(part, key=lambda o: o['id']):
                fh.write(json.dumps(o, ensure_ascii=False) + '\n')
    lens = sorted(len(o['text']) for o in objs)
    st = ['# papers10 statistics', '', f'pieces: {len(objs)}; dev: {len(dev)}; held out: {len(held)}', '']
    if lens:
        st += [f'length in characters: min {lens[0]}, median {lens[len(lens) // 2]}, mean {sum(lens) // len(lens)}, max {lens[-1]}', '']
    st += table(objs, 'all') + table(dev, 'dev') + table(held, 'held out')
    for idx, nm in ((1, 'language'), (2, 'voice'), (3, 'channel'), (4, 'sector')):
        c = Counter(m[idx] for m in metas)
        st += [f'### by {nm}', '', ', '.join(f'{k} {v}' for k, v in c.most_common()), '']
    st += ['### check digits verified by build.py', '', ', '.join(f'{k} {v}' for k, v in sorted(checked.items())), '',
           f'ID/BANK/CARD spans with no public check digit (shape only): {len(unchecked)}', '']
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(st))
    with open('unchecked.txt', 'w', encoding='utf-8') as fh:
        for u in unchecked:
            fh.write('\t'.join(u) + '\n')
    seen = {}
    for o in objs:
        tb = o['text'].encode('utf-8')
        for sp in o['spans']:
            if sp['kind'] in ('NAME', 'DOB'):
                continue
            v = re.sub(r'\W', '', tb[sp['start']:sp['end']].decode('utf-8')).lower()
            if v in seen and seen[v] != o['id']:
                print('WARN duplicate value across pieces', seen[v], o['id'], v)
            seen.setdefault(v, o['id'])
    for e in errors:
        print('ERROR', e)
    print(f'{len(objs)} pieces, {sum(len(o["spans"]) for o in objs)} spans, {len(errors)} errors; checks: {dict(checked)}; unchecked {len(unchecked)}')
    sys.exit(1 if errors else 0)

if __name__ == '__main__':
    main()
