#!/usr/bin/env python3
"""Recompute check digits of every labelled ID / BANK / CARD span in all.jsonl.

Spoken forms ("zero two one double four ...", "v seven ... bracket zero",
"twenty four million ... dash four") are normalised first.  The format is
guessed from the shape of the number plus a few words of context before the
span (e.g. "ird", "aadhaar", "cpf", "rut", "cuil").  Formats without a check
digit (passports, PAN, MyKad, NIC, CCCD, cédula, licences, foreign accounts)
are listed as "no check digit".

Usage: python3 tools/check_ids.py [all.jsonl]     exit status 1 if anything fails
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkdigits import (valid_luhn, valid_iban, valid_aadhaar, valid_cn_ric, valid_ird,  # noqa: E402
                         valid_cpf, valid_hkid, valid_tw_id, valid_rut, valid_cuit,
                         valid_ua_tax, valid_za_id, valid_nz_bank)

DIG = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
       "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
CARD_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
              "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
              "nineteen": 19}
SCRIPT_DIGITS = str.maketrans("０１２３４５６７８９०१२३४५६७८९", "01234567890123456789")


def cardinal(words):
    total, cur = 0, 0
    for w in words:
        if w in DIG:
            cur += int(DIG[w])
        elif w in CARD_WORDS:
            cur += CARD_WORDS[w]
        elif w == "hundred":
            cur *= 100
        elif w == "thousand":
            total += cur * 1000
            cur = 0
        elif w == "million":
            total += cur * 1_000_000
            cur = 0
        elif w == "and":
            continue
        else:
            raise ValueError(w)
    return str(total + cur)


def normalise(s):
    s = s.translate(SCRIPT_DIGITS)
    words = s.lower().split()
    if not any(w in DIG or w in ("double", "triple") or w in CARD_WORDS for w in words):
        return s.upper()
    # spoken
    segs, cur = [], []
    for w in words:
        if w == "dash":
            segs.append(cur)
            cur = []
        else:
            cur.append(w)
    segs.append(cur)
    out = []
    for seg in segs:
        if any(w in ("hundred", "thousand", "million") or w in CARD_WORDS for w in seg):
            out.append(cardinal(seg))
            continue
        buf, i = "", 0
        while i < len(seg):
            w = seg[i]
            if w in ("double", "triple") and i + 1 < len(seg):
                buf += DIG.get(seg[i + 1], seg[i + 1].upper()) * (2 if w == "double" else 3)
                i += 2
                continue
            if w == "bracket":
                nxt = DIG.get(seg[i + 1], seg[i + 1].upper())
                buf += f"({nxt})"
                i += 2
                continue
            buf += DIG.get(w, w.upper())
            i += 1
        out.append(buf)
    return "-".join(out)


def compact(s):
    return re.sub(r"[\s.\-()/]", "", s)


def classify(kind, norm, ctx, spoken=False):
    c = compact(norm)
    ctx = ctx.lower()
    if kind == "CARD":
        return "Luhn card", valid_luhn(c)
    if kind == "BANK":
        # NZ accounts are written 2-4-7-2/3 with dashes (or spaces), or spoken as one digit run
        m = re.fullmatch(r"(\d{2})[- ](\d{4})[- ](\d{7})[- ](\d{2,3})", norm.strip())
        if not m and spoken:
            m = re.fullmatch(r"(\d{2})(\d{4})(\d{7})(\d{2,3})", c)
        if m and m.group(1) in ("01", "02", "03", "06", "12", "38"):
            return "NZ bank (IRD algorithm A/B)", valid_nz_bank(*m.groups())
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", c):
            return "IBAN mod 97", valid_iban(c)
        return "foreign account, no check digit", None
    # ID
    if "aadhaar" in ctx and len(c) == 12:
        return "Aadhaar Verhoeff", valid_aadhaar(c)
    if "ird" in ctx:
        return "NZ IRD mod 11", valid_ird(c)
    if "cpf" in ctx:
        return "Brazil CPF", valid_cpf(c)
    if "rut" in ctx:
        return "Chile RUT mod 11", valid_rut(c)
    if "cuil" in ctx:
        return "Argentina CUIL mod 11", valid_cuit(c)
    if re.fullmatch(r"\d{17}[\dX]", c):
        return "China RIC ISO 7064", valid_cn_ric(c)
    if re.fullmatch(r"[A-Z]{1,2}\d{6}\([0-9A]\)", norm.replace(" ", "")) or "hkid" in ctx:
        return "HKID mod 11", valid_hkid(norm.replace(" ", ""))
    if re.fullmatch(r"[A-Z][12]\d{8}", c):
        return "Taiwan ID", valid_tw_id(c)
    if ("tax number" in ctx or "rnokpp" in ctx) and len(c) == 10:
        return "Ukraine RNOKPP", valid_ua_tax(c)
    if re.fullmatch(r"\d{13}", c) and ("za id" in ctx or "south africa" in ctx or "id number" in ctx):
        return "South Africa ID Luhn", valid_za_id(c)
    if "licence no" in ctx:
        return "NZ adviser licence, no check digit", None
    return "no check digit in format", None


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "all.jsonl"
    bad = 0
    rows = []
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        b = r["text"].encode("utf-8")
        for sp in r["spans"]:
            if sp["kind"] not in ("ID", "BANK", "CARD"):
                continue
            text = b[sp["start"]:sp["end"]].decode("utf-8")
            ctx = b[max(0, sp["start"] - 60):sp["start"]].decode("utf-8", "ignore")
            norm = normalise(text)
            spoken = bool(re.search(r"\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", text.lower()))
            fmt, ok = classify(sp["kind"], norm, ctx, spoken)
            status = "n/a" if ok is None else ("OK" if ok else "FAIL")
            bad += ok is False
            rows.append((r["id"], sp["kind"], sp["role"], text, norm, fmt, status))
    for row in rows:
        print(f"{row[0]}  {row[1]:4s} {row[2]:8s} {row[6]:4s}  {row[5]:34s} {row[4]}")
    n_checked = sum(1 for x in rows if x[6] != "n/a")
    print(f"\n{len(rows)} ID/BANK/CARD spans, {n_checked} with a check digit, {bad} failures")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
