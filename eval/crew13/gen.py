"""Seeded generator for invented check-digit-valid numbers.

  python3 gen.py pools            -> prints sample pools (seed 13)
  python3 gen.py fill drafts/b01.txt
      replaces every <<type>> or <<type:fmt>> placeholder in the draft with a
      fresh generated value (rng seeded from the draft's file name), appends
      the result to source.txt and logs value<TAB>type to generated.tsv.
"""
import hashlib
import random
import re
import sys

from checks import GEN, VALID


def seed_for(name):
    return int(hashlib.sha256(("crew13:" + name).encode()).hexdigest()[:12], 16)


def fill(path):
    rng = random.Random(seed_for(path))
    text = open(path, encoding="utf-8").read()
    log = []

    def rep(m):
        typ, _, fmt = m.group(1).partition(":")
        v = GEN[typ](rng, fmt) if fmt else GEN[typ](rng)
        assert VALID[typ](v), (typ, v)
        log.append((v, typ))
        return v

    out = re.sub(r"<<([a-z]+(?::[A-Za-z0-9-]+)?)>>", rep, text)
    with open("source.txt", "a", encoding="utf-8") as f:
        f.write(out if out.endswith("\n") else out + "\n")
    with open("generated.tsv", "a", encoding="utf-8") as f:
        for v, t in log:
            f.write(f"{v}\t{t}\n")
    print(f"filled {len(log)} placeholders from {path}")


if __name__ == "__main__":
    if sys.argv[1] == "pools":
        rng = random.Random(13)
        for t in GEN:
            print(t, [GEN[t](rng) for _ in range(4)])
    elif sys.argv[1] == "fill":
        fill(sys.argv[2])
