//! Tenge as people type them in each language: an amount or a reason, never a crash; an amount
//! reads back from the way the portal writes it, and reads the same in every language that
//! accepts it.
#![no_main]
use astana_hub_portal::domain::money::parse_tenge;
use astana_hub_portal::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut read = None;
    for lang in Lang::ALL {
        if let Ok(amount) = parse_tenge(text, lang) {
            assert_eq!(parse_tenge(&amount.to_string(), lang), Ok(amount));
            assert!(read.is_none_or(|first| first == amount), "{text:?}");
            read = Some(amount);
        }
    }
});
