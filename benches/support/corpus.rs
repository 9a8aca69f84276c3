//! A benchmark corpus made here, deterministically, unlike the dev corpus on purpose:
//! many phrasings (formal, chat, lower case, transcripts, other languages), phone
//! numbers in many countries' formats, many names, and long tips; plus the adversarial
//! 64 KiB inputs that a flood or a bot may send. Shared by the criterion bench
//! (`benches/redaction.rs`) and `examples/bench_corpus.rs`, which writes it as JSON lines.

/// xorshift64*: the same corpus on every machine and every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn upper(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'A' + self.below(26) as u8))
            .collect()
    }
}

const GIVEN: &[&str] = &[
    "Sione",
    "Mele",
    "Tevita",
    "Losana",
    "Aroha",
    "Wiremu",
    "Hemi",
    "Ngaire",
    "Priya",
    "Arjun",
    "Gurpreet",
    "Harjit",
    "Manpreet",
    "Sunita",
    "Wei",
    "Jing",
    "Xiaoming",
    "Mei Ling",
    "Jose",
    "Maria Luisa",
    "Rodrigo",
    "Camila",
    "Juan Carlos",
    "Ana",
    "Marites",
    "Rowena",
    "Jericho",
    "Nguyen Van",
    "Thi Hoa",
    "Minh",
    "Somchai",
    "Malee",
    "Ji-woo",
    "Min-jun",
    "Seo-yeon",
    "Oleksandr",
    "Iryna",
    "Fatima",
    "Mohammed",
    "Aisha",
    "Tariq",
    "Bilal",
    "Nadia",
    "Ravi",
    "Deepika",
    "Sanjay",
    "Lakshmi",
    "Kavya",
    "Emeli",
    "Iosefa",
    "Salote",
    "Viliami",
    "Ratu",
    "Litia",
    "Epeli",
    "Kalolaine",
    "Tomasi",
    "Grace",
    "Oliver",
    "Charlotte",
    "Liam",
    "Siobhan",
    "Declan",
    "Moana",
    "Kahu",
    "Rangi",
    "Tama",
    "Anahera",
    "Dewi",
    "Budi",
    "Siti",
    "Agus",
    "Thabo",
    "Naledi",
    "Kwame",
    "Ama",
    "Pedro",
    "Lucia",
    "Bogdan",
    "Zofia",
    "Hamid",
    "Parisa",
];

const FAMILY: &[&str] = &[
    "Taufa",
    "Fifita",
    "Tuilagi",
    "Aumua",
    "Ngata",
    "Parata",
    "Tawhiri",
    "Walker",
    "Singh",
    "Kaur",
    "Sharma",
    "Patel",
    "Reddy",
    "Iyer",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Huang",
    "Garcia",
    "Fernandez",
    "Santos",
    "Reyes",
    "Dela Cruz",
    "Bautista",
    "Nguyen",
    "Tran",
    "Pham",
    "Srisuk",
    "Wongsawat",
    "Kim",
    "Park",
    "Choi",
    "Kovalenko",
    "Shevchenko",
    "Khan",
    "Hussain",
    "Rahman",
    "Qureshi",
    "Naidu",
    "Prasad",
    "Vunipola",
    "Tuivaga",
    "Ravouvou",
    "Havili",
    "Latu",
    "Moala",
    "O'Connor",
    "McAllister",
    "Van der Berg",
    "Smith",
    "Brown",
    "Thompson",
    "Mahuika",
    "Rewiti",
    "Herewini",
    "Kusuma",
    "Wijaya",
    "Mokoena",
    "Mensah",
    "Oliveira",
    "Nowak",
    "Wozniak",
    "Karimi",
    "Ahmadi",
    "Lupe",
    "Faleolo",
    "Sapolu",
    "Tanielu",
];

const BUSINESSES: &[&str] = &[
    "Golden Bay Orchards Ltd",
    "KiwiPack Contracting",
    "Southern Cross Cleaning Services",
    "Harbourview Noodle House",
    "Rapid Build Scaffolding",
    "Tasman Vineyard Labour",
    "Bright Star Recruitment (Manila)",
    "Sunrise Dairy Farms",
    "Pacific Harvest Crew",
    "Lucky Dragon Restaurant",
    "Evergreen Aged Care",
    "Coastal Fishing Co",
];

const PLACES: &[&str] = &[
    "Hastings",
    "Te Puke",
    "Blenheim",
    "Otahuhu",
    "Papatoetoe",
    "Manurewa",
    "Invercargill",
    "Nelson",
    "Cromwell",
    "Gisborne",
    "Whangarei",
    "Lower Hutt",
    "Riccarton",
    "Mangere East",
];

const STREETS: &[&str] = &[
    "Karaka Lane",
    "Great South Road",
    "Kaimanawa Street",
    "Station Rd",
    "Queen St",
    "Tui Crescent",
    "Pohutukawa Ave",
    "Harbour View Terrace",
    "Old Mill Road",
    "Kowhai Place",
];

/// A phone number as people write them, in many countries' formats.
fn phone(rng: &mut Rng) -> String {
    let d = |rng: &mut Rng, n| rng.digits(n);
    match rng.below(22) {
        0 => format!("021 {} {}", d(rng, 3), d(rng, 4)),
        1 => format!("022-{}-{}", d(rng, 3), d(rng, 4)),
        2 => format!("+64 27 {} {}", d(rng, 3), d(rng, 4)),
        3 => format!("(09) {} {}", d(rng, 3), d(rng, 4)),
        4 => format!("+61 4{} {} {}", d(rng, 2), d(rng, 3), d(rng, 3)),
        5 => format!("0061 4{}{}", d(rng, 2), d(rng, 6)),
        6 => format!("+63 917 {} {}", d(rng, 3), d(rng, 4)),
        7 => format!("0917-{}-{}", d(rng, 3), d(rng, 4)),
        8 => format!("+91 9{} {}", d(rng, 4), d(rng, 5)),
        9 => format!("+91-98{}-{}", d(rng, 3), d(rng, 5)),
        10 => format!("+86 138 {} {}", d(rng, 4), d(rng, 4)),
        11 => format!("+1 (415) {}-{}", d(rng, 3), d(rng, 4)),
        12 => format!("+44 7700 {}{}", d(rng, 3), d(rng, 3)),
        13 => format!("+679 {} {}", d(rng, 3), d(rng, 4)),
        14 => format!("+676 {}{}", d(rng, 2), d(rng, 5)),
        15 => format!("+685 7{}{}", d(rng, 2), d(rng, 4)),
        16 => format!("+62 812-{}-{}", d(rng, 4), d(rng, 4)),
        17 => format!("+84 90 {} {}", d(rng, 3), d(rng, 4)),
        18 => format!("+66 8{} {} {}", d(rng, 1), d(rng, 3), d(rng, 4)),
        19 => format!("021.{}.{}", d(rng, 3), d(rng, 4)),
        20 => format!("+82 10-{}-{}", d(rng, 4), d(rng, 4)),
        _ => format!("0064 21 {}{}", d(rng, 3), d(rng, 4)),
    }
}

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

fn email(rng: &mut Rng) -> String {
    let given = rng.pick(GIVEN).to_lowercase().replace(' ', "");
    let separator = rng.pick(&[".", "_", ""]);
    let digits = rng.below(4);
    let user = format!("{given}{separator}{}", rng.digits(digits));
    let host = rng.pick(&[
        "gmail.com",
        "yahoo.co.nz",
        "outlook.com",
        "xtra.co.nz",
        "qq.com",
        "163.com",
        "hotmail.com",
        "proton.me",
        "rediffmail.com",
        "naver.com",
    ]);
    format!("{user}@{host}")
}

fn address(rng: &mut Rng) -> String {
    format!(
        "{}{} {}, {}",
        rng.below(400) + 1,
        rng.pick(&["", "A", "B", "/2"]),
        rng.pick(STREETS),
        rng.pick(PLACES)
    )
}

fn detail(rng: &mut Rng) -> String {
    match rng.below(12) {
        0..=2 => phone(rng),
        3..=4 => email(rng),
        5 => address(rng),
        6 => format!("{}{}", rng.upper(2), rng.digits(6)),
        7 => format!(
            "{}-{}-{}-{}",
            rng.digits(2),
            rng.digits(4),
            rng.digits(7),
            rng.digits(2)
        ),
        8 => format!("{}{}", rng.upper(3), rng.digits(3)),
        9 => format!(
            "{}/{}/19{}",
            rng.below(28) + 1,
            rng.below(12) + 1,
            rng.below(30) + 70
        ),
        10 => format!(
            "@{}{}",
            rng.pick(GIVEN).to_lowercase().replace(' ', "_"),
            rng.digits(2)
        ),
        _ => format!(
            "{}.{}.{}.{}",
            rng.below(223) + 1,
            rng.below(256),
            rng.below(256),
            rng.below(256)
        ),
    }
}

/// One sentence, in one of many voices. `{N}` a name, `{D}` a detail, `{P}` a phone,
/// `{B}` a business, `{L}` a place.
const SENTENCES: &[&str] = &[
    "The supervisor {N} takes our passports when we arrive and keeps them in the office at {B}.",
    "if u need to talk to me my number is {P} but only after 9pm pls",
    "We work from 5am until dark, seven days, and {N} says we still owe money for the flights.",
    "Caller: my cousin {N} is at the farm near {L}. Handler: do you have a number? Caller: {P}.",
    "honestly i dont know who else to tell, {N} threatened to call immigration on all of us",
    "They deduct $200 every week for a mattress in a garage. Contact for the boss is {D}.",
    "Hola, me llamo {N} y trabajo en {B}. Mi teléfono es {P}. No nos pagan desde marzo.",
    "Kumusta po, ako si {N}. Ang amo namin ay si {N}, numero niya {P}.",
    "Nama saya {N}, saya kerja di {L}. Bos kami {N} tidak bayar gaji tiga bulan.",
    "我叫{N}，在{L}的餐馆工作，老板不给工资。我的电话是{P}。",
    "मेरा नाम {N} है। मालिक ने हमारे पासपोर्ट ले लिए। फ़ोन {P}।",
    "Talofa, o lo'u igoa o {N}. Fa'amolemole, {N} e le totogi mai i matou.",
    "- Name of manager: {N}\n- Phone: {P}\n- Site: {B}, {L}\n- Other: {D}",
    "Reported on behalf of a friend ({N}) who is too scared; reach her through {D}.",
    "There are about twelve of us living at {D} and we share two bathrooms.",
    "On Tuesday {N} and {N} came with a van and moved four workers to another site in {L}.",
    "The agent in Manila, {N}, charged each of us PHP 150,000 and gave us fake contracts.",
    "MY BOSS {N} WILL NOT GIVE ME MY PAY, PLEASE HELP, CALL {P}",
    "ok so basically {n} (the one with the white ute) collects rent cash every friday",
    "Nobody speaks English well here so we cannot complain. Write to {D} if you need more.",
    "The contract says 40 hours at $23.15 but we get $9 an hour, paid in cash, no payslips.",
    "Ko {N} ahau. I mahi ahau ki {B}. Kaore te rangatira e utu ana i a matou.",
    "Xin chào, tôi tên là {N}. Ông chủ {N} giữ hộ chiếu của chúng tôi. Số điện thoại {P}.",
    "{N}, {N} and {N} all work the night shift without breaks; the foreman is {N}.",
    "The last payslip shows deductions of $340 for 'accommodation' and $120 'transport'.",
    "저는 {N}입니다. 사장님이 월급을 안 줍니다. 연락처 {P}.",
    "Please do not contact me by phone. Email {D} is safer, my husband reads my messages.",
    "He said if we go to the police he will tell our families back home about the debt.",
];

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let slot = &rest[at..at + 3];
        match slot {
            "{N}" => out.push_str(&name(rng)),
            "{n}" => out.push_str(&name(rng).to_lowercase()),
            "{P}" => out.push_str(&phone(rng)),
            "{D}" => out.push_str(&detail(rng)),
            "{B}" => out.push_str(rng.pick(BUSINESSES)),
            "{L}" => out.push_str(rng.pick(PLACES)),
            _ => out.push_str(slot),
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

/// `count` tips: most a few sentences, one in eight long (20 to 60 sentences, several
/// KiB, as a forwarded chat or a written statement is).
pub fn tips(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let sentences = if rng.below(8) == 0 {
                20 + rng.below(41)
            } else {
                1 + rng.below(5)
            };
            let mut text = String::new();
            for i in 0..sentences {
                if i > 0 {
                    text.push_str(rng.pick(&[" ", " ", "\n", "\n\n"]));
                }
                let template = rng.pick(SENTENCES);
                text.push_str(&fill(&mut rng, template));
            }
            text
        })
        .collect()
}

/// The adversarial inputs: 64 KiB each of one kind of text that makes a scanner work.
pub fn adversarial() -> Vec<(&'static str, String)> {
    const SIZE: usize = 64 * 1024;
    let repeat = |unit: &str| -> String {
        let mut s = String::with_capacity(SIZE + unit.len());
        while s.len() + unit.len() <= SIZE {
            s.push_str(unit);
        }
        s
    };
    let mut rng = Rng::new(64);
    let digits = rng.digits(SIZE);
    let mut capitalised = String::new();
    while capitalised.len() < SIZE - 16 {
        let word = rng.pick(GIVEN).split(' ').next().unwrap_or("Ana");
        capitalised.push_str(word);
        capitalised.push_str(rng.pick(&[" ", " ", ", ", " Mc", " Van "]));
    }
    let huge_word: String = (0..SIZE)
        .map(|i| char::from(b'a' + ((i * 7 + i / 26) % 26) as u8))
        .collect();
    vec![
        ("digits", digits),
        ("digit groups", repeat("021 555 ")),
        ("capitalised words", capitalised),
        ("repeated names", repeat("Sione Taufa and Priya Sharma, ")),
        ("at signs and dots", repeat("@.")),
        ("address-like", repeat("a.b@c.d ")),
        ("emoji", repeat("😀🙏🏽🇳🇿 ")),
        ("chinese", repeat("我们在工厂工作没有工资老板拿走护照")),
        ("devanagari", repeat("हम कारखाने में काम करते हैं ")),
        ("devanagari digits", repeat("०२१ ५५५ १२३४ ")),
        ("one huge word", huge_word),
    ]
}
