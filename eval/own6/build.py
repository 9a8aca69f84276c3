#!/usr/bin/env python3
"""Parse source.txt (inline-labelled tips), check every span, write
all.jsonl / dev.jsonl / heldout.jsonl / stats.md / checks.log.

source.txt: a '# NNN | lang | voice | channel | sector | pii' line, then the
piece on one line; '\\n' (two characters) is a line break inside a piece.
Spans: {KIND|role|text}; look-alikes that must stay: {NEUTRAL|-|text}.
pii field: 'none' or the roles present joined by '+' (e.g. reporter+subject).
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checks import *

SET = 'own6'
SEED = 6062
KINDS = ['NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB',
         'PLATE', 'HANDLE', 'IP']
ROLES = ['reporter', 'subject', 'third']
SPAN_RE = re.compile(r'\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}')

# Spans whose format has no public check digit, or that are partial /
# masked / spelled in words, are listed in checks.log as 'nocheck' with the
# reason; anything whose shape says it should have a check digit but fails
# is an ERROR.
errors = []


def err(pid, msg):
    errors.append(f'{pid}: {msg}')


def unescape(seg):
    return seg.replace('\\n', '\n')


def parse(path):
    pieces = []
    header = None
    for ln, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('#'):
            if header is not None:
                err(f'line {ln}', 'header without piece before it')
            header = (ln, line)
            continue
        if header is None:
            err(f'line {ln}', 'piece without header')
            continue
        hln, h = header
        header = None
        parts = [p.strip() for p in h[1:].split('|')]
        if len(parts) != 6:
            err(f'line {hln}', f'header needs 6 fields: {h}')
            continue
        num, lang, voice, channel, sector, pii = parts
        text_parts, spans, neutral = [], [], []
        pos_b = 0
        last = 0
        for m in SPAN_RE.finditer(line):
            before = unescape(line[last:m.start()])
            text_parts.append(before)
            pos_b += len(before.encode('utf-8'))
            kind, role, stext = m.group(1), m.group(2), unescape(m.group(3))
            start = pos_b
            text_parts.append(stext)
            pos_b += len(stext.encode('utf-8'))
            rec = {'start': start, 'end': pos_b, 'kind': kind, 'role': role,
                   'text': stext}
            (neutral if kind == 'NEUTRAL' else spans).append(rec)
            last = m.end()
        tail = unescape(line[last:])
        text_parts.append(tail)
        text = ''.join(text_parts)
        pid = f'{SET}-{int(num):04d}' if num.isdigit() else f'line{ln}'
        if '{' in text or '}' in text:
            err(pid, 'stray brace (malformed span?)')
        pieces.append(dict(num=num, pid=pid, lang=lang, voice=voice,
                           channel=channel, sector=sector, pii=pii, text=text,
                           spans=spans, neutral=neutral, line=ln))
    return pieces


IRD_CTX = re.compile(r'ird|tax|taake|tak?si|税|टैक्स|ਟੈਕਸ|buwis|thuế|pajak|세금|'
                     r'ภาษี|kar\b|impuesto|налог|ضريب|inland revenue', re.I)
AADHAAR_CTX = re.compile(r'aadh?aar|adhar|आधार|ਆਧਾਰ|ஆதார்|ആധാർ|আধার', re.I)
NHI_CTX = re.compile(r'NHI', re.I)
TH_CTX = re.compile(r'บัตรประชาชน|ประชาชน|thai id', re.I)
KR_CTX = re.compile(r'주민|resident registration|RRN', re.I)
MASK = re.compile(r'(?<![A-Za-z])[xX]+(?![A-Za-z])|[*•●…]|\.\.\.')


def check_span(p, s, log):
    pid, text, k, t = p['pid'], p['text'], s['kind'], s['text']
    b = text.encode('utf-8')
    ctx = b[max(0, s['start'] - 120):s['start']].decode('utf-8', 'ignore') + ' ' + \
        b[s['end']:s['end'] + 40].decode('utf-8', 'ignore')
    d = digits(t)
    res, why = None, ''
    if k == 'PHONE':
        if MASK.search(t) and len(d) < 7:
            why = 'masked/partial'
        else:
            ok, c = phone_check(t)
            if ok is None:
                w = words_to_digits(t)
                if w and len(w) >= 7:
                    ok, c = phone_check(w)
                    res, why = ok, f'phone (words->{w}) {c}'
                else:
                    why = c
            else:
                res, why = ok, 'phone ' + c
    elif k == 'CARD':
        if MASK.search(t) or len(d) < 13:
            why = 'masked/partial'
        else:
            res, why = luhn_valid(d), 'luhn'
    elif k == 'BANK':
        tt = t.replace(' ', '')
        if '@' in t:
            why = 'UPI/handle-style'
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', tt):
            res, why = iban_valid(tt), 'iban'
        elif re.fullmatch(r'T[1-9A-HJ-NP-Za-km-z]{33}', tt):
            res, why = b58check_valid(tt), 'base58check'
        elif nzbank_parts(t) and len(d) in (15, 16, 17):
            res, why = nzbank_valid(t), 'nz-bank'
        elif MASK.search(t):
            why = 'masked/partial'
        elif re.search(r'gcash|maya|paymaya', ctx, re.I) and re.fullmatch(r'09\d{9}', d):
            ok, c = phone_check(t)
            res, why = ok, 'e-wallet on mobile number: phone ' + c
        else:
            why = 'foreign account (no public check)'
    elif k == 'ID':
        tu = t.strip().upper()
        if re.fullmatch(r'[0-9<A-Z]{44}', tu.replace(' ', '')) and '<' in tu:
            res, why = mrz_td3_valid(tu.replace(' ', '')), 'mrz'
        elif re.fullmatch(r'\d{17}[\dX]', tu.replace(' ', '')):
            res, why = cnid_valid(tu), 'cn-resident-id'
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', tu):
            res, why = pan_valid(tu), 'pan-shape'
        elif len(d) == 12 and re.fullmatch(r'[\d\s\-]+', to_ascii_digits(t)) and AADHAAR_CTX.search(ctx):
            res, why = aadhaar_valid(d), 'aadhaar'
        elif re.fullmatch(r'\d{3}\.\d{3}\.\d{3}-\d{2}', tu):
            res, why = cpf_valid(tu), 'cpf'
        elif re.fullmatch(r'\d{1,2}\.?\d{3}\.?\d{3}-[\dK]', tu):
            res, why = rut_valid(tu), 'rut'
        elif re.fullmatch(r'(?:[XYZ]-?\d{7}|\d{8})-?[A-Z]', tu):
            res, why = dni_valid(tu), 'dni/nie'
        elif re.fullmatch(r'[A-HJ-NP-Z]{3}\d{4}', tu) and NHI_CTX.search(ctx):
            res, why = nhi_valid(tu), 'nhi'
        elif re.fullmatch(r'\d-\d{4}-\d{5}-\d{2}-\d', tu) or \
                (re.fullmatch(r'\d{13}', tu) and TH_CTX.search(ctx)):
            res, why = thid_valid(tu), 'thai-id'
        elif re.fullmatch(r'\d{6}-?\d{7}', tu) and KR_CTX.search(ctx):
            res, why = krrrn_valid(tu), 'kr-rrn'
        elif len(d) in (8, 9) and re.fullmatch(r'[\d\s\-]+', to_ascii_digits(t)) and \
                (IRD_CTX.search(ctx) or re.fullmatch(r'\d{2,3}-\d{3}-\d{3}', t)):
            res, why = ird_valid(d), 'ird'
        elif MASK.search(t):
            why = 'masked/partial'
        else:
            why = 'no public check digit'
    else:
        return
    log.append(f'{pid}\t{k}\t{s["role"]}\t{t}\t'
               f'{"PASS" if res else "FAIL" if res is False else "nocheck"}\t{why}')
    if res is False:
        err(pid, f'{k} {t!r} fails {why}')


def main():
    pieces = parse('source.txt')
    log = []
    seen = set()
    for i, p in enumerate(pieces, 1):
        pid = p['pid']
        if p['num'] != f'{i:03d}':
            err(pid, f'numbering: expected {i:03d}, got {p["num"]}')
        if pid in seen:
            err(pid, 'duplicate id')
        seen.add(pid)
        prev_end = -1
        for s in sorted(p['spans'] + p['neutral'], key=lambda s: s['start']):
            t = s['text']
            if not t:
                err(pid, 'empty span')
            if t != t.strip():
                err(pid, f'outer whitespace in {t!r}')
            if s['start'] < prev_end:
                err(pid, f'overlap at {t!r}')
            prev_end = s['end']
            if s['kind'] == 'NEUTRAL':
                if s['role'] != '-':
                    err(pid, f'NEUTRAL role must be "-": {t!r}')
                continue
            if s['kind'] not in KINDS:
                err(pid, f'unknown kind {s["kind"]} ({t!r})')
            if s['role'] not in ROLES:
                err(pid, f'unknown role {s["role"]} ({t!r})')
            if re.fullmatch(r'[\W_]+', t):
                err(pid, f'span is only punctuation: {t!r}')
            if t[-1] in '.,;:' and s['kind'] not in ('ADDRESS', 'NAME'):
                err(pid, f'trailing punctuation in {t!r}')
            check_span(p, s, log)
        roles = sorted({s['role'] for s in p['spans']})
        want = '+'.join(roles) if roles else 'none'
        if p['pii'] != want:
            err(pid, f'header pii {p["pii"]!r} but spans give {want!r}')
        # byte offsets round-trip
        b = p['text'].encode('utf-8')
        for s in p['spans'] + p['neutral']:
            if b[s['start']:s['end']].decode('utf-8') != s['text']:
                err(pid, 'offset mismatch')
    with open('checks.log', 'w', encoding='utf-8') as f:
        f.write('\n'.join(log) + '\n')
    if errors:
        print('\n'.join(errors))
        print(f'{len(errors)} ERRORS', file=sys.stderr)
        sys.exit(1)

    def obj(p):
        return {'id': p['pid'], 'text': p['text'],
                'spans': [{'start': s['start'], 'end': s['end'], 'kind': s['kind'],
                           'role': s['role']} for s in p['spans']],
                'neutral': [{'start': s['start'], 'end': s['end'], 'kind': 'NEUTRAL'}
                            for s in p['neutral']]}

    def dump(fn, ps):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in ps:
                f.write(json.dumps(obj(p), ensure_ascii=False) + '\n')

    dump('all.jsonl', pieces)
    order = list(pieces)
    random.Random(SEED).shuffle(order)
    ndev = round(len(order) * 0.35)
    dev, held = order[:ndev], order[ndev:]
    dump('dev.jsonl', dev)
    dump('heldout.jsonl', held)
    write_stats(pieces, dev, held)
    nspan = sum(len(p['spans']) for p in pieces)
    print(f'ok: {len(pieces)} pieces, {nspan} spans, '
          f'{sum(len(p["neutral"]) for p in pieces)} neutral; dev {len(dev)}, heldout {len(held)}')
    nc = Counter(l.split('\t')[4] for l in log)
    print('checks:', dict(nc))


def table(ps):
    c = Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    lines = ['| kind | reporter | subject | third | total |', '|---|---:|---:|---:|---:|']
    for k in KINDS:
        row = [c[(k, r)] for r in ROLES]
        lines.append(f'| {k} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    lines.append('| **total** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(p['neutral']) for p in ps)
    lines.append(f'\nNEUTRAL look-alikes: {nn}')
    return '\n'.join(lines)


def write_stats(allp, dev, held):
    out = [f'# Stats for set `{SET}`\n']
    for name, ps in (('all', allp), ('dev', dev), ('held out', held)):
        nonpii = sum(1 for p in ps if not p['spans'])
        lens = [len(p['text']) for p in ps]
        out.append(f'## {name}: {len(ps)} pieces\n')
        out.append(f'- pieces with no personal detail: {nonpii} ({nonpii / len(ps):.0%})')
        out.append(f'- spans: {sum(len(p["spans"]) for p in ps)}')
        out.append(f'- length in characters: min {min(lens)}, median '
                   f'{int(statistics.median(lens))}, mean {int(statistics.mean(lens))}, max {max(lens)}')
        out.append(f'- length in UTF-8 bytes: total {sum(len(p["text"].encode()) for p in ps)}\n')
        out.append(table(ps) + '\n')
    for field in ('lang', 'voice', 'channel', 'sector'):
        c = Counter()
        for p in allp:
            for v in p[field].split('+') if field == 'lang' else [p[field]]:
                c[v] += 1
        out.append(f'## {field} (all' + ('; a mixed-language piece counts once per language' if field == 'lang' else '') + ')\n')
        out.append(', '.join(f'{k} {v}' for k, v in c.most_common()) + '\n')
    buckets = Counter()
    for p in allp:
        n = len(p['text'])
        b = '<100' if n < 100 else '100-299' if n < 300 else '300-799' if n < 800 else \
            '800-1499' if n < 1500 else '1500+'
        buckets[b] += 1
    out.append('## length buckets (characters, all)\n')
    out.append(', '.join(f'{k}: {buckets[k]}' for k in
                         ['<100', '100-299', '300-799', '800-1499', '1500+']) + '\n')
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(out))


if __name__ == '__main__':
    main()
