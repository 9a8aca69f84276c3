"""Parse source.txt, check every span, write all.jsonl, dev.jsonl, heldout.jsonl, stats.md.

source.txt: one piece per line; a comment line `# NNN | lang | voice | channel | sector | pii`
before each; `\\n` (two characters) is a line break inside a piece.
Spans: {KIND|role|text}; look-alikes that must not be redacted: {NEUTRAL|-|text}.
"""
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import checks

SET = "door17"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
HDR_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (.+)$")

errors = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def norm_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def alnum(s):
    return re.sub(r"[^0-9A-Za-z]", "", norm_digits(s))


checked = Counter()
unchecked = []


def check_number(pid, kind, text, before):
    t = norm_digits(text)
    ctx = before[-70:].lower()
    masked = bool(re.search(r"[xX*•#]{2,}|\.\.\.|…", t))
    if kind == "CARD":
        a = alnum(t)
        if masked:
            checked["CARD masked"] += 1
            return
        if not checks.luhn_ok(a):
            err(pid, f"CARD fails Luhn: {text}")
        checked["CARD luhn"] += 1
    elif kind == "BANK":
        a = t.strip()
        m = checks.NZ_BANK_RE.match(re.sub(r"\s*-\s*", "-", a))
        compact = re.sub(r"[\s-]", "", a)
        if m:
            if not checks.nz_bank_ok(*m.groups()):
                err(pid, f"NZ bank account fails mod 11: {text}")
            checked["BANK nz"] += 1
        elif re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]{10,30}", compact):
            if not checks.iban_ok(compact):
                err(pid, f"IBAN fails mod 97: {text}")
            checked["BANK iban"] += 1
        else:
            unchecked.append((pid, kind, text))
    elif kind == "ID":
        a = alnum(t).upper()
        if masked:
            checked["ID masked"] += 1
            return
        if re.search(r"\bird\b|tax|inland revenue", ctx) and re.fullmatch(r"\d{8,9}", a):
            if not checks.ird_ok(a):
                err(pid, f"IRD fails mod 11: {text}")
            checked["ID ird"] += 1
        elif re.search(r"aadha+r|आधार|ਆਧਾਰ|uid", ctx) and re.fullmatch(r"\d{12}", a):
            if not checks.aadhaar_ok(a):
                err(pid, f"Aadhaar fails Verhoeff: {text}")
            checked["ID aadhaar"] += 1
        elif re.fullmatch(r"\d{17}[\dX]", a) and re.fullmatch(r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", a[6:14]):
            if not checks.cn_id_ok(a):
                err(pid, f"CN resident ID fails ISO 7064: {text}")
            checked["ID cn"] += 1
        elif re.search(r"thai|ประชาชน|บัตร", ctx) and re.fullmatch(r"\d{13}", a):
            if not checks.th_id_ok(a):
                err(pid, f"Thai ID fails mod 11: {text}")
            checked["ID th"] += 1
        elif re.search(r"주민|rrn|resident registration", ctx) and re.fullmatch(r"\d{13}", a):
            if not checks.kr_rrn_ok(a):
                err(pid, f"KR RRN fails: {text}")
            checked["ID kr"] += 1
        elif re.search(r"cpf", ctx) and re.fullmatch(r"\d{11}", a):
            if not checks.cpf_ok(a):
                err(pid, f"CPF fails: {text}")
            checked["ID cpf"] += 1
        elif re.search(r"\brut\b|\brun\b", ctx) and re.fullmatch(r"\d{7,8}[\dK]", a):
            if not checks.rut_ok(a):
                err(pid, f"RUT fails: {text}")
            checked["ID rut"] += 1
        elif re.search(r"c[ée]dula", ctx) and re.fullmatch(r"\d{7,8}", a):
            if not checks.uy_ci_ok(a):
                err(pid, f"Uruguay CI fails: {text}")
            checked["ID uy"] += 1
        elif re.search(r"\bpan\b", ctx) and len(a) == 10:
            if not checks.PAN_RE.match(a):
                err(pid, f"PAN shape wrong: {text}")
            checked["ID pan"] += 1
        elif re.search(r"\bird\b|aadha+r|\bpan\b|\bcpf\b", ctx):
            err(pid, f"ID near a check-digit keyword but not checked: {text}")
        else:
            unchecked.append((pid, kind, text))


def parse_line(pid, raw):
    text_parts, spans, neutral = [], [], []
    pos = 0  # char position in output text
    last = 0
    for m in SPAN_RE.finditer(raw):
        pre = raw[last:m.start()]
        if "{" in pre or "}" in pre:
            err(pid, f"stray brace near: {pre[-40:]!r}")
        text_parts.append(pre)
        pos += len(pre)
        kind, role, stext = m.groups()
        stext_real = stext.replace("\\n", "\n")
        if not stext_real or stext_real != stext_real.strip():
            err(pid, f"empty or outer whitespace span: {stext!r}")
        before = "".join(text_parts)
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL needs role '-': {stext}")
            neutral.append((pos, pos + len(stext_real)))
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role}")
            spans.append((pos, pos + len(stext_real), kind, role))
            if kind in ("CARD", "BANK", "ID"):
                check_number(pid, kind, stext_real, before.replace("\\n", "\n"))
        text_parts.append(stext_real)
        pos += len(stext_real)
        last = m.end()
    tail = raw[last:]
    if "{" in tail or "}" in tail:
        err(pid, f"stray brace near: {tail[:40]!r}")
    text_parts.append(tail)
    # now expand \n in the non-span parts: recompute carefully
    return text_parts, spans, neutral


def build_piece(pid, raw):
    """Return text and spans with char offsets, handling \\n expansion outside spans."""
    out = []
    spans, neutral = [], []
    last = 0
    for m in SPAN_RE.finditer(raw):
        pre = raw[last:m.start()].replace("\\n", "\n")
        out.append(pre)
        kind, role, stext = m.groups()
        stext = stext.replace("\\n", "\n")
        start = sum(len(x) for x in out)
        end = start + len(stext)
        if kind == "NEUTRAL":
            neutral.append((start, end))
        else:
            spans.append((start, end, kind, role))
        out.append(stext)
        last = m.end()
    out.append(raw[last:].replace("\\n", "\n"))
    return "".join(out), spans, neutral


def main():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []
    hdr = None
    expect = 1
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HDR_RE.match(line)
            if not m:
                err(f"line {ln}", f"bad header: {line}")
                continue
            hdr = m.groups()
            if int(hdr[0]) != expect:
                err(f"line {ln}", f"piece number {hdr[0]} expected {expect:03d}")
            expect = int(hdr[0]) + 1
            continue
        if hdr is None:
            err(f"line {ln}", "piece without header")
            continue
        pid = f"{SET}-{int(hdr[0]):04d}"
        parse_line(pid, line)  # validation pass
        text, spans, neutral = build_piece(pid, line)
        # overlap check
        allsp = sorted([(s, e) for s, e, _, _ in spans] + neutral)
        for (s1, e1), (s2, e2) in zip(allsp, allsp[1:]):
            if s2 < e1:
                err(pid, f"overlapping spans at {s1}-{e1} / {s2}-{e2}")
        piiflag = hdr[5].strip()
        if (piiflag == "none") != (len(spans) == 0):
            err(pid, f"header pii={piiflag!r} but {len(spans)} spans")
        if piiflag != "none":
            kinds_in = sorted({k for _, _, k, _ in spans})
            declared = sorted(x.strip() for x in piiflag.split(","))
            if kinds_in != declared:
                err(pid, f"header kinds {declared} != spans {kinds_in}")
        # to byte offsets
        def b(i):
            return len(text[:i].encode("utf-8"))
        obj = {
            "id": pid,
            "text": text,
            "spans": [{"start": b(s), "end": b(e), "kind": k, "role": r} for s, e, k, r in spans],
            "neutral": [{"start": b(s), "end": b(e), "kind": "NEUTRAL"} for s, e in neutral],
        }
        meta = dict(zip(["num", "lang", "voice", "channel", "sector", "pii"], [x.strip() for x in hdr]))
        pieces.append((obj, meta))
        hdr = None
    # byte offset self-test
    for obj, _ in pieces:
        tb = obj["text"].encode("utf-8")
        for sp in obj["spans"] + obj["neutral"]:
            frag = tb[sp["start"]:sp["end"]].decode("utf-8")
            if frag != frag.strip() or not frag:
                err(obj["id"], f"bad byte span {frag!r}")
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for obj, _ in pieces:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    order = list(range(len(pieces)))
    random.Random(17017).shuffle(order)
    ndev = round(len(pieces) * 0.35)
    dev = [pieces[i] for i in order[:ndev]]
    held = [pieces[i] for i in order[ndev:]]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for obj, _ in part:
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    write_stats(pieces, dev, held)
    print(f"pieces {len(pieces)}  dev {len(dev)}  heldout {len(held)}  spans "
          f"{sum(len(o['spans']) for o, _ in pieces)}  neutral {sum(len(o['neutral']) for o, _ in pieces)}")
    print("checked:", dict(checked))
    if "-v" in sys.argv:
        for u in unchecked:
            print("  unchecked", u)
    else:
        print(f"unchecked number spans (no check digit in format): {len(unchecked)}  (-v to list)")
    if errors:
        print(f"\n{len(errors)} ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


def table(part):
    c = Counter()
    for obj, _ in part:
        for sp in obj["spans"]:
            c[(sp["kind"], sp["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    rows.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nn = sum(len(o["neutral"]) for o, _ in part)
    rows.append(f"\nNEUTRAL look-alikes: {nn}")
    return "\n".join(rows)


def write_stats(pieces, dev, held):
    L = []
    L.append(f"# Stats for set `{SET}`\n")
    for name, part in (("All", pieces), ("Dev", dev), ("Held out", held)):
        lens = sorted(len(o["text"]) for o, _ in part)
        nopii = sum(1 for o, _ in part if not o["spans"])
        L.append(f"## {name}: {len(part)} pieces, {nopii} with no personal detail\n")
        if lens:
            L.append(f"Length in characters: min {lens[0]}, median {lens[len(lens)//2]}, "
                     f"mean {sum(lens)//len(lens)}, max {lens[-1]}\n")
        L.append(table(part) + "\n")
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for _, m in pieces:
            for v in m[field].split("+"):
                c[v.strip()] += 1
        L.append(f"## By {field}\n")
        L.append(", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n")
    open("stats.md", "w", encoding="utf-8").write("\n".join(L))


if __name__ == "__main__":
    main()
