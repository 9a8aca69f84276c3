"""Build set roman14 from source.txt.

source.txt: one piece per line, preceded by a comment line
    # NNN | lang | voice | channel | sector | pii
Spans inline: {KIND|role|text}; look-alikes {NEUTRAL|-|text}. '\\n' (two chars) = newline.

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Exits non-zero on any label error or failed check digit.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checks import (ird_valid, nz_bank_valid, nz_bank_parts, luhn_valid, iban_valid,
                    aadhaar_valid, cn_id_valid, pan_valid, cnic_valid, nik_valid,
                    lk_nic_valid, ph_mobile_valid, nz_mobile_valid, alnum_upper,
                    digits_only, to_ascii_digits)
from numwords import words_to_digits

SET = 'roman14'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE',
         'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN_RE = re.compile(r'\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}')
HEAD_RE = re.compile(r'^#\s*(\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|'
                     r'\s*([^|]+?)\s*\|\s*(yes|no)\s*$')
MASK_RE = re.compile(r'[xX\*•…]{2,}|\.\.\.|_{2,}')

VALIDATORS = {
    'ird': ird_valid, 'nzbank': nz_bank_valid, 'card': luhn_valid, 'iban': iban_valid,
    'aadhaar': aadhaar_valid, 'cn_id': cn_id_valid, 'pan': pan_valid, 'cnic': cnic_valid,
    'nik': nik_valid, 'lk_nic': lk_nic_valid, 'ph_mobile': ph_mobile_valid,
    'nz_mobile': nz_mobile_valid,
}

errors = []
notes = Counter()


def err(pid, msg):
    errors.append('%s: %s' % (pid, msg))


def load_gen():
    table = {}
    try:
        with open('gen_values.tsv', encoding='utf-8') as f:
            for line in f:
                k, v = line.rstrip('\n').split('\t')
                table.setdefault(alnum_upper(v), k)
                if k.endswith('mobile'):
                    d = digits_only(v)
                    table.setdefault(d, k)
    except FileNotFoundError:
        pass
    return table


GEN = load_gen()


def context_before(text, start, n=60):
    return text[max(0, start - n):start].lower()


def check_value(pid, kind, value, text, start, langs):
    """Re-check a span's value where its format carries a check digit."""
    if kind not in ('ID', 'BANK', 'CARD', 'PHONE'):
        return
    raw = value
    if MASK_RE.search(raw) and kind != 'PHONE':
        notes['masked (not checked)'] += 1
        return
    conv = None
    if re.search(r'[A-Za-z]{2,}', raw) and not re.search(r'\d', to_ascii_digits(raw)):
        conv = words_to_digits(raw, langs)
    elif re.search(r'[A-Za-z]{3,}', raw) and re.search(r'\d', raw):
        conv = words_to_digits(raw, langs)
    key = alnum_upper(conv if conv else raw)
    dkey = digits_only(conv if conv else raw)
    gtype = GEN.get(key) or GEN.get(dkey)
    ctx = context_before(text, start)
    target = conv if conv else raw
    # phones: only shape checks for NZ and PH mobiles drawn from the generator
    if kind == 'PHONE':
        if gtype in ('ph_mobile', 'nz_mobile'):
            if not VALIDATORS[gtype](target):
                err(pid, 'PHONE %r fails %s shape' % (raw, gtype))
            notes['checked ' + gtype] += 1
        return
    if gtype in VALIDATORS:
        if not VALIDATORS[gtype](target):
            err(pid, '%s %r fails %s' % (kind, raw, gtype))
        notes['checked ' + gtype] += 1
        return
    t = alnum_upper(target)
    d = digits_only(target)
    if kind == 'CARD':
        if not luhn_valid(target):
            err(pid, 'CARD %r fails Luhn' % raw)
        notes['checked card'] += 1
        return
    if kind == 'BANK':
        if nz_bank_parts(target):
            if not nz_bank_valid(target):
                err(pid, 'BANK %r fails NZ bank checksum' % raw)
            notes['checked nzbank'] += 1
            return
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', t):
            if not iban_valid(target):
                err(pid, 'BANK %r fails IBAN mod 97' % raw)
            notes['checked iban'] += 1
            return
        notes['bank: no check digit format'] += 1
        return
    # ID
    if re.search(r'\bird\b|\btax\b', ctx) and len(d) in (8, 9) and len(t) == len(d):
        if not ird_valid(target):
            err(pid, 'ID %r (IRD context) fails mod 11' % raw)
        notes['checked ird'] += 1
        return
    if re.search(r'aadh?aa?r|adhar|adhaar|uid', ctx) and len(d) == 12:
        if not aadhaar_valid(target):
            err(pid, 'ID %r (Aadhaar context) fails Verhoeff' % raw)
        notes['checked aadhaar'] += 1
        return
    if re.fullmatch(r'\d{17}[\dX]', t):
        if not cn_id_valid(target):
            err(pid, 'ID %r fails ISO 7064 (CN resident ID)' % raw)
        notes['checked cn_id'] += 1
        return
    if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', t):
        if not pan_valid(target):
            err(pid, 'ID %r fails PAN shape' % raw)
        notes['checked pan'] += 1
        return
    if re.search(r'cnic|shanakhti', ctx) and len(d) == 13:
        if not cnic_valid(target):
            err(pid, 'ID %r fails CNIC shape' % raw)
        notes['checked cnic'] += 1
        return
    if re.search(r'\bnik\b|ktp', ctx) and len(d) == 16:
        if not nik_valid(target):
            err(pid, 'ID %r fails NIK shape' % raw)
        notes['checked nik'] += 1
        return
    if re.search(r'\bnic\b|hedunumpath', ctx) and re.fullmatch(r'\d{9}[VX]|\d{12}', t):
        if not lk_nic_valid(target):
            err(pid, 'ID %r fails LK NIC shape' % raw)
        notes['checked lk_nic'] += 1
        return
    notes['id: no check digit format'] += 1


def parse(path='source.txt'):
    pieces = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    head = None
    seen = set()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            m = HEAD_RE.match(line)
            if not m:
                err('line %d' % ln, 'bad header %r' % line)
                head = None
                continue
            head = m.groups()
            continue
        if head is None:
            err('line %d' % ln, 'piece without header')
            continue
        num, lang, voice, channel, sector, pii = head
        head = None
        if num in seen:
            err(num, 'duplicate number')
        seen.add(num)
        pid = '%s-%04d' % (SET, int(num))
        src = line.replace('\\n', '\n')
        text = ''
        spans, neutral = [], []
        pos = 0
        for m in SPAN_RE.finditer(src):
            text += src[pos:m.start()]
            kind, role, val = m.groups()
            start = len(text)
            text += val
            end = len(text)
            pos = m.end()
            if not val:
                err(pid, 'empty span')
                continue
            if val != val.strip():
                err(pid, 'outer whitespace in %r' % val)
            if kind == 'NEUTRAL':
                if role != '-':
                    err(pid, 'NEUTRAL with role %r' % role)
                neutral.append((start, end))
                continue
            if kind not in KINDS:
                err(pid, 'unknown kind %r' % kind)
            if role not in ROLES:
                err(pid, 'unknown role %r' % role)
            spans.append((start, end, kind, role, val))
        text += src[pos:]
        if '{' in text or '}' in text or '|' in text:
            err(pid, 'stray brace or bar in text: %r' % text[:80])
        langs = [re.sub(r'-.*', '', l) for l in lang.split('+')]
        for (s, e, k, r, v) in spans:
            check_value(pid, k, v, text, s, langs)
        if pii == 'no' and spans:
            err(pid, 'header says pii=no but has %d spans' % len(spans))
        if pii == 'yes' and not spans:
            err(pid, 'header says pii=yes but has no spans')
        allsp = sorted([(s, e) for s, e, *_ in spans] + neutral)
        for a, b in zip(allsp, allsp[1:]):
            if b[0] < a[1]:
                err(pid, 'overlap')
        pieces.append(dict(num=num, pid=pid, lang=lang, voice=voice, channel=channel,
                           sector=sector, text=text, spans=spans, neutral=neutral))
    return pieces


def byte_off(text, i):
    return len(text[:i].encode('utf-8'))


def to_json(p):
    t = p['text']
    return {
        'id': p['pid'], 'text': t,
        'spans': [{'start': byte_off(t, s), 'end': byte_off(t, e), 'kind': k, 'role': r}
                  for s, e, k, r, _ in p['spans']],
        'neutral': [{'start': byte_off(t, s), 'end': byte_off(t, e), 'kind': 'NEUTRAL'}
                    for s, e in p['neutral']],
    }


def table(objs, pieces_by_id):
    c = Counter()
    for o in objs:
        for s in o['spans']:
            c[(s['kind'], s['role'])] += 1
    kinds = sorted({k for k, _ in c})
    out = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        row = [c[(k, r)] for r in ('reporter', 'subject', 'third')]
        out.append('| %s | %d | %d | %d | %d |' % (k, *row, sum(row)))
    tot = [sum(c[(k, r)] for k in kinds) for r in ('reporter', 'subject', 'third')]
    out.append('| **all** | %d | %d | %d | %d |' % (*tot, sum(tot)))
    nneu = sum(len(o['neutral']) for o in objs)
    nopii = sum(1 for o in objs if not o['spans'])
    lens = [len(o['text']) for o in objs]
    out.append('')
    out.append('pieces: %d; without personal detail: %d; NEUTRAL look-alikes: %d; '
               'length chars min/median/max: %d/%d/%d' % (
                   len(objs), nopii, nneu, min(lens), int(statistics.median(lens)), max(lens)))
    return '\n'.join(out)


def main():
    pieces = parse()
    if errors:
        print('\n'.join(errors))
        print('%d errors' % len(errors))
        sys.exit(1)
    objs = [to_json(p) for p in pieces]
    # sanity: byte offsets round-trip
    for o in objs:
        b = o['text'].encode('utf-8')
        for s in o['spans'] + o['neutral']:
            seg = b[s['start']:s['end']].decode('utf-8')
            assert seg and seg == seg.strip(), (o['id'], seg)
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for o in objs:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    order = list(range(len(objs)))
    random.Random(14014).shuffle(order)
    ndev = round(len(objs) * 0.35)
    dev = [objs[i] for i in order[:ndev]]
    held = [objs[i] for i in order[ndev:]]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for o in sorted(part, key=lambda o: o['id']):
                f.write(json.dumps(o, ensure_ascii=False) + '\n')
    byid = {p['pid']: p for p in pieces}
    facets = []
    prim = Counter(p['lang'].split('+')[0].strip() for p in pieces)
    facets.append('**primary language** (first tag): ' + ', '.join('%s %d' % kv for kv in prim.most_common()))
    for key in ('lang', 'channel', 'sector', 'voice'):
        c = Counter()
        for p in pieces:
            for v in p[key].split('+') if key == 'lang' else [p[key]]:
                c[v.strip()] += 1
        facets.append('**%s**%s: ' % (key, ' (any tag in the piece)' if key == 'lang' else '') + ', '.join('%s %d' % kv for kv in c.most_common()))
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write('# roman14 statistics\n\n(generated by build.py)\n\n')
        f.write('## All (%d)\n\n%s\n\n' % (len(objs), table(objs, byid)))
        f.write('## Dev (%d)\n\n%s\n\n' % (len(dev), table(dev, byid)))
        f.write('## Held out (%d)\n\n%s\n\n' % (len(held), table(held, byid)))
        f.write('## Composition\n\n' + '\n\n'.join(facets) + '\n\n')
        f.write('## Check-digit re-checks\n\n' + '\n'.join(
            '- %s: %d' % kv for kv in sorted(notes.items())) + '\n')
    print('ok: %d pieces, %d spans, dev %d, heldout %d' % (
        len(objs), sum(len(o['spans']) for o in objs), len(dev), len(held)))
    print(dict(sorted(notes.items())))


if __name__ == '__main__':
    main()
