#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans that might be personal, so unlabelled
details can be caught.  Usage: python3 reread.py [first [last]]

Shows per piece: digit runs (any script), '@', URLs / domains, runs of
spelled-out numbers (several languages), and capitalised words not in the
stop list (stop.txt, one word per line, maintained by hand).  Non-Latin
scripts have no capitals, so pieces in those scripts also get their
non-Latin 'words' next to digits or kin/title words printed for eyeballing."""
import re
import sys

from build import parse

NUMW = (r'zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|'
        r'sero|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|'
        r'tasi|lua|tolu|fa|nima|ono|fitu|valu|iva|noa|'
        r'taha|ua|fā|ono|hiva|'
        r'kore|rua|toru|whā|rima|whitu|waru|'
        r'shunya|ek|do|teen|char|paanch|chhe|saat|aath|nau|'
        r'không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|'
        r'nol|satu|dua|tiga|empat|enam|tujuh|delapan|sembilan|'
        r'cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|'
        r'零|一|二|三|四|五|六|七|八|九|幺|〇|'
        r'ноль|один|два|три|четыре|пять|шесть|семь|восемь|девять|'
        r'शून्य|एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ')
NUMRUN = re.compile(r'(?:\b(?:' + NUMW + r')\b[\s,\-]*){4,}', re.I)
CJKNUM = re.compile(r'[零一二三四五六七八九幺〇]{5,}')
DIG = re.compile(r'\d[\d\s\-\.\/]*\d|\d')
URL = re.compile(r'https?://\S+|www\.\S+|\b[\w\-]+\.(?:com|nz|net|org|co|io|me|ph|in|cn)\b\S*', re.I)
CAP = re.compile(r"\b[A-ZĀĒĪŌŪÑÁÉÍÓÚÇÃÕÂÊÔ][\w'’ĀĒĪŌŪāēīōū\-]*")


def load_stop():
    try:
        return {w.strip() for w in open('stop.txt', encoding='utf-8') if w.strip()}
    except FileNotFoundError:
        return set()


def masked(p):
    b = bytearray(p['text'].encode('utf-8'))
    for s in p['spans'] + p['neutral']:
        # replace whole span by spaces of equal byte length (keeps valid utf-8)
        b[s['start']:s['end']] = b' ' * (s['end'] - s['start'])
    return b.decode('utf-8')


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**6
    stop = load_stop()
    unknown_caps = {}
    for p in parse('source.txt'):
        n = int(p['num'])
        if not lo <= n <= hi:
            continue
        t = masked(p)
        hits = []
        for m in DIG.finditer(t):
            if len(re.sub(r'\D', '', m.group())) >= 3:
                hits.append('DIGITS ' + m.group().strip())
        if '@' in t:
            for m in re.finditer(r'\S*@\S*', t):
                hits.append('AT ' + m.group())
        for m in URL.finditer(t):
            hits.append('URL ' + m.group())
        for m in NUMRUN.finditer(t):
            hits.append('NUMWORDS ' + m.group().strip())
        for m in CJKNUM.finditer(t):
            hits.append('CJKNUM ' + m.group())
        caps = []
        for m in CAP.finditer(t):
            w = m.group().strip("'’-")
            if w in stop or w.upper() == w and len(w) <= 3:
                continue
            caps.append(w)
            unknown_caps[w] = unknown_caps.get(w, 0) + 1
        if caps:
            hits.append('CAPS ' + ' '.join(dict.fromkeys(caps)))
        print(f'--- {p["num"]} [{p["lang"]}] spans={len(p["spans"])} '
              f'neutral={len(p["neutral"])}')
        for h in hits:
            print('   ', h)
    if unknown_caps:
        print('\nCapitalised words not in stop.txt (add the harmless ones):')
        print(' '.join(sorted(unknown_caps)))


if __name__ == '__main__':
    main()
