//! True and false positives for every detector, through the full embedded engine.

use std::sync::OnceLock;
use tipline::redaction::{Engine, Kind, Role};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().expect("embedded rules load"))
}

/// The values found in `text` with their kinds.
fn found(text: &str) -> Vec<(String, Kind)> {
    engine()
        .find(text)
        .into_iter()
        .map(|s| (text[s.start..s.end].to_owned(), s.kind))
        .collect()
}

#[track_caller]
fn yes(text: &str, value: &str, kind: Kind) {
    let got = found(text);
    assert!(
        got.iter().any(|(v, k)| v == value && *k == kind),
        "expected {kind} {value:?} in {text:?}, got {got:?}"
    );
}

#[track_caller]
fn no(text: &str, kind: Kind) {
    let got = found(text);
    assert!(
        !got.iter().any(|(_, k)| *k == kind),
        "expected no {kind} in {text:?}, got {got:?}"
    );
}

#[track_caller]
fn nothing(text: &str) {
    let got = found(text);
    assert!(got.is_empty(), "expected nothing in {text:?}, got {got:?}");
}

#[test]
fn phones() {
    for (text, value) in [
        ("call 021 555 1234 now", "021 555 1234"),
        ("mob: 0275551234.", "0275551234"),
        ("ring +64 21 555 1234", "+64 21 555 1234"),
        ("or 0064-22-555-1234", "0064-22-555-1234"),
        ("office (09) 442 4452", "(09) 442 4452"),
        ("landline 03.356.9979", "03.356.9979"),
        ("free on 0800 838 383", "0800 838 383"),
        ("0508 123 4567 helpline", "0508 123 4567"),
        ("my mum in India +91 98201 44516", "+91 98201 44516"),
        ("Manila number +63 917 123 4567", "+63 917 123 4567"),
        ("Tonga +676 771 2345", "+676 771 2345"),
        ("China 0086 138 0013 8000", "0086 138 0013 8000"),
    ] {
        yes(text, value, Kind::Phone);
    }
    for text in [
        "he owes $15,000 for the visa",
        "we started 09/12/2024 at 06:30",
        "paid 1500 for 60 hours",
        "about 021 workers",
        "version 2.1.14",
        "room 0210",
        "+1 more person came",
        "12 hours a day, 7 days, 2023",
    ] {
        no(text, Kind::Phone);
    }
}

#[test]
fn email_url_handle_ip() {
    yes(
        "write to mere.tane@xtra.co.nz.",
        "mere.tane@xtra.co.nz",
        Kind::Email,
    );
    yes(
        "see https://jobs.example.co.nz/apply?id=4",
        "https://jobs.example.co.nz/apply?id=4",
        Kind::Url,
    );
    yes("the ad is on www.fakejobs.nz", "www.fakejobs.nz", Kind::Url);
    yes(
        "Find me on facebook.com/aadhya.927.",
        "facebook.com/aadhya.927",
        Kind::Handle,
    );
    yes("insta @mele_t99 has photos", "@mele_t99", Kind::Handle);
    yes("from 151.250.226.128 tonight", "151.250.226.128", Kind::Ip);
    yes(
        "ip 2404:ed5f:2bff:c9e5:bb53:505:91fa:6c53",
        "2404:ed5f:2bff:c9e5:bb53:505:91fa:6c53",
        Kind::Ip,
    );
    no("meet me @ the gate at 5", Kind::Handle);
    no("we met at 10:30 on 3:1 odds", Kind::Ip);
    no("version 1.2.3.4 of the app", Kind::Ip);
    no("e.g. the boss", Kind::Url);
    nothing("Ltd. is a company. Facebook is full of lies.");
}

#[test]
fn ird_bank_card() {
    yes("my IRD is 049-091-850", "049-091-850", Kind::Ird);
    yes("IRD number 136410132", "136410132", Kind::Ird);
    yes("tax number 1372-153-046", "1372-153-046", Kind::Ird);
    no("paid 136-410-133 dollars", Kind::Ird);
    no("$136410132 owed", Kind::Ird);
    yes(
        "into 38-2283-0388368-59 each week",
        "38-2283-0388368-59",
        Kind::Bank,
    );
    yes(
        "account 01 0902 0068389 000",
        "01 0902 0068389 000",
        Kind::Bank,
    );
    no("code 99-2283-0388368-59", Kind::Bank);
    yes(
        "card 4835 3374 0681 2411 for rent",
        "4835 3374 0681 2411",
        Kind::Card,
    );
    yes("amex 3782 822463 10005", "3782 822463 10005", Kind::Card);
    no("card 4835 3374 0681 2412 for rent", Kind::Card);
}

#[test]
fn passport_licence_plate_nhi_dob() {
    yes("took my passport (A6690743)", "A6690743", Kind::Passport);
    yes("passport no. LA123456", "LA123456", Kind::Passport);
    yes("Philippine passport P1030113K", "P1030113K", Kind::Passport);
    no("invoice A6690743 was paid", Kind::Passport);
    yes("driver licence DL123456", "DL123456", Kind::Licence);
    no("order AB654321 shipped", Kind::Licence);
    yes(
        "The van with plate BSM983 picks us up",
        "BSM983",
        Kind::Plate,
    );
    yes("white Toyota Hiace KVL299", "KVL299", Kind::Plate);
    no("flight NZ123 to Auckland", Kind::Plate);
    no("we work 7 days in room B12", Kind::Plate);
    yes("NHI ZAA0067 at the hospital", "ZAA0067", Kind::Nhi);
    no("NHI ZZZ0017", Kind::Nhi);
    yes("I was born 26/10/1963", "26/10/1963", Kind::Dob);
    yes("DOB: 1983-12-21", "1983-12-21", Kind::Dob);
    yes(
        "she was born on 17 June 1999 in Apia",
        "17 June 1999",
        Kind::Dob,
    );
    no("we arrived on 17 June 2023", Kind::Dob);
    no("paid on 26/10/2023", Kind::Dob);
}

#[test]
fn addresses() {
    yes(
        "He lives at 7/352 Great South Road, Frankton.",
        "7/352 Great South Road, Frankton",
        Kind::Address,
    );
    yes(
        "sleep at Flat 2, 61 Karaka Lane.",
        "Flat 2, 61 Karaka Lane",
        Kind::Address,
    );
    yes(
        "house at 14B Mahia Street, Ōtara",
        "14B Mahia Street, Ōtara",
        Kind::Address,
    );
    yes("send it to PO Box 1234", "PO Box 1234", Kind::Address);
    no("we work on Great South Road", Kind::Address);
    no("paid $6 an hour for 70 hours a week", Kind::Address);
    no("Workers at the packhouse in Hawke's Bay", Kind::Address);
}

#[test]
fn names_from_many_places() {
    for (text, value) in [
        ("My name is Losana Vakaloloma.", "Losana Vakaloloma"),
        (
            "The manager Urmi Raghavan keeps the passports.",
            "Urmi Raghavan",
        ),
        ("Please don't tell Andrew Potter.", "Andrew Potter"),
        ("the supervisor Nguyễn Thị Lan shouts", "Nguyễn Thị Lan"),
        ("the supervisor Nguyen Thi Lan shouts", "Nguyen Thi Lan"),
        ("Regards, Warhi Sengupta", "Warhi Sengupta"),
        ("Text me. - Mele Fifita", "Mele Fifita"),
        ("our boss Tevita Fonua takes $200", "Tevita Fonua"),
        ("I am Guy Coates, phone me", "Guy Coates"),
        ("He said his name was Diego Fernández", "Diego Fernández"),
        (
            "The contractor Olumide Adebayo brings workers.",
            "Olumide Adebayo",
        ),
        ("Ngā mihi, Aroha", "Aroha"),
        ("Mr Okonkwo runs the crew", "Okonkwo"),
        ("Kiri Te Whata pays us late", "Kiri Te Whata"),
        ("It was Marie Little from the agency", "Marie Little"),
        ("the worker Jun-seo Park came", "Jun-seo Park"),
        ("Mary-Jane Smith-Tau paid us", "Mary-Jane Smith-Tau"),
        ("brought by Ekavir Bose to Napier", "Ekavir Bose"),
    ] {
        yes(text, value, Kind::Name);
    }
}

#[test]
fn not_names() {
    for text in [
        "Workers at the packhouse in Hawke's Bay are paid $6 an hour.",
        "I work at Southern Hospitality Ltd in Queenstown.",
        "We live on Great South Road near Golden Dairy.",
        "The owner threatens to call Immigration New Zealand.",
        "Since March, about 12 people work at Sunrise Orchards without breaks.",
        "We pick kiwifruit in Te Puke and apples in Hastings on an RSE visa.",
        "They said Will is coming on Monday with the Police.",
        "Grace and Hope are not names here, and May is a month.",
        "The Labour Inspectorate and WorkSafe never visited Palmerston North.",
        "The Samoan and Tongan workers sleep in a shed in Mount Maunganui.",
        "We met at Albert Park and then went to Victoria Park.",
        "We worked at Blue Ocean Seafoods and Kaimai Berries near Katikati, then at Te Mata Peak Orchard.",
        "They sell Zespri Gold kiwifruit and Pinot Noir and Sauvignon Blanc from Hawke's Bay.",
        "We stayed at the Top 10 Holiday Park in Taupo, near Lake Taupo and Huka Falls.",
        "We go to St Mary's Church on Sunday, and on Waitangi Day and Labour Weekend we still worked.",
        "Unpaid Wages At The Farm. Please Help Us. We Are Scared Of The Boss.",
    ] {
        no(text, Kind::Name);
    }
}

#[test]
fn a_first_name_alone_after_the_full_name_is_the_same_person() {
    let red = engine().redact("Andrew Potter hit him. Later Andrew said sorry. Sam Lee saw it.");
    assert_eq!(
        red.redacted,
        "[NAME-1] hit him. Later [NAME-1] said sorry. [NAME-2] saw it."
    );
}

#[test]
fn roles_are_hinted() {
    let text =
        "My name is Sione Taufa, call me on 021 555 1234. The boss Tevita Fonua has 027 555 9876.";
    let spans = engine().find(text);
    let roles: Vec<(&str, Role)> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Sione Taufa", Role::Reporter),
            ("021 555 1234", Role::Reporter),
            ("Tevita Fonua", Role::Other),
            ("027 555 9876", Role::Other),
        ]
    );
}

#[test]
fn offsets_are_exact_bytes_in_unicode_text() {
    let text = "Kia ora — I'm Mereana Tūhoe-Ngata, Ōtāhuhu. Ph 021 555 1234";
    for s in engine().find(text) {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    yes(text, "Mereana Tūhoe-Ngata", Kind::Name);
    yes(text, "021 555 1234", Kind::Phone);
}

#[test]
fn rules_from_a_directory_match_the_embedded_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("redaction-rules");
    let from_dir = Engine::from_dir(&dir).unwrap();
    assert_eq!(from_dir.rules().len(), engine().rules().len());
    let text = "My name is Sione Taufa, call me on 021 555 1234.";
    assert_eq!(from_dir.redact(text), engine().redact(text));
}

#[test]
fn names_in_other_shapes() {
    yes(
        "hi my name is sione taufa and i need help",
        "sione taufa",
        Kind::Name,
    );
    no("i am tired and i am scared", Kind::Name);
    yes("Regards, mele tupou", "mele tupou", Kind::Name);
    yes("I'm sione", "sione", Kind::Name);
    yes(
        "Losana, my supervisor, keeps the money",
        "Losana",
        Kind::Name,
    );
    yes("We need help.\nMereana", "Mereana", Kind::Name);
    yes("The boss is Mrs. Tan from the shop", "Tan", Kind::Name);
    yes("MY BOSS IS JOHN SMITH", "JOHN SMITH", Kind::Name);
    yes("Tevita's van is white", "Tevita", Kind::Name);
    yes(
        "the form was signed by J. Smith yesterday",
        "J. Smith",
        Kind::Name,
    );
    yes("Dear Losana, thank you", "Losana", Kind::Name);
    no("We had no Plan B. Nobody helped.", Kind::Name);
}

#[test]
fn long_texts_of_names_stay_fast() {
    let text = "Andrew Potter and Sione Taufa met Priya. i am sione. ".repeat(20_000);
    let started = std::time::Instant::now();
    let red = engine().redact(&text);
    assert!(red.spans.len() >= 60_000);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn bad_rule_directories_give_clear_errors() {
    use tipline::redaction::rules::{assemble, RulesError};
    let none = |name: &str| -> Result<String, RulesError> {
        Err(RulesError::Syntax {
            file: name.into(),
            message: "missing".into(),
        })
    };
    let names = "[names]\ndescription = \"d\"\ngiven = [\"../../etc/passwd\"]\nsurnames = []\nnot_names = []\nbusiness = []\nintro = []\nroles = []\n";
    let err = assemble(vec![("n.toml".into(), names.into())], &none, "t")
        .err()
        .expect("an error")
        .to_string();
    assert!(err.contains("inside the rules directory"), "{err}");
    let names = names.replace("../../etc/passwd", "names/given.txt");
    let err = assemble(vec![("n.toml".into(), names)], &none, "t")
        .err()
        .expect("an error")
        .to_string();
    assert!(err.contains("names/given.txt"), "{err}");
    let rule = "[[rule]]\nid = \"x\"\nkind = \"PHONE\"\ndescription = \"d\"\npattern = \"a\"\ncontext = { window = 0 }\n";
    let err = assemble(vec![("r.toml".into(), rule.into())], &none, "t")
        .err()
        .expect("an error")
        .to_string();
    assert!(err.contains("r.toml: rule `x`: context window"), "{err}");
}

#[test]
fn given_names_that_are_also_place_words_stay_names() {
    yes("The driver is Glen Barker.", "Glen Barker", Kind::Name);
    no("We live in Glen Eden near Mount Albert.", Kind::Name);
}

#[test]
fn pasted_chats_forms_and_other_countries_numbers() {
    yes(
        "[03/11/24, 8:02:15 PM] Ravi Boss: van at 5",
        "Ravi",
        Kind::Name,
    );
    yes("Name on passport: THANT ZIN OO", "THANT ZIN OO", Kind::Name);
    for value in ["QX-31870", "QX-31871", "QX-31899"] {
        yes(
            "employee numbers QX-31870, QX-31871 and QX-31899 on the roster",
            value,
            Kind::Id,
        );
    }
    no("employee no. QX-31870, 3 shifts a week", Kind::Plate);
    yes("mi RUT es 12.345.678-5 y", "12.345.678-5", Kind::Id);
    yes("CUIL 20-12345678-6", "20-12345678-6", Kind::Id);
    yes("رقم جواز سفري K7734512.", "K7734512", Kind::Passport);
    yes("تاريخ ميلادي ١٩٩٠/٠٥/٢١.", "١٩٩٠/٠٥/٢١", Kind::Dob);
    yes(
        "شناختی کارڈ نمبر 42101-1234567-1 ہے",
        "42101-1234567-1",
        Kind::Id,
    );
    yes(
        "เลขประจำตัวประชาชน 1-2345-67890-12-1",
        "1-2345-67890-12-1",
        Kind::Id,
    );
    no("รหัส 1-2345-67890-12-2", Kind::Id);
}

#[test]
fn names_in_lists_and_after_cues_in_more_languages() {
    yes(
        "Workers - Sione, Paletu and Viliami Taufa - told me",
        "Paletu",
        Kind::Name,
    );
    nothing("We pick in Hastings, Motueka and Te Puke.");
    yes("என் பெயர் முருகன் செல்வம். நான் வேலை", "முருகன் செல்வம்", Kind::Name);
    yes("മാനേജർ ഷീബ ഞങ്ങളുടെ ശമ്പളം", "ഷീബ", Kind::Name);
    yes("工作 老板 刘强 扣我们护照", "刘强", Kind::Name);
    nothing("你们好，我在农场工作，一周工作四十个小时，包住。");
}
