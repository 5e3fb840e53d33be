//! The form components: they render the journeys' data (`crate::journeys`) with the same
//! accessible markup, one component per kind of question, and keep drafts, submissions and
//! receipts.

mod add_another;
mod draft_file;
mod field;
mod format;
mod notice;
pub mod outbox;
mod receipt;
mod start;
mod step;
mod step_form;
mod store;
mod submit;
mod summary;
mod task_list;
mod upload;
mod why;

pub use crate::journeys::{
    Answers, Choices, Journey, Kind, Outcome, Problem, Question, Step, TaskStatus, answer_text,
    chosen, is_yes, items_of, parse_date, parse_money, parse_number,
};
pub use add_another::{AddAnother, ItemSummary, ListTexts, list_answer};
pub use draft_file::{DraftTools, chosen_file};
pub use format::{dyn_text, fill, format_date, format_money, message, text, tr};
pub use notice::provide_storage;
pub use outbox::{Outbox, OutboxNotices};
pub use receipt::{Milestones, NoRecord, keep_record, kept_record, stage_key, status_link};
pub use start::{JourneyStart, StartTexts};
pub use step::{DraftStep, step_links};
pub use step_form::{BackLink, StepForm};
pub use store::{Draft, KEPT_DAYS, Unreadable, all_saved, clear_all, load, save, saved_answers};
pub use submit::{FailurePanel, Sending};
pub use summary::SummaryList;
pub use task_list::TaskList;
pub use upload::{DocumentList, DocumentUpload};
pub use why::{ReasonList, Warnings, Why, reason_text, reason_words};
