#!/usr/bin/env python3
"""Parse source.txt (inline-labelled pieces) -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md.
Checks every span; check-digit formats are re-validated (recognised by shape, plus a keyword
window for ambiguous digit runs such as Aadhaar / IRD)."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict

SET = 'kin11'
KINDS = {'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP','NEUTRAL'}
ROLES = {'reporter','subject','third','-'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
HEAD = re.compile(r'^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (pii|none)\s*$')

def ascii_digits(s):
    out = []
    for ch in s:
        if ch.isdigit() or unicodedata.digit(ch, None) is not None:
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return ''.join(out)

# ---- validators -------------------------------------------------------------
def ird_ok(d):
    if not (8 <= len(d) <= 9): return False
    n = int(d)
    if not (10_000_000 <= n <= 150_000_000): return False
    d = d.zfill(9); base, c = d[:8], int(d[8])
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a,b in zip(base,w)) % 11
        k = 0 if r == 0 else 11 - r
        if k != 10: return k == c
    return False

NZW = {'A':[0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0],'B':[0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0],
       'D':[0,0,0,0,0,0,0,7,6,5,4,3,2,1,0,0,0,0]}
def nzbank_ok(bank, br, acct, suf):
    digits = f"{bank}{br}{int(acct):08d}{int(suf):04d}"
    if bank in ('01','02','03','06','11','12','13','14','15','16','17','18','19','20','21','22','23','24','27','30','35','38'):
        alg = 'A' if int(acct) < 990000 else 'B'
    elif bank == '08': alg = 'D'
    else: return True  # other banks: not checked here
    return sum(int(a)*w for a,w in zip(digits, NZW[alg])) % 11 == 0

def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: x = x*2 - 9 if x*2 > 9 else x*2
        s += x
    return s % 10 == 0

def iban_ok(s):
    s = s.replace(' ', '').upper()
    num = ''.join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(num) % 97 == 1

D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)): c = D[c][P[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a,b in zip(s[:17],w)) % 11] == s[17].upper()

def rut_ok(s):
    body, dv = re.sub(r'[^\dkK]', '', s)[:-1], s[-1].upper()
    t = 0; m = 2
    for ch in reversed(body):
        t += int(ch)*m; m = 2 if m == 7 else m+1
    r = 11 - t % 11
    return dv == ('0' if r == 11 else 'K' if r == 10 else str(r))

def cpf_ok(d):
    b = [int(x) for x in d]
    for k in (9, 10):
        s = sum(x*w for x,w in zip(b[:k], range(k+1, 1, -1)))
        r = s % 11
        if b[k] != (0 if r < 2 else 11 - r): return False
    return True

def thai_ok(d):
    s = sum(int(a)*w for a,w in zip(d[:12], range(13,1,-1)))
    return (11 - s % 11) % 10 == int(d[12])

PH_PREFIX = re.compile(r'^9\d{9}$')

def check_value(kind, text, ctx):
    """Return error string or None. ctx = lower-cased text around the span."""
    t = ascii_digits(text)
    masked = bool(re.search(r'[xX*•●]{2,}|\.\.\.|…', t))
    digits = re.sub(r'\D', '', t)
    if masked: return None
    if kind == 'CARD':
        if 13 <= len(digits) <= 19 and not luhn_ok(digits): return 'Luhn fails'
    if kind == 'BANK':
        m = re.fullmatch(r'(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})', t.strip())
        if m and m.group(1) in ('01','02','03','06','12','38','08'):
            if not nzbank_ok(*m.groups()): return 'NZ bank check fails'
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', t.strip()) and not iban_ok(t): return 'IBAN mod97 fails'
    if kind == 'ID':
        s = t.strip()
        if re.fullmatch(r'\d{17}[\dXx]', s) and not cnid_ok(s): return 'CN ID ISO7064 fails'
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', s) and s[3] not in 'PCHFATBLJG': return 'PAN shape'
        if len(digits) == 12 and re.search(r'aadh|आधार|ਆਧਾਰ|uid', ctx) and not re.search(r'cccd|căn cước', ctx):
            if not verhoeff_ok(digits): return 'Aadhaar Verhoeff fails'
        if re.search(r'\bird\b|tax (file )?n|tax number|ird number|ird no', ctx) and 8 <= len(digits) <= 9 and re.fullmatch(r'[\d -]+', s):
            if not ird_ok(digits): return 'IRD mod11 fails'
        if re.fullmatch(r'\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]', s) and not rut_ok(s): return 'RUT fails'
        if re.fullmatch(r'\d{3}\.\d{3}\.\d{3}-\d{2}', s) and not cpf_ok(digits): return 'CPF fails'
        if len(digits) == 13 and re.search(r'thai|บัตรประชาชน|ประชาชน', ctx) and not thai_ok(digits): return 'Thai ID fails'
    if kind == 'PHONE':
        if digits.startswith('63') and len(digits) == 12 and not PH_PREFIX.match(digits[2:]): return 'PH mobile shape'
        if digits.startswith('09') and len(digits) == 11 and re.search(r'phil|pinas|gcash|pinoy|tagalog|manila|\bph\b|ate|kuya|nanay|anak', ctx) and not PH_PREFIX.match(digits[1:]): return 'PH mobile shape'
    if kind == 'IP':
        parts = t.strip().split('.')
        if len(parts) == 4 and not all(p.isdigit() and 0 <= int(p) <= 255 for p in parts): return 'bad IPv4'
    return None

# ---- parse -----------------------------------------------------------------------
def parse(path):
    pieces = []; errors = []
    head = None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        if line.startswith('#'):
            m = HEAD.match(line)
            if not m: errors.append(f'{ln}: bad header: {line}'); head = None; continue
            head = m.groups(); continue
        if head is None: errors.append(f'{ln}: text without header'); continue
        text = ''; spans = []; neutral = []; pos = 0
        def add(raw):
            return raw.replace('\\n', '\n')
        for m in SPAN.finditer(line):
            text += add(line[pos:m.start()])
            kind, role, val = m.groups(); val = add(val)
            if kind not in KINDS: errors.append(f'{ln}: unknown kind {kind}')
            if role not in ROLES: errors.append(f'{ln}: unknown role {role}')
            if kind == 'NEUTRAL' and role != '-': errors.append(f'{ln}: NEUTRAL needs role -')
            if kind != 'NEUTRAL' and role == '-': errors.append(f'{ln}: {kind} needs a role')
            if not val or val != val.strip(): errors.append(f'{ln}: empty/whitespace span {val!r}')
            s = len(text); text += val
            (neutral if kind == 'NEUTRAL' else spans).append((s, len(text), kind, role, val))
            pos = m.end()
        text += add(line[pos:])
        if '{' in text or '}' in text: errors.append(f'{ln}: stray brace (malformed span?)')
        allsp = sorted(spans + neutral)
        for a, b in zip(allsp, allsp[1:]):
            if b[0] < a[1]: errors.append(f'{ln}: overlap {a[4]!r} / {b[4]!r}')
        for s, e, kind, role, val in spans:
            ctx = text[max(0, s-60):e+20].lower()
            err = check_value(kind, val, ctx)
            if err: errors.append(f'{ln}: {kind} {val!r}: {err}')
        if head[5] == 'none' and spans: errors.append(f'{ln}: header says none but has spans')
        if head[5] == 'pii' and not spans: errors.append(f'{ln}: header says pii but no spans')
        pieces.append((head, text, spans, neutral, ln)); head = None
    return pieces, errors

def bo(text, i): return len(text[:i].encode('utf-8'))

def main():
    pieces, errors = parse('source.txt')
    nums = [p[0][0] for p in pieces]
    if len(set(nums)) != len(nums): errors.append('duplicate piece numbers: ' + str([n for n,c in Counter(nums).items() if c>1]))
    if errors:
        print('\n'.join(errors)); print(f'{len(errors)} errors'); sys.exit(1)
    recs = []
    for (head, text, spans, neutral, ln) in pieces:
        rid = f'{SET}-{int(head[0]):04d}'
        rec = {'id': rid, 'text': text,
               'spans': [{'start': bo(text,s), 'end': bo(text,e), 'kind': k, 'role': r} for s,e,k,r,_ in spans],
               'neutral': [{'start': bo(text,s), 'end': bo(text,e), 'kind': 'NEUTRAL'} for s,e,k,r,_ in neutral],
               'meta': {'lang': head[1].strip(), 'voice': head[2].strip(), 'channel': head[3].strip(), 'sector': head[4].strip()}}
        b = text.encode('utf-8')
        for sp, (_,_,_,_,v) in zip(rec['spans'], spans):
            assert b[sp['start']:sp['end']].decode('utf-8') == v
        recs.append(rec)
    with open('all.jsonl','w',encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    sh = recs[:]; random.Random(20251111).shuffle(sh)
    k = round(len(sh)*0.35); dev, held = sh[:k], sh[k:]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name,'w',encoding='utf-8') as f:
            for r in sorted(part, key=lambda r: r['id']): f.write(json.dumps(r, ensure_ascii=False) + '\n')
    # stats
    kinds = ['NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP']
    roles = ['reporter','subject','third']
    L = ['# kin11 stats', '']
    for title, part in (('all', recs), ('dev', dev), ('heldout', held)):
        c = Counter((s['kind'], s['role']) for r in part for s in r['spans'])
        nn = sum(len(r['neutral']) for r in part)
        nopii = sum(1 for r in part if not r['spans'])
        lens = sorted(len(r['text']) for r in part)
        L += [f'## {title}: {len(part)} pieces, {sum(c.values())} spans, {nn} neutral, {nopii} pieces with no PII',
              f'length (chars): min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, mean {sum(lens)//len(lens)}', '',
              '| kind | ' + ' | '.join(roles) + ' | total |', '|---|' + '---|'*(len(roles)+1)]
        for kd in kinds:
            row = [c[(kd, r)] for r in roles]
            L.append(f'| {kd} | ' + ' | '.join(map(str,row)) + f' | {sum(row)} |')
        L.append('| total | ' + ' | '.join(str(sum(c[(kd,r)] for kd in kinds)) for r in roles) + f' | {sum(c.values())} |')
        L.append('')
    langs = Counter(r['meta']['lang'] for r in recs); chans = Counter(r['meta']['channel'] for r in recs)
    secs = Counter(r['meta']['sector'] for r in recs); voices = Counter(r['meta']['voice'] for r in recs)
    for t, c in (('languages', langs), ('channels', chans), ('sectors', secs), ('voices', voices)):
        L.append(f'**{t}**: ' + ', '.join(f'{k} {v}' for k,v in c.most_common())); L.append('')
    open('stats.md','w',encoding='utf-8').write('\n'.join(L))
    print(f'ok: {len(recs)} pieces, dev {len(dev)}, heldout {len(held)}')

if __name__ == '__main__': main()
