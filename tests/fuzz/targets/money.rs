//! Tenge as people type them: an amount or a reason, never a crash; an amount reads back from
//! the way the portal writes it.
#![no_main]
use astana_hub_portal::domain::money::parse_tenge;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(amount) = parse_tenge(text) {
        assert_eq!(parse_tenge(&amount.to_string()), Ok(amount));
    }
});
