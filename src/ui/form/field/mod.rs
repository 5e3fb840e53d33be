//! One question as a form field: a small component per kind of question, all sharing the label
//! or legend, the hint and the inline error message ([`Frame`]). Each keystroke is kept in the
//! answers; nothing is checked until Continue.

mod choice;
mod date;
mod text;

use leptos::prelude::*;

use super::{Answers, Kind, Problem, Question, message, text};
use crate::ui::i18n::{I18n, use_i18n};

/// What every kind of field shares: the question, where its answer is kept, and its error.
#[derive(Clone, Copy)]
struct Frame {
    q: &'static Question,
    answers: RwSignal<Answers>,
    error: Memo<Option<Problem>>,
    i18n: I18n,
}

impl Frame {
    fn id(self) -> &'static str {
        self.q.id
    }

    fn has_error(self) -> bool {
        self.error.with(Option::is_some)
    }

    /// The answer as it stood when the page was drawn.
    fn initial(self) -> String {
        self.answers
            .with_untracked(|a| a.get(self.q.id).cloned().unwrap_or_default())
    }

    fn set(self, value: String) {
        self.answers.update(|a| {
            a.insert(self.q.id.to_owned(), value);
        })
    }

    /// The ids of what describes the control: its hint, a long text's count, its error.
    fn described_by(self) -> Option<String> {
        let id = self.q.id;
        let mut ids = Vec::new();
        if self.q.hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if matches!(self.q.kind, Kind::Long { .. }) {
            ids.push(format!("{id}-count"));
        }
        if self.has_error() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn label_text(self) -> String {
        let mut text = self.i18n.t(self.q.label).to_owned();
        if self.q.optional {
            text.push_str(&format!(" ({})", self.i18n.t("form.optional")));
        }
        text
    }

    /// The hint and the error message, in that order, under the label.
    fn notes(self) -> impl IntoView {
        let (id, i18n, error) = (self.q.id, self.i18n, self.error);
        let hint = self.q.hint.map(|h| {
            view! {
                <div class="hint" id=format!("{id}-hint")>
                    {text(h)}
                </div>
            }
        });
        let error_message = move || {
            error.get().map(|p| {
                view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{i18n.t("form.error_prefix")}</span>
                        {message(i18n.lang(), p.key, &p.values)}
                    </p>
                }
            })
        };
        view! {
            {hint}
            {error_message}
        }
    }

    /// One control with its own label; `after` follows the control (a character count).
    fn single(self, control: AnyView, after: Option<AnyView>) -> AnyView {
        view! {
            <div class="form-group" class:form-group--error=move || self.has_error()>
                <label class="label" for=self.id()>
                    {move || self.label_text()}
                </label>
                {self.notes()}
                {control}
                {after}
            </div>
        }
        .into_any()
    }

    /// Several controls (options, a date's parts) under one legend.
    fn group(self, controls: AnyView) -> AnyView {
        view! {
            <div class="form-group" class:form-group--error=move || self.has_error()>
                <fieldset aria-describedby=move || self.described_by()>
                    <legend>{move || self.label_text()}</legend>
                    {self.notes()}
                    {controls}
                </fieldset>
            </div>
        }
        .into_any()
    }
}

/// One question, drawn by the component of its kind.
#[component]
pub fn Field(
    question: &'static Question,
    answers: RwSignal<Answers>,
    errors: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let id = question.id;
    let frame = Frame {
        q: question,
        answers,
        error: Memo::new(move |_| errors.with(|e| e.iter().find(|p| p.field == id).cloned())),
        i18n: use_i18n(),
    };
    match question.kind {
        Kind::Text {
            input,
            autocomplete,
            ..
        } => text::line(frame, input, autocomplete),
        Kind::Long { max } => text::long(frame, max),
        Kind::Money => text::number(frame, true),
        Kind::Number { .. } => text::number(frame, false),
        Kind::Date => date::date(frame),
        Kind::YesNo => choice::yes_no(frame),
        Kind::Radios(choices) => choice::radios(frame, choices),
        Kind::Checks { choices, search } => choice::checks(frame, choices, search),
        Kind::Select(choices) => choice::select(frame, choices),
        Kind::Country => choice::country(frame),
    }
}
