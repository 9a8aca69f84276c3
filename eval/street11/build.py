#!/usr/bin/env python3
"""Parse source.txt (inline-labelled pieces), validate spans and check digits,
write all.jsonl / dev.jsonl / heldout.jsonl / stats.md."""
import re, json, random, sys, unicodedata, collections

SET = "street11"
KINDS = {"NAME","PHONE","EMAIL","ADDRESS","ID","BANK","CARD","DOB","PLATE","HANDLE","IP"}
ROLES = {"reporter","subject","third"}
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HDR = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (pii|none)\s*$")

def norm_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            try: out.append(str(unicodedata.digit(ch)))
            except Exception: out.append(ch)
        elif unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.decimal(ch)))
        else: out.append(ch)
    return "".join(out)

def ird_ok(d):
    if len(d) == 8: d = "0" + d
    if len(d) != 9 or not (10_000_000 < int(d) < 150_000_000): return False
    base = [int(c) for c in d[:8]]
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(a*b for a,b in zip(base,w)) % 11
        c = 0 if r == 0 else 11 - r
        if c < 10: return c == int(d[8])
    return False

def nzbank_ok(s):
    p = re.split(r"[- ]", s)
    if len(p) != 4: return False
    b, br, ac, sf = p
    if b not in {"01","02","03","06","11","12","38"}: return False
    digs = [int(c) for c in f"{int(br):04d}{int(ac):08d}"]
    w = [6,3,7,9,0,0,10,5,8,4,2,1] if int(ac) < 990000 else [0,0,0,0,0,0,10,5,8,4,2,1]
    return sum(a*b for a,b in zip(digs,w)) % 11 == 0

def iban_ok(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(int(c,36)) for c in r)) % 97 == 1

def luhn_ok(d):
    t = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2: 
            v *= 2
            if v > 9: v -= 9
        t += v
    return t % 10 == 0

VD=[[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP=[[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(d):
    c = 0
    for i, ch in enumerate(reversed(d)): c = VD[c][VP[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*x for a,x in zip(s[:17],w)) % 11] == s[17].upper()

NL = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "IO"]
def nhi_ok(s):
    vals = [NL.index(c)+1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(v*w for v,w in zip(vals,[7,6,5,4,3,2])) % 11
    if r == 0: return False
    c = 11 - r
    return (0 if c == 10 else c) == int(s[6])

IRD_KW = re.compile(r"IRD|tax|inland revenue|taake|कर |ਟੈਕਸ|税|thuế|buwis|pajak|ภาษี|GST", re.I)
AAD_KW = re.compile(r"aadh?aar|आधार|ਆਧਾਰ|ஆதார்|আধার|UIDAI", re.I)

def check_value(kind, text, ctx):
    """Return error string or None."""
    t = norm_digits(text)
    flat = re.sub(r"[\s\-.]", "", t)
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", t.strip()):
            return None if nzbank_ok(t.strip()) else "NZ bank checksum"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", flat):
            return None if iban_ok(flat) else "IBAN mod97"
    if kind == "CARD":
        if "X" in flat.upper() or "*" in flat or "•" in flat: return None
        if re.fullmatch(r"\d{13,19}", flat):
            return None if luhn_ok(flat) else "Luhn"
    if kind == "ID":
        if re.fullmatch(r"\d{17}[\dXx]", flat):
            return None if cnid_ok(flat) else "CN ID ISO7064"
        if re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", flat):
            return None if nhi_ok(flat) else "NHI mod11"
        if re.fullmatch(r"\d{4} \d{4} \d{4}", t.strip()) or (re.fullmatch(r"[2-9]\d{11}", flat) and AAD_KW.search(ctx)):
            return None if verhoeff_ok(flat) else "Aadhaar Verhoeff"
        if re.fullmatch(r"\d{2,3}-\d{3}-\d{3}", t.strip()) or (re.fullmatch(r"\d{8,9}", flat) and IRD_KW.search(ctx)):
            return None if ird_ok(flat) else "IRD mod11"
        if re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", flat) and re.search(r"PAN|पैन", ctx):
            return None
    if kind == "PHONE":
        m = re.fullmatch(r"(?:\+|00)?63(\d+)", flat.replace("(", "").replace(")", ""))
        if m and not re.fullmatch(r"9\d{9}|2\d{7,8}", m.group(1)): return "PH phone shape"
        if re.fullmatch(r"09\d+", flat) and len(flat) == 11 and "63" in ctx[-0:]: pass
    return None

def parse(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    pieces, errs = [], []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip(): i += 1; continue
        m = HDR.match(ln)
        if not m:
            errs.append(f"line {i+1}: expected header, got {ln[:60]!r}"); i += 1; continue
        num, lang, voice, chan, sector, pii = [x.strip() for x in m.groups()]
        if i + 1 >= len(lines) or lines[i+1].startswith("# "):
            errs.append(f"{num}: missing body"); i += 1; continue
        body = lines[i+1]; i += 2
        buf = bytearray(); chars = []; spans = []; neutral = []
        pos = 0
        def add(s):
            s = s.replace("\\n", "\n")
            chars.append(s); buf.extend(s.encode("utf-8"))
        for sm in SPAN.finditer(body):
            add(body[pos:sm.start()])
            kind, role, txt = sm.groups()
            start = len(buf); add(txt); end = len(buf)
            t = txt.replace("\\n", "\n")
            if not t or t != t.strip(): errs.append(f"{num}: empty/whitespace span {txt!r}")
            if kind == "NEUTRAL":
                if role != "-": errs.append(f"{num}: NEUTRAL role must be -")
                neutral.append({"start": start, "end": end, "kind": "NEUTRAL"})
            else:
                if kind not in KINDS: errs.append(f"{num}: bad kind {kind}")
                if role not in ROLES: errs.append(f"{num}: bad role {role}")
                ctx = "".join(chars)[-80:]
                e = check_value(kind, t, ctx)
                if e: errs.append(f"{num}: {kind} {txt!r} fails {e}")
                spans.append({"start": start, "end": end, "kind": kind, "role": role})
            pos = sm.end()
        add(body[pos:])
        text = "".join(chars)
        if "{" in text or "}" in text: errs.append(f"{num}: stray brace in text: {text[text.find('{')-20:text.find('{')+40]!r}")
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]: errs.append(f"{num}: overlap")
        if pii == "none" and spans: errs.append(f"{num}: header says none but has spans")
        if pii == "pii" and not spans: errs.append(f"{num}: header says pii but no spans")
        tb = text.encode("utf-8")
        for s in spans:
            seg = tb[s["start"]:s["end"]].decode("utf-8")
            pass
        pieces.append({"num": num, "lang": lang, "voice": voice, "channel": chan, "sector": sector,
                       "id": f"{SET}-{int(num):04d}", "text": text, "spans": spans, "neutral": neutral})
    nums = [int(p["num"]) for p in pieces]
    if nums != list(range(1, len(nums)+1)): errs.append(f"numbering not sequential: {nums[:5]}...")
    return pieces, errs

def table(ps, title):
    c = collections.Counter((s["kind"], s["role"]) for p in ps for s in p["spans"])
    kinds = sorted({k for k, _ in c})
    out = [f"### {title} ({len(ps)} pieces, {sum(c.values())} spans, "
           f"{sum(len(p['neutral']) for p in ps)} neutral, {sum(1 for p in ps if not p['spans'])} with no PII)", "",
           "| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        r = [c[(k, x)] for x in ("reporter", "subject", "third")]
        out.append(f"| {k} | {r[0]} | {r[1]} | {r[2]} | {sum(r)} |")
    r = [sum(v for (k, x), v in c.items() if x == y) for y in ("reporter", "subject", "third")]
    out.append(f"| **all** | {r[0]} | {r[1]} | {r[2]} | {sum(r)} |")
    return "\n".join(out) + "\n"

def main():
    pieces, errs = parse("source.txt")
    for e in errs: print("ERROR", e)
    def rec(p): return {"id": p["id"], "text": p["text"], "spans": p["spans"], "neutral": p["neutral"]}
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for p in pieces: f.write(json.dumps(rec(p), ensure_ascii=False) + "\n")
    order = pieces[:]; random.Random(20251130).shuffle(order)
    k = round(len(order) * 0.35)
    dev, held = order[:k], order[k:]
    for name, ps in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for p in sorted(ps, key=lambda p: p["id"]): f.write(json.dumps(rec(p), ensure_ascii=False) + "\n")
    L = sorted(len(p["text"]) for p in pieces) or [0]
    st = ["# street11 stats", "", f"Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)})", "",
          f"Length in characters: min {L[0]}, median {L[len(L)//2]}, mean {sum(L)//len(L)}, max {L[-1]}", "",
          table(pieces, "All"), table(dev, "Dev"), table(held, "Held out")]
    for fld in ("lang", "voice", "channel", "sector"):
        c = collections.Counter(x for p in pieces for x in re.split(r"\s*\+\s*", p[fld]))
        st.append(f"### {fld}\n\n" + ", ".join(f"{a} {b}" for a, b in c.most_common()) + "\n")
    open("stats.md", "w", encoding="utf-8").write("\n".join(st))
    print(f"{len(pieces)} pieces, {sum(len(p['spans']) for p in pieces)} spans, {len(errs)} errors; dev {len(dev)} held {len(held)}")
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    main()
