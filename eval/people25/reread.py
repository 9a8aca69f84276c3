"""Re-read helper for people25: show what lies OUTSIDE spans that might be personal.

Usage: python3 reread.py [first_num [last_num]]
Reads all.jsonl (run build.py first). For each piece prints:
  DIG  digit runs (any script) of 3+ digits
  AT   '@' signs, URL-ish things
  WORD runs of 3+ spelled-out digits (English / te reo / a few others)
  CAP  capitalised words not in reread_stop.txt
  HON  the word next to an honorific / kin word
  REP  a labelled NAME surface that also appears unlabelled in the same piece
"""
import json
import re
import sys

STOP = set()
try:
    for w in open("reread_stop.txt", encoding="utf-8").read().split():
        STOP.add(w.lower())
except FileNotFoundError:
    pass

NUMW = set("zero oh o one two three four five six seven eight nine ten double triple "
           "tahi rua toru wha rima ono whitu waru iwa kore "
           "isa lua tolu fa lima ono fitu valu iva sefulu "
           "isa dalawa tatlo apat lima anim pito walo siyam".split())
HON = ["kuya", "ate", "tita", "tito", "manang", "manong", "pak", "bu", "bapak", "ibu", "mak",
       "tuan", "puan", "encik", "cik", "anh", "chị", "chi", "em", "cô", "chú", "bác", "ông", "bà",
       "mr", "mrs", "ms", "miss", "sir", "madam", "maam", "ma'am", "uncle", "aunty", "auntie",
       "aunt", "bhaiya", "bhai", "didi", "di", "ji", "bhabhi", "chacha", "mama", "papa", "whaea",
       "matua", "koro", "kui", "nan", "nana", "don", "doña", "dona", "señor", "senor", "señora",
       "ratu", "adi", "dr", "boss", "bos", "sister", "brother", "bro", "sis", "khun", "phi", "pi",
       "nong", "lola", "lolo", "teacher", "pastor", "father", "fr", "sifu", "dai", "bahini",
       "akka", "anna", "thambi", "amma", "appa", "aiya", "nangi", "malli", "hyung", "unni",
       "oppa", "noona", "sajang", "ustaz", "haji", "hajj", "sheikh", "abu", "umm", "apa",
       "amca", "tía", "tia", "tío", "tio", "seu", "dona"]
CJK_HON = ["老板", "老闆", "哥", "姐", "阿", "小", "老", "先生", "女士", "老师", "经理", "太太",
           "叔", "姨", "씨", "님", "사장님", "언니", "오빠", "형", "누나", "さん", "ji", "जी",
           "ਜੀ", "भैया", "दीदी", "ভাই", "আপা", "அண்ணா", "அக்கா", "พี่", "น้อง", "คุณ"]


def outside(text_b, spans):
    """Yield (start,end) byte segments outside spans."""
    pos = 0
    for s in sorted(spans, key=lambda x: x["start"]):
        if s["start"] > pos:
            yield pos, s["start"]
        pos = max(pos, s["end"])
    if pos < len(text_b):
        yield pos, len(text_b)


def main():
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    for line in open("all.jsonl", encoding="utf-8"):
        o = json.loads(line)
        n = int(o["id"].split("-")[1])
        if not lo <= n <= hi:
            continue
        b = o["text"].encode("utf-8")
        allsp = o["spans"] + o["neutral"]
        segs = [b[s:e].decode("utf-8") for s, e in outside(b, allsp)]
        out = " \u2016 ".join(segs)
        notes = []
        for m in re.finditer(r"\d[\d\s\-.]{1,}\d", out):
            if len(re.sub(r"\D", "", m.group())) >= 3:
                notes.append("DIG " + m.group())
        for m in re.finditer(r"\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|net|org|co)\b\S*", out):
            notes.append("AT  " + m.group())
        toks = re.findall(r"[\w']+", out.lower())
        run = []
        for t in toks + ["#"]:
            if t in NUMW:
                run.append(t)
            else:
                if len(run) >= 3:
                    notes.append("WORD " + " ".join(run))
                run = []
        caps = []
        for seg in segs:
            for m in re.finditer(r"(?<![\w'’])([A-ZÀ-ÖØ-ÞĀ-ž][\w'’ʻ\-]*)", seg):
                w = m.group(1)
                if w.lower().strip("'’") not in STOP and not w.isupper() or (w.isupper() and len(w) > 1 and w.lower() not in STOP):
                    caps.append(w)
        if caps:
            notes.append("CAP " + " ".join(dict.fromkeys(caps)))
        for seg in segs:
            words = re.findall(r"[\w'’ʻ\-]+", seg)
            for i, w in enumerate(words):
                if w.lower() in HON:
                    nb = words[i + 1] if i + 1 < len(words) else ""
                    if nb and nb[0].isupper() or (nb and nb.islower() and nb not in STOP and len(nb) > 2 and w.lower() in ("kuya", "ate", "tita", "pak", "bu", "anh", "chị", "em", "bhaiya", "didi", "whaea", "uncle", "aunty")):
                        notes.append(f"HON {w} {nb}")
            for h in CJK_HON:
                pat = (r"(?<![A-Za-z])" + h + r"(?![A-Za-z])") if h.isascii() else re.escape(h)
                for m in re.finditer(pat, seg):
                    ctx = seg[max(0, m.start() - 3):m.end() + 3]
                    notes.append(f"HON~ {ctx!r}")
        for s in o["spans"]:
            if s["kind"] != "NAME":
                continue
            surf = b[s["start"]:s["end"]].decode("utf-8")
            for seg in segs:
                if re.search(r"(?<!\w)" + re.escape(surf) + r"(?!\w)", seg, re.I):
                    notes.append(f"REP {surf}")
                    break
        if notes:
            print(f"--- {o['id']}")
            for x in dict.fromkeys(notes):
                print("   " + x)


if __name__ == "__main__":
    main()


def dup_values():
    """Warn when the same non-NAME value appears in more than one piece."""
    seen = {}
    for line in open("all.jsonl", encoding="utf-8"):
        o = json.loads(line)
        b = o["text"].encode("utf-8")
        for s in o["spans"]:
            if s["kind"] == "NAME":
                continue
            v = b[s["start"]:s["end"]].decode("utf-8")
            key = re.sub(r"\W", "", v.lower())
            if s["kind"] == "PHONE":
                import unicodedata
                key = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in key)
                key = key[-9:]
            seen.setdefault((s["kind"], key), set()).add(o["id"])
    for (k, v), ids in seen.items():
        if len(ids) > 1:
            print(f"DUP {k} {v}: {sorted(ids)}")


if len(sys.argv) == 1:
    dup_values()
