"""Parse source.txt, check every span, write all.jsonl / dev.jsonl / heldout.jsonl / stats.md.

Usage: python3 build.py          (exits non-zero on any error)
"""
import collections
import json
import random
import re
import statistics
import sys

from checkdigits import (VALIDATORS, IBAN_LEN, alnum, digits, nuban_ok, to_ascii_digits)

SET = "afar22"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE", "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{(" + "|".join(KINDS + ["NEUTRAL"]) + r")\|([a-z-]+)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| (pii|none)$")

HONORIFIC = (r"(?i)^(mr|mrs|ms|miss|dr|sir|madam|sr|sra|srta|don|doña|dona|seu|chief|alhaji|alhaja|"
             r"bi|lic|licenciado|licenciada|ing|ingeniero|capt|captain|pastor|mzee|ato|hajiya|engineer|mhandisi|aunty|auntie|uncle|mama|baba|haji|hajji|kaka|dada|bwana|oga|madame|domnul|doamna|"
             r"пан|пані|господин|госпожа|д-р|آقای|آقا|کاکا|مهندس|خانم|حاجی|حاجي|الحاج|الحاج|الشيخ|السيد|جناب|ዶ/ር|ወ/ሮ|አቶ)[\s.]")
errors, warnings, unchecked, checked = [], [], [], collections.Counter()


def load_registry():
    reg = {}
    with open("gen_values.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            typ, param, formatted, norm, note = line.rstrip("\n").split("\t")
            reg[alnum(norm)] = (typ, param)
    return reg


REG = load_registry()
MASK = re.compile(r"[*•…]|[xX#]{2,}|\.\.\.")


def check_number(pid, kind, text):
    if kind not in ("ID", "BANK", "CARD"):
        return
    t = to_ascii_digits(text)
    if MASK.search(t):
        unchecked.append((pid, kind, text, "masked"))
        return
    norm = alnum(t)
    typ = None
    if norm in REG:
        typ, param = REG[norm]
        if typ == "pix_evp":
            unchecked.append((pid, kind, text, "PIX random key (no check digit)"))
            return
        ok = nuban_ok(norm, param) if typ == "nuban" else VALIDATORS[typ](norm)
    else:
        d = digits(t)
        if kind == "CARD":
            typ, ok = "card", 13 <= len(d) <= 19 and VALIDATORS["card"](d)
        elif re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", norm) and norm[:2] in IBAN_LEN:
            typ, ok = "iban", VALIDATORS["iban"](norm)
        elif re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", t):
            typ, ok = "nz_bank", VALIDATORS["nz_bank"](d)
        elif re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", t):
            typ, ok = "cpf", VALIDATORS["cpf"](d)
        elif re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", t):
            typ, ok = "rut", VALIDATORS["rut"](norm)
        elif re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d", norm):
            typ, ok = "curp", VALIDATORS["curp"](norm)
        elif kind == "BANK" and len(d) == 18 and d == norm:
            typ, ok = "clabe", VALIDATORS["clabe"](d)
        elif kind == "BANK" and len(d) == 22 and d == norm:
            typ, ok = "cbu", VALIDATORS["cbu"](d)
        elif re.fullmatch(r"T[1-9A-HJ-NP-Za-km-z]{33}", text):
            typ, ok = "tron", VALIDATORS["tron"](text)
        elif kind == "ID" and re.fullmatch(r"[A-HJ-NP-Z]{3}\d{4}", norm):
            typ, ok = "nhi", VALIDATORS["nhi"](norm)
        elif kind == "ID" and re.fullmatch(r"\d{2,3}[- ]\d{3}[- ]\d{3}", t):
            typ, ok = "nz_ird", VALIDATORS["nz_ird"](d)
        else:
            unchecked.append((pid, kind, text, "no check digit in format / not in registry"))
            return
    checked[typ] += 1
    if not ok:
        errors.append(f"{pid}: {kind} '{text}' fails {typ} check")


def parse(path="source.txt"):
    pieces = []
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    seen = set()
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = HEAD_RE.match(line)
        if not m:
            errors.append(f"line {i + 1}: expected header, got: {line[:80]}")
            i += 1
            continue
        num, lang, voice, channel, sector, pii = m.groups()
        pid = f"{SET}-{int(num):04d}"
        if pid in seen:
            errors.append(f"duplicate id {pid}")
        seen.add(pid)
        if i + 1 >= len(lines) or not lines[i + 1].strip() or lines[i + 1].startswith("# "):
            errors.append(f"{pid}: missing body")
            i += 1
            continue
        raw = lines[i + 1]
        i += 2
        text_parts, spans, neutral = [], [], []
        pos_b = 0
        last = 0
        for sm in SPAN_RE.finditer(raw):
            before = raw[last:sm.start()].replace("\\n", "\n")
            text_parts.append(before)
            pos_b += len(before.encode("utf-8"))
            kind, role, stext = sm.groups()
            stext = stext.replace("\\n", "\n")
            start = pos_b
            end = start + len(stext.encode("utf-8"))
            if not stext:
                errors.append(f"{pid}: empty span {sm.group(0)}")
            if stext != stext.strip():
                errors.append(f"{pid}: outer whitespace in span '{stext}'")
            if stext and (stext[-1] in ",;:" or stext[0] in ",;:." or
                          (stext[0] == "(" and ")" not in stext) or (stext[-1] == ")" and "(" not in stext)):
                errors.append(f"{pid}: outer punctuation in span '{stext}'")
            if kind == "NAME" and re.match(HONORIFIC, stext):
                errors.append(f"{pid}: honorific inside NAME span '{stext}'")
            if kind == "NEUTRAL":
                if role != "-":
                    errors.append(f"{pid}: NEUTRAL needs role '-': {sm.group(0)}")
                neutral.append({"start": start, "end": end, "kind": "NEUTRAL"})
            else:
                if role not in ROLES:
                    errors.append(f"{pid}: bad role '{role}' in {sm.group(0)}")
                spans.append({"start": start, "end": end, "kind": kind, "role": role})
                check_number(pid, kind, stext)
            text_parts.append(stext)
            pos_b = end
            last = sm.end()
        tail = raw[last:].replace("\\n", "\n")
        text_parts.append(tail)
        text = "".join(text_parts)
        for bad in ("{", "}"):
            if bad in text:
                errors.append(f"{pid}: stray '{bad}' (malformed span?) near: "
                              f"{text[max(0, text.index(bad) - 30):text.index(bad) + 30]!r}")
        if re.search(r"\|(reporter|subject|third|-)\|", text):
            errors.append(f"{pid}: unparsed span markup")
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]:
                errors.append(f"{pid}: overlapping spans")
        bt = text.encode("utf-8")
        for s in allsp:
            seg = bt[s["start"]:s["end"]].decode("utf-8")
            if not seg:
                errors.append(f"{pid}: offsets broken")
        if pii == "none" and spans:
            errors.append(f"{pid}: header says none but has {len(spans)} spans")
        if pii == "pii" and not spans:
            errors.append(f"{pid}: header says pii but has no spans")
        pieces.append({"id": pid, "text": text, "spans": spans, "neutral": neutral,
                       "_meta": {"lang": lang, "voice": voice, "channel": channel,
                                 "sector": sector, "pii": pii}})
    return pieces


def table(pieces):
    c = collections.Counter()
    for p in pieces:
        for s in p["spans"]:
            c[(s["kind"], s["role"])] += 1
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    tot = collections.Counter()
    for k in KINDS:
        vals = [c[(k, r)] for r in ROLES]
        for r, v in zip(ROLES, vals):
            tot[r] += v
        rows.append(f"| {k} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    rows.append("| **all** | " + " | ".join(str(tot[r]) for r in ROLES) + f" | {sum(tot.values())} |")
    nneu = sum(len(p["neutral"]) for p in pieces)
    rows.append(f"\nNEUTRAL look-alikes: {nneu}")
    return "\n".join(rows)


def main():
    pieces = parse()
    if errors:
        print("ERRORS:")
        for e in errors:
            print("  ", e)
    for u in unchecked:
        if "-v" in sys.argv:
            print("unchecked:", *u)
    print(f"{len(pieces)} pieces; check-digit spans verified: {dict(checked)}; "
          f"unchecked ID/BANK/CARD spans: {len(unchecked)}")
    if errors:
        sys.exit(1)

    def clean(p):
        return {k: p[k] for k in ("id", "text", "spans", "neutral")}

    with open("all.jsonl", "w", encoding="utf-8") as f:
        for p in pieces:
            f.write(json.dumps(clean(p), ensure_ascii=False) + "\n")
    order = [p["id"] for p in pieces]
    random.Random(22_0522).shuffle(order)
    ndev = round(len(order) * 0.35)
    dev_ids = set(order[:ndev])
    dev = [p for p in pieces if p["id"] in dev_ids]
    held = [p for p in pieces if p["id"] not in dev_ids]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for p in part:
                f.write(json.dumps(clean(p), ensure_ascii=False) + "\n")

    with open("unchecked.tsv", "w", encoding="utf-8") as f:
        f.write("id\tkind\ttext\twhy\n")
        for u in unchecked:
            f.write("\t".join(u) + "\n")
    lens = [len(p["text"]) for p in pieces]
    out = [f"# Stats for set {SET}", "",
           f"Pieces: {len(pieces)} (dev {len(dev)}, held out {len(held)}); "
           f"with no personal detail: {sum(1 for p in pieces if not p['spans'])}",
           f"Length in characters: min {min(lens)}, median {int(statistics.median(lens))}, "
           f"mean {int(statistics.mean(lens))}, max {max(lens)}",
           f"Check-digit spans re-verified by build.py: {sum(checked.values())} "
           f"({', '.join(f'{k} {v}' for k, v in sorted(checked.items()))}); "
           f"ID/BANK/CARD spans with no check digit (or masked): {len(unchecked)}", ""]
    for name, part in (("All", pieces), ("Dev", dev), ("Held out", held)):
        out += [f"## {name} ({len(part)} pieces, {sum(len(p['spans']) for p in part)} spans)", "",
                table(part), ""]
    for field in ("lang", "channel", "voice", "sector"):
        c = collections.Counter()
        for p in pieces:
            val = re.sub(r"\s*\([^)]*\)", "", p["_meta"][field]) if field == "lang" else p["_meta"][field]
            for v in (re.split(r"\+", val) if field == "lang" else [val]):
                c[v.strip()] += 1
        out += [f"## By {field} (a piece may count under several)", "",
                ", ".join(f"{k} {v}" for k, v in c.most_common()), ""]
    open("stats.md", "w", encoding="utf-8").write("\n".join(out))
    print(f"wrote all.jsonl ({len(pieces)}), dev.jsonl ({len(dev)}), heldout.jsonl ({len(held)}), stats.md")


if __name__ == "__main__":
    main()
