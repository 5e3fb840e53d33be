//! Sending a journey's answers, once: the idempotency key is kept with the draft, so a retry
//! after a failure, a timeout or a reload sends the same key, and the service answers with the
//! first result instead of recording a second submission.

use std::future::Future;

use leptos::prelude::*;

use super::store::{Draft, remove};
use crate::api::Submission;
use crate::backend::{BackendError, IdempotencyKey};

/// Whether a submission is on its way, and why the last one failed.
#[derive(Clone, Copy)]
pub struct Sending {
    pub busy: RwSignal<bool>,
    pub failure: RwSignal<Option<BackendError>>,
}

impl Sending {
    pub fn new() -> Self {
        Sending {
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Sends with the draft's key (made and kept on the first try). On success `done` gets the
    /// receipt and the draft is removed; on failure the draft and every answer stay.
    pub fn send<Fut>(
        self,
        journey: &'static str,
        send: impl FnOnce(IdempotencyKey) -> Fut + 'static,
        done: impl FnOnce(Submission) + 'static,
    ) where
        Fut: Future<Output = Result<Submission, BackendError>> + 'static,
    {
        let mut draft = Draft::restore(journey);
        if draft.idempotency_key.is_empty() {
            draft.idempotency_key = IdempotencyKey::generate().0;
            draft.persist();
        }
        let key = IdempotencyKey(draft.idempotency_key);
        self.busy.set(true);
        self.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = send(key).await;
            self.busy.set(false);
            match result {
                Ok(submission) => {
                    done(submission);
                    remove(&Draft::key(journey));
                }
                Err(e) => self.failure.set(Some(e)),
            }
        });
    }
}
