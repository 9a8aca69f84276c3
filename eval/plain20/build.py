"""Build plain20: parse source.txt, check spans, write all/dev/heldout jsonl and stats.md.

Usage: python3 build.py [--quiet]
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checkdigits import (ascii_digits, ird_ok, nz_bank_ok, luhn_ok, iban_ok, aadhaar_ok,
                         cn_id_ok, pan_ok, kr_rrn_ok, th_id_ok, nhi_ok, ph_mobile_ok,
                         nz_phone_ok, rut_ok)

SET = 'plain20'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE',
         'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
HEADER = re.compile(r'^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+)$')
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
DEV_FRACTION = 0.35
SEED = 2020

errors = []
notes = []


def err(pid, msg):
    errors.append(f'{pid}: {msg}')


WORDNUM = {'zero': '0', 'oh': '0', 'o': '0', 'one': '1', 'two': '2', 'three': '3',
           'four': '4', 'five': '5', 'six': '6', 'seven': '7', 'eight': '8', 'nine': '9'}


def words_to_digits(s):
    toks = re.findall(r'[a-z]+|\d', s.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ('double', 'triple') and i + 1 < len(toks) and toks[i + 1] in WORDNUM:
            out.append(WORDNUM[toks[i + 1]] * (2 if t == 'double' else 3))
            i += 2
            continue
        if t in WORDNUM:
            out.append(WORDNUM[t])
        elif t.isdigit():
            out.append(t)
        i += 1
    return ''.join(out)


def check_value(pid, kind, text, context):
    """Return a label of the check applied (or 'unchecked')."""
    s = ascii_digits(text).strip()
    s = s.translate(str.maketrans('零〇一二三四五六七八九', '00123456789'))
    ctx = context.lower()
    if kind == 'CARD':
        if re.search(r'[xX*•]', s):
            return 'masked'
        if not luhn_ok(s):
            err(pid, f'CARD fails Luhn: {text}')
        return 'luhn'
    if kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]?\d{4}[- ]?\d{7,8}[- ]?\d{2,4}', s):
            if not nz_bank_ok(s):
                err(pid, f'NZ bank account fails check: {text}')
            return 'nz-bank'
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,}', s):
            if not iban_ok(s):
                err(pid, f'IBAN fails mod 97: {text}')
            return 'iban'
        return 'unchecked'
    if kind == 'ID':
        compact = re.sub(r'[\s-]', '', s)
        if re.fullmatch(r'\d{2,3}[- ]\d{3}[- ]\d{3}', s) or (
                re.fullmatch(r'\d{8,9}', compact) and re.search(r'ird|tax|税|thuế|pajak|buwis', ctx[-60:])):
            if not ird_ok(s):
                err(pid, f'IRD fails mod 11: {text}')
            return 'ird'
        if re.fullmatch(r'\d{4} \d{4} \d{4}', s) or (
                re.fullmatch(r'\d{12}', compact) and re.search(r'aadha|आधार|ਆਧਾਰ|uidai', ctx[-60:])):
            if not aadhaar_ok(s):
                err(pid, f'Aadhaar fails Verhoeff: {text}')
            return 'aadhaar'
        if re.fullmatch(r'\d{17}[\dXx]', compact):
            if not cn_id_ok(compact):
                err(pid, f'CN resident ID fails ISO 7064: {text}')
            return 'cn-id'
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', compact):
            if not pan_ok(compact):
                err(pid, f'PAN shape wrong: {text}')
            return 'pan'
        if re.fullmatch(r'\d{6}-\d{7}', s):
            if not kr_rrn_ok(s):
                err(pid, f'KR RRN fails: {text}')
            return 'kr-rrn'
        if re.fullmatch(r'\d-\d{4}-\d{5}-\d{2}-\d', s) or (
                re.fullmatch(r'\d{13}', compact) and re.search(r'thai|ไทย|บัตร', ctx[-60:])):
            if not th_id_ok(s):
                err(pid, f'Thai ID fails: {text}')
            return 'th-id'
        if re.fullmatch(r'\d{1,2}\.\d{3}\.\d{3}-[\dkK]', s):
            if not rut_ok(s):
                err(pid, f'Chile RUT fails mod 11: {text}')
            return 'cl-rut'
        if re.fullmatch(r'[A-Z]{3}\d{4}', compact) and re.search(r'nhi', ctx[-60:]):
            if not nhi_ok(compact):
                err(pid, f'NHI fails: {text}')
            return 'nhi'
        return 'unchecked'
    if kind == 'PHONE':
        d = s
        worded = bool(re.search(r'[a-z]{3,}', s.lower()))
        if worded:
            d = words_to_digits(s)
            if not d:
                return 'words'
        dd = re.sub(r'\D', '', d)
        if not worded and re.search(r'[xX*]', s):
            return 'masked'
        if dd.startswith('63') or (dd.startswith('09') and len(dd) == 11):
            if not ph_mobile_ok(dd):
                err(pid, f'PH mobile shape wrong: {text}')
            return 'ph-mobile'
        if dd.startswith('91') and len(dd) == 12:
            if not re.fullmatch(r'91[6-9]\d{9}', dd):
                err(pid, f'India mobile shape wrong: {text}')
            return 'in-mobile'
        if d.strip().startswith('+64') or dd.startswith('64') or re.match(r'0[2-9]', dd):
            if not nz_phone_ok(dd):
                err(pid, f'NZ phone shape wrong: {text}')
            return 'nz-phone'
        return 'unchecked'
    return '-'


def parse():
    pieces = []
    header = None
    with open('source.txt', encoding='utf-8') as f:
        for ln, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if not line.strip():
                continue
            if line.startswith('#'):
                m = HEADER.match(line)
                if not m:
                    if line.startswith('# ') and re.match(r'# \d{3} ', line):
                        err(f'line {ln}', f'bad header: {line}')
                    continue  # free comment
                if header is not None:
                    err(f'line {ln}', 'header without piece before it')
                header = [g.strip() for g in m.groups()]
                continue
            if header is None:
                err(f'line {ln}', 'piece without header')
                continue
            pieces.append((ln, header, line))
            header = None
    return pieces


def build_piece(ln, header, line):
    num, lang, voice, channel, sector, pii = header
    pid = f'{SET}-{num.zfill(4)}'
    text_parts = []
    blen = 0
    spans, neutral = [], []
    checks = []
    pos = 0
    for m in SPAN.finditer(line):
        before = line[pos:m.start()]
        if '{' in before or '}' in before:
            err(pid, f'stray brace near: {before[-40:]!r}')
        before = before.replace('\\n', '\n')
        text_parts.append(before)
        blen += len(before.encode('utf-8'))
        kind, role, stext = m.groups()
        stext = stext.replace('\\n', '\n')
        if '|' in stext:
            err(pid, f'pipe inside span text: {stext!r}')
        if not stext:
            err(pid, 'empty span')
        if stext != stext.strip():
            err(pid, f'outer whitespace in span: {stext!r}')
        start = blen
        blen += len(stext.encode('utf-8'))
        text_parts.append(stext)
        if kind == 'NEUTRAL':
            if role != '-':
                err(pid, f'NEUTRAL with role {role}')
            neutral.append({'start': start, 'end': blen, 'kind': 'NEUTRAL'})
        else:
            if kind not in KINDS:
                err(pid, f'unknown kind {kind}')
            if role not in ROLES:
                err(pid, f'unknown role {role}')
            ctx = ''.join(text_parts[:-1])[-80:]
            c = check_value(pid, kind, stext, ctx)
            checks.append((kind, c, stext))
            if '--checks' in sys.argv:
                print(f'   {pid} {kind} {c}: {stext}')
            spans.append({'start': start, 'end': blen, 'kind': kind, 'role': role})
        pos = m.end()
    rest = line[pos:]
    if '{' in rest or '}' in rest:
        err(pid, f'stray brace near: {rest[:40]!r}')
    text_parts.append(rest.replace('\\n', '\n'))
    text = ''.join(text_parts)
    if text != text.strip():
        err(pid, 'piece has outer whitespace')
    if pii == 'none' and spans:
        err(pid, 'header says none but has spans')
    if pii != 'none' and not spans:
        err(pid, 'header lists pii but no spans')
    if pii != 'none':
        declared = set(x.strip() for x in pii.split(','))
        actual = set(s['kind'] for s in spans)
        if declared != actual:
            err(pid, f'header pii {sorted(declared)} != spans {sorted(actual)}')
    # overlap / sanity check on bytes
    b = text.encode('utf-8')
    allsp = sorted(spans + neutral, key=lambda s: s['start'])
    for a, c in zip(allsp, allsp[1:]):
        if c['start'] < a['end']:
            err(pid, 'overlapping spans')
    for s in allsp:
        try:
            b[s['start']:s['end']].decode('utf-8')
        except UnicodeDecodeError:
            err(pid, 'span offsets split a character')
    rec = {'id': pid, 'text': text, 'spans': spans, 'neutral': neutral}
    meta = {'lang': lang, 'voice': voice, 'channel': channel, 'sector': sector, 'num': int(num)}
    return rec, meta, checks


def table(recs):
    c = Counter()
    for r in recs:
        for s in r['spans']:
            c[(s['kind'], s['role'])] += 1
    kinds = sorted({k for k, _ in c})
    lines = ['| kind | reporter | subject | third | total |', '|---|---:|---:|---:|---:|']
    tot = Counter()
    for k in kinds:
        row = [c[(k, r)] for r in ('reporter', 'subject', 'third')]
        for r, v in zip(('reporter', 'subject', 'third'), row):
            tot[r] += v
        lines.append(f'| {k} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    lines.append('| **all** | ' + ' | '.join(str(tot[r]) for r in ('reporter', 'subject', 'third'))
                 + f' | {sum(tot.values())} |')
    return '\n'.join(lines)


def summary(name, recs):
    n = len(recs)
    nopii = sum(1 for r in recs if not r['spans'])
    neu = sum(len(r['neutral']) for r in recs)
    lens = [len(r['text']) for r in recs] or [0]
    return (f'### {name}\n\npieces: {n}; with no personal detail: {nopii}; '
            f'spans: {sum(len(r["spans"]) for r in recs)}; neutral look-alikes: {neu}\n\n'
            f'length in characters: min {min(lens)}, median {int(statistics.median(lens))}, '
            f'max {max(lens)}\n\n' + table(recs) + '\n')


def main():
    quiet = '--quiet' in sys.argv
    pieces = parse()
    recs, metas = [], []
    allchecks = Counter()
    unchecked = []
    seen = set()
    for i, (ln, header, line) in enumerate(pieces, 1):
        if int(header[0]) != i:
            err(f'line {ln}', f'piece number {header[0]} expected {i:03d}')
        if header[0] in seen:
            err(f'line {ln}', 'duplicate number')
        seen.add(header[0])
        rec, meta, checks = build_piece(ln, header, line)
        recs.append(rec)
        metas.append(meta)
        for kind, c, t in checks:
            if kind in ('ID', 'BANK', 'CARD', 'PHONE'):
                allchecks[(kind, c)] += 1
                if c in ('unchecked', 'words') and kind != 'PHONE':
                    unchecked.append(f'{rec["id"]} {kind}: {t}')
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    ndev = round(len(recs) * DEV_FRACTION)
    dev = [recs[i] for i in order[:ndev]]
    held = [recs[i] for i in order[ndev:]]
    for name, rs in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    # stats
    st = ['# plain20 statistics', '', '(generated by build.py)', '']
    st.append(summary('all', recs))
    st.append(summary('dev', dev))
    st.append(summary('held out', held))
    for field in ('lang', 'voice', 'channel', 'sector'):
        c = Counter()
        for m in metas:
            for v in re.split(r'[+/,]', m[field]):
                c[v.strip()] += 1
        st.append(f'### by {field} (a piece may count under several)\n')
        st.append(', '.join(f'{k} {v}' for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0]))) + '\n')
    st.append('### check digits applied\n')
    st.append(', '.join(f'{k}/{c} {v}' for (k, c), v in sorted(allchecks.items())) + '\n')
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write('\n'.join(st))
    if not quiet:
        print(f'{len(recs)} pieces, dev {len(dev)}, held out {len(held)}')
        print(table(recs))
        print('checks:', dict(allchecks))
        if unchecked:
            print('unchecked ID/BANK/CARD values (no public check digit, review by eye):')
            for u in unchecked:
                print('  ', u)
    if errors:
        print(f'\n{len(errors)} ERRORS:')
        for e in errors:
            print('  ', e)
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
