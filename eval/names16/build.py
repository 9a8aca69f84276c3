#!/usr/bin/env python3
"""Parse source.txt -> all.jsonl, dev.jsonl, heldout.jsonl, stats.md (set names16).
Spans: {KIND|role|text}; look-alikes: {NEUTRAL|-|text}. Offsets are UTF-8 bytes, end exclusive."""
import json, random, re, sys, unicodedata
from collections import Counter

SET = "names16"
KINDS = {"NAME","PHONE","EMAIL","ADDRESS","ID","BANK","CARD","DOB","PLATE","HANDLE","IP"}
ROLES = {"reporter","subject","third"}
errors = []

# ---------- check digits ----------
CJK = {c:str(i) for i,c in enumerate("〇一二三四五六七八九")}; CJK["零"] = "0"
WORDS = {"zero":"0","oh":"0","o":"0","nought":"0","one":"1","two":"2","three":"3","four":"4","five":"5",
         "six":"6","seven":"7","eight":"8","nine":"9"}
def digits_of(s):
    out = []
    toks = re.findall(r"[A-Za-z]+|.", s)
    mult = 1
    for t in toks:
        lt = t.lower()
        if lt in ("double","triple"):
            mult = 2 if lt == "double" else 3; continue
        if lt in WORDS and len(t) > 1:
            out.append(WORDS[lt]*mult); mult = 1; continue
        if len(t) == 1:
            if t in CJK: out.append(CJK[t]*mult); mult = 1; continue
            try:
                out.append(str(unicodedata.digit(t))*mult); mult = 1; continue
            except (TypeError, ValueError):
                pass
    return "".join(out)

def ird_ok(n):
    if len(n) == 8: n = "0" + n
    if len(n) != 9 or not (10_000_000 <= int(n) <= 150_000_000): return False
    d = [int(c) for c in n[:8]]
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        s = sum(a*b for a,b in zip(d,w)) % 11
        c = 0 if s == 0 else 11 - s
        if c != 10: return c == int(n[8])
    return False

NZA = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
NZB = [0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0]
def nzbank_ok(raw):
    parts = re.split(r"[\s\-]+", raw.strip())
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        b, br, ac, suf = parts
    else:
        d = re.sub(r"\D", "", raw)
        if len(d) not in (15, 16): return None
        b, br, ac, suf = d[:2], d[2:6], d[6:13], d[13:]
    if b not in {"01","02","03","06","11","12","13","14","15","16","17","18","19","20","21","22","23","24","27","30","35","38"}:
        return None
    s18 = f"{b}{br:0>4}{ac:0>8}{suf:0>4}"
    w = NZA if int(ac) < 990000 else NZB
    return sum(int(c)*x for c,x in zip(s18, w)) % 11 == 0

def iban_ok(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: 
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s): return False
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a,b in zip(s[:17], w)) % 11] == s[17]

checked = Counter()
def check_span(kind, text, before, pid):
    ctx = before[-70:].lower()
    d = digits_of(text)
    compact = re.sub(r"[\s\-\./]", "", text)
    def bad(what): errors.append(f"{pid}: {kind} '{text}' fails {what}")
    if "*" in text or "x" * 3 in text.lower() or "…" in text or "..." in text:
        return  # partly masked, nothing to check
    if kind == "ID":
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            checked["PAN"] += 1
            if compact[3] not in "PCHFATBLJG": bad("PAN shape")
        elif re.fullmatch(r"\d{17}[\dXx]", compact):
            checked["CN-ID"] += 1
            if not cnid_ok(compact): bad("ISO 7064 (CN ID)")
        elif len(d) == 12 and re.search(r"aadha+r|आधार|ਆਧਾਰ|ஆதார்|আধার|uidai", ctx + text.lower()):
            checked["Aadhaar"] += 1
            if not verhoeff_ok(d) or d[0] in "01": bad("Verhoeff (Aadhaar)")
        elif len(d) in (8, 9) and re.search(r"\bird\b|tax|税|ภาษี|thuế|kar\b|buwis|pajak|세금|налог", ctx):
            checked["IRD"] += 1
            if not ird_ok(d): bad("IRD mod 11")
    elif kind == "BANK":
        if re.match(r"[A-Z]{2}\d{2}", compact) and len(compact) >= 15:
            checked["IBAN"] += 1
            if not iban_ok(compact): bad("IBAN mod 97")
        elif len(d) in (15, 16) and re.fullmatch(r"[\d\s\-]+", text) or re.fullmatch(r"\d{2}-\d{4}-\d{7}-\d{2,3}", text):
            r = nzbank_ok(text if re.fullmatch(r"[\d\s\-]+", text) else d)
            if r is not None:
                checked["NZ bank"] += 1
                if not r: bad("NZ bank check")
    elif kind == "CARD":
        if len(d) >= 13:
            checked["Luhn"] += 1
            if not luhn_ok(d): bad("Luhn")
    elif kind == "PHONE":
        if d.startswith("63") and len(d) == 12 or d.startswith("09") and len(d) == 11 and re.search(r"phil|pinas|globe|smart|\+63", ctx + text.lower()):
            checked["PH mobile"] += 1
            nat = d[2:] if d.startswith("63") else d[1:]
            if not (len(nat) == 10 and nat[0] == "9"): bad("Philippine mobile shape")

# ---------- parse ----------
SPAN = re.compile(r"\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}")
def parse(line, pid):
    text = []; spans = []; neutral = []; pos = 0; blen = 0
    for m in SPAN.finditer(line):
        pre = line[pos:m.start()].replace("\\n", "\n")
        if "{" in pre or "}" in pre: errors.append(f"{pid}: stray brace near '{pre[-30:]}'")
        text.append(pre); blen += len(pre.encode())
        kind, role, val = m.groups()
        val = val.replace("\\n", "\n")
        if not val: errors.append(f"{pid}: empty span")
        if val != val.strip(): errors.append(f"{pid}: outer whitespace in '{val}'")
        before = "".join(text)
        start = blen; end = blen + len(val.encode())
        if kind == "NEUTRAL":
            if role != "-": errors.append(f"{pid}: NEUTRAL role must be '-'")
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL"})
        else:
            if kind not in KINDS: errors.append(f"{pid}: unknown kind {kind}")
            if role not in ROLES: errors.append(f"{pid}: unknown role {role}")
            if kind == "NAME" and re.search(r"^(Mr|Mrs|Ms|Miss|Dr|Kuya|Ate|Tita|Tito|Aunty|Auntie|Uncle|Boss|Pak|Bu|Ibu|Mas|Mbak|Haji|Ratu|Adi|Capt|Kapten|Engr|Pastor|Mama|Kak|Abang|Towkay|Don|Doña|Sir|Whaea|Koro)\b\.?\s", val, re.I):
                errors.append(f"{pid}: title inside NAME '{val}'")
            check_span(kind, val, before, pid)
            spans.append({"start": start, "end": end, "kind": kind, "role": role})
        text.append(val); blen = end; pos = m.end()
    rest = line[pos:].replace("\\n", "\n")
    if "{" in rest or "}" in rest: errors.append(f"{pid}: stray brace in tail '{rest[:40]}'")
    text.append(rest)
    t = "".join(text)
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]: errors.append(f"{pid}: overlap")
    return t, spans, neutral

def load(path="source.txt"):
    pieces = []; meta = None; seen = set()
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip(): continue
        if line.startswith("#"):
            f = [x.strip() for x in line[1:].split("|")]
            if len(f) != 6: errors.append(f"line {ln}: bad header {line}")
            meta = f; continue
        if meta is None: errors.append(f"line {ln}: piece without header"); continue
        num = meta[0]
        if num in seen: errors.append(f"line {ln}: duplicate number {num}")
        seen.add(num)
        pid = f"{SET}-{int(num):04d}"
        t, spans, neutral = parse(line, pid)
        has = bool(spans)
        if (meta[5] == "none") == has:
            errors.append(f"{pid}: header pii={meta[5]} but {len(spans)} spans")
        pieces.append({"id": pid, "text": t, "spans": spans, "neutral": neutral,
                       "_meta": dict(zip(["num","lang","voice","channel","sector","pii"], meta))})
        meta = None
    return pieces

def table(ps, title):
    c = Counter((s["kind"], s["role"]) for p in ps for s in p["spans"])
    kinds = sorted({k for k,_ in c}); roles = ["reporter","subject","third"]
    lines = [f"### {title} ({len(ps)} pieces, {sum(c.values())} spans, "
             f"{sum(len(p['neutral']) for p in ps)} neutral, {sum(1 for p in ps if not p['spans'])} with no PII)", "",
             "| kind | " + " | ".join(roles) + " | total |", "|---|" + "---|"*(len(roles)+1)]
    for k in kinds:
        row = [c[(k,r)] for r in roles]
        lines.append(f"| {k} | " + " | ".join(map(str,row)) + f" | {sum(row)} |")
    tot = [sum(c[(k,r)] for k in kinds) for r in roles]
    lines.append("| **all** | " + " | ".join(map(str,tot)) + f" | {sum(tot)} |")
    return "\n".join(lines) + "\n"

def main():
    pieces = load()
    if errors:
        print("\n".join(errors)); print(f"{len(errors)} ERRORS"); sys.exit(1)
    def out(p): return {"id": p["id"], "text": p["text"], "spans": p["spans"], "neutral": p["neutral"]}
    with open("all.jsonl","w",encoding="utf-8") as f:
        for p in pieces: f.write(json.dumps(out(p), ensure_ascii=False) + "\n")
    order = pieces[:]; random.Random(16016).shuffle(order)
    k = round(len(order) * 0.35)
    dev, held = order[:k], order[k:]
    for name, ps in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name,"w",encoding="utf-8") as f:
            for p in sorted(ps, key=lambda p: p["id"]): f.write(json.dumps(out(p), ensure_ascii=False) + "\n")
    L = [len(p["text"]) for p in pieces]
    md = [f"# {SET} stats", "", f"Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)})",
          f"Length in characters: min {min(L)}, median {sorted(L)[len(L)//2]}, max {max(L)}, mean {sum(L)//len(L)}", ""]
    for key in ("lang","voice","channel","sector"):
        c = Counter(p["_meta"][key] for p in pieces)
        md.append(f"**{key}**: " + ", ".join(f"{a} {b}" for a,b in c.most_common()) + "\n")
    md.append("Check digits verified by build.py: " + ", ".join(f"{a} {b}" for a,b in sorted(checked.items())) + "\n")
    md += [table(pieces, "All"), table(dev, "Dev"), table(held, "Held out")]
    open("stats.md","w",encoding="utf-8").write("\n".join(md))
    print(f"OK {len(pieces)} pieces; dev {len(dev)}, heldout {len(held)}; checks {dict(checked)}")

if __name__ == "__main__":
    main()
