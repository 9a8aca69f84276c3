"""Re-read helper for set mix17.

Lists what lies OUTSIDE labelled spans that might still be personal:
digit runs (any script), '@', URLs and domains, runs of spelled-out numbers,
capitalised words not in stop.txt, and (with --scripts) words in non-Latin
scripts.  Usage: python3 reread.py [--from N] [--to N] [--scripts]
"""
import json
import re
import sys

args = sys.argv[1:]
lo = int(args[args.index('--from') + 1]) if '--from' in args else 0
hi = int(args[args.index('--to') + 1]) if '--to' in args else 10 ** 6
SCRIPTS = '--scripts' in args

stop = set()
for line in open('stop.txt', encoding='utf-8'):
    for w in line.split():
        stop.add(w.lower())

NUMW = set('''zero oh one two three four five six seven eight nine double triple
cero uno dos tres cuatro cinco seis siete ocho nueve
isa dalawa tatlo apat lima anim pito walo siyam
ek do teen char paanch panch chhe che saat aath nau
kore tahi rua toru wha whā rima ono whitu waru iwa
tasi lua tolu fā fa fitu valu iva noa taha ua tolu fā nima ono fitu valu hiva
satu dua tiga empat lima enam tujuh delapan sembilan nol kosong'''.split())

DIGRUN = re.compile(r'\d(?:[\d \-./()]*\d)?')
URL = re.compile(r'(https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|nz|net|org|io|me|ph|in|cn|kr|vn|id|co|ly|gl)\b\S*)', re.I)
CAP = re.compile(r"\b[A-ZĀĒĪŌŪÀ-ÖØ-Þ][\w'’ā-ūà-öø-ÿ\-]*")


def masked_text(r):
    b = bytearray(r['text'].encode('utf-8'))
    for s in r['spans'] + r['neutral']:
        b[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    return b.decode('utf-8').replace('\x00', '▮')


def main():
    total = 0
    for line in open('all.jsonl', encoding='utf-8'):
        r = json.loads(line)
        n = int(r['id'].split('-')[1])
        if not (lo <= n <= hi):
            continue
        t = masked_text(r)
        found = []
        for m in DIGRUN.finditer(t):
            s = m.group()
            nd = sum(c.isdigit() for c in s)
            nonascii = any(c.isdigit() and not '0' <= c <= '9' for c in s)
            if nd >= 5 or nonascii:
                found.append(('digits', s))
        for m in re.finditer(r'\S*@\S*', t):
            found.append(('@', m.group()))
        for m in URL.finditer(t):
            found.append(('url', m.group()))
        toks = re.findall(r"[\wāēīōū]+", t.lower())
        run = []
        for tok in toks + ['.']:
            if tok in NUMW:
                run.append(tok)
            else:
                if len(run) >= 4:
                    found.append(('numwords', ' '.join(run)))
                run = []
        tb = r['text'].encode('utf-8')
        vals = {tb[sp['start']:sp['end']].decode('utf-8') for sp in r['spans']}
        parts = set()
        for v in vals:
            parts.add(v)
            for p in re.split(r'[\s,.<]+', v):
                if len(p) >= 3 and not p.isdigit():
                    parts.add(p)
        for p in sorted(parts):
            if re.search(r'(?<![\w])' + re.escape(p) + r'(?![\w])', t, re.I) or (
                    not p.isascii() and len(p) >= 2 and p in t):
                found.append(('repeat', p))
        caps = []
        for m in CAP.finditer(t):
            w = m.group().strip("'’-")
            if w.lower() in stop or len(w) < 2:
                continue
            caps.append(w)
        if caps:
            found.append(('caps', ' '.join(dict.fromkeys(caps))))
        if SCRIPTS:
            nl = re.findall(r'[^\s\x00-\u024F\u1E00-\u1EFF\u2000-\u206F\u3000-\u303F\uFF00-\uFF65▮]+', t)
            if nl:
                found.append(('script', ' '.join(dict.fromkeys(nl))))
        if found:
            total += 1
            print(f"--- {r['id']}")
            for k, v in found:
                print(f'  {k:8s} {v}')
    print(f'{total} pieces with something to look at')


if __name__ == '__main__':
    main()
