//! The service's answers as the HTTP backend reads them: decoded or refused, never a crash; what
//! is decoded encodes and decodes to the same value.
#![no_main]
use astana_hub_portal::api::{Catalogue, Problem, Status, Submission, Versioned};
use libfuzzer_sys::fuzz_target;
use serde::{Serialize, de::DeserializeOwned};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
    if let Ok(value) = serde_json::from_str::<T>(text) {
        let json = serde_json::to_string(&value).expect("a decoded value encodes");
        assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(value));
    }
}

fuzz_target!(|text: &str| {
    round_trip::<Versioned<Submission>>(text);
    round_trip::<Versioned<Status>>(text);
    round_trip::<Versioned<Catalogue>>(text);
    round_trip::<Problem>(text);
});
