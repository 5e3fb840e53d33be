//! The checks several journeys ask of an answer: identification numbers and an email address,
//! by the domain's rules (`domain::ids`, `domain::contact`).

use chrono::NaiveDate;

use super::{Answers, Outcome};
use crate::domain::{
    contact::email_shaped,
    ids::{parse_applicant_bin, parse_bin, parse_iin},
};

/// The BIN of an organisation that may apply (a head office, not a branch).
pub fn applicant_bin(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    parse_applicant_bin(value)
        .map(|_| ())
        .map_err(|e| (e.message_key(), e.values()))
}

/// Any BIN (an employer's).
pub fn bin(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    parse_bin(value)
        .map(|_| ())
        .map_err(|e| (e.message_key(), e.values()))
}

pub fn iin(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    parse_iin(value)
        .map(|_| ())
        .map_err(|e| (e.message_key(), e.values()))
}

pub fn email(value: &str, _: &Answers, _: NaiveDate) -> Outcome {
    email_shaped(value)
        .then_some(())
        .ok_or(("form.email_invalid", Vec::new()))
}
