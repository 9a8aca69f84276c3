"""Helper: for every NAME span, look for the same string (or a word of it) elsewhere in the piece outside any span - catches unlabelled repeat mentions. Prints candidates (many are ordinary words)."""
import json,re
for line in open('all.jsonl'):
    r=json.loads(line); t=r['text']; b=t.encode()
    cov=[(s['start'],s['end']) for s in r['spans']+r['neutral']]
    def covered(cs,ce):
        bs=len(t[:cs].encode()); be=len(t[:ce].encode())
        return any(a<=bs and be<=e for a,e in cov)
    toks=set()
    for s in r['spans']:
        if s['kind']!='NAME': continue
        st=b[s['start']:s['end']].decode()
        toks.add(st)
        for w in re.split(r'[\s,.]+',st):
            if len(w)>=3: toks.add(w)
    for w in toks:
        for m in re.finditer(re.escape(w), t, re.I):
            if not covered(m.start(),m.end()):
                # ignore if inside a word
                a=t[m.start()-1] if m.start()>0 else ' '; z=t[m.end()] if m.end()<len(t) else ' '
                print(r['id'], repr(w), '…'+t[max(0,m.start()-25):m.end()+25].replace('\n',' ')+'…', '(in-word)' if (a.isalpha() and a.isascii()) or (z.isalpha() and z.isascii()) else '')
