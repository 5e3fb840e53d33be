//! `POST /v1/list-requests`: a request to be included in the Fund's list of innovation cluster
//! actors (Law No. 207-V, Art. 7(2)(2); the Fund approves the list, Art. 8-1(5-11)). The rules
//! for inclusion (Art. 9(4)(5)) are not published, so the request asks only what identifies the
//! organisation, the status of a listed kind it holds, and whom the Fund writes to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use validator::Validate;

use super::payload::normalise_bin;
use super::problem::FieldError;
use super::validate::{
    MAX_TEXT, applicant_bin_number, email_address, in_body_order, required, validated,
};
use crate::domain::eligibility::eligibility_data;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
pub struct ListRequest {
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub organisation_name: String,
    /// 12 digits (spaces allowed: they are ignored). The organisation asks for itself: a
    /// branch's BIN is refused, as for an application.
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = applicant_bin_number)
    )]
    pub bin: String,
    /// The listed kind the organisation is: an id of `entity_types` in `data/eligibility.toml`.
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub entity_type: String,
    /// The document that gives the organisation that status, as the applicant names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"))]
    pub status_document: Option<String>,
    #[validate(length(max = MAX_TEXT, code = "api.field.too_long"), custom(function = required))]
    pub contact_name: String,
    #[validate(
        length(max = MAX_TEXT, code = "api.field.too_long"),
        custom(function = email_address)
    )]
    pub contact_email: String,
    /// The information given is true; must be true to submit.
    pub information_true: bool,
}

impl ListRequest {
    /// The service-side checks, against the list of kinds in force on `today`.
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = validated(self);
        let listed = eligibility_data()
            .entity_types
            .at(today)
            .is_some_and(|kinds| kinds.contains(&self.entity_type));
        if !listed {
            errors.push(FieldError::new("entity_type", "api.field.unlisted_kind"));
        }
        if !self.information_true {
            errors.push(FieldError::new("information_true", "api.field.declaration"));
        }
        in_body_order(self, errors)
    }

    /// The BIN: what the status lookup asks for besides the reference.
    pub fn second_factor(&self) -> String {
        normalise_bin(&self.bin)
    }
}
