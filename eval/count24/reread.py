"""List things outside spans that might be personal. Usage: python3 reread.py [from_piece_num]"""
import json, re, sys
STOP=set('''I A The And But Or So If When Then This That These Those He She We They You It My Our Your His Her Their Hi Hello Dear Please Thanks Thank Sorry Ok OK Yes No Not Also Just Can Is Are Was Were Be Have Has Do Did Don't I'm It's He's She's They're There Here What Who Where Why How Sent From To Subject Re Fwd Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec NZ New Zealand Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Otago Southland Marlborough Hawke's Bay Waikato Canterbury Northland Australia India China Philippines Samoa Tonga Fiji Vietnam Indonesia Thailand Nepal Bangladesh Sri Lanka Mexico Chile Peru Colombia Brazil Argentina US USA WhatsApp Facebook Messenger Viber WeChat Immigration Police MBIE Labour Inspectorate IRD Kia ora Talofa Malo Bula Namaste Caller Notes Voicemail'''.split())
NUMW=r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|sero|tasi|lua|tolu|fa|ono|fitu|valu|iva|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|cero|ek|do|teen|char|paanch|chhe|saat|aath|nau|shunya|一|二|三|四|五|六|七|八|九|零|〇|幺|không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)'
start=int(sys.argv[1]) if len(sys.argv)>1 else 1
for i,line in enumerate(open('all.jsonl',encoding='utf-8'),1):
    if i<start: continue
    r=json.loads(line); b=r['text'].encode()
    mask=bytearray(b)
    for s in r['spans']+r['neutral']:
        for k in range(s['start'],s['end']): mask[k]=ord('_') if mask[k]<128 else mask[k]
    # blank multibyte inside spans properly: rebuild outside text
    out=[]; last=0
    for s in sorted(r['spans']+r['neutral'],key=lambda s:s['start']):
        out.append(b[last:s['start']].decode()); out.append(' ▮ '); last=s['end']
    out.append(b[last:].decode()); t=''.join(out)
    hits=[]
    hits+= ['DIG:'+m.group() for m in re.finditer(r'[^\W_]*\d[\d\s\-\./]*',t) if sum(c.isdigit() for c in m.group())>=3]
    hits+= ['@:'+m.group() for m in re.finditer(r'\S*@\S*',t)]
    hits+= ['URL:'+m.group() for m in re.finditer(r'\S*(?:https?://|www\.|\.com|\.nz)\S*',t)]
    hits+= ['WORDS:'+m.group() for m in re.finditer(NUMW+r'(?:[\s,\-]+'+NUMW+r'){3,}',t,re.I)]
    caps=sorted({w for w in re.findall(r"\b[A-Z][\w'’]+",t) if w not in STOP})
    print(f"{r['id']}: {' | '.join(hits)}\n   CAPS: {' '.join(caps)}")
