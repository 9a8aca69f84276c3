#!/usr/bin/env python3
"""Parse source.txt, check every span, write all.jsonl, dev.jsonl, heldout.jsonl, stats.md."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict
from gen import (ird_valid, nz_bank_valid, luhn_valid, aadhaar_valid, cn_id_valid,
                 iban_valid, pan_valid)

SET = 'where25'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE',
         'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
HEAD = re.compile(r'^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| (yes|no)$')
OPEN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|')

errors, warnings = [], []

def unesc(s):
    return s.replace('\\n', '\n')

def ascii_digits(s):
    out = []
    for c in s:
        if c.isdigit():
            out.append(str(unicodedata.digit(c)))
        else:
            out.append(c)
    return ''.join(out)

def parse_piece(num, raw):
    text, spans, neutral = '', [], []
    i = 0
    while i < len(raw):
        j = raw.find('{', i)
        if j < 0:
            text += unesc(raw[i:]); break
        text += unesc(raw[i:j])
        m = OPEN.match(raw, j)
        if not m:
            errors.append(f'{num}: stray "{{" at {j}: {raw[j:j+40]!r}'); text += '{'; i = j + 1; continue
        k = raw.find('}', m.end())
        if k < 0:
            errors.append(f'{num}: unclosed span'); break
        kind, role, stext = m.group(1), m.group(2), unesc(raw[m.end():k])
        if '{' in stext:
            errors.append(f'{num}: nested span {stext!r}')
        start = len(text.encode('utf-8'))
        text += stext
        end = len(text.encode('utf-8'))
        if not stext:
            errors.append(f'{num}: empty span')
        if stext != stext.strip():
            errors.append(f'{num}: outer whitespace in {stext!r}')
        if kind == 'NEUTRAL':
            if role != '-':
                errors.append(f'{num}: NEUTRAL role must be -')
            neutral.append({'start': start, 'end': end, 'kind': 'NEUTRAL', '_t': stext})
        else:
            if kind not in KINDS:
                errors.append(f'{num}: unknown kind {kind}')
            if role not in ROLES:
                errors.append(f'{num}: unknown role {role}')
            spans.append({'start': start, 'end': end, 'kind': kind, 'role': role, '_t': stext})
        i = k + 1
    if '}' in text:
        errors.append(f'{num}: stray "}}" in text')
    return text, spans, neutral

IRD_CTX = re.compile(r"GST|IRD|ird|[Tt]ax|TAX|税|कर|ਟੈਕਸ|thuế|buwis|pajak|tax number", re.I)
AADHAAR_CTX = re.compile(r'aadh?aar|आधार|ਆਧਾਰ|আধার|ஆதார்|uid', re.I)
unchecked = []

def check_numbers(num, text, sp):
    t = sp['_t']; a = ascii_digits(t); d = re.sub(r'\D', '', a)
    kind = sp['kind']
    before = text[max(0, len(text.encode()[:sp['start']].decode()) - 90):len(text.encode()[:sp['start']].decode())]
    def fail(what):
        errors.append(f'{num}: {kind} {t!r} fails {what}')
    if kind == 'CARD':
        if len(d) >= 13:
            if not luhn_valid(d): fail('Luhn')
        else:
            unchecked.append(f'{num}: CARD partial {t!r}')
    elif kind == 'BANK':
        if re.fullmatch(r'\s*\d{2}[\s-]?\d{4}[\s-]?\d{7,8}[\s-]?\d{2,3}\s*', a):
            if not nz_bank_valid(a): fail('NZ bank check')
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{11,}', t):
            if not iban_valid(t): fail('IBAN mod 97')
        else:
            unchecked.append(f'{num}: BANK {t!r}')
    elif kind == 'ID':
        compact = a.replace(' ', '').replace('-', '')
        if re.fullmatch(r'\d{17}[\dXx]', compact):
            if not cn_id_valid(compact): fail('CN ID ISO 7064')
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', compact):
            if not pan_valid(compact): fail('PAN shape')
        elif re.fullmatch(r'\d{12}', compact) and AADHAAR_CTX.search(before + t):
            if not aadhaar_valid(compact): fail('Aadhaar Verhoeff')
        elif re.fullmatch(r'\d{8,9}', compact) and IRD_CTX.search(before):
            if not ird_valid(compact): fail('IRD mod 11')
        else:
            unchecked.append(f'{num}: ID {t!r}')

def main():
    lines = open('source.txt', encoding='utf-8').read().split('\n')
    pieces, meta, seen = [], [], set()
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1; continue
        m = HEAD.match(ln)
        if not m:
            errors.append(f'line {i+1}: expected header, got {ln[:60]!r}'); i += 1; continue
        num = m.group(1)
        if num in seen: errors.append(f'{num}: duplicate number')
        seen.add(num)
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines) or lines[i].startswith('# '):
            errors.append(f'{num}: no piece text'); continue
        raw = lines[i]; i += 1
        text, spans, neutral = parse_piece(num, raw)
        for sp in spans:
            check_numbers(num, text, sp)
        pii = m.group(6)
        if pii == 'no' and spans:
            errors.append(f'{num}: pii=no but has spans')
        if pii == 'yes' and not spans:
            errors.append(f'{num}: pii=yes but no spans')
        b = text.encode('utf-8')
        for sp in spans + neutral:
            assert b[sp['start']:sp['end']].decode('utf-8') == sp['_t']
        pieces.append({'id': f'{SET}-{int(num):04d}', 'text': text,
                       'spans': [{k: s[k] for k in ('start', 'end', 'kind', 'role')} for s in spans],
                       'neutral': [{k: s[k] for k in ('start', 'end', 'kind')} for s in neutral]})
        meta.append({'num': num, 'lang': m.group(2), 'voice': m.group(3), 'channel': m.group(4),
                     'sector': m.group(5), 'pii': pii})
    for e in errors: print('ERROR', e)
    if '-q' not in sys.argv:
        for u in unchecked: print('unchecked', u)
    if errors:
        sys.exit(1)
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for p in pieces: f.write(json.dumps(p, ensure_ascii=False) + '\n')
    order = list(range(len(pieces)))
    random.Random(2525).shuffle(order)
    ndev = round(len(pieces) * 0.35)
    dev = [pieces[k] for k in order[:ndev]]; held = [pieces[k] for k in order[ndev:]]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for p in part: f.write(json.dumps(p, ensure_ascii=False) + '\n')
    # stats
    def table(part):
        c = Counter((s['kind'], s['role']) for p in part for s in p['spans'])
        kinds = sorted({k for k, _ in c}); roles = ['reporter', 'subject', 'third']
        rows = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * (len(roles) + 1)]
        for k in kinds:
            rows.append(f'| {k} | ' + ' | '.join(str(c[(k, r)]) for r in roles) + f' | {sum(c[(k, r)] for r in roles)} |')
        rows.append('| **total** | ' + ' | '.join(str(sum(c[(k, r)] for k in kinds)) for r in roles) + f' | {sum(c.values())} |')
        nn = sum(len(p['neutral']) for p in part)
        nopii = sum(1 for p in part if not p['spans'])
        lens = sorted(len(p['text']) for p in part)
        head = (f'pieces: {len(part)}; pieces with no personal detail: {nopii}; '
                f'spans: {sum(c.values())}; neutral: {nn}; length in characters min/median/max: '
                f'{lens[0]}/{lens[len(lens)//2]}/{lens[-1]}')
        return head + '\n\n' + '\n'.join(rows)
    out = ['# where25 statistics', '']
    for name, part in (('All', pieces), ('Dev (35%)', dev), ('Held out (65%)', held)):
        out += [f'## {name}', '', table(part), '']
    for field in ('lang', 'voice', 'channel', 'sector'):
        c = Counter()
        for mm in meta:
            for v in re.split(r'\s*\+\s*', mm[field]): c[v.strip()] += 1
        out += [f'## {field}', '', ', '.join(f'{k} {v}' for k, v in c.most_common()), '']
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(out))
    print(f'ok: {len(pieces)} pieces, {sum(len(p["spans"]) for p in pieces)} spans, '
          f'{sum(len(p["neutral"]) for p in pieces)} neutral; dev {len(dev)}, heldout {len(held)}')

if __name__ == '__main__':
    main()
