"""Report span values (non-NAME) that occur in more than one piece."""
import collections, build
from checks import alnum_upper
from numwords import words_to_digits
seen = collections.defaultdict(set)
for p in build.parse():
    for s, e, k, r, v in p['spans']:
        if k == 'NAME':
            continue
        key = words_to_digits(v) or alnum_upper(v)
        seen[key].add(p['num'])
for k, v in seen.items():
    if len(v) > 1:
        print(k, sorted(v))
