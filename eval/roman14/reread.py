"""Re-read helper for set roman14: prints what lies OUTSIDE labelled spans and might be
personal, so unlabelled details can be caught by eye.

  python3 reread.py            all pieces
  python3 reread.py 26 50      pieces 026..050

Flags: DIG (digit runs in any script; Arabizi letter-digits inside words are skipped),
AT (@), URL, WORDNUM (>=3 digit words in a row, any of the set's languages),
CAP (capitalised words not in the stop list), KIN (word next to a kin word/honorific).
"""
import re
import sys

import build
from numwords import ALL_WORDS, WEAK

STOP_FILE = 'stoplist.txt'

KIN = {
    'bhai', 'bhaiya', 'bhaiyya', 'didi', 'dai', 'bhauju', 'ji', 'paaji', 'paji', 'veer', 'veere',
    'bhen', 'behen', 'bhenji', 'kuya', 'ate', 'tita', 'tito', 'manong', 'manang', 'anh', 'chi',
    'em', 'co', 'chu', 'ong', 'mas', 'mbak', 'pak', 'bu', 'bang', 'kak', 'phi', 'nong', 'khun',
    'bong', 'oun', 'lok', 'uso', 'bro', 'sis', 'aunty', 'auntie', 'uncle', 'whaea', 'matua',
    'koro', 'nan', 'nanny', 'mr', 'mrs', 'ms', 'sir', 'madam', 'maam', 'boss', 'sahib', 'saab',
    'sahab', 'seth', 'laoban', 'lao', 'xiao', 'ge', 'jie', 'anna', 'akka', 'aiya', 'akki',
    'malli', 'nangi', 'apa', 'apu', 'da', 'dada', 'bhabhi', 'brata', 'sista', 'tavale',
    'mister', 'missus', 'si', 'ni', 'kay', 'abu', 'umm', 'ustaz', 'hajji', 'mo3allem', 'sheikh',
    'sardar', 'sardarji', 'chacha', 'mama', 'masi', 'mausi', 'bua', 'nana', 'nani', 'dadi',
    'dajyu', 'bahini', 'bhai-sahab', 'tuafafine', 'tokoua', 'uncle-ji', 'aka', 'called',
    'named', 'naam', 'ho', 'pangalan', 'ten', 'nama', 'ming', 'jiao', 'chue', 'chhmous',
}

BASE_STOP = set('''
I A The This That And But Or If So We He She They It You My Our Your His Her Their Its Me Us
Hi Hello Dear Please Thanks Thank Sorry Help Kia Ora Talofa Malo Bula Namaste Sat Sri Akal
Salam Assalamualaikum Mabuhay Xin Chao Selamat Sawasdee Sawadee Halo Ok Okay Yes No Not Im
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
NZ New Zealand Aotearoa Auckland Wellington Christchurch Hamilton Tauranga Napier Hastings
Nelson Blenheim Dunedin Invercargill Gisborne Whangarei Rotorua Queenstown Cromwell Alexandra
Te Puke Katikati Kerikeri Motueka Timaru Ashburton Gore Winton Bluff Otago Southland Canterbury
Marlborough Hawkes Hawke's Bay Waikato Northland Taranaki Manawatu Palmerston North Levin
India Indian Punjab Punjabi Hindi Nepal Nepali Fiji Fijian Samoa Samoan Tonga Tongan Vanuatu
Philippines Filipino Pinoy Pinay China Chinese Vietnam Vietnamese Indonesia Indonesian Thai
Thailand Cambodia Khmer Bangladesh Bengali Bangla Sri Lanka Lankan Sinhala Tamil Pakistan
Urdu Arabic Maori Kiwi Pacific Pasifika RSE INZ MBIE IRD WINZ Police Labour Inspector
Immigration Employment ANZ ASB BNZ Westpac Kiwibank Whatsapp WhatsApp Facebook FB Messenger
Viber WeChat Zalo Line Imo Instagram Insta TikTok Gmail Google Covid Visa Work AEWV
Diwali Holi Eid Ramadan Christmas Easter Matariki Tet Songkran Dashain Tihar Vaisakhi Baisakhi
Lebaran Vesak Pongal Avurudu Gurpurab Gurdwara Mandir Temple Church Mosque Masjid God Allah
Jesus Lord Bhagwan Rab Waheguru OMG LOL Pls PLS Plz Sir Madam Mam Maam Boss Bro Sis Mr Mrs Ms
'''.split())


def load_stop():
    s = set(BASE_STOP)
    try:
        with open(STOP_FILE, encoding='utf-8') as f:
            for line in f:
                line = line.split('#')[0]
                s.update(line.split())
    except FileNotFoundError:
        pass
    return s


def outside(text, spans):
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = '\u2588'
    return ''.join(chars)


def flags(text, spans, stop):
    o = outside(text, spans)
    out = []
    for m in re.finditer(r'\d[\d\s\-\./]*\d|\d', o):
        tok = m.group()
        a, b = m.start(), m.end()
        # Arabizi: a single digit glued to letters (3amal, ma7al, sa2al) is a letter
        if len(tok) <= 2 and ((a > 0 and o[a - 1].isalpha()) or (b < len(o) and o[b:b + 1].isalpha())):
            continue
        nd = sum(c.isdigit() for c in tok)
        nonascii = any(c.isdigit() and not '0' <= c <= '9' for c in tok)
        if nd >= 4 or nonascii:
            out.append('DIG[%s]' % tok.strip())
    if '@' in o:
        for m in re.finditer(r'\S*@\S*', o):
            out.append('AT[%s]' % m.group())
    for m in re.finditer(r'(https?://\S+|www\.\S+|\S+\.(com|nz|co|net|org|me|ly)(/\S*)?\b)', o):
        out.append('URL[%s]' % m.group())
    toks = list(re.finditer(r"[A-Za-z0-9']+", o))
    run = []
    for t in toks + [None]:
        w = t.group().lower() if t else None
        if w is not None and (w in ALL_WORDS or w.isdigit()):
            run.append(t)
            continue
        strong = [x for x in run if x.group().lower() not in WEAK and not x.group().isdigit()]
        if len(run) >= 3 and strong:
            out.append('WORDNUM[%s]' % o[run[0].start():run[-1].end()])
        run = []
    for t in re.finditer(r"\b[A-Z][\w'\-]*", o):
        w = t.group()
        if w.strip("'") in stop or w.upper() == w and len(w) <= 3:
            continue
        out.append('CAP[%s]' % w)
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w'\-\u2588]+", o)]
    for i, (w, a, b) in enumerate(words):
        if w.lower() in KIN:
            for j in (i - 1, i + 1):
                if 0 <= j < len(words):
                    n = words[j][0]
                    if '\u2588' in n or n.lower() in KIN or n.lower() in stop_lower:
                        continue
                    out.append('KIN[%s %s]' % ((n, w) if j < i else (w, n)))
    return out


stop = load_stop()
stop_lower = {w.lower() for w in stop} | set('''
the a an and or but is was are to of in on at for with from my our his her he she they we i
you it ka ki ke ko ne se hai hain tha thi nahi bhi to ho na po ang ng sa mga ay si ni kay
ma le e o i ia ua ai ki te ko ka fa dinh la va cua toi anh em co khong voi o bang ya dan
yang di ke itu ini ada tidak sudah ga gak gue saya kami mi mo bo long blong mi yu hem stap
wantaim ol sapos bae ah eh lah na na ba mi le pa ga ke ra ta ko chha cha ho ma lai le ko ni
nu ne te ta la da de ji sir boss bro uncle aunty didi bhai dai kuya ate uso anh chi
'''.split())


def main():
    lo, hi = 0, 10 ** 9
    if len(sys.argv) >= 3:
        lo, hi = int(sys.argv[1]), int(sys.argv[2])
    pieces = build.parse()
    if build.errors:
        print('\n'.join(build.errors))
    for p in pieces:
        n = int(p['num'])
        if not lo <= n <= hi:
            continue
        sp = [(s, e) for s, e, *_ in p['spans']] + p['neutral']
        f = flags(p['text'], sp, stop)
        if f:
            print('%s  %s' % (p['num'], '  '.join(dict.fromkeys(f))))


if __name__ == '__main__':
    main()
