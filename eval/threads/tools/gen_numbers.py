"""Seeded generator of check-digit-valid numbers used while writing source.txt.

    python3 tools/gen_numbers.py > tools/numbers.tsv

Output columns: scheme, value (as it may be written), note.
The author picked numbers from this pool by hand; tools/check_numbers.py
re-validates every labelled number in the built data set, so the pool is a
convenience, not a dependency.
"""
import random
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkdigits as cd  # noqa: E402

SEED = 20261129


def main():
    rng = random.Random(SEED)
    rows = []
    for i in range(30):
        d = cd.make_ird(rng, nine=(i % 3 != 0))
        rows.append(("nz_ird", cd.fmt_ird(d), "IRD"))
    for bank, suf in [("01", "00"), ("02", "00"), ("03", "00"), ("06", "00"), ("12", "00"),
                      ("38", "00"), ("01", "01"), ("12", "50"), ("38", "02"), ("03", "025"),
                      ("02", "000"), ("15", "00")] * 3:
        rows.append(("nz_bank", cd.make_nzbank(rng, bank, suf), "bank " + bank))
    for prefix, n, note in [("4", 16, "visa"), ("5", 16, "mastercard"), ("62", 16, "unionpay"),
                            ("4", 16, "visa"), ("52", 16, "mastercard"), ("37", 15, "amex"),
                            ("4", 16, "visa"), ("55", 16, "mastercard"), ("4", 16, "visa debit"),
                            ("2221", 16, "mastercard 2-series"), ("4", 16, "visa"), ("5", 16, "mastercard")]:
        if prefix == "5":
            prefix = "5" + str(rng.randint(1, 5))  # Mastercard 51-55
        elif prefix == "4":
            prefix = "4" + str(rng.randint(1, 9))
        c = cd.make_card(rng, prefix, n)
        if n == 15:
            rows.append(("card", f"{c[:4]} {c[4:10]} {c[10:]}", note))
        else:
            rows.append(("card", " ".join(c[i:i + 4] for i in range(0, 16, 4)), note))
    # IBANs
    for bank_id in ["102", "109", "114", "124", "105"]:
        sc = cd.pl_sortcode(rng, bank_id)
        bban = sc + "".join(str(rng.randint(0, 9)) for _ in range(16))
        rows.append(("iban", cd.fmt_iban(cd.make_iban("PL", bban)), "PL"))
    for _ in range(3):
        bban = "".join(str(rng.randint(0, 9)) for _ in range(6)) + "0000" + "".join(str(rng.randint(0, 9)) for _ in range(15))
        rows.append(("iban", cd.fmt_iban(cd.make_iban("UA", bban)), "UA"))
    for bank in ["BTRL", "RNCB", "BRDE"]:
        bban = bank + "".join(str(rng.randint(0, 9)) for _ in range(16))
        rows.append(("iban", cd.fmt_iban(cd.make_iban("RO", bban)), "RO"))
    for bank in ["HABB", "MEZN", "UNIL", "ALFH"]:
        bban = bank + "".join(str(rng.randint(0, 9)) for _ in range(16))
        rows.append(("iban", cd.make_iban("PK", bban), "PK"))
    for bank in ["TB", "BG"]:
        bban = bank + "".join(str(rng.randint(0, 9)) for _ in range(16))
        rows.append(("iban", cd.fmt_iban(cd.make_iban("GE", bban)), "GE"))
    for _ in range(2):
        bban = "".join(str(rng.randint(0, 9)) for _ in range(23)) + "C1"
        rows.append(("iban", cd.fmt_iban(cd.make_iban("BR", bban)), "BR"))
    for _ in range(12):
        rows.append(("aadhaar", cd.make_aadhaar(rng), ""))
    for area, dob in [("350181", "19880314"), ("440105", "19910722"), ("410523", "19790105"),
                      ("320382", "19850930"), ("510104", "19930611"), ("350583", "19760228"),
                      ("130102", "19900817"), ("420111", "19870402")]:
        rows.append(("cn_rid", cd.make_cnid(rng, area, dob), "dob " + dob))
    for _ in range(6):
        rows.append(("th_id", cd.make_thid(rng), ""))
    for _ in range(5):
        rows.append(("br_cpf", cd.make_cpf(rng), ""))
    for _ in range(5):
        rows.append(("cl_rut", cd.make_rut(rng), ""))
    for y, m, d, f in [(1986, 4, 17, False), (1992, 11, 3, True), (1979, 1, 25, False),
                       (2001, 6, 9, True), (1995, 8, 30, False)]:
        rows.append(("pl_pesel", cd.make_pesel(rng, y, m, d, f), f"dob {y}-{m:02d}-{d:02d} {'F' if f else 'M'}"))
    for ymd, s in [("890212", 1), ("930517", 2), ("840909", 1), ("000314", 3), ("910101", 2)]:
        rows.append(("kr_rrn", cd.make_rrn(rng, ymd, s), "dob " + ymd))
    for _ in range(4):
        rows.append(("nz_nhi", cd.make_nhi(rng), ""))
    # extras generated later while writing (own seeds, so the rows above stay unchanged)
    rng2 = random.Random(777)
    rows.append(("kr_rrn", cd.make_rrn(rng2, "000722", 4), "dob 000722 F"))
    rows.append(("kr_rrn", cd.make_rrn(rng2, "990310", 1), "dob 990310 M"))
    rng3 = random.Random(778)
    rows.append(("ro_cnp", cd.make_cnp(rng3, 1, "900314", "32"), "dob 1990-03-14 M, county 32"))
    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    main()
