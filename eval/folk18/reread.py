#!/usr/bin/env python3
"""List things outside spans in all.jsonl that might be personal, so they can be
checked by eye: digit runs (any script), '@', URLs, spelled-out number runs,
capitalised words not in the stop list, and (with --scripts) runs of
caseless scripts (Han, Hangul, Thai, Devanagari, Arabic ...).

usage: python3 reread.py [--from NNN] [--to NNN] [--scripts]
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

NUMWORDS = set("""zero oh o one two three four five six seven eight nine double triple
sero isa dalawa tatlo apat lima anim pito walo siyam
selo tasi lua tolu fa ono fitu valu iva
noa taha ua tolu nima fitu valu hiva
kore tahi rua toru whā wha rima whitu waru iwa
cero uno dos tres cuatro cinco seis siete ocho nueve
ek do teen char paanch chhe saat aath nau shunya
""".split())

STOP = set()
sp = HERE / "stoplist.txt"
if sp.exists():
    for ln in sp.read_text(encoding="utf-8").split("\n"):
        ln = ln.split("#")[0]
        STOP.update(w.lower() for w in ln.split())

CASELESS = ("CJK", "HANGUL", "THAI", "DEVANAGARI", "ARABIC", "BENGALI", "GURMUKHI",
            "TAMIL", "SINHALA", "KHMER", "HIRAGANA", "KATAKANA", "LAO", "MYANMAR", "GEORGIAN")


def script(ch):
    try:
        n = unicodedata.name(ch)
    except ValueError:
        return ""
    for s in CASELESS:
        if n.startswith(s):
            return s
    return ""


def outside(text, recs):
    b = text.encode("utf-8")
    mask = bytearray(len(b))
    for s in recs:
        for i in range(s["start"], s["end"]):
            mask[i] = 1
    # build char-level string with spans replaced by a placeholder
    out = []
    i = 0
    while i < len(b):
        if mask[i]:
            j = i
            while j < len(b) and mask[j]:
                j += 1
            out.append(" ⟦·⟧ ")
            i = j
        else:
            j = i
            while j < len(b) and not mask[j]:
                j += 1
            out.append(b[i:j].decode("utf-8"))
            i = j
    return "".join(out)


def main():
    args = sys.argv[1:]
    lo, hi = 0, 10 ** 6
    if "--from" in args:
        lo = int(args[args.index("--from") + 1])
    if "--to" in args:
        hi = int(args[args.index("--to") + 1])
    scripts = "--scripts" in args
    for ln in open(HERE / "all.jsonl", encoding="utf-8"):
        r = json.loads(ln)
        n = int(r["id"].split("-")[1])
        if not (lo <= n <= hi):
            continue
        t = outside(r["text"], r["spans"] + r["neutral"])
        hits = []
        for m in re.finditer(r"\d[\d\s\-]*\d|\d", t):
            hits.append("DIG:" + t[max(0, m.start() - 15):m.end() + 5].replace("\n", " "))
        for m in re.finditer(r"@", t):
            hits.append("AT:" + t[max(0, m.start() - 20):m.end() + 20].replace("\n", " "))
        for m in re.finditer(r"https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org|me|ly|io)\b\S*", t):
            hits.append("URL:" + m.group(0))
        toks = re.findall(r"[\w']+", t.lower())
        run = []
        for w in toks + ["§"]:
            if w in NUMWORDS:
                run.append(w)
            else:
                if len(run) >= 3:
                    hits.append("WORDNUM:" + " ".join(run))
                run = []
        caps = []
        for m in re.finditer(r"\b[^\W\d_][\w'’\-]*", t):
            w = m.group(0)
            if w[0].isupper() and not script(w[0]) and w.lower().strip("'’") not in STOP:
                caps.append(w)
        if caps:
            hits.append("CAP:" + ", ".join(dict.fromkeys(caps)))
        if scripts:
            runs = []
            cur, cs = "", ""
            for ch in t + " ":
                s = script(ch)
                if s and (s == cs or not cur):
                    cur += ch
                    cs = s
                else:
                    if cur:
                        runs.append(cur)
                    cur, cs = (ch, s) if s else ("", "")
            if runs:
                hits.append("SCRIPT:" + " | ".join(runs))
        if hits:
            print(f"--- {r['id']}")
            for h in hits:
                print("   ", h)


if __name__ == "__main__":
    main()
