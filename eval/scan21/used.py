"""Show which pool.txt values are already used in source.txt (by digits/letters)."""
import re, sys
from checks import to_ascii_digits, OCR_DIGIT
src = open('source.txt', encoding='utf-8').read() if __import__('os').path.exists('source.txt') else ''
spans = re.findall(r'\{[A-Z]+\|[^|{}]*\|([^{}]*)\}', src)
norm = lambda s: re.sub(r'[^0-9A-Z]', '', to_ascii_digits(s).upper().translate(OCR_DIGIT) if False else to_ascii_digits(s).upper())
used = set(norm(s) for s in spans) | set(re.sub(r'[^0-9A-Z]', '', to_ascii_digits(s).translate(OCR_DIGIT).upper()) for s in spans)
sec = None
want = sys.argv[1:] 
for line in open('pool.txt', encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('## '):
        sec = line[3:]; continue
    if not line or (want and sec not in want): continue
    v = line.split(' | ')[0]
    n = norm(v)
    u = any(n and (n in x or x.endswith(n[-8:]) and len(n) > 8) for x in used)
    print(('USED  ' if u else 'free  ') + sec + '  ' + line)
