import sys
# usage: python3 fix.py 'old' 'new' [count]
s = open('source.txt', encoding='utf-8').read()
old, new = sys.argv[1], sys.argv[2]
n = s.count(old)
exp = int(sys.argv[3]) if len(sys.argv) > 3 else 1
if n != exp:
    print(f"EXPECTED {exp} got {n}: {old!r}"); sys.exit(1)
open('source.txt', 'w', encoding='utf-8').write(s.replace(old, new))
print("ok")
