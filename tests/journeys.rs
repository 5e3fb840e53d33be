//! The journeys as data (`src/journeys`), natively: every text a journey names exists in the
//! three languages; the complete answers of `tests/fixtures/answers.json` (which the end-to-end
//! specs use too) pass every question and make a submission the service's checks accept; and
//! each required answer left out is refused by the form with its question's id and, where the
//! service would see it, by the service at a path that leads back to that question.

mod fixtures;

use astana_hub_portal::api::FieldError;
use astana_hub_portal::i18n::{Lang, lookup};
use astana_hub_portal::journeys::{
    Answers, Journey, Kind, Question, acceleration, apply, eligibility, fees, invitations,
    list_request,
};
use chrono::NaiveDate;
use fixtures::{AS_OF, d};
use serde_json::Value;

fn today() -> NaiveDate {
    d(AS_OF)
}

/// The complete answers of `journey`, as its draft keeps them: a list as one answer holding
/// its items as JSON.
fn complete(journey: &str) -> Answers {
    let all: Value = serde_json::from_str(include_str!("fixtures/answers.json")).unwrap();
    let Value::Object(answers) = &all[journey] else {
        panic!("answers.json has no {journey}");
    };
    answers
        .iter()
        .map(|(id, v)| {
            let kept = match v {
                Value::String(s) => s.clone(),
                list => list.to_string(),
            };
            (id.clone(), kept)
        })
        .collect()
}

/// A journey with its other questions (a list's items, a start page's) and what the service
/// answers to its submission: `None` while the answers make none.
struct Case {
    name: &'static str,
    journey: &'static Journey,
    more: Vec<&'static [Question]>,
    refused: fn(&Answers) -> Option<Vec<FieldError>>,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "eligibility",
            journey: &eligibility::JOURNEY,
            more: vec![],
            // Not sent: the rules' own tests cover what they make of the answers.
            refused: |a| eligibility::to_domain(a).map(|_| Vec::new()),
        },
        Case {
            name: "apply",
            journey: &apply::JOURNEY,
            more: vec![],
            refused: |a| apply::to_application(a, today(), Lang::En).map(|s| s.check(today())),
        },
        Case {
            name: "acceleration",
            journey: &acceleration::JOURNEY,
            more: [(false, "no"), (true, "no"), (false, "yes"), (true, "yes")]
                .into_iter()
                .map(|(housing, team)| {
                    let kind = Answers::from([("team_allowed".into(), team.into())]);
                    acceleration::member_questions(housing, &kind)
                })
                .collect(),
            refused: |a| {
                acceleration::enrolment(a).map(|e| {
                    let mut refused = e.check();
                    refused.extend(e.check_cohort(today()));
                    refused
                })
            },
        },
        Case {
            name: "invitations",
            journey: &invitations::JOURNEY,
            more: vec![invitations::START.questions, invitations::MEMBER],
            refused: |a| invitations::invitation(a).map(|i| i.check(today())),
        },
        Case {
            name: "list_request",
            journey: &list_request::JOURNEY,
            more: vec![],
            refused: |a| Some(list_request::to_request(a).check(today())),
        },
    ]
}

/// Every question of a case: its steps' and the others.
fn questions(case: &Case) -> Vec<&'static Question> {
    let steps = case.journey.steps.iter().flat_map(|s| s.questions.iter());
    steps
        .chain(case.more.iter().flat_map(|q| q.iter()))
        .collect()
}

fn missing_texts(keys: impl IntoIterator<Item = String>) -> Vec<String> {
    keys.into_iter()
        .flat_map(|key| {
            Lang::ALL
                .into_iter()
                .filter(|lang| lookup(*lang, &key).is_none())
                .map(|lang| format!("{key} ({lang:?})"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text keys a question names: label, hint, "empty" message, and each option's label when
/// the texts hold it (a prefix and the option's id).
fn question_keys(q: &Question) -> Vec<String> {
    let mut keys = vec![q.label.to_owned()];
    keys.extend(q.hint.map(str::to_owned));
    keys.extend((!q.empty.is_empty()).then(|| q.empty.to_owned()));
    if let Kind::Radios(c) | Kind::Select(c) | Kind::Checks { choices: c, .. } = q.kind
        && c.label.is_none()
        && !c.prefix.is_empty()
    {
        keys.extend((c.values)().into_iter().map(|v| format!("{}{v}", c.prefix)));
    }
    keys
}

#[test]
fn every_text_a_journey_names_exists_in_the_three_languages() {
    let fee_keys = fees::STEP.questions.iter().flat_map(question_keys);
    let mut keys: Vec<String> = fee_keys.collect();
    keys.extend([fees::STEP.title.to_owned()]);
    keys.extend(fees::STEP.lead.map(str::to_owned));
    for case in cases() {
        for step in case.journey.steps {
            keys.push(step.title.to_owned());
            keys.extend(step.lead.map(str::to_owned));
        }
        keys.extend(questions(&case).into_iter().flat_map(question_keys));
    }
    assert!(
        keys.len() > 300,
        "only {} keys: a journey went missing",
        keys.len()
    );
    assert_eq!(missing_texts(keys), Vec::<String>::new());
}

#[test]
fn question_ids_asked_are_unique_and_never_shaped_like_a_text_key() {
    for case in cases() {
        let a = complete(case.name);
        let mut ids: Vec<&str> = case
            .journey
            .steps
            .iter()
            .filter(|s| s.asked(&a))
            .flat_map(|s| s.questions.iter().filter(|q| q.asked(&a)).map(|q| q.id))
            .collect();
        assert!(ids.iter().all(|id| !id.contains('.')), "{}", case.name);
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "{}: an id asked twice", case.name);
    }
}

#[test]
fn complete_answers_pass_every_question_and_the_service() {
    for case in cases() {
        let a = complete(case.name);
        let problems: Vec<_> = case
            .journey
            .problems(&a, Lang::En, today())
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert!(problems.is_empty(), "{}: {problems:?}", case.name);
        let refused = (case.refused)(&a);
        assert_eq!(refused, Some(Vec::new()), "{}", case.name);
    }
    let fee = complete("fees");
    assert!(fees::STEP.validate(&fee, Lang::En, today()).is_empty());
    assert!(fees::fee_of(&fee).is_some());
}

/// The questions asked of `a`, step by step, that must be answered.
fn required(journey: &'static Journey, a: &Answers) -> Vec<&'static Question> {
    journey
        .steps
        .iter()
        .filter(|s| s.asked(a))
        .flat_map(|s| s.questions.iter().filter(|q| q.asked(a) && !q.optional))
        .collect()
}

#[test]
fn each_required_answer_left_out_is_refused_with_its_question() {
    let (mut tried, mut unrefused) = (0, Vec::<String>::new());
    for case in cases() {
        let a = complete(case.name);
        for q in required(case.journey, &a) {
            let mut without = a.clone();
            without.remove(q.id);
            let problems: Vec<_> = case
                .journey
                .problems(&without, Lang::En, today())
                .into_iter()
                .map(|(_, p)| p)
                .collect();
            assert!(
                problems.iter().any(|p| p.field == q.id),
                "{}: {} left out, the form says {problems:?}",
                case.name,
                q.id
            );
            // A typed answer left out still makes a submission, with the field empty: the
            // service refuses it at a path that leads back to the question.
            if let (Kind::Text { .. } | Kind::Long { .. }, Some(refused)) =
                (q.kind, (case.refused)(&without))
            {
                let located = refused.iter().any(|e| {
                    let step = case.journey.question_at(&e.path).map(|(s, _)| s.slug);
                    let asks = case.journey.question(q.id).map(|(s, _)| s.slug);
                    case.journey.question_at(&e.path).map(|(_, found)| found.id) == Some(q.id)
                        || (case.name == "invitations"
                            && step.is_none()
                            && invitations::step_of(&e.path, invitations::is_trainee(&a)) == asks)
                });
                if !located {
                    unrefused.push(format!("{}: {} ({refused:?})", case.name, q.id));
                }
            }
            tried += 1;
        }
    }
    assert_eq!(
        unrefused,
        Vec::<String>::new(),
        "left out, the service did not refuse"
    );
    assert!(tried > 40, "only {tried} answers tried");
}

#[test]
fn every_field_a_question_is_sent_as_is_in_its_submission() {
    let mut a = complete("apply");
    a.insert("website".into(), "qazaqcloud.kz".into());
    let sent = serde_json::to_value(apply::to_application(&a, today(), Lang::En).unwrap()).unwrap();
    for q in apply::JOURNEY.steps.iter().flat_map(|s| s.questions) {
        let Some(path) = q.sent_as else { continue };
        let pointer = format!("/{}", path.replace('.', "/"));
        assert!(
            sent.pointer(&pointer).is_some(),
            "{} is sent as {path}, which is not sent",
            q.id
        );
    }
}

#[test]
fn an_invitation_begun_from_an_enrolment_answers_the_route_and_the_programme() {
    let team = complete("acceleration");
    let programme = astana_hub_portal::domain::acceleration::catalogue_data()
        .programmes
        .iter()
        .find(|p| Some(&p.id) == team.get("programme"))
        .unwrap();
    let a = invitations::trainee_of("WEBER", "JONAS", "DE", &programme.name, &team["cohort"]);
    assert!(invitations::is_trainee(&a));
    let step = invitations::JOURNEY.step("programme").unwrap();
    assert!(step.asked(&a));
    assert_eq!(step.validate(&a, Lang::En, today()), Vec::new());
    let person = invitations::JOURNEY.step("person").unwrap();
    let answered: Vec<_> = person
        .validate(&a, Lang::En, today())
        .into_iter()
        .map(|p| p.field)
        .collect();
    // The names and the citizenship are in; the passport is the trainee's to give.
    for id in ["surname", "given_names", "citizenship"] {
        assert!(!answered.contains(&id), "{id}");
    }
    assert!(answered.contains(&"passport_number"));
}

#[test]
fn the_step_indicator_counts_only_the_steps_asked() {
    let trainee = complete("invitations");
    // A trainee is asked the person, the programme and the visa: not the job nor the family.
    let places: Vec<_> = ["person", "programme", "visa", "employment"]
        .into_iter()
        .map(|slug| invitations::JOURNEY.progress(slug, &trainee))
        .collect();
    assert_eq!(places, [Some((1, 3)), Some((2, 3)), Some((3, 3)), None]);
    let mut employee = trainee.clone();
    employee.insert("route".into(), "employee".into());
    employee.insert("with_family".into(), "yes".into());
    assert_eq!(
        invitations::JOURNEY.progress("family", &employee),
        Some((4, 4))
    );
    assert_eq!(
        apply::JOURNEY.progress("declarations", &Answers::new()),
        Some((7, 7))
    );
}

#[test]
fn each_section_is_not_started_in_progress_or_completed() {
    use astana_hub_portal::journeys::TaskStatus::{Completed, InProgress, NotStarted};
    let full = complete("apply");
    let status = |a: &Answers, slug| {
        let step = apply::JOURNEY.step(slug).unwrap();
        apply::JOURNEY.status(step, a, Lang::En, today())
    };
    assert_eq!(status(&Answers::new(), "organisation"), NotStarted);
    let mut half = Answers::new();
    half.insert("org_name".into(), full["org_name"].clone());
    assert_eq!(status(&half, "organisation"), InProgress);
    // A half-typed date counts as begun; a date of slashes alone does not.
    let mut dated = Answers::new();
    dated.insert("reg_date".into(), "//".into());
    assert_eq!(status(&dated, "organisation"), NotStarted);
    dated.insert("reg_date".into(), "15//".into());
    assert_eq!(status(&dated, "organisation"), InProgress);
    for step in apply::JOURNEY.steps {
        assert_eq!(status(&full, step.slug), Completed, "{}", step.slug);
    }
    // A list page is completed once it holds an item.
    let team = complete("acceleration");
    let page = acceleration::JOURNEY.step("team").unwrap();
    let of = |a: &Answers| acceleration::JOURNEY.status(page, a, Lang::En, today());
    assert_eq!(of(&team), Completed);
    assert_eq!(of(&Answers::new()), NotStarted);
}

/// A draft keeps its lists as JSON in one answer each: the documents uploaded, as the upload
/// writes them, and the items of a list (the team, the family). They read back as written; an
/// answer that is not such a list reads as none, never as part of one.
#[test]
fn a_drafts_lists_read_back_as_written() {
    use astana_hub_portal::api::Attachment;
    use astana_hub_portal::journeys::{ATTACHMENTS, attachments_of, items_of};

    let attachment = |person| Attachment {
        id: "doc-1".into(),
        kind: "passport".into(),
        person,
        name: "«паспорт».pdf".into(),
        size: 81_920,
        sha256: "ab".repeat(32),
    };
    let written = vec![attachment(None), attachment(Some(2))];
    let team: Vec<Answers> = vec![
        Answers::from([("name".into(), "Aigerim \"A\"".into())]),
        Answers::new(),
    ];
    let answers = Answers::from([
        (ATTACHMENTS.into(), serde_json::to_string(&written).unwrap()),
        ("team".into(), serde_json::to_string(&team).unwrap()),
    ]);
    assert_eq!(attachments_of(&answers), written);
    assert_eq!(items_of(&answers, "team"), team);

    let cases = [
        ("missing", None),
        ("not JSON", Some("[{")),
        ("not a list", Some(r#"{"id":"doc-1"}"#)),
        (
            "a member missing",
            Some(r#"[{"id":"d","kind":"k","name":"n","size":1}]"#),
        ),
        (
            "a size not a whole number",
            Some(r#"[{"id":"d","kind":"k","name":"n","size":-1,"sha256":"s"}]"#),
        ),
    ];
    for (name, text) in cases {
        let answers = Answers::from_iter(text.map(|t| (ATTACHMENTS.to_owned(), t.to_owned())));
        assert_eq!(attachments_of(&answers), [], "{name}");
    }
    let extra = r#"[{"id":"d","kind":"k","name":"n","size":1,"sha256":"s","later":true}]"#;
    let answers = Answers::from([(ATTACHMENTS.into(), extra.into())]);
    assert_eq!(
        attachments_of(&answers).len(),
        1,
        "a member it does not know is ignored"
    );
    let answers = Answers::from([("team".into(), r#"[{"name":1}]"#.into())]);
    assert_eq!(
        items_of(&answers, "team"),
        [],
        "an item's answers are strings"
    );
}
