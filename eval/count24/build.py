"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md. Checks spans and check digits."""
import re, json, random, sys, unicodedata
sys.path.insert(0, '.')
from gen import luhn_ok, ird_check, verhoeff_ok, cn_check
SET='count24'
KINDS={'NAME','PHONE','EMAIL','ADDRESS','ID','BANK','CARD','DOB','PLATE','HANDLE','IP'}
ROLES={'reporter','subject','third'}
SPAN=re.compile(r'\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}')
NZW_A=[0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
def ascii_digits(s):
    return ''.join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)
def checks(kind, text, before):
    t=ascii_digits(text); d=re.sub(r'[\s\-\.\/]','',t); errs=[]
    if kind=='CARD' and re.fullmatch(r'\d{13,19}',d) and not luhn_ok(d): errs.append('Luhn')
    if kind=='BANK':
        m=re.fullmatch(r'(\d{2})[- ]?(\d{4})[- ]?(\d{7})[- ]?(\d{2,3})',t.strip())
        if m:
            b,br,acc,suf=m.groups(); s=b+br+'0'+acc+suf.zfill(4)
            if sum(int(a)*w for a,w in zip(s,NZW_A))%11: errs.append('NZ bank')
        if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}',d):
            r=d[4:]+d[:4]
            if int(''.join(str(int(c,36)) for c in r))%97!=1: errs.append('IBAN')
    if kind=='ID':
        if re.fullmatch(r'\d{17}[\dXx]',d) and cn_check(d[:17])!=d[17].upper(): errs.append('CN ID')
        if re.fullmatch(r'[2-9]\d{11}',d) and not verhoeff_ok(d): errs.append('Aadhaar')
        if re.fullmatch(r'\d{13}',d) and int(d[12])!=(11-sum(int(d[i])*(13-i) for i in range(12))%11)%10: errs.append('Thai ID')
        if re.fullmatch(r'\d{8,9}',d) and re.search(r'ird|tax|tāke',before.lower()):
            b=d.zfill(9)
            if ird_check(b[:8])!=int(b[8]): errs.append('IRD')
        if re.fullmatch(r'[A-Z]{5}\d{4}[A-Z]',d) and d[3] not in 'PCHFATBLJG': errs.append('PAN shape')
    return errs
def parse():
    pieces=[]; hdr=None; bad=0
    for ln,line in enumerate(open('source.txt',encoding='utf-8'),1):
        line=line.rstrip('\n')
        if not line.strip(): continue
        if line.startswith('#'):
            hdr=[x.strip() for x in line[1:].split('|')]; continue
        raw=line.replace('\\n','\n'); text=''; spans=[]; neutral=[]; pos=0
        for m in SPAN.finditer(raw):
            text+=raw[pos:m.start()]; kind,role,val=m.groups()
            st=len(text.encode()); text+=val; en=len(text.encode()); pos=m.end()
            where=f'line {ln} piece {hdr[0] if hdr else "?"}: {kind}|{role}|{val!r}'
            if not val or val!=val.strip(): print('EMPTY/WS', where); bad+=1
            if kind=='NEUTRAL':
                if role!='-': print('NEUTRAL role', where); bad+=1
                neutral.append({'start':st,'end':en,'kind':'NEUTRAL'}); continue
            if kind not in KINDS or role not in ROLES: print('BAD KIND/ROLE', where); bad+=1
            for e in checks(kind,val,text[-len(val)-40:-len(val)] if len(text)>len(val) else ''): print('CHECK FAIL',e,where); bad+=1
            spans.append({'start':st,'end':en,'kind':kind,'role':role})
        text+=raw[pos:]
        if '{' in raw[pos:] or '}' in raw[pos:] or re.search(r'\{[A-Z]+\|',text): print('STRAY BRACE line',ln); bad+=1
        if not hdr or len(hdr)!=6: print('BAD HEADER before line',ln); bad+=1
        allsp=sorted(spans+neutral,key=lambda s:s['start'])
        for a,b in zip(allsp,allsp[1:]):
            if b['start']<a['end']: print('OVERLAP line',ln); bad+=1
        pieces.append({'num':hdr[0],'hdr':hdr,'text':text,'spans':spans,'neutral':neutral}); hdr=None
    return pieces,bad
def table(ps):
    from collections import Counter
    c=Counter((s['kind'],s['role']) for p in ps for s in p['spans'])
    kinds=sorted({k for k,_ in c}); out=['| kind | reporter | subject | third | total |','|---|---|---|---|---|']
    for k in kinds:
        r=[c[(k,x)] for x in ('reporter','subject','third')]; out.append(f'| {k} | '+' | '.join(map(str,r))+f' | {sum(r)} |')
    tot=[sum(c[(k,x)] for k in kinds) for x in ('reporter','subject','third')]
    out.append('| **all** | '+' | '.join(map(str,tot))+f' | {sum(tot)} |')
    nn=sum(len(p['neutral']) for p in ps); z=sum(1 for p in ps if not p['spans'])
    out.append(f'\nPieces: {len(ps)}; with no personal span: {z}; NEUTRAL spans: {nn}')
    L=sorted(len(p['text']) for p in ps)
    if L: out.append(f'Length (chars): min {L[0]}, median {L[len(L)//2]}, max {L[-1]}, mean {sum(L)//len(L)}')
    return '\n'.join(out)
if __name__=='__main__':
    ps,bad=parse()
    nums=[p['num'] for p in ps]
    if len(set(nums))!=len(nums): print('DUPLICATE piece numbers'); bad+=1
    recs=[]
    for i,p in enumerate(ps,1):
        recs.append({'id':f'{SET}-{i:04d}','text':p['text'],'spans':p['spans'],'neutral':p['neutral']})
    with open('all.jsonl','w',encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r,ensure_ascii=False)+'\n')
    sh=recs[:]; random.Random(24).shuffle(sh); k=round(len(sh)*0.35)
    dev,held=sh[:k],sh[k:]
    for fn,rs in (('dev.jsonl',dev),('heldout.jsonl',held)):
        with open(fn,'w',encoding='utf-8') as f:
            for r in rs: f.write(json.dumps(r,ensure_ascii=False)+'\n')
    ids={r['id'] for r in dev}
    from collections import Counter
    langs=Counter(p['hdr'][1] for p in ps); ch=Counter(p['hdr'][3] for p in ps)
    with open('stats.md','w') as f:
        f.write(f'# count24 stats\n\n## All ({len(ps)})\n\n'+table(ps)+f'\n\n## Dev ({len(dev)})\n\n'+table([p for p,r in zip(ps,recs) if r['id'] in ids])+f'\n\n## Held out ({len(held)})\n\n'+table([p for p,r in zip(ps,recs) if r['id'] not in ids])+'\n\n## Languages\n\n'+', '.join(f'{a} {b}' for a,b in langs.most_common())+'\n\n## Channels\n\n'+', '.join(f'{a} {b}' for a,b in ch.most_common())+'\n')
    print(f'{len(ps)} pieces, dev {len(dev)}, heldout {len(held)}, problems {bad}')
