"""Reviewer's aid: list what lies OUTSIDE labelled spans and may need a label.

    python3 tools/review_unlabelled.py [digits|at|names|all]

digits : every run of digits (any script) outside spans, with context
at     : every '@', 'http', 'www', '.com', 'facebook', 'm.me' outside spans
names  : each token of a labelled NAME that also occurs outside any span
         in the same piece (possible unlabelled repeat mention)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build  # noqa: E402


def char_spans(p):
    """character-offset intervals of spans + neutral"""
    b = p["text"].encode("utf-8")
    out = []
    for s in p["spans"] + p["neutral"]:
        cs = len(b[:s["start"]].decode("utf-8"))
        ce = cs + len(s["_text"])
        out.append((cs, ce))
    return out


def outside(intervals, a, z):
    return all(z <= s or a >= e for s, e in intervals)


def ctx(text, a, z, w=35):
    return (text[max(0, a - w):a] + "[[" + text[a:z] + "]]" + text[z:z + w]).replace("\n", " / ")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "all"
    pieces = build.parse_source(os.path.join(os.path.dirname(HERE), "source.txt"))
    for p in pieces:
        t = p["text"]
        iv = char_spans(p)
        hits = []
        if mode in ("digits", "all"):
            for m in re.finditer(r"\d+(?:[ .,:/-]\d+)*", t):
                if outside(iv, m.start(), m.end()):
                    hits.append(("digit", ctx(t, m.start(), m.end())))
        if mode in ("at", "all"):
            for m in re.finditer(r"@|https?://|www\.|\.com|facebook|m\.me|\.nz\b", t, re.I):
                if outside(iv, m.start(), m.end()):
                    hits.append(("at/url", ctx(t, m.start(), m.end())))
        if mode in ("names", "all"):
            toks = set()
            for s in p["spans"]:
                if s["kind"] != "NAME":
                    continue
                for tok in re.split(r"[\s,.'\"()-]+", s["_text"]):
                    if len(tok) >= 3 or (tok and ord(tok[0]) > 0x2E80):
                        toks.add(tok)
            for tok in sorted(toks):
                for m in re.finditer(re.escape(tok), t, re.I):
                    # whole-word for Latin, substring for scripts without spaces
                    if tok.isascii():
                        if (m.start() > 0 and t[m.start() - 1].isalnum()) or (m.end() < len(t) and t[m.end()].isalnum()):
                            continue
                    if outside(iv, m.start(), m.end()):
                        hits.append(("name?", ctx(t, m.start(), m.end())))
        if hits:
            print(f"== {p['id']} ({p['_sort']}, line {p['_line']})")
            for k, c in hits:
                print(f"   {k:7s} {c}")


if __name__ == "__main__":
    main()
