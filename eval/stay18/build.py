"""Build set stay18: parse source.txt, check spans, write all/dev/heldout jsonl and stats.md."""
import json
import random
import re
import sys
from collections import Counter, defaultdict

from checks import (digits_only, ird_valid, nz_bank_valid, iban_valid, luhn_valid,
                    aadhaar_valid, cn_id_valid, pan_valid, nz_phone_valid, ph_phone_valid)

SET = "stay18"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
HEADER = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (.+)$")
SPAN = re.compile(r"\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}")

errors = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def ctx_has(before, words):
    b = before[-70:].lower()
    return any(w.lower() in b for w in words)


def check_value(pid, kind, text, before):
    d = digits_only(text)
    masked = bool(re.search(r"[xX*•#]{2,}|\.\.\.|…", text))
    if kind == "CARD" and not masked and len(d) >= 13:
        if not luhn_valid(text):
            err(pid, f"CARD fails Luhn: {text}")
    elif kind == "BANK" and not masked:
        t = text.replace(" ", "")
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", t):
            if not iban_valid(text):
                err(pid, f"IBAN fails mod 97: {text}")
        elif re.fullmatch(r"\d{2}[\s\-–.]?\d{4}[\s\-–.]?\d{7}[\s\-–.]?\d{2,3}", text.strip()):
            if not nz_bank_valid(text):
                err(pid, f"NZ bank fails check: {text}")
    elif kind == "ID" and not masked:
        t = re.sub(r"\s+", "", text).upper()
        if re.fullmatch(r"\d{17}[\dX]", t):
            if not cn_id_valid(t):
                err(pid, f"CN resident ID fails: {text}")
        elif re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", t):
            if not pan_valid(t):
                err(pid, f"PAN shape bad: {text}")
        elif len(d) == 12 and ctx_has(before, ["aadhaar", "aadhar", "adhar", "आधार", "ਆਧਾਰ", "uid"]):
            if not aadhaar_valid(text):
                err(pid, f"Aadhaar fails Verhoeff: {text}")
        elif len(d) in (8, 9) and len(d) == len(re.sub(r"[\s\-–.]", "", text)) and \
                ctx_has(before, ["ird", "tax", "税", "thuế", "buwis", "pajak"]):
            if not ird_valid(text):
                err(pid, f"IRD fails mod 11: {text}")
    elif kind == "PHONE" and not masked and d:
        t = text.strip()
        if t.startswith("+63") or (d.startswith("09") and len(d) == 11 and not t.startswith("+")):
            if not ph_phone_valid(text):
                err(pid, f"PH phone shape: {text}")
        elif t.startswith("+64") or re.match(r"^\(?02", t):
            if not nz_phone_valid(text):
                err(pid, f"NZ phone shape: {text}")


def parse(path):
    pieces = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            m = HEADER.match(line)
            if m:
                if cur and cur.get("raw") is None:
                    err(cur["num"], "header without text")
                cur = {"num": m.group(1), "lang": m.group(2).strip(), "voice": m.group(3).strip(),
                       "channel": m.group(4).strip(), "sector": m.group(5).strip(),
                       "pii": m.group(6).strip(), "raw": None, "line": ln}
                pieces.append(cur)
                continue
            if line.startswith("#"):
                err(f"line {ln}", "comment line not matching header format")
                continue
            if cur is None or cur["raw"] is not None:
                err(f"line {ln}", "text line without its own header")
                continue
            cur["raw"] = line
    return pieces


def convert(p):
    pid = p["num"]
    raw = p["raw"] or ""
    text = ""
    blen = 0
    spans, neutral = [], []
    pos = 0
    for m in SPAN.finditer(raw):
        plain = raw[pos:m.start()].replace("\\n", "\n")
        if "{" in plain or "}" in plain:
            err(pid, f"stray brace in: {plain[:60]!r}")
        text += plain
        blen += len(plain.encode("utf-8"))
        kind, role, st = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
        if not st:
            err(pid, "empty span")
        if st != st.strip():
            err(pid, f"outer whitespace in span {st!r}")
        if st and (st[-1] in ",;:" or (st[-1] == "." and not re.search(r"(^|[\s.])\w\.$", st))) \
                and kind != "ADDRESS":
            err(pid, f"trailing punctuation in span {st!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL with role {role}")
        else:
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role}")
            check_value(pid, kind, st, text)
        b0 = blen
        text += st
        blen += len(st.encode("utf-8"))
        rec = {"start": b0, "end": blen, "kind": kind}
        if kind == "NEUTRAL":
            neutral.append(rec)
        else:
            rec["role"] = role
            spans.append(rec)
        pos = m.end()
    plain = raw[pos:].replace("\\n", "\n")
    if "{" in plain or "}" in plain:
        err(pid, f"stray brace in: {plain[:60]!r}")
    text += plain
    allsp = sorted(spans + neutral, key=lambda s: s["start"])
    for a, b in zip(allsp, allsp[1:]):
        if b["start"] < a["end"]:
            err(pid, "overlapping spans")
    # header pii field consistency
    kinds = sorted({s["kind"] for s in spans})
    if p["pii"] == "none":
        if spans:
            err(pid, "pii=none but has spans")
    else:
        declared = sorted(k.strip() for k in p["pii"].split(","))
        if declared != kinds:
            err(pid, f"pii field {declared} != spans {kinds}")
    b = text.encode("utf-8")
    for s in spans + neutral:
        seg = b[s["start"]:s["end"]].decode("utf-8")
        assert seg == seg.strip() and seg
    return {"id": f"{SET}-{int(pid):04d}", "text": text, "spans": spans, "neutral": neutral}, p


def table(recs):
    c = Counter()
    for r in recs:
        for s in r["spans"]:
            c[(s["kind"], s["role"])] += 1
    lines = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in KINDS:
        row = [c[(k, r)] for r in ROLES]
        lines.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(c[(k, r)] for k in KINDS) for r in ROLES]
    lines.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    nn = sum(len(r["neutral"]) for r in recs)
    nopii = sum(1 for r in recs if not r["spans"])
    lens = sorted(len(r["text"]) for r in recs)
    med = lens[len(lens) // 2] if lens else 0
    lines.append("")
    lines.append(f"pieces: {len(recs)}; pieces with no personal span: {nopii}; NEUTRAL spans: {nn}; "
                 f"length in characters min/median/max: {lens[0] if lens else 0}/{med}/{lens[-1] if lens else 0}")
    return "\n".join(lines)


def main():
    pieces = parse("source.txt")
    nums = [p["num"] for p in pieces]
    if len(set(nums)) != len(nums):
        err("all", "duplicate piece numbers")
    for i, n in enumerate(nums, 1):
        if int(n) != i:
            err(n, f"numbering out of order (expected {i:03d})")
            break
    recs, metas = [], []
    for p in pieces:
        r, meta = convert(p)
        recs.append(r)
        metas.append(meta)
    if errors:
        print("ERRORS:")
        print("\n".join(errors))
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(recs)
    random.Random(18).shuffle(order)
    ndev = round(len(order) * 0.35)
    dev, held = order[:ndev], order[ndev:]
    for name, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for r in sorted(rs, key=lambda r: r["id"]):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    langs = Counter(m["lang"] for m in metas)
    voices = Counter(m["voice"] for m in metas)
    chans = Counter(m["channel"] for m in metas)
    secs = Counter(m["sector"] for m in metas)
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write(f"# stats for {SET}\n\n## all\n\n{table(recs)}\n\n## dev ({len(dev)})\n\n{table(dev)}\n\n"
                f"## held out ({len(held)})\n\n{table(held)}\n\n")
        for title, c in (("languages", langs), ("voices", voices), ("channels", chans), ("sectors", secs)):
            f.write(f"## {title}\n\n" + ", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n\n")
    print(f"{len(recs)} pieces, dev {len(dev)}, held out {len(held)}, errors {len(errors)}")
    print(table(recs))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
