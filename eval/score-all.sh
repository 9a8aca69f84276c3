#!/bin/sh
# Scores the release binary on every evaluation set and the shared dev corpus, one line each
# (recall, reporter recall, over-redaction). Run after `cargo build --release`.
# Usage: eval/score-all.sh [SET/SPLIT ...]   e.g. eval/score-all.sh voices3/heldout
set -eu
cd "$(dirname "$0")/.."
bin=${SCORE_BIN:-target/release/tipline}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ $# -eq 0 ]; then
    set -- $(cd eval && ls -d */ | tr -d / | while read -r s; do
        for split in dev heldout; do [ -f "$s/$split.jsonl" ] && echo "$s/$split"; done
    done)
    [ -f ../shared/corpus/dev-tips.jsonl ] && set -- shared "$@"
fi
for set in "$@"; do
    if [ "$set" = shared ]; then gold=../shared/corpus/dev-tips.jsonl; else gold=eval/$set.jsonl; fi
    "$bin" redact --jsonl < "$gold" > "$out/pred.jsonl"
    python3 eval/score.py "$gold" "$out/pred.jsonl" > "$out/score.txt"
    reporter=$(sed -n 's/^  role reporter .*recall \([0-9.]*\)$/\1/p' "$out/score.txt")
    printf '%-22s %s  reporter %s\n' "$set" "$(tail -n 1 "$out/score.txt")" "${reporter:--}"
done
