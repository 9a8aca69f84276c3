"""Re-read aid for plain20: list what lies OUTSIDE labelled spans that might be personal.

Reads all.jsonl (run build.py first). For every piece prints:
  [dig]  digit runs (any script) of 3+ digits, or any non-ASCII digit
  [at]   '@' signs, URLs, web/social address fragments
  [num]  runs of 3+ spelled-out number words
  [cap]  capitalised / ALL-CAPS words not in the stop list (reread_stop.txt + built-in)
  [rep]  a word that is labelled as a NAME somewhere in the piece but also appears unlabelled
  [scr]  (with --scripts) runs of non-Latin text outside spans, for eye review

Options: --from N  only pieces numbered >= N;  --scripts;  --add  append every [cap]
word shown to reread_stop.txt (only after reviewing them!).
"""
import json
import re
import sys
import unicodedata

NUMWORDS = set('zero oh one two three four five six seven eight nine ten double triple '
               'tahi rua toru wha rima ono whitu waru iwa '
               'isa dalawa tatlo apat lima anim pito walo siyam '
               'ek do teen char paanch chhe saat aath nau '
               'tasi lua tolu fa lima ono fitu valu iva'.split())
BUILTIN = set('i a the and but or if so my we he she they it you im i\'m this that there '
              'please help hi hello dear to from sent subject re fw fwd ok okay sorry thanks '
              'thank no yes not is are was were be been also when what why how who where '
              'then now today tomorrow yesterday after before at on in of for with by'.split())


def load_stop():
    s = set(BUILTIN)
    try:
        with open('reread_stop.txt', encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    s.add(line.lower())
    except FileNotFoundError:
        pass
    return s


def outside_segments(text_b, spans):
    segs, pos = [], 0
    for s in sorted(spans, key=lambda x: x['start']):
        segs.append(text_b[pos:s['start']].decode('utf-8'))
        pos = s['end']
    segs.append(text_b[pos:].decode('utf-8'))
    return segs


def main():
    args = sys.argv[1:]
    frm = 0
    if '--from' in args:
        frm = int(args[args.index('--from') + 1])
    scripts = '--scripts' in args
    add = '--add' in args
    stop = load_stop()
    to_add = set()
    total = 0
    with open('all.jsonl', encoding='utf-8') as f:
        recs = [json.loads(l) for l in f]
    for r in recs:
        num = int(r['id'].split('-')[1])
        if num < frm:
            continue
        tb = r['text'].encode('utf-8')
        segs = outside_segments(tb, r['spans'] + r['neutral'])
        out = ' ⟦·⟧ '.join(segs)
        found = []
        for m in re.finditer(r'\d[\d \-.]*\d|\d', out):
            run = m.group()
            nd = sum(ch.isdigit() for ch in run)
            nonascii = any(ch.isdigit() and not '0' <= ch <= '9' for ch in run)
            if nd >= 3 or nonascii:
                found.append(f'[dig] {run.strip()}')
        for m in re.finditer(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org|ph|in)\b\S*', out):
            found.append(f'[at] {m.group()}')
        toks = re.findall(r"[A-Za-z']+", out)
        run = []
        for t in toks + ['.']:
            if t.lower() in NUMWORDS:
                run.append(t)
            else:
                if len(run) >= 3:
                    found.append('[num] ' + ' '.join(run))
                run = []
        caps = []
        for m in re.finditer(r"[^\W\d_][\w'’.-]*", out):
            w = m.group().strip(".'’-")
            if not w:
                continue
            if w[0].isupper() and w.lower() not in stop and w.lower().rstrip("s") not in stop:
                caps.append(w)
        if caps:
            uniq = list(dict.fromkeys(caps))
            found.append('[cap] ' + ', '.join(uniq))
            to_add.update(w.lower() for w in uniq)
        names = set()
        for s in r['spans']:
            if s['kind'] == 'NAME':
                for w in re.findall(r'\w+', tb[s['start']:s['end']].decode('utf-8')):
                    if len(w) >= 2:
                        names.add(w.lower())
        for seg in segs:
            for w in re.findall(r'\w+', seg):
                if w.lower() in names:
                    found.append(f'[rep] {w}')
        if scripts:
            for m in re.finditer(r'[^\x00-\u024F\u2000-\u206F\s]+(?:[\s,]+[^\x00-\u024F\u2000-\u206F\s]+)*', out):
                found.append(f'[scr] {m.group()}')
        if found:
            total += 1
            print(f'{r["id"]}: ' + ' | '.join(dict.fromkeys(found)))
    if add:
        with open('reread_stop.txt', 'a', encoding='utf-8') as f:
            for w in sorted(to_add):
                f.write(w + '\n')
        print(f'added {len(to_add)} words to reread_stop.txt')
    print(f'{total} pieces with findings')


if __name__ == '__main__':
    main()
