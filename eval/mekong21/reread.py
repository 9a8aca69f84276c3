"""List what lies OUTSIDE labelled spans and might still be personal.

Usage: python3 reread.py [first_id [last_id]]   (numbers, e.g. 26 50)

Per piece it prints: digit runs in any script, '@', URLs and handles, runs of spelled-out
digits, the word after a kin word / honorific, and capitalised Latin words that are not in
stoplist.txt (one word a line; places, companies, ordinary words already looked at).
"""
import json
import re
import sys

from numwords import spelled_runs

HONORIFICS = set("""anh chị chi em cô chú bác ông bà mas mbak pak bu bang kak abang adik dik cik encik
puan khun phi pi nong nhong ate kuya manang manong tita tito lola lolo nanay tatay ading manang
didi dai bhai bhauju bahini daju apa apu bhaiya bhabi akka anna thambi thangachi aiya akki nangi malli
amma appa maung naw saw bong oun ta yeay mr mrs ms miss sir madam mam boss sis bro
thao nang""".split())
HON_SCRIPT = ["พี่", "น้อง", "คุณ", "ป้า", "ลุง", "បង", "អូន", "លោក", "អ្នកស្រី", "ကို", "ဒေါ်", "ဦး",
              "ເອື້ອຍ", "ອ້າຍ", "ທ້າວ", "ນາງ", "दाइ", "दिदी", "भाइ", "बहिनी", "ভাই", "আপা", "ভাবি",
              "அக்கா", "அண்ணா", "தம்பி", "අයියා", "අක්කා", "මල්ලි", "නංගි"]


def load_stop():
    try:
        return {w.strip() for w in open("stoplist.txt", encoding="utf-8") if w.strip()}
    except FileNotFoundError:
        return set()


def masked_text(rec):
    b = bytearray(rec["text"].encode("utf-8"))
    for s in rec["spans"] + rec["neutral"]:
        for i in range(s["start"], s["end"]):
            if b[i] < 0x80 or b[i] >= 0xC0:
                b[i] = ord("_")
            else:
                b[i] = ord("_")
    # continuation bytes replaced too, so the result is ASCII-safe where masked
    return b.decode("utf-8", errors="replace")


def main():
    stop = load_stop()
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    caps_all = {}
    for line in open("all.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        n = int(rec["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        t = masked_text(rec)
        flags = []
        for m in re.finditer(r"(?:\d[\d\s\-./]*){3,}", t):
            flags.append("digits:" + m.group(0).strip())
        for m in re.finditer(r"\S*(@|https?://|www\.|\.com|\.nz|fb\.|facebook|t\.me|wa\.me|zalo|line id|instagram|tiktok)\S*", t, re.I):
            flags.append("web:" + m.group(0))
        for s, e in spelled_runs(t):
            flags.append("spelled:" + t[s:e])
        toks = re.findall(r"[\w'’.-]+", t)
        for i, tok in enumerate(toks[:-1]):
            if tok.lower().strip(".") in HONORIFICS or tok in HON_SCRIPT:
                nxt = toks[i + 1]
                if "_" not in nxt and nxt.lower() not in HONORIFICS:
                    flags.append(f"after-{tok}:{nxt}")
        for h in HON_SCRIPT:
            for m in re.finditer(re.escape(h) + r"(\S{1,12})", t):
                if "_" not in m.group(1):
                    flags.append(f"script-hon:{h}{m.group(1)}")
        for m in re.finditer(r"\b[A-Z][\w'’-]*", t):
            w = m.group(0)
            if w not in stop and w.rstrip("'’s") not in stop and not w.isupper():
                caps_all.setdefault(w, []).append(n)
                flags.append("cap:" + w)
        if flags:
            print(f"{rec['id']}: " + " | ".join(dict.fromkeys(flags)))
    if caps_all:
        print("\nunreviewed capitalised words (add to stoplist.txt once checked):")
        print(", ".join(f"{w}({len(v)})" for w, v in sorted(caps_all.items())))


if __name__ == "__main__":
    main()
