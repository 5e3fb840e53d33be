//! A draft file a user loads, or a draft read back from storage: any bytes are refused or read,
//! never a crash; what is read writes back to the same draft.
#![no_main]
use astana_hub_portal::ui::Draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for journey in ["participant", "eligibility", "acceleration", "invitations"] {
        if let Some(draft) = Draft::parse(journey, text) {
            assert_eq!(draft.journey, journey);
            assert_eq!(Draft::parse(journey, &draft.to_json()), Some(draft));
        }
    }
});
