#!/usr/bin/env python3
"""Reread pass for phone4: list things outside spans that might be unlabelled personal details,
and re-validate check digits of labelled numbers.

python3 reread.py [--caps] [first_tip last_tip]
Reads all.jsonl (run build.py first).
"""
import json
import re
import sys
from pathlib import Path

import gen_ids as g

HERE = Path(__file__).resolve().parent

NUMWORDS = set('''zero oh o one two three four five six seven eight nine double triple
tasi lua tolu fa lima ono fitu valu iva sefulu noa
taha ua tolu nima ono fitu valu hiva
isa dalawa tatlo apat lima anim pito walo siyam
satu dua tiga empat lima enam tujuh delapan sembilan nol kosong
uno dos tres cuatro cinco seis siete ocho nueve cero
không một hai ba bốn năm sáu bảy tám chín
kore tahi rua toru whā rima ono whitu waru iwa
dua tolu va lima ono vitu walu ciwa rua
जीरो शून्य एक दो तीन चार पांच पाँच छह छः सात आठ नौ
ਜ਼ੀਰੋ ਇੱਕ ਦੋ ਤਿੰਨ ਚਾਰ ਪੰਜ ਛੇ ਸੱਤ ਅੱਠ ਨੌਂ
零 一 二 三 四 五 六 七 八 九 幺
'''.split())

# capitalised words that are ordinary (reviewed): places, sectors, agencies, months, days...
STOP = set('''I I'm I've I'll I'd A An The He She They We You It This That These Those My His Her Our Their Your
And But Or So If When Then Also Not No Yes Yeah Ok OK Hi Hello Thanks Please Sorry
Caller Caller's Handler Says Said Boss Owner Employer Employee Company Ltd Limited NFI NZ New Zealand Aotearoa
January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun
Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings Nelson Dunedin Invercargill Blenheim Whanganui
Palmerston North Gisborne Rotorua Taupō Taupo Whangārei Whangarei Queenstown Timaru Oamaru Ashburton Motueka
Riccarton Māngere Mangere Ōtāhuhu Otahuhu Papatoetoe Manukau Papakura Drury Botany Albany Henderson Pukekohe
Havelock Te Puke Katikati Cromwell Alexandra Marlborough Otago Canterbury Waikato Hawke's Bay Bay Plenty Northland
Samoa Samoan Tonga Tongan Fiji Fijian India Indian Philippines Filipino Filipina China Chinese Vietnam Vietnamese
Thailand Thai Indonesia Indonesian Nepal Nepali Bangladesh Bengali Sri Lanka Lankan Korea Korean Kiribati Vanuatu
Māori Maori Pacific Pasifika Punjabi Hindi Tagalog Mandarin Cantonese Spanish English Malaysia Malaysian
RSE AEWV MBIE INZ ACC IRD PAYE WINZ MSD ANZ ASB BNZ Westpac Kiwibank Police Immigration Labour Inspectorate
WhatsApp Facebook Messenger WeChat Viber LINE Telegram TikTok Instagram Zalo KakaoTalk Gmail
Rd Road St Street Ave Avenue Drive Dr Mr Mrs Ms Miss Rev Sir Ma'am Aunty Uncle Kuya Ate Didi Bhai Ji
PM AM CBD SH State Highway RD Ph'''.split())

LABELLED_CHECKERS = [
    (re.compile(r'^\d{2,3}-\d{3}-\d{3}$'), 'IRD', g.ird_valid),
    (re.compile(r'^(01|02|03|06|12|38)-\d{4}-\d{7}-\d{2,3}$'), 'NZ bank', g.nzbank_valid),
    (re.compile(r'^[A-Z]{2}\d{2}( ?[A-Z0-9]{4}){3,}( ?[A-Z0-9]{1,4})?$'), 'IBAN', g.iban_valid),
    (re.compile(r'^\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}$'), 'card(Luhn)', g.luhn_valid),
    (re.compile(r'^[2-9]\d{3} ?\d{4} ?\d{4}$'), 'Aadhaar', g.verhoeff_valid),
    (re.compile(r'^\d{17}[\dX]$'), 'CN ID', g.cnid_valid),
    (re.compile(r'^\d-\d{4}-\d{5}-\d{2}-\d$'), 'Thai ID', g.thid_valid),
    (re.compile(r'^\d{3}\.\d{3}\.\d{3}-\d{2}$'), 'CPF', g.cpf_valid),
    (re.compile(r'^\d{1,2}\.\d{3}\.\d{3}-[\dK]$'), 'RUT', g.rut_valid),
    (re.compile(r'^[XYZ]\d{7}[A-Z]$'), 'NIE', g.dni_valid),
    (re.compile(r'^\d{8}-?[A-Z]$'), 'ES DNI', g.dni_valid),
    (re.compile(r'^\d{3}\.\d{3}\.\d{3}-\d$'), 'CO NIT', g.nit_valid),
    (re.compile(r'^[A-HJ-NP-Z]{3}\d{4}$'), 'NHI', g.nhi_valid),
    (re.compile(r'^\d{6}-\d{7}$'), 'KR RRN', g.rrn_valid),
    (re.compile(r'^[STFG]\d{7}[A-Z]$'), 'SG NRIC/FIN', g.sg_valid),
]


def outside(text_b, spans):
    """Return the text with labelled regions blanked (same char positions approx)."""
    buf = bytearray(text_b)
    for s in spans:
        for i in range(s['start'], s['end']):
            if buf[i] < 0x80 or buf[i] >= 0xC0:
                buf[i] = 0x20 if buf[i] < 0x80 or True else buf[i]
            else:
                buf[i] = 0x20
    return bytes(buf).decode('utf-8', errors='replace')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    caps = '--caps' in sys.argv
    lo, hi = (int(args[0]), int(args[1])) if len(args) == 2 else (1, 10**6)
    flagged = 0
    bad_checks = 0
    for line in open(HERE / 'all.jsonl', encoding='utf-8'):
        t = json.loads(line)
        n = int(t['id'].split('-')[1])
        if not lo <= n <= hi:
            continue
        tb = t['text'].encode('utf-8')
        out = outside(tb, t['spans'] + t['neutral'])
        notes = []
        scan = re.sub(r'\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b', ' ', out)          # dates
        scan = re.sub(r'\b\d{1,2}:\d{2}(:\d{2})?\b', ' ', scan)                    # times
        scan = re.sub(r'\d{1,3}(,\d{3})*\.\d{2}\b', ' ', scan)                       # money
        for m in re.finditer(r'\d[\d \-./]{3,}\d', scan):
            if sum(ch.isdigit() for ch in m.group(0)) >= 5:
                notes.append('digits:' + m.group(0))
        for m in re.finditer(r'\S*@\S+', out):
            notes.append('at:' + m.group(0))
        for m in re.finditer(r'(https?://\S+|www\.\S+|\S+\.(com|nz|net|org|ph|in|cn)\b\S*)', out):
            notes.append('url:' + m.group(0))
        words = re.findall(r'\w+', out.lower())
        run = []
        for w in words + ['#']:
            if w in NUMWORDS:
                run.append(w)
            else:
                if len(run) >= 3:
                    notes.append('numwords:' + ' '.join(run))
                run = []
        if caps:
            cw = sorted({w for w in re.findall(r"\b[A-ZĀĒĪŌŪ][\w'’ʻ-]+", out) if w not in STOP})
            if cw:
                notes.append('caps:' + ', '.join(cw))
        for s in t['spans']:
            seg = tb[s['start']:s['end']].decode('utf-8')
            for rx, name, fn in LABELLED_CHECKERS:
                if s['kind'] in ('ID', 'BANK', 'CARD') and rx.match(seg.strip()):
                    try:
                        ok = fn(seg)
                    except Exception:
                        ok = False
                    if not ok:
                        bad_checks += 1
                        notes.append(f'CHECKDIGIT-FAIL {name}: {seg}')
                    break
        if notes:
            flagged += 1
            print(f"== {t['id']}")
            for x in notes:
                print('   ', x)
    print(f'-- tips with notes: {flagged}; failed check digits: {bad_checks}')


if __name__ == '__main__':
    main()
