#!/usr/bin/env python3
"""Author's helper: in each report, find unlabelled repeats of a name (or a
token of a name) that is labelled elsewhere in the same report.
--apply wraps them in the same NAME label (skipping tokens listed in SKIP)."""
import re, sys
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
PARTICLES = {"van", "der", "de", "bin", "binti", "dela", "md.", "thi", "a/p", "da", "dos", "del"}
apply = "--apply" in sys.argv
lines = open("source.txt", encoding="utf-8").read().split("\n")
out = []
for no, line in enumerate(lines, 1):
    if line.startswith("#") or not line.strip():
        out.append(line); continue
    names = [(m.group(3), m.group(2)) for m in SPAN_RE.finditer(line) if m.group(1) == "NAME"]
    toks = {}
    for text, role in names:
        toks.setdefault(text, role)
        for t in text.split():
            if t.lower() not in PARTICLES and len(t) >= 3:
                toks.setdefault(t, role)
    # split the line into labelled and plain parts
    parts, pos = [], 0
    for m in SPAN_RE.finditer(line):
        parts.append(("plain", line[pos:m.start()])); parts.append(("span", m.group(0))); pos = m.end()
    parts.append(("plain", line[pos:]))
    ltoks = {k.lower(): v for k, v in toks.items()}
    new = []
    for kind, txt in parts:
        if kind == "plain" and toks:
            pat = re.compile(r"(?<![\w{|])(" + "|".join(re.escape(t) for t in sorted(toks, key=len, reverse=True)) + r")(?![\w}])", re.I if "--nocase" in sys.argv else 0)
            def rep(m):
                print(f"line {no}: {m.group(1)!r} ({ltoks[m.group(1).lower()]}) … {txt[max(0,m.start()-25):m.end()+15]!r}")
                return "{NAME|%s|%s}" % (ltoks[m.group(1).lower()], m.group(1)) if apply else m.group(0)
            txt = pat.sub(rep, txt)
        new.append(txt)
    out.append("".join(new))
if apply:
    open("source.txt", "w", encoding="utf-8").write("\n".join(out))
