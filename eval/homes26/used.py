"""Show which generated values are already used in source.txt (helper, not part of the build)."""
import re
src = open('source.txt', encoding='utf-8').read()
flat = re.sub(r'\D', '', src)
for line in open('generated.txt'):
    line = line.strip()
    if line.startswith('##') or not line:
        print(line); continue
    v = line.split()[-1] if any(k in line for k in ('passport', 'client', 'CCCD', 'employee')) else line
    if 'licence' in line:
        v = line.split()[3]
    dv = re.sub(r'\D', '', v)
    used = v.lower() in src.lower() or (len(dv) >= 6 and (dv in flat or dv[1:] in flat))
    print(('USED ' if used else '     ') + line)
