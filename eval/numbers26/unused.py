"""Print generated numbers (numbers.txt) whose digits do not yet occur in source.txt."""
import re
import checks as C
src = C.normalise_digits(open("source.txt", encoding="utf-8").read())
srcd = re.sub(r"\D", "", src)
for ln in open("numbers.txt", encoding="utf-8"):
    if ln.startswith("#"):
        print(ln.rstrip()); continue
    items = [x.strip() for x in re.split(r"\||(?<=\d) (?=[A-Z]{3}\d)|(?<=\d) (?=[A-Z]{2}\d{4})", ln) if x.strip()]
    free = []
    for it in items:
        d = re.sub(r"\D", "", it.split(" ", 1)[-1] if re.match(r"^[a-zA-Z]+ ", it) else it)
        if len(d) >= 5 and d[-7:] in srcd:
            continue
        free.append(it)
    if free:
        print("  " + " | ".join(free))
