"""Build the mekong21 set from source.txt.

source.txt: one piece per line, preceded by a comment line
    # NNN | lang | voice | channel | sector | pii
Spans inline as {KIND|role|text}; look-alikes as {NEUTRAL|-|text}; a literal two-character
\\n inside a piece is a line break.

Writes all.jsonl, dev.jsonl (first 35% after a seeded shuffle), heldout.jsonl, stats.md.
Exit status 1 if any error was found.
"""
import json
import random
import re
import sys
from collections import Counter, defaultdict

import checks
from numwords import to_digits

SET = "mekong21"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HEAD = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (yes|none)\s*$")
MASK = re.compile(r"[xX*•#…]|\.\.\.")

PHONE_TYPES = {k for k in ("nz_mobile", "nz_land", "vn_mobile", "id_mobile", "my_mobile", "th_mobile",
                           "kh_mobile", "mm_mobile", "la_mobile", "np_mobile", "bd_mobile", "lk_mobile",
                           "ph_mobile")}
VALIDATE = {
    "nz_ird": checks.nz_ird_ok,
    "card": checks.luhn_ok,
    "th_pin": checks.th_pin_ok,
    "id_nik": checks.id_nik_ok,
    "id_npwp": checks.id_npwp_ok,
    "my_nric": checks.my_nric_ok,
    "vn_cccd": checks.vn_cccd_ok,
}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load_pool():
    pool = json.load(open("pool.json", encoding="utf-8"))
    exact = {}
    phones = []
    raw = {}
    for typ, vals in pool.items():
        for v in vals:
            d = re.sub(r"\D", "", v)
            raw[(typ, d)] = v
            if typ in PHONE_TYPES:
                phones.append((typ, d.lstrip("0"), v))
            else:
                exact.setdefault(d, []).append((typ, v))
    return exact, phones, raw


EXACT, PHONES, RAW = load_pool()


def validate_typed(typ, value, digits):
    if typ in VALIDATE:
        return VALIDATE[typ](digits)
    if typ == "nz_bank":
        return checks.nz_bank_ok(value)
    if typ == "lk_nic":
        return checks.lk_nic_ok(value)
    if typ in PHONE_TYPES:
        return checks.phone_shape(typ, digits.lstrip("0"))
    return True


USED = {}


def check_number(pid, kind, text):
    """Check a labelled number against the generator pool and its validator."""
    d = to_digits(text)
    if len(d) >= 7 and not MASK.search(text):
        key = d.lstrip("0")[-8:]
        if key in USED and USED[key] != pid:
            warnings.append(f"{pid}: {kind} {text!r} also used in {USED[key]}")
        USED.setdefault(key, pid)
    if len(d) < 3:
        return
    masked = bool(MASK.search(text))
    hits = []
    for typ, nsn, v in PHONES:
        if d.endswith(nsn) and len(d) - len(nsn) <= 4:
            hits.append((typ, v))
    hits += EXACT.get(d, [])
    if hits:
        for typ, v in hits:
            if not validate_typed(typ, v, re.sub(r"\D", "", v)):
                err(f"{pid}: {kind} {text!r} ({typ}) fails its check")
        # format-level re-checks on the written form
        if kind == "CARD" and not checks.luhn_ok(d):
            err(f"{pid}: CARD {text!r} fails Luhn as written")
        if kind == "BANK" and re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", text.strip()):
            if not checks.nz_bank_ok(text):
                err(f"{pid}: NZ bank {text!r} fails as written")
        return
    # partial or masked numbers: must be a piece of some pool value
    if masked or len(d) <= 6:
        if any(d in re.sub(r"\D", "", v) for (_, _), v in RAW.items()) or masked:
            return
    if kind in ("CARD",) or (kind == "BANK" and re.search(r"\d{2}-\d{4}-\d{7}", text)):
        err(f"{pid}: {kind} {text!r} not from pool.json")
    elif len(d) >= 7:
        err(f"{pid}: {kind} {text!r} (digits {d}) not from pool.json")
    else:
        warnings.append(f"{pid}: {kind} {text!r} short number not in pool")


def parse():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []
    head = None
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEAD.match(line)
            if not m:
                err(f"line {ln}: bad header {line!r}")
                head = None
                continue
            if head is not None:
                err(f"line {ln}: header without piece before it")
            head = m.groups()
            continue
        if head is None:
            err(f"line {ln}: piece without header")
            continue
        pieces.append((ln, head, line))
        head = None
    return pieces


def build_piece(ln, head, line):
    num, lang, voice, channel, sector, pii = [h.strip() for h in head]
    pid = f"{SET}-{int(num):04d}"
    out = []
    spans = []
    neutral = []
    pos = 0
    cpos = 0  # char offset in output

    def emit(seg):
        nonlocal cpos
        seg = seg.replace("\\n", "\n")
        out.append(seg)
        cpos += len(seg)

    for m in SPAN.finditer(line):
        emit(line[pos:m.start()])
        kind, role, text = m.groups()
        if "\\n" in text:
            err(f"{pid}: line break inside span {text!r}")
        if not text or text != text.strip():
            err(f"{pid}: empty span or outer whitespace {text!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(f"{pid}: NEUTRAL needs role '-'")
        elif kind not in KINDS:
            err(f"{pid}: unknown kind {kind}")
        elif role not in ROLES:
            err(f"{pid}: unknown role {role}")
        start = cpos
        emit(text)
        rec = (start, cpos, kind, role, text)
        (neutral if kind == "NEUTRAL" else spans).append(rec)
        if kind in ("ID", "BANK", "CARD", "PHONE"):
            check_number(pid, kind, text)
        if kind == "IP" and not re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", text):
            warnings.append(f"{pid}: odd IP {text!r}")
        if kind == "EMAIL" and "@" not in text and " at " not in text.lower() and "a còng" not in text:
            warnings.append(f"{pid}: e-mail without @ {text!r}")
        pos = m.end()
    emit(line[pos:])
    text = "".join(out)
    rest = SPAN.sub("", line)
    if "{" in rest or "}" in rest:
        err(f"{pid}: stray brace (malformed span?)")
    if pii == "none" and spans:
        err(f"{pid}: header says pii none but has {len(spans)} spans")
    if pii == "yes" and not spans:
        err(f"{pid}: header says pii yes but has no spans")

    # char -> byte offsets
    def b(ci):
        return len(text[:ci].encode("utf-8"))

    rec = {
        "id": pid,
        "text": text,
        "spans": [{"start": b(s), "end": b(e), "kind": k, "role": r} for s, e, k, r, _ in spans],
        "neutral": [{"start": b(s), "end": b(e), "kind": "NEUTRAL"} for s, e, _, _, _ in neutral],
    }
    # round-trip check
    enc = text.encode("utf-8")
    for (s, e, k, r, t), sp in zip(spans + neutral, rec["spans"] + rec["neutral"]):
        if enc[sp["start"]:sp["end"]].decode("utf-8") != t:
            err(f"{pid}: offset round trip failed for {t!r}")
    meta = {"lang": lang, "voice": voice, "channel": channel, "sector": sector, "pii": pii}
    return rec, meta


def table(recs, title):
    c = Counter()
    for r in recs:
        for s in r["spans"]:
            c[(s["kind"], s["role"])] += 1
    kinds = sorted({k for k, _ in c})
    roles = ["reporter", "subject", "third"]
    lines = [f"### {title}", "", f"pieces: {len(recs)}; spans: {sum(c.values())}; "
             f"neutral: {sum(len(r['neutral']) for r in recs)}; "
             f"pieces without spans: {sum(1 for r in recs if not r['spans'])}", "",
             "| kind | " + " | ".join(roles) + " | total |", "|---|" + "---|" * (len(roles) + 1)]
    for k in kinds:
        row = [c[(k, r)] for r in roles]
        lines.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(c[(k, r)] for k in kinds) for r in roles]
    lines.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    lens = sorted(len(r["text"]) for r in recs)
    if lens:
        lines += ["", f"length in characters: min {lens[0]}, median {lens[len(lens) // 2]}, "
                  f"mean {sum(lens) // len(lens)}, max {lens[-1]}", ""]
    return "\n".join(lines)


def main():
    pieces = parse()
    recs, metas = [], []
    seen = set()
    for i, (ln, head, line) in enumerate(pieces, 1):
        if int(head[0]) != i:
            err(f"line {ln}: piece number {head[0]} out of sequence (expected {i:03d})")
        rec, meta = build_piece(ln, head, line)
        if rec["id"] in seen:
            err(f"duplicate id {rec['id']}")
        seen.add(rec["id"])
        recs.append(rec)
        metas.append(meta)
    with open("all.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    order = list(range(len(recs)))
    random.Random(2121).shuffle(order)
    ndev = round(len(recs) * 0.35)
    dev = [recs[i] for i in sorted(order[:ndev])]
    held = [recs[i] for i in sorted(order[ndev:])]
    for name, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as fh:
            for r in rs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    # stats
    langs = Counter()
    for m in metas:
        for l in m["lang"].split("+"):
            langs[l.strip()] += 1
    other = defaultdict(Counter)
    for m in metas:
        for k in ("voice", "channel", "sector"):
            other[k][m[k]] += 1
    md = ["# mekong21 statistics", "", table(recs, "all"), table(dev, "dev (35%)"),
          table(held, "held out (65%)"), "### languages (a piece may count under several)", "",
          ", ".join(f"{k} {v}" for k, v in langs.most_common()), ""]
    for k in ("voice", "channel", "sector"):
        md += [f"### {k}", "", ", ".join(f"{a} {b}" for a, b in other[k].most_common()), ""]
    open("stats.md", "w", encoding="utf-8").write("\n".join(md))
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(recs)} pieces, {sum(len(r['spans']) for r in recs)} spans, "
          f"{len(dev)} dev / {len(held)} held out; {len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
