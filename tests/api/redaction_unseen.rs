//! Tips written apart from the dev corpus, in other words, with names from other places:
//! a check that the rules generalise rather than fit the corpus. Each `{KIND:text}` marks a
//! detail that must be redacted; everything else must stay readable except where noted.

use tipline::redaction::Engine;

const TIPS: &[&str] = &[
    r#"Kia ora, my name is {NAME:Losana Vakaloloma} and I pick apples near Hastings. Our boss {NAME:Tevita Fonua} takes $200 a week from our pay for the van."#,
    r#"The owner of the restaurant, {NAME:Nguyen Van Hung}, keeps the passports of 5 cooks in his safe. Please help. Ph {PHONE:022 418 7730}"#,
    r#"I came on an AEWV visa. The recruiter {NAME:Maricel Dizon} charged me 450,000 pesos. She is on {HANDLE:facebook.com/maricel.dizon.77}"#,
    r#"We work 14 hours a day at the dairy farm in Southland. Manager is {NAME:Gurpreet Sandhu} ({PHONE:+64 27 390 1182}). I don't want to give my name."#,
    r#"Supervisor {NAME:Zhang Lei} shouts at us and says immigration will deport us. The company pays into {BANK:06-0501-0847362-00} and then takes it back in cash."#,
    r#"Thanks, {NAME:Pasang Sherpa}"#,
    r#"He said his name was {NAME:Diego Fernández} and he drives a silver Toyota Hiace, rego {PLATE:LKD482}."#,
    r#"my friend {NAME:Seini Latu} lives at {ADDRESS:14B Mahia Street, Ōtara} with 11 other workers in 3 bedrooms"#,
    r#"Call me on {PHONE:021 0893 442} or email {EMAIL:kim.minjun88@naver.com} - {NAME:Kim Min-jun}"#,
    r#"The contractor {NAME:Abdul Rahman} made us sign papers in English we could not read. His number is {PHONE:+880 1712 345678}."#,
    r#"I was born on {DOB:4 March 1991} and my IRD number is {IRD:049-091-850}. They never paid my tax."#,
    r#"We were told to keep quiet when the Labour Inspectorate visited. The foreman {NAME:Ioane Leaupepe} watches us all the time."#,
    r#"Please do not contact my employer. I am {NAME:Maria Dela Cruz}, I work as a caregiver in Tauranga."#,
    r#"The agent took my passport ({PASSPORT:P4829173B}) at the airport and has not given it back."#,
    r#"Money goes to card {CARD:4539 1488 0343 6467} which belongs to {NAME:Sunil Perera}."#,
    r#"Message me on WhatsApp {PHONE:+91 98201 44516}. Regards {NAME:Harjinder Kaur}"#,
    r#"Mr {NAME:Okonkwo} runs the cleaning crew at night in Christchurch and pays $9 an hour."#,
    r#"They log in from {IP:203.97.14.201} to change our rosters."#,
    r#"The boss {NAME:Tran Thi Mai} and her husband {NAME:Le Van Tam} own two nail salons in Botany."#,
    r#"I stay at {ADDRESS:Unit 3, 27 Kowhai Avenue, Glen Innes} with the other fishermen."#,
    r#"I am writing for my brother {NAME:Rohit Chaudhary}. His boss {NAME:Vikram Malhotra} kept his visa papers."#,
    r#"Our team leader {NAME:Ana Folau} told us no breaks until 9pm. We work at a packhouse in Te Puke."#,
    r#"Free number was {PHONE:0800 838 383} but nobody answered. My number {PHONE:09 486 2210}."#,
    r#"The supervisor's name is {NAME:Wiremu Ngata}. He lives on {ADDRESS:52 Rata Road, Kaikohe}."#,
    r#"Please don't tell {NAME:Chen Jing}, she will know it was me."#,
    r#"The Samoan workers at the meat plant are paid less than the Fijian ones. The HR lady {NAME:Priscilla Tuilagi} knows."#,
    r#"Send the inspector to {ADDRESS:118 Great North Road, Grey Lynn}, the back shed."#,
    r#"Email {EMAIL:joseph.otieno@gmail.com} if you need more. - {NAME:Joseph Otieno}"#,
    r#"It started in January 2023. The owner {NAME:Sokha Chea} promised us residency but nothing happened."#,
    r#"The manager, {NAME:Hemi Walker}, said that if we complain he will call Immigration New Zealand."#,
    r#"On Monday {NAME:Aroha} and {NAME:Rawiri} were sent home without pay."#,
    r#"My licence number is {LICENCE:DK349812} and the boss took my licence too."#,
    r#"Workers sleep in a container behind the orchard near Motueka. About 20 people from Vanuatu."#,
    r#"I want to stay anonymous. The boss is from Punjab and owns three dairies in South Auckland."#,
    r#"We get paid $12 an hour for 60 hours a week, and $150 is taken for rent every Friday."#,
    r#"Her date of birth is {DOB:12/08/1998} and she is only on a visitor visa."#,
    r#"Contact the driver {NAME:Mateo Rojas} at {PHONE:027 559 0184}. He collects us at 5am from {ADDRESS:8 Pohutukawa Place, Mangere}."#,
    r#"My cousin {NAME:Thandiwe Moyo} cleans offices at night for {NAME:Brian Kowalczyk} and gets no payslip."#,
    r#"Signed, {NAME:Liufau Sapolu}"#,
    r#"{NAME:Sione} told us to keep quiet. Later {NAME:Sione Taufa} came back with two men."#,
    r#"The packhouse in Pukekohe is run by {NAME:Siddharth Menon} and his brother {NAME:Arjun Menon}. {NAME:Arjun} does the pay."#,
    r#"We celebrated Chinese New Year at the hostel, then the boss {NAME:Liang Wei} took our phones."#,
    r#"the guy who hires is called {NAME:Ramón Castillo}, he is from Chile"#,
    r#"I live in Palmerston North and work at a poultry farm. My supervisor {NAME:Kwame Mensah} is fair but the owner is not."#,
    r#"From: {NAME:Faleolo Mauga}, {PHONE:+685 772 1234}"#,
    r#"The van goes to Mount Maunganui every morning at 6. Nobody gets paid for the travel."#,
    r#"We have not been paid since Christmas. Five of us from Kiribati, all on RSE visas."#,
    r#"Please contact {NAME:Ngaio O'Connell} on {PHONE:(03) 214 8890}, she saw everything."#,
    r#"{NAME:Hohepa Te Rangi} is the crew boss at the vineyard in Blenheim. He keeps our bank cards."#,
    r#"I'm {NAME:Jun-seo Park}. My employer is {NAME:Choi Dong-hyun} at a sushi shop in Wellington."#,
    r#"My passport number is {PASSPORT:E12345678} and my old one was {PASSPORT:G87654321}, the boss has both."#,
    r#"The manager texts from {PHONE:+61 412 555 019} and uses the account {BANK:12-3011-0844821-000}."#,
    r#"We were working 7 days, 6am to 10pm, for $500 a fortnight. In total about $12,400 is owed."#,
    r#"Visit {URL:https://www.seasonalworknz.co.nz/apply} to see the fake job ad."#,
    r#"The number plate is {PLATE:HGT521} and the car is a blue Nissan."#,
    r#"He uses the instagram {HANDLE:@kiwi_jobs_nz} to recruit people from Samoa."#,
    r#"I am {NAME:Ah-Young Lee}. My husband works for {NAME:Jae-hyun Shin} in a fishing boat out of Nelson."#,
    r#"The supervisor at the mushroom farm is {NAME:Manpreet Gill}, mobile {PHONE:021-447-9183}."#,
    r#"We live in a garage at {ADDRESS:44 Kowhai Road, Papatoetoe}, 9 people, the landlord is {NAME:Bill Chen}."#,
    r#"My name is {NAME:Rosalinda Bautista} and my DOB is {DOB:03/07/1989}."#,
    r#"Hello, the employer is {NAME:Suresh Pillai}, he pays cash only and keeps two sets of timesheets."#,
    r#"The crew boss {NAME:Tomasi Naivalu} took $300 from each of us for "transport"."#,
    r#"please help my brother {NAME:Kamal Hossain} he has no food, phone {PHONE:+880 1811 223344}"#,
    r#"{NAME:Yuki Tanaka} (the office manager) knows about the fake payslips."#,
    r#"Contact: {NAME:Fatima Zahra}, {EMAIL:f.zahra@outlook.com}"#,
    r#"The owner's son, {NAME:Jayden Walsh}, drives the workers in a white van, rego {PLATE:PXR771}."#,
    r#"Our manager {NAME:Ngozi Okeke} says if we leave early we lose the bond of $2,000."#,
    r#"I worked at the vineyard in Marlborough from October to May, 10 hours a day."#,
    r#"Can you check the company in Hamilton that hires Indian students for cleaning at night?"#,
    r#"My payslip shows 40 hours but I worked 62 hours. IRD {IRD:112-153-801} if you need it."#,
    r#"The money is sent to {BANK:02-0248-0412377-025} every Friday."#,
    r#"Her passport ({PASSPORT:EB1234567}) is kept in the office drawer."#,
    r#"They watch us all the time. - {NAME:Sina Faleafa}"#,
    r#"Please check the farm.
Thanks
{NAME:Pooja Venkatesh}"#,
    r#"I am {NAME:Nirmala Gurung} from Nepal, I work in a restaurant in Queenstown for 70 hours a week."#,
];

fn parse(tip: &str) -> (String, Vec<(usize, usize, String)>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = tip;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("closing brace") + open;
        let inner = &rest[open + 1..close];
        let (kind, value) = inner.split_once(':').expect("KIND:text");
        let start = text.len();
        text.push_str(value);
        gold.push((start, text.len(), kind.to_owned()));
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, gold)
}

#[test]
fn unseen_tips_are_redacted_and_the_rest_stays_readable() {
    let engine = Engine::embedded().unwrap();
    let (mut total, mut caught, mut outside, mut over) = (0, 0, 0, 0);
    let mut report = Vec::new();
    for tip in TIPS {
        let (text, gold) = parse(tip);
        let red = engine.redact(&text);
        let covered = |i: usize| red.spans.iter().any(|s| s.start <= i && i < s.end);
        for (start, end, kind) in &gold {
            total += 1;
            let ok = (*start..*end).all(|i| text.as_bytes()[i] == b' ' || covered(i));
            if ok {
                caught += 1;
            } else {
                report.push(format!(
                    "missed {kind} {:?} in {:?}",
                    &text[*start..*end],
                    red.redacted
                ));
            }
        }
        for (i, b) in text.bytes().enumerate() {
            if b != b' ' && !gold.iter().any(|(s, e, _)| *s <= i && i < *e) {
                outside += 1;
                if covered(i) {
                    over += 1;
                }
            }
        }
        let over_here: Vec<&str> = red
            .spans
            .iter()
            .filter(|s| !gold.iter().any(|(a, b, _)| *a <= s.start && s.end <= *b))
            .map(|s| &text[s.start..s.end])
            .collect();
        if !over_here.is_empty() {
            report.push(format!("over-redacted {over_here:?} in {:?}", red.redacted));
        }
    }
    let recall = caught as f64 / total as f64;
    let over_rate = over as f64 / outside as f64;
    eprintln!("{}", report.join("\n"));
    eprintln!("unseen: recall {recall:.3} ({caught}/{total}), over-redaction {over_rate:.4}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{}", report.join("\n"));
    assert!(
        over_rate <= 0.02,
        "over-redaction {over_rate:.4}\n{}",
        report.join("\n")
    );
}
