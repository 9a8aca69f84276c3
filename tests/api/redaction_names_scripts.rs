//! Names in scripts without capitals, and cues in the languages the form is offered in.

use super::redaction_names_support::{name, names, no_name, redacted};
use tipline::redaction::Role;

#[test]
fn devanagari_after_a_cue_ends_at_a_function_word() {
    name("मेरा नाम सुनीता वर्मा है।", "सुनीता वर्मा", Role::Reporter);
    name("मेरो नाम दीपक थापा हो।", "दीपक थापा", Role::Reporter);
    name("मालिक अजय मेहता ने पैसे नहीं दिए।", "अजय मेहता", Role::Other);
    // No cue, no Latin text around: Hindi prose keeps its words.
    no_name("हम बारह घंटे काम करते हैं और पैसे नहीं मिलते।");
}

#[test]
fn other_scripts_standing_apart_in_english() {
    name("Please ask राजेश about the money.", "राजेश", Role::Other);
    name(
        "The boss is Li Ming (李明), he keeps passports.",
        "李明",
        Role::Other,
    );
    name("Signed by 최수진 on the contract.", "최수진", Role::Other);
    name("Hello, I am ณัฐวุฒิ and I pick fruit.", "ณัฐวุฒิ", Role::Reporter);
    // A long stretch of another script is a quotation, not a name.
    no_name("The sign said 工资每个月十五号发给所有的工人 in big letters.");
}

#[test]
fn han_names_after_glued_cues_and_before_titles() {
    name("我叫刘芳，在农场工作。", "刘芳", Role::Reporter);
    name("我们的老板陈国强不发工资。", "陈国强", Role::Other);
    name("中介黄丽的电话我有。", "黄丽", Role::Other);
    name("工资是周先生发的。", "周", Role::Other);
    // A fee of thirty thousand is no name, though 费 is a surname.
    let fee = "中介费三万，她还欠钱。";
    assert!(
        !names(fee).iter().any(|(v, _)| v.contains('三')),
        "{:?}",
        names(fee)
    );
}

#[test]
fn han_names_repeat_where_they_recur() {
    assert_eq!(
        redacted("老板陈国强不发工资。陈国强说下个月。"),
        "老板[NAME-1]不发工资。[NAME-1]说下个月。"
    );
}

#[test]
fn hangul_names_lose_their_particles() {
    name("제 이름은 박지훈입니다.", "박지훈", Role::Reporter);
    name("사장 김영숙 씨가 여권을 가져갔어요.", "김영숙", Role::Other);
}

#[test]
fn thai_names_after_a_glued_cue() {
    name("ผมชื่อสมชาย ใจดี ทำงานที่ฟาร์ม", "สมชาย ใจดี", Role::Reporter);
}

#[test]
fn pacific_maori_and_tagalog_cues() {
    name(
        "Talofa, o lo'u igoa o Malia Toleafoa.",
        "Malia Toleafoa",
        Role::Reporter,
    );
    name(
        "Mālō e lelei, ko hoku hingoa ko Viliami Fonua.",
        "Viliami Fonua",
        Role::Reporter,
    );
    name("Ko Mereana Tipene ahau.", "Mereana Tipene", Role::Reporter);
    name("Ko ʻAna Fifita au.", "ʻAna Fifita", Role::Reporter);
    name(
        "Me kōrero koe ki a Te Rangi Parata.",
        "Te Rangi Parata",
        Role::Other,
    );
    name(
        "Ang pangalan ko ay Rowena Bautista.",
        "Rowena Bautista",
        Role::Reporter,
    );
    name(
        "Ako si Jomar Santos, taga Pampanga.",
        "Jomar Santos",
        Role::Reporter,
    );
}

#[test]
fn te_reo_sentences_keep_their_words() {
    for text in [
        "Kia ora, aroha mai, kei Te Awamutu ahau e mahi ana",
        "Aroha mai, kāore au e mōhio ana.",
        "Nō Ngāti Kahungunu ahau, kei Heretaunga e noho ana.",
        "Tēnā koutou, he kaimahi ahau.",
    ] {
        no_name(text);
        assert_eq!(redacted(text), text);
    }
}

#[test]
fn long_texts_in_han_stay_fast() {
    let text = "老板陈国强不发工资。我叫刘芳。".repeat(5_000);
    let started = std::time::Instant::now();
    let red = redacted(&text);
    assert!(!red.contains("陈国强") && !red.contains("刘芳"));
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
