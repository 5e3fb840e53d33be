//! Amounts of tenge as people type them in each language (`src/domain/money.rs`).
#![cfg(not(target_arch = "wasm32"))]

use astana_hub_portal::domain::money::{MAX_TENGE, MoneyError, Tiyn, parse_tenge};
use astana_hub_portal::i18n::{Lang, lookup};
use proptest::prelude::*;

use Lang::{En, Kk, Ru};

/// Accepted in every language: spaces of any kind between thousands, a decimal comma or point,
/// and the unambiguous forms with commas or points between thousands.
#[test]
fn amounts_every_language_accepts() {
    let cases = [
        ("1 234 567", 123_456_700),
        ("1234567", 123_456_700),
        ("1 234 567,50", 123_456_750),
        ("1234567.5", 123_456_750),
        ("1\u{a0}234\u{a0}567,50", 123_456_750),
        ("1\u{202f}234\u{2009}567", 123_456_700),
        ("1,234,567", 123_456_700),
        ("1,234,567.50", 123_456_750),
        ("1.234.567", 123_456_700),
        ("1.234.567,50", 123_456_750),
        ("12,50", 1_250),
        ("12.5", 1_250),
        ("  0 ", 0),
        ("0,01", 1),
        ("007", 700),
        ("1 000 ₸", 100_000),
        ("1000000000000000", MAX_TENGE * 100),
    ];
    for lang in Lang::ALL {
        for (input, tiyn) in cases {
            assert_eq!(
                parse_tenge(input, lang),
                Ok(Tiyn(tiyn)),
                "{input:?} in {lang:?}"
            );
        }
    }
}

/// A single comma before exactly three digits: a thousands separator in English, a decimal
/// comma in Kazakh and Russian (so three decimals, refused). Nothing else depends on the
/// language, so no input is read as two different amounts.
#[test]
fn a_single_comma_before_three_digits_depends_on_the_language() {
    let too_many = Err(MoneyError::TooManyDecimals { decimals: 3 });
    let cases = [
        ("1,234", En, Ok(Tiyn(123_400))),
        ("1,234", Kk, too_many.clone()),
        ("1,234", Ru, too_many.clone()),
        ("999,000 ₸", En, Ok(Tiyn(99_900_000))),
        (
            "999,000 ₸",
            Ru,
            Err(MoneyError::TooManyDecimals { decimals: 3 }),
        ),
        ("1.234", En, too_many.clone()),
        ("1.234", Kk, too_many.clone()),
        ("1.234", Ru, too_many),
    ];
    for (input, lang, expected) in cases {
        assert_eq!(parse_tenge(input, lang), expected, "{input:?} in {lang:?}");
    }
}

#[test]
fn amounts_every_language_refuses() {
    let cases = [
        ("", MoneyError::Empty),
        ("  ₸", MoneyError::Empty),
        ("-5", MoneyError::Negative),
        ("−5", MoneyError::Negative),
        (",5", MoneyError::MisplacedSeparator),
        ("5,", MoneyError::MisplacedSeparator),
        ("5.", MoneyError::MisplacedSeparator),
        ("1,2,3", MoneyError::MisplacedSeparator),
        ("12,34,567", MoneyError::MisplacedSeparator),
        ("1234,567,890", MoneyError::MisplacedSeparator),
        ("1,234,56", MoneyError::MisplacedSeparator),
        ("1.234,567.8", MoneyError::MisplacedSeparator),
        ("1,5.0,0", MoneyError::MisplacedSeparator),
        ("1.5,25", MoneyError::MisplacedSeparator),
        ("1,234.567", MoneyError::TooManyDecimals { decimals: 3 }),
        ("1,505", MoneyError::TooManyDecimals { decimals: 3 }),
        ("12abc", MoneyError::InvalidCharacter { character: 'a' }),
        ("1e6", MoneyError::InvalidCharacter { character: 'e' }),
        ("+5", MoneyError::InvalidCharacter { character: '+' }),
        ("1'234", MoneyError::InvalidCharacter { character: '\'' }),
        ("1000000000000000,01", MoneyError::TooLarge),
        ("1000000000000001", MoneyError::TooLarge),
        ("99999999999999999999999999", MoneyError::TooLarge),
    ];
    for lang in [Kk, Ru] {
        for (input, e) in &cases {
            assert_eq!(
                parse_tenge(input, lang),
                Err(e.clone()),
                "{input:?} in {lang:?}"
            );
        }
    }
    for (input, e) in cases.iter().filter(|(input, _)| *input != "1,505") {
        assert_eq!(
            parse_tenge(input, En),
            Err(e.clone()),
            "{input:?} in English"
        );
    }
}

#[test]
fn money_errors_have_texts() {
    for input in ["", "-1", "x", "1,2,3", "1,234", "99999999999999999"] {
        let e = parse_tenge(input, Ru).unwrap_err();
        for lang in Lang::ALL {
            assert!(
                lookup(lang, e.message_key()).is_some(),
                "{}",
                e.message_key()
            );
        }
    }
}

#[test]
fn money_display() {
    assert_eq!(Tiyn(123_456_750).to_string(), "1 234 567,50");
    assert_eq!(Tiyn(100).to_string(), "1");
    assert_eq!(Tiyn(5).to_string(), "0,05");
    assert_eq!(Tiyn(-150).to_string(), "-1,50");
}

fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

proptest! {
    #[test]
    fn parse_of_display_roundtrips(t in 0i64..=MAX_TENGE * 100, lang in any_lang()) {
        prop_assert_eq!(parse_tenge(&Tiyn(t).to_string(), lang), Ok(Tiyn(t)));
    }

    /// English writing: commas between thousands, a decimal point.
    #[test]
    fn english_grouping_reads_back(t in 0i64..=MAX_TENGE * 100) {
        let whole = (t / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let typed = format!("{grouped}.{:02}", t % 100);
        prop_assert_eq!(parse_tenge(&typed, En), Ok(Tiyn(t)));
    }

    #[test]
    fn parse_never_panics(s in "\\PC*", lang in any_lang()) {
        let _ = parse_tenge(&s, lang);
    }

    /// Where two languages both accept an input, they read the same amount.
    #[test]
    fn no_input_reads_as_two_amounts(s in "[0-9 ,.₸\u{a0}]{0,20}") {
        let read: Vec<Tiyn> = Lang::ALL.iter().filter_map(|&l| parse_tenge(&s, l).ok()).collect();
        prop_assert!(read.windows(2).all(|w| w[0] == w[1]), "{s:?}: {read:?}");
        for t in read {
            prop_assert!(t >= Tiyn::ZERO && t.0 <= MAX_TENGE * 100);
        }
    }
}
