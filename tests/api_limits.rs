//! The field checks declared on the submissions (`src/api/validate.rs`): each text at its
//! limit and one character beyond (characters, not bytes: a Kazakh letter takes two bytes),
//! each list at its limit and one item beyond, the paths of nested fields, and each custom
//! check with the code the interface translates.

mod fixtures;

use astana_hub_portal::api::limits::{MAX_ITEMS, MAX_LONG_TEXT, MAX_TEXT};
use astana_hub_portal::api::*;
use fixtures::*;
use proptest::prelude::*;

/// Two bytes in UTF-8, one character.
const LETTER: &str = "Ә";

fn letters(n: usize) -> String {
    LETTER.repeat(n)
}

/// What the service refuses in a body of each kind on [`AS_OF`].
trait Refused {
    fn refused(&self) -> Vec<FieldError>;

    fn paths(&self) -> Vec<(String, String)> {
        self.refused()
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect()
    }
}

impl Refused for ParticipantApplication {
    fn refused(&self) -> Vec<FieldError> {
        self.check(d(AS_OF))
    }
}

/// The checks of the body; the cohort's, against the catalogue of the day, are another call
/// (`check_cohort`), which also refuses an id beyond its limit: no such cohort.
impl Refused for Enrolment {
    fn refused(&self) -> Vec<FieldError> {
        self.check()
    }
}

impl Refused for Invitation {
    fn refused(&self) -> Vec<FieldError> {
        self.check(d(AS_OF))
    }
}

impl Refused for ListRequest {
    fn refused(&self) -> Vec<FieldError> {
        self.check(d(AS_OF))
    }
}

impl Refused for StatusQuery {
    fn refused(&self) -> Vec<FieldError> {
        check_fields(self)
    }
}

type SetText<T> = fn(&mut T, String);

/// Each text of `base` at its limit (no `too_long` anywhere) and one character beyond it
/// (`too_long` on its path, saying the limit). At the limit a field may still be refused for
/// its shape: a BIN of letters is no BIN.
fn texts_are_limited<T: Refused + Clone>(base: T, cases: &[(&str, usize, SetText<T>)]) {
    for &(path, max, set) in cases {
        let mut at_limit = base.clone();
        set(&mut at_limit, letters(max));
        let refused = at_limit.refused();
        assert!(
            refused.iter().all(|e| e.code != "api.field.too_long"),
            "{path} at {max} characters: {refused:?}"
        );

        let mut beyond = base.clone();
        set(&mut beyond, letters(max + 1));
        let refused = beyond.refused();
        let error = refused
            .iter()
            .find(|e| e.path == path)
            .unwrap_or_else(|| panic!("{path} at {} characters: {refused:?}", max + 1));
        assert_eq!(error.code, "api.field.too_long", "{path}");
        assert_eq!(
            error.detail.as_deref(),
            Some(format!("at most {max} characters").as_str()),
            "{path}"
        );
        assert_eq!(
            refused.iter().filter(|e| e.path == path).count(),
            1,
            "one error per field: {path}: {refused:?}"
        );
    }
}

#[test]
fn the_samples_are_accepted() {
    assert_eq!(application().paths(), []);
    assert_eq!(enrolment().paths(), []);
    assert_eq!(individual_enrolment().paths(), []);
    assert_eq!(invitation().paths(), []);
    assert_eq!(list_request().paths(), []);
}

#[test]
fn application_texts() {
    texts_are_limited(
        application(),
        &[
            ("organisation.name", MAX_TEXT, |a, t| {
                a.organisation.name = t
            }),
            ("organisation.bin", MAX_TEXT, |a, t| a.organisation.bin = t),
            ("organisation.legal_form", MAX_TEXT, |a, t| {
                a.organisation.legal_form = t
            }),
            ("organisation.registered_address", MAX_TEXT, |a, t| {
                a.organisation.registered_address = t
            }),
            ("organisation.website", MAX_TEXT, |a, t| {
                a.organisation.website = Some(t)
            }),
            ("contact.name", MAX_TEXT, |a, t| a.contact.name = t),
            ("contact.position", MAX_TEXT, |a, t| a.contact.position = t),
            ("contact.email", MAX_TEXT, |a, t| a.contact.email = t),
            ("contact.phone", MAX_TEXT, |a, t| a.contact.phone = t),
            ("project.description", MAX_LONG_TEXT, |a, t| {
                a.project.description = t
            }),
            ("project.business_plan_summary", MAX_LONG_TEXT, |a, t| {
                a.project.business_plan_summary = t
            }),
            ("activities.0", MAX_TEXT, |a, t| a.activities[0] = t),
            ("documents.0", MAX_TEXT, |a, t| a.documents[0] = t),
        ],
    );
}

#[test]
fn enrolment_texts() {
    texts_are_limited(
        enrolment(),
        &[
            ("programme_id", MAX_TEXT, |e, t| e.programme_id = t),
            ("cohort_id", MAX_TEXT, |e, t| e.cohort_id = t),
            ("applicant.name", MAX_TEXT, |e, t| {
                e.applicant = Applicant::Team {
                    name: t,
                    contact_email: "team@example.kz".into(),
                }
            }),
            ("applicant.contact_email", MAX_TEXT, |e, t| {
                e.applicant = Applicant::Team {
                    name: "Team".into(),
                    contact_email: t,
                }
            }),
            ("applicant.bin", MAX_TEXT, |e, t| {
                e.applicant = Applicant::Participant { bin: t }
            }),
            ("applicant.iin", MAX_TEXT, |e, t| {
                e.applicant = Applicant::IndividualEntrepreneur {
                    iin: t,
                    name: "Dana Omarova".into(),
                    contact_email: "dana@example.kz".into(),
                }
            }),
            ("project_summary", MAX_LONG_TEXT, |e, t| {
                e.project_summary = t
            }),
            ("team.1.name", MAX_TEXT, |e, t| e.team[1].name = t),
            ("team.1.email", MAX_TEXT, |e, t| e.team[1].email = t),
            ("team.1.citizenship", MAX_TEXT, |e, t| {
                e.team[1].citizenship = t
            }),
            ("team.0.iin", MAX_TEXT, |e, t| e.team[0].iin = Some(t)),
            ("team.1.access_needs", MAX_LONG_TEXT, |e, t| {
                e.team[1].access_needs = Some(t)
            }),
        ],
    );
}

#[test]
fn invitation_texts() {
    texts_are_limited(
        invitation(),
        &[
            ("people.0.surname", MAX_TEXT, |i, t| i.people[0].surname = t),
            ("people.0.given_names", MAX_TEXT, |i, t| {
                i.people[0].given_names = t
            }),
            ("people.0.citizenship", MAX_TEXT, |i, t| {
                i.people[0].citizenship = t
            }),
            ("people.0.passport_number", MAX_TEXT, |i, t| {
                i.people[0].passport_number = t
            }),
            ("people.0.supporting_document", MAX_TEXT, |i, t| {
                i.people[0].supporting_document = Some(t)
            }),
            ("employer_bin", MAX_TEXT, |i, t| i.employer_bin = Some(t)),
            ("position", MAX_TEXT, |i, t| i.position = Some(t)),
            ("contact_email", MAX_TEXT, |i, t| i.contact_email = t),
            ("collection.country", MAX_TEXT, |i, t| {
                i.collection = Some(Collection::Consulate {
                    country: t,
                    city: "London".into(),
                })
            }),
            ("collection.city", MAX_TEXT, |i, t| {
                i.collection = Some(Collection::Consulate {
                    country: "GB".into(),
                    city: t,
                })
            }),
            ("collection.airport", MAX_TEXT, |i, t| {
                i.collection = Some(Collection::Airport { airport: t })
            }),
            ("engagement.programme_id", MAX_TEXT, |i, t| {
                i.engagement = Engagement::Programme {
                    programme_id: t,
                    cohort_id: "techpreneurs-winter".into(),
                }
            }),
            ("engagement.cohort_id", MAX_TEXT, |i, t| {
                i.engagement = Engagement::Programme {
                    programme_id: "techpreneurs".into(),
                    cohort_id: t,
                }
            }),
        ],
    );
}

#[test]
fn list_request_texts() {
    texts_are_limited(
        list_request(),
        &[
            ("organisation_name", MAX_TEXT, |r, t| {
                r.organisation_name = t
            }),
            ("bin", MAX_TEXT, |r, t| r.bin = t),
            ("entity_type", MAX_TEXT, |r, t| r.entity_type = t),
            ("status_document", MAX_TEXT, |r, t| {
                r.status_document = Some(t)
            }),
            ("contact_name", MAX_TEXT, |r, t| r.contact_name = t),
            ("contact_email", MAX_TEXT, |r, t| r.contact_email = t),
        ],
    );
}

#[test]
fn status_query_texts() {
    let query = StatusQuery {
        reference: "AH-2026-P-7K3M9Q-A".into(),
        second_factor: "970740000838".into(),
    };
    texts_are_limited(
        query,
        &[
            ("reference", MAX_TEXT, |q, t| q.reference = t),
            ("second_factor", MAX_TEXT, |q, t| q.second_factor = t),
        ],
    );
}

type SetCount<T> = fn(&mut T, usize);

/// Each list of `base` with [`MAX_ITEMS`] items (no `too_many`) and one more (`too_many` on
/// its path, saying the limit).
fn lists_are_limited<T: Refused + Clone>(base: T, cases: &[(&str, SetCount<T>)]) {
    for &(path, set) in cases {
        let mut at_limit = base.clone();
        set(&mut at_limit, MAX_ITEMS);
        let refused = at_limit.refused();
        assert!(
            refused.iter().all(|e| e.code != "api.field.too_many"),
            "{path} with {MAX_ITEMS} items: {refused:?}"
        );

        let mut beyond = base.clone();
        set(&mut beyond, MAX_ITEMS + 1);
        let refused = beyond.refused();
        let error = refused
            .iter()
            .find(|e| e.path == path)
            .unwrap_or_else(|| panic!("{path} with {} items: {refused:?}", MAX_ITEMS + 1));
        assert_eq!(error.code, "api.field.too_many", "{path}");
        assert_eq!(
            error.detail.as_deref(),
            Some(format!("at most {MAX_ITEMS} items").as_str()),
            "{path}"
        );
    }
}

#[test]
fn lists_hold_at_most_max_items() {
    lists_are_limited(
        application(),
        &[
            ("activities", |a, n| {
                a.activities = vec!["software_development".into(); n]
            }),
            ("documents", |a, n| {
                a.documents = vec!["business_plan".into(); n]
            }),
        ],
    );
    lists_are_limited(
        enrolment(),
        &[("team", |e, n| e.team = vec![e.team[1].clone(); n])],
    );
    lists_are_limited(
        invitation(),
        &[("people", |i, n| i.people = vec![i.people[0].clone(); n])],
    );
}

#[test]
fn a_list_beyond_its_limit_is_refused_once_not_item_by_item() {
    let mut crowded = enrolment();
    crowded.team = vec![crowded.team[1].clone(); MAX_ITEMS + 1];
    for member in &mut crowded.team {
        member.name = " ".into();
    }
    assert_eq!(
        crowded.paths(),
        [("team".into(), "api.field.too_many".into())]
    );
}

#[test]
fn each_long_item_of_a_list_of_texts_is_named() {
    let mut a = application();
    a.documents = vec!["business_plan".into(); 5];
    a.documents[1] = letters(MAX_TEXT + 1);
    a.documents[3] = letters(MAX_TEXT + 1);
    a.activities[0] = letters(MAX_TEXT + 1);
    assert_eq!(
        a.paths(),
        [
            // The length, not also the unknown activity: one error per field.
            ("activities.0".into(), "api.field.too_long".into()),
            ("documents.1".into(), "api.field.too_long".into()),
            ("documents.3".into(), "api.field.too_long".into()),
        ]
    );
}

#[test]
fn nested_errors_have_dotted_paths_in_the_order_of_the_body() {
    let mut e = enrolment();
    e.team = vec![e.team[1].clone(); 12];
    e.team[10].email = "not an email".into();
    e.team[2].name = String::new();
    e.team[2].iin = Some("900515300019".into());
    e.applicant = Applicant::Individual {
        iin: "970740000838".into(),
        name: "Aigerim Sadykova".into(),
        contact_email: "aigerim@".into(),
    };
    assert_eq!(
        e.paths(),
        [
            ("applicant.iin".into(), "ids.iin.looks_like_bin".into()),
            ("applicant.contact_email".into(), "api.field.email".into()),
            ("team.2.name".into(), "api.field.required".into()),
            ("team.2.iin".into(), "ids.bad_check_digit".into()),
            ("team.10.email".into(), "api.field.email".into()),
        ]
    );
}

type Change<T> = fn(&mut T);

/// Each change of `base` is refused on `path` with `code`, and on nothing else.
fn refused_with<T: Refused + Clone>(base: T, cases: &[(&str, Change<T>, &str, &str)]) {
    for &(case, change, path, code) in cases {
        let mut body = base.clone();
        change(&mut body);
        assert_eq!(body.paths(), [(path.into(), code.into())], "{case}");
    }
}

#[test]
fn custom_checks_of_an_application() {
    refused_with(
        application(),
        &[
            (
                "a blank name",
                |a| a.organisation.name = " \t".into(),
                "organisation.name",
                "api.field.required",
            ),
            (
                "a branch's BIN",
                |a| a.organisation.bin = "091241017203".into(),
                "organisation.bin",
                "ids.bin.branch",
            ),
            (
                "a BIN with a wrong check digit",
                |a| a.organisation.bin = "970740000839".into(),
                "organisation.bin",
                "ids.bad_check_digit",
            ),
            (
                "no contact name",
                |a| a.contact.name = String::new(),
                "contact.name",
                "api.field.required",
            ),
            (
                "an email without a domain",
                |a| a.contact.email = "aigerim@".into(),
                "contact.email",
                "api.field.email",
            ),
            (
                "a phone of another country",
                |a| a.contact.phone = "+44 20 7946 0000".into(),
                "contact.phone",
                "api.field.phone",
            ),
            (
                "no activity",
                |a| a.activities.clear(),
                "activities",
                "api.field.required",
            ),
            (
                "a negative income",
                |a| a.income_tiyn = -1,
                "income_tiyn",
                "api.field.negative",
            ),
        ],
    );
    let mut nothing = application();
    nothing.income_tiyn = 0;
    assert_eq!(nothing.paths(), [], "no income is not a negative one");
}

#[test]
fn custom_checks_of_an_enrolment() {
    refused_with(
        enrolment(),
        &[
            (
                "a team without a name",
                |e| {
                    e.applicant = Applicant::Team {
                        name: "  ".into(),
                        contact_email: "team@example.kz".into(),
                    }
                },
                "applicant.name",
                "api.field.required",
            ),
            (
                "a participant giving an IIN",
                |e| {
                    e.applicant = Applicant::Participant {
                        bin: "900515300018".into(),
                    }
                },
                "applicant.bin",
                "ids.bin.looks_like_iin",
            ),
            (
                "no project summary",
                |e| e.project_summary = String::new(),
                "project_summary",
                "api.field.required",
            ),
            (
                "nobody in the team",
                |e| e.team.clear(),
                "team",
                "api.field.required",
            ),
            (
                "a member's IIN with a wrong check digit",
                |e| e.team[0].iin = Some("951206400017".into()),
                "team.0.iin",
                "ids.bad_check_digit",
            ),
        ],
    );
}

#[test]
fn custom_checks_of_an_invitation() {
    refused_with(
        invitation(),
        &[
            (
                "nobody invited",
                |i| i.people.clear(),
                "people",
                "api.field.required",
            ),
            (
                "no surname",
                |i| i.people[0].surname = String::new(),
                "people.0.surname",
                "api.field.required",
            ),
            (
                "no passport number",
                |i| i.people[0].passport_number = " ".into(),
                "people.0.passport_number",
                "api.field.required",
            ),
            (
                "an employer's BIN of eleven digits",
                |i| i.employer_bin = Some("97074000083".into()),
                "employer_bin",
                "ids.wrong_length",
            ),
            (
                "an email without a domain",
                |i| i.contact_email = "hr@".into(),
                "contact_email",
                "api.field.email",
            ),
        ],
    );
    // An employer may be a branch: its BIN is any BIN, not only a head office's.
    let mut branch = invitation();
    branch.employer_bin = Some("091241017203".into());
    assert!(
        branch
            .paths()
            .iter()
            .all(|(path, _)| path != "employer_bin"),
        "{:?}",
        branch.paths()
    );
}

#[test]
fn custom_checks_of_a_list_request() {
    refused_with(
        list_request(),
        &[
            (
                "a blank name",
                |r| r.organisation_name = "   ".into(),
                "organisation_name",
                "api.field.required",
            ),
            (
                "a branch's BIN",
                |r| r.bin = "091241017203".into(),
                "bin",
                "ids.bin.branch",
            ),
            (
                "no contact name",
                |r| r.contact_name = String::new(),
                "contact_name",
                "api.field.required",
            ),
            (
                "an email without a domain",
                |r| r.contact_email = "dana@".into(),
                "contact_email",
                "api.field.email",
            ),
        ],
    );
}

#[test]
fn the_length_comes_before_the_shape() {
    let mut a = application();
    a.organisation.bin = "9".repeat(MAX_TEXT + 1);
    a.contact.email = format!("{}@example.kz", "a".repeat(MAX_TEXT));
    assert_eq!(
        a.paths(),
        [
            ("organisation.bin".into(), "api.field.too_long".into()),
            ("contact.email".into(), "api.field.too_long".into()),
        ]
    );
}

#[test]
fn field_errors_are_ordered_by_path_with_indexes_as_numbers() {
    use validator::Validate;
    let mut e = enrolment();
    e.team = vec![e.team[1].clone(); 11];
    e.team[10].name = String::new();
    e.team[9].name = String::new();
    e.team[2].email = "x".into();
    let paths: Vec<_> = field_errors(&e.validate().unwrap_err())
        .into_iter()
        .map(|e| e.path)
        .collect();
    assert_eq!(paths, ["team.2.email", "team.9.name", "team.10.name"]);
}

proptest! {
    #[test]
    fn a_text_within_the_limit_is_never_too_long(text in "\\PC{0,200}") {
        prop_assume!(text.chars().count() <= MAX_TEXT);
        let mut a = application();
        a.organisation.name = text.clone();
        a.contact.email = text.clone();
        a.activities[0] = text.clone();
        let mut r = list_request();
        r.status_document = Some(text);
        let refused: Vec<_> = a.refused().into_iter().chain(r.refused()).collect();
        prop_assert!(
            refused.iter().all(|e| e.code != "api.field.too_long"),
            "{:?}",
            refused
        );
    }

    #[test]
    fn a_text_beyond_the_limit_is_always_too_long(extra in "\\PC{1,50}", head in "\\PC{0,200}") {
        let text: String = head.chars().chain(extra.chars()).collect();
        let text: String = text.chars().cycle().take(MAX_TEXT + extra.chars().count()).collect();
        prop_assume!(text.chars().count() > MAX_TEXT);
        let mut a = application();
        a.contact.position = text;
        prop_assert_eq!(
            a.paths(),
            vec![("contact.position".to_owned(), "api.field.too_long".to_owned())]
        );
    }
}
