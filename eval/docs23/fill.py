"""drafts/*.txt (hand-written, with ⟦generator⟧ tokens) -> source.txt.
Each token is replaced by a seeded generator value (seed = piece number), so
check-digit identifiers are correct. ⟦type:args#key⟧ reuses one value per key within a piece."""
import glob, re
from gen import Gen
TOK = re.compile(r'⟦([^⟧#]+)(?:#(\w+))?⟧')

def render(g, spec):
    t, *a = spec.split(':')
    if t == 'ird': return g.ird(*a)
    if t == 'nzbank': return g.nzbank(*a)
    if t == 'card': return g.card(*a)
    if t == 'iban': return g.iban(*a)
    if t == 'aadhaar': return g.aadhaar(*a)
    if t == 'pan': return g.pan(*a)
    if t == 'cnid': return g.cnid(*a)
    if t == 'cpf': return g.cpf()
    if t == 'curp': return g.curp(a[0])
    if t == 'thid': return g.thid()
    if t == 'rrn': return g.rrn(*a)
    if t == 'nric': return g.nric(*a)
    if t == 'nie': return g.nie()
    if t == 'dni': return g.dni()
    if t == 'tfn': return g.tfn()
    if t == 'rut': return g.rut()
    if t == 'nzbn': return g.nzbn()
    if t == 'mynumber': return g.mynumber()
    if t == 'twid': return g.twid(*a)
    if t == 'tckn': return g.tckn()
    if t == 'zaid': return g.zaid(*a)
    if t == 'mrz':  # mrz:role:typ:issuer:SUR:GIVEN:docno:nat:dob:sex:exp[:personal]
        role, *rest = a
        l1, l2, s, n = g.mrz(*rest)
        return l1[:s] + '{NAME|%s|%s}' % (role, l1[s:s+n].rstrip('<')) + l1[s+len(l1[s:s+n].rstrip('<')):] + '\\n{ID|%s|%s}' % (role, l2)
    raise ValueError(spec)

out = []
for f in sorted(glob.glob('drafts/batch*.txt')):
    num = None
    for line in open(f, encoding='utf-8').read().split('\n'):
        if not line.strip(): continue
        if line.startswith('#'):
            num = int(line[1:].split('|')[0]); out.append(line); continue
        g = Gen(1000 + num); keys = {}
        def sub(m):
            spec, key = m[1], m[2]
            if key and key in keys: return keys[key]
            v = render(g, spec)
            if key: keys[key] = v
            return v
        out.append(TOK.sub(sub, line))
open('source.txt', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('pieces', sum(1 for l in out if not l.startswith('#')))
