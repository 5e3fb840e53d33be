//! How much a submission may hold: one table for the forms, which refuse beyond it before
//! sending, and for the submissions' field checks (`length` on each field of
//! `src/api/payload.rs` and `list_request.rs`), which the service makes again and the portal
//! makes before anything leaves for either backend.

/// The longest text of a field other than prose (names, addresses, emails), in characters.
pub const MAX_TEXT: usize = 200;
/// The longest prose (descriptions, summaries, access needs), in characters.
pub const MAX_LONG_TEXT: usize = 4000;
/// The most items in a list (people, team members, activities, documents).
pub const MAX_ITEMS: usize = 50;
