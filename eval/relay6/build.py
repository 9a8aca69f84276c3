"""Build set relay6 from source.txt.

Parses the inline labels, checks every span, writes all.jsonl, dev.jsonl, heldout.jsonl,
stats.md and checks.log (one line per ID/BANK/CARD/PHONE span with the check applied).
Exit status 1 when any error is found.
"""
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

from checks import (to_ascii_digits, digits_of, MASK_RE, ird_valid, nz_bank_valid,
                    nz_bank_parts, iban_valid, luhn_valid, aadhaar_valid, cn_id_valid,
                    pan_valid, thai_valid, krrn_valid, cpf_valid, nie_valid, nhi_valid,
                    ph_mobile_valid, nz_phone_shape, gs1_valid)

SET = "relay6"
SEED = 6061
DEV_FRAC = 0.35
KINDS = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"}
ROLES = {"reporter", "subject", "third"}
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| (yes|no)$")
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z\-]+)\|([^{}]*)\}")

IRD_KW = ("ird", "tax", "taake", "kaute", "税", "टैक्स", "ਟੈਕਸ", "thuế", "pajak",
          "buwis", "налог", "tin", "ضريب")
AADHAAR_KW = ("aadhaar", "aadhar", "adhar", "आधार", "ਆਧਾਰ", "আধার", "ஆதார்", "uid")
THAI_KW = ("บัตรประชาชน", "thai id", "เลขประจำตัว", "id card", "บัตร")

NOSPACE_SCRIPTS = r"[\u0900-\u0DFF\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\uAC00-\uD7AF\u4E00-\u9FFF\u0600-\u06FF\u3040-\u30FF]"
errors = []
checklog = []


def err(msg):
    errors.append(msg)


def check_value(pid, kind, role, text, ctx):
    """Check digits / shapes. ctx: lower-cased text before the span."""
    t = to_ascii_digits(text)
    masked = bool(MASK_RE.search(text))
    d = digits_of(text)
    status = "unchecked"
    near = ctx[-90:]
    if kind == "CARD":
        if masked or len(d) < 12:
            status = "masked/partial"
        else:
            status = "luhn ok" if luhn_valid(d) else "LUHN FAIL"
    elif kind == "BANK":
        compact = re.sub(r"[\s\-]", "", t).upper()
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            status = "iban ok" if iban_valid(compact) else "IBAN FAIL"
        elif masked:
            status = "masked/partial"
        elif len(d) == 11 and d.startswith("09"):
            status = "ph wallet ok" if ph_mobile_valid(d) else "PH WALLET FAIL"
        elif len(d) in (15, 16) and nz_bank_parts(f"{d[:2]}-{d[2:6]}-{d[6:13]}-{d[13:]}") \
                and d[:2] in ("01", "02", "03", "06", "11", "12", "15", "38"):
            status = "nzbank ok" if nz_bank_valid(f"{d[:2]}-{d[2:6]}-{d[6:13]}-{d[13:]}") else "NZBANK FAIL"
    elif kind == "ID":
        compact = re.sub(r"\s", "", t).upper()
        if masked:
            status = "masked/partial"
        elif re.fullmatch(r"\d{17}[\dX]", compact):
            status = "cn ok" if cn_id_valid(compact) else "CN FAIL"
        elif re.fullmatch(r"[A-Z]{5}\d{4}[A-Z]", compact):
            status = "pan ok" if pan_valid(compact) else "PAN FAIL"
        elif re.fullmatch(r"[A-Z]{3}\d{4}", compact) and "nhi" in near:
            status = "nhi ok" if nhi_valid(compact) else "NHI FAIL"
        elif re.fullmatch(r"\d{6}-\d{7}", compact):
            status = "krrn ok" if krrn_valid(compact) else "KRRN FAIL"
        elif re.fullmatch(r"\d{3}\.?\d{3}\.?\d{3}-?\d{2}", compact) and ("cpf" in near):
            status = "cpf ok" if cpf_valid(compact) else "CPF FAIL"
        elif re.fullmatch(r"[XYZ]-?\d{7}-?[A-Z]", compact):
            status = "nie ok" if nie_valid(compact) else "NIE FAIL"
        elif len(d) == 13 and "nzbn" in near:
            status = "nzbn ok" if gs1_valid(d) else "NZBN FAIL"
        elif len(d) == 13 and (re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", compact) or any(k in near for k in THAI_KW)):
            status = "thai ok" if thai_valid(d) else "THAI FAIL"
        elif len(d) == 12 and any(k in near for k in AADHAAR_KW):
            status = "aadhaar ok" if aadhaar_valid(d) else "AADHAAR FAIL"
        elif len(d) in (8, 9) and (any(k in near for k in IRD_KW)
                                  or re.fullmatch(r"\d{2,3}[- ]\d{3}[- ]\d{3}", t.strip())):
            status = "ird ok" if ird_valid(d) else "IRD FAIL"
    elif kind == "PHONE":
        if masked or len(d) < 7:
            status = "masked/partial"
        elif d.startswith("63") or (d.startswith("09") and len(d) == 11):
            status = "ph ok" if ph_mobile_valid(d) else "PH FAIL"
        elif d.startswith("64"):
            status = "nz ok" if nz_phone_shape(d[2:]) else "NZ SHAPE?"
        elif d.startswith("0") and not d.startswith("00") and not d.startswith("0800"):
            status = "nz ok" if nz_phone_shape(d[1:]) else "NZ SHAPE?"
        else:
            status = "foreign/unchecked"
    else:
        return
    checklog.append(f"{pid}\t{kind}\t{role}\t{status}\t{text}")
    if "FAIL" in status:
        err(f"{pid}: {kind} {text!r}: {status}")


def parse_piece(pid, raw):
    text_parts, spans, neutral = [], [], []
    pos = 0  # char offset in output text
    i = 0
    for m in SPAN_RE.finditer(raw):
        before = raw[i:m.start()]
        if "{" in before or "}" in before:
            err(f"{pid}: stray brace near {before[-40:]!r}")
        before = before.replace("\\n", "\n")
        text_parts.append(before)
        pos += len(before)
        kind, role, val = m.groups()
        val_text = val.replace("\\n", "\n")
        if not val_text or val_text != val_text.strip():
            err(f"{pid}: empty or padded span {m.group(0)!r}")
        start, end = pos, pos + len(val_text)
        if kind == "NEUTRAL":
            if role != "-":
                err(f"{pid}: NEUTRAL role must be '-': {m.group(0)!r}")
            neutral.append((start, end))
        else:
            if kind not in KINDS:
                err(f"{pid}: unknown kind {kind!r}")
            if role not in ROLES:
                err(f"{pid}: unknown role {role!r} in {m.group(0)!r}")
            spans.append((start, end, kind, role))
        text_parts.append(val_text)
        pos = end
        i = m.end()
    rest = raw[i:]
    if "{" in rest or "}" in rest:
        err(f"{pid}: stray brace near {rest[:60]!r}")
    text_parts.append(rest.replace("\\n", "\n"))
    text = "".join(text_parts)
    # overlap check
    allsp = sorted([(s, e) for s, e, *_ in spans] + neutral)
    for (s1, e1), (s2, e2) in zip(allsp, allsp[1:]):
        if s2 < e1:
            err(f"{pid}: overlapping spans at {s1}-{e1} / {s2}-{e2}")
    for s, e, kind, role in spans:
        check_value(pid, kind, role, text[s:e], text[:s].lower())
        # span edges should not cut a word
        if s > 0 and text[s - 1].isalnum() and text[s].isalnum() and kind != "NAME":
            if not re.match(NOSPACE_SCRIPTS, text[s - 1]):
                err(f"{pid}: span {text[s:e]!r} starts inside a word")
        if e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
            if not re.match(NOSPACE_SCRIPTS, text[e]):
                err(f"{pid}: span {text[s:e]!r} ends inside a word (next {text[e]!r})")
    return text, spans, neutral


def byte_off(text, i):
    return len(text[:i].encode("utf-8"))


def main():
    lines = open("source.txt", encoding="utf-8").read().split("\n")
    pieces = []
    header = None
    expect = 1
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = HEAD_RE.match(line)
            if not m:
                err(f"line {ln}: bad header {line!r}")
                header = None
                continue
            if header is not None:
                err(f"line {ln}: header without piece before it")
            header = m.groups()
            if int(header[0]) != expect:
                err(f"line {ln}: expected piece {expect:03d}, got {header[0]}")
            expect = int(header[0]) + 1
            continue
        if header is None:
            err(f"line {ln}: piece without header")
            continue
        num, lang, voice, channel, sector, pii = [h.strip() for h in header]
        pid = f"{SET}-{int(num):04d}"
        text, spans, neutral = parse_piece(pid, line)
        if (pii == "yes") != bool(spans):
            err(f"{pid}: header pii={pii} but {len(spans)} spans")
        pieces.append({
            "meta": dict(lang=lang, voice=voice, channel=channel, sector=sector, pii=pii),
            "obj": {
                "id": pid, "text": text,
                "spans": [{"start": byte_off(text, s), "end": byte_off(text, e),
                           "kind": k, "role": r} for s, e, k, r in spans],
                "neutral": [{"start": byte_off(text, s), "end": byte_off(text, e),
                             "kind": "NEUTRAL"} for s, e in neutral],
            }})
        header = None
    if header is not None:
        err("trailing header without piece")

    # verify byte offsets round-trip
    for p in pieces:
        b = p["obj"]["text"].encode("utf-8")
        for sp in p["obj"]["spans"] + p["obj"]["neutral"]:
            seg = b[sp["start"]:sp["end"]].decode("utf-8")
            if not seg or seg != seg.strip():
                err(f"{p['obj']['id']}: bad byte span {seg!r}")

    with open("all.jsonl", "w", encoding="utf-8") as f:
        for p in pieces:
            f.write(json.dumps(p["obj"], ensure_ascii=False) + "\n")
    order = list(range(len(pieces)))
    random.Random(SEED).shuffle(order)
    ndev = round(len(pieces) * DEV_FRAC)
    dev = [pieces[i] for i in order[:ndev]]
    held = [pieces[i] for i in order[ndev:]]
    for name, part in (("dev.jsonl", dev), ("heldout.jsonl", held)):
        with open(name, "w", encoding="utf-8") as f:
            for p in part:
                f.write(json.dumps(p["obj"], ensure_ascii=False) + "\n")
    with open("checks.log", "w", encoding="utf-8") as f:
        f.write("\n".join(checklog) + "\n")
    write_stats(pieces, dev, held)

    print(f"{len(pieces)} pieces, {sum(len(p['obj']['spans']) for p in pieces)} spans, "
          f"dev {len(dev)}, heldout {len(held)}")
    if errors:
        print(f"{len(errors)} ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("no errors")


def table(part):
    c = Counter((s["kind"], s["role"]) for p in part for s in p["obj"]["spans"])
    kinds = sorted({k for k, _ in c})
    rows = ["| kind | reporter | subject | third | total |", "|---|---|---|---|---|"]
    for k in kinds:
        r = [c[(k, x)] for x in ("reporter", "subject", "third")]
        rows.append(f"| {k} | " + " | ".join(map(str, r)) + f" | {sum(r)} |")
    tot = [sum(c[(k, x)] for k in kinds) for x in ("reporter", "subject", "third")]
    rows.append("| **all** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    neu = sum(len(p["obj"]["neutral"]) for p in part)
    return "\n".join(rows) + f"\n\nNEUTRAL spans: {neu}\n"


def write_stats(pieces, dev, held):
    out = [f"# Stats for set {SET}\n"]
    for name, part in (("all", pieces), ("dev", dev), ("heldout", held)):
        lens = [len(p["obj"]["text"]) for p in part]
        nopii = sum(1 for p in part if not p["obj"]["spans"])
        out.append(f"## {name}: {len(part)} pieces\n")
        out.append(f"- pieces without personal detail: {nopii} ({nopii / max(1, len(part)):.0%})")
        out.append(f"- length in characters: min {min(lens)}, median {int(statistics.median(lens))}, "
                   f"mean {int(statistics.mean(lens))}, max {max(lens)}, total {sum(lens)}")
        out.append(f"- spans: {sum(len(p['obj']['spans']) for p in part)}\n")
        out.append(table(part))
    for field in ("channel", "voice", "lang", "sector"):
        c = Counter()
        for p in pieces:
            for v in re.split(r"\s*\+\s*", p["meta"][field]) if field == "lang" else [p["meta"][field]]:
                c[v] += 1
        out.append(f"## by {field} (all)\n")
        out.append(", ".join(f"{k} {v}" for k, v in c.most_common()) + "\n")
    open("stats.md", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
