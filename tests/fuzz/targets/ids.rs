//! Identification numbers and reference numbers as typed: read or refused, never a crash; what
//! is read keeps its check digit.
#![no_main]
use astana_hub_portal::{
    api::Reference,
    domain::ids::{check_digit, parse_bin, parse_iin},
};
use libfuzzer_sys::fuzz_target;

fn valid_check_digit(number: &str) -> bool {
    let digits: Vec<u8> = number.bytes().map(|b| b - b'0').collect();
    let first11: [u8; 11] = digits[..11].try_into().expect("12 digits");
    check_digit(&first11) == Some(digits[11])
}

fuzz_target!(|text: &str| {
    if let Ok(bin) = parse_bin(text) {
        assert!(valid_check_digit(bin.as_str()));
    }
    if let Ok(iin) = parse_iin(text) {
        assert!(valid_check_digit(iin.as_str()));
    }
    if let Ok(reference) = Reference::parse(text) {
        assert_eq!(Reference::parse(&reference.to_string()), Ok(reference));
    }
});
