#!/usr/bin/env python3
"""Build the phone4 evaluation set from source.txt.

source.txt: one tip per line, labels inline as {KIND|role|text} or {NEUTRAL|-|text};
the two characters \\n stand for a line break inside a tip; lines starting with # are
comments (each tip is preceded by a metadata comment "# NNN | lang: ... | ...").

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
"""
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

SET = 'phone4'
SEED = 20261201
DEV_FRACTION = 0.35
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
HERE = Path(__file__).resolve().parent
LABEL = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}')


def unescape(s):
    return s.replace('\\n', '\n')


def parse_line(line, lineno, errors):
    text_parts, spans, neutral = [], [], []
    pos = 0          # byte position in output text
    i = 0
    for m in LABEL.finditer(line):
        plain = unescape(line[i:m.start()])
        text_parts.append(plain)
        pos += len(plain.encode('utf-8'))
        kind, role, body = m.group(1), m.group(2), unescape(m.group(3))
        if body != body.strip() or not body:
            errors.append(f'line {lineno}: span has outer whitespace or is empty: {m.group(0)!r}')
        if kind == 'NEUTRAL':
            if role != '-':
                errors.append(f'line {lineno}: NEUTRAL must have role "-": {m.group(0)!r}')
        elif kind not in KINDS:
            errors.append(f'line {lineno}: unknown kind {kind!r}')
        elif role not in ROLES:
            errors.append(f'line {lineno}: unknown role {role!r} in {m.group(0)!r}')
        b = len(body.encode('utf-8'))
        rec = {'start': pos, 'end': pos + b, 'kind': kind}
        if kind == 'NEUTRAL':
            neutral.append(rec)
        else:
            rec['role'] = role
            spans.append(rec)
        text_parts.append(body)
        pos += b
        i = m.end()
    tail = unescape(line[i:])
    text_parts.append(tail)
    text = ''.join(text_parts)
    # leftover markup means a malformed label
    for ch in '{}':
        if ch in text:
            errors.append(f'line {lineno}: stray {ch!r} in text (malformed label?)')
    if re.search(r'\|(reporter|subject|third|-)\|', text):
        errors.append(f'line {lineno}: stray label fragment in text')
    return text, spans, neutral


def check_tip(tip, lineno, errors):
    raw = tip['text'].encode('utf-8')
    allsp = sorted(tip['spans'] + tip['neutral'], key=lambda s: (s['start'], s['end']))
    for a, b in zip(allsp, allsp[1:]):
        if b['start'] < a['end']:
            errors.append(f'line {lineno}: overlapping spans {a} {b}')
    for s in allsp:
        try:
            seg = raw[s['start']:s['end']].decode('utf-8')
        except UnicodeDecodeError:
            errors.append(f'line {lineno}: span not on UTF-8 boundary {s}')
            continue
        if seg != seg.strip():
            errors.append(f'line {lineno}: span has outer whitespace {seg!r}')
    n = len(tip['text'])
    if not 40 <= n <= 2500:
        errors.append(f'line {lineno}: length {n} outside 40..2500')


def main():
    src = (HERE / 'source.txt').read_text(encoding='utf-8')
    errors, tips = [], []
    last_meta = None
    for lineno, line in enumerate(src.split('\n'), 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            if re.match(r'#\s*\d{3}\s*\|', line):
                last_meta = line
            continue
        if last_meta is None:
            errors.append(f'line {lineno}: tip without metadata comment')
        text, spans, neutral = parse_line(line, lineno, errors)
        tip = {'id': f'{SET}-{len(tips) + 1:04d}', 'text': text, 'spans': spans, 'neutral': neutral}
        check_tip(tip, lineno, errors)
        num = re.match(r'#\s*(\d{3})', last_meta or '# 000')
        if num and int(num.group(1)) != len(tips) + 1:
            errors.append(f'line {lineno}: metadata number {num.group(1)} != tip index {len(tips) + 1}')
        tip['_meta'] = last_meta
        last_meta = None
        tips.append(tip)
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        print(f'{len(errors)} error(s); nothing written', file=sys.stderr)
        sys.exit(1)

    def dump(path, items):
        with open(HERE / path, 'w', encoding='utf-8') as f:
            for t in items:
                out = {k: t[k] for k in ('id', 'text', 'spans', 'neutral')}
                f.write(json.dumps(out, ensure_ascii=False) + '\n')

    dump('all.jsonl', tips)
    order = list(tips)
    random.Random(SEED).shuffle(order)
    k = int(len(order) * DEV_FRACTION + 0.5)
    dev, held = order[:k], order[k:]
    dump('dev.jsonl', dev)
    dump('heldout.jsonl', held)

    def table(items):
        c = Counter((s['kind'], s['role']) for t in items for s in t['spans'])
        nn = sum(len(t['neutral']) for t in items)
        roles = ['reporter', 'subject', 'third']
        lines = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
        for kd in sorted(KINDS):
            row = [c[(kd, r)] for r in roles]
            lines.append(f'| {kd} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
        tot = [sum(c[(kd, r)] for kd in KINDS) for r in roles]
        lines.append('| **total** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
        empty = sum(1 for t in items if not t['spans'])
        lens = sorted(len(t['text']) for t in items)
        med = lens[len(lens) // 2] if lens else 0
        lines.append('')
        lines.append(f'tips: {len(items)}; tips with no personal span: {empty}; NEUTRAL spans: {nn}; '
                     f'length chars min/median/max: {lens[0]}/{med}/{lens[-1]}')
        return '\n'.join(lines)

    chan = Counter()
    langs = Counter()
    for t in tips:
        m = re.search(r'channel:\s*([^|]+)', t['_meta'] or '')
        chan[m.group(1).strip() if m else '?'] += 1
        m = re.search(r'lang:\s*([^|]+)', t['_meta'] or '')
        for l in (m.group(1) if m else '?').split(','):
            langs[l.strip()] += 1
    non_en = sum(1 for t in tips
                 if re.search(r'lang:\s*([^|]+)', t['_meta']) and
                 re.search(r'lang:\s*([^|]+)', t['_meta']).group(1).strip() != 'en')
    with open(HERE / 'stats.md', 'w', encoding='utf-8') as f:
        f.write(f'# Stats for set {SET}\n\nShuffle seed {SEED}; dev = first {k} of {len(tips)} after shuffle.\n\n')
        f.write('## all\n\n' + table(tips) + '\n\n')
        f.write('## dev\n\n' + table(dev) + '\n\n')
        f.write('## heldout\n\n' + table(held) + '\n\n')
        f.write('## channels\n\n' + '\n'.join(f'- {c}: {n}' for c, n in chan.most_common()) + '\n\n')
        f.write(f'## languages\n\nTips with some language other than English: {non_en} of {len(tips)}\n\n')
        f.write('\n'.join(f'- {l}: {n}' for l, n in sorted(langs.items(), key=lambda x: (-x[1], x[0]))) + '\n')
    print(f'ok: {len(tips)} tips, dev {len(dev)}, heldout {len(held)}')


if __name__ == '__main__':
    main()
