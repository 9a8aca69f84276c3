#!/usr/bin/env python3
"""List things outside spans in all.jsonl that might be personal (isles21 review aid).
Usage: python3 reread.py [first_num [last_num]]  -- restrict to a range of piece numbers.
"""
import json
import re
import sys

NUMWORDS = set("""
zero oh one two three four five six seven eight nine ten
tasi lua tolu fa lima ono fitu valu iva sefulu selo
taha ua tolu fa nima ono fitu valu hiva noa
dua rua tolu va lima ono vitu walu ciwa saiva
wan tu tri fo faev sikis seven eit naen nain siro
wan tu tri foa faiv sikis seven et nain
teuana uoua teniua aua nimaua onoua itiua waniua ruaiwa akea
tahi rua toru wha rima ono whitu waru iwa kore
ek do teen char paanch panch chhe saat aath nau shunya
""".split())

STOP = set(open("stoplist.txt", encoding="utf-8").read().split()) if __import__("os").path.exists("stoplist.txt") else set()


def masked(p):
    b = bytearray(p["text"].encode("utf-8"))
    for s in p["spans"] + p["neutral"]:
        for i in range(s["start"], s["end"]):
            if b[i] < 0x80 or b[i] >= 0xC0:
                b[i] = 0x20 if b[i] < 0x80 else b[i]
    # simpler: rebuild string with spans replaced by spaces
    t = p["text"].encode("utf-8")
    out = bytearray()
    last = 0
    for s in sorted(p["spans"] + p["neutral"], key=lambda s: s["start"]):
        out += t[last:s["start"]] + b" \xe2\x96\xa0 "
        last = s["end"]
    out += t[last:]
    return out.decode("utf-8")


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    for line in open("all.jsonl", encoding="utf-8"):
        p = json.loads(line)
        n = int(p["id"].split("-")[-1])
        if not (lo <= n <= hi):
            continue
        t = masked(p)
        found = []
        found += [f"digits:{m.group(0)}" for m in re.finditer(r"\d[\d \-./]*\d|\d", t)
                  if len(re.sub(r"\D", "", m.group(0))) >= 3 and t[max(0, m.start()-1):m.start()] != "$"]
        found += [f"at:{t[max(0, m.start()-15):m.end()+15]!r}" for m in re.finditer(r"@", t)]
        found += [f"url:{m.group(0)}" for m in re.finditer(r"(https?://\S+|www\.\S+|\S+\.(com|nz|net|org|fj|ws|to|vu|sb|pg)\b\S*)", t)]
        words = re.findall(r"[^\W\d_]+", t.lower())
        run = []
        for w in words + [""]:
            if w in NUMWORDS:
                run.append(w)
            else:
                if len(run) >= 3:
                    found.append("numwords:" + " ".join(run))
                run = []
        caps = []
        for m in re.finditer(r"(?<![\w'ʻ’`])([A-ZĀĒĪŌŪ][\wāēīōūʻ'’`-]*)", t):
            w = m.group(1).strip("'’`-")
            if w and w not in STOP and w.lower() not in STOP and len(w) > 1:
                caps.append(w)
        if caps:
            found.append("caps:" + " ".join(dict.fromkeys(caps)))
        if found:
            print(f"{n:03d} [{len(p['spans'])} spans] " + " | ".join(found))


if __name__ == "__main__":
    main()
