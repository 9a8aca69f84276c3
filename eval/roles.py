#!/usr/bin/env python3
"""Confusion of roles: the true role of each labelled span against the role the engine
proposes for it, from `tipline redact --jsonl` output.

    tipline redact --jsonl < SET.jsonl > /tmp/pred.jsonl
    python3 eval/roles.py SET.jsonl /tmp/pred.jsonl

A gold span's proposed role is that of the predicted spans overlapping it; when they
disagree, the one that would let it through counts (subject before third before
reporter), so a reporter detail any part of which is proposed as the subject's counts
as proposed subject. A gold span no predicted span overlaps is `missed` (a detection
miss, not a role). The cell that must stay 0 is reporter -> subject: a reporter's
detail proposed as the subject's reaches the agency by default. Standard library only.
"""

import json
import sys
from collections import Counter

ROLES = ["reporter", "subject", "third"]
# Prediction roles as the engine writes them; drafts from before subjects said "other".
ALIASES = {"other": "third"}
DANGER = {"subject": 2, "third": 1, "reporter": 0}


def load(path):
    with open(path, encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, filter(str.strip, f))}


def proposed(gold_span, predicted):
    roles = [
        ALIASES.get(p.get("role", "third"), p.get("role", "third"))
        for p in predicted
        if p["start"] < gold_span["end"] and gold_span["start"] < p["end"]
    ]
    if not roles:
        return "missed"
    return max(roles, key=lambda r: DANGER.get(r, 2))


def confusion(gold, pred):
    table = Counter()
    leaks = []
    for key, row in gold.items():
        spans = pred.get(key, {}).get("spans", [])
        for g in row.get("spans", []):
            truth = g.get("role", "third")
            got = proposed(g, spans)
            table[truth, got] += 1
            if truth == "reporter" and got == "subject":
                leaks.append(key)
    return table, leaks


def show(table):
    cols = ROLES + ["missed"]
    head = "true / proposed"
    print(f"{head:18s}" + "".join(f"{c:>10s}" for c in cols) + f"{'total':>8s}")
    for truth in ROLES:
        counts = [table[truth, c] for c in cols]
        print(f"{truth:18s}" + "".join(f"{n:10d}" for n in counts) + f"{sum(counts):8d}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: roles.py GOLD.jsonl PRED.jsonl")
    gold, pred = load(sys.argv[1]), load(sys.argv[2])
    table, leaks = confusion(gold, pred)
    show(table)
    found = {t: sum(table[t, c] for c in ROLES) for t in ROLES}
    print()
    print(f"reporter details proposed as subject: {table['reporter', 'subject']}"
          + (f" (in {', '.join(sorted(set(leaks)))})" if leaks else ""))
    if found["subject"]:
        print(f"subject details proposed as subject (kept by default): "
              f"{table['subject', 'subject']}/{found['subject']} of those found")
    if found["reporter"]:
        print(f"reporter details proposed as reporter: "
              f"{table['reporter', 'reporter']}/{found['reporter']} of those found")


if __name__ == "__main__":
    main()
