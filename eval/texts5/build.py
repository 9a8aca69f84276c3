#!/usr/bin/env python3
"""Build the texts5 evaluation set from source.txt.

source.txt: one tip per line, labels inline as {KIND|role|text} or {NEUTRAL|-|text};
the two characters backslash-n mean a line break inside a tip; lines starting with '#'
are comments; the comment directly before a tip carries its metadata
('# 012 | lang: ... | voice: ... | sector: ... | channel: ...').

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, OrderedDict

import gen_ids as V

SET = 'texts5'
SEED = 20261202
DEV_SHARE = 0.35
KINDS = ['NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP']
ROLES = ['reporter', 'subject', 'third']

errors = []
warnings = []


def parse_line(line, lineno):
    out = []          # list of str pieces
    spans = []        # (char_start, char_end, kind, role)
    i = 0
    n = len(line)
    pos = 0           # current length in chars of output
    while i < n:
        ch = line[i]
        if ch == '\\' and i + 1 < n and line[i + 1] == 'n':
            out.append('\n'); pos += 1; i += 2
            continue
        if ch == '{':
            j = line.find('}', i)
            if j < 0:
                errors.append('line %d: unclosed {' % lineno)
                break
            inner = line[i + 1:j]
            if '{' in inner:
                errors.append('line %d: nested or stray { in %r' % (lineno, inner))
            parts = inner.split('|', 2)
            if len(parts) != 3:
                errors.append('line %d: bad span %r' % (lineno, inner))
                i = j + 1
                continue
            kind, role, txt = parts
            txt = txt.replace('\\n', '\n')
            if kind == 'NEUTRAL':
                if role != '-':
                    errors.append('line %d: NEUTRAL role must be - in %r' % (lineno, inner))
            elif kind not in KINDS:
                errors.append('line %d: unknown kind %r' % (lineno, kind))
            elif role not in ROLES:
                errors.append('line %d: unknown role %r' % (lineno, role))
            if not txt or txt != txt.strip():
                errors.append('line %d: empty span or outer whitespace in %r' % (lineno, inner))
            if '|' in txt:
                errors.append('line %d: | inside span text %r' % (lineno, inner))
            spans.append((pos, pos + len(txt), kind, role, txt))
            out.append(txt); pos += len(txt)
            i = j + 1
            continue
        if ch == '}':
            errors.append('line %d: stray } at col %d' % (lineno, i))
        out.append(ch); pos += 1; i += 1
    return ''.join(out), spans


def check_digits(kind, txt, text, cstart, tid):
    """Validate check digits where the format is recognisable; report as warnings."""
    digits = re.sub(r'\D', '', txt)
    ascii_txt = txt.isascii()
    before = text[max(0, cstart - 40):cstart].lower()
    if kind == 'CARD' and ascii_txt and re.fullmatch(r'[\d \-]+', txt) and 13 <= len(digits) <= 19:
        if not V.luhn_valid(digits):
            warnings.append('%s: CARD fails Luhn: %s' % (tid, txt))
    if kind == 'BANK' and ascii_txt:
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{11,}', txt.upper()) and not re.fullmatch(r'[\d \-]+', txt):
            if not V.iban_valid(txt):
                warnings.append('%s: IBAN fails mod 97: %s' % (tid, txt))
        else:
            r = V.nz_bank_valid(txt) if re.fullmatch(r'\d{2}[\- ]?\d{4}[\- ]?\d{7}[\- ]?\d{2,3}', txt.strip()) else None
            if r is False:
                warnings.append('%s: NZ bank fails check: %s' % (tid, txt))
    if kind == 'ID' and ascii_txt:
        if re.fullmatch(r'\d{17}[\dXx]', txt):
            if not V.cn_id_valid(txt):
                warnings.append('%s: CN ID fails: %s' % (tid, txt))
        elif re.fullmatch(r'\d{4} ?\d{4} ?\d{4}', txt) and ('aadhaar' in before or 'aadhar' in before or 'adhar' in before or 'आधार' in before):
            if not V.verhoeff_valid(txt):
                warnings.append('%s: Aadhaar fails Verhoeff: %s' % (tid, txt))
        elif re.fullmatch(r'\d[ \-]?\d{4}[ \-]?\d{5}[ \-]?\d{2}[ \-]?\d', txt):
            if not V.thai_valid(txt):
                warnings.append('%s: Thai ID fails: %s' % (tid, txt))
        elif re.fullmatch(r'\d{3}\.\d{3}\.\d{3}-\d{2}', txt):
            if not V.cpf_valid(txt):
                warnings.append('%s: CPF fails: %s' % (tid, txt))
        elif re.fullmatch(r'\d{1,2}\.\d{3}\.\d{3}-[\dkK]', txt):
            if not V.rut_valid(txt):
                warnings.append('%s: RUT fails: %s' % (tid, txt))
        elif re.fullmatch(r'[A-Z][12]\d{8}', txt):
            if not V.tw_valid(txt):
                warnings.append('%s: Taiwan ID fails: %s' % (tid, txt))
        elif re.fullmatch(r'\d{6}-?[1-4]\d{6}', txt):
            if not V.rrn_valid(txt):
                warnings.append('%s: Korean RRN fails: %s' % (tid, txt))
        elif re.fullmatch(r'\d{2,3}[ \-]?\d{3}[ \-]?\d{3}', txt) and 'ird' in before:
            if not V.ird_valid(txt):
                warnings.append('%s: IRD fails: %s' % (tid, txt))


def main():
    src = open('source.txt', encoding='utf-8').read().split('\n')
    tips = []
    meta = None
    for lineno, line in enumerate(src, 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            m = re.match(r'#\s*(\d{3})\s*\|(.*)', line)
            if m:
                d = OrderedDict(num=int(m.group(1)))
                for part in m.group(2).split('|'):
                    if ':' in part:
                        k, v = part.split(':', 1)
                        d[k.strip()] = v.strip()
                meta = d
            continue
        text, spans = parse_line(line, lineno)
        tid = '%s-%04d' % (SET, len(tips) + 1)
        if meta is None:
            errors.append('line %d: tip without metadata comment' % lineno)
            meta = {}
        elif meta.get('num') != len(tips) + 1:
            warnings.append('line %d: metadata number %s but tip is #%d' % (lineno, meta.get('num'), len(tips) + 1))
        b = text.encode('utf-8')
        if not (40 <= len(text) <= 2500):
            warnings.append('%s: length %d outside 40..2500' % (tid, len(text)))
        rec_spans, rec_neu = [], []
        prev_end = -1
        for (cs, ce, kind, role, txt) in spans:
            bs = len(text[:cs].encode('utf-8'))
            be = bs + len(txt.encode('utf-8'))
            if b[bs:be].decode('utf-8') != txt:
                errors.append('%s: offset mismatch for %r' % (tid, txt))
            if bs < prev_end:
                errors.append('%s: overlap at %r' % (tid, txt))
            prev_end = be
            if kind == 'NEUTRAL':
                rec_neu.append({'start': bs, 'end': be, 'kind': 'NEUTRAL'})
            else:
                rec_spans.append({'start': bs, 'end': be, 'kind': kind, 'role': role})
                check_digits(kind, txt, text, cs, tid)
        tips.append({'rec': {'id': tid, 'text': text, 'spans': rec_spans, 'neutral': rec_neu},
                     'meta': meta})
        meta = None

    for e in errors:
        print('ERROR', e)
    for w in warnings:
        print('WARN', w)
    if errors:
        sys.exit(1)

    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for t in tips:
            f.write(json.dumps(t['rec'], ensure_ascii=False) + '\n')
    order = list(range(len(tips)))
    random.Random(SEED).shuffle(order)
    ndev = round(len(tips) * DEV_SHARE)
    dev = [tips[i] for i in order[:ndev]]
    held = [tips[i] for i in order[ndev:]]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for t in part:
                f.write(json.dumps(t['rec'], ensure_ascii=False) + '\n')

    def table(part):
        c = Counter()
        for t in part:
            for s in t['rec']['spans']:
                c[(s['kind'], s['role'])] += 1
        lines = ['| kind | reporter | subject | third | total |', '|---|---:|---:|---:|---:|']
        tot = Counter()
        for k in KINDS:
            row = [c[(k, r)] for r in ROLES]
            for r, v in zip(ROLES, row):
                tot[r] += v
            lines.append('| %s | %s | %d |' % (k, ' | '.join(map(str, row)), sum(row)))
        allt = sum(tot.values())
        lines.append('| **total** | %s | %d |' % (' | '.join(str(tot[r]) for r in ROLES), allt))
        neu = sum(len(t['rec']['neutral']) for t in part)
        empty = sum(1 for t in part if not t['rec']['spans'])
        lens = [len(t['rec']['text']) for t in part]
        info = ['', '- tips: %d' % len(part),
                '- tips with no personal span: %d (%.0f%%)' % (empty, 100.0 * empty / max(1, len(part))),
                '- reporter share of spans: %.1f%%' % (100.0 * tot['reporter'] / max(1, allt)),
                '- NEUTRAL spans: %d' % neu,
                '- text length (chars): min %d, median %d, max %d' % (min(lens), statistics.median(lens), max(lens))]
        return lines + info

    out = ['# texts5 statistics', '', 'Generated by build.py. Shuffle seed %d; dev = first %d%% of the shuffled tips.' % (SEED, int(DEV_SHARE * 100)), '']
    for title, part in (('All', tips), ('Dev', dev), ('Heldout', held)):
        out.append('## %s' % title)
        out.append('')
        out += table(part)
        out.append('')
    langs = Counter()
    chans = Counter()
    for t in tips:
        for l in re.split(r'[+/,]', t['meta'].get('lang', '?')):
            langs[re.sub(r'\s*\(.*?\)', '', l).strip()] += 1
        chans[t['meta'].get('channel', '?')] += 1
    out.append('## Languages (tips containing each; mixed tips count for each language)')
    out.append('')
    eng_only = sum(1 for t in tips if re.sub(r'\s*\(.*?\)', '', t['meta'].get('lang', '')).strip() == 'English')
    out.append('- (tips in English only: %d; tips with another language: %d; distinct languages: %d)' % (eng_only, len(tips) - eng_only, len(langs)))
    out += ['- %s: %d' % (k, v) for k, v in sorted(langs.items(), key=lambda x: (-x[1], x[0]))]
    out.append('')
    out.append('## Channels')
    out.append('')
    out += ['- %s: %d' % (k, v) for k, v in sorted(chans.items(), key=lambda x: (-x[1], x[0]))]
    out.append('')
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(out))
    print('\n'.join(out[:4] + table(tips)))
    print('languages: %d, channels: %d' % (len(langs), len(chans)))


if __name__ == '__main__':
    main()
