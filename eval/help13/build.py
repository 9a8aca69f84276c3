#!/usr/bin/env python3
"""Parse source.txt (help13), check spans and check digits, write all/dev/heldout jsonl + stats.md."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict

SET = "help13"
KINDS = {"NAME","PHONE","EMAIL","ADDRESS","ID","BANK","CARD","DOB","PLATE","HANDLE","IP"}
ROLES = {"reporter","subject","third"}
SPAN = re.compile(r"\{([A-Z]+)\|([^|{}]*)\|([^{}]*)\}")

def norm_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return "".join(out)

def only_digits(s):
    return "".join(c for c in norm_digits(s) if c.isdigit())

# ---- validators ----
def ird_ok(s):
    d = only_digits(s)
    if len(d) not in (8, 9): return False
    n = int(d)
    if not (10000000 <= n <= 150000000): return False
    base, chk = f"{int(d[:-1]):08d}", int(d[-1])
    for w in ([3,2,7,6,5,4,3,2], [7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10: return c == chk
    return False

def nzbank_ok(s):
    m = re.fullmatch(r"(\d{2})[- ]?(\d{4})[- ]?(\d{7,8})[- ]?(\d{2,4})", norm_digits(s).strip())
    if not m: return None
    bank, br, acct, suf = m.groups()
    base = int(acct)
    b = int(bank)
    if b in (1,2,3,6,11,12,13,14,15,16,17,18,19,20,21,22,23,24,27,30,35,38):
        w = [0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0] if base < 990000 else [0,0,0,0,0,0,0,0,10,5,8,4,2,1,0,0,0,0]
    else:
        return False  # only A/B banks used in this set
    s18 = f"{b:02d}{int(br):04d}{base:08d}{int(suf):04d}"
    return sum(int(c)*x for c, x in zip(s18, w)) % 11 == 0

def luhn_ok(d):
    t = 0
    for i, x in enumerate(int(c) for c in reversed(d)):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        t += x
    return t % 10 == 0

def iban_ok(s):
    t = re.sub(r"[\s-]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", t): return None
    r = t[4:] + t[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(d):
    c = 0
    for i, x in enumerate(reversed(d)):
        c = VD[c][VP[i % 8][int(x)]]
    return c == 0

def cnid_ok(s):
    t = norm_digits(s).replace(" ", "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", t): return None
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return "10X98765432"[sum(int(a)*b for a, b in zip(t, w)) % 11] == t[-1]

def rrn_ok(s):
    d = only_digits(s)
    w = [2,3,4,5,6,7,8,9,2,3,4,5]
    return (11 - sum(int(a)*b for a, b in zip(d, w)) % 11) % 10 == int(d[12])

def thai_ok(s):
    d = only_digits(s)
    return (11 - sum(int(d[i])*(13-i) for i in range(12)) % 11) % 10 == int(d[12])

def cpf_ok(s):
    d = [int(c) for c in only_digits(s)]
    for n in (9, 10):
        t = sum(x*w for x, w in zip(d[:n], range(n+1, 1, -1)))
        r = (t*10) % 11
        if (0 if r == 10 else r) != d[n]: return False
    return True

def rut_ok(s):
    m = re.fullmatch(r"([\d.]+)-([\dkK])", s.strip())
    n = m.group(1).replace(".", "")
    t, k = 0, 2
    for c in reversed(n):
        t += int(c)*k; k = 2 if k == 7 else k+1
    dv = 11 - t % 11
    dv = "0" if dv == 11 else "K" if dv == 10 else str(dv)
    return dv == m.group(2).upper()

def inn_ok(s):
    d = [int(c) for c in only_digits(s)]
    if len(d) != 12: return False
    a = sum(x*y for x, y in zip(d, [7,2,4,10,3,5,9,4,6,8])) % 11 % 10
    b = sum(x*y for x, y in zip(d, [3,7,2,4,10,3,5,9,4,6,8])) % 11 % 10
    return a == d[10] and b == d[11]

def dni_ok(s):
    t = s.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"\d{8}[A-Z]", t):
        return "TRWAGMYFPDXBNJZSQVHLCKE"[int(t[:8]) % 23] == t[8]
    if re.fullmatch(r"[XYZ]\d{7}[A-Z]", t):
        return "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(t[0])) + t[1:8]) % 23] == t[8]
    return None

MASK = re.compile(r"[xX*•●#]{2,}|\.\.\.")

def check_span(kind, text, before):
    """Return (checked_as, ok) or (None, None)."""
    if MASK.search(text): return ("masked", True)
    nd = norm_digits(text)
    d = only_digits(text)
    ctx = before[-70:].lower()
    if kind == "CARD":
        if 13 <= len(d) <= 19: return ("luhn", luhn_ok(d))
        return (None, None)
    if kind == "BANK":
        r = iban_ok(text)
        if r is not None: return ("iban", r)
        r = nzbank_ok(text)
        if r is not None: return ("nzbank", r)
        return (None, None)
    if kind == "ID":
        r = cnid_ok(text)
        if r is not None: return ("cn-id", r)
        if re.fullmatch(r"\d{6}-\d{7}", nd.strip()): return ("kr-rrn", rrn_ok(text))
        if re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", nd.strip()) or (len(d) == 13 and re.search(r"บัตร|thai|ประชาชน", ctx)):
            return ("th-id", thai_ok(text))
        if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", nd.strip()) or "cpf" in ctx: return ("cpf", cpf_ok(text))
        if re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", nd.strip()): return ("rut", rut_ok(text))
        r = dni_ok(text)
        if r is not None: return ("dni/nie", r)
        if re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", text.strip()): return ("pan", True)
        if re.search(r"инн|\binn\b", ctx) and len(d) == 12: return ("ru-inn", inn_ok(text))
        if len(d) == 12 and (re.fullmatch(r"\d{4} \d{4} \d{4}", nd.strip()) or re.search(r"aadha|आधार|ਆਧਾਰ|આધાર", ctx)):
            return ("aadhaar", verhoeff_ok(d))
        if re.search(r"\bird\b|tax|inland revenue|takoha|buwis|pajak|税", ctx) and len(d) in (8, 9) and d == re.sub(r"\D", "", nd):
            return ("ird", ird_ok(text))
        return (None, None)
    if kind == "PHONE":
        if d.startswith("639") and len(d) != 12 and not d.startswith("6390"): return ("ph-mobile", False)
        if d.startswith("639") and len(d) == 12: return ("ph-mobile", True)
        if re.fullmatch(r"09\d{9}", d) and re.search(r"pinas|phil|ph\b|globe|smart|gcash|tagalog|nanay|tatay|ate|kuya|mama|papa|bisaya|ka\b|ko\b|sa\b", ctx + " " + text.lower()):
            return ("ph-mobile", d[2] in "0123456789")
        return (None, None)
    return (None, None)

def parse(path):
    pieces, meta = [], None
    errors = []
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip(): continue
        if line.startswith("#"):
            meta = line[1:].strip(); continue
        if meta is None:
            errors.append(f"line {ln}: piece without comment"); continue
        raw = line.replace("\\n", "\n")
        text, spans, neutral, pos, bpos = [], [], [], 0, 0
        for m in SPAN.finditer(raw):
            pre = raw[pos:m.start()]
            if "{" in pre or "}" in pre: errors.append(f"line {ln}: stray brace in {pre!r}")
            text.append(pre); bpos += len(pre.encode())
            kind, role, val = m.groups()
            if not val or val != val.strip(): errors.append(f"line {ln}: empty/whitespace span {val!r}")
            s, e = bpos, bpos + len(val.encode())
            before = "".join(text)
            if kind == "NEUTRAL":
                if role != "-": errors.append(f"line {ln}: NEUTRAL role must be -")
                neutral.append({"start": s, "end": e, "kind": "NEUTRAL"})
            else:
                if kind not in KINDS: errors.append(f"line {ln}: bad kind {kind}")
                if role not in ROLES: errors.append(f"line {ln}: bad role {role}")
                how, ok = check_span(kind, val, before)
                if ok is False: errors.append(f"line {ln}: CHECK FAIL {how} {kind} {val!r}")
                spans.append({"start": s, "end": e, "kind": kind, "role": role, "_chk": how})
            text.append(val); bpos = e; pos = m.end()
        rest = raw[pos:]
        if "{" in rest or "}" in rest: errors.append(f"line {ln}: stray brace in tail {rest[:60]!r}")
        text.append(rest)
        t = "".join(text)
        allsp = sorted(spans + neutral, key=lambda x: x["start"])
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]: errors.append(f"line {ln}: overlap")
        pieces.append((meta, t, spans, neutral, ln))
        meta = None
    return pieces, errors

def table(rows):
    c = Counter((s["kind"], s["role"]) for r in rows for s in r["spans"])
    kinds = sorted({k for k, _ in c})
    out = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        v = [c[(k, r)] for r in ("reporter", "subject", "third")]
        out.append(f"| {k} | " + " | ".join(map(str, v)) + f" | {sum(v)} |")
    v = [sum(c[(k, r)] for k in kinds) for r in ("reporter", "subject", "third")]
    out.append("| **all** | " + " | ".join(map(str, v)) + f" | {sum(v)} |")
    return "\n".join(out)

def main():
    pieces, errors = parse("source.txt")
    rows, chk = [], Counter()
    for i, (meta, t, spans, neutral, ln) in enumerate(pieces, 1):
        for s in spans:
            if s["_chk"]: chk[s["_chk"]] += 1
        # sanity: offsets map back
        b = t.encode()
        for s in spans + neutral:
            seg = b[s["start"]:s["end"]].decode()
            if seg != seg.strip(): errors.append(f"line {ln}: whitespace")
        rows.append({"id": f"{SET}-{i:04d}", "text": t,
                     "spans": [{k: s[k] for k in ("start", "end", "kind", "role")} for s in spans],
                     "neutral": neutral, "_meta": meta})
        num = meta.split("|")[0].strip()
        if num != f"{i:03d}": errors.append(f"line {ln}: comment number {num} != {i:03d}")
    for e in errors: print("ERROR", e)
    def dump(fn, rs):
        with open(fn, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps({k: r[k] for k in ("id", "text", "spans", "neutral")}, ensure_ascii=False) + "\n")
    dump("all.jsonl", rows)
    sh = rows[:]
    random.Random(20241313).shuffle(sh)
    nd = round(len(sh) * 0.35)
    dev, held = sh[:nd], sh[nd:]
    dump("dev.jsonl", sorted(dev, key=lambda r: r["id"]))
    dump("heldout.jsonl", sorted(held, key=lambda r: r["id"]))
    lens = sorted(len(r["text"]) for r in rows)
    nopii = sum(1 for r in rows if not r["spans"])
    langs = Counter(); chans = Counter(); secs = Counter(); voices = Counter()
    for r in rows:
        f = [x.strip() for x in r["_meta"].split("|")]
        for l in f[1].split("+"): langs[l] += 1
        voices[f[2]] += 1; chans[f[3]] += 1; secs[f[4]] += 1
    st = [f"# Stats for {SET}", "",
          f"- pieces: {len(rows)} (dev {len(dev)}, held out {len(held)})",
          f"- pieces with no personal detail: {nopii}",
          f"- spans: {sum(len(r['spans']) for r in rows)}; neutral look-alikes: {sum(len(r['neutral']) for r in rows)}",
          f"- length in characters: min {lens[0]}, median {lens[len(lens)//2]}, mean {sum(lens)//len(lens)}, max {lens[-1]}",
          f"- check-digit / format checks passed: " + ", ".join(f"{k} {v}" for k, v in sorted(chk.items())),
          "", "## All", "", table(rows), "", "## Dev", "", table(dev), "", "## Held out", "", table(held), "",
          "## Languages (a piece counts once per language tag)", "", ", ".join(f"{k} {v}" for k, v in langs.most_common()),
          "", "## Voice", "", ", ".join(f"{k} {v}" for k, v in voices.most_common()),
          "", "## Channel", "", ", ".join(f"{k} {v}" for k, v in chans.most_common()),
          "", "## Sector", "", ", ".join(f"{k} {v}" for k, v in secs.most_common()), ""]
    open("stats.md", "w", encoding="utf-8").write("\n".join(st))
    print(f"{len(rows)} pieces, {sum(len(r['spans']) for r in rows)} spans, no-pii {nopii}, errors {len(errors)}; checks {dict(chk)}")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
