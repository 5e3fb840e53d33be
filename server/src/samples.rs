//! Bodies of each kind that the checks accept on [`TODAY`], for the tests and the load
//! benchmark.

use serde_json::{Value, json};

/// The day the samples are valid on (a Monday); run the server with `--today` set to it.
pub const TODAY: &str = "2026-03-02";

pub const BIN: &str = "970740000838";

pub fn application() -> Value {
    json!({
        "organisation": {
            "name": "Alpha LLP",
            "bin": BIN,
            "legal_form": "llp",
            "registration_date": "2020-05-01",
            "registered_address": "Astana, Mangilik El 55/8"
        },
        "contact": {
            "name": "Aigerim Sarsenova",
            "position": "Director",
            "email": "aigerim@example.kz",
            "phone": "+7 701 000 0000"
        },
        "activities": ["software_development"],
        "income_tiyn": 1_200_000_000,
        "income_year": 2025,
        "headcount": 12,
        "foreign_specialists": 1,
        "project": {"description": "A platform", "business_plan_summary": "Grow"},
        "documents": ["business_plan"],
        "declarations": {"information_true": true, "conditions_met": true, "data_processing": true},
        "route": "astana_hub_actor"
    })
}

/// A team, not yet incorporated, into a cohort open on [`TODAY`].
pub fn enrolment() -> Value {
    json!({
        "programme_id": "techpreneurs",
        "cohort_id": "techpreneurs-winter",
        "applicant": {"kind": "team", "name": "Qazaq Robotics", "contact_email": "Team@Example.kz"},
        "project_summary": "Warehouse robots",
        "team": [
            {"name": "Dana", "role": "project_manager", "email": "dana@example.kz",
             "citizenship": "KZ", "key_member": true, "full_time_pm": true, "needs_housing": false},
            {"name": "Arman", "role": "developer", "email": "arman@example.kz",
             "citizenship": "KZ", "key_member": true, "full_time_pm": false, "needs_housing": false}
        ]
    })
}

pub fn invitation() -> Value {
    json!({
        "route": "employee",
        "people": [{
            "surname": "SMITH", "given_names": "JOHN", "date_of_birth": "1990-04-12",
            "sex": "male", "citizenship": "GB", "passport_number": "123456789",
            "passport_issued": "2022-01-10", "passport_expires": "2032-01-09",
            "relationship": "self"
        }],
        "employer_bin": "9707 4000 0838",
        "position": "Engineer",
        "engagement": {"kind": "employment", "from": "2026-04-20", "until": "2027-04-19"},
        "entry_date": "2026-04-20",
        "stay_days": 90,
        "collection": {"place": "consulate", "country": "GB", "city": "London"},
        "valid_until": "2027-04-19",
        "contact_email": "hr@example.kz"
    })
}
