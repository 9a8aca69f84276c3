"""List generator values not yet used in source.txt (by normalized digits/letters)."""
import sys
from checks import alnum_upper
src = alnum_upper(open('source.txt', encoding='utf-8').read())
want = sys.argv[1:] 
for line in open('gen_values.tsv', encoding='utf-8'):
    k, v = line.rstrip('\n').split('\t')
    if want and k not in want:
        continue
    if alnum_upper(v) not in src:
        print(k, v, sep='\t')
