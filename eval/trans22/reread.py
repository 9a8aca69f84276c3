#!/usr/bin/env python3
"""List what lies OUTSIDE labelled spans that might still be personal.

For every piece in all.jsonl (run build.py first) prints:
  D  digit runs (any script) with 3+ digits
  @  at-signs, URLs, domains
  W  spelled-out number runs (3+ number words, several languages)
  C  capitalised words not in the stop list (stop.txt, one word a line)
  S  (with --scripts) runs of non-Latin letters, for names in their own script
Usage: python3 reread.py [--scripts] [--from N] [--to N]
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
args = sys.argv[1:]
SCRIPTS = "--scripts" in args
lo = int(args[args.index("--from") + 1]) if "--from" in args else 1
hi = int(args[args.index("--to") + 1]) if "--to" in args else 10 ** 6

STOP = set()
sp = HERE / "stop.txt"
if sp.exists():
    for w in sp.read_text(encoding="utf-8").split():
        STOP.add(w.strip().lower())

NUMWORDS = set("""zero oh o nought one two three four five six seven eight nine ten double triple
kore tahi rua toru whā wha rima ono whitu waru iwa
cero uno dos tres cuatro cinco seis siete ocho nueve
um dois três quatro sete oito nove
isa dalawa tatlo apat lima anim pito walo siyam
satu dua tiga empat enam tujuh delapan sembilan nol kosong
noa lua tolu fa ono fitu valu iva
ноль один два три четыре пять шесть семь восемь девять
""".split())


def outside(text, spans):
    b = text.encode("utf-8")
    cuts = sorted((s["start"], s["end"]) for s in spans)
    parts, pos = [], 0
    for s, e in cuts:
        parts.append(b[pos:s].decode("utf-8"))
        parts.append(" \u2592 ")
        pos = e
    parts.append(b[pos:].decode("utf-8"))
    return "".join(parts)


def is_latin_letter(ch):
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def main():
    total = 0
    for line in (HERE / "all.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        n = int(r["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        out = outside(r["text"], r["spans"] + r["neutral"])
        hits = []
        for m in re.finditer(r"[^\W_]*\d[\d\s\-./()+]*\d[^\W_]*|\d", out):
            s = m.group(0)
            if sum(1 for ch in s if unicodedata.category(ch) == "Nd") >= 3:
                hits.append("D " + s.strip())
        for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org|io|me|ly)\b\S*", out):
            hits.append("@ " + m.group(0))
        toks = re.findall(r"[\w']+", out.lower())
        run = []
        for t in toks + ["#"]:
            if t in NUMWORDS:
                run.append(t)
            else:
                if len(run) >= 3:
                    hits.append("W " + " ".join(run))
                run = []
        caps = []
        for m in re.finditer(r"\b[^\W\d_][\w'’\-]*", out):
            w = m.group(0)
            if is_latin_letter(w[0]) and w[0].isupper() and w.lower().strip("'’") not in STOP:
                caps.append(w)
        if caps:
            seen = []
            for c in caps:
                if c not in seen:
                    seen.append(c)
            hits.append("C " + " ".join(seen))
        if SCRIPTS:
            runs, cur = [], ""
            for ch in out + " ":
                if unicodedata.category(ch)[0] in "LM":
                    cur += ch
                else:
                    if cur:
                        runs.append(cur)
                    cur = ""
            nl = [w for w in runs if not is_latin_letter(w[0])]
            if nl:
                hits.append("S " + " ".join(dict.fromkeys(nl)))
        if hits:
            total += 1
            print(f"--- {r['id']}")
            for h in hits:
                print("   ", h)
    print(f"{total} pieces with something to look at")


if __name__ == "__main__":
    main()
