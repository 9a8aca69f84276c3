"""Parse source.txt, validate spans and check digits, write all/dev/heldout jsonl + stats.md."""
import json, random, re, sys, collections
import gen
SET = 'docs23'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([^|{}]*)\|([^{}]*)\}')
errors, checked, unchecked = [], collections.Counter(), []

def check_value(kind, t, ctx):
    """Return name of check applied, or None; append error if it fails."""
    s = t.strip()
    def need(name, ok):
        checked[name] += 1
        if not ok: errors.append(f'check {name} failed: {s!r}')
        return name
    if '*' in s or 'X' * 3 in s or 'x' * 3 in s or '•' in s: return None  # masked
    if kind == 'CARD':
        d = re.sub(r'[ -]', '', s)
        if d.isdigit() and 13 <= len(d) <= 19: return need('luhn', gen.luhn_ok(d))
        return None
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}', s):
            r = gen.nzbank_ok(s)
            return None if r is None else need('nzbank', r)
        if re.fullmatch(r'[A-Z]{2}\d{2}( ?[A-Z0-9]{1,4}){3,8}', s): return need('iban', gen.iban_ok(s))
        if re.fullmatch(r'62\d{2}( ?\d{4}){3}( ?\d{1,3})?', s): return need('luhn', gen.luhn_ok(s))
        return None
    if kind == 'ID':
        c = ctx.lower()
        if len(s) == 44 and '<' in s: return need('mrz', gen.mrz2_ok(s))
        if re.fullmatch(r'\d{2,3}-\d{3}-\d{3}', s) or (re.fullmatch(r'\d{8,9}|\d{2,3} \d{3} \d{3}', s) and re.search(r'ird|tax|gst|税|kodi|buwis|thuế', c) and 'tfn' not in c):
            return need('ird', gen.ird_ok(s))
        if re.fullmatch(r'\d{3} \d{3} \d{3}', s) and 'tfn' in c: return need('tfn', gen.tfn_ok(s))
        if re.fullmatch(r'\d{4} \d{4} \d{4}', s) and re.search(r'マイナンバー|個人番号|my number', c): return need('mynumber', gen.mynumber_ok(s))
        if re.fullmatch(r'\d{4} ?\d{4} ?\d{4}', s) and re.search(r'aadhaar|aadhar|आधार|ਆਧਾਰ|ஆதார்|uid', c): return need('verhoeff', gen.verhoeff_ok(s))
        if re.fullmatch(r'\d{17}[\dXx]', s): return need('cn-id', gen.cnid_ok(s))
        if re.fullmatch(r'\d{3}\.\d{3}\.\d{3}-\d{2}', s): return need('cpf', gen.cpf_ok(s))
        if re.fullmatch(r'[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d', s): return need('curp', gen.curp_ok(s))
        if re.fullmatch(r'\d-\d{4}-\d{5}-\d{2}-\d|\d{13}', s) and re.search(r'thai|บัตร|ประชาชน', c): return need('thai-id', gen.thid_ok(s))
        if re.fullmatch(r'\d{6}-[1-4]\d{6}', s): return need('kr-rrn', gen.rrn_ok(s))
        if re.fullmatch(r'[A-Z][12]\d{8}', s) and re.search(r'身分證|身份證|taiwan', c): return need('tw-id', gen.twid_ok(s))
        if re.fullmatch(r'[1-9]\d{10}', s) and re.search(r'kimlik|tc no|tckn', c): return need('tckn', gen.tckn_ok(s))
        if re.fullmatch(r'\d{13}', s) and re.search(r'south africa|rsa|sa id', c): return need('za-id', gen.luhn_ok(s))
        if re.fullmatch(r'[STFG]\d{7}[A-Z]', s): return need('nric', gen.nric_ok(s))
        if re.fullmatch(r'[XYZ]\d{7}[A-Z]|\d{8}[A-Z]', s): return need('nie/dni', gen.dni_ok(s))
        if re.fullmatch(r'[\d.]{9,10}-[\dkK]', s) and 'rut' in c: return need('rut', gen.rut_ok(s))
        return None
    return None

pieces, meta = [], []
lines = open('source.txt', encoding='utf-8').read().split('\n')
hdr = None
for ln, line in enumerate(lines, 1):
    if not line.strip(): continue
    if line.startswith('#'):
        hdr = [x.strip() for x in line[1:].split('|')]
        if len(hdr) != 6: errors.append(f'line {ln}: bad header {line!r}')
        continue
    if hdr is None: errors.append(f'line {ln}: piece without header'); continue
    num = int(hdr[0])
    text, spans, neutral, pos = '', [], [], 0
    raw = line
    for m in SPAN.finditer(raw):
        text += raw[pos:m.start()].replace('\\n', '\n')
        kind, role, t = m[1], m[2], m[3].replace('\\n', '\n')
        if not t or t != t.strip(): errors.append(f'{num}: empty/outer-space span {m[0]!r}')
        b0 = len(text.encode()); text += t; b1 = len(text.encode())
        if kind == 'NEUTRAL':
            if role != '-': errors.append(f'{num}: NEUTRAL role must be -')
            neutral.append({'start': b0, 'end': b1, 'kind': 'NEUTRAL'})
        else:
            if kind not in KINDS: errors.append(f'{num}: unknown kind {kind}')
            if role not in ROLES: errors.append(f'{num}: unknown role {role}')
            ctx = text[max(0, len(text) - len(t) - 60):len(text) - len(t)]
            if check_value(kind, t, ctx) is None and kind in ('ID', 'BANK', 'CARD'): unchecked.append((num, kind, t))
            spans.append({'start': b0, 'end': b1, 'kind': kind, 'role': role})
        pos = m.end()
    text += raw[pos:].replace('\\n', '\n')
    if re.search(r'[{}]', text) or '⟦' in text: errors.append(f'{num}: stray brace/token in text')
    allsp = sorted(spans + neutral, key=lambda s: s['start'])
    for a, b in zip(allsp, allsp[1:]):
        if b['start'] < a['end']: errors.append(f'{num}: overlap')
    if hdr[5] == 'none' and spans: errors.append(f'{num}: header says none but has spans')
    if hdr[5] != 'none' and not spans: errors.append(f'{num}: header says pii but no spans')
    pieces.append({'id': f'{SET}-{num:04d}', 'text': text, 'spans': spans, 'neutral': neutral})
    meta.append(hdr)

ids = [p['id'] for p in pieces]
if len(set(ids)) != len(ids): errors.append('duplicate ids')
for e in errors: print('ERROR', e)
if '-v' in sys.argv:
    for u in unchecked: print('unchecked', u)

def dump(fn, ps):
    with open(fn, 'w', encoding='utf-8') as f:
        for p in ps: f.write(json.dumps(p, ensure_ascii=False) + '\n')
dump('all.jsonl', pieces)
sh = pieces[:]; random.Random(2323).shuffle(sh)
k = round(len(sh) * 0.35)
dev, held = sh[:k], sh[k:]
dump('dev.jsonl', dev); dump('heldout.jsonl', held)

def table(ps, title):
    c = collections.Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    out = [f'### {title} ({len(ps)} pieces, {sum(c.values())} spans, {sum(len(p["neutral"]) for p in ps)} neutral, {sum(1 for p in ps if not p["spans"])} without PII)', '',
           '| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for kd in sorted(KINDS):
        row = [c[(kd, r)] for r in ('reporter', 'subject', 'third')]
        if sum(row): out.append(f'| {kd} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(kd, r)] for kd in KINDS) for r in ('reporter', 'subject', 'third')]
    out.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    return '\n'.join(out)
L = sorted(len(p['text']) for p in pieces)
langs = collections.Counter(m[1] for m in meta); chans = collections.Counter(m[3] for m in meta); secs = collections.Counter(m[4] for m in meta)
st = ['# docs23 stats', '', table(pieces, 'all'), '', table(dev, 'dev'), '', table(held, 'held out'), '',
      f'Lengths (chars): min {L[0]}, median {L[len(L)//2]}, max {L[-1]}, mean {sum(L)//len(L)}', '',
      f'Check digits verified: {dict(checked)}; ID/BANK/CARD spans with no checkable format: {len(unchecked)}', '',
      'Languages: ' + ', '.join(f'{a} {b}' for a, b in langs.most_common()), '',
      'Channels: ' + ', '.join(f'{a} {b}' for a, b in chans.most_common()), '',
      'Sectors: ' + ', '.join(f'{a} {b}' for a, b in secs.most_common())]
open('stats.md', 'w', encoding='utf-8').write('\n'.join(st) + '\n')
print(f'{len(pieces)} pieces, {sum(len(p["spans"]) for p in pieces)} spans, dev {len(dev)}, heldout {len(held)}, errors {len(errors)}, checked {sum(checked.values())}')
sys.exit(1 if errors else 0)
