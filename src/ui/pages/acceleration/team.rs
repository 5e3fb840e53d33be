//! The team as an "add another" list, housing asked of each person when the programme offers
//! it, then the programme's rules: a team they refuse goes to a page that says why.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{DRAFT, JOURNEY, with_cohort};
use crate::{
    domain::acceleration::{Cohort, Programme},
    journeys::acceleration::{incomplete_member, member_name, member_questions, nights},
    ui::{
        config::use_today,
        i18n::use_i18n,
        link,
        page::Page,
        pages::form::{
            AddAnother, Answers, BackLink, ListTexts, Problem, fill, format_date, is_yes,
            list_answer, saved_answers, text,
        },
    },
};

const TEXTS: ListTexts = ListTexts {
    heading: "acc.members",
    item: "acc.member",
    none: "acc.members_none",
    add_first: "acc.member_add",
    add_another: "acc.member_add_another",
    save: "acc.member_save",
    added: "acc.member_added",
    changed: "acc.member_changed",
    removed: "acc.member_removed",
};

/// Housing for one person: the last night must not come before the first. Whether the nights
/// fall inside the cohort is an uncertain reading (Art. 8-1(5-8) leaves housing to the Fund's
/// operating rules): check your answers warns about it, the form does not refuse.
fn housing_problems(m: &Answers) -> Vec<Problem> {
    if !is_yes(m, "needs_housing") || nights(m).is_some() {
        return Vec::new();
    }
    vec![Problem {
        field: "last_night",
        key: "acc.night_order",
        values: Vec::new(),
    }]
}

/// The last night that can be housed: the evening before the programme's last day.
fn last_night(cohort: &Cohort) -> chrono::NaiveDate {
    cohort.ends.pred_opt().unwrap_or(cohort.ends)
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let answers = saved_answers(DRAFT);
    let back = link(&answers.with_untracked(|a| JOURNEY.back("team", a)));
    view! {
        <BackLink href=back />
        {with_cohort(answers, move |programme, cohort| {
            view! { <TeamForm answers programme cohort /> }.into_any()
        })}
    }
}

#[component]
fn TeamForm(answers: RwSignal<Answers>, programme: Programme, cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let items = list_answer(answers, "team");
    let errors = RwSignal::new(Vec::<Problem>::new());
    let editing = RwSignal::new(false);
    let questions = answers.with_untracked(|a| member_questions(programme.housing, a));
    let (starts, last) = (cohort.starts, last_night(&cohort));
    let dates = move || {
        fill(
            i18n.t("acc.housing_dates"),
            &[
                ("starts".into(), format_date(i18n.lang(), starts)),
                ("last".into(), format_date(i18n.lang(), last)),
            ],
        )
    };
    let housing_note = programme
        .housing
        .then(|| view! { <p class="hint">{dates}</p> });
    let check = Callback::new(move |m: Answers| housing_problems(&m));
    let proceed = move |_| {
        let problem = |key| Problem {
            field: "team-add",
            key,
            values: Vec::new(),
        };
        if editing.get_untracked() {
            errors.set(vec![Problem {
                field: "given_names",
                ..problem("acc.members_unsaved")
            }]);
            return;
        }
        if items.with_untracked(Vec::is_empty) {
            errors.set(vec![problem("acc.members_empty")]);
            return;
        }
        if let Some(name) = items.with_untracked(|list| {
            incomplete_member(questions, list, i18n.lang(), use_today()).map(member_name)
        }) {
            errors.set(vec![Problem {
                field: "team-heading",
                values: vec![("name".into(), name)],
                ..problem("acc.members_incomplete")
            }]);
            return;
        }
        errors.set(Vec::new());
        // The programme's rules are applied next: "check your answers" says when they refuse.
        navigate(&link(&JOURNEY.path("check")), Default::default());
    };
    view! {
        <Page title="acc.team_title">
            <p class="lead">{text("acc.team_lead")}</p>
            {housing_note}
            <AddAnother
                id="team"
                items
                questions
                name=member_name
                texts=TEXTS
                errors
                editing
                check
            />
            <button class="button" type="button" on:click=proceed>
                {text("form.continue")}
            </button>
        </Page>
    }
}
