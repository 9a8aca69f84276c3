"""Build set home16: parse source.txt, check spans, write all/dev/heldout jsonl and stats.md."""
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from checks import (ascii_digits, digits_only, ird_ok, nz_bank_ok, nz_bank_parts, iban_ok, luhn_ok,
                    aadhaar_ok, cn_id_ok, pan_ok, thai_ok, krrn_ok, cpf_ok, rut_ok, curp_ok, hkid_ok, dui_ok, clabe_ok)

SET = 'home16'
HERE = Path(__file__).resolve().parent
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
HEAD = re.compile(r'^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (yes|no)\s*$')
MASK = re.compile(r'[*•xX#]{2,}|[xX*•]{1,}\d|\d[xX*•]{2,}|\.\.\.')

errors = []
checks_run = Counter()


def err(pid, msg):
    errors.append(f'piece {pid}: {msg}')


def parse_piece(pid, raw):
    """Return text, spans, neutral (character offsets in decoded text)."""
    text, spans, neutral = [], [], []
    pos = 0
    i = 0
    s = raw
    while i < len(s):
        ch = s[i]
        if ch == '\\' and s[i:i + 2] == '\\n':
            text.append('\n'); pos += 1; i += 2; continue
        if ch == '{':
            j = s.find('}', i)
            if j < 0:
                err(pid, 'unclosed {'); return None
            inner = s[i + 1:j]
            if '{' in inner:
                err(pid, f'nested brace in {inner!r}'); return None
            parts = inner.split('|', 2)
            if len(parts) != 3:
                err(pid, f'bad span {inner!r}'); return None
            kind, role, t = parts
            if '\\n' in t:
                err(pid, f'line break inside span {t!r}')
                t = t.replace('\\n', '\n')
            if not t or t != t.strip():
                err(pid, f'empty or padded span {t!r}')
            if kind == 'NEUTRAL':
                if role != '-':
                    err(pid, f'NEUTRAL role must be - : {inner!r}')
                neutral.append((pos, pos + len(t), t))
            else:
                if kind not in KINDS:
                    err(pid, f'unknown kind {kind}')
                if role not in ROLES:
                    err(pid, f'unknown role {role}')
                spans.append((pos, pos + len(t), kind, role, t))
            text.append(t); pos += len(t); i = j + 1; continue
        if ch == '}':
            err(pid, 'stray }')
        text.append(ch); pos += 1; i += 1
    return ''.join(text), spans, neutral


def check_value(pid, kind, t, ctx):
    """Check-digit / shape checks. ctx = up to 70 chars before the span (same piece)."""
    a = ascii_digits(t)
    masked = bool(MASK.search(a.replace('X', '') if re.fullmatch(r'\d{17}X', a.replace(' ', '')) else a))
    d = digits_only(t)
    lc = ctx.lower()
    if masked and kind in ('CARD', 'BANK', 'ID'):
        checks_run['masked-skip'] += 1
        return
    if kind == 'CARD':
        checks_run['luhn'] += 1
        if not luhn_ok(t):
            err(pid, f'card fails Luhn: {t}')
    elif kind == 'BANK':
        compact = re.sub(r'[\s-]', '', t)
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', compact):
            checks_run['iban'] += 1
            if not iban_ok(t):
                err(pid, f'IBAN fails mod 97: {t}')
        elif re.search(r'clabe', lc) and len(d) == 18:
            checks_run['mx-clabe'] += 1
            if not clabe_ok(d):
                err(pid, f'CLABE fails: {t}')
        elif nz_bank_parts(t) and re.fullmatch(r'\d{2}[\s-]\d{4}[\s-]\d{7,8}[\s-]\d{2,4}', a.strip()):
            checks_run['nz-bank'] += 1
            if not nz_bank_ok(t):
                err(pid, f'NZ bank account fails: {t}')
    elif kind == 'ID':
        compact = re.sub(r'[\s-]', '', a).upper()
        if re.fullmatch(r'\d{17}[\dX]', compact):
            checks_run['cn-resident-id'] += 1
            if not cn_id_ok(compact):
                err(pid, f'CN ID fails ISO 7064: {t}')
        elif re.fullmatch(r'[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d', compact):
            checks_run['curp'] += 1
            if not curp_ok(compact):
                err(pid, f'CURP fails: {t}')
        elif re.fullmatch(r'[A-Z]{1,2}\d{6}\(?[\dA]\)?', compact) and re.search(r'hkid|hong kong|身份證|香港', lc):
            checks_run['hkid'] += 1
            if not hkid_ok(compact):
                err(pid, f'HKID fails: {t}')
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', compact):
            checks_run['pan-shape'] += 1
            if not pan_ok(compact):
                err(pid, f'PAN shape fails: {t}')
        elif re.search(r'(?<![a-z])ird(?![a-z])|inland revenue|tax (file )?n(o|umber)|tax#', lc) and len(d) in (8, 9) and d == re.sub(r'[\s-]', '', a):
            checks_run['ird'] += 1
            if not ird_ok(d):
                err(pid, f'IRD fails mod 11: {t}')
        elif re.search(r'aadh?aa?r|आधार|ਆਧਾਰ|ஆதார்|ആധാർ|আধার|uidai', lc) and len(d) == 12:
            checks_run['aadhaar'] += 1
            if not aadhaar_ok(d):
                err(pid, f'Aadhaar fails Verhoeff: {t}')
        elif re.search(r'บัตรประชาชน|ประจำตัว|thai id|บัตร ปชช|บัตรปชช', lc) and len(d) == 13:
            checks_run['thai-id'] += 1
            if not thai_ok(d):
                err(pid, f'Thai ID fails: {t}')
        elif re.search(r'주민|rrn|resident registration', lc) and len(d) == 13:
            checks_run['kr-rrn'] += 1
            if not krrn_ok(d):
                err(pid, f'Korean RRN fails: {t}')
        elif re.search(r'\bdui\b', lc) and len(d) == 9:
            checks_run['sv-dui'] += 1
            if not dui_ok(d):
                err(pid, f'DUI fails: {t}')
        elif re.search(r'\bcpf\b', lc) and len(d) == 11:
            checks_run['cpf'] += 1
            if not cpf_ok(d):
                err(pid, f'CPF fails: {t}')
        elif re.search(r'\brut\b|\brun\b', lc) and re.fullmatch(r'[\d.]+-?[\dkK]', t):
            checks_run['rut'] += 1
            if not rut_ok(t):
                err(pid, f'RUT fails: {t}')
        else:
            checks_run['id-no-check'] += 1
            # context says it should be a check-digit format but shape did not match
            if re.search(r'(?<![a-z])ird(?![a-z])', lc[-25:]) and not re.search(r'passport|licen', lc[-25:]):
                err(pid, f'IRD context but not checked: {t!r}')
            if re.search(r'aadh?aa?r|आधार', lc[-25:]):
                err(pid, f'Aadhaar context but not checked: {t!r}')


def main():
    src = (HERE / 'source.txt').read_text(encoding='utf-8').split('\n')
    pieces = []
    head = None
    seen = set()
    for ln, line in enumerate(src, 1):
        if not line.strip():
            continue
        if line.startswith('#'):
            m = HEAD.match(line)
            if not m:
                errors.append(f'line {ln}: bad header {line!r}')
                head = None
                continue
            if head is not None:
                errors.append(f'line {ln}: header without piece before it')
            head = m.groups()
            continue
        if head is None:
            errors.append(f'line {ln}: text without header')
            continue
        pid = head[0]
        if pid in seen:
            errors.append(f'line {ln}: duplicate id {pid}')
        seen.add(pid)
        r = parse_piece(pid, line)
        if r is None:
            head = None
            continue
        text, spans, neutral = r
        if head[5] == 'no' and spans:
            err(pid, 'marked pii=no but has spans')
        if head[5] == 'yes' and not spans:
            err(pid, 'marked pii=yes but has no spans')
        for (s, e, kind, role, t) in spans:
            check_value(pid, kind, t, text[max(0, s - 70):s])
        # byte offsets
        def b(ci):
            return len(text[:ci].encode('utf-8'))
        enc = text.encode('utf-8')
        jspans = []
        for (s, e, kind, role, t) in spans:
            bs, be = b(s), b(e)
            assert enc[bs:be].decode('utf-8') == t
            jspans.append({'start': bs, 'end': be, 'kind': kind, 'role': role})
        jneu = []
        for (s, e, t) in neutral:
            jneu.append({'start': b(s), 'end': b(e), 'kind': 'NEUTRAL'})
        allsp = sorted([(x['start'], x['end']) for x in jspans + jneu])
        for (a1, a2), (b1, b2) in zip(allsp, allsp[1:]):
            if b1 < a2:
                err(pid, 'overlapping spans')
        pieces.append({'id': f'{SET}-{int(pid):04d}', 'text': text, 'spans': jspans, 'neutral': jneu,
                       '_meta': dict(zip(['n', 'lang', 'voice', 'channel', 'sector', 'pii'], head))})
        head = None
    if head is not None:
        errors.append('last header has no piece')
    nums = [int(p['_meta']['n']) for p in pieces]
    if nums != list(range(1, len(nums) + 1)):
        errors.append('piece numbers are not 1..N in order')

    def dump(path, ps):
        with open(HERE / path, 'w', encoding='utf-8') as f:
            for p in ps:
                f.write(json.dumps({k: p[k] for k in ('id', 'text', 'spans', 'neutral')}, ensure_ascii=False) + '\n')

    dump('all.jsonl', pieces)
    sh = pieces[:]
    random.Random(16).shuffle(sh)
    ndev = round(len(sh) * 0.35)
    dev, held = sh[:ndev], sh[ndev:]
    dump('dev.jsonl', dev)
    dump('heldout.jsonl', held)
    write_stats(pieces, dev, held)
    print(f'{len(pieces)} pieces, dev {len(dev)}, heldout {len(held)}')
    print('checks:', dict(checks_run))
    if errors:
        print('\n'.join(errors))
        sys.exit(1)


def table(ps):
    c = Counter()
    for p in ps:
        for s in p['spans']:
            c[(s['kind'], s['role'])] += 1
    kinds = sorted({k for k, _ in c})
    rows = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        rows.append(f'| {k} | ' + ' | '.join(map(str, r)) + f' | {sum(r)} |')
    tot = [sum(c[(k, x)] for k in kinds) for x in ('reporter', 'subject', 'third')]
    rows.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    neu = sum(len(p['neutral']) for p in ps)
    rows.append(f'\nNEUTRAL look-alikes: {neu}. Pieces: {len(ps)}, with no personal detail: '
                f'{sum(1 for p in ps if not p["spans"])}.')
    return '\n'.join(rows)


def write_stats(pieces, dev, held):
    out = [f'# Stats for set {SET}\n']
    for name, ps in (('All', pieces), ('Dev', dev), ('Held out', held)):
        out.append(f'## {name} ({len(ps)} pieces)\n')
        out.append(table(ps) + '\n')
    ch = [len(p['text']) for p in pieces]
    by = [len(p['text'].encode('utf-8')) for p in pieces]
    ch_s = sorted(ch)
    out.append('## Lengths\n')
    out.append(f'characters: min {min(ch)}, median {ch_s[len(ch)//2]}, max {max(ch)}, mean {sum(ch)/len(ch):.0f}; '
               f'bytes: min {min(by)}, max {max(by)}, total {sum(by)}\n')
    buckets = Counter('<100' if x < 100 else '100-299' if x < 300 else '300-799' if x < 800 else '800-1499' if x < 1500 else '1500+' for x in ch)
    out.append('length buckets (chars): ' + ', '.join(f'{k}: {buckets[k]}' for k in ['<100', '100-299', '300-799', '800-1499', '1500+']) + '\n')
    for field in ('lang', 'voice', 'channel', 'sector'):
        c = Counter()
        for p in pieces:
            for v in p['_meta'][field].strip().split('+'):
                c[v.strip()] += 1
        out.append(f'## {field}\n')
        out.append(', '.join(f'{k} {v}' for k, v in c.most_common()) + '\n')
    out.append('## check-digit checks run by build.py\n')
    out.append(', '.join(f'{k} {v}' for k, v in sorted(checks_run.items())) + '\n')
    (HERE / 'stats.md').write_text('\n'.join(out), encoding='utf-8')


if __name__ == '__main__':
    main()
