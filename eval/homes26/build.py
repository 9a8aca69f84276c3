"""Build homes26: parse source.txt, check spans, write all/dev/heldout jsonl and stats.md.

source.txt: a '# NNN | lang | voice | channel | sector | pii' line, then the piece on one line.
Inline spans {KIND|role|text}; look-alikes {NEUTRAL|-|text}. Two characters '\\n' = line break.
idtypes.tsv: optional 'text<TAB>checker' lines naming the check for ID/BANK/CARD spans that the
shape rules below cannot classify ('none' = format has no public check digit).
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checks import CHECKERS, to_ascii_digits

SET = "homes26"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")

NUMWORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
            "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def words_to_digits(s):
    """Turn spelled-out digits ('oh two one', 'double five') into digits, keeping other text."""
    if not re.search(r"[A-Za-z]", s) or not any(w.lower() in NUMWORDS for w in re.findall(r"[A-Za-z]+", s)):
        return s
    toks = re.findall(r"[A-Za-z]+|\d|\s+|[^\sA-Za-z\d]", s)
    out = []
    mult = 1
    for t in toks:
        tl = t.lower()
        if tl in ("double", "triple"):
            mult = 2 if tl == "double" else 3
            continue
        if tl in NUMWORDS:
            out.append(NUMWORDS[tl] * mult)
            mult = 1
        elif t.isdigit():
            out.append(t * mult)
            mult = 1
        elif t.isspace():
            continue
        else:
            out.append(t)
    return "".join(out)


def load_idtypes():
    m = {}
    try:
        for line in open("idtypes.tsv", encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            t, c = line.split("\t")
            m[t] = c
    except FileNotFoundError:
        pass
    return m


def masked(t):
    return re.search(r"[xX*•_]{2,}|[xX]{1}\d|\d[xX]", t) is not None and not re.fullmatch(r"[\dX]{18}", t)


def auto_check(kind, t):
    a = words_to_digits(to_ascii_digits(t))
    compact = re.sub(r"[\s\-.]", "", a)
    if kind == "CARD":
        return "luhn"
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[\s-]*\d{4}[\s-]*\d{7,8}[\s-]*\d{2,4}", a.strip()):
            return "nzbank"
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            return "iban"
        return None
    if kind == "ID":
        if re.fullmatch(r"\d{17}[\dX]", compact):
            return "cnid"
        if re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            return "pan"
        if re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", compact):
            return "nhi"
        if re.fullmatch(r"\d{2,3}[- ]\d{3}[- ]\d{3}", a.strip()):
            return "ird"
        if re.fullmatch(r"[2-9]\d{3}[ -]\d{4}[ -]\d{4}", a.strip()):
            return "aadhaar"
        if re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", a.strip()):
            return "cpf"
        if re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", a.strip()):
            return "rut"
        return None
    if kind == "PHONE":
        if re.match(r"\s*(\+?63|0063)", compact) or (compact.startswith("09") and len(re.sub(r"\D", "", compact)) == 11):
            return "phmobile"
    return None


def parse():
    pieces = []
    errors = []
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    header = None
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.startswith("##"):
                continue  # free comment
            parts = [p.strip() for p in line[1:].split("|")]
            if len(parts) != 6:
                errors.append(f"line {ln}: header needs 6 fields: {line}")
            header = (ln, parts)
            continue
        if header is None:
            errors.append(f"line {ln}: piece without header")
            continue
        hln, parts = header
        header = None
        text_parts = []
        spans, neutral = [], []
        pos = 0
        blen = 0

        def add_plain(s):
            nonlocal blen
            s = s.replace("\\n", "\n")
            if "{" in s or "}" in s:
                errors.append(f"line {ln}: stray brace in {s[:60]!r}")
            text_parts.append(s)
            blen += len(s.encode("utf-8"))

        for m in SPAN_RE.finditer(line):
            add_plain(line[pos:m.start()])
            kind, role, t = m.group(1), m.group(2), m.group(3)
            t = t.replace("\\n", "\n")
            if not t:
                errors.append(f"line {ln}: empty span")
            if t != t.strip():
                errors.append(f"line {ln}: outer whitespace in span {t!r}")
            if "|" in t:
                errors.append(f"line {ln}: '|' inside span {t!r} (malformed?)")
            start = blen
            text_parts.append(t)
            blen += len(t.encode("utf-8"))
            rec = {"start": start, "end": blen}
            if kind == "NEUTRAL":
                if role != "-":
                    errors.append(f"line {ln}: NEUTRAL role must be '-'")
                rec["kind"] = "NEUTRAL"
                neutral.append(rec)
            else:
                if kind not in KINDS:
                    errors.append(f"line {ln}: unknown kind {kind}")
                if role not in ROLES:
                    errors.append(f"line {ln}: unknown role {role}")
                rec["kind"] = kind
                rec["role"] = role
                rec["_text"] = t
                spans.append(rec)
            pos = m.end()
        add_plain(line[pos:])
        text = "".join(text_parts)
        pieces.append({"num": parts[0] if parts else "?", "meta": parts, "text": text,
                       "spans": spans, "neutral": neutral, "line": ln})
    return pieces, errors


def main():
    pieces, errors = parse()
    idtypes = load_idtypes()
    seen_nums = []
    checked = Counter()
    for p in pieces:
        ln = p["line"]
        meta = p["meta"]
        try:
            num = int(meta[0])
        except ValueError:
            errors.append(f"line {ln}: bad number {meta[0]}")
            num = -1
        seen_nums.append(num)
        pii = meta[5] if len(meta) > 5 else "?"
        if pii not in ("yes", "no"):
            errors.append(f"line {ln}: pii field must be yes/no")
        if pii == "no" and p["spans"]:
            errors.append(f"line {ln}: pii=no but has spans")
        if pii == "yes" and not p["spans"]:
            errors.append(f"line {ln}: pii=yes but no spans")
        b = p["text"].encode("utf-8")
        allsp = sorted(p["spans"] + p["neutral"], key=lambda s: s["start"])
        for a, c in zip(allsp, allsp[1:]):
            if c["start"] < a["end"]:
                errors.append(f"line {ln}: overlap")
        for s in p["spans"]:
            t = b[s["start"]:s["end"]].decode("utf-8")
            assert t == s["_text"], (t, s)
            if s["kind"] in ("ID", "BANK", "CARD", "PHONE"):
                chk = idtypes.get(t) or auto_check(s["kind"], t)
                if chk is None:
                    if s["kind"] != "PHONE":
                        errors.append(f"line {ln}: {s['kind']} {t!r} unclassified; add to idtypes.tsv")
                    continue
                if chk == "none" or masked(t):
                    continue
                if chk not in CHECKERS:
                    errors.append(f"line {ln}: unknown checker {chk}")
                    continue
                val = words_to_digits(to_ascii_digits(t))
                if not CHECKERS[chk](val):
                    errors.append(f"line {ln}: {s['kind']} {t!r} fails {chk}")
                else:
                    checked[chk] += 1
    if seen_nums != list(range(1, len(seen_nums) + 1)):
        errors.append(f"piece numbers not sequential: {seen_nums[:5]}...")
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} ERRORS")
        sys.exit(1)

    recs = []
    for p in pieces:
        num = int(p["meta"][0])
        recs.append({"id": f"{SET}-{num:04d}", "text": p["text"],
                     "spans": [{k: s[k] for k in ("start", "end", "kind", "role")} for s in p["spans"]],
                     "neutral": p["neutral"],
                     "_meta": p["meta"]})
    with open("all.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    order = list(range(len(recs)))
    random.Random(2626).shuffle(order)
    ndev = round(len(recs) * 0.35)
    dev = [recs[i] for i in order[:ndev]]
    held = [recs[i] for i in order[ndev:]]
    for name, rs in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for r in sorted(rs, key=lambda r: r["id"]):
                f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")

    def table(rs):
        c = Counter((s["kind"], s["role"]) for r in rs for s in r["spans"])
        kinds = sorted({k for k, _ in c}, key=lambda k: -sum(v for (kk, _), v in c.items() if kk == k))
        lines = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
        for k in kinds:
            row = [c[(k, r)] for r in ("reporter", "subject", "third")]
            lines.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        tot = [sum(c[(k, r)] for k in kinds) for r in ("reporter", "subject", "third")]
        lines.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
        nn = sum(len(r["neutral"]) for r in rs)
        npii = sum(1 for r in rs if not r["spans"])
        lens = [len(r["text"]) for r in rs]
        lines.append("")
        lines.append(f"pieces {len(rs)}; without personal detail {npii} ({100 * npii / max(1, len(rs)):.0f}%); "
                     f"NEUTRAL spans {nn}; length chars min {min(lens)} / median {statistics.median(lens):.0f} / max {max(lens)}")
        return "\n".join(lines)

    md = [f"# {SET} statistics", "", "Generated by build.py.", ""]
    for name, rs in (("All", recs), ("Dev (35%)", dev), ("Held out (65%)", held)):
        md += [f"## {name}", "", table(rs), ""]
    for idx, label in ((1, "Language"), (2, "Voice"), (3, "Channel"), (4, "Sector")):
        c = Counter()
        for r in recs:
            for v in r["_meta"][idx].split("+"):
                c[v.strip()] += 1
        md += [f"## {label}", "", ", ".join(f"{k} {v}" for k, v in c.most_common()), ""]
    open("stats.md", "w", encoding="utf-8").write("\n".join(md))
    tot = sum(len(r["spans"]) for r in recs)
    print("check digits verified:", dict(checked))
    print(f"OK {len(recs)} pieces, {tot} spans, dev {len(dev)}, heldout {len(held)}")


if __name__ == "__main__":
    main()
