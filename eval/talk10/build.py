"""Parse source.txt, check every span, write all.jsonl, dev.jsonl, heldout.jsonl and stats.md."""
import json
import random
import re
import sys
from collections import Counter, defaultdict

import checks as C

SET = "talk10"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")
HDR_RE = re.compile(r"^#\s*(\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*(pii|none)\s*$")

errors, warnings = [], []


def load_pools():
    pool = {}
    try:
        for line in open("pools.txt", encoding="utf-8"):
            t, v = line.rstrip("\n").split("\t")
            pool[re.sub(r"[\s.\-]", "", v).upper()] = t
    except FileNotFoundError:
        pass
    return pool


POOL = load_pools()
POOLCHECK = {"ird": C.ird_ok, "nzbank": C.nzbank_ok, "iban": C.iban_ok, "card": C.luhn_ok,
             "aadhaar": C.aadhaar_ok, "cnid": C.cnid_ok, "pan": C.pan_ok, "thaiid": C.thai_ok,
             "rrn": C.rrn_ok, "cpf": C.cpf_ok, "rut": C.rut_ok, "dni": C.dni_ok, "nie": C.dni_ok,
             "inn": C.inn_ok, "tron": C.b58check_ok, "phmob": C.ph_mobile_ok}
MASK = re.compile(r"[*•xX#]{2,}|…|\.\.\.")
IRD_CTX = re.compile(r"IRD|[Tt]ax|TAX|GST|KiwiSaver|taake|税|ಟ್ಯಾಕ್ಸ್|टैक्स", re.I)


def check_value(pid, kind, text, before):
    """Check-digit checks. Returns list of problems."""
    probs = []
    if MASK.search(text):
        return probs
    norm = re.sub(r"[\s.\-]", "", C.digits_keep_sep(text)).upper()
    ptype = POOL.get(norm)
    if ptype in POOLCHECK and not POOLCHECK[ptype](text):
        probs.append(f"{ptype} check fails")
    if kind == "CARD":
        if not C.luhn_ok(text):
            probs.append("Luhn fails")
    elif kind == "BANK":
        if C.nzbank_parts(text):
            if not C.nzbank_ok(text):
                probs.append("NZ bank check fails")
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{10,}", text.strip()):
            if not C.iban_ok(text):
                probs.append("IBAN mod97 fails")
        elif re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", text.strip()):
            if not C.b58check_ok(text):
                probs.append("TRON base58check fails")
    elif kind == "ID":
        t = C.digits_keep_sep(text).strip()
        d = C.digits(text)
        if re.fullmatch(r"\d{17}[\dXx]", t.replace(" ", "")):
            if not C.cnid_ok(t):
                probs.append("CN resident ID check fails")
        elif re.fullmatch(r"[2-9]\d{3} \d{4} \d{4}", t) or (len(d) == 12 and re.search(r"[Aa]adhaa?r|आधार|ਆਧਾਰ|ஆதார்", before)):
            if not C.aadhaar_ok(t):
                probs.append("Aadhaar Verhoeff fails")
        elif re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", t):
            if not C.pan_ok(t):
                probs.append("PAN shape fails")
        elif re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", t):
            if not C.thai_ok(t):
                probs.append("Thai ID check fails")
        elif re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", t):
            if not C.cpf_ok(t):
                probs.append("CPF check fails")
        elif re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", t):
            if not C.rut_ok(t):
                probs.append("RUT check fails")
        elif re.fullmatch(r"[XYZ]?\d{7,8}-?[A-Z]", t):
            if not C.dni_ok(t):
                probs.append("DNI/NIE letter fails")
        elif re.fullmatch(r"\d{6}-[1-4]\d{6}", t):
            if not C.rrn_ok(t):
                probs.append("Korean RRN check fails")
        elif re.search(r"ИНН|INN", before) and len(d) == 12:
            if not C.inn_ok(t):
                probs.append("INN check fails")
        elif IRD_CTX.search(before) and len(d) in (8, 9) and re.fullmatch(r"[\d\s-]+", t):
            if not C.ird_ok(t):
                probs.append("IRD mod11 fails")
    elif kind == "PHONE":
        d = C.digits(text)
        if (d.startswith("639") and len(d) == 12) or (d.startswith("09") and len(d) == 11):
            if not C.ph_mobile_ok(d):
                probs.append("PH mobile prefix invalid")
    return probs


def parse():
    pieces = []
    hdr = None
    seen = set()
    for ln, raw in enumerate(open("source.txt", encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HDR_RE.match(line)
            if not m:
                errors.append(f"line {ln}: bad header: {line}")
                hdr = None
                continue
            hdr = m.groups()
            continue
        if hdr is None:
            errors.append(f"line {ln}: piece without header")
            continue
        num = int(hdr[0])
        if num in seen:
            errors.append(f"line {ln}: duplicate number {num}")
        seen.add(num)
        pid = f"{SET}-{num:04d}"
        text_parts, spans, neutral = [], [], []
        pos = 0  # byte offset
        last = 0
        for m in SPAN_RE.finditer(line):
            plain = line[last:m.start()].replace("\\n", "\n")
            text_parts.append(plain)
            pos += len(plain.encode("utf-8"))
            kind, role, stext = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
            if not stext:
                errors.append(f"{pid}: empty span")
            if stext != stext.strip():
                errors.append(f"{pid}: outer whitespace in span '{stext}'")
            if "|" in stext:
                errors.append(f"{pid}: '|' inside span text '{stext}' (mis-typed span?)")
            blen = len(stext.encode("utf-8"))
            before = "".join(text_parts)[-60:]
            if kind == "NEUTRAL":
                if role != "-":
                    errors.append(f"{pid}: NEUTRAL with role {role}")
                neutral.append({"start": pos, "end": pos + blen, "kind": "NEUTRAL", "_t": stext})
            else:
                if kind not in KINDS:
                    errors.append(f"{pid}: unknown kind {kind}")
                if role not in ROLES:
                    errors.append(f"{pid}: unknown role {role}")
                for p in check_value(pid, kind, stext, before):
                    errors.append(f"{pid}: {kind} '{stext}': {p}")
                spans.append({"start": pos, "end": pos + blen, "kind": kind, "role": role, "_t": stext})
            text_parts.append(stext)
            pos += blen
            last = m.end()
        tail = line[last:].replace("\\n", "\n")
        text_parts.append(tail)
        text = "".join(text_parts)
        if "{" in tail or "}" in tail or any(c in p for p in text_parts[::2] for c in "{}"):
            errors.append(f"{pid}: stray brace (malformed span?)")
        # verify offsets
        b = text.encode("utf-8")
        for s in spans + neutral:
            if b[s["start"]:s["end"]].decode("utf-8") != s["_t"]:
                errors.append(f"{pid}: offset mismatch for '{s['_t']}'")
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, c in zip(allsp, allsp[1:]):
            if c["start"] < a["end"]:
                errors.append(f"{pid}: overlapping spans")
        if hdr[5] == "none" and spans:
            errors.append(f"{pid}: header says none but has {len(spans)} spans")
        if hdr[5] == "pii" and not spans:
            errors.append(f"{pid}: header says pii but has no spans")
        pieces.append({"id": pid, "meta": hdr, "text": text, "spans": spans, "neutral": neutral})
    nums = sorted(seen)
    if nums and nums != list(range(1, len(nums) + 1)):
        warnings.append("piece numbers are not 1..N consecutive")
    return pieces


def strip(p):
    return {"id": p["id"], "text": p["text"],
            "spans": [{k: s[k] for k in ("start", "end", "kind", "role")} for s in p["spans"]],
            "neutral": [{k: s[k] for k in ("start", "end", "kind")} for s in p["neutral"]]}


def table(ps):
    c = Counter((s["kind"], s["role"]) for p in ps for s in p["spans"])
    kinds = sorted({k for k, _ in c})
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        r = [c[(k, x)] for x in ("reporter", "subject", "third")]
        rows.append(f"| {k} | {r[0]} | {r[1]} | {r[2]} | {sum(r)} |")
    tot = [sum(c[(k, x)] for k in kinds) for x in ("reporter", "subject", "third")]
    rows.append(f"| **total** | {tot[0]} | {tot[1]} | {tot[2]} | {sum(tot)} |")
    nn = sum(len(p["neutral"]) for p in ps)
    rows.append(f"\nNEUTRAL look-alikes: {nn}")
    return "\n".join(rows)


def main():
    pieces = parse()
    for e in errors:
        print("ERROR", e)
    for w in warnings:
        print("WARN", w)
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for p in pieces:
            f.write(json.dumps(strip(p), ensure_ascii=False) + "\n")
    order = list(pieces)
    random.Random(1010).shuffle(order)
    ndev = round(len(order) * 0.35)
    dev, held = order[:ndev], order[ndev:]
    for name, ps in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for p in sorted(ps, key=lambda p: p["id"]):
                f.write(json.dumps(strip(p), ensure_ascii=False) + "\n")
    lens = sorted(len(p["text"]) for p in pieces) or [0]
    nonepcs = sum(1 for p in pieces if not p["spans"])
    langs = Counter(l.strip() for p in pieces for l in p["meta"][1].split("+"))
    chans = Counter(p["meta"][3] for p in pieces)
    sects = Counter(p["meta"][4] for p in pieces)
    voices = Counter(p["meta"][2] for p in pieces)
    with open("stats.md", "w", encoding="utf-8") as f:
        f.write(f"# {SET} statistics\n\n")
        f.write(f"Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)}); "
                f"pieces with no personal detail: {nonepcs}\n\n")
        f.write(f"Length in characters: min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, "
                f"total {sum(lens)}\n\n")
        for name, ps in (("All", pieces), ("Dev", dev), ("Held out", held)):
            f.write(f"## {name} ({len(ps)} pieces)\n\n{table(ps)}\n\n")
        for title, c in (("Languages", langs), ("Voices", voices), ("Channels", chans), ("Sectors", sects)):
            f.write(f"## {title}\n\n" + ", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n\n")
    c = Counter(s["role"] for p in pieces for s in p["spans"])
    print(f"{len(pieces)} pieces, {sum(c.values())} spans {dict(c)}, none-pieces {nonepcs}, "
          f"dev {len(dev)}, held {len(held)}, errors {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
