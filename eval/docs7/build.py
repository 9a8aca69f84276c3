#!/usr/bin/env python3
"""Parse source.txt (inline labels), validate, write all.jsonl, dev.jsonl, heldout.jsonl, stats.md."""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict

SET = "docs7"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\|([^|{}]*)\|([^{}]*)\}")
LOOSE_RE = re.compile(r"\{[A-Z]+\|")
errors = []

def err(pid, msg):
    errors.append(f"{pid}: {msg}")

def ascii_digits(s):
    out = []
    for ch in s:
        d = unicodedata.decimal(ch, None)
        if d is not None:
            out.append(str(d))
        elif ch.isalpha():
            out.append(ch.upper())
    return "".join(out)

MASK = re.compile(r"[xX*•#…]{2,}|\.\.\.")

# ---- check digit algorithms ----
def luhn_ok(s):
    d = [int(c) for c in s][::-1]
    return sum(x if i % 2 == 0 else (x * 2 - 9 if x * 2 > 9 else x * 2) for i, x in enumerate(d)) % 10 == 0

BANKS = {"01": [(1, 999), (1100, 1199), (1800, 1899)], "02": [(1, 999), (1200, 1299)],
         "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
         "06": [(1, 999), (1400, 1499)], "12": [(3000, 3299), (3400, 3499), (3600, 3699)],
         "38": [(9000, 9499)]}
def nzbank_ok(b, br, acc, suf):
    if b not in BANKS or not any(lo <= int(br) <= hi for lo, hi in BANKS[b]):
        return False
    a = int(acc)
    W = [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0] if a < 990000 else [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0]
    digits = f"{int(b):02d}{int(br):04d}{a:08d}{int(suf):04d}"
    return sum(int(x) * w for x, w in zip(digits, W)) % 11 == 0

def iban_ok(s):
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1

def ird_ok(s):
    n = int(s)
    if not (10_000_000 <= n <= 150_000_000):
        return False
    s = f"{n:09d}"
    base, chk = [int(c) for c in s[1:8]], int(s[8])
    base = [int(s[0])] + base
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(a * b for a, b in zip(base, w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == chk
    return False

_d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _d[c][_p[i % 8][int(ch)]]
    return c == 0

def cnid_ok(s):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17]

NHI_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
def nhi_ok(s):
    if any(c not in NHI_L for c in s[:3]):
        return False
    vals = [NHI_L.index(c) + 1 for c in s[:3]] + [int(c) for c in s[3:6]]
    r = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2])) % 11
    if r == 0:
        return False
    c = 11 - r
    return (0 if c == 10 else c) == int(s[6])

def check_digits(pid, kind, text, before):
    """before: up to 60 chars of piece text preceding the span (lower-cased) for type hints."""
    if MASK.search(text):
        return  # partly masked: cannot be checked
    a = ascii_digits(text)
    if kind == "CARD":
        if a.isdigit() and 13 <= len(a) <= 19:
            if not luhn_ok(a):
                err(pid, f"CARD fails Luhn: {text}")
        else:
            err(pid, f"CARD not checkable: {text}")
    elif kind == "BANK":
        m = re.fullmatch(r"(\d{2})(\d{4})(\d{7,8})(\d{2,3})", a)
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", a):
            if not iban_ok(a):
                err(pid, f"IBAN fails mod 97: {text}")
        elif m and re.fullmatch(r"\s*\S{2}[- ]\S{4}[- ]\S{7,8}[- ]\S{2,3}\s*", text):
            if not nzbank_ok(*m.groups()):
                err(pid, f"NZ bank account fails check: {text}")
    elif kind == "ID":
        if re.fullmatch(r"\d{17}[\dX]", a) and re.search(r"19\d\d|20[0-2]\d", a[6:10]):
            if not cnid_ok(a):
                err(pid, f"Chinese resident ID fails ISO 7064: {text}")
        elif re.fullmatch(r"\d{12}", a) and (re.search(r"aadha|आधार|ਆਧਾਰ|uid", before) or re.fullmatch(r"\S{4} \S{4} \S{4}", text)):
            if not verhoeff_ok(a):
                err(pid, f"Aadhaar fails Verhoeff: {text}")
        elif re.fullmatch(r"\d{8,9}", a) and re.search(r"ird|tax|gst|税|thuế|buwis|कर", before):
            if not ird_ok(a):
                err(pid, f"IRD fails mod 11: {text}")
        elif re.fullmatch(r"[A-Z]{3}\d{4}", a) and "nhi" in before:
            if not nhi_ok(a):
                err(pid, f"NHI fails check: {text}")
        elif "pan" in before[-25:] and not re.fullmatch(r"[A-Z]{3}P[A-Z]\d{4}[A-Z]", a):
            err(pid, f"PAN wrong shape: {text}")

def parse(path):
    pieces = []
    header = None
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            if header is not None:
                err(f"line {ln}", "two headers in a row")
            f = [x.strip() for x in line[1:].split("|")]
            if len(f) != 6:
                err(f"line {ln}", f"header needs 6 fields: {line}")
            header = f
            continue
        if header is None:
            err(f"line {ln}", "piece without header")
            continue
        pieces.append((header, line, ln))
        header = None
    return pieces

def convert(header, line, ln, idx):
    pid = f"{SET}-{idx:04d}"
    line = line.replace("\\n", "\n")
    text, spans, neutral = "", [], []
    pos = 0
    for m in SPAN_RE.finditer(line):
        text += line[pos:m.start()]
        kind, role, val = m.groups()
        if not val or val != val.strip():
            err(pid, f"empty or padded span: {m.group(0)!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL role must be '-': {m.group(0)}")
        elif role not in ROLES:
            err(pid, f"bad role {role!r} in {m.group(0)}")
        start = len(text.encode("utf-8"))
        before = (text[-60:]).lower()
        text += val
        end = len(text.encode("utf-8"))
        (neutral if kind == "NEUTRAL" else spans).append({"start": start, "end": end, "kind": kind, **({} if kind == "NEUTRAL" else {"role": role})})
        if kind != "NEUTRAL":
            check_digits(pid, kind, val, before)
        pos = m.end()
    text += line[pos:]
    for bad in LOOSE_RE.findall(text):
        err(pid, f"unparsed label-looking text {bad!r} (line {ln})")
    if "{" in text or "}" in text:
        err(pid, f"stray brace in text (line {ln})")
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            err(pid, "overlapping spans")
    pii = header[5].lower() if len(header) == 6 else ""
    if pii == "none" and spans:
        err(pid, f"header says pii none but has {len(spans)} spans (line {ln})")
    if pii not in ("none",) and not spans:
        err(pid, f"header says pii {pii!r} but has no spans (line {ln})")
    try:
        if int(header[0]) != idx:
            err(pid, f"header number {header[0]} != position {idx} (line {ln})")
    except ValueError:
        err(pid, f"bad header number (line {ln})")
    return {"id": pid, "text": text, "spans": spans, "neutral": neutral}, header

def table(objs, texts):
    c = Counter()
    for o in objs:
        for s in o["spans"]:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in KINDS:
        r = [c[(k, x)] for x in ROLES]
        rows.append(f"| {k} | " + " | ".join(map(str, r)) + f" | {sum(r)} |")
    tot = [sum(c[(k, x)] for k in KINDS) for x in ROLES]
    rows.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nneu = sum(len(o["neutral"]) for o in objs)
    lens = sorted(len(o["text"]) for o in objs)
    nopii = sum(1 for o in objs if not o["spans"])
    rows.append("")
    rows.append(f"pieces: {len(objs)}; pieces with no personal detail: {nopii}; NEUTRAL spans: {nneu}")
    if lens:
        rows.append(f"length in characters: min {lens[0]}, median {lens[len(lens)//2]}, mean {sum(lens)//len(lens)}, max {lens[-1]}")
    return "\n".join(rows)

def main():
    pieces = parse("source.txt")
    objs, headers = [], []
    for i, (h, line, ln) in enumerate(pieces, 1):
        o, h = convert(h, line, ln, i)
        objs.append(o); headers.append(h)
    # round-trip check of offsets
    for o in objs:
        b = o["text"].encode("utf-8")
        for s in o["spans"] + o["neutral"]:
            seg = b[s["start"]:s["end"]].decode("utf-8")
            if not seg or seg != seg.strip():
                err(o["id"], "offset round-trip problem")
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} ERRORS")
        sys.exit(1)
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for o in objs:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    order = list(range(len(objs)))
    random.Random(20250707).shuffle(order)
    ndev = round(len(objs) * 0.35)
    dev = [objs[i] for i in order[:ndev]]
    held = [objs[i] for i in order[ndev:]]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for o in part:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
    meta = defaultdict(Counter)
    for h in headers:
        for k, v in zip(["lang", "voice", "channel", "sector"], h[1:5]):
            meta[k][v] += 1
    out = [f"# stats for {SET}", "", "## all", table(objs, None), "", "## dev", table(dev, None), "", "## held out", table(held, None), ""]
    for k in ["lang", "voice", "channel", "sector"]:
        out.append(f"## {k}")
        out.append(", ".join(f"{a} {b}" for a, b in meta[k].most_common()))
        out.append("")
    open("stats.md", "w", encoding="utf-8").write("\n".join(out))
    print(f"OK: {len(objs)} pieces, {sum(len(o['spans']) for o in objs)} spans, dev {len(dev)}, held out {len(held)}")

if __name__ == "__main__":
    main()
