//! Documents (src/domain/documents.rs, data/documents.toml): which each journey asks for and
//! whether it is required, by its rule's confidence; and what a file may be (rule
//! `documents.file`): its type read from its content, its size each and in all.

mod fixtures;

use astana_hub_portal::domain::documents::{
    FileProblem::{Empty, NotAllowed, SubmissionTooLarge, TooLarge},
    FileType::{Jpeg, Pdf, Png},
    For, check_file, document_data, documents_of, sniff,
};
use astana_hub_portal::domain::params::rules;
use astana_hub_portal::i18n::{Lang, lookup};

const MB: u64 = 1024 * 1024;

#[test]
fn the_type_is_read_from_the_content_never_the_name() {
    let cases: [(&[u8], _); 9] = [
        (b"%PDF-1.7\n%", Some(Pdf)),
        (b"\x89PNG\r\n\x1a\n\0\0", Some(Png)),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", Some(Jpeg)),
        // An executable renamed .pdf, a ZIP container (DOCX), HTML, plain text: none allowed.
        (b"MZ\x90\0\x03\0\0\0", None),
        (b"\x7fELF\x02\x01\x01\0", None),
        (b"PK\x03\x04\x14\0\x06\0", None),
        (b"<!doctype html>", None),
        // A PNG signature cut short is no PNG.
        (b"\x89PNG\r\n", None),
        (b"", None),
    ];
    for (head, expected) in cases {
        assert_eq!(sniff(head), expected, "{head:?}");
    }
}

#[test]
fn a_file_is_refused_when_empty_too_large_of_another_type_or_beyond_the_total() {
    let pdf: &[u8] = b"%PDF-1.4";
    let cases = [
        (pdf, 1, 0, Ok(Pdf)),
        (pdf, 0, 0, Err(Empty)),
        (pdf, 5 * MB, 0, Ok(Pdf)),
        (pdf, 5 * MB + 1, 0, Err(TooLarge(5 * MB))),
        (b"MZ\x90\0\x03\0\0\0", 1000, 0, Err(NotAllowed)),
        (pdf, 5 * MB, 15 * MB, Ok(Pdf)),
        (pdf, 5 * MB, 15 * MB + 1, Err(SubmissionTooLarge(20 * MB))),
        (pdf, 1, u64::MAX, Err(SubmissionTooLarge(20 * MB))),
    ];
    for (head, size, already, expected) in cases {
        assert_eq!(
            check_file(head, size, already),
            expected,
            "{size} after {already}"
        );
    }
}

#[test]
fn every_document_rests_on_a_known_rule_and_has_its_name_in_three_languages() {
    let data = document_data();
    assert!(!data.documents.is_empty());
    for d in &data.documents {
        assert!(
            rules().iter().any(|r| r.id == d.rule_id),
            "{}: {}",
            d.id,
            d.rule_id
        );
        for lang in Lang::ALL {
            assert!(
                lookup(lang, &d.label()).is_some(),
                "{} in {lang:?}",
                d.label()
            );
        }
    }
    for problem in [Empty, TooLarge(1), NotAllowed, SubmissionTooLarge(1)] {
        for lang in Lang::ALL {
            assert!(lookup(lang, problem.message_key()).is_some());
        }
    }
}

#[test]
fn only_what_the_law_or_a_confirmed_source_demands_is_required() {
    let asked: Vec<_> = ["apply", "acceleration", "invitations"]
        .into_iter()
        .flat_map(documents_of)
        .map(|d| (d.journey.as_str(), d.id.as_str(), d.asked_of, d.required()))
        .collect();
    assert_eq!(
        asked,
        [
            ("apply", "business_plan", For::Submission, false),
            ("apply", "pitch_deck", For::Submission, false),
            ("acceleration", "pitch_deck", For::Submission, false),
            ("invitations", "passport_page", For::Person, false),
            // Art. 7-1(2): dependants with supporting documents.
            ("invitations", "dependency", For::Dependant, true),
            ("invitations", "relationship", For::SpouseOrChild, false),
        ]
    );
}
