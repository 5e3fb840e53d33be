//! Writes the journeys' questions as JSON, for the end-to-end tests that type into every field
//! (`tests/e2e/hostile.spec.js`): `journeys <file>`. Each journey's steps, each question's id,
//! kind, longest answer, and whether it is optional or has a check of its own, as
//! `src/journeys` says, so the tests follow the data instead of a list of their own.

use std::{env, fs, process::ExitCode};

use astana_hub_portal::journeys::{
    Journey, Kind, Question, acceleration, apply, eligibility, invitations, list_request,
};
use serde_json::{Value, json};

fn question(q: &Question) -> Value {
    let (kind, max) = match q.kind {
        Kind::Text { input, max, .. } => (input, Some(max)),
        Kind::Long { max } => ("long", Some(max)),
        Kind::Money => ("money", None),
        Kind::Number { .. } => ("number", None),
        Kind::Date => ("date", None),
        Kind::Radios(_) => ("radios", None),
        Kind::Select(_) => ("select", None),
        Kind::Checks { .. } => ("checks", None),
        Kind::YesNo => ("yes_no", None),
        Kind::Country => ("country", None),
    };
    json!({
        "id": q.id,
        "kind": kind,
        "max": max,
        "optional": q.optional,
        "checked": q.check.is_some(),
    })
}

fn questions(list: &[Question]) -> Value {
    list.iter().map(question).collect()
}

fn journey(j: &Journey) -> Value {
    j.steps
        .iter()
        .map(|s| (s.slug.to_owned(), questions(s.questions)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn main() -> ExitCode {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: journeys <file>");
        return ExitCode::FAILURE;
    };
    let mut acceleration = journey(&acceleration::JOURNEY);
    // A team member's questions with every optional part asked: housing, and a team's IINs.
    let team = [("team_allowed".to_owned(), "yes".to_owned())].into();
    acceleration["member"] = questions(acceleration::member_questions(true, &team));
    let mut invitations = journey(&invitations::JOURNEY);
    invitations["member"] = questions(invitations::MEMBER);
    let all = json!({
        "eligibility": journey(&eligibility::JOURNEY),
        "apply": journey(&apply::JOURNEY),
        "acceleration": acceleration,
        "invitations": invitations,
        "list_request": journey(&list_request::JOURNEY),
    });
    match fs::write(&path, format!("{all:#}\n")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("journeys: cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
