//! Bodies of each kind that the checks accept on [`TODAY`], for the tests, the contract tests
//! (`tests/contract/`, which read the same `samples.json`) and the load benchmark.

use std::sync::OnceLock;

use serde_json::Value;

/// The day the samples are valid on (a Monday); run the server with `--today` set to it.
pub const TODAY: &str = "2026-03-02";
/// The BIN of the sample application, of the sample invitation's employer and of the sample
/// list request.
pub const BIN: &str = "970740000838";
/// The IIN of the individual who enrols in the sample individual's enrolment.
pub const IIN: &str = "900515300018";

fn samples() -> &'static Value {
    static SAMPLES: OnceLock<Value> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        serde_json::from_str(include_str!("samples.json")).expect("samples.json is JSON")
    })
}

pub fn application() -> Value {
    samples()["application"].clone()
}

/// A team, not yet incorporated, into a cohort open on [`TODAY`].
pub fn enrolment() -> Value {
    samples()["enrolment"].clone()
}

/// An individual into a cohort of an individuals' programme open on [`TODAY`].
pub fn individual_enrolment() -> Value {
    samples()["individual_enrolment"].clone()
}

pub fn invitation() -> Value {
    samples()["invitation"].clone()
}

/// A university asking to be included in the Fund's list.
pub fn list_request() -> Value {
    samples()["list_request"].clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_and_the_constants_agree() {
        assert_eq!(samples()["today"], TODAY);
        assert_eq!(samples()["bin"], BIN);
        assert_eq!(samples()["iin"], IIN);
        for kind in [
            "application",
            "enrolment",
            "individual_enrolment",
            "invitation",
            "list_request",
        ] {
            assert!(samples()[kind].is_object(), "{kind}");
        }
    }
}
