#!/usr/bin/env python3
"""Parse source.txt, check spans and check digits, write all/dev/heldout.jsonl and stats.md."""
import json, random, re, sys, unicodedata, statistics
from collections import Counter
from gen import ird_check, luhn_ok, verhoeff_ok, cn_check, thai_ok, NZ_BRANCH, WA

SET = "short15"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
errors = []

def err(pid, msg):
    errors.append(f"{pid}: {msg}")

def digits_of(t):
    """normalise a number as written: other digit scripts, O->0, l/I->1, drop separators"""
    out = []
    for ch in t:
        if unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.digit(ch)))
        elif ch in "Oo":
            out.append("0")
        elif ch in "lI":
            out.append("1")
        elif ch.isalnum():
            out.append(ch.upper())
    return "".join(out)

def check_value(pid, kind, text, ctx):
    d = digits_of(text)
    c = ctx.lower()
    if kind == "CARD":
        if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)):
            if d.isdigit() and len(d) >= 13:
                err(pid, f"card fails Luhn: {text}")
    elif kind == "BANK":
        m = re.fullmatch(r"(\d{2})(\d{4})(\d{7})(\d{2,3})", d)
        if m and re.search(r"\d{2}[- ]?\d{4}[- ]?\d{7}[- ]?\d{2,3}", text.replace("O", "0").replace("l", "1")):
            bank, br, acc, suf = m.groups()
            if bank not in NZ_BRANCH or not any(lo <= int(br) <= hi for lo, hi in NZ_BRANCH[bank]):
                err(pid, f"NZ bank/branch unknown to checker: {text}")
            s = f"{bank}{br}0{acc}0000"
            if sum(int(x)*w for x, w in zip(s, WA)) % 11:
                err(pid, f"NZ bank fails mod 11: {text}")
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", d):
            num = "".join(str(int(ch, 36)) for ch in d[4:] + d[:4])
            if int(num) % 97 != 1:
                err(pid, f"IBAN fails mod 97: {text}")
    elif kind == "ID":
        if re.fullmatch(r"\d{17}[\dX]", d):
            if cn_check(d[:17]) != d[17]:
                err(pid, f"CN resident ID fails ISO 7064: {text}")
        elif re.search(r"\bird\b|tax|税|कर", c) and re.fullmatch(r"\d{8,9}", d):
            d9 = d.zfill(9)
            if ird_check(d9[:8]) != int(d9[8]):
                err(pid, f"IRD fails mod 11: {text}")
        elif re.search(r"aadha|aadhar|adhar|आधार|ਆਧਾਰ", c) and re.fullmatch(r"\d{12}", d):
            if not verhoeff_ok(d):
                err(pid, f"Aadhaar fails Verhoeff: {text}")
        elif re.search(r"\bpan\b", c) and len(d) == 10:
            if not re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", d):
                err(pid, f"PAN bad shape: {text}")
        elif re.search(r"thai|บัตร", c) and re.fullmatch(r"\d{13}", d):
            if not thai_ok(d):
                err(pid, f"Thai ID fails check: {text}")

def parse(path):
    pieces, header = [], None
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(\d{3})\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)$", line)
            if m:
                header = [x.strip() for x in m.groups()]
            continue
        if header is None:
            errors.append(f"line {ln}: piece without header"); continue
        pid = header[0]
        text, spans, neutral = "", [], []
        pos = 0
        for m in SPAN.finditer(line):
            text += line[pos:m.start()].replace("\\n", "\n")
            kind, role, st = m.groups()
            st = st.replace("\\n", "\n")
            if kind == "NEUTRAL":
                if role != "-": err(pid, f"NEUTRAL with role {role}")
            else:
                if kind not in KINDS: err(pid, f"unknown kind {kind}")
                if role not in ROLES: err(pid, f"unknown role {role}")
            if not st: err(pid, "empty span")
            if st != st.strip(): err(pid, f"outer whitespace in span '{st}'")
            start = len(text)
            text += st
            (neutral if kind == "NEUTRAL" else spans).append((start, len(text), kind, role, st))
            pos = m.end()
        text += line[pos:].replace("\\n", "\n")
        if re.search(r"[{}]", text): err(pid, "stray brace: " + text[:60])
        if "|" in text and re.search(r"\{|\}", line[pos:]): err(pid, "malformed span")
        for s in spans:
            check_value(pid, s[2], s[4], text[max(0, s[0]-60):s[0]])
        allsp = sorted(spans + neutral)
        for a, b in zip(allsp, allsp[1:]):
            if b[0] < a[1]: err(pid, f"overlap {a[4]} / {b[4]}")
        pieces.append(dict(pid=pid, header=header, text=text, spans=spans, neutral=neutral))
    return pieces

def b(text, i):
    return len(text[:i].encode("utf-8"))

def to_obj(p, n):
    t = p["text"]
    return {"id": f"{SET}-{n:04d}", "text": t,
            "spans": [{"start": b(t, s), "end": b(t, e), "kind": k, "role": r} for s, e, k, r, _ in p["spans"]],
            "neutral": [{"start": b(t, s), "end": b(t, e), "kind": "NEUTRAL"} for s, e, k, r, _ in p["neutral"]]}

def table(objs, title):
    c = Counter((s["kind"], s["role"]) for o in objs for s in o["spans"])
    kinds = sorted({k for k, _ in c})
    out = [f"### {title} ({len(objs)} pieces, {sum(c.values())} spans, "
           f"{sum(len(o['neutral']) for o in objs)} neutral, {sum(1 for o in objs if not o['spans'])} with no spans)", "",
           "| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        r = [c[(k, x)] for x in ("reporter", "subject", "third")]
        out.append(f"| {k} | " + " | ".join(map(str, r)) + f" | {sum(r)} |")
    r = [sum(v for (k, x), v in c.items() if x == role) for role in ("reporter", "subject", "third")]
    out.append("| **all** | " + " | ".join(map(str, r)) + f" | {sum(r)} |")
    return "\n".join(out) + "\n"

def main():
    pieces = parse("source.txt")
    ids = [p["pid"] for p in pieces]
    for x, n in Counter(ids).items():
        if n > 1: errors.append(f"duplicate piece number {x}")
    objs = [to_obj(p, i) for i, p in enumerate(pieces, 1)]
    for o in objs:  # round-trip check of byte offsets
        bt = o["text"].encode("utf-8")
        for s in o["spans"] + o["neutral"]:
            assert bt[s["start"]:s["end"]].decode("utf-8").strip()
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for o in objs: f.write(json.dumps(o, ensure_ascii=False) + "\n")
    sh = objs[:]
    random.Random(15015).shuffle(sh)
    k = round(len(sh) * 0.35)
    dev, held = sh[:k], sh[k:]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for o in part: f.write(json.dumps(o, ensure_ascii=False) + "\n")
    L = [len(o["text"]) for o in objs]
    langs = Counter(l.strip() for p in pieces for l in re.split(r"[+/,]", p["header"][1]))
    chans = Counter(p["header"][3] for p in pieces)
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write(f"# stats for {SET}\n\n")
        f.write(f"pieces: {len(objs)} (dev {len(dev)}, held out {len(held)})\n\n")
        f.write(f"length in characters: min {min(L)}, median {statistics.median(L)}, mean {statistics.mean(L):.0f}, max {max(L)}\n\n")
        f.write(f"pieces <=160 chars: {sum(l <= 160 for l in L)}, 161-500: {sum(160 < l <= 500 for l in L)}, >500: {sum(l > 500 for l in L)}\n\n")
        f.write(table(objs, "all") + "\n" + table(dev, "dev") + "\n" + table(held, "held out") + "\n")
        f.write("### languages (header tags)\n\n" + ", ".join(f"{k} {v}" for k, v in langs.most_common()) + "\n\n")
        f.write("### channels\n\n" + ", ".join(f"{k} {v}" for k, v in chans.most_common()) + "\n")
    if errors:
        print("\n".join(errors)); print(f"{len(errors)} ERRORS"); sys.exit(1)
    print(f"ok: {len(objs)} pieces, {sum(len(o['spans']) for o in objs)} spans, dev {len(dev)}, held {len(held)}")

if __name__ == "__main__":
    main()
