//! Addresses told by their administrative units, as villages are addressed in South and
//! South-East Asia: `ភូមិត្រពាំងថ្លឹង សង្កាត់ចោមចៅ ខណ្ឌពោធិ៍សែនជ័យ` (village, commune,
//! district), `গ্রাম: চরকাউয়া, ডাকঘর: চরকাউয়া, উপজেলা: বরিশাল সদর`, `VPO Kala Sanghian,
//! Tehsil and Distt. Kapurthala`, `Purok 4, Brgy. San Isidro`.
//!
//! Such an address often has no number at all, yet it narrows a reporter down to a
//! village, where a family can be found and pressed. One unit alone is prose (`my
//! district`); two or more in a row are an address.

use super::address;
use super::names::script::is_word_char;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// The rule id of such an address (`Span::rule`).
pub const RULE: &str = "admin-units";

/// Unit words written apart from the name, compared without case, a trailing `.` or `:`.
const SPACED: &[&str] = &[
    // Bengali: village, post office, sub-district, district, police station, union
    "গ্রাম",
    "ডাকঘর",
    "পোস্ট",
    "উপজেলা",
    "জেলা",
    "থানা",
    "ইউনিয়ন",
    // Hindi, Nepali, Punjabi: village, post, tehsil, district, ward, municipality
    "ग्राम",
    "गाँव",
    "गांव",
    "पोस्ट",
    "डाकघर",
    "तहसील",
    "जिला",
    "ज़िला",
    "जिल्ला",
    "थाना",
    "वडा",
    "वार्ड",
    "नगरपालिका",
    "गाउँपालिका",
    "मोहल्ला",
    "ਪਿੰਡ",
    "ਡਾਕਖਾਨਾ",
    "ਤਹਿਸੀਲ",
    "ਜ਼ਿਲ੍ਹਾ",
    // Written in Latin letters (India, Bangladesh, Pakistan, Nepal, the Philippines,
    // Indonesia, Malaysia)
    "vpo",
    "vill",
    "village",
    "p.o",
    "teh",
    "tehsil",
    "distt",
    "dist",
    "district",
    "thana",
    "upazila",
    "gram",
    "zila",
    "zilla",
    "taluk",
    "taluka",
    "mandal",
    "purok",
    "sitio",
    "brgy",
    "bgy",
    "barangay",
    "desa",
    "dusun",
    "kel",
    "kelurahan",
    "kec",
    "kecamatan",
    "kab",
    "kabupaten",
    "kampung",
    "mukim",
    // Indian and Pakistani quarter of a town; Timor-Leste's hamlet, village and
    // municipality
    "mohalla",
    "mohallah",
    "aldeia",
    "suco",
    "município",
    "municipio",
    // Vietnamese: hamlet, commune, ward, district, province (`thị trấn`, `thành phố`
    // are two words; their second word reads as the name's first)
    "thôn",
    "xóm",
    "ấp",
    "xã",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    // Khmer in Latin letters: village, commune, district, sangkat (`Khan` and `Khet` are
    // left out: a surname and a Hindi word)
    "phum",
    "khum",
    "srok",
    "sangkat",
    // Post office, written out (`Post Office Bhola Sadar`)
    "post",
    // Hindi village in Latin letters; Thai village group, subdistrict, district and
    // province in Latin letters (`moo 7 tambon Nong Bua amphoe Mueang changwat Udon Thani`)
    "gaon",
    "moo",
    "tambon",
    "amphoe",
    "changwat",
];

/// Vietnamese units typed without their marks, which are also given names (`Huyen`,
/// `Tinh`): units only in lower case (`xa Thach Van, huyen Thach Ha`).
const LOWER_CASE_ONLY: &[&str] = &["thon", "xom", "xa", "phuong", "huyen", "tinh"];

/// A word that belongs to the unit word before it, not to the name (`Post Office`).
const UNIT_SECOND_WORDS: &[&str] = &["office"];

/// Unit words written against the name in scripts without spaces between words: Khmer
/// (village, commune, sangkat, district, khan, province, city), Thai (village group,
/// subdistrict, district, province), Lao (village, district, province), Burmese (ward,
/// township, village).
const GLUED: &[&str] = &[
    "ភូមិ",
    "ឃុំ",
    "សង្កាត់",
    "ស្រុក",
    "ខណ្ឌ",
    "ខេត្ត",
    "ក្រុង",
    "หมู่",
    "ตำบล",
    "อำเภอ",
    "จังหวัด",
    "ບ້ານ",
    "ເມືອງ",
    "ແຂວງ",
    "ရပ်ကွက်",
    "မြို့နယ်",
    "ကျေးရွာ",
];

// A DFA: past 100 patterns the crate's own choice is an NFA, which took twice as long
// to scan a text (2% of all time on the generated corpus); the same answer either way.
static ANY_UNIT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(SPACED.iter().chain(GLUED).chain(LOWER_CASE_ONLY))
        .expect("the unit words build an automaton")
});

/// The most words of a unit's name (`বরিশাল সদর`, `Kala Sanghian`). (Not `po`: in
/// Tagalog it is the politeness particle of every sentence.)
const MAX_NAME_WORDS: usize = 2;
/// Written with capitals, a name after its unit may have a third word (`gram Dakshin
/// Char Bata`); without them, a third word is the sentence going on (`ਤੋਂ ਬੋਲ`).
const MAX_CAPITALISED_NAME_WORDS: usize = 3;

#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = is_word_char(c) || c.is_ascii_digit() || c == '.' || c == '\'';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Whether `word` is a unit word; `true` in the second place when the name is glued on.
fn unit(word: &str) -> Option<bool> {
    let bare = word.trim_end_matches(['.', ':']);
    if LOWER_CASE_ONLY.contains(&bare) || SPACED.contains(&bare.to_lowercase().as_str()) {
        return Some(false);
    }
    GLUED
        .iter()
        .any(|g| word.starts_with(g) && word.len() > g.len())
        .then_some(true)
}

/// Where the name of the unit word `ws[i]` starts when it is written before it: up to
/// `MAX_NAME_WORDS` capitalised words, one space apart, that are no unit words.
fn name_before(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    let mut from = None;
    let mut k = i;
    while k > 0 && i - k < MAX_NAME_WORDS && &text[ws[k - 1].end..ws[k].start] == " " {
        let word = &text[ws[k - 1].start..ws[k - 1].end];
        if !word.starts_with(char::is_uppercase) || unit(word).is_some() {
            break;
        }
        k -= 1;
        from = Some(ws[k].start);
    }
    from
}

/// A house named before its units, as Kerala addresses begin (`Thekkumkara House,
/// Kuravilangad P.O., ...`): where it starts, if the address at `start` has one.
fn house_name_before(text: &str, start: usize) -> usize {
    let Some(before) = text[..start].strip_suffix(", ") else {
        return start;
    };
    let Some(head) = before.strip_suffix(" House") else {
        return start;
    };
    let name = head.rsplit(' ').next().unwrap_or("");
    if name.chars().count() >= 3
        && name.starts_with(char::is_uppercase)
        && name.chars().all(char::is_alphabetic)
    {
        start - ", ".len() - " House".len() - name.len()
    } else {
        start
    }
}

/// What may stand between two parts of one address: commas, a colon, `and`.
fn joins(gap: &str) -> bool {
    let gap = gap.trim_matches([' ', ',', ':', '-', '\u{a0}']);
    gap.is_empty() || gap.eq_ignore_ascii_case("and") || gap == "&"
}

/// The addresses in `text` told by two or more units, as byte ranges carried over their
/// tail (province, country, postcode).
pub fn find(text: &str) -> Vec<(usize, usize)> {
    // Most texts hold no unit word at all: one scan says so before any word is read.
    if !ANY_UNIT.is_match(text) {
        return Vec::new();
    }
    let ws = words(text);
    // Each part: from its unit word to the end of its name.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(glued) = unit(&text[ws[i].start..ws[i].end]) else {
            i += 1;
            continue;
        };
        let start = ws[i].start;
        let mut end = ws[i].end;
        let mut j = i + 1;
        if !glued {
            if j < ws.len()
                && &text[end..ws[j].start] == " "
                && UNIT_SECOND_WORDS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&text[ws[j].start..ws[j].end]))
            {
                end = ws[j].end;
                j += 1;
            }
            // The name: words up to a comma, a sentence's end or the next unit.
            let mut taken = 0;
            while j < ws.len() && taken < MAX_CAPITALISED_NAME_WORDS {
                if taken == MAX_NAME_WORDS
                    && !(text[ws[j].start..].starts_with(char::is_uppercase)
                        && text[ws[j - 1].start..].starts_with(char::is_uppercase))
                {
                    break;
                }
                let gap = &text[end..ws[j].start];
                let first = taken == 0 && gap.trim_matches([' ', ':']).is_empty();
                if !(first || gap == " ") || unit(&text[ws[j].start..ws[j].end]).is_some() {
                    break;
                }
                end = ws[j].end;
                taken += 1;
                j += 1;
                // A dot after a name ends its sentence (`zila Feni. amar number`).
                if text[..end].ends_with('.') {
                    break;
                }
            }
            let shared = taken == 0
                && ws.get(j).is_some_and(|next| {
                    let gap = &text[end..next.start];
                    unit(&text[next.start..next.end]).is_some()
                        && (gap == " & " || gap.eq_ignore_ascii_case(" and "))
                });
            if shared {
                // One name for two units (`Tehsil & Distt. Amritsar`): the next unit's.
                parts.push((start, end));
                i = j;
                continue;
            }
            if taken == 0 {
                // The name before the unit, as India writes it (`Kottayam District`,
                // `Kuravilangad P.O.`): one or two capitalised words.
                match name_before(text, &ws, i) {
                    Some(from) => {
                        parts.push((from, end.min(text.len())));
                        i = j;
                    }
                    None => i += 1,
                }
                continue;
            }
        }
        parts.push((start, end.min(text.len())));
        i = j;
    }
    let mut found = Vec::new();
    let mut k = 0;
    while k < parts.len() {
        let mut last = k;
        while last + 1 < parts.len() && joins(&text[parts[last].1..parts[last + 1].0]) {
            last += 1;
        }
        let end = text[..parts[last].1].trim_end_matches(['.', ':']).len();
        let tail = address::tail_of(text, end);
        // One unit with its town and province after it (`Brgy. Bantog, Asingan,
        // Pangasinan`) is as narrow as two units.
        if last > k || text[end..tail].matches([',', '،']).count() >= 2 {
            found.push((house_name_before(text, parts[k].0), tail));
        }
        k = last + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn two_units_in_a_row_are_an_address() {
        assert_eq!(
            addresses("ផ្ទះខ្ញុំនៅ ភូមិត្រពាំងថ្លឹង សង្កាត់ចោមចៅ ខណ្ឌពោធិ៍សែនជ័យ ភ្នំពេញ។ លេខ"),
            vec!["ភូមិត្រពាំងថ្លឹង សង្កាត់ចោមចៅ ខណ្ឌពោធិ៍សែនជ័យ"]
        );
        assert_eq!(
            addresses(
                "দেশের ঠিকানা: গ্রাম: চরকাউয়া, ডাকঘর: চরকাউয়া, উপজেলা: বরিশাল সদর, জেলা: বরিশাল। আব্বার নম্বর"
            ),
            vec!["গ্রাম: চরকাউয়া, ডাকঘর: চরকাউয়া, উপজেলা: বরিশাল সদর, জেলা: বরিশাল"]
        );
        assert_eq!(
            addresses(
                "Address: VPO Kala Sanghian, Tehsil and Distt. Kapurthala, Punjab 144802  We are"
            ),
            vec!["VPO Kala Sanghian, Tehsil and Distt. Kapurthala, Punjab 144802"]
        );
        assert_eq!(
            addresses("ghar VPO Jandiala Guru, Tehsil & Distt. Amritsar, Punjab 143115, bapu"),
            vec!["VPO Jandiala Guru, Tehsil & Distt. Amritsar, Punjab 143115"]
        );
        assert_eq!(
            addresses("desher bari gram Kalikapur, thana Sonagazi, zila Feni. amar"),
            vec!["gram Kalikapur, thana Sonagazi, zila Feni"]
        );
        assert_eq!(
            addresses(
                "amar bari gram Dakshin Char Bata, post office Char Jabbar, zila Noakhali 3812."
            ),
            vec!["gram Dakshin Char Bata, post office Char Jabbar, zila Noakhali 3812"]
        );
        assert_eq!(
            addresses("nha em o thon 5, xa Thach Van, huyen Thach Ha, tinh Ha Tinh. so"),
            vec!["thon 5, xa Thach Van, huyen Thach Ha, tinh Ha Tinh"]
        );
        assert_eq!(
            addresses("ban chan yu thi ban lek thi 45 moo 7 tambon Nong Bua amphoe Mueang changwat Udon Thani."),
            vec!["moo 7 tambon Nong Bua amphoe Mueang changwat Udon Thani"]
        );
        assert_eq!(
            addresses("uma iha Timor: Aldeia Lebometa, Suco Buruma, Posto Baucau. Telefone"),
            vec!["Aldeia Lebometa, Suco Buruma, Posto Baucau"]
        );
        // Units typed without marks are also given names: in capitals they are names.
        assert!(addresses("chi Huyen Nguyen and Tinh Tran work there").is_empty());
    }

    #[test]
    fn units_written_out_after_their_names_or_in_vietnamese() {
        assert_eq!(
            addresses("She sends money to her parents at Thekkumkara House, Kuravilangad P.O., Kottayam District, Kerala 686633. She said"),
            vec!["Thekkumkara House, Kuravilangad P.O., Kottayam District, Kerala 686633"]
        );
        assert_eq!(
            addresses("His family at Village Char Kukri, Post Office Bhola Sadar, District Bhola 8300, Bangladesh have"),
            vec!["Village Char Kukri, Post Office Bhola Sadar, District Bhola 8300, Bangladesh"]
        );
        assert_eq!(
            addresses(
                "em ở Thôn Đông, xã Quảng Phú, huyện Quảng Xương, tỉnh Thanh Hóa. Số điện thoại"
            ),
            vec!["Thôn Đông, xã Quảng Phú, huyện Quảng Xương, tỉnh Thanh Hóa"]
        );
        assert!(addresses("xã hội ở đây rất khó khăn").is_empty());
    }

    #[test]
    fn one_unit_with_its_town_and_province_is_an_address() {
        assert_eq!(
            addresses("Ang asawa ko nasa Brgy. Bantog, Asingan, Pangasinan. Tumawag po kayo."),
            vec!["Brgy. Bantog, Asingan, Pangasinan"]
        );
        assert!(addresses("Brgy. Bantog, Asingan is far").is_empty());
    }

    #[test]
    fn one_unit_is_prose() {
        assert!(addresses("my district is far from the city, the village is poor").is_empty());
        assert!(addresses("আমার জেলা বরিশাল। আমি এখানে কাজ করি").is_empty());
    }
}
