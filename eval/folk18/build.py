#!/usr/bin/env python3
"""Build the folk18 test set from source.txt.

source.txt: a header line `# NNN | lang | voice | channel | sector | pii` before
each piece, the piece on the next line (literal `\\n` = line break). Inline spans
`{KIND|role|text}`; look-alikes that must not be redacted `{NEUTRAL|-|text}`.
The pii field is `none` or the comma-separated kinds present in the piece.

Writes all.jsonl, dev.jsonl (35%), heldout.jsonl (65%), stats.md.
Offsets are UTF-8 byte offsets, end exclusive.
Exit status 1 on any error.
"""
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = "folk18"
KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "PLATE",
         "HANDLE", "IP"]
ROLES = ["reporter", "subject", "third"]
SPAN_RE = re.compile(r"\{([A-Z]+)\|([a-z\-]*)\|([^{}]*)\}")
HEAD_RE = re.compile(r"^# (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+)$")

errors = []
warnings = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def warn(pid, msg):
    warnings.append(f"{pid}: {msg}")


# ------------------------------------------------------------------ checks
def ascii_digits(s):
    out = []
    for ch in s:
        d = unicodedata.decimal(ch, None)
        out.append(str(d) if d is not None else ch)
    return "".join(out)


def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0


def ird_ok(num):
    num = num.zfill(9)
    if len(num) != 9 or not (10_000_000 <= int(num) <= 150_000_000):
        return False
    for w in ([3, 2, 7, 6, 5, 4, 3, 2], [7, 4, 3, 2, 5, 2, 7, 6]):
        r = sum(int(a) * b for a, b in zip(num[:8], w)) % 11
        c = 0 if r == 0 else 11 - r
        if c != 10:
            return c == int(num[8])
    return False


NZW = {"A": [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
       "B": [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0],
       "D": [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0]}
NZ_BRANCH = {"01": [(1, 999), (1100, 1199), (1800, 1899)], "02": [(1, 999), (1200, 1299)],
             "03": [(1, 999), (1300, 1399), (1500, 1599), (1700, 1799), (1900, 1999)],
             "06": [(1, 999), (1400, 1499)], "11": [(5000, 6999)],
             "12": [(3000, 3299), (3400, 3499), (3600, 3699)], "38": [(9000, 9499)]}


def nz_bank_ok(bank, branch, acct, suf):
    if bank not in NZ_BRANCH:
        return False
    if not any(lo <= int(branch) <= hi for lo, hi in NZ_BRANCH[bank]):
        return False
    a8 = acct.zfill(8)
    digits = bank + branch + a8 + suf.zfill(4)
    alg = "A" if int(a8) < 990000 else "B"
    return sum(int(d) * w for d, w in zip(digits, NZW[alg])) % 11 == 0


def iban_ok(s):
    s = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in s)) % 97 == 1
    except ValueError:
        return False


VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]


def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0


def cn_id_ok(s):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    y, m, d = int(s[6:10]), int(s[10:12]), int(s[12:14])
    if not (1900 < y < 2020 and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    return "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11] == s[17].upper()


def thai_ok(s):
    return (11 - sum(int(s[i]) * (13 - i) for i in range(12)) % 11) % 10 == int(s[12])


def rrn_ok(s):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(s[:12], w)) % 11) % 10 == int(s[12])


TW_L = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_ok(s):
    n = TW_L[s[0]]
    t = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(s[1:9], [8, 7, 6, 5, 4, 3, 2, 1])) + int(s[9])
    return t % 10 == 0


def pesel_ok(s):
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return (10 - sum(int(a) * b for a, b in zip(s[:10], w)) % 10) % 10 == int(s[10])


PH_PREFIX = {"905", "906", "915", "916", "917", "926", "927", "935", "936", "945", "953",
             "954", "955", "956", "965", "966", "967", "975", "976", "977", "978", "979",
             "995", "997", "907", "908", "909", "910", "912", "918", "919", "920", "921",
             "928", "929", "930", "938", "939", "946", "947", "948", "949", "950", "951",
             "961", "998", "999", "922", "923", "924", "925", "931", "932", "933", "934",
             "940", "941", "942", "943", "973", "974", "991", "992", "993", "994", "895",
             "896", "897", "898", "817", "813", "911", "913", "914", "970", "981", "989"}

MASK = re.compile(r"[xX*•#…]|\.\.\.")
SEP = re.compile(r"[\s\-./()\u00a0]")
IRD_CTX = re.compile(r"IRD|tax|Tax|TAX|税|thuế|thue|pajak|buwis|ภาษี|PAYE|GST", re.I)
AADHAAR_CTX = re.compile(r"aadha+r|adhar|आधार|ਆਧਾਰ|ఆధార్|ஆதார்|ആധാർ|আধার|આધાર|UIDAI|\bUID\b", re.I)
THAI_CTX = re.compile(r"Thai|ไทย|บัตรประชาชน|ประชาชน", re.I)
checked = Counter()
unchecked = []


def check_span(pid, kind, txt, before):
    raw = ascii_digits(txt)
    if MASK.search(txt) and kind in ("CARD", "BANK", "ID", "PHONE"):
        checked["masked/skip"] += 1
        return
    flat = SEP.sub("", raw)
    if kind == "CARD":
        if flat.isdigit() and 12 <= len(flat) <= 19:
            if not luhn_ok(flat):
                err(pid, f"card fails Luhn: {txt}")
            checked["card-luhn"] += 1
        else:
            unchecked.append((pid, kind, txt))
    elif kind == "BANK":
        m = re.fullmatch(r"(\d{2})[\s\-]?(\d{4})[\s\-]?(\d{7,8})[\s\-]?(\d{2,3})", raw.strip())
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", flat):
            if not iban_ok(flat):
                err(pid, f"IBAN fails mod 97: {txt}")
            checked["iban"] += 1
        elif re.fullmatch(r"(\+?63|0)9\d{9}", flat):
            core = flat[-10:]
            if core[:3] not in PH_PREFIX:
                err(pid, f"Philippine wallet/mobile bad prefix: {txt}")
            checked["ph-wallet"] += 1
        elif m and m.group(1) in NZ_BRANCH:
            if not nz_bank_ok(*m.groups()):
                err(pid, f"NZ bank account fails: {txt}")
            checked["nz-bank"] += 1
        else:
            unchecked.append((pid, kind, txt))
    elif kind == "ID":
        ctx = before[-80:]
        if re.fullmatch(r"\d{17}[\dXx]", flat):
            if not cn_id_ok(flat):
                err(pid, f"Chinese ID fails: {txt}")
            checked["cn-id"] += 1
        elif re.fullmatch(r"\d{6}-\d{7}", raw.strip()):
            if not rrn_ok(flat):
                err(pid, f"Korean RRN fails: {txt}")
            checked["kr-rrn"] += 1
        elif re.fullmatch(r"[A-Z][12]\d{8}", flat):
            if not tw_ok(flat):
                err(pid, f"Taiwan ID fails: {txt}")
            checked["tw-id"] += 1
        elif re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", flat):
            checked["pan-shape"] += 1
        elif flat.isdigit() and len(flat) == 13 and (THAI_CTX.search(ctx) or re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", raw.strip())):
            if not thai_ok(flat):
                err(pid, f"Thai ID fails: {txt}")
            checked["th-id"] += 1
        elif flat.isdigit() and len(flat) == 11 and re.search(r"PESEL", ctx, re.I):
            if not pesel_ok(flat):
                err(pid, f"PESEL fails: {txt}")
            checked["pesel"] += 1
        elif flat.isdigit() and len(flat) == 12 and AADHAAR_CTX.search(ctx + txt):
            if not verhoeff_ok(flat) or flat[0] in "01":
                err(pid, f"Aadhaar fails Verhoeff: {txt}")
            checked["aadhaar"] += 1
        elif flat.isdigit() and len(flat) in (8, 9) and IRD_CTX.search(ctx):
            if not ird_ok(flat):
                err(pid, f"IRD fails mod 11: {txt}")
            checked["ird"] += 1
        else:
            unchecked.append((pid, kind, txt))
    elif kind == "PHONE":
        if not flat.lstrip("+").isdigit():
            return
        f = flat.lstrip("+")
        if f.startswith("0063"):
            f = f[2:]
        if f.startswith("639") or (f.startswith("09") and len(f) == 11):
            core = f[2:] if f.startswith("63") else f[1:]
            if len(core) != 10 or core[:3] not in PH_PREFIX:
                err(pid, f"Philippine mobile bad shape/prefix: {txt}")
            checked["ph-mobile"] += 1
        elif f.startswith("642") or f.startswith("02"):
            core = f[2:] if f.startswith("64") else f[1:]
            if not (8 <= len(core) <= 10):
                err(pid, f"NZ mobile bad length: {txt}")
            checked["nz-mobile"] += 1


# ------------------------------------------------------------------ parse
def parse(path):
    pieces = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        if ln.startswith("#"):
            m = HEAD_RE.match(ln.rstrip())
            if not m:
                err(f"line {i+1}", f"bad header: {ln}")
                i += 1
                continue
            if i + 1 >= len(lines) or not lines[i + 1].strip() or lines[i + 1].startswith("#"):
                err(m.group(1), "header without text line")
                i += 1
                continue
            pieces.append((m.groups(), lines[i + 1], i + 2))
            i += 2
            continue
        err(f"line {i+1}", "text line without header")
        i += 1
    return pieces


def render(pid, raw):
    text_parts = []
    spans, neutral = [], []
    pos_b = 0
    last = 0
    for m in SPAN_RE.finditer(raw):
        pre = raw[last:m.start()].replace("\\n", "\n")
        text_parts.append(pre)
        pos_b += len(pre.encode("utf-8"))
        kind, role, txt = m.groups()
        txt = txt.replace("\\n", "\n")
        before = "".join(text_parts)
        if not txt:
            err(pid, f"empty span {m.group(0)}")
        if txt != txt.strip():
            err(pid, f"outer whitespace in span {m.group(0)!r}")
        if kind == "NEUTRAL":
            if role != "-":
                err(pid, f"NEUTRAL must have role '-': {m.group(0)}")
        elif kind not in KINDS:
            err(pid, f"unknown kind {kind}")
        elif role not in ROLES:
            err(pid, f"unknown role {role!r} in {m.group(0)}")
        else:
            check_span(pid, kind, txt, before)
        start = pos_b
        end = start + len(txt.encode("utf-8"))
        text_parts.append(txt)
        pos_b = end
        rec = {"start": start, "end": end, "kind": kind}
        if kind == "NEUTRAL":
            neutral.append(rec)
        else:
            rec["role"] = role
            spans.append(rec)
        last = m.end()
    tail = raw[last:].replace("\\n", "\n")
    text_parts.append(tail)
    text = "".join(text_parts)
    # leftover markup
    stripped = SPAN_RE.sub("", raw)
    if "{" in stripped or "}" in stripped:
        err(pid, "stray brace / malformed span: " + stripped[max(0, stripped.find('{') - 30):stripped.find('{') + 40])
    if "|" in stripped and re.search(r"\b(NAME|PHONE|EMAIL|ADDRESS|ID|BANK|CARD|DOB|PLATE|HANDLE|IP|NEUTRAL)\|", stripped):
        err(pid, "malformed span (kind| outside braces)")
    return text, spans, neutral


def main():
    src = HERE / "source.txt"
    pieces = parse(src)
    recs = []
    seen = set()
    for (num, lang, voice, channel, sector, pii), raw, lineno in pieces:
        pid = num
        if num in seen:
            err(pid, "duplicate number")
        seen.add(num)
        text, spans, neutral = render(pid, raw)
        if text != text.strip():
            warn(pid, "piece has outer whitespace")
        tb = text.encode("utf-8")
        allsp = sorted(spans + neutral, key=lambda s: s["start"])
        for a, b in zip(allsp, allsp[1:]):
            if b["start"] < a["end"]:
                err(pid, "overlapping spans")
        for s in allsp:
            seg = tb[s["start"]:s["end"]].decode("utf-8")
            if not seg or seg != seg.strip():
                err(pid, f"bad offsets {s}")
        kinds_present = sorted({s["kind"] for s in spans})
        pii = pii.strip()
        if pii == "none":
            if spans:
                err(pid, f"pii=none but has spans {kinds_present}")
        else:
            declared = sorted(k.strip() for k in pii.split(","))
            if declared != kinds_present:
                err(pid, f"pii field {declared} != spans {kinds_present}")
        recs.append({"id": f"{SET}-{int(num):04d}", "text": text, "spans": spans,
                     "neutral": neutral,
                     "_meta": {"lang": lang.strip(), "voice": voice.strip(),
                               "channel": channel.strip(), "sector": sector.strip()}})
    nums = sorted(int(n) for n in seen)
    if nums and nums != list(range(1, len(nums) + 1)):
        warn("-", "piece numbers not contiguous from 001")

    for w in warnings:
        print("WARN", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} errors")
        sys.exit(1)

    def dump(path, rs):
        with open(path, "w", encoding="utf-8") as f:
            for r in rs:
                o = {k: r[k] for k in ("id", "text", "spans", "neutral")}
                f.write(json.dumps(o, ensure_ascii=False) + "\n")

    dump(HERE / "all.jsonl", recs)
    order = list(recs)
    random.Random(1818).shuffle(order)
    ndev = round(len(order) * 0.35)
    dev = sorted(order[:ndev], key=lambda r: r["id"])
    held = sorted(order[ndev:], key=lambda r: r["id"])
    dump(HERE / "dev.jsonl", dev)
    dump(HERE / "heldout.jsonl", held)

    # ------------------------------------------------------------ stats
    def table(rs):
        c = Counter((s["kind"], s["role"]) for r in rs for s in r["spans"])
        lines = ["| kind | reporter | subject | third | total |", "|---|---:|---:|---:|---:|"]
        for k in KINDS:
            row = [c[(k, ro)] for ro in ROLES]
            lines.append(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        tot = [sum(c[(k, ro)] for k in KINDS) for ro in ROLES]
        lines.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
        nneu = sum(len(r["neutral"]) for r in rs)
        nnone = sum(1 for r in rs if not r["spans"])
        lines.append("")
        lines.append(f"pieces: {len(rs)}; without personal detail: {nnone}; NEUTRAL spans: {nneu}")
        return "\n".join(lines)

    lens = [len(r["text"]) for r in recs]
    md = [f"# {SET} statistics", "",
          f"Pieces: {len(recs)} (dev {len(dev)}, held out {len(held)}; split seed 1818, 35% dev)", "",
          f"Length in characters: min {min(lens)}, median {int(statistics.median(lens))}, "
          f"mean {int(statistics.mean(lens))}, max {max(lens)}", ""]
    for name, rs in (("All", recs), ("Dev", dev), ("Held out", held)):
        md += [f"## {name}", "", table(rs), ""]
    for field in ("lang", "voice", "channel", "sector"):
        c = Counter(r["_meta"][field] for r in recs)
        md += [f"## {field}", "", ", ".join(f"{k} {v}" for k, v in c.most_common()), ""]
    md += ["## Check digits verified by build.py", "",
           ", ".join(f"{k} {v}" for k, v in sorted(checked.items())), "",
           f"ID/BANK/CARD spans with no check-digit format: {len(unchecked)}", ""]
    (HERE / "stats.md").write_text("\n".join(md), encoding="utf-8")
    print(f"OK {len(recs)} pieces, {sum(len(r['spans']) for r in recs)} spans, "
          f"{sum(len(r['neutral']) for r in recs)} neutral; dev {len(dev)} held {len(held)}")
    print("checked:", dict(checked))
    if "-v" in sys.argv:
        for u in unchecked:
            print("unchecked", *u)


if __name__ == "__main__":
    main()
