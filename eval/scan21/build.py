"""Build set scan21 from source.txt.

Parses the inline-labelled pieces, checks every span, writes all.jsonl, dev.jsonl,
heldout.jsonl and stats.md.  Exits non-zero on any error.

    python3 build.py            # build, print a short check summary
    python3 build.py -v         # also list every span and which check it got
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checks import (ird_valid, nz_bank_parts, nz_bank_valid, iban_valid, luhn_valid,
                    aadhaar_valid, cn_id_valid, pan_valid, thai_id_valid,
                    mrz_td3_line2_valid, nz_phone_valid, ph_mobile_valid,
                    digits_only, to_ascii_digits, OCR_DIGIT)

SET = 'scan21'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE',
         'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN_RE = re.compile(r'\{(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\|([^|{}]*)\|([^{}]*)\}')
HEAD_RE = re.compile(r'^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (pii|no-pii)\s*$')
MASK_RE = re.compile(r'[xX*•●#]{2,}|X{2,}|\.\.\.|…')

errors = []
check_log = []   # (piece, kind, text, check, ok)


def err(pid, msg):
    errors.append(f'{pid}: {msg}')


def ctx_has(ctx, words):
    c = ctx.lower()
    return any(w in c for w in words)


IRD_WORDS = ['ird', 'i.r.d', 'tax', 'gst', 'kiwisaver', 'inland revenue', '税号', 'tfn',
             'số thuế', 'numero fiscal', 'pajak', 'kar', 'टैक्स', 'ਟੈਕਸ']
AADHAAR_WORDS = ['aadhaar', 'aadhar', 'adhar', 'आधार', 'ਆਧਾਰ', 'uidai', 'uid']
THAI_WORDS = ['บัตรประชาชน', 'เลขประจำตัว', 'thai id', 'id card no']


def classify_and_check(pid, kind, text, ctx):
    """Return (check_name, ok).  check_name None = no check digit format applies."""
    t = to_ascii_digits(text)
    masked = bool(MASK_RE.search(text))
    nd = len(digits_only(text))
    if kind == 'CARD':
        if masked or nd < 12:
            return ('masked/partial', True)
        return ('luhn', luhn_valid(text))
    if kind == 'BANK':
        if masked or nd < 6:
            return ('masked/partial', True)
        s = t.strip()
        if re.match(r'^\d{2}[\s\-.]*\d{4}[\s\-.]*\d{7,8}[\s\-.]*\d{2,4}$', s.translate(OCR_DIGIT)):
            return ('nz-bank', nz_bank_valid(s))
        if re.match(r'^[A-Z]{2}\d{2}[\sA-Z0-9]{10,40}$', s) and len(re.sub(r'\s', '', s)) >= 15:
            return ('iban', iban_valid(s))
        return (None, True)
    if kind == 'ID':
        s = t.strip()
        if '<<' in s or (len(s) == 44 and '<' in s):
            return ('mrz-td3', mrz_td3_line2_valid(s))
        compact = re.sub(r'[\s\-]', '', s)
        if re.fullmatch(r'\d{17}[\dXx]', compact):
            return ('cn-resident-id', cn_id_valid(compact))
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', compact):
            return ('pan-shape', pan_valid(compact))
        oc = s.translate(OCR_DIGIT)
        if re.fullmatch(r'\d{4}\s\d{4}\s\d{4}', oc) or (
                len(digits_only(s, ocr=True)) == 12 and ctx_has(ctx, AADHAAR_WORDS)):
            return ('aadhaar-verhoeff', aadhaar_valid(s))
        if re.fullmatch(r'\d[\s\-]?\d{4}[\s\-]?\d{5}[\s\-]?\d{2}[\s\-]?\d', s) and (
                re.search(r'\s|-', s) or ctx_has(ctx, THAI_WORDS)):
            return ('thai-id', thai_id_valid(s))
        if re.fullmatch(r'\d{2,3}[\s\-.]\d{3}[\s\-.]\d{3}', oc) or (
                re.fullmatch(r'\d{8,9}', oc) and ctx_has(ctx, IRD_WORDS)):
            return ('nz-ird', ird_valid(s))
        return (None, True)
    if kind == 'PHONE':
        if masked or nd < 6:
            return ('masked/words', True)
        s = t.strip()
        if re.match(r'^\(?\+?\s*\(?(64|0064)\b', s) or re.match(r'^\+?64[\s\-]?\(?0?[2-9]', s):
            return ('nz-phone', nz_phone_valid(s))
        if re.match(r'^\(?\+?\s*63', s) or re.fullmatch(r'09\d{9}', digits_only(s, ocr=True)):
            return ('ph-mobile', ph_mobile_valid(s))
        if re.match(r'^\(?0[2-9]', s.translate(OCR_DIGIT)) and not s.startswith('00'):
            return ('nz-phone', nz_phone_valid(s))
        return (None, True)
    if kind == 'IP':
        m = re.fullmatch(r'(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})', t.strip())
        if m:
            return ('ipv4', all(0 <= int(x) <= 255 for x in m.groups()))
        if ':' in t:
            return ('ipv6-shape', re.fullmatch(r'[0-9a-fA-F:]+', t.strip()) is not None)
        return ('ip', False)
    if kind == 'EMAIL':
        ok = '@' in text or re.search(r'\bat\b|\(at\)|\[at\]|аt|앳|골뱅이|アット', text, re.I) is not None \
            or ' a ' in text
        return ('email-shape', ok)
    return (None, True)


def parse(path):
    pieces = []
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    seen = set()
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith('##'):
            i += 1
            continue
        m = HEAD_RE.match(line)
        if not m:
            err(f'line {i + 1}', f'expected header, got: {line[:80]}')
            i += 1
            continue
        num, lang, voice, channel, sector, pii = [g.strip() for g in m.groups()]
        if num in seen:
            err(num, 'duplicate number')
        seen.add(num)
        i += 1
        body = lines[i] if i < len(lines) else ''
        i += 1
        pieces.append(dict(num=num, lang=lang, voice=voice, channel=channel, sector=sector,
                           pii=pii, body=body, line=i))
    return pieces


def render(p):
    pid = p['num']
    body = p['body']
    text_parts = []
    nbytes = 0
    spans, neutral = [], []
    pos = 0
    for m in SPAN_RE.finditer(body):
        before = body[pos:m.start()].replace('\\n', '\n')
        text_parts.append(before)
        nbytes += len(before.encode('utf-8'))
        kind, role, stext = m.group(1), m.group(2), m.group(3).replace('\\n', '\n')
        start = nbytes
        text_parts.append(stext)
        nbytes += len(stext.encode('utf-8'))
        end = nbytes
        if not stext:
            err(pid, f'empty span {m.group(0)}')
        if stext != stext.strip():
            err(pid, f'outer whitespace in span {m.group(0)!r}')
        if kind == 'NEUTRAL':
            if role != '-':
                err(pid, f'NEUTRAL needs role "-": {m.group(0)}')
            neutral.append({'start': start, 'end': end, 'kind': 'NEUTRAL'})
        else:
            if role not in ROLES:
                err(pid, f'unknown role {role!r} in {m.group(0)}')
            ctx = ''.join(text_parts[:-1])[-60:]
            chk, ok = classify_and_check(pid, kind, stext, ctx)
            check_log.append((pid, kind, role, stext, chk, ok))
            if not ok:
                err(pid, f'{kind} fails {chk} check: {stext!r}')
            spans.append({'start': start, 'end': end, 'kind': kind, 'role': role})
        pos = m.end()
    rest = body[pos:].replace('\\n', '\n')
    text_parts.append(rest)
    text = ''.join(text_parts)
    # leftover braces that look like broken spans
    for frag in re.findall(r'\{[A-Z]+\|[^}]*', ''.join([rest])):
        err(pid, f'broken span? {frag[:60]}')
    if re.search(r'\{(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\b', text):
        err(pid, 'unparsed span marker left in text')
    allsp = sorted(spans + neutral, key=lambda s: s['start'])
    for a, b in zip(allsp, allsp[1:]):
        if b['start'] < a['end']:
            err(pid, 'overlapping spans')
    if p['pii'] == 'no-pii' and spans:
        err(pid, 'header says no-pii but has spans')
    if p['pii'] == 'pii' and not spans:
        err(pid, 'header says pii but has no spans')
    if not text.strip():
        err(pid, 'empty text')
    # sanity: byte offsets round-trip
    b = text.encode('utf-8')
    for s in allsp:
        try:
            b[s['start']:s['end']].decode('utf-8')
        except UnicodeDecodeError:
            err(pid, 'span offsets split a character')
    return text, spans, neutral


def table(recs):
    c = Counter()
    for r in recs:
        for s in r['spans']:
            c[(s['kind'], s['role'])] += 1
    kinds = sorted({k for k, _ in c}, key=lambda k: -sum(v for (kk, _), v in c.items() if kk == k))
    roles = ['reporter', 'subject', 'third']
    out = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * (len(roles) + 1)]
    for k in kinds:
        row = [c[(k, r)] for r in roles]
        out.append(f'| {k} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(k, r)] for k in kinds) for r in roles]
    out.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(r['neutral']) for r in recs)
    out.append(f'\nNEUTRAL look-alikes: {nn}')
    return '\n'.join(out)


def main():
    verbose = '-v' in sys.argv
    pieces = parse('source.txt')
    recs, meta = [], []
    for k, p in enumerate(pieces, 1):
        if p['num'] != f'{k:03d}':
            err(p['num'], f'numbering out of order (expected {k:03d})')
        text, spans, neutral = render(p)
        rid = f'{SET}-{k:04d}'
        recs.append({'id': rid, 'text': text, 'spans': spans, 'neutral': neutral})
        meta.append(p)
    if errors:
        print('ERRORS:')
        for e in errors:
            print('  ' + e)
        sys.exit(1)
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    order = list(range(len(recs)))
    random.Random(2121).shuffle(order)
    ndev = round(len(recs) * 0.35)
    dev = [recs[i] for i in sorted(order[:ndev])]
    held = [recs[i] for i in sorted(order[ndev:])]
    with open('dev.jsonl', 'w', encoding='utf-8') as f:
        for r in dev:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    with open('heldout.jsonl', 'w', encoding='utf-8') as f:
        for r in held:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')

    # stats
    lens = [len(r['text']) for r in recs]
    blens = [len(r['text'].encode('utf-8')) for r in recs]
    nopii = sum(1 for r in recs if not r['spans'])
    chk = Counter(c for _, _, _, _, c, _ in check_log if c)
    out = [f'# Stats for set {SET}', '',
           f'Pieces: {len(recs)} (dev {len(dev)}, held out {len(held)}); '
           f'with no personal detail: {nopii}; spans: {sum(len(r["spans"]) for r in recs)}', '',
           f'Length in characters: min {min(lens)}, median {int(statistics.median(lens))}, '
           f'mean {int(statistics.mean(lens))}, max {max(lens)}; in UTF-8 bytes: min {min(blens)}, '
           f'median {int(statistics.median(blens))}, max {max(blens)}', '',
           '## All', '', table(recs), '', '## Dev', '', table(dev), '', '## Held out', '', table(held), '',
           '## Checks run by build.py (check digits, formats, shapes)', '',
           '| check | spans |', '|---|---|'] + [f'| {k} | {v} |' for k, v in sorted(chk.items())]
    for field in ['lang', 'voice', 'channel', 'sector']:
        c = Counter()
        for m in meta:
            for v in m[field].split('+') if field == 'lang' else [m[field]]:
                c[v.strip()] += 1
        out += ['', f'## {field}', '', ', '.join(f'{k} {v}' for k, v in c.most_common())]
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(out) + '\n')

    print(f'OK: {len(recs)} pieces, {sum(len(r["spans"]) for r in recs)} spans, '
          f'{sum(len(r["neutral"]) for r in recs)} neutral, no-pii {nopii}, dev {len(dev)}, held {len(held)}')
    print('checks:', dict(chk))
    if verbose:
        for pid, kind, role, t, c, ok in check_log:
            if kind in ('ID', 'BANK', 'PHONE', 'CARD', 'IP'):
                print(f'  {pid} {kind:6} {role:8} {c or "-":18} {t!r}')


if __name__ == '__main__':
    main()
