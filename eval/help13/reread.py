#!/usr/bin/env python3
"""List what lies outside spans in all.jsonl that might be personal. Run after build.py.
Usage: python3 reread.py [first_piece_number]"""
import json, re, sys
NUMW = set("""zero oh o one two three four five six seven eight nine double triple
nol kosong satu dua tiga empat lima enam tujuh delapan lapan sembilan
sero isa dalawa tatlo apat anim pito walo siyam
cero uno dos tres cuatro cinco seis siete ocho nueve
um dois três quatro sete oito nove meia
không một hai ba bốn năm sáu bảy tám chín
selo tasi lua tolu fa ono fitu valu iva noa taha ua nima hiva
kore tahi rua toru whā rima whitu waru iwa
ноль один два три четыре пять шесть семь восемь девять
शून्य एक दो तीन चार पांच पाँच छह सात आठ नौ
ศูนย์ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า
공 영 일 이 삼 사 오 육 칠 팔 구""".split())
CJKNUM = re.compile(r"[零〇一二三四五六七八九幺两]{4,}")
STOP = set("""I I'm Im I'll I've Hi Hello Hey Please Help Sorry Thanks Thank The This That My Me We You He She They It
If When Where What Who How Why Yes No Not Now Today Tomorrow Tonight Ok OK Okay And But So Or Can Could Is Are Am
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Dunedin Police Immigration English
Mr Mrs Ms Miss Dr Boss Sir Madam Dear To From Subject Sent Re Fw AM PM Pm Am WhatsApp Facebook Messenger Viber
LINE Line Zalo KakaoTalk Kakao WeChat Instagram TikTok Telegram Signal Google Gmail Hotmail Yahoo SMS Text""".split())
try:
    STOP |= set(w.strip() for w in open("reread_ok.txt", encoding="utf-8") if w.strip())
except FileNotFoundError:
    pass
start = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for line in open("all.jsonl", encoding="utf-8"):
    r = json.loads(line)
    n = int(r["id"].split("-")[1])
    if n < start: continue
    b = bytearray(r["text"].encode())
    for s in r["spans"] + r["neutral"]:
        for i in range(s["start"], s["end"]): b[i] = 0x20 if b[i] < 0x80 else b[i]
    # blank multi-byte span chars safely: rebuild from pieces
    t = r["text"].encode()
    keep, last = [], 0
    for s in sorted(r["spans"] + r["neutral"], key=lambda x: x["start"]):
        keep.append(t[last:s["start"]].decode()); keep.append(" ¦ "); last = s["end"]
    keep.append(t[last:].decode())
    out = "".join(keep)
    flags = []
    flags += ["DIG:" + m for m in re.findall(r"\d[\d\s\-.]*\d|\d", out) if len(re.sub(r"\D", "", m)) >= 3]
    flags += ["AT:" + m for m in re.findall(r"\S*@\S*", out)]
    flags += ["URL:" + m for m in re.findall(r"\S*(?:https?://|www\.|\.com|\.co\.nz|\.net|\.org)\S*", out, re.I)]
    toks = re.findall(r"[\w']+", out.lower())
    run = []
    for tk in toks + ["#"]:
        if tk in NUMW: run.append(tk)
        else:
            if len(run) >= 3: flags.append("NUMW:" + " ".join(run))
            run = []
    flags += ["CJK:" + m for m in CJKNUM.findall(out)]
    caps = [w for w in re.findall(r"\b[A-Z][\w'’.-]*", out) if w.rstrip(".") not in STOP and w not in STOP]
    if flags or caps:
        print(f"{r['id']}: " + " | ".join(flags) + ("  CAPS: " + " ".join(dict.fromkeys(caps)) if caps else ""))
