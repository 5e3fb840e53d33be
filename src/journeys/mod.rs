//! Forms as data: a journey is a list of [`Step`]s, each a list of [`Question`]s, with their
//! checks, conditions and order. Pure: no browser types, "today" passed in, so every journey is
//! tested natively (`tests/journeys.rs`); the interface (`src/ui/form`) renders what it says.
//! A new question is a line of data here, its texts, and the contract if it is sent.

pub mod acceleration;
pub mod apply;
mod checks;
pub mod eligibility;
pub mod fees;
pub mod invitations;
pub mod list_request;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::{
    domain::{
        countries,
        money::{Tiyn, parse_tenge},
    },
    i18n::{
        self, Lang,
        format::{format_date, format_money},
    },
};

/// What the user typed, by question id, exactly as typed. Several choices are kept as one
/// comma-separated string of option ids; a date as "day/month/year".
pub type Answers = BTreeMap<String, String>;

/// Where a set of options comes from, and the prefix of their label keys (`prefix` + value).
#[derive(Clone, Copy)]
pub struct Choices {
    pub values: fn() -> Vec<&'static str>,
    pub prefix: &'static str,
    /// Labels made at run time from data the texts do not hold (a cohort's dates on `today`'s
    /// catalogue), instead of the texts under `prefix`.
    pub label: Option<fn(Lang, NaiveDate, &str) -> String>,
}

impl Choices {
    /// The option `value` as the reader sees it in `lang`.
    pub fn label(&self, lang: Lang, today: NaiveDate, value: &str) -> String {
        match self.label {
            Some(made) => made(lang, today, value),
            None => i18n::text(lang, &format!("{}{value}", self.prefix)).to_owned(),
        }
    }
}

#[derive(Clone, Copy)]
pub enum Kind {
    /// One line. `input` is the HTML type ("text", "email", "tel", "url").
    Text {
        input: &'static str,
        autocomplete: &'static str,
        max: usize,
    },
    /// Several lines with a visible count of the characters left.
    Long {
        max: usize,
    },
    /// Tenge, typed as people type it: "1 234 567", "1234567,50".
    Money,
    Number {
        min: i64,
        max: i64,
    },
    /// Three fields, day, month and year, as the GOV.UK date input: no picker to fight with.
    Date,
    Radios(Choices),
    Select(Choices),
    /// A country of ISO 3166-1 by its code, listed by name in the reader's language and
    /// alphabet (`domain::countries`).
    Country,
    /// Check boxes; `search` adds a filter above a long list.
    Checks {
        choices: Choices,
        search: bool,
    },
    YesNo,
}

impl Kind {
    /// One line of text: `input` is the HTML type, `autocomplete` its purpose ("" for none).
    pub const fn text(input: &'static str, autocomplete: &'static str, max: usize) -> Kind {
        Kind::Text {
            input,
            autocomplete,
            max,
        }
    }
}

/// A problem with one answer: the field it belongs to and its message with its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub values: Vec<(String, String)>,
}

/// A message key with the values of its placeholders.
pub type Message = (&'static str, Vec<(String, String)>);

/// The result of a check: fine, or what is wrong.
pub type Outcome = Result<(), Message>;

/// A check beyond the generic ones: the answer, all answers and today's date in Astana in, a
/// message out.
pub type Check = fn(&str, &Answers, NaiveDate) -> Outcome;

pub struct Question {
    /// Answer key and element id; a word with underscores, never shaped like a message key.
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// The message when a required answer is missing ("Enter the organisation's name").
    pub empty: &'static str,
    pub kind: Kind,
    pub optional: bool,
    pub check: Option<Check>,
    /// Asked only when this holds.
    pub when: Option<fn(&Answers) -> bool>,
    /// For a choice whose options depend on earlier answers: the options offered.
    pub offered: Option<fn(&Answers) -> Vec<&'static str>>,
    /// The field of the submission this answer fills, as the service's errors name it
    /// ("organisation.name"), when that is not the question's id.
    pub sent_as: Option<&'static str>,
}

impl Question {
    pub const fn new(
        id: &'static str,
        label: &'static str,
        empty: &'static str,
        kind: Kind,
    ) -> Self {
        Question {
            id,
            label,
            hint: None,
            empty,
            kind,
            optional: false,
            check: None,
            when: None,
            offered: None,
            sent_as: None,
        }
    }

    pub const fn sent_as(mut self, path: &'static str) -> Self {
        self.sent_as = Some(path);
        self
    }

    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    pub const fn check(mut self, check: Check) -> Self {
        self.check = Some(check);
        self
    }

    pub const fn when(mut self, when: fn(&Answers) -> bool) -> Self {
        self.when = Some(when);
        self
    }

    pub const fn offered(mut self, offered: fn(&Answers) -> Vec<&'static str>) -> Self {
        self.offered = Some(offered);
        self
    }

    /// The options shown: those offered, or all of the choice's.
    pub fn options(&self, answers: &Answers, choices: Choices) -> Vec<&'static str> {
        self.offered
            .map_or_else(|| (choices.values)(), |f| f(answers))
    }

    pub fn asked(&self, answers: &Answers) -> bool {
        self.when.is_none_or(|w| w(answers))
    }

    /// The problem with this question's answer, if any, read as typed in `lang` (an amount's
    /// separators) on `today`. Runs when Continue is pressed.
    pub fn validate(&self, answers: &Answers, lang: Lang, today: NaiveDate) -> Option<Problem> {
        let value = answers.get(self.id).map(String::as_str).unwrap_or("");
        let problem = |key: &'static str, values: Vec<(String, String)>| Problem {
            field: self.id,
            key,
            values,
        };
        let blank = match self.kind {
            Kind::Date => value.split('/').all(|p| p.trim().is_empty()),
            _ => value.trim().is_empty(),
        };
        if blank {
            return (!self.optional).then(|| problem(self.empty, Vec::new()));
        }
        let generic = match self.kind {
            Kind::Text { max, .. } | Kind::Long { max } if value.chars().count() > max => {
                Err(("form.too_long", vec![("max".into(), max.to_string())]))
            }
            Kind::Money => parse_tenge(value, lang)
                .map(|_| ())
                .map_err(|e| (e.message_key(), e.values())),
            Kind::Number { min, max } => match parse_number(value) {
                Some(n) if (min..=max).contains(&n) => Ok(()),
                Some(_) => Err((
                    "form.number_range",
                    vec![
                        ("min".into(), min.to_string()),
                        ("max".into(), max.to_string()),
                    ],
                )),
                None => Err(("form.number_invalid", Vec::new())),
            },
            Kind::Date => parse_date(value).map(|_| ()),
            // An option not offered (an earlier answer changed, a draft from a file) is no answer.
            Kind::Radios(_) if self.offered.is_some_and(|f| !f(answers).contains(&value)) => {
                Err((self.empty, Vec::new()))
            }
            _ => Ok(()),
        };
        generic
            .and_then(|()| self.check.map_or(Ok(()), |c| c(value, answers, today)))
            .err()
            .map(|(key, values)| problem(key, values))
    }
}

/// One page of a journey: a heading and a question or a small group of related ones.
pub struct Step {
    /// The last part of the page's address.
    pub slug: &'static str,
    pub title: &'static str,
    /// A paragraph under the heading.
    pub lead: Option<&'static str>,
    pub questions: &'static [Question],
    /// Shown only when this holds (earlier answers make it pointless otherwise).
    pub when: Option<fn(&Answers) -> bool>,
}

impl Step {
    /// A step always asked, with no paragraph under its heading.
    pub const fn new(
        slug: &'static str,
        title: &'static str,
        questions: &'static [Question],
    ) -> Step {
        Step {
            slug,
            title,
            lead: None,
            questions,
            when: None,
        }
    }

    pub fn asked(&self, answers: &Answers) -> bool {
        self.when.is_none_or(|w| w(answers))
    }

    pub fn validate(&self, answers: &Answers, lang: Lang, today: NaiveDate) -> Vec<Problem> {
        self.questions
            .iter()
            .filter(|q| q.asked(answers))
            .filter_map(|q| q.validate(answers, lang, today))
            .collect()
    }
}

/// How far a section of a long form has got, as a task list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Completed,
}

impl TaskStatus {
    /// The message key of its words.
    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "form.task.not_started",
            TaskStatus::InProgress => "form.task.in_progress",
            TaskStatus::Completed => "form.task.completed",
        }
    }
}

/// The steps of a journey under one address, then the page that follows the last one.
pub struct Journey {
    /// The journey's address, "/apply".
    pub base: &'static str,
    pub steps: &'static [Step],
    /// The slug of the page after the last step ("result", "check").
    pub end: &'static str,
}

impl Journey {
    pub fn step(&self, slug: &str) -> Option<&'static Step> {
        self.steps.iter().find(|s| s.slug == slug)
    }

    pub fn path(&self, slug: &str) -> String {
        format!("{}/{slug}", self.base)
    }

    /// The page after `slug`: the next step asked, else the end.
    pub fn next(&self, slug: &str, answers: &Answers) -> String {
        let at = self
            .steps
            .iter()
            .position(|s| s.slug == slug)
            .map_or(0, |i| i + 1);
        let next = self.steps[at..].iter().find(|s| s.asked(answers));
        self.path(next.map_or(self.end, |s| s.slug))
    }

    /// The page before `slug` (the end counts as after the last step): the previous step
    /// asked, else the journey's start page.
    pub fn back(&self, slug: &str, answers: &Answers) -> String {
        let at = self
            .steps
            .iter()
            .position(|s| s.slug == slug)
            .unwrap_or(self.steps.len());
        self.steps[..at]
            .iter()
            .rev()
            .find(|s| s.asked(answers))
            .map_or_else(|| self.base.to_owned(), |s| self.path(s.slug))
    }

    /// The question asked as `id`, with its step.
    pub fn question(&self, id: &str) -> Option<(&'static Step, &'static Question)> {
        self.steps
            .iter()
            .find_map(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
    }

    /// The question behind a path of the service's answer: the one sent as that field or as
    /// the list it is an item of ("activities.1"), else the one whose id ends the path
    /// ("applicant.bin"). A path into a list of people ("team.0.email") finds none.
    pub fn question_at(&self, path: &str) -> Option<(&'static Step, &'static Question)> {
        let sent = self.steps.iter().find_map(|s| {
            s.questions
                .iter()
                .find(|q| {
                    q.sent_as.is_some_and(|field| {
                        path.strip_prefix(field)
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
                    })
                })
                .map(|q| (s, q))
        });
        sent.or_else(|| {
            if path.split('.').any(|p| p.parse::<usize>().is_ok()) {
                return None;
            }
            self.question(path.rsplit('.').next()?)
        })
    }

    /// The path that changes question `q` and comes back to "check your answers".
    pub fn change_path(&self, q: &Question) -> String {
        let slug = self
            .question(q.id)
            .map_or_else(|| self.steps[0].slug, |(s, _)| s.slug);
        format!("{}?change={}", self.path(slug), q.id)
    }

    /// The question behind a path of the service's answer, for the failure panel: its label
    /// and the path that changes it.
    pub fn locate(&self, path: &str) -> Option<(&'static str, String)> {
        self.question_at(path)
            .map(|(_, q)| (q.label, self.change_path(q)))
    }

    /// The steps asked of `answers`, in order.
    pub fn asked_steps(&self, answers: &Answers) -> Vec<&'static Step> {
        self.steps.iter().filter(|s| s.asked(answers)).collect()
    }

    /// "Step 3 of 7": the place of step `slug` among the steps asked, and how many there are.
    pub fn progress(&self, slug: &str, answers: &Answers) -> Option<(usize, usize)> {
        let asked = self.asked_steps(answers);
        let at = asked.iter().position(|s| s.slug == slug)?;
        Some((at + 1, asked.len()))
    }

    /// How far `step` has got: completed when every question it asks has an acceptable answer,
    /// not started while none has an answer, else in progress. A step of no questions is a
    /// list page, which keeps its items under its own slug (the team, the family).
    pub fn status(
        &self,
        step: &Step,
        answers: &Answers,
        lang: Lang,
        today: NaiveDate,
    ) -> TaskStatus {
        let given = |id: &str| {
            answers
                .get(id)
                .is_some_and(|v| !v.split('/').all(|p| p.trim().is_empty()))
        };
        if step.questions.is_empty() {
            return if items_of(answers, step.slug).is_empty() {
                TaskStatus::NotStarted
            } else {
                TaskStatus::Completed
            };
        }
        let asked: Vec<_> = step.questions.iter().filter(|q| q.asked(answers)).collect();
        if !asked.iter().any(|q| given(q.id)) {
            TaskStatus::NotStarted
        } else if step.validate(answers, lang, today).is_empty() {
            TaskStatus::Completed
        } else {
            TaskStatus::InProgress
        }
    }

    /// Every problem in every step asked, for a last check before submitting.
    pub fn problems(
        &self,
        answers: &Answers,
        lang: Lang,
        today: NaiveDate,
    ) -> Vec<(&'static Step, Problem)> {
        self.steps
            .iter()
            .filter(|s| s.asked(answers))
            .flat_map(|s| {
                s.validate(answers, lang, today)
                    .into_iter()
                    .map(move |p| (s, p))
            })
            .collect()
    }
}

/// A whole number as people type it, with spaces between thousands.
pub fn parse_number(value: &str) -> Option<i64> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    digits.parse().ok()
}

/// An amount as typed in `lang`: "1,234" is 1 234 tenge in English only.
pub fn parse_money(value: &str, lang: Lang) -> Option<Tiyn> {
    parse_tenge(value, lang).ok()
}

/// An amount a question has accepted, for a [`Check`], which is not told the language: no
/// input reads as two different amounts in two languages (`tests/domain_money.rs`), so any
/// language that reads it reads the amount the user meant.
pub fn accepted_money(value: &str) -> Option<Tiyn> {
    Lang::ALL
        .into_iter()
        .find_map(|lang| parse_tenge(value, lang).ok())
}

/// "day/month/year" as kept in [`Answers`] into a date.
pub fn parse_date(value: &str) -> Result<NaiveDate, Message> {
    let parts: Vec<&str> = value.split('/').map(str::trim).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(("form.date_incomplete", Vec::new()));
    }
    let num = |p: &str| p.parse::<u32>().ok();
    match (num(parts[0]), num(parts[1]), num(parts[2])) {
        (Some(d), Some(m), Some(y)) if (1000..=9999).contains(&y) => {
            NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(("form.date_invalid", Vec::new()))
        }
        _ => Err(("form.date_invalid", Vec::new())),
    }
}

/// The chosen options of a several-choice answer.
pub fn chosen(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').filter(|v| !v.is_empty())
}

/// The chosen options of answer `id`, as a list.
pub fn chosen_of(answers: &Answers, id: &str) -> Vec<String> {
    answers
        .get(id)
        .map(|v| chosen(v).map(str::to_owned).collect())
        .unwrap_or_default()
}

pub fn is_yes(answers: &Answers, id: &str) -> bool {
    answers.get(id).is_some_and(|v| v == "yes")
}

/// The items of a list kept under `id` as one answer holding a JSON list (the team, the
/// family); none when it is missing or unreadable.
pub fn items_of(answers: &Answers, id: &str) -> Vec<Answers> {
    answers
        .get(id)
        .and_then(|json| crate::json::read(json).ok())
        .unwrap_or_default()
}

/// The answer under which a draft keeps the documents uploaded, as a JSON list.
pub const ATTACHMENTS: &str = "attachments";

/// The documents a draft holds, as the submission names them.
pub fn attachments_of(answers: &Answers) -> Vec<crate::api::Attachment> {
    answers
        .get(ATTACHMENTS)
        .and_then(|json| crate::json::read(json).ok())
        .unwrap_or_default()
}

/// An answer written for reading: option labels instead of ids, dates and money formatted.
pub fn answer_text(lang: Lang, today: NaiveDate, q: &Question, answers: &Answers) -> String {
    let value = answers.get(q.id).map(String::as_str).unwrap_or("").trim();
    match q.kind {
        Kind::Money => parse_money(value, lang).map_or_else(|| value.to_owned(), format_money),
        Kind::Date => parse_date(value).map_or_else(|_| String::new(), |d| format_date(lang, d)),
        Kind::YesNo if !value.is_empty() => i18n::text(lang, &format!("form.{value}")).to_owned(),
        Kind::Radios(c) | Kind::Select(c) if !value.is_empty() => c.label(lang, today, value),
        Kind::Checks { choices, .. } => chosen(value)
            .map(|v| choices.label(lang, today, v))
            .collect::<Vec<_>>()
            .join("\n"),
        Kind::Country => country_name(lang, value),
        _ => value.to_owned(),
    }
}

/// The country's name in `lang`, or the code as typed when it is not a known one.
pub fn country_name(lang: Lang, code: &str) -> String {
    countries::country(code).map_or_else(|| code.to_owned(), |c| c.name(lang).to_owned())
}
