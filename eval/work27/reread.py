#!/usr/bin/env python3
"""List text outside spans that might be personal, for manual review."""
import json, re, sys
STOP = set('''I A The This That My Me We He She They It Our Your His Her Their Hi Hello Kia Ora Please Thanks Thank
Boss Mr Mrs Ms Miss Dr Sir Madam Auntie Aunty Uncle Bro Sis Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December NZ New Zealand Auckland
Hamilton Tauranga Napier Hastings Nelson Blenheim Christchurch Dunedin Wellington Invercargill Gisborne Whanganui Rotorua
Te Puke Katikati Cromwell Alexandra Motueka Marlborough Hawke's Bay Bay Plenty Waikato Canterbury Otago Northland
Immigration Police WorkSafe MBIE Employment Inspectorate RSE Labour Hire Ltd Limited Road Street St Rd Highway SH Farm
Orchard Packhouse Station Unit Level Wharf Berth Fiji Samoa Tonga India China Philippines Vietnam Nepal Thailand'''.split())
def outside(text, spans):
    mask = [False]*len(text.encode())
    for s in spans: 
        for i in range(s['start'], s['end']): mask[i] = True
    b = text.encode(); out = []; cur = bytearray()
    for i, ch in enumerate(b):
        if mask[i]:
            if cur: out.append(cur.decode(errors='ignore')); cur = bytearray()
            out.append(' ')
        else: cur.append(ch)
    if cur: out.append(cur.decode(errors='ignore'))
    return ''.join(out)
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)'
for ln in open('all.jsonl', encoding='utf-8'):
    r = json.loads(ln)
    t = outside(r['text'], r['spans'] + r['neutral'])
    hits = []
    hits += [m.group() for m in re.finditer(r'[^\W_a-zA-Z]*\d[\d\s\-]{2,}\d', t)]
    hits += [m.group() for m in re.finditer(r'\S*@\S*', t)]
    hits += [m.group() for m in re.finditer(r'(?:https?://|www\.)\S+', t)]
    hits += [m.group() for m in re.finditer(rf'(?:{NUMW}[\s,-]+){{3,}}{NUMW}', t, re.I)]
    caps = [w for w in re.findall(r"\b[A-Z][a-zA-Z'\-]+\b", t) if w not in STOP]
    if hits or caps:
        print(r['id'], '| digits/at/url:', hits[:8], '| caps:', ' '.join(dict.fromkeys(caps))[:300])
