"""Build set mix17 from source.txt.

Parses the inline labels, checks every span, writes all.jsonl, dev.jsonl,
heldout.jsonl and stats.md.  Exits non-zero on any error.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

import checks as C

SET = 'mix17'
KINDS = ['NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP']
ROLES = ['reporter', 'subject', 'third']
HEAD = re.compile(r'^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+)$')
SPAN = re.compile(r'\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}')
MASK = re.compile(r'[*•…]|x{2,}|X{3,}|\.\.\.')

NUMWORDS = {'zero': '0', 'oh': '0', 'o': '0', 'nought': '0', 'one': '1', 'two': '2', 'three': '3',
            'four': '4', 'five': '5', 'six': '6', 'seven': '7', 'eight': '8', 'nine': '9'}

errors, warnings, notes = [], [], []
TITLE_PRE = (r'(?i)(mr|mrs|ms|dr|miss|mx|boss|kuya|ate|tita|tito|auntie|aunty|uncle|sir|madam|pak|bapak|bu|ibu|mas|mbak|'
             r'tuan|kak|anh|chị|chú|cô|ông|bà|em|señor|señora|sr|sra|don|doña|lola|lolo|nanay|tatay|mama|papa|'
             r'sahib|ustad|aunt|bro|sis|father|fr|pastor|rev|sister|brother|matua|whaea|koro|nana|hyung|oppa|encik|puan|tauke|cik|haji|hajjah|abang|mak|ông|khun|phi|nong|ma\'am)\.?\s')
TITLE_SUF = r'(?i)(\s(ji|bhai|paaji|sahib|sir|san|sama|didi|dai|bhaiya|anna|akka|thambi|aiya)|さん|様|씨|님|先生|老板|哥|姐)$'


def err(pid, msg):
    errors.append(f'{pid}: {msg}')


def warn(pid, msg):
    warnings.append(f'{pid}: {msg}')


def load_registry():
    reg = defaultdict(set)
    for line in list(open('numbers.tsv', encoding='utf-8')) + list(open('manual.tsv', encoding='utf-8')):
        if line.startswith('#') or not line.strip():
            continue
        t, v = line.rstrip('\n').split('\t')
        reg[C.alnum(v)].add(t)
        if t == 'nz_ird':
            reg[C.alnum(v).lstrip('0')].add(t)
    return reg


def words_to_digits(s):
    toks = re.findall(r'[a-z]+|\d', s.lower())
    out, rep = [], 1
    for t in toks:
        if t == 'double':
            rep = 2
        elif t == 'triple':
            rep = 3
        elif t in NUMWORDS or t.isdigit():
            out.append((NUMWORDS.get(t) or t) * rep)
            rep = 1
    return ''.join(out)


def check_number(pid, kind, text, reg):
    if MASK.search(text):
        notes.append(f'{pid}: masked {kind} {text!r} not checked')
        return
    key = C.alnum(text)
    nd = len(C.digits(text))
    if nd < 6 and re.search(r'[a-z]{3}', text.lower()):
        key2 = words_to_digits(text)
        if len(key2) >= 6:
            key = key2
            nd = len(key2)
    if key in reg:
        for t in reg[key]:
            if not C.validate(t, key):
                err(pid, f'{kind} {text!r} fails {t}')
        return
    # the span may carry a short prefix such as a country letter group; try digits only
    if C.digits(text) in reg:
        return
    if nd >= 6:
        # unknown but long: flag any that looks like a checked format and fails
        if kind == 'CARD' and not C.luhn_ok(text):
            err(pid, f'CARD {text!r} fails Luhn and is not registered')
        elif kind == 'BANK' and re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,}', key) and not C.iban_ok(key):
            err(pid, f'IBAN-like {text!r} fails mod 97')
        else:
            warn(pid, f'{kind} {text!r} not in numbers.tsv')
    else:
        notes.append(f'{pid}: short/partial {kind} {text!r} not checked')


def check_phone(pid, text):
    if MASK.search(text):
        return
    d = C.digits(text)
    if len(d) < 6:
        d2 = words_to_digits(text)
        if len(d2) > len(d):
            d = d2
    if len(d) < 6:
        notes.append(f'{pid}: short/partial PHONE {text!r}')
        return
    if d.startswith('00'):
        d = d[2:]
    if d.startswith('639') and len(d) != 12:
        err(pid, f'PH mobile {text!r} wrong length')
    if d.startswith('09') and len(d) not in (9, 10, 11):
        err(pid, f'09 number {text!r} wrong length')
    if d.startswith('642') and not (10 <= len(d) <= 12):
        err(pid, f'NZ mobile {text!r} wrong length')
    if d.startswith('02') and not (9 <= len(d) <= 11):
        err(pid, f'NZ mobile {text!r} wrong length')


def parse():
    pieces = []
    cur = None
    for ln, line in enumerate(open('source.txt', encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('#'):
            m = HEAD.match(line)
            if m:
                if cur and cur.get('raw') is None:
                    err(cur['num'], 'header without text')
                cur = {'num': m.group(1), 'lang': m.group(2).strip(), 'voice': m.group(3).strip(),
                       'channel': m.group(4).strip(), 'sector': m.group(5).strip(),
                       'pii': m.group(6).strip(), 'raw': None, 'line': ln}
                pieces.append(cur)
            elif line.startswith('# ') and re.match(r'# \d', line):
                err(f'line {ln}', 'malformed header')
            continue
        if cur is None or cur['raw'] is not None:
            err(f'line {ln}', 'text line without header')
            continue
        cur['raw'] = line
    return pieces


def convert(p, reg):
    pid = p['num']
    raw = p['raw']
    text, spans, neutral = '', [], []
    pos = 0
    for m in SPAN.finditer(raw):
        chunk = raw[pos:m.start()]
        if '{' in chunk or '}' in chunk:
            err(pid, f'stray brace near {chunk[-40:]!r}')
        text += chunk.replace('\\n', '\n')
        kind, role, val = m.groups()
        val_t = val.replace('\\n', '\n')
        if not val_t:
            err(pid, 'empty span')
        if val_t != val_t.strip():
            err(pid, f'outer whitespace in {val!r}')
        if kind == 'NEUTRAL':
            if role != '-':
                err(pid, f'NEUTRAL with role {role}')
            if re.fullmatch(r'\d{7}', val_t):  # IMO ship number, check digit
                if sum(int(a) * w for a, w in zip(val_t, [7, 6, 5, 4, 3, 2])) % 10 != int(val_t[6]):
                    err(pid, f'IMO number {val_t} fails check digit')
        else:
            if kind not in KINDS:
                err(pid, f'unknown kind {kind}')
            if role not in ROLES:
                err(pid, f'unknown role {role}')
        start = len(text.encode('utf-8'))
        text += val_t
        end = len(text.encode('utf-8'))
        rec = {'start': start, 'end': end, 'kind': kind}
        if kind == 'NEUTRAL':
            neutral.append(rec)
        else:
            rec['role'] = role
            spans.append(rec)
            if kind in ('ID', 'BANK', 'CARD'):
                check_number(pid, kind, val_t, reg)
            if kind == 'PHONE':
                check_phone(pid, val_t)
            if kind == 'EMAIL' and '@' not in val_t and not re.search(r'(?i)\b(at|arroba)\b', val_t):
                warn(pid, f'EMAIL without @/at: {val_t!r}')
            if kind == 'NAME' and (re.match(TITLE_PRE, val_t) or re.search(TITLE_SUF, val_t)):
                err(pid, f'title inside NAME {val_t!r}')
        pos = m.end()
    tail = raw[pos:]
    if '{' in tail or '}' in tail:
        err(pid, f'stray brace near {tail[:40]!r}')
    text += tail.replace('\\n', '\n')
    # MRZ lines
    for line in text.split('\n'):
        s = line.strip()
        if re.fullmatch(r'[A-Z0-9<]{44}', s) and not s.startswith('P<'):
            if not C.mrz_line2_ok(s):
                err(pid, f'MRZ line fails check digits: {s}')
    # overlap
    allsp = sorted(spans + neutral, key=lambda r: r['start'])
    for a, b in zip(allsp, allsp[1:]):
        if b['start'] < a['end']:
            err(pid, 'overlapping spans')
    # header pii field
    kinds = sorted({s['kind'] for s in spans})
    if p['pii'] == 'none':
        if spans:
            err(pid, 'header says none but has spans')
    else:
        declared = sorted(k.strip() for k in p['pii'].split(','))
        if declared != kinds:
            err(pid, f'header pii {declared} != spans {kinds}')
    return {'id': f'{SET}-{int(pid):04d}', 'text': text, 'spans': spans, 'neutral': neutral,
            'meta': {k: p[k] for k in ('lang', 'voice', 'channel', 'sector')}}


def table(recs):
    c = Counter()
    for r in recs:
        for s in r['spans']:
            c[(s['kind'], s['role'])] += 1
    lines = ['| kind | reporter | subject | third | total |', '|---|---:|---:|---:|---:|']
    for k in KINDS:
        row = [c[(k, ro)] for ro in ROLES]
        lines.append(f'| {k} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(k, ro)] for k in KINDS) for ro in ROLES]
    lines.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(r['neutral']) for r in recs)
    lines.append(f'\nNEUTRAL look-alikes: {nn}')
    return '\n'.join(lines)


def summary(name, recs):
    lens = [len(r['text']) for r in recs]
    nopii = sum(1 for r in recs if not r['spans'])
    out = [f'## {name}', '',
           f'pieces: {len(recs)}; without personal detail: {nopii}; spans: {sum(len(r["spans"]) for r in recs)}',
           f'length in characters: min {min(lens)}, median {int(statistics.median(lens))}, max {max(lens)}', '',
           table(recs), '']
    return '\n'.join(out)


def main():
    reg = load_registry()
    pieces = parse()
    nums = [p['num'] for p in pieces]
    if len(set(nums)) != len(nums):
        err('set', f'duplicate numbers {[n for n, c in Counter(nums).items() if c > 1]}')
    if nums != sorted(nums):
        warn('set', 'pieces not in number order')
    recs = [convert(p, reg) for p in pieces if p['raw'] is not None]
    for r in recs:
        if len(r['text']) > 2200:
            warn(r['id'], f'long piece {len(r["text"])} chars')
    seen = defaultdict(set)
    for r in recs:
        tb = r['text'].encode('utf-8')
        for s in r['spans']:
            if s['kind'] in ('NAME', 'ADDRESS', 'DOB'):
                continue
            v = C.alnum(tb[s['start']:s['end']].decode('utf-8'))
            if len(v) >= 6:
                seen[v].add(r['id'])
    for v, ids in seen.items():
        if len(ids) > 1:
            warn('set', f'value {v} appears in {sorted(ids)}')
    texts = Counter(r['text'] for r in recs)
    for t, c in texts.items():
        if c > 1:
            err('set', f'duplicate text {t[:50]!r}')
    for w in warnings:
        print('WARN', w)
    if '-v' in sys.argv:
        for n in notes:
            print('NOTE', n)
    if errors:
        for e in errors:
            print('ERROR', e)
        print(f'{len(errors)} errors')
        sys.exit(1)

    def dump(fn, rs):
        with open(fn, 'w', encoding='utf-8') as f:
            for r in rs:
                o = {'id': r['id'], 'text': r['text'], 'spans': r['spans'], 'neutral': r['neutral']}
                f.write(json.dumps(o, ensure_ascii=False) + '\n')

    dump('all.jsonl', recs)
    sh = recs[:]
    random.Random(17017).shuffle(sh)
    ndev = round(len(sh) * 0.35)
    dev, held = sorted(sh[:ndev], key=lambda r: r['id']), sorted(sh[ndev:], key=lambda r: r['id'])
    dump('dev.jsonl', dev)
    dump('heldout.jsonl', held)

    st = ['# mix17 statistics', '', 'Generated by build.py; offsets are UTF-8 bytes, end exclusive.', '',
          summary('all', recs), summary('dev', dev), summary('held out', held)]
    for field in ('lang', 'voice', 'channel', 'sector'):
        c = Counter()
        for r in recs:
            for part in re.split(r'[+,/]', r['meta'][field]):
                c[part.strip()] += 1
        st.append(f'### {field}\n\n' + ', '.join(f'{k} {v}' for k, v in c.most_common()) + '\n')
    st.append(f'check notes (masked, partial or short numbers not checked): {len(notes)}\n')
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(st))
    print(f'ok: {len(recs)} pieces, {sum(len(r["spans"]) for r in recs)} spans, '
          f'{sum(1 for r in recs if not r["spans"])} without PII; dev {len(dev)}, held out {len(held)}; '
          f'{len(warnings)} warnings, {len(notes)} notes')


if __name__ == '__main__':
    main()
