"""Seeded generator of invented identifiers for the mekong21 set.

Writes pool.json ({type: [value, ...]}) and pool.txt (readable). Every value that
has a check digit in real life is generated to pass it; the others follow the real
shape (dates, region codes, operator prefixes). Values are drawn from here by hand
while writing source.txt; build.py re-checks every labelled number against this pool
and against the validators in checks.py.
"""
import json
import random

from checks import (luhn_complete, th_pin_complete, nz_ird_ok, nz_bank_ok, id_npwp_ok,
                    PH_PREFIX)

R = random.Random(20210521)
N = 40


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def nz_mobile():
    p = R.choice(["21", "22", "27", "27", "21", "29", "20"])
    rest = digits(7) if p != "21" or R.random() < .7 else digits(6)
    return "0" + p + rest


def nz_land():
    return "0" + R.choice("34679") + str(R.randint(2, 9)) + digits(6)


def nz_ird():
    while True:
        base = str(R.randint(10_000_000, 149_999_999)).zfill(9)[:8]
        for c in "0123456789":
            v = (base + c).lstrip("0")
            if nz_ird_ok(v):
                return v


def nz_bank():
    opts = [("01", (1, 999)), ("02", (1, 999)), ("03", (1, 999)), ("06", (1, 999)),
            ("12", (3000, 3299)), ("38", (9000, 9499))]
    while True:
        bank, (lo, hi) = R.choice(opts)
        br = f"{R.randint(lo, hi):04d}"
        acc = f"{R.randint(100000, 989999):07d}"
        suf = R.choice(["00", "01", "02", "000", "025", "50"])
        s = f"{bank}-{br}-{acc}-{suf}"
        if nz_bank_ok(s):
            return s


def card():
    pre = R.choice(["4", "4", "51", "53", "55"])
    return luhn_complete(pre + digits(15 - len(pre)))


def vn_mobile():
    return "0" + R.choice(["32", "33", "34", "35", "36", "37", "38", "39", "70", "77", "78", "79",
                           "81", "83", "84", "85", "86", "88", "89", "90", "91", "93", "94", "96",
                           "97", "98", "56", "58"]) + digits(7)


def vn_cccd():
    prov = R.choice(["038", "040", "042", "037", "036", "034", "030", "033", "044", "046", "051",
                     "089", "092", "094", "083", "001", "079", "022", "026", "035"])
    g = R.choice("0101010123")
    yy = R.randint(75, 99) if g in "01" else R.randint(0, 5)
    return prov + g + f"{yy:02d}" + digits(6)


def id_mobile():
    return "08" + R.choice(["11", "12", "13", "21", "22", "52", "53", "57", "56", "77", "78",
                            "95", "96", "98", "38", "31", "81", "82"]) + digits(R.choice([7, 8, 8]))


def id_nik():
    kab = R.choice(["3301", "3302", "3329", "3328", "3327", "3509", "3510", "3525", "3212", "3209",
                    "5201", "5203", "7371", "1207", "3318", "3319", "3505", "3216"])
    kec = f"{R.randint(1, 24):02d}"
    y = R.randint(1978, 2003)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    if R.random() < .45:
        d += 40
    return kab + kec + f"{d:02d}{m:02d}{y % 100:02d}" + f"{R.randint(1, 2200):04d}"


def id_npwp():
    while True:
        base = R.choice(["0", "1", "2", "5", "7", "8", "9"]) + digits(7)
        v = luhn_complete(base) + digits(3) + "000"
        if id_npwp_ok(v):
            return v


def my_mobile():
    return "01" + R.choice(["0", "2", "3", "4", "6", "7", "8", "9", "1"]) + digits(7 if R.random() < .8 else 8)


def my_nric():
    y = R.randint(75, 99)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    pb = R.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"])
    return f"{y:02d}{m:02d}{d:02d}{pb}" + digits(4)


def th_mobile():
    return "0" + R.choice(["6", "8", "9"]) + digits(8)


def th_pin():
    return th_pin_complete(R.choice("1113358") + digits(11))


def kh_mobile():
    p = R.choice(["12", "11", "17", "92", "95", "97", "10", "15", "16", "69", "70", "77", "78",
                  "81", "85", "86", "87", "89", "93", "96", "98", "88", "99", "31", "60", "66",
                  "67", "68", "90"])
    n = 7 if p in ("31", "60", "66", "67", "68", "90", "71", "88", "97") else 6
    return "0" + p + digits(n)


def mm_mobile():
    p = R.choice(["97", "96", "95", "94", "92", "99", "98", "96", "97"])
    return "09" + p[1] + digits(R.choice([7, 8]))


def la_mobile():
    return "020" + R.choice("25789") + digits(7)


def np_mobile():
    return R.choice(["984", "985", "986", "980", "981", "982", "974", "976"]) + digits(7)


def bd_mobile():
    return "01" + R.choice("3456789") + digits(8)


def lk_mobile():
    return "07" + R.choice("01245678") + digits(7)


def lk_nic():
    y = R.randint(1970, 2003)
    day = R.randint(1, 365) + (500 if R.random() < .4 else 0)
    if y < 2000 and R.random() < .6:
        return f"{y % 100:02d}{day:03d}{digits(4)}" + R.choice("VV") if True else ""
    return f"{y}{day:03d}{digits(5)}"


def ph_mobile():
    return R.choice(sorted(PH_PREFIX)) + digits(7)


def ph_sss():
    return R.choice(["33", "34", "01", "02", "04", "06", "07", "08", "09"]) + digits(8)


def ph_tin():
    return R.choice("123456789") + digits(8) + "000"


def ph_philhealth():
    return R.choice(["01", "02", "03", "05", "08", "11", "12", "19"]) + digits(10)


def bd_nid():
    r = R.random()
    if r < .5:
        return R.choice("123456789") + digits(9)
    if r < .75:
        return R.choice(["26", "15", "75", "61", "91", "19", "47"]) + digits(11)
    return str(R.randint(1975, 2002)) + R.choice(["26", "15", "75", "61", "91", "19"]) + digits(11)


def np_citizenship():
    return f"{R.randint(1, 77):02d}-{R.randint(1, 3):02d}-{R.randint(60, 80):02d}-{R.randint(1, 99999):05d}"


def mm_nrc():
    return R.choice(["12/OuKaMa", "12/ThaGaKa", "9/MaHtaLa", "5/MaYaNa", "10/MaLaMa", "13/TaKaNa",
                     "7/PaKhaNa", "12/LaMaNa", "11/SaTaNa", "14/PaThaNa"]) + "(N)" + digits(6)


def kh_id():
    return R.choice("0123") + digits(8)


def passport():
    t = R.choice(["vn", "id", "th", "ph", "np", "bd", "lk", "mm", "kh"])
    if t == "vn":
        return "C" + digits(7)
    if t == "id":
        return R.choice("BCEX") + digits(7)
    if t == "th":
        return R.choice(["AA", "AB", "AC"]) + digits(7)
    if t == "ph":
        return "P" + digits(7) + R.choice("ABC")
    if t == "np":
        return digits(8)
    if t == "bd":
        return R.choice(["A", "B", "EA", "EB"]) + digits(7)
    if t == "lk":
        return R.choice("NN") + digits(7)
    if t == "mm":
        return R.choice(["MA", "MB", "MC", "MD"]) + digits(6)
    return "N" + digits(7)


def generic_account(n):
    return digits(n)


GEN = {
    "nz_mobile": nz_mobile, "nz_land": nz_land, "nz_ird": nz_ird, "nz_bank": nz_bank, "card": card,
    "vn_mobile": vn_mobile, "vn_cccd": vn_cccd, "id_mobile": id_mobile, "id_nik": id_nik,
    "id_npwp": id_npwp, "my_mobile": my_mobile, "my_nric": my_nric, "th_mobile": th_mobile,
    "th_pin": th_pin, "kh_mobile": kh_mobile, "kh_id": kh_id, "mm_mobile": mm_mobile,
    "mm_nrc": mm_nrc, "la_mobile": la_mobile, "np_mobile": np_mobile,
    "np_citizenship": np_citizenship, "bd_mobile": bd_mobile, "bd_nid": bd_nid,
    "lk_mobile": lk_mobile, "lk_nic": lk_nic, "ph_mobile": ph_mobile, "ph_sss": ph_sss,
    "ph_tin": ph_tin, "ph_philhealth": ph_philhealth, "passport": passport,
    "acct10": lambda: generic_account(10), "acct12": lambda: generic_account(12),
    "acct13": lambda: generic_account(13), "acct14": lambda: generic_account(14),
    "acct15": lambda: generic_account(15), "acct9": lambda: generic_account(9),
    "emp_no": lambda: R.choice(["E", "EMP", "W", "RSE", ""]) + digits(R.choice([4, 5, 6])),
    "inz_client": lambda: digits(R.choice([8, 9])),
    "nz_licence": lambda: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + digits(6),
    "nz_plate": lambda: "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + digits(3),
    "ipv4": lambda: f"{R.choice([103, 110, 115, 116, 171, 182, 27, 36, 49, 202])}.{R.randint(1, 254)}.{R.randint(0, 254)}.{R.randint(1, 254)}",
}


def main():
    pool = {}
    # two rounds: the second round only appends, so values drawn in round one never change
    for rnd in (1, 2, 3):
        for k, f in GEN.items():
            seen = pool.setdefault(k, [])
            while len(seen) < N * rnd:
                v = f()
                if v not in seen:
                    seen.append(v)
    with open("pool.json", "w", encoding="utf-8") as fh:
        json.dump(pool, fh, indent=0, ensure_ascii=False)
    with open("pool.txt", "w", encoding="utf-8") as fh:
        for k, vs in pool.items():
            fh.write(f"## {k}\n")
            for i in range(0, len(vs), 8):
                fh.write("  " + "  ".join(vs[i:i + 8]) + "\n")


if __name__ == "__main__":
    main()
