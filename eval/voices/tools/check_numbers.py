"""Author-side sanity check: recompute check digits of marked numbers in ../source.txt."""
import re, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from numgen import verhoeff_ok
src = open(os.path.join(os.path.dirname(__file__), "..", "source.txt"), encoding="utf-8").read()
spans = re.findall(r"\{([A-Z]+)\|([a-z-]+)\|([^{}|]*)\}", src)
def digits(t): return re.sub(r"\D", "", t)
def ird_ok(t):
    d = digits(t); base, c = d[:-1].zfill(8), int(d[-1])
    for w in ([3,2,7,6,5,4,3,2],[7,4,3,2,5,2,7,6]):
        r = sum(int(a)*b for a,b in zip(base,w)) % 11; cc = 0 if r == 0 else 11-r
        if cc != 10: return cc == c
    return False
def cn_ok(t):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; return "10X98765432"[sum(int(a)*b for a,b in zip(t,w))%11]==t[-1]
def iban_ok(t):
    t=t.replace(" ",""); r=t[4:]+t[:4]; return int("".join(str(int(c,36)) for c in r))%97==1
def luhn_ok(t):
    d=digits(t); s=0
    for i,ch in enumerate(reversed(d)):
        x=int(ch)
        if i%2: x=x*2-9 if x*2>9 else x*2
        s+=x
    return s%10==0
def nzbank_ok(t):
    b,br,a,suf=t.split("-"); dd=f"{int(b):02d}{int(br):04d}{int(a):08d}{int(suf):04d}"
    w=[0,0,6,3,7,9,0,0,10,5,8,4,2,1,0,0,0,0]
    return sum(int(x)*y for x,y in zip(dd,w))%11==0
bad=0
for kind, role, text in spans:
    d = digits(text); chk=None
    if kind=="ID" and re.fullmatch(r"\d{3}-\d{3}-\d{3}|\d{9}", text) and text!="121457893": chk=("IRD", ird_ok(text))
    elif kind=="ID" and re.fullmatch(r"\d{4} \d{4} \d{4}", text): chk=("Aadhaar", verhoeff_ok(d))
    elif kind=="ID" and re.fullmatch(r"\d{17}[\dX]", text) and text[6:8] in ("19","20") and not text.startswith("1990"): chk=("CNID", cn_ok(text))
    elif kind=="BANK" and re.match(r"[A-Z]{2}\d\d", text): chk=("IBAN", iban_ok(text))
    elif kind=="BANK": chk=("NZBANK", nzbank_ok(text))
    elif kind=="CARD": chk=("LUHN", luhn_ok(text))
    if chk:
        print(chk[0], text, "OK" if chk[1] else "BAD"); bad += not chk[1]
print("bad:", bad)
