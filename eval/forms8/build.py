"""Build forms8: parse source.txt, check spans, write all/dev/heldout jsonl and stats.md."""
import re, json, random, sys, collections
from checks import *

SET = 'forms8'
KINDS = {'NAME', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'BANK', 'CARD', 'DOB', 'PLATE', 'HANDLE', 'IP'}
ROLES = {'reporter', 'subject', 'third'}
SPAN = re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
MASK = re.compile(r'[xX*•●#]{2,}|X{1,}\d|\d[xX]{2}')

errors, notes = [], collections.Counter()

def err(n, msg):
    errors.append('%s: %s' % (n, msg))

def check_value(n, kind, text, ctx):
    """Check digits / shapes. ctx = lower-cased text preceding the span."""
    t = text.strip()
    d = digits(t)
    masked = bool(MASK.search(t)) or '*' in t or '•' in t
    c = ctx[-70:]
    if kind == 'CARD':
        if masked or len(d) < 13:
            notes['CARD masked/partial (not checked)'] += 1
            return
        if not luhn_ok(d):
            err(n, 'card fails Luhn: %s' % t)
        notes['CARD Luhn'] += 1
    elif kind == 'BANK':
        if re.fullmatch(r'\d{2}[- ]\d{4}[- ]\d{7,8}[- ]\d{2,4}', t) or (re.fullmatch(r'\d{15,18}', t) and re.search(r'\bnz\b|anz|asb|bnz|kiwibank|westpac|bank account|acct|a/c|account', c)):
            if len(d) in (15, 16, 17, 18) and re.fullmatch(r'\d{2}[- ]?\d{4}[- ]?\d{7,8}[- ]?\d{2,4}', t):
                if not nzbank_ok(t if not t.isdigit() else '%s-%s-%s-%s' % (t[:2], t[2:6], t[6:13], t[13:])):
                    err(n, 'NZ bank account fails check: %s' % t)
                notes['BANK NZ mod11'] += 1
        elif re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}', t) and not masked:
            if not iban_ok(t):
                err(n, 'IBAN fails mod 97: %s' % t)
            notes['BANK IBAN mod97'] += 1
    elif kind == 'ID' and not masked:
        u = t.upper().replace(' ', '')
        if re.fullmatch(r'\d{17}[\dX]', u):
            if not cnid_ok(u):
                err(n, 'Chinese ID fails: %s' % t)
            notes['ID China ISO7064'] += 1
        elif re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]', u) and re.search(r'pan|पैन|ਪੈਨ|income tax', c):
            if not pan_ok(u):
                err(n, 'PAN shape: %s' % t)
            notes['ID PAN shape'] += 1
        elif len(d) == 12 and re.search(r'aadhaar|aadhar|adhar|आधार|ਆਧਾਰ|uidai|ஆதார்', c):
            if not aadhaar_ok(d):
                err(n, 'Aadhaar fails Verhoeff: %s' % t)
            notes['ID Aadhaar Verhoeff'] += 1
        elif re.search(r'\bird\b|tax number|tax no|ird no|ird#|nomor pajak nz', c) and len(d) in (8, 9) and len(d) == len(re.sub(r'[\s-]', '', t)):
            if not ird_ok(d):
                err(n, 'IRD fails mod 11: %s' % t)
            notes['ID IRD mod11'] += 1
        elif re.search(r'cpf', c) and len(d) == 11:
            if not cpf_ok(d):
                err(n, 'CPF fails: %s' % t)
            notes['ID CPF mod11'] += 1
        elif re.fullmatch(r'[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[0-9A-Z]\d', u):
            if not curp_ok(u):
                err(n, 'CURP fails: %s' % t)
            notes['ID CURP'] += 1
        elif re.fullmatch(r'\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]', t):
            if not rut_ok(t):
                err(n, 'RUT fails: %s' % t)
            notes['ID RUT mod11'] += 1
        elif len(d) == 13 and re.search(r'thai|บัตรประชาชน|เลขประจำตัว', c):
            if not thai_ok(d):
                err(n, 'Thai ID fails: %s' % t)
            notes['ID Thai mod11'] += 1
        elif len(d) == 13 and re.search(r'주민|rrn|resident registration', c):
            if not krrn_ok(d):
                err(n, 'Korean RRN fails: %s' % t)
            notes['ID Korea RRN'] += 1
        elif re.fullmatch(r'[XYZ]?\d{7,8}-?[A-Z]', u) and re.search(r'dni|nie', c):
            if not dni_es_ok(u):
                err(n, 'DNI/NIE fails: %s' % t)
            notes['ID Spain DNI'] += 1
        elif len(d) == 16 and re.search(r'nik|ktp', c):
            if not nik_ok(d):
                err(n, 'NIK shape: %s' % t)
            notes['ID NIK shape'] += 1
        elif re.fullmatch(r'[A-Z]{1,2}\d{6}\(?[0-9A]\)?', u) and re.search(r'hkid|香港身份證|hong kong id', c):
            if not hkid_ok(u):
                err(n, 'HKID fails mod 11: %s' % t)
            notes['ID HKID mod11'] += 1
        elif re.fullmatch(r'[A-Z]{3}\d{4}', u) and re.search(r'nhi', c):
            if not nhi_ok(u):
                err(n, 'NHI fails mod 11: %s' % t)
            notes['ID NHI mod11'] += 1
        elif len(d) == 12 and re.search(r'cccd|căn cước|can cuoc', c):
            if not cccd_ok(d):
                err(n, 'CCCD shape: %s' % t)
            notes['ID CCCD shape'] += 1
    if kind in ('PHONE', 'BANK') and not masked and ((len(d) == 11 and d.startswith('09') and not t.startswith('09 ')) or (len(d) == 12 and d.startswith('639'))):
        if not ph_mobile_ok(d):
            err(n, 'Philippine mobile shape: %s' % t)
        notes['PHONE/BANK Philippine mobile shape'] += 1
    if kind == 'PHONE' and not masked and d.startswith('02') and not re.search(r'[a-z]', t.lower()):
        if not 9 <= len(d) <= 11:
            err(n, 'NZ mobile length: %s' % t)
        notes['PHONE NZ mobile length'] += 1
    elif kind == 'EMAIL':
        if '@' not in t and not re.search(r'\bat\b|\bdot\b|アット|艾特', t.lower()):
            err(n, 'email without @: %s' % t)

def parse(path='source.txt'):
    pieces, header = [], None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('#'):
            header = line
            continue
        if header is None:
            err(ln, 'piece without header')
        m = re.match(r'#\s*(\d+)\s*\|', header or '')
        num = int(m.group(1)) if m else None
        hdr = [x.strip() for x in (header or '').lstrip('#').split('|')]
        if len(hdr) != 6:
            err(ln, 'header needs 6 fields: %s' % header)
        raw = line.replace('\\n', '\n')
        out, spans, neutral, pos = [], [], [], 0
        blen = 0
        for sm in SPAN.finditer(raw):
            pre = raw[pos:sm.start()]
            out.append(pre); blen += len(pre.encode())
            kind, role, text = sm.groups()
            tag = 'line %d (#%s)' % (ln, num)
            if not text or text != text.strip():
                err(tag, 'empty or outer whitespace in span %r' % sm.group(0))
            if kind == 'NEUTRAL':
                if role != '-':
                    err(tag, 'NEUTRAL role must be -')
            else:
                if kind not in KINDS:
                    err(tag, 'unknown kind %s' % kind)
                if role not in ROLES:
                    err(tag, 'unknown role %s' % role)
                ctx = ''.join(out).lower()
                check_value(tag, kind, text, ctx)
            s = blen
            out.append(text); blen += len(text.encode())
            rec = {'start': s, 'end': blen, 'kind': kind}
            if kind == 'NEUTRAL':
                neutral.append(rec)
            else:
                rec['role'] = role
                spans.append(rec)
            pos = sm.end()
        out.append(raw[pos:])
        text = ''.join(out)
        if re.search(r'\{[A-Z]+\|', text) or re.search(r'\|(reporter|subject|third)\|', text):
            err('line %d' % ln, 'malformed span left in text')
        if '{' in text or '}' in text:
            err('line %d' % ln, 'stray brace in text')
        if text != text.strip():
            err('line %d' % ln, 'piece has outer whitespace')
        allsp = sorted(spans + neutral, key=lambda r: r['start'])
        for a, b in zip(allsp, allsp[1:]):
            if b['start'] < a['end']:
                err('line %d' % ln, 'overlap')
        pieces.append({'num': num, 'hdr': hdr, 'text': text, 'spans': spans, 'neutral': neutral})
    nums = [p['num'] for p in pieces]
    if nums != list(range(1, len(pieces) + 1)):
        err('-', 'piece numbers not 1..N in order: %s' % [x for i, x in enumerate(nums, 1) if x != i][:5])
    return pieces

def table(ps):
    c = collections.Counter((s['kind'], s['role']) for p in ps for s in p['spans'])
    kinds = sorted({k for k, _ in c})
    rows = ['| kind | reporter | subject | third | total |', '|---|---|---|---|---|']
    for k in kinds:
        r = [c[(k, x)] for x in ('reporter', 'subject', 'third')]
        rows.append('| %s | %d | %d | %d | %d |' % (k, *r, sum(r)))
    tot = [sum(c[(k, x)] for k in kinds) for x in ('reporter', 'subject', 'third')]
    rows.append('| **all** | %d | %d | %d | %d |' % (*tot, sum(tot)))
    nn = sum(len(p['neutral']) for p in ps)
    empty = sum(1 for p in ps if not p['spans'])
    lens = sorted(len(p["text"]) for p in ps) or [0]
    rows.append('')
    rows.append('pieces %d; with no personal span %d (%.0f%%); NEUTRAL spans %d; length chars min %d / median %d / max %d' % (
        len(ps), empty, 100.0 * empty / max(1, len(ps)), nn, lens[0], lens[len(lens) // 2], lens[-1]))
    return '\n'.join(rows)

def main():
    pieces = parse()
    recs = []
    for p in pieces:
        recs.append({'id': '%s-%04d' % (SET, p['num']), 'text': p['text'], 'spans': p['spans'], 'neutral': p['neutral']})
    # verify offsets round-trip
    for r in recs:
        b = r['text'].encode()
        for s in r['spans'] + r['neutral']:
            seg = b[s['start']:s['end']].decode()
            if not seg or seg != seg.strip():
                err(r['id'], 'bad offsets')
    with open('all.jsonl', 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    sh = recs[:]
    random.Random(8008).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sh[:k], sh[k:]
    for name, part in (('dev.jsonl', dev), ('heldout.jsonl', held)):
        with open(name, 'w', encoding='utf-8') as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    byid = {r['id']: p for r, p in zip(recs, pieces)}
    lang = collections.Counter(); chan = collections.Counter(); voice = collections.Counter(); sect = collections.Counter()
    for p in pieces:
        lang.update(x.strip() for x in p['hdr'][1].split('+'))
        voice[p['hdr'][2]] += 1; chan[p['hdr'][3]] += 1; sect[p['hdr'][4]] += 1
    st = ['# forms8 statistics', '', '## All', table(pieces), '', '## Dev (%d)' % len(dev),
          table([byid[r['id']] for r in dev]), '', '## Held out (%d)' % len(held), table([byid[r['id']] for r in held]), '',
          '## Check-digit / shape checks run', '']
    st += ['- %s: %d' % kv for kv in sorted(notes.items())]
    for title, c in (('Languages (a piece may count under several)', lang), ('Voice', voice), ('Channel', chan), ('Sector', sect)):
        st += ['', '## ' + title, '', ', '.join('%s %d' % kv for kv in c.most_common())]
    open('stats.md', 'w', encoding='utf-8').write('\n'.join(st) + '\n')
    print('pieces', len(recs), 'spans', sum(len(r['spans']) for r in recs), 'dev', len(dev), 'held', len(held))
    print(dict(notes))
    if errors:
        print('ERRORS:')
        print('\n'.join(errors))
        sys.exit(1)

if __name__ == '__main__':
    main()
