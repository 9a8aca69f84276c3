import sys
s=open('source.txt',encoding='utf-8').read()
pairs=open(sys.argv[1],encoding='utf-8').read().split('\n===\n')
for p in pairs:
    if not p.strip(): continue
    a,b=p.split('\n---\n')
    a=a.strip('\n'); b=b.strip('\n')
    n=s.count(a)
    if n!=1:
        print("COUNT",n,repr(a[:60])); continue
    s=s.replace(a,b)
open('source.txt','w',encoding='utf-8').write(s)
