import json,sys
lo,hi=int(sys.argv[1]),int(sys.argv[2])
for line in open('all.jsonl',encoding='utf-8'):
    r=json.loads(line); n=int(r['id'][-4:])
    if not lo<=n<=hi: continue
    b=r['text'].encode(); out=[]; pos=0
    for s in sorted(r['spans']+r['neutral'],key=lambda s:s['start']):
        out.append(b[pos:s['start']].decode()); tag=s['kind']+('/'+s['role'][0] if 'role' in s else '')
        out.append('⟦'+tag+':'+b[s['start']:s['end']].decode()+'⟧'); pos=s['end']
    out.append(b[pos:].decode())
    print(n, ''.join(out).replace('\n',' ⏎ ')); print()
