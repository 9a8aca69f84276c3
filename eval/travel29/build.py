#!/usr/bin/env python3
"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (travel29)."""
import json, re, random, sys, unicodedata
from collections import Counter
SET = "travel29"
KINDS = {"NAME","PHONE","EMAIL","ADDRESS","ID","BANK","CARD","DOB","PLATE","HANDLE","IP"}
ROLES = {"reporter","subject","third"}
SPAN = re.compile(r"\{(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\|([a-z-]+)\|([^{}]*?)\}")
errors = []

def digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch)))
    return "".join(out)

def ird_ok(d):
    if len(d) not in (8, 9): return False
    d = d.zfill(9); base = d[:8]; chk = int(d[8])
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a,b in zip(base,w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def nz_bank_ok(s):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7})[- ]?(\d{2,3})", s)
    if not m: return None
    b, br, ac, suf = m.groups()
    s_ = sum(int(a)*w for a,w in zip(br,[6,3,7,9])) + sum(int(a)*w for a,w in zip(ac,[0,10,5,8,4,2,1]))
    return s_ % 11 == 0

def iban_ok(s):
    s = s.replace(" ", "").upper()
    r = s[4:] + s[:4]
    return int("".join(str(int(c,36)) for c in r)) % 97 == 1

def luhn_ok(d):
    x=[int(c) for c in d][::-1]
    return sum(v if i%2==0 else (v*2-9 if v*2>9 else v*2) for i,v in enumerate(x))%10==0

VD=[[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP=[[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(d):
    c=0
    for i,x in enumerate(reversed(d)): c=VD[c][VP[i%8][int(x)]]
    return c==0

def cnid_ok(s):
    if not re.fullmatch(r"\d{17}[\dXx]", s): return False
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a,b in zip(s[:17],w))%11] == s[17].upper()

def check(kind, text, before, pid):
    masked = re.search(r"[xX*•#_]{2,}|\.\.\.", text)
    d = digits(text)
    ctx = before[-45:].lower()
    if kind == "BANK":
        t = text.replace(" ", "")
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", t):
            if not iban_ok(t): errors.append(f"{pid}: bad IBAN {text}")
        elif not masked:
            ok = nz_bank_ok(re.sub(r"[^\d\- ]", "", text.translate({ord(c): str(unicodedata.digit(c)) for c in text if c.isdigit()})).strip())
            if ok is False: errors.append(f"{pid}: bad NZ bank {text}")
    if kind == "ID" and not masked:
        if re.search(r"ird|tax|税|세금", ctx) and len(d) in (8, 9):
            if not ird_ok(d): errors.append(f"{pid}: bad IRD {text}")
        if re.search(r"aadha", ctx) and len(d) == 12:
            if not verhoeff_ok(d): errors.append(f"{pid}: bad Aadhaar {text}")
        if re.search(r"身份证|resident id|china id", ctx) and len(text.replace(" ", "")) == 18:
            if not cnid_ok(text.replace(" ", "")): errors.append(f"{pid}: bad CN ID {text}")
    if kind == "CARD" and not masked and len(d) >= 13:
        if not luhn_ok(d): errors.append(f"{pid}: bad card {text}")
    if kind == "PHONE" and not masked:
        if re.match(r"\s*(\+63|0063)", text) and len(d) != 12: errors.append(f"{pid}: bad PH phone {text}")
        if re.match(r"\s*09\d", text) and "+" not in text and len(d) == 11 and False: pass

def parse():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []; hdr = None; seen = set()
    for ln, line in enumerate(lines, 1):
        if not line.strip(): continue
        if line.startswith("#"):
            hdr = [x.strip() for x in line[1:].split("|")]
            if len(hdr) != 6: errors.append(f"line {ln}: bad header")
            continue
        if hdr is None: errors.append(f"line {ln}: piece without header"); continue
        num = hdr[0]
        if num in seen: errors.append(f"line {ln}: dup number {num}")
        seen.add(num)
        raw = line.replace("\\n", "\n")
        text = ""; spans = []; neutral = []; pos = 0
        for m in SPAN.finditer(raw):
            text += raw[pos:m.start()]
            kind, role, t = m.groups()
            if not t or t != t.strip(): errors.append(f"{num}: empty/whitespace span {m.group(0)!r}")
            s = len(text.encode("utf-8")); text += t; e = len(text.encode("utf-8"))
            if kind == "NEUTRAL":
                if role != "-": errors.append(f"{num}: NEUTRAL role must be -")
                neutral.append({"start": s, "end": e, "kind": "NEUTRAL"})
            else:
                if role not in ROLES: errors.append(f"{num}: bad role {role}")
                check(kind, t, text[:len(text)-len(t)], num)
                spans.append({"start": s, "end": e, "kind": kind, "role": role})
            pos = m.end()
        text += raw[pos:]
        if re.search(r"\{[A-Z]+\|", text) or "|}" in text: errors.append(f"{num}: leftover markup")
        b = text.encode("utf-8")
        for sp in spans + neutral:
            frag = b[sp["start"]:sp["end"]].decode("utf-8")
            assert frag and frag == frag.strip(), (num, frag)
        allsp = sorted(spans + neutral, key=lambda x: x["start"])
        for a, c in zip(allsp, allsp[1:]):
            if c["start"] < a["end"]: errors.append(f"{num}: overlap")
        hpii = hdr[5]
        if hpii == "none" and spans: errors.append(f"{num}: header says none but has spans")
        if hpii != "none" and not spans: errors.append(f"{num}: header has pii but no spans")
        pieces.append({"id": f"{SET}-{int(num):04d}", "text": text, "spans": spans, "neutral": neutral, "_hdr": hdr})
    return pieces

def table(ps):
    c = Counter((s["kind"], s["role"]) for p in ps for s in p["spans"])
    kinds = sorted({k for k,_ in c}); roles = ["reporter","subject","third"]
    out = ["| kind | " + " | ".join(roles) + " | total |", "|---|---|---|---|---|"]
    for k in kinds:
        row = [c[(k,r)] for r in roles]
        out.append(f"| {k} | " + " | ".join(map(str,row)) + f" | {sum(row)} |")
    tot = [sum(c[(k,r)] for k in kinds) for r in roles]
    out.append("| **all** | " + " | ".join(map(str,tot)) + f" | {sum(tot)} |")
    n = sum(len(p["neutral"]) for p in ps)
    return "\n".join(out) + f"\n\nNEUTRAL spans: {n}\n"

def main():
    ps = parse()
    if errors:
        print("\n".join(errors)); print(f"{len(errors)} ERRORS"); sys.exit(1)
    def clean(p): return {k: v for k, v in p.items() if not k.startswith("_")}
    with open("all.jsonl","w",encoding="utf-8") as f:
        for p in ps: f.write(json.dumps(clean(p), ensure_ascii=False)+"\n")
    sh = ps[:]; random.Random(29029).shuffle(sh)
    k = round(len(sh)*0.35); dev, ho = sh[:k], sh[k:]
    for fn, part in (("dev.jsonl", dev), ("heldout.jsonl", ho)):
        with open(fn,"w",encoding="utf-8") as f:
            for p in sorted(part, key=lambda x: x["id"]): f.write(json.dumps(clean(p), ensure_ascii=False)+"\n")
    L = [len(p["text"]) for p in ps]
    none = sum(1 for p in ps if not p["spans"])
    langs = Counter(p["_hdr"][1] for p in ps); chans = Counter(p["_hdr"][3] for p in ps)
    st = [f"# Stats for {SET}", "", f"Pieces: {len(ps)} (dev {len(dev)}, held out {len(ho)}); pieces with no personal detail: {none}",
          f"Length in characters: min {min(L)}, median {sorted(L)[len(L)//2]}, max {max(L)}, total {sum(L)}", "",
          "## All", table(ps), "## Dev", table(dev), "## Held out", table(ho),
          "## Languages", ", ".join(f"{a}: {b}" for a,b in langs.most_common()), "",
          "## Channels", ", ".join(f"{a}: {b}" for a,b in chans.most_common()), ""]
    open("stats.md","w",encoding="utf-8").write("\n".join(st))
    print(f"OK {len(ps)} pieces, {sum(len(p['spans']) for p in ps)} spans, dev {len(dev)} heldout {len(ho)}, none {none}")

if __name__ == "__main__":
    main()
