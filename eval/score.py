#!/usr/bin/env python3
"""Score `tipline redact --jsonl` output against a labelled set, per kind and per role.

  eval/score.py GOLD.jsonl PRED.jsonl [--misses N]

Same rules as ../shared/tools/score-redaction.py: a gold span is caught when every
non-blank byte of it lies in a predicted span and its text does not survive in
"redacted"; over-redaction is the share of non-blank bytes outside gold and neutral
spans that were redacted. Adds recall by role (`reporter` = the writer's own details),
and with --misses prints the first N missed spans (for reading, not for tuning rules).
"""
import argparse
import json
from collections import Counter


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--misses", type=int, default=0)
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    pred = {}
    for l in open(a.pred, encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            pred[d["id"]] = d
    total, caught = Counter(), Counter()
    role_total, role_caught = Counter(), Counter()
    outside = redacted_outside = 0
    misses = []
    for g in gold:
        text = g["text"].encode()
        p = pred.get(g["id"], {"spans": [], "redacted": g["text"]})
        cover = bytearray(len(text))
        for s in p.get("spans", []):
            for i in range(max(0, s["start"]), min(len(text), s["end"])):
                cover[i] = 1
        labelled = bytearray(len(text))
        for s in g["spans"] + g.get("neutral", []):
            for i in range(s["start"], s["end"]):
                labelled[i] = 1
        for s in g["spans"]:
            seg = text[s["start"]:s["end"]]
            ok = all(cover[s["start"] + i] for i, b in enumerate(seg) if b not in b" \t\n")
            if ok and seg.decode() in p.get("redacted", ""):
                ok = False
            role = s.get("role", "other")
            total[s["kind"]] += 1
            role_total[role] += 1
            if ok:
                caught[s["kind"]] += 1
                role_caught[role] += 1
            else:
                misses.append((g["id"], s["kind"], role, seg.decode()))
        for i, b in enumerate(text):
            if not labelled[i] and b not in b" \t\n":
                outside += 1
                redacted_outside += cover[i]
    for kind in sorted(total):
        print(f"  {kind:9s} {caught[kind]:4d}/{total[kind]:4d}  recall {caught[kind] / total[kind]:.3f}")
    for role in sorted(role_total):
        print(f"  role {role:9s} {role_caught[role]:4d}/{role_total[role]:4d}  recall {role_caught[role] / role_total[role]:.3f}")
    n, c = sum(total.values()), sum(caught.values())
    print(f"recall {c / n if n else 0:.3f}, over-redaction {redacted_outside / outside if outside else 0:.3f}, docs {len(gold)}, spans {n}")
    for m in misses[: a.misses]:
        print("  missed", *m)


if __name__ == "__main__":
    main()
