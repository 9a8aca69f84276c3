"""List what lies OUTSIDE spans in all.jsonl that might be personal, so unlabelled details get caught.

Shows: digit runs in any script, '@', URLs / domains, runs of spelled-out number words (several
languages), and capitalised words not in the stop list. Capitalised words already reviewed and
judged not personal are kept in reread_ok.txt (one per line) and hidden unless --all is given.
Usage: python3 reread.py [--all] [--from N]
"""
import json
import re
import sys

STOP = set("""
I A An The This That These Those It Its He She They We You My Your Our His Her Their Me Us Him Them
And But Or So If When Then Because As At By For From In Into Of On To With Without About After Before
Is Are Was Were Be Been Am Do Does Did Have Has Had Can Could Will Would Should Must May Might
Not No Yes Ok OK Okay Hi Hello Dear Thanks Thank Please Sorry Kia Ora Talofa Malo Bula Namaste
Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
What Who Why How Where Which There Here Now Also Just Only All Some Any Every Each Very Too
Re Fwd Subject From To Sent Date Cc Message Name Phone Email Address Details Report Tip
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Dunedin Nelson Napier Hastings
Mr Mrs Ms Miss Dr Sir Madam Boss Uncle Aunty Aunt Bro Sis Mum Dad Mama Papa
Police Immigration MBIE Labour Inspectorate Employment IRD WINZ ACC INZ RSE AEWV
""".split())

NUMW = set("""
zero oh o one two three four five six seven eight nine double triple treble
kore tahi rua toru whā wha rima ono whitu waru iwa
selo tasi lua tolu fa lima fitu valu iva noa taha ua fā nima hiva
shunya ek do teen char chaar paanch panch chhe che saat aath nau
cero uno dos tres cuatro cinco seis siete ocho nueve
zero um dois três quatro cinco seis sete oito nove
isa dalawa tatlo apat lima anim pito walo siyam
không một hai ba bốn năm sáu bảy tám chín
nol satu dua tiga empat lima enam tujuh delapan sembilan kosong
""".split())
NUMW_CJK = set("零〇一二三四五六七八九幺两")

ok = set()
try:
    ok = set(w.strip() for w in open("reread_ok.txt", encoding="utf-8") if w.strip())
except FileNotFoundError:
    pass

show_all = "--all" in sys.argv
start = 1
if "--from" in sys.argv:
    start = int(sys.argv[sys.argv.index("--from") + 1])

newcaps = set()
for line in open("all.jsonl", encoding="utf-8"):
    r = json.loads(line)
    if int(r["id"].split("-")[1]) < start:
        continue
    b = bytearray(r["text"].encode("utf-8"))
    for s in r["spans"] + r["neutral"]:
        seg = b[s["start"]:s["end"]].decode("utf-8")
        b[s["start"]:s["end"]] = ("▒" * len(seg)).encode("utf-8")[: s["end"] - s["start"]] if False else b"\x00" * (s["end"] - s["start"])
    t = bytes(b).decode("utf-8").replace("\x00", "▒")
    hits = []

    def cx(m, w=18):
        a, e = max(0, m.start() - w), min(len(t), m.end() + w)
        return t[a:e].replace("\n", "⏎")

    for m in re.finditer(r"\d(?:[\d\s\-./,:]*\d)?", t):
        hits.append(f"DIGITS  {m.group()!r}  …{cx(m)}…")
    for m in re.finditer(r"@|https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|nz|net|org|co|io|me|kr|cn|ph|vn)\b", t):
        hits.append(f"AT/URL  {m.group()!r}  …{cx(m)}…")
    toks = list(re.finditer(r"[^\W\d_]+", t))
    run = []
    for m in toks + [None]:
        if m is not None and m.group().lower() in NUMW:
            if run and t[run[-1].end():m.start()].strip(" ,-") != "":
                if len(run) >= 3:
                    hits.append(f"NUMWORDS {t[run[0].start():run[-1].end()]!r}")
                run = []
            run.append(m)
        else:
            if len(run) >= 3:
                hits.append(f"NUMWORDS {t[run[0].start():run[-1].end()]!r}")
            run = []
    for m in re.finditer(r"[零〇一二三四五六七八九幺两]{4,}", t):
        hits.append(f"CJKNUM  {m.group()!r}")
    for m in re.finditer(r"(?<![\w'’])[A-ZĀĒĪŌŪ][\w'’\-]*", t):
        w = m.group()
        if w in STOP or (w in ok and not show_all):
            continue
        if w.isupper() and len(w) > 1 and not show_all and w.lower() in {x.lower() for x in STOP}:
            continue
        newcaps.add(w)
        hits.append(f"CAP     {w}  …{cx(m, 14)}…")
    if hits:
        print(f"== {r['id']}")
        for h in hits:
            print("   ", h)
print("\nnew capitalised words (add to reread_ok.txt once reviewed):")
print(" ".join(sorted(newcaps)))
