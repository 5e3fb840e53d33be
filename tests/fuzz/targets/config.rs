//! `config.json` as a host might serve it: accepted or refused with a reason, never a crash.
#![no_main]
use astana_hub_portal::backend::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(config) = Config::parse(text) {
        assert!(config.timeout_ms > 0);
    }
});
