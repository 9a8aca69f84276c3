//! Names without the usual shape (lower case, one word, capitals, initials, particles,
//! titles), the repeat rule, and words that look like names but are not.

use super::redaction_names_support::{name, names, no_name, redacted};
use tipline::redaction::Role;

#[test]
fn lower_case_names_after_a_cue() {
    name(
        "hi my name is teuila and i clean offices",
        "teuila",
        Role::Reporter,
    );
    name("thanks, signed maria", "maria", Role::Reporter);
    name(
        "the supervisor tevita moala yells at us",
        "tevita moala",
        Role::Other,
    );
    name(
        "i am junaid da silva, from the farm",
        "junaid da silva",
        Role::Reporter,
    );
    // English words after a cue are not names.
    no_name("i am scared and my boss is angry");
    no_name("the manager said we work sundays");
}

#[test]
fn capitals_initials_titles_and_particles() {
    name(
        "I am PETERA HOHAIA, call me.",
        "PETERA HOHAIA",
        Role::Reporter,
    );
    name(
        "Rosalind K Ferreira signs the timesheets.",
        "Rosalind K Ferreira",
        Role::Other,
    );
    name(
        "Mr. Arnel dela Paz took our passports.",
        "Arnel dela Paz",
        Role::Other,
    );
    name(
        "Our boss is Ramon de los Reyes.",
        "Ramon de los Reyes",
        Role::Other,
    );
    name(
        "The owner is Hamid bin Salleh.",
        "Hamid bin Salleh",
        Role::Other,
    );
    name(
        "Pieter van der Merwe pays cash.",
        "Pieter van der Merwe",
        Role::Other,
    );
    name("Ko Siosaia Tuʻivai au.", "Siosaia Tuʻivai", Role::Reporter);
    // Capitals alone, with no cue, are shouting, not a name.
    no_name("THE WORKERS ARE NOT PAID ON TIME.");
    // An initial opens no name.
    no_name("B Block is where we sleep.");
}

#[test]
fn one_word_names_after_a_cue_that_points_at_a_person() {
    name("We are driven to work by Tavita.", "Tavita", Role::Other);
    name(
        "Something bad happened to Losaline.",
        "Losaline",
        Role::Other,
    );
    name("We call him Bongo, he runs the crew.", "Bongo", Role::Other);
}

#[test]
fn someone_elses_name_is_not_the_writers() {
    name("His name is Farid Haidari.", "Farid Haidari", Role::Other);
    name("Boss name: Kelvin Ortega.", "Kelvin Ortega", Role::Other);
    name("My name is Losa Tuilagi.", "Losa Tuilagi", Role::Reporter);
}

#[test]
fn repeat_takes_whole_names_and_first_names_never_particles() {
    assert_eq!(
        redacted("Hēmi Te Rangi drives the van. Hēmi lives in Te Puke, near Te Awamutu."),
        "[NAME-1] drives the van. [NAME-1] lives in Te Puke, near Te Awamutu."
    );
    assert_eq!(
        redacted("Ronaldo dela Cruz hired us. Later dela Cruz left and Ronaldo came back."),
        "[NAME-1] hired us. Later [NAME-1] left and [NAME-1] came back."
    );
}

#[test]
fn phrases_nationalities_and_plain_words_are_not_names() {
    for text in [
        "Border Force stopped the van at the airport.",
        "The Mission Statement on the wall says respect.",
        "The Filipino and Samoan workers share one room.",
        "Two Tongans and an Indian guy work nights.",
        "Health And Safety rules are ignored here.",
    ] {
        no_name(text);
    }
    let text = "Kia ora, aroha mai, kei Te Awamutu ahau e mahi ana";
    assert!(names(text).is_empty());
}
