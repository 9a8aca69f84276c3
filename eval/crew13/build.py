"""Parse source.txt, check every span, write all.jsonl / dev.jsonl / heldout.jsonl / stats.md."""
import json
import random
import re
import sys
from collections import Counter, defaultdict

from checks import VALID, digits_of

SET = "crew13"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}")
MASK = re.compile(r"[xX*•#]")

errors = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def load_generated():
    gen = {}
    try:
        for line in open("generated.tsv", encoding="utf-8"):
            v, t = line.rstrip("\n").split("\t")
            gen[v] = t
    except FileNotFoundError:
        pass
    return gen


CTX_RULES = [
    (r"\bird\b|\btax (?:file )?(?:no|number)\b.*nz|inland revenue", "ird"),
    (r"aadhaa?r|आधार", "aadhaar"),
    (r"\bcpf\b", "cpf"),
    (r"rnokpp|рнокпп|\bіпн\b|\bipn\b|ідентифікаційн|податков", "uatax"),
    (r"\brut\b", "rut"),
    (r"\bcurp\b", "curp"),
    (r"\bnik\b|\bktp\b", "nik"),
    (r"\bcccd\b|căn cước|\bcmnd\b", "cccd"),
    (r"\bnic\b", "lknic"),
    (r"\bcnic\b|شناختی", "cnic"),
    (r"身份证|身分證|\bresident id\b", "cnid"),
    (r"\bpan\b", "pan"),
    (r"hkid|身份證|香港身份", "hkid"),
]


def check_number(pid, kind, val, before, gen, checked):
    v = val.strip()
    if kind == "CARD":
        if MASK.search(v) or len(digits_of(v)) < 13:
            checked["masked/partial card"] += 1
            return
        if not VALID["card"](v):
            err(pid, f"CARD fails Luhn: {v}")
        checked["card"] += 1
        return
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[- ]?\d{4}[- ]?\d{7}[- ]?\d{2,3}", v):
            if not VALID["nzbank"](v):
                err(pid, f"NZ bank fails: {v}")
            checked["nzbank"] += 1
            return
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", v):
            if not VALID["iban"](v):
                err(pid, f"IBAN fails: {v}")
            checked["iban"] += 1
            return
        if v in gen:
            if not VALID[gen[v]](v):
                err(pid, f"{gen[v]} fails: {v}")
            checked[gen[v]] += 1
        return
    if kind != "ID":
        return
    if v in gen:
        typ = gen[v]
    else:
        typ = None
        ctx = before[-70:].lower()
        best = -1
        for pat, t in CTX_RULES + [(r"passport|pasport|paspor|hộ chiếu|護照|护照|seaman|sirb|\bsb\b|licen[cs]e|visa|\bpp\b|no\.", None)]:
            for m in re.finditer(pat, ctx):
                if m.start() > best:
                    best, typ = m.start(), t
        if typ is None:
            if re.fullmatch(r"\d{17}[\dXx]", v):
                typ = "cnid"
            elif re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d", v):
                typ = "curp"
            elif re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", v):
                typ = "cpf"
            elif re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", v):
                typ = "pan"
    if typ is None:
        checked["ID without check digit"] += 1
        return
    if MASK.search(v) and typ not in ("rut", "cnid", "lknic"):
        checked[f"{typ} (masked, skipped)"] += 1
        return
    if not VALID[typ](v):
        err(pid, f"ID looks like {typ} but fails its check: {v!r} (ctx: ...{before[-40:]!r})")
    checked[typ] += 1


def parse():
    gen = load_generated()
    checked = Counter()
    pieces = []
    meta = None
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = [p.strip() for p in line[1:].split("|")]
            if len(parts) != 6:
                err(f"line {ln}", f"bad comment: {line}")
            meta = parts
            continue
        if meta is None:
            err(f"line {ln}", "piece without comment line")
            continue
        num = meta[0]
        pid = f"{SET}-{int(num):04d}" if num.isdigit() else f"line{ln}"
        raw = line.replace("\\n", "\n")
        text_parts, spans, neutral = [], [], []
        pos_b = 0
        last = 0
        for m in SPAN_RE.finditer(raw):
            pre = raw[last:m.start()]
            text_parts.append(pre)
            pos_b += len(pre.encode("utf-8"))
            kind, role, val = m.groups()
            start = pos_b
            pos_b += len(val.encode("utf-8"))
            text_parts.append(val)
            last = m.end()
            if not val:
                err(pid, "empty span")
            if val != val.strip():
                err(pid, f"outer whitespace in span {val!r}")
            if kind == "NEUTRAL":
                if role != "-":
                    err(pid, f"NEUTRAL with role {role}")
                neutral.append({"start": start, "end": pos_b, "kind": "NEUTRAL"})
                continue
            if kind not in KINDS:
                err(pid, f"unknown kind {kind}")
            if role not in ROLES:
                err(pid, f"unknown role {role}")
            before = "".join(text_parts[:-1])
            check_number(pid, kind, val, before, gen, checked)
            spans.append({"start": start, "end": pos_b, "kind": kind, "role": role})
        text_parts.append(raw[last:])
        text = "".join(text_parts)
        for bad in ("{", "}", "<<", ">>"):
            if bad in text:
                err(pid, f"stray {bad!r} in text (malformed span?)")
        # offsets sanity
        tb = text.encode("utf-8")
        for s in spans + neutral:
            seg = tb[s["start"]:s["end"]].decode("utf-8")
            if not seg or seg != seg.strip():
                err(pid, "offset problem")
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]:
                err(pid, "overlap")
        pii = meta[5].lower()
        if pii not in ("yes", "no"):
            err(pid, f"pii field must be yes/no, got {pii}")
        if pii == "no" and spans:
            err(pid, "pii=no but has spans")
        if pii == "yes" and not spans:
            err(pid, "pii=yes but no spans")
        pieces.append({"id": pid, "text": text, "spans": spans, "neutral": neutral,
                       "_meta": dict(zip(["num", "lang", "voice", "channel", "sector", "pii"], meta))})
        meta = None
    nums = [p["_meta"]["num"] for p in pieces]
    if len(set(nums)) != len(nums):
        dup = [n for n, c in Counter(nums).items() if c > 1]
        err("set", f"duplicate piece numbers {dup}")
    for i, n in enumerate(nums, 1):
        if int(n) != i:
            err("set", f"piece numbering gap/out of order at position {i}: {n}")
            break
    return pieces, checked


def table(pcs):
    c = Counter()
    for p in pcs:
        for s in p["spans"]:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    tot = Counter()
    for k in KINDS:
        r = [c[(k, ro)] for ro in ROLES]
        for ro, x in zip(ROLES, r):
            tot[ro] += x
        rows.append(f"| {k} | " + " | ".join(map(str, r)) + f" | {sum(r)} |")
    rows.append("| **all** | " + " | ".join(str(tot[r]) for r in ROLES) + f" | {sum(tot.values())} |")
    nn = sum(len(p["neutral"]) for p in pcs)
    rows.append(f"\nNEUTRAL look-alikes: {nn}")
    return "\n".join(rows)


def main():
    pieces, checked = parse()
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} ERRORS")
        sys.exit(1)
    out = [{k: v for k, v in p.items() if k != "_meta"} for p in pieces]
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    idx = list(range(len(out)))
    random.Random(1313).shuffle(idx)
    ndev = round(len(out) * 0.35)
    dev = [out[i] for i in idx[:ndev]]
    held = [out[i] for i in idx[ndev:]]
    for name, rows in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for o in rows:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
    lens = sorted(len(p["text"]) for p in pieces)
    nopii = sum(1 for p in pieces if not p["spans"])
    meta = [p["_meta"] for p in pieces]
    md = [f"# Stats for {SET}\n",
          f"Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)}); "
          f"without any personal detail: {nopii} ({100*nopii/len(pieces):.0f}%)\n",
          f"Length in characters: min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, "
          f"mean {sum(lens)/len(lens):.0f}\n",
          "## All\n", table(pieces), "\n## Dev\n", table(dev), "\n## Held out\n", table(held),
          "\n## Check-digit / structure checks run by build.py\n",
          "\n".join(f"- {k}: {v}" for k, v in sorted(checked.items()))]
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for m in meta:
            for x in re.split(r"[+/,]", m[field]):
                c[x.strip()] += 1
        md.append(f"\n## {field}\n\n" + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    open("stats.md", "w", encoding="utf-8").write("\n".join(md) + "\n")
    spans = sum(len(p["spans"]) for p in pieces)
    print(f"OK: {len(pieces)} pieces, {spans} spans, dev {len(dev)}, held out {len(held)}, no-PII {nopii}")
    print("checks:", dict(checked))


if __name__ == "__main__":
    main()
