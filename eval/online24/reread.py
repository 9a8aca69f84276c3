#!/usr/bin/env python3
"""List things outside spans that might be personal, per piece (online24)."""
import json, re, sys
STOP = set("""I A The This That My Our We He She They It Boss Mr Mrs Ms Miss Sir Dr Please Hi Hello Kia Ora Thanks Thank
January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday
NZ New Zealand Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Blenheim Dunedin Invercargill Whangarei Rotorua Gisborne
Facebook TikTok Instagram WhatsApp WeChat LINE Line Zalo Viber Telegram KakaoTalk QQ Signal Messenger GCash PayMaya Maya UPI PayID Wise Google Gmail
Immigration INZ MBIE Police Labour Inspectorate Crimestoppers If In On At And But So When Then Also Not No Yes Ok OK Im I'm Dont He's She's""".split())
def main(ids=None):
    for line in open("all.jsonl", encoding="utf-8"):
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if ids and n not in ids: continue
        b = r["text"].encode("utf-8")
        mask = bytearray(b)
        for s in r["spans"] + r["neutral"]:
            for i in range(s["start"], s["end"]): mask[i] = 0x20
        t = mask.decode("utf-8", errors="replace")
        hits = []
        hits += [m.group() for m in re.finditer(r"\d[\d\s\-]{2,}\d|\d{3,}", t, re.U)]
        hits += [m.group() for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(com|nz|net|org)\S*", t)]
        hits += [m.group() for m in re.finditer(r"\b(zero|one|two|three|four|five|six|seven|eight|nine|oh)(\W+(zero|one|two|three|four|five|six|seven|eight|nine|oh|double|triple)){3,}", t, re.I)]
        caps = [w for w in re.findall(r"\b[A-Z][a-zA-Z'\-]+\b", t) if w not in STOP]
        if hits or caps:
            print(f"{r['id']}: {hits} | caps: {sorted(set(caps))}")
main(set(int(a) for a in sys.argv[1:]) or None)
