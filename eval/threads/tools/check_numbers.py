"""Recompute the check digits of every labelled check-digit number in source.txt.

    python3 tools/check_numbers.py          # summary + failures (exit 1 on any failure)
    python3 tools/check_numbers.py -v       # also list every checked and every unchecked number

A labelled ID / BANK / CARD span is assigned to a scheme by its shape and by
keywords in the 60 characters before it (e.g. "IRD", "PESEL", "CPF", "NIK").
Numbers whose scheme has no public check digit (passports, visa / client
numbers, licences, employee IDs, PAN, CNIC, NIC, CCCD, NIK, MyKad, PhilSys,
foreign domestic account numbers, ...) are listed as 'format only'.
"""
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import checkdigits as cd  # noqa: E402
import build  # noqa: E402


def classify(kind, text, before):
    t = cd.ascii_digits_keep_sep(text).strip()
    ctx = before.split("\n")[-1][-60:].lower()
    compact = re.sub(r"[\s.-]", "", t)
    if kind == "CARD":
        return "card_luhn", cd.valid_luhn
    if kind == "BANK":
        if re.fullmatch(r"\d{2}[\s-]?\d{4}[\s-]?\d{7,8}[\s-]?\d{2,4}", t):
            return "nz_bank", cd.valid_nzbank
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            return "iban", cd.valid_iban
        return None, None
    # ID: keyword must be on the same line, shortly before the number, and
    # the number must have the scheme's length
    n = len(re.sub(r"\D", "", t))
    if "pesel" in ctx and n == 11:
        return "pl_pesel", cd.valid_pesel
    if "cnp" in ctx and n == 13:
        return "ro_cnp", cd.valid_cnp
    if n == 11 and ("cpf" in ctx or re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", t)):
        return "br_cpf", cd.valid_cpf
    if re.fullmatch(r"\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]", t) and ("rut" in ctx or "." in t):
        return "cl_rut", cd.valid_rut
    if "nhi" in ctx and re.fullmatch(r"[A-Za-z]{3}\d{4}", t):
        return "nz_nhi", cd.valid_nhi
    if n == 12 and ("aadhaar" in ctx or "आधार" in ctx or "ਆਧਾਰ" in ctx):
        return "in_aadhaar", cd.valid_aadhaar
    if re.fullmatch(r"\d{17}[\dX]", compact):
        return "cn_rid", cd.valid_cnid
    if n == 13 and (re.fullmatch(r"\d-\d{4}-\d{5}-\d{2}-\d", t) or "ประชาชน" in ctx or "thai id" in ctx):
        return "th_id", cd.valid_thid
    if re.fullmatch(r"\d{6}-?[1-4]\d{6}", t) and ("주민" in ctx or "rrn" in ctx):
        return "kr_rrn", cd.valid_rrn
    if re.search(r"\bird\b", ctx) and n in (8, 9):
        return "nz_ird", cd.valid_ird
    return None, None


def main():
    verbose = "-v" in sys.argv
    pieces = build.parse_source(os.path.join(os.path.dirname(HERE), "source.txt"))
    counts, failures, unchecked, checked = Counter(), [], [], []
    for p in pieces:
        b = p["text"].encode("utf-8")
        for s in p["spans"]:
            if s["kind"] not in ("ID", "BANK", "CARD"):
                continue
            text = s["_text"]
            before = b[:s["start"]].decode("utf-8")
            scheme, fn = classify(s["kind"], text, before)
            if scheme is None:
                ctx = before[-40:].replace("\n", " / ")
                unchecked.append((p["id"], s["kind"], text, ctx))
                counts["format only (" + s["kind"] + ")"] += 1
                continue
            ok = fn(text)
            counts[scheme + (" ok" if ok else " FAIL")] += 1
            checked.append((p["id"], scheme, text, ok))
            if not ok:
                failures.append((p["id"], scheme, text))
    print("Check-digit verification of labelled numbers")
    for k, v in sorted(counts.items()):
        print(f"  {k:28s} {v}")
    if verbose:
        print("\nChecked:")
        for pid, scheme, text, ok in checked:
            print(f"  {pid} {scheme:11s} {'ok  ' if ok else 'FAIL'} {text}")
        print("\nFormat only (no public check digit, or scheme not recognised):")
        for pid, kind, text, ctx in unchecked:
            print(f"  {pid} {kind:5s} {text!r:40s} after: ...{ctx}")
    if failures:
        print("\nFAILURES:")
        for f in failures:
            print("  ", *f)
        sys.exit(1)
    print("\nall check digits valid")


if __name__ == "__main__":
    main()
