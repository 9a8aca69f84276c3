"""List what lies OUTSIDE labelled spans that might still be personal, per piece.

    python3 reread.py               # all pieces
    python3 reread.py 26 50         # pieces 026..050

Shows: digit runs in any script (3+ digits, separators allowed), '@', URLs and
domain-like tokens, runs of spelled-out number words, capitalised words not in
stoplist.txt, and CJK/Hangul runs starting with a common surname character.
"""
import json
import re
import sys

STOP = set()
try:
    for w in open('stoplist.txt', encoding='utf-8').read().split():
        STOP.add(w.strip().lower())
except FileNotFoundError:
    pass

NUMWORDS = set('''zero oh o one two three four five six seven eight nine double triple
tahi rua toru whā wha rima ono whitu waru iwa kore
tasi lua tolu fa lima fitu valu iva selo
taha ua tolu nima fitu valu hiva noa
dua tolu va lima ono vitu walu ciwa saiva
isa dalawa tatlo apat anim pito walo siyam
ek do teen char paanch panch chhe che saat aath nau shunya sifar
cero uno dos tres cuatro cinco seis siete ocho nueve
không một hai ba bốn năm sáu bảy tám chín
nol satu dua tiga empat lima enam tujuh delapan sembilan
'''.split())
CJK_SURNAMES = set('王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚邵万钱錢严嚴覃武戴莫孔向汤湯'
                   '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구나민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕옥육인맹제탁국어은편용')

SPAN_RE = re.compile(r'\{(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\|[^|{}]*\|([^{}]*)\}')


def main():
    lo, hi = 1, 10 ** 6
    if len(sys.argv) >= 3:
        lo, hi = int(sys.argv[1]), int(sys.argv[2])
    recs = [json.loads(l) for l in open('all.jsonl', encoding='utf-8')]
    for k, r in enumerate(recs, 1):
        if not (lo <= k <= hi):
            continue
        b = bytearray(r['text'].encode('utf-8'))
        for s in r['spans'] + r['neutral']:
            for i in range(s['start'], s['end']):
                if b[i] < 0x80:
                    b[i] = 0x20
                elif b[i] >= 0xC0:
                    b[i] = 0x20
                else:
                    b[i] = 0x20
        t = b.decode('utf-8', errors='replace')
        hits = []
        for m in re.finditer(r'\d(?:[\d\s\-./]{0,3}\d)+', t):
            if len(re.findall(r'\d', m.group(0))) >= 3:
                hits.append('#' + m.group(0).replace('\n', ' '))
        for m in re.finditer(r'\S*@\S*|https?://\S+|www\.\S+|\b\S+\.(?:com|nz|net|org|me|ph|in|cn|io|ly)\b\S*', t):
            hits.append('@' + m.group(0))
        toks = re.findall(r"[\w']+", t.lower())
        run = []
        for w in toks + ['.']:
            if w in NUMWORDS:
                run.append(w)
            else:
                if len(run) >= 4:
                    hits.append('~' + ' '.join(run))
                run = []
        caps = []
        for m in re.finditer(r"\b[A-ZÀ-ÖØ-Þ][\w'’\-]*", t):
            w = m.group(0)
            if w.lower().strip("'’-") in STOP or len(w) < 2:
                continue
            caps.append(w)
        for m in re.finditer(r'[\u4e00-\u9fff\uac00-\ud7af]{2,4}', t):
            if m.group(0)[0] in CJK_SURNAMES:
                caps.append(m.group(0))
        seen = []
        for c in caps:
            if c not in seen:
                seen.append(c)
        if hits or seen:
            print(f'--- {k:03d} {r["id"]}')
            if hits:
                print('   ' + ' | '.join(hits))
            if seen:
                print('   caps: ' + ' '.join(seen))


if __name__ == '__main__':
    main()
