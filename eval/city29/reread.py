"""List things outside spans that might be personal, per piece."""
import json, re, sys
STOP = set('''I A The This That He She They We You It My Our His Her Their There Then When What Where Who Why How If And But Or So
Not No Yes Hi Hello Please Thanks Thank Sorry Dear Kia Ora Talofa Malo Bula Namaste Sir Madam Mr Mrs Ms Miss Boss Auntie Aunty Uncle
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
Auckland Wellington Christchurch Hamilton Tauranga Dunedin Palmerston North NZ New Zealand Aotearoa Road Street St Rd Ave Avenue Mall Centre
Countdown Pak Save PaknSave Woolworths Uber Eats DoorDash WINZ IRD Immigration Police MBIE Labour Inspectorate Employment AWV Visa Work
Indian Chinese Filipino Samoan Tongan Fijian Korean Vietnamese Thai Nepali Punjabi Kiwi Maori Māori Pacific Asian English Hindi
Also Just Now After Before Every Some Can Could Do Don Please Pls Ok OK Okay Also Today Yesterday Last Next One Two Three'''.split())
rows = [json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else 'all.jsonl', encoding='utf-8')]
NUMW = r'(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)'
for r in rows:
    b = r['text'].encode(); mask = bytearray(b)
    for s in r['spans'] + r['neutral']:
        for i in range(s['start'], s['end']): mask[i] = 0x20
    out = mask.decode('utf-8', errors='replace')
    hits = []
    hits += re.findall(r'\d[\d\s\-]{2,}\d|\d{3,}', out)
    hits += re.findall(r'[^\x00-\x7f]*[٠-٩०-९০-৯۰-۹๐-๙]+', out)
    hits += re.findall(r'\S*@\S*|https?://\S+|www\.\S+|\S+\.(?:com|nz|co)\S*', out)
    hits += re.findall(rf'\b{NUMW}(?:[\s,-]+{NUMW}){{3,}}\b', out, re.I)
    caps = [w for w in re.findall(r"\b[A-Z][a-zA-Z'\-]+", out) if w not in STOP]
    if hits or caps:
        print(r['id'], '| HITS:', [h.strip() for h in hits], '| CAPS:', ' '.join(sorted(set(caps)))[:300])
