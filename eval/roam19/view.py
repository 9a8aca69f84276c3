import json,sys
lo,hi=int(sys.argv[1]),int(sys.argv[2])
for l in open('all.jsonl',encoding='utf-8'):
    r=json.loads(l); n=int(r['id'][-4:])
    if not lo<=n<=hi: continue
    b=r['text'].encode(); out=[]; p=0
    for s in sorted(r['spans']+r['neutral'],key=lambda s:s['start']):
        out.append(b[p:s['start']].decode()); out.append(f"⟦{s['kind'][:4]}/{s.get('role','-')[:3]}:{b[s['start']:s['end']].decode()}⟧"); p=s['end']
    out.append(b[p:].decode())
    print(f"--- {r['id']}\n"+"".join(out).replace("\n","⏎"))
