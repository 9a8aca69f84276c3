#!/usr/bin/env python3
"""Recompute the check digits of every labelled check-digit number in voices3.

    python3 tools/check_numbers.py          (reads ../source.txt via build.py)

For each ID / BANK / CARD span the scheme is inferred from the shape of the
number and, where the shape alone is ambiguous, from words up to 200 bytes before it in
the same tip (e.g. "IRD", "Aadhaar"/"आधार", "CPF", "RUT", Thai "ประชาชน").
Digits in other scripts (Devanagari, Gujarati, Thai, full-width ...) are
mapped to ASCII first.  Masked numbers (x, *, •) are reported and skipped.
ID spans with no check-digit scheme (passports, visa numbers, employee IDs
...) are listed so a reviewer can confirm none was missed.
Exit status 1 if any number fails its check.
"""
import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import checkdigits as cd  # noqa: E402
import build  # noqa: E402

MASK = re.compile(r"[xX*•]")
CTX = {
    "aadhaar": re.compile(r"aadhaa?r|आधार|આધાર|ਆਧਾਰ|ఆధార్|ആധാർ|ஆதார்", re.I),
    "ird": re.compile(r"\bIRD\b|tax (?:number|no)|myIR", re.I),
    "thid": re.compile(r"Thai ID|ประชาชน|บัตรประจำตัว", re.I),
    "krrrn": re.compile(r"주민"),
    "cpf": re.compile(r"\bCPF\b"),
    "rut": re.compile(r"\bRUT\b"),
    "cnid": re.compile(r"身份证|身份證|ID card|resident ID", re.I),
}


def infer(kind, value, before):
    n = cd.only_alnum(value)
    if kind == "CARD":
        return "masked" if MASK.search(value) else "luhn"
    if kind == "BANK":
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", n):
            return "iban"
        if re.fullmatch(r"\d{2}[- ]\d{4}[- ]\d{7}[- ]\d{2,3}", cd.ascii_digits(value).strip()):
            return "nzbank"
        return None
    # ID
    if MASK.search(value) and not n.isdigit() and re.search(r"\d", n) is None:
        return "masked"
    if re.fullmatch(r"\d{17}[\dX]", n):
        return "cnid"
    for scheme in ("aadhaar", "ird", "thid", "krrrn", "cpf", "rut"):
        if CTX[scheme].search(before):
            if scheme == "aadhaar" and len(n) == 12:
                return scheme
            if scheme == "ird" and n.isdigit() and len(n) in (8, 9):
                return scheme
            if scheme == "thid" and len(n) == 13:
                return scheme
            if scheme == "krrrn" and len(n) == 13:
                return scheme
            if scheme == "cpf" and len(n) == 11:
                return scheme
            if scheme == "rut" and 8 <= len(n) <= 9:
                return scheme
    return None


def load_pool():
    pool = set()
    p = HERE / "number_pool.txt"
    if p.exists():
        for line in p.read_text().splitlines():
            if "\t" in line:
                scheme, v = line.split("\t")
                pool.add(cd.only_alnum(v).lstrip("0"))
    return pool


def main():
    records, _ = build.load(HERE.parent / "source.txt")
    pool = load_pool()
    results = collections.Counter()
    failures, unchecked, masked = [], [], []
    for r in records:
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            if s["kind"] not in ("ID", "BANK", "CARD"):
                continue
            value = b[s["start"]:s["end"]].decode()
            before = b[max(0, s["start"] - 200):s["start"]].decode("utf-8", "ignore")
            scheme = infer(s["kind"], value, before)
            if scheme is None:
                unchecked.append((r["id"], s["kind"], s["role"], value))
                continue
            if scheme == "masked":
                masked.append((r["id"], s["kind"], value))
                continue
            ok = cd.VALIDATORS[scheme](value)
            in_pool = cd.only_alnum(value).lstrip("0") in pool
            results[(scheme, ok)] += 1
            mark = "ok  " if ok else "FAIL"
            print(f"{mark} {scheme:8s} {r['id']} {s['kind']:4s} {s['role']:8s} {value}"
                  f"{'' if in_pool else '   (not from pool)'}")
            if not ok:
                failures.append((r["id"], scheme, value))
    print()
    print("summary:", ", ".join(f"{k[0]} {'valid' if k[1] else 'INVALID'}: {v}"
                                for k, v in sorted(results.items())))
    print(f"masked (skipped): {len(masked)}")
    for m in masked:
        print("   ", *m)
    print(f"ID/BANK/CARD spans with no check-digit scheme: {len(unchecked)}")
    for u in unchecked:
        print("   ", *u)
    if failures:
        print("FAILURES:", failures)
        sys.exit(1)


if __name__ == "__main__":
    main()
