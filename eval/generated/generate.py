#!/usr/bin/env python3
"""Independent synthetic PII evaluation set for a NZ worker-exploitation tip line.

Fills ~120 hand-written sentence templates with values from Faker (many
locales) and records labelled spans as UTF-8 byte offsets.

Deterministic: all randomness comes from random.Random(SEED) and per-locale
Faker instances seeded from SEED.  Output depends on the Faker version, which
is recorded in meta.json and README.md.

Usage:  python generate.py            (writes dev.jsonl, heldout.jsonl, meta.json, README.md)
Needs:  pip install faker   (tested with the version recorded in meta.json)
"""
import contextlib
import datetime
import io
import json
import os
import random
import re
import sys
import zlib
from collections import Counter, defaultdict

import faker
from faker import Faker

SEED = 20240611
DEV_FRACTION = 0.35
TARGET_PII = 950
TARGET_NEUTRAL = 250
OUT = os.path.dirname(os.path.abspath(__file__))

LOCALES = ["en_US", "en_GB", "en_AU", "en_NZ", "en_IN", "hi_IN", "zh_CN", "zh_TW",
           "fil_PH", "en_PH", "vi_VN", "id_ID", "th_TH", "ne_NP", "bn_BD", "es_MX",
           "es_CO", "pt_BR", "ko_KR", "ja_JP", "de_DE", "fr_FR", "ru_RU", "x_pacific"]
# x_pacific: NOT a Faker locale. Faker has no Samoan/Tongan/Fijian locale, so names
# come from a small hand-written list below; every other value uses en_NZ Faker.

CC = {"en_US": "1", "en_GB": "44", "en_AU": "61", "en_NZ": "64", "en_IN": "91", "hi_IN": "91",
      "zh_CN": "86", "zh_TW": "886", "fil_PH": "63", "en_PH": "63", "vi_VN": "84", "id_ID": "62",
      "th_TH": "66", "ne_NP": "977", "bn_BD": "880", "es_MX": "52", "es_CO": "57", "pt_BR": "55",
      "ko_KR": "82", "ja_JP": "81", "de_DE": "49", "fr_FR": "33", "ru_RU": "7", "x_pacific": "64"}

PACIFIC_GIVEN = ["Sione", "Tevita", "Mele", "Losaline", "Siaosi", "Ana", "Viliami", "Sefo", "Iosefa",
                 "Malakai", "Litia", "Salote", "Pita", "Ioane", "Fetu", "Semisi", "Akosita", "Jone",
                 "Mere", "Sitiveni", "Tavita", "Lupe", "Faleafa", "Tomasi"]
PACIFIC_FAMILY = ["Tuilagi", "Leota", "Faleolo", "Seiuli", "Fifita", "Taufa", "Tupou", "Havili", "Latu",
                  "Vaipulu", "Naivalu", "Waqa", "Koroi", "Ratu", "Fonoti", "Aumua", "Mahe", "Kata",
                  "Lolohea", "Vake", "Taumalolo", "Sapolu"]

NZ_CITIES = ["Auckland", "Hamilton", "Tauranga", "Te Puke", "Napier", "Hastings", "Blenheim", "Nelson",
             "Motueka", "Christchurch", "Timaru", "Dunedin", "Invercargill", "Gisborne", "Whangārei",
             "Palmerston North", "Wellington", "Cromwell", "Alexandra", "Katikati", "Pukekohe",
             "Queenstown", "Rotorua", "New Plymouth", "Ashburton", "Kerikeri"]
NATS = ["Indian", "Chinese", "Filipino", "Samoan", "Tongan", "Fijian", "Vietnamese", "Indonesian",
        "Nepali", "Bangladeshi", "Sri Lankan", "Thai", "Mexican", "Colombian", "Brazilian", "Korean",
        "Malaysian", "Kiribati", "Punjabi", "Ni-Vanuatu"]
COUNTRIES = ["India", "China", "the Philippines", "Samoa", "Tonga", "Fiji", "Vietnam", "Indonesia",
             "Nepal", "Bangladesh", "Sri Lanka", "Thailand", "Mexico", "Colombia", "Brazil", "Korea",
             "Vanuatu", "Kiribati", "Solomon Islands", "Malaysia", "Australia"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
PT_MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
             "outubro", "novembro", "dezembro"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]
ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]

KINDS = ["NAME", "PHONE", "EMAIL", "ADDRESS", "ID", "BANK", "CARD", "DOB", "HANDLE", "IP", "URL", "PLATE"]
NEUTRAL_FILLERS = {"COMPANY", "CITY", "NZCITY", "COUNTRY", "NAT", "JOB"}   # annotated as NEUTRAL
PLAIN_FILLERS = {"MONEY", "HOURS", "DATE", "WEEKDAY", "TIME", "MONTH", "MONTHNUM", "NUM"}  # not annotated

# ---------------------------------------------------------------------------
# Templates.  {KIND.r} = reporter's own detail, {KIND.o} = someone else's,
# optional third part is a variant.  Fillers: {COMPANY} {CITY} {NZCITY} ...
# flags: chat = lower-case chat style (names/emails lower-cased).
# ---------------------------------------------------------------------------
ANY = None
T = [
    # --- generic English, first person / third person / forms / chat / signatures
    ("My name is {NAME.r} and my number is {PHONE.r}.", ANY, ""),
    ("Hi, I am {NAME.r}, you can call me on {PHONE.r} after 8pm when the supervisor is gone.", ANY, ""),
    ("The boss {NAME.o} lives at {ADDRESS.o.nz} and drives a white ute, plate {PLATE.o.nz}.", ANY, ""),
    ("Name: {NAME.r}\nPhone: {PHONE.r}\nEmail: {EMAIL.r}", ANY, ""),
    ("Reporter: {NAME.r} / DOB: {DOB.r} / Passport: {ID.r.passport}", ANY, ""),
    ("The recruiter {NAME.o} took {MONEY} from each of us and told us to pay into account {BANK.o}.", ANY, ""),
    ("my boss {NAME.o.first} keeps all our passports in his office, mine is {ID.r.passport}", ANY, "chat"),
    ("pls help my cousin {NAME.o} is stuck at the farm near {NZCITY}, his phone {PHONE.o}", ANY, "chat"),
    ("Contact me at {EMAIL.r} but not by phone, my employer checks it.", ANY, ""),
    ("The supervisor's email is {EMAIL.o} and he sends the rosters from there.", ANY, ""),
    ("I was born on {DOB.r} so I am not a minor, but the contractor says I am.", ANY, ""),
    ("{NAME.o}, the manager at {COMPANY}, said if we complain he will call Immigration.", ANY, ""),
    ("My IRD number is {ID.r.tax} but they never pay the tax for me.", ANY, ""),
    ("The owner {NAME.o} wrote his IRD number {ID.o.tax} on the contract.", ANY, ""),
    ("They paid my wages into {NAME.o}'s account {BANK.o} and he kept half.", ANY, ""),
    ("My bank account is {BANK.r}; the payslips show only {HOURS} hours but we work more.", ANY, ""),
    ("He made me get a credit card, number {CARD.r}, and he uses it himself.", ANY, ""),
    ("The card used to pay for our flights was {CARD.o}, in the name of {NAME.o}.", ANY, ""),
    ("I am writing from a library computer, the IP address is {IP.r}.", ANY, ""),
    ("The agent's website {URL.o} advertises jobs in New Zealand that do not exist.", ANY, ""),
    ("Find him on Facebook: {HANDLE.o.fb}", ANY, ""),
    ("my whatsapp is {PHONE.r}, message only pls", ANY, "chat"),
    ("My wife {NAME.o} has the same problem, her number is {PHONE.o}.", ANY, ""),
    ("Please don't tell {NAME.o}. He is the owner and lives at {ADDRESS.o.nz}.", ANY, ""),
    ("The van that takes us to the packhouse is plate {PLATE.o.nz}, driven by {NAME.o.first}.", ANY, ""),
    ("I saw the car {PLATE.o} outside the house at night many times.", ANY, ""),
    ("Thank you for reading this.\n{NAME.r}\n{PHONE.r}", ANY, ""),
    ("Regards,\n{NAME.r.first}\n{EMAIL.r}", ANY, ""),
    ("-- sent by {NAME.r} ({EMAIL.r})", ANY, ""),
    ("From: {NAME.r} <{EMAIL.r}>\nSubject: unpaid wages at {COMPANY}", ANY, ""),
    ("My driver licence number is {ID.r.licence}, he kept a copy of it.", ANY, ""),
    ("I took a photo of his driver licence, number {ID.o.licence}.", ANY, ""),
    ("The contractor {NAME.o} (born {DOB.o}) also calls himself {NAME.o.first}.", ANY, ""),
    ("Recruiter details - name: {NAME.o}, phone: {PHONE.o}, email: {EMAIL.o}", ANY, ""),
    ("Worker: {NAME.o}, passport {ID.o.passport}, date of birth {DOB.o}", ANY, ""),
    ("Our house is at {ADDRESS.r.nz}, twelve people sleep in three rooms.", ANY, ""),
    ("i live at {ADDRESS.r.nz} with the other pickers, the landlord is the boss", ANY, "chat"),
    ("My home address back in my country is {ADDRESS.r}.", ANY, ""),
    ("The agency in my country is at {ADDRESS.o} and the owner is {NAME.o}.", ANY, ""),
    ("My national ID number is {ID.r.nid}.", ANY, ""),
    ("Before I came he asked for my ID {ID.r.nid} and my bank card {CARD.r}.", ANY, ""),
    ("The boss's son {NAME.o} sends threats from {HANDLE.o.at} on Instagram.", ANY, ""),
    ("You can reach me on Telegram, my username is {HANDLE.r.at}.", ANY, ""),
    ("my fb is {HANDLE.r.fb} if u need to msg me", ANY, "chat"),
    ("The money went to IBAN {BANK.o.iban} in the name of {NAME.o}.", ANY, ""),
    ("I sent {MONEY} to {NAME.o}, account {BANK.o}, for the job offer.", ANY, ""),
    ("Call {NAME.o.first} on {PHONE.o}, he saw what happened to {NAME.o.first}.", ANY, ""),
    ("Please call me, {PHONE.r}, I am {NAME.r.first}.", ANY, ""),
    ("DOB {DOB.r}, passport no. {ID.r.passport}, visa expires soon", ANY, ""),
    ("The manager {NAME.o} phoned me from {PHONE.o} and said I owe {MONEY}.", ANY, ""),
    ("The email from the recruiter came from {EMAIL.o} with a link to {URL.o}.", ANY, ""),
    ("Someone logged into my email {EMAIL.r} from IP {IP.o} after the boss took my phone.", ANY, ""),
    ("my name {NAME.r} my phone {PHONE.r} i work {HOURS} hours no pay", ANY, "chat"),
    ("NAME - {NAME.r}; MOBILE - {PHONE.r}; ADDRESS - {ADDRESS.r.nz}", ANY, ""),
    ("Boss name {NAME.o}. Boss phone {PHONE.o}. Boss car {PLATE.o.nz}.", ANY, ""),
    ("I can meet at the library. My email is {EMAIL.r}, or text {PHONE.r}.", ANY, ""),
    ("The housing is owned by {NAME.o}, who also owns {COMPANY}; {MONEY} a week rent is taken from pay.", ANY, ""),
    ("My friend {NAME.o} was born {DOB.o} and is only 17 but works nights.", ANY, ""),
    ("He has my passport ({ID.r.passport}) and my {NAT} ID card ({ID.r.nid}).", ANY, ""),
    ("Account holder: {NAME.o}\nAccount number: {BANK.o}", ANY, ""),
    ("The fee for my 'training' was charged to my card {CARD.r}.", ANY, ""),
    ("The recruiter's Facebook page is {HANDLE.o.fb} and the website is {URL.o}.", ANY, ""),
    ("Their office computer IP was {IP.o}, I saw it on the screen.", ANY, ""),
    ("I am {NAME.r}, date of birth {DOB.r}, {NAT} citizen.", ANY, ""),
    ("I only know him as {NAME.o.first}; maybe the family name is {NAME.o.last}.", ANY, ""),
    ("Mr {NAME.o.last} from {COMPANY} owes me three months of wages.", ANY, ""),
    ("Tip from {EMAIL.r}: they lock workers in at night.", ANY, ""),
    ("text me on {PHONE.r} or {PHONE.r}, the first one is my work phone", ANY, "chat"),
    ("The supervisor {NAME.o} ({PHONE.o}) hits workers who are slow.", ANY, ""),
    ("I am emailing from my sister's address {EMAIL.o}; my own is {EMAIL.r}.", ANY, ""),
    ("The crew boss is {NAME.o}, we call him {NAME.o.first}, cell {PHONE.o}.", ANY, ""),
    ("Sender: {NAME.r} | Mob: {PHONE.r} | DOB: {DOB.r}", ANY, ""),
    ("I'm {NAME.r.first}. My boss {NAME.o} said he would cancel my visa if I talk to you.", ANY, ""),
    ("Her passport number is {ID.o.passport} and the agent {NAME.o} still has it.", ANY, ""),
    ("My wages go to {BANK.r} but the boss has the card and the PIN.", ANY, ""),
    ("ok so the guy is {NAME.o} and he stays at {ADDRESS.o.nz} near the church", ANY, "chat"),
    ("He posts the job ads as {HANDLE.o.at} and tells people to WhatsApp {PHONE.o}.", ANY, ""),
    ("My car is {PLATE.r.nz}; he makes me drive the crew in it and never pays for petrol.", ANY, ""),
    ("My own website {URL.r} has my CV, the agent copied it to make a fake reference.", ANY, ""),
    ("my card {CARD.r} got charged {MONEY} by the agency for 'medical'", ANY, "chat"),
    ("The old job ad is still online at {URL.o} if you want to see it.", ANY, ""),
    ("I use a VPN because of him, but my home IP is {IP.r}.", ANY, ""),
    # --- worker's language: Chinese
    ("微信号: {HANDLE.r.wechat}", ["zh_CN", "zh_TW"], ""),
    ("我叫{NAME.r}，电话{PHONE.r}。老板三个月没有发工资。", ["zh_CN"], ""),
    ("老板{NAME.o}住在{ADDRESS.o}，他拿走了我们的护照。", ["zh_CN"], ""),
    ("身份证号：{ID.r.nid}，出生日期：{DOB.r}", ["zh_CN", "zh_TW"], ""),
    ("中介{NAME.o}的电话是{PHONE.o}，他收了我们每人{MONEY}。", ["zh_CN", "zh_TW"], ""),
    ("LINE ID：{HANDLE.r.line}，我的名字是{NAME.r}。", ["zh_TW"], ""),
    # Japanese / Korean
    ("私の名前は{NAME.r}です。電話番号は{PHONE.r}です。", ["ja_JP"], ""),
    ("生年月日：{DOB.r}　住所：{ADDRESS.r}", ["ja_JP"], ""),
    ("제 이름은 {NAME.r}이고 전화번호는 {PHONE.r}입니다.", ["ko_KR"], ""),
    ("사장 {NAME.o} 씨가 제 여권을 가져갔어요. 여권번호 {ID.r.passport}.", ["ko_KR"], ""),
    # Hindi (romanised and Devanagari), Nepali, Bengali
    ("mera naam {NAME.r} hai aur mera number {PHONE.r} hai", ["en_IN"], "chat"),
    ("malik ka naam {NAME.o} hai, woh {ADDRESS.o.nz} mein rehta hai", ["en_IN"], ""),
    ("मेरा नाम {NAME.r} है और मेरा फ़ोन नंबर {PHONE.r} है।", ["hi_IN"], ""),
    ("मालिक {NAME.o} ने मेरा पासपोर्ट ले लिया, पासपोर्ट नंबर {ID.r.passport} है।", ["hi_IN"], ""),
    ("मेरो नाम {NAME.r} हो, मेरो फोन {PHONE.r} हो।", ["ne_NP"], ""),
    ("my aadhaar is {ID.r.nid}, agent {NAME.o} took copy", ["en_IN", "hi_IN"], "chat"),
    ("আমার নাম {NAME.r}, ফোন {PHONE.r}", ["bn_BD"], ""),
    # Filipino
    ("ang pangalan ko ay {NAME.r}, ang number ko ay {PHONE.r}", ["fil_PH", "en_PH"], "chat"),
    ("kinuha ni {NAME.o} ang passport ko, {ID.r.passport} ang number", ["fil_PH", "en_PH"], ""),
    ("Yung amo namin si {NAME.o}, nakatira sa {ADDRESS.o.nz}.", ["fil_PH", "en_PH"], ""),
    ("SSS no. ko: {ID.r.nid}", ["fil_PH", "en_PH"], ""),
    # Vietnamese / Indonesian / Thai
    ("Tôi tên là {NAME.r}, số điện thoại {PHONE.r}.", ["vi_VN"], ""),
    ("Chủ tên {NAME.o}, ở {ADDRESS.o}, giữ hộ chiếu của chúng tôi.", ["vi_VN"], ""),
    ("Ngày sinh: {DOB.r}, CCCD: {ID.r.nid}", ["vi_VN"], ""),
    ("Nama saya {NAME.r}, nomor HP saya {PHONE.r}.", ["id_ID"], ""),
    ("Majikan saya {NAME.o} menahan paspor saya nomor {ID.r.passport}.", ["id_ID"], ""),
    ("NIK: {ID.r.nid} / Tgl lahir: {DOB.r}", ["id_ID"], ""),
    ("ผมชื่อ{NAME.r} เบอร์โทร {PHONE.r}", ["th_TH"], ""),
    ("นายจ้างชื่อ {NAME.o} อยู่ที่ {ADDRESS.o}", ["th_TH"], ""),
    # Spanish / Portuguese
    ("Me llamo {NAME.r} y mi celular es {PHONE.r}.", ["es_MX", "es_CO"], ""),
    ("El patrón, {NAME.o}, vive en {ADDRESS.o.nz} y tiene nuestros pasaportes.", ["es_MX", "es_CO"], ""),
    ("mi CURP es {ID.r.nid} y nací el {DOB.r}", ["es_MX"], "chat"),
    ("Mi cédula es {ID.r.nid}, correo {EMAIL.r}", ["es_CO"], ""),
    ("Meu nome é {NAME.r}, meu CPF é {ID.r.nid}.", ["pt_BR"], ""),
    ("O recrutador {NAME.o} pediu {MONEY} por Pix na chave {EMAIL.o}.", ["pt_BR"], ""),
    # Russian / German / French
    ("Меня зовут {NAME.r}, мой телефон {PHONE.r}.", ["ru_RU"], ""),
    ("Хозяин {NAME.o} живёт по адресу {ADDRESS.o}.", ["ru_RU"], ""),
    ("Ich heiße {NAME.r}, meine Telefonnummer ist {PHONE.r}.", ["de_DE"], ""),
    ("Je m'appelle {NAME.r}, né le {DOB.r}, mon numéro est {PHONE.r}.", ["fr_FR"], ""),
    # Pacific (hand-written names, en_NZ values)
    ("Malo e lelei, ko hoku hingoa ko {NAME.r}, my number {PHONE.r}", ["x_pacific"], ""),
    ("Talofa lava, o lo'u igoa o {NAME.r}. The boss {NAME.o} keeps our passports.", ["x_pacific"], ""),
]

TN = [  # neutral templates: no personal details at all
    ("We work at {COMPANY} in {NZCITY} from 6am to 7pm, about {HOURS} hours a week.", ANY, ""),
    ("The {JOB} at the packhouse told the {NAT} workers to pay {MONEY} for accommodation.", ANY, ""),
    ("Many workers from {COUNTRY} came to {NZCITY} on {DATE} for the Kiwifruit season.", ANY, ""),
    ("On {WEEKDAY} the Labour Inspector visited {COMPANY} but the Manager hid us in the shed.", ANY, ""),
    ("I arrived in {NZCITY} on {DATE} on an Accredited Employer Work Visa.", ANY, ""),
    ("{COMPANY} pays {MONEY} an hour, less than the Minimum Wage.", ANY, ""),
    ("Our contract says {HOURS} hours but we do double shifts during Christmas and Diwali.", ANY, ""),
    ("The company {COMPANY} has an office in {CITY} and another one in {COUNTRY}.", ANY, ""),
    ("We were promised work as {JOB} but ended up cleaning toilets at {COMPANY}.", ANY, ""),
    ("Last {WEEKDAY} we worked {HOURS} hours without a break and got {MONEY}.", ANY, ""),
    ("I paid {MONEY} to an agency in {CITY} for the job in New Zealand.", ANY, ""),
    ("The Employment Relations Authority case was filed on {DATE}.", ANY, ""),
    ("There are {NUM} {NAT} men living in one garage in {NZCITY}.", ANY, ""),
    ("We finish at {TIME} every day, even on Sunday, and no Holiday Pay since {DATE}.", ANY, ""),
    ("The Team Leader and the Operations Manager from {COMPANY} both know about it.", ANY, ""),
    ("my visa ends {DATE} and {COMPANY} says they wont renew unless i pay {MONEY}", ANY, "chat"),
    ("Immigration New Zealand approved the Job Check for {COMPANY} in {MONTH}.", ANY, ""),
    ("Workers from {COUNTRY} and {COUNTRY} share the bunkroom at the vineyard near {NZCITY}.", ANY, ""),
    ("Deductions of {MONEY} per week are taken for transport to {NZCITY}.", ANY, ""),
    ("The {JOB} said the Ministry of Business, Innovation and Employment never checks.", ANY, ""),
    ("We started picking on {DATE} and the season ends in {MONTH}.", ANY, ""),
    ("The {NAT} supervisor from {COMPANY} shouts at the {NAT} workers during Ramadan.", ANY, ""),
    ("Is it legal for {COMPANY} to keep a {MONEY} bond from each worker until {DATE}?", ANY, ""),
    ("老板让我们每天工作{HOURS}个小时，只付{MONEY}。", ["zh_CN", "zh_TW"], ""),
    ("Nagtatrabaho kami sa {COMPANY} sa {NZCITY} ng {HOURS} oras kada linggo.", ["fil_PH", "en_PH"], ""),
    ("Chúng tôi làm việc ở {NZCITY} từ tháng {MONTHNUM}, mỗi tuần {HOURS} giờ.", ["vi_VN"], ""),
]

PH_RE = re.compile(r"\{([A-Z]+)(?:\.([ro]))?(?:\.([a-z]+))?\}")
LATIN_RE = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’ .\-]+$")


class Gen:
    """Value generator for one locale."""

    def __init__(self, loc, rng):
        self.loc = loc
        self.rng = rng
        floc = "en_NZ" if loc == "x_pacific" else loc
        self.f = Faker(floc)
        self.f.seed_instance(zlib.crc32(f"{SEED}-{loc}".encode()))
        self.nz = Faker("en_NZ")
        self.nz.seed_instance(zlib.crc32(f"{SEED}-{loc}-nz".encode()))
        self.en = Faker("en_US")
        self.en.seed_instance(zlib.crc32(f"{SEED}-{loc}-en".encode()))
        if loc in ("en_IN", "hi_IN"):
            self.inf = Faker("en_IN")
            self.inf.seed_instance(zlib.crc32(f"{SEED}-{loc}-in".encode()))

    # ---- names
    def _first_last(self, romanized=False):
        f, r, loc = self.f, self.rng, self.loc
        male = r.random() < 0.6
        if loc == "x_pacific":
            return r.choice(PACIFIC_GIVEN), r.choice(PACIFIC_FAMILY)
        if romanized:
            return f.first_romanized_name(), f.last_romanized_name()
        first = f.first_name_male() if male else f.first_name_female()
        last = f.last_name_male() if male else f.last_name_female()
        return first, last

    def name(self, variant, english_ctx):
        r, loc = self.rng, self.loc
        romanized = english_ctx and loc in ("zh_CN", "zh_TW", "ja_JP") and r.random() < 0.3
        first, last = self._first_last(romanized)
        if variant == "first":
            return first, "first"
        if variant == "last":
            return last, "last"
        form = "full"
        if romanized:
            s = f"{first} {last}" if r.random() < 0.5 else f"{last} {first}"
            form = "romanized"
        elif loc in ("zh_CN", "zh_TW", "ko_KR"):
            s = last + first
        elif loc == "ja_JP":
            s = last + (" " if r.random() < 0.6 else "") + first
        elif loc == "vi_VN":
            mid = r.choice(["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", ""])
            s = " ".join(x for x in (last, mid, first) if x)
        elif loc == "ru_RU":
            s = r.choice([f"{first} {last}", f"{last} {first}"])
        elif loc in ("es_MX", "es_CO", "pt_BR") and r.random() < 0.4:
            s = f"{first} {last} {self.f.last_name()}"
        else:
            s = f"{first} {last}"
        return s, form

    # ---- phones
    def raw_phone(self):
        f, r, loc = self.f, self.rng, self.loc
        if loc in ("fil_PH", "en_PH"):
            s = f.mobile_number() if r.random() < 0.8 else f.landline_number()
        elif loc == "x_pacific":
            s = r.choice([f.numerify("+685 7#-#####"), f.numerify("+676 7## ####"),
                          f.numerify("+679 ### ####"), self.nz.numerify("02# ### ####")])
        elif loc == "en_NZ" and r.random() < 0.5:
            s = f.numerify(r.choice(["021 ### ####", "022 ### ####", "027 ### ####", "+64 21 ### ####",
                                     "0204 ### ###"]))
        else:
            s = f.phone_number()
        s = re.split(r"\s*(?:x|ext\.?)\s*\d+$", s)[0]
        return s.strip()

    def _national_core(self, s):
        if s.startswith("(0"):
            return s[2:].replace(")", "", 1).strip()
        if self.loc == "ru_RU" and s[:2] in ("8 ", "8("):
            return s[1:].strip()
        if s[:1] in ("0", "০"):
            return s[1:].strip()
        return s

    def phone(self, english_ctx):
        r, loc = self.rng, self.loc
        s = self.raw_phone()
        cc = CC[loc]
        p = r.random()
        if p < 0.40:
            return s, "faker"
        if p < 0.62:  # with country code
            if s.startswith("+"):
                return s, "faker"
            return f"+{cc} {self._national_core(s)}", "intl"
        if p < 0.72:  # dropped +
            if s.startswith("+"):
                return s[1:], "no-plus"
            return cc + re.sub(r"[^0-9০-৯]", "", self._national_core(s)), "no-plus"
        if p < 0.84:  # spaced digits
            digits = re.sub(r"[^0-9০-৯]", "", s)
            if s.startswith("+"):
                return "+ " + " ".join(digits), "spaced"
            return " ".join(digits), "spaced"
        if p < 0.92 and english_ctx and re.fullmatch(r"[0-9 +().\-]+", s):  # partly words
            groups = list(re.finditer(r"\d+", s))
            g = groups[-1] if r.random() < 0.5 else groups[len(groups) // 2]
            words = " ".join(DIGIT_WORDS[int(c)] for c in g.group())
            pre, post = s[:g.start()], s[g.end():]
            if pre and not pre.endswith(" "):
                pre += " "
            if post and not post.startswith(" "):
                post = " " + post
            return pre + words + post, "words"
        # compact digits
        return re.sub(r"[ ().\-]", "", s), "compact"

    # ---- email
    def email(self, chat):
        f, r = self.f, self.rng
        s = f.free_email() if r.random() < 0.6 else f.email()
        form = "faker"
        p = r.random()
        if p < 0.15:
            user, dom = s.split("@")
            dom_parts = dom.split(".")
            s = f"{user} at {' dot '.join(dom_parts)}"
            form = "at-dot"
        elif p < 0.22:
            user, dom = s.split("@")
            s = f"{user} [at] {dom}"
            form = "bracket-at"
        elif p < 0.27 and not chat:
            s = s.upper() if r.random() < 0.3 else s[0].upper() + s[1:]
            form = "case"
        return s, form

    def address(self, variant):
        g = self.nz if variant == "nz" else self.f
        if self.rng.random() < 0.4:
            s = g.street_address()
            form = "street"
        else:
            s = g.address()
            form = "full"
        sep = "" if self.loc in ("zh_CN", "zh_TW", "ja_JP") and variant != "nz" else ", "
        s = re.sub(r"\s*\n\s*", sep, s.strip())
        return s, form

    def id_(self, variant):
        f, r, loc = self.f, self.rng, self.loc
        if variant == "passport":
            return f.passport_number(), "passport"
        if variant == "tax":
            return self.nz.numerify(r.choice(["###-###-###", "##-###-###", "#########"])), "nz-ird"
        if variant == "licence":
            return self.nz.bothify("??######").upper(), "nz-licence"
        # national id
        if loc in ("en_IN", "hi_IN"):
            s = self.inf.aadhaar_id()
            if r.random() < 0.5:
                s = f"{s[:4]} {s[4:8]} {s[8:]}"
            return s, "aadhaar"
        if loc in ("fil_PH", "en_PH"):
            m = r.choice(["sss", "umid", "pagibig", "philhealth", "gsis"])
            return getattr(f, m)(), m
        if loc == "es_MX":
            return (f.curp(), "curp") if r.random() < 0.7 else (f.rfc(), "rfc")
        if loc == "pt_BR":
            return (f.cpf(), "cpf") if r.random() < 0.6 else (f.ssn(), "cpf-digits")
        if loc == "es_CO":
            return f.nuip(), "nuip"
        if loc in ("en_US", "en_GB", "zh_CN", "zh_TW", "ko_KR", "th_TH", "bn_BD", "fr_FR", "ru_RU"):
            return f.ssn(), "ssn-provider"
        pat = {"en_AU": "### ### ###", "en_NZ": "###-###-###", "vi_VN": "0###########",
               "id_ID": "################", "ne_NP": "##-##-##-#####", "ja_JP": "#### #### ####",
               "de_DE": "###########", "x_pacific": "#######"}[loc]
        return f.numerify(pat), "numerify"

    def bank(self, variant):
        f, r = self.f, self.rng
        p = r.random()
        if variant == "iban" or p < 0.4:
            s = f.iban()
            if r.random() < 0.3:
                s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
                return s, "iban-spaced"
            return s, "iban"
        if p < 0.65:
            return f.bban(), "bban"
        return self.nz.numerify(r.choice(["01", "02", "03", "06", "12", "38"]) + "-####-#######-" +
                                r.choice(["00", "01", "02", "25"])), "nz-account"

    def card(self):
        s = self.en.credit_card_number() if self.loc == "x_pacific" else self.f.credit_card_number()
        p = self.rng.random()
        if len(s) == 16 and p < 0.4:
            return " ".join(s[i:i + 4] for i in range(0, 16, 4)), "spaced"
        if len(s) == 16 and p < 0.5:
            return "-".join(s[i:i + 4] for i in range(0, 16, 4)), "dashed"
        return s, "faker"

    def dob(self, english_ctx):
        d = self.f.date_of_birth(minimum_age=16, maximum_age=62)
        r, loc = self.rng, self.loc
        y, m, dd = d.year, d.month, d.day
        native = {
            "zh_CN": f"{y}年{m}月{dd}日", "zh_TW": f"{y}年{m}月{dd}日", "ja_JP": f"{y}年{m}月{dd}日",
            "ko_KR": f"{y}년 {m}월 {dd}일", "vi_VN": f"{dd:02d}/{m:02d}/{y}",
            "es_MX": f"{dd} de {ES_MONTHS[m-1]} de {y}", "es_CO": f"{dd}/{m:02d}/{y}",
            "pt_BR": f"{dd} de {PT_MONTHS[m-1]} de {y}", "de_DE": f"{dd:02d}.{m:02d}.{y}",
            "fr_FR": f"{dd} {FR_MONTHS[m-1]} {y}", "ru_RU": f"{dd:02d}.{m:02d}.{y}",
            "id_ID": f"{dd} {ID_MONTHS[m-1]} {y}", "th_TH": f"{dd:02d}/{m:02d}/{y + 543}",
            "en_US": f"{m:02d}/{dd:02d}/{y}",
        }.get(loc, f"{dd:02d}/{m:02d}/{y}")
        opts = [(native, "native")]
        if english_ctx:
            opts += [(f"{m}/{dd}/{y}", "us-mdy"), (d.isoformat(), "iso"),
                     (f"{dd} {MONTHS[m-1]} {y}", "written-dmy"), (f"{MONTHS[m-1]} {dd}, {y}", "written-mdy"),
                     (f"{dd}-{MONTHS[m-1][:3]}-{y}", "dd-mon-yyyy"), (f"{dd}.{m}.{y}", "dotted")]
        else:
            opts += [(d.isoformat(), "iso"), (native, "native")]
        return r.choice(opts)

    def handle(self, variant):
        f, r = self.f, self.rng
        u = f.user_name()
        if variant == "fb":
            return r.choice([f"facebook.com/{u}", f"https://www.facebook.com/{u}", f"fb.com/{u}"]), "profile-link"
        if variant == "at":
            return "@" + u, "at"
        if variant == "wechat":
            return (u if r.random() < 0.6 else "wxid_" + f.lexify("??????????").lower()), "wechat"
        if variant == "line":
            return u, "line"
        return u, "plain"

    def ip(self):
        return (self.f.ipv4_public(), "ipv4") if self.rng.random() < 0.7 else (self.f.ipv6(), "ipv6")

    def url(self):
        return (self.f.url(), "url") if self.rng.random() < 0.5 else (self.f.uri(), "uri")

    def plate(self, variant):
        g = self.nz if variant == "nz" else self.f
        return g.license_plate(), variant or "locale"


def filler(kind, rng, en):
    if kind == "COMPANY":
        return en.company()
    if kind == "CITY":
        return en.city() if rng.random() < 0.3 else rng.choice(NZ_CITIES + ["Manila", "Delhi", "Suva", "Apia",
                                                                             "Kathmandu", "Jakarta", "Hanoi"])
    if kind == "NZCITY":
        return rng.choice(NZ_CITIES)
    if kind == "COUNTRY":
        return rng.choice(COUNTRIES) if rng.random() < 0.7 else en.country()
    if kind == "NAT":
        return rng.choice(NATS)
    if kind == "JOB":
        return en.job()
    if kind == "MONEY":
        a = rng.choice([18, 20, 23.15, 150, 250, 300, 450, 2000, 3500, 5000, 8000, 12000, 15000])
        fmt = rng.choice(["${:,}", "NZ${:,}", "{:,} dollars", "${:,} NZD", "Rs {:,}", "₱{:,}", "US${:,}"])
        return fmt.format(a)
    if kind == "HOURS":
        return str(rng.choice([40, 45, 50, 55, 60, 65, 70, 72, 80]))
    if kind == "DATE":
        d = en.date_between_dates(date_start=datetime.date(2022, 1, 1), date_end=datetime.date(2025, 12, 31))
        return rng.choice([f"{d.day} {MONTHS[d.month-1]} {d.year}", d.isoformat(),
                           f"{d.day:02d}/{d.month:02d}/{d.year}", f"{MONTHS[d.month-1]} {d.day}"])
    if kind == "WEEKDAY":
        return rng.choice(WEEKDAYS)
    if kind == "TIME":
        return rng.choice(["9pm", "10.30pm", "11pm", "midnight", "8:45pm"])
    if kind == "MONTH":
        return rng.choice(MONTHS)
    if kind == "MONTHNUM":
        return str(rng.randint(1, 12))
    if kind == "NUM":
        return str(rng.randint(8, 25))
    raise KeyError(kind)


def is_english(text):
    return bool(re.match(r"^[\x00-\x7f]*$", PH_RE.sub("", text))) and not any(
        w in text for w in ("mera naam", "malik ka", "pangalan", "kinuha", "Yung amo", "SSS no", "Malo e",
                            "Talofa", "mi CURP", "Mi c", "Me llamo", "NIK:", "Nama saya",
                            "Majikan", "Ich hei", "Je m'app"))


def render(template, flags, gen, rng):
    chat = "chat" in flags
    english = is_english(template)
    b = bytearray()
    spans, neutral = [], []
    pos = 0
    for m in PH_RE.finditer(template):
        b += template[pos:m.start()].encode()
        pos = m.end()
        kind, role, variant = m.group(1), m.group(2), m.group(3)
        form = None
        if kind in NEUTRAL_FILLERS or kind in PLAIN_FILLERS:
            val = filler(kind, rng, gen.en)
        elif kind == "NAME":
            val, form = gen.name(variant, english)
            if LATIN_RE.match(val) and (chat or rng.random() < 0.15):
                val, form = val.lower(), form + "+lower"
            elif LATIN_RE.match(val) and rng.random() < 0.05:
                val, form = val.upper(), form + "+upper"
        elif kind == "PHONE":
            val, form = gen.phone(english)
        elif kind == "EMAIL":
            val, form = gen.email(chat)
            if chat:
                val = val.lower()
        elif kind == "ADDRESS":
            val, form = gen.address(variant)
            if chat and LATIN_RE.match(val.replace(",", "").replace("/", "").translate(str.maketrans("", "", "0123456789"))):
                val, form = val.lower(), form + "+lower"
        elif kind == "ID":
            val, form = gen.id_(variant)
        elif kind == "BANK":
            val, form = gen.bank(variant)
        elif kind == "CARD":
            val, form = gen.card()
        elif kind == "DOB":
            val, form = gen.dob(english)
        elif kind == "HANDLE":
            val, form = gen.handle(variant)
        elif kind == "IP":
            val, form = gen.ip()
        elif kind == "URL":
            val, form = gen.url()
        elif kind == "PLATE":
            val, form = gen.plate(variant)
        else:
            raise KeyError(kind)
        start = len(b)
        b += val.encode()
        end = len(b)
        if kind in KINDS:
            spans.append({"start": start, "end": end, "kind": kind,
                          "role": "reporter" if role == "r" else "other", "form": form})
        elif kind in NEUTRAL_FILLERS:
            neutral.append({"start": start, "end": end, "kind": "NEUTRAL",
                            "what": "CITY" if kind == "NZCITY" else kind})
    b += template[pos:].encode()
    text = b.decode()
    return text, spans, neutral


def main():
    rng = random.Random(SEED)
    with contextlib.redirect_stdout(io.StringIO()):  # fil_PH provider prints a notice
        gens = {loc: Gen(loc, rng) for loc in LOCALES}
    templates = []
    for i, (t, locs, flags) in enumerate(T + TN):
        tid = f"t{i + 1:03d}"
        kinds = [m.group(1) for m in PH_RE.finditer(t) if m.group(1) in KINDS]
        templates.append({"tid": tid, "text": t, "locales": locs or LOCALES, "flags": flags,
                          "neutral": i >= len(T), "group": "NEUTRAL" if i >= len(T) else kinds[0]})

    # Split by template, stratified by group (first PII kind, or NEUTRAL).  Candidate
    # splits are drawn from seeded RNGs in order; the first one in which every feature
    # (kind/role pair, NEUTRAL sub-type) that occurs in >= 2 templates shows up in both
    # splits is used.  The attempt number is recorded in meta.json.
    def feats(t):
        out = set()
        for m in PH_RE.finditer(t["text"]):
            k, role = m.group(1), m.group(2)
            if k in KINDS:
                out.add(f"{k}/{'reporter' if role == 'r' else 'other'}")
            elif k in NEUTRAL_FILLERS:
                out.add("NEUTRAL/" + ("CITY" if k == "NZCITY" else k))
        return out
    fcount = Counter(f for t in templates for f in feats(t))
    need = {f for f, c in fcount.items() if c >= 2}
    groups = defaultdict(list)
    for t in templates:
        groups[t["group"]].append(t)
    for attempt in range(10000):
        split_rng = random.Random(SEED * 1000 + attempt)
        for g in sorted(groups):
            ts = groups[g][:]
            split_rng.shuffle(ts)
            n_dev = round(DEV_FRACTION * len(ts)) if len(ts) > 2 else (1 if split_rng.random() < DEV_FRACTION else 0)
            for j, t in enumerate(ts):
                t["split"] = "dev" if j < n_dev else "heldout"
        have = {sp: set().union(*[feats(t) for t in templates if t["split"] == sp]) for sp in ("dev", "heldout")}
        if need <= have["dev"] and need <= have["heldout"]:
            break
    else:
        raise SystemExit("no split found")
    split_attempt = attempt

    n_pii_t = sum(1 for t in templates if not t["neutral"])
    n_neu_t = len(templates) - n_pii_t
    records = []
    for t in templates:
        total = TARGET_NEUTRAL if t["neutral"] else TARGET_PII
        nt = n_neu_t if t["neutral"] else n_pii_t
        idx = templates.index(t) - (n_pii_t if t["neutral"] else 0)
        n = total // nt + (1 if idx < total % nt else 0)
        locs = list(t["locales"])
        rng.shuffle(locs)
        for k in range(n):
            loc = locs[k % len(locs)]
            text, spans, neutral = render(t["text"], t["flags"], gens[loc], rng)
            records.append({"text": text, "spans": spans, "neutral": neutral, "locale": loc,
                            "template": t["tid"], "split": t["split"]})

    # verify round trip, no overlaps, no empty spans
    for r in records:
        bt = r["text"].encode()
        allsp = sorted(r["spans"] + r["neutral"], key=lambda s: s["start"])
        for a, c in zip(allsp, allsp[1:]):
            assert a["end"] <= c["start"], r
        for s in allsp:
            assert 0 <= s["start"] < s["end"] <= len(bt)
            piece = bt[s["start"]:s["end"]].decode("utf-8")  # raises if not on char boundary
            assert piece == piece.strip() and piece, (r, s)
        if r["template"] in {t["tid"] for t in templates if not t["neutral"]}:
            assert r["spans"], r

    # checksum sanity: Faker cards must be Luhn-valid, Faker IBANs mod-97 valid
    def luhn(n):
        tot = 0
        for i, ch in enumerate(reversed(n)):
            x = int(ch) * (2 if i % 2 else 1)
            tot += x - 9 if x > 9 else x
        return tot % 10 == 0
    for r in records:
        bt = r["text"].encode()
        for sp in r["spans"]:
            v = bt[sp["start"]:sp["end"]].decode()
            if sp["kind"] == "CARD":
                assert luhn(re.sub(r"\D", "", v)), v
            if sp["kind"] == "BANK" and sp["form"].startswith("iban"):
                v = v.replace(" ", "")
                assert int("".join(str(int(c, 36)) for c in v[4:] + v[:4])) % 97 == 1, v

    rng.shuffle(records)  # interleave templates; ids assigned after shuffle
    for i, r in enumerate(records):
        r["id"] = f"gen-{i + 1:05d}"
    key_order = ["id", "text", "spans", "neutral", "locale", "template", "split"]
    for split in ("dev", "heldout"):
        with open(os.path.join(OUT, f"{split}.jsonl"), "w", encoding="utf-8") as fh:
            for r in records:
                if r["split"] == split:
                    fh.write(json.dumps({k: r[k] for k in key_order}, ensure_ascii=False) + "\n")

    meta = {"faker_version": faker.VERSION, "python": sys.version.split()[0], "seed": SEED,
            "split_attempt": split_attempt,
            "dev_fraction": DEV_FRACTION, "locales": LOCALES,
            "templates": [{k: t[k] for k in ("tid", "text", "flags", "group", "split")} |
                          {"locales": "any" if t["locales"] is LOCALES else t["locales"]} for t in templates]}
    with open(os.path.join(OUT, "meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
    write_readme(records, templates)
    print(f"faker {faker.VERSION}: {len(records)} records, {len(templates)} templates")


def table(counter, title, cols=("dev", "heldout")):
    keys = sorted({k for c in counter.values() for k in c})
    lines = [f"| {title} | " + " | ".join(cols) + " | total |", "|---|" + "---|" * (len(cols) + 1)]
    for k in keys:
        vals = [counter[c][k] for c in cols]
        lines.append(f"| {k} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    return "\n".join(lines)


def write_readme(records, templates):
    sent, kind, role, loc, kr, form, neu = (defaultdict(Counter) for _ in range(7))
    tcount = Counter()
    for t in templates:
        tcount[(t["split"], "neutral" if t["neutral"] else "pii")] += 1
    for r in records:
        s = r["split"]
        sent[s]["sentences"] += 1
        sent[s]["with PII spans" if r["spans"] else "no PII (neutral)"] += 1
        loc[s][r["locale"]] += 1
        for sp in r["spans"]:
            kind[s][sp["kind"]] += 1
            role[s][sp["role"]] += 1
            kr[s][f'{sp["kind"]}/{sp["role"]}'] += 1
            form[s][f'{sp["kind"]}:{sp["form"]}'] += 1
        for sp in r["neutral"]:
            neu[s][sp["what"]] += 1
    tmpl = "\n".join(f"- {k[0]} {k[1]} templates: {v}" for k, v in sorted(tcount.items()))
    with open(os.path.join(OUT, "README_header.md"), encoding="utf-8") as fh:
        header = fh.read()
    body = f"""
## Counts (generated by generate.py, Faker {faker.VERSION}, seed {SEED})

{tmpl}

{table(sent, "sentences")}

### Spans per kind
{table(kind, "kind")}

### Spans per role
{table(role, "role")}

### Spans per kind/role
{table(kr, "kind/role")}

### Sentences per locale
{table(loc, "locale")}

### NEUTRAL annotations (must NOT be redacted)
{table(neu, "neutral what")}

### Span surface forms (the "form" field)
{table(form, "kind:form")}
"""
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(header + body)


if __name__ == "__main__":
    main()
