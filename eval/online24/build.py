#!/usr/bin/env python3
"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (set online24)."""
import re, json, random, sys, unicodedata
from collections import Counter
SET = "online24"
KINDS = {"NAME","PHONE","EMAIL","ADDRESS","ID","BANK","CARD","DOB","PLATE","HANDLE","IP"}
ROLES = {"reporter","subject","third"}
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

def ascii_digits(s):
    out = []
    for ch in s:
        if ch.isdigit() and not ch.isascii():
            out.append(str(unicodedata.digit(ch)))
        else: out.append(ch)
    return "".join(out)

def ird_ok(d):
    d = d.zfill(9); base = d[:8]
    if not (10_000_000 <= int(d[:8]+d[8]) <= 150_000_000): return False
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a,b in zip(base,w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == int(d[8])
    return False
def nzbank_ok(b, br, a, s):
    digits = b + br + a.zfill(8) + s.zfill(4)
    if b in ("08","09","25","33","26","27","28","29","31"): return True
    if int(a) < 990000: w = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    else: w = [0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0]
    return sum(int(x)*y for x,y in zip(digits,w)) % 11 == 0
def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    return sum(x if i%2==0 else (x*2-9 if x*2>9 else x*2) for i,x in enumerate(d)) % 10 == 0
def iban_ok(s):
    r = s[4:] + s[:4]
    return int("".join(str(int(ch,36)) for ch in r)) % 97 == 1
D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,0,7,6,8],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)): c = D[c][P[i%8][int(ch)]]
    return c == 0
def cnid_ok(s):
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a,b in zip(s[:17],w)) % 11] == s[17].upper()

def check(kind, text):
    """Return an error string or None."""
    t = ascii_digits(text)
    if re.search(r"[xX*•]{2,}", t): return None  # masked
    compact = re.sub(r"[\s\-.]", "", t)
    if kind == "BANK":
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact.upper()) and compact[:2].isalpha():
            return None if iban_ok(compact.upper()) else "bad IBAN"
        m = re.fullmatch(r"(\d{2})[\s-]?(\d{4})[\s-]?(\d{7})[\s-]?(\d{2,3})", t.strip())
        if m: return None if nzbank_ok(*m.groups()) else "bad NZ bank account"
    if kind == "CARD":
        if re.fullmatch(r"\d{13,19}", compact): return None if luhn_ok(compact) else "bad Luhn"
    if kind == "ID":
        if re.fullmatch(r"\d{2,3}[\s-]\d{3}[\s-]\d{3}", t): return None if ird_ok(compact) else "bad IRD"
        if re.fullmatch(r"\d{4}\s\d{4}\s\d{4}", t) or re.fullmatch(r"[2-9]\d{11}", t):
            return None if verhoeff_ok(compact) else "bad Aadhaar"
        if re.fullmatch(r"\d{17}[\dXx]", compact): return None if cnid_ok(compact) else "bad CN ID"
        if re.fullmatch(r"35\d{13}|86\d{13}", compact): return None if luhn_ok(compact) else "bad IMEI"
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", t): return None if t[3] in "PCHFATBLJG" else "bad PAN"
    if kind == "PHONE":
        if re.match(r"(\+?63|0)9", compact) and ("63" in compact[:3] or compact.startswith("09")):
            if compact.startswith("09") and len(compact) >= 10 and not re.fullmatch(r"09\d{9}", compact): return "bad PH mobile"
            if re.match(r"\+?639", compact) and not re.fullmatch(r"\+?639\d{9}", compact): return "bad PH mobile"
    if kind == "IP":
        parts = t.split(".")
        if len(parts) == 4 and not all(p.isdigit() and 0 <= int(p) <= 255 for p in parts): return "bad IPv4"
    return None

def parse(path="source.txt"):
    pieces, errs = [], []
    header = None
    for ln, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if not line.strip(): continue
        if line.startswith("#"):
            header = line; continue
        raw = line.replace("\\n", "\n")
        text, spans, neutral = "", [], []
        pos = 0
        for m in SPAN.finditer(raw):
            text += raw[pos:m.start()]
            kind, role, st = m.groups()
            if not st or st != st.strip(): errs.append(f"line {ln}: empty/whitespace span {m.group(0)!r}")
            if kind == "NEUTRAL":
                if role != "-": errs.append(f"line {ln}: NEUTRAL role must be -")
            else:
                if kind not in KINDS: errs.append(f"line {ln}: bad kind {kind}")
                if role not in ROLES: errs.append(f"line {ln}: bad role {role}")
                e = check(kind, st)
                if e: errs.append(f"line {ln}: {e}: {st!r}")
            b0 = len(text.encode("utf-8")); text += st; b1 = len(text.encode("utf-8"))
            (neutral if kind == "NEUTRAL" else spans).append({"start": b0, "end": b1, "kind": kind, **({} if kind == "NEUTRAL" else {"role": role})})
            pos = m.end()
        text += raw[pos:]
        if "{" in text or "}" in text: errs.append(f"line {ln}: stray brace (malformed span?)")
        if header is None: errs.append(f"line {ln}: no header")
        pieces.append({"header": header, "text": text, "spans": spans, "neutral": neutral})
        header = None
    return pieces, errs

def table(ps):
    c = Counter((s["kind"], s["role"]) for p in ps for s in p["spans"])
    kinds = sorted({k for k,_ in c}); roles = ["reporter","subject","third"]
    out = ["| kind | " + " | ".join(roles) + " | total |", "|---|---|---|---|---|"]
    for k in kinds:
        out.append(f"| {k} | " + " | ".join(str(c[(k,r)]) for r in roles) + f" | {sum(c[(k,r)] for r in roles)} |")
    out.append("| **all** | " + " | ".join(str(sum(c[(k,r)] for k in kinds)) for r in roles) + f" | {sum(c.values())} |")
    n = sum(1 for p in ps if not p["spans"])
    lens = sorted(len(p["text"]) for p in ps)
    out.append(f"\npieces: {len(ps)}; with no personal span: {n}; neutral spans: {sum(len(p['neutral']) for p in ps)}; "
               f"length chars min/median/max: {lens[0]}/{lens[len(lens)//2]}/{lens[-1]}" if ps else "")
    return "\n".join(out)

if __name__ == "__main__":
    pieces, errs = parse()
    for i, p in enumerate(pieces, 1):
        p["id"] = f"{SET}-{i:04d}"
        b = p["text"].encode("utf-8")
        for s in p["spans"] + p["neutral"]:
            assert 0 <= s["start"] < s["end"] <= len(b)
        allsp = sorted(p["spans"] + p["neutral"], key=lambda s: s["start"])
        for a, c in zip(allsp, allsp[1:]):
            if c["start"] < a["end"]: errs.append(f"{p['id']}: overlap")
        if p["header"] and not re.match(rf"# {i:03d} \|", p["header"]): errs.append(f"{p['id']}: header number mismatch: {p['header'][:20]}")
    recs = [{"id": p["id"], "text": p["text"], "spans": p["spans"], "neutral": p["neutral"]} for p in pieces]
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = recs[:]; random.Random(24024).shuffle(order)
    k = round(len(order) * 0.35)
    dev, held = order[:k], order[k:]
    for fn, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(fn, "w", encoding="utf-8") as f:
            for r in sorted(rs, key=lambda r: r["id"]): f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write(f"# Stats for {SET}\n\n## All ({len(recs)})\n\n{table(recs)}\n\n## Dev ({len(dev)})\n\n{table(dev)}\n\n## Held out ({len(held)})\n\n{table(held)}\n")
    for e in errs: print("ERROR", e)
    print(f"{len(recs)} pieces, {sum(len(r['spans']) for r in recs)} spans, dev {len(dev)}, heldout {len(held)}, errors {len(errs)}")
    sys.exit(1 if errs else 0)
