#!/usr/bin/env python3
"""Parse source.txt (long28), check spans, write all/dev/heldout jsonl and stats.md."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict

SET = 'long28'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP'}
ROLES = {'reporter','subject','third'}
SPAN = re.compile(r'\{([A-Z]+)\|([^|{}]*)\|([^{}]*)\}')
errors = []

def digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            try: out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError): pass
    return ''.join(out)

def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    return sum(x if i % 2 == 0 else (x*2-9 if x*2 > 9 else x*2) for i, x in enumerate(d)) % 10 == 0

def ird_ok(s):
    if len(s) not in (8, 9): return False
    s = s.zfill(9); b = [int(c) for c in s[:8]]; c = int(s[8])
    n = int(s)
    if not (10000000 <= n // 1 and n <= 150000000 * 10): pass
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(x*y for x, y in zip(b, w)) % 11
        cc = 0 if r == 0 else 11 - r
        if cc != 10: return cc == c
    return False

NZBANKS = {'01','02','03','06','11','12','13','14','15','16','17','18','19','20','21','22','23','24','27','30','35','38'}
def nzbank_ok(s):
    m = re.fullmatch(r'(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})', s.strip())
    if not m: return None
    bank, br, acct, suf = m.groups()
    if bank not in NZBANKS: return None
    acct = acct.zfill(8); suf = suf.zfill(4)
    dig = bank + br + acct + suf
    if int(acct) < 990000: w = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    else: w = [0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0]
    return sum(int(d)*x for d, x in zip(dig, w)) % 11 == 0

def iban_ok(s):
    s = re.sub(r'\s', '', s).upper()
    if not re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{8,30}', s): return None
    t = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in t)) % 97 == 1

d_t = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
p_t = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)): c = d_t[c][p_t[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    s = s.upper()
    if not re.fullmatch(r'\d{17}[\dX]', s): return None
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return '10X98765432'[sum(int(a)*b for a, b in zip(s, w)) % 11] == s[17]

def check_digits(pid, kind, text, before):
    masked = re.search(r'[xX*•]{2,}|\.\.\.', text)
    d = digits(text)
    ctx = before[-60:].lower()
    if kind == 'CARD' and not masked and len(d) >= 13:
        if not luhn_ok(d): errors.append(f'{pid}: CARD fails Luhn: {text}')
    if kind == 'BANK' and not masked:
        r = nzbank_ok(re.sub(r'[^\d -]', '', text) if re.fullmatch(r'[\d\s-]+', text) else text)
        if r is False: errors.append(f'{pid}: NZ bank fails check: {text}')
        r = iban_ok(text)
        if r is False: errors.append(f'{pid}: IBAN fails mod 97: {text}')
    if kind == 'ID' and not masked:
        if ('ird' in ctx or 'tax' in ctx) and 8 <= len(d) <= 9 and re.fullmatch(r'[\d\s-]+', text):
            if not ird_ok(d): errors.append(f'{pid}: IRD fails mod 11: {text}')
        if ('aadhaar' in ctx or 'aadhar' in ctx or 'आधार' in ctx) and len(d) == 12:
            if not verhoeff_ok(d): errors.append(f'{pid}: Aadhaar fails Verhoeff: {text}')
        r = cnid_ok(re.sub(r'\s', '', text))
        if r is False: errors.append(f'{pid}: CN resident ID fails ISO 7064: {text}')
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', text) and text[3] not in 'PCHFATBLJG':
            errors.append(f'{pid}: PAN bad 4th letter: {text}')
    if kind == 'PHONE' and not masked:
        if d.startswith('639') and len(d) != 12: errors.append(f'{pid}: PH mobile wrong length: {text}')
        if d.startswith('09') and text.strip().startswith('09') and len(d) == 11 and not d.startswith('09'):
            pass

def parse(path='source.txt'):
    pieces = []; header = None; n = 0
    for ln, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        if not line.strip(): continue
        if line.startswith('#'):
            header = line; continue
        if header is None: errors.append(f'line {ln}: piece without header'); continue
        n += 1; pid = f'{SET}-{n:04d}'
        hdr = [h.strip() for h in header.lstrip('#').split('|')]
        if len(hdr) != 6: errors.append(f'{pid} (line {ln}): header needs 6 fields: {header}')
        header = None
        src = line.replace('\\n', '\n')
        text = ''; spans = []; neutral = []; pos = 0
        for m in SPAN.finditer(src):
            text += src[pos:m.start()]
            kind, role, val = m.groups()
            if not val or val != val.strip(): errors.append(f'{pid}: empty/whitespace span {m.group(0)!r}')
            b0 = len(text.encode('utf-8')); before = text
            text += val
            b1 = len(text.encode('utf-8'))
            if kind == 'NEUTRAL':
                if role != '-': errors.append(f'{pid}: NEUTRAL role must be -')
                neutral.append({'start': b0, 'end': b1, 'kind': 'NEUTRAL'})
            else:
                if kind not in KINDS: errors.append(f'{pid}: unknown kind {kind}')
                if role not in ROLES: errors.append(f'{pid}: unknown role {role} in {m.group(0)}')
                check_digits(pid, kind, val, before)
                spans.append({'start': b0, 'end': b1, 'kind': kind, 'role': role})
            pos = m.end()
        text += src[pos:]
        if '{' in text or '}' in text: errors.append(f'{pid}: stray brace (malformed span?) near {text[max(0,text.find("{")-30):text.find("{")+40]!r}')
        if '|' in text and re.search(r'\{|\}', src[pos:]): errors.append(f'{pid}: malformed')
        allsp = sorted(spans + neutral, key=lambda s: s['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']: errors.append(f'{pid}: overlap')
        pieces.append({'id': pid, 'text': text, 'spans': spans, 'neutral': neutral, '_hdr': hdr})
    return pieces

def table(ps):
    c = Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    kinds = sorted({k for k, _ in c}); roles = ['reporter', 'subject', 'third']
    out = ['| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|' * (len(roles) + 1)]
    for k in kinds:
        row = [c[(k, r)] for r in roles]
        out.append(f'| {k} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(k, r)] for k in kinds) for r in roles]
    out.append('| **all** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    nn = sum(len(p['neutral']) for p in ps)
    none = sum(1 for p in ps if not p['spans'])
    out.append(f'\nPieces: {len(ps)}; with no spans: {none}; NEUTRAL spans: {nn}')
    return '\n'.join(out)

def main():
    ps = parse()
    if errors:
        print('\n'.join(errors)); print(f'{len(errors)} errors'); sys.exit(1)
    def dump(fn, items):
        with open(fn, 'w', encoding='utf-8') as f:
            for p in items:
                f.write(json.dumps({k: p[k] for k in ('id', 'text', 'spans', 'neutral')}, ensure_ascii=False) + '\n')
    dump('all.jsonl', ps)
    sh = ps[:]; random.Random(28028).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sorted(sh[:k], key=lambda p: p['id']), sorted(sh[k:], key=lambda p: p['id'])
    dump('dev.jsonl', dev); dump('heldout.jsonl', held)
    L = sorted(len(p['text']) for p in ps)
    langs = Counter(p['_hdr'][1] for p in ps if len(p['_hdr']) > 1)
    chans = Counter(p['_hdr'][3] for p in ps if len(p['_hdr']) > 3)
    secs = Counter(p['_hdr'][4] for p in ps if len(p['_hdr']) > 4)
    with open('stats.md', 'w', encoding='utf-8') as f:
        f.write(f'# long28 stats\n\nPieces: {len(ps)} (dev {len(dev)}, held out {len(held)})\n\n')
        f.write(f'Length in characters: min {L[0]}, median {L[len(L)//2]}, max {L[-1]}, mean {sum(L)//len(L)}; '
                f'<600: {sum(1 for x in L if x < 600)}, 600-2500: {sum(1 for x in L if 600 <= x <= 2500)}, >2500: {sum(1 for x in L if x > 2500)}\n\n')
        for name, sub in (('All', ps), ('Dev', dev), ('Held out', held)):
            f.write(f'## {name}\n\n{table(sub)}\n\n')
        f.write('## Languages\n\n' + ', '.join(f'{a}: {b}' for a, b in langs.most_common()) + '\n\n')
        f.write('## Channels\n\n' + ', '.join(f'{a}: {b}' for a, b in chans.most_common()) + '\n\n')
        f.write('## Sectors\n\n' + ', '.join(f'{a}: {b}' for a, b in secs.most_common()) + '\n')
    print(f'OK {len(ps)} pieces, dev {len(dev)}, held {len(held)}')
    print(table(ps))

if __name__ == '__main__':
    main()
