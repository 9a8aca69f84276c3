"""Build people25: parse source.txt, check spans, write all/dev/heldout jsonl + stats.md."""
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

from checks import (ird_valid, nzbank_valid, luhn_valid, aadhaar_valid, cnid_valid,
                    pan_valid, iban_valid, ph_mobile_valid, nhi_valid)

SET = "people25"
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
HEADER = re.compile(r"^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| (yes|no)$")
SPAN = re.compile(r"\{([A-Z]+)\|([a-z-]+)\|([^{}]*)\}")


def ascii_digits(s):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return "".join(out)


def parse_piece(raw):
    """Return text, spans[(start,end,kind,role,surface)] with char offsets."""
    text = []
    spans = []
    pos = 0
    i = 0
    for m in SPAN.finditer(raw):
        plain = raw[i:m.start()].replace("\\n", "\n")
        text.append(plain)
        pos += len(plain)
        kind, role, surf = m.group(1), m.group(2), m.group(3).replace("\\n", "\n")
        spans.append((pos, pos + len(surf), kind, role, surf))
        text.append(surf)
        pos += len(surf)
        i = m.end()
    tail = raw[i:].replace("\\n", "\n")
    text.append(tail)
    return "".join(text), spans


def check_value(kind, surf, ctx):
    """Return an error string or None."""
    a = ascii_digits(surf)
    d = re.sub(r"\D", "", a)
    lc = ctx.lower()
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7,8}[- ]\d{2,4}", a.strip()):
            if not nzbank_valid(a):
                return "NZ bank account fails check"
        elif re.fullmatch(r"[A-Z]{2}\d{2}[ A-Z0-9]{10,40}", a.strip()):
            if not iban_valid(a):
                return "IBAN fails mod 97"
    elif kind == "CARD":
        if not re.search(r"[xX*•]", a) and len(d) >= 13:
            if not luhn_valid(d):
                return "card fails Luhn"
    elif kind == "ID":
        if re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", a.strip()):
            if not nhi_valid(a):
                return "NHI fails mod 11"
        elif re.fullmatch(r"\d{17}[\dXx]", a.strip()):
            if not cnid_valid(a):
                return "Chinese ID fails ISO 7064"
        elif (re.fullmatch(r"\d{2,3}-\d{3}-\d{3}", a.strip()) or re.search(r"ird|tax", lc)) and 8 <= len(d) <= 9 and re.fullmatch(r"[\d -]+", a.strip()):
            if not ird_valid(d):
                return "IRD fails mod 11"
        elif len(d) == 12 and re.fullmatch(r"[\d -]+", a.strip()):
            if not aadhaar_valid(d):
                return "Aadhaar fails Verhoeff"
        elif re.search(r"\bpan\b", lc) and re.fullmatch(r"[A-Za-z0-9]{10}", a.strip()):
            if not pan_valid(a.upper()):
                return "PAN shape wrong"
    elif kind == "PHONE":
        if re.search(r"[xX*•]", a):
            return None
        if (d.startswith("639") and len(d) == 12) or (d.startswith("09") and len(d) == 11 and re.search(r"\+?63|phil|pinas|globe|smart|ph\b|manila|cebu|davao|iloilo|pampanga|batangas|mindanao|visayas|luzon|ilocos|pangasinan", lc)):
            if not ph_mobile_valid(d):
                return "Philippine mobile prefix unknown"
    return None


def main():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []
    errors = []
    header = None
    seen = set()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEADER.match(line)
            if not m:
                errors.append(f"line {ln}: bad header: {line[:80]}")
                header = None
                continue
            header = m.groups()
            continue
        if header is None:
            errors.append(f"line {ln}: piece without header")
            continue
        num, lang, voice, channel, sector, pii = header
        header = None
        if num in seen:
            errors.append(f"line {ln}: duplicate piece number {num}")
        seen.add(num)
        # stray braces
        stripped = SPAN.sub("", line)
        if "{" in stripped or "}" in stripped:
            errors.append(f"{num}: stray brace / malformed span")
        text, spans = parse_piece(line)
        out_sp, out_nt = [], []
        prev_end = -1
        for (s, e, kind, role, surf) in sorted(spans):
            tag = f"{num}: {{{kind}|{role}|{surf}}}"
            if not surf:
                errors.append(f"{tag} empty")
            if surf != surf.strip():
                errors.append(f"{tag} outer whitespace")
            if kind == "NEUTRAL":
                if role != "-":
                    errors.append(f"{tag} NEUTRAL role must be -")
            else:
                if kind not in KINDS:
                    errors.append(f"{tag} unknown kind")
                if role not in ROLES:
                    errors.append(f"{tag} unknown role")
            if s < prev_end:
                errors.append(f"{tag} overlaps")
            prev_end = e
            err = check_value(kind, surf, text[max(0, s - 60):s])
            if err:
                errors.append(f"{tag} {err}")
            bs = len(text[:s].encode("utf-8"))
            be = bs + len(surf.encode("utf-8"))
            if kind == "NEUTRAL":
                out_nt.append({"start": bs, "end": be, "kind": "NEUTRAL"})
            else:
                out_sp.append({"start": bs, "end": be, "kind": kind, "role": role})
        if pii == "no" and out_sp:
            errors.append(f"{num}: header says pii=no but has spans")
        if pii == "yes" and not out_sp:
            errors.append(f"{num}: header says pii=yes but has no spans")
        # verify byte offsets round trip
        b = text.encode("utf-8")
        for (s, e, kind, role, surf) in spans:
            bs = len(text[:s].encode("utf-8"))
            if b[bs:bs + len(surf.encode("utf-8"))].decode("utf-8") != surf:
                errors.append(f"{num}: offset mismatch for {surf}")
        pieces.append({
            "num": num, "lang": lang, "voice": voice, "channel": channel, "sector": sector,
            "pii": pii,
            "obj": {"id": f"{SET}-{int(num):04d}", "text": text, "spans": out_sp,
                    "neutral": out_nt},
        })
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} error(s)")
        sys.exit(1)

    with open("all.jsonl", "w", encoding="utf-8") as f:
        for p in pieces:
            f.write(json.dumps(p["obj"], ensure_ascii=False) + "\n")
    order = list(range(len(pieces)))
    random.Random(2525).shuffle(order)
    k = round(len(pieces) * 0.35)
    dev = [pieces[i] for i in order[:k]]
    held = [pieces[i] for i in order[k:]]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for p in part:
                f.write(json.dumps(p["obj"], ensure_ascii=False) + "\n")
    write_stats(pieces, dev, held)
    print(f"ok: {len(pieces)} pieces, dev {len(dev)}, heldout {len(held)}")


def table(part):
    c = Counter()
    for p in part:
        for s in p["obj"]["spans"]:
            c[(s["kind"], s["role"])] += 1
    kinds = sorted({k for k, _ in c}, key=lambda k: -sum(v for (kk, _), v in c.items() if kk == k))
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        r = [c[(k, x)] for x in ("reporter", "subject", "third")]
        rows.append(f"| {k} | {r[0]} | {r[1]} | {r[2]} | {sum(r)} |")
    tot = [sum(v for (k, x), v in c.items() if x == role) for role in ("reporter", "subject", "third")]
    rows.append(f"| **all** | {tot[0]} | {tot[1]} | {tot[2]} | {sum(tot)} |")
    nt = sum(len(p["obj"]["neutral"]) for p in part)
    return "\n".join(rows) + f"\n\nNEUTRAL look-alikes: {nt}\n"


def write_stats(allp, dev, held):
    out = [f"# {SET} statistics\n"]
    for name, part in (("All", allp), ("Dev", dev), ("Held out", held)):
        lens = sorted(len(p["obj"]["text"]) for p in part)
        nopii = sum(1 for p in part if p["pii"] == "no")
        out.append(f"## {name}\n")
        out.append(f"Pieces: {len(part)} (no personal detail: {nopii}); "
                   f"length in characters min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, "
                   f"total {sum(lens)}\n")
        out.append(table(part))
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter()
        for p in allp:
            for v in p[field].split("+"):
                c[v.strip()] += 1
        out.append(f"## By {field} (all)\n")
        out.append(", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n")
    open("stats.md", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
