"""fix.py: apply exact one-time replacements given as pairs in fixes.txt-like python list on stdin."""
import sys, ast
pairs = ast.literal_eval(sys.stdin.read())
s = open('source.txt', encoding='utf-8').read()
bad = [a for a, b in pairs if s.count(a) != 1]
if bad:
    print('NOT UNIQUE/NOT FOUND:', bad); sys.exit(1)
for a, b in pairs:
    s = s.replace(a, b)
open('source.txt', 'w', encoding='utf-8').write(s)
print('applied', len(pairs))
