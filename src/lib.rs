//! Astana Hub self-service portal.
//!
//! - [`domain`]: the rules, pure Rust, no browser types; compiles and tests natively.
//! - [`i18n`]: the texts in Kazakh, Russian and English, and locale formatting.
//! - [`journeys`]: the four journeys' questions as data, with their checks, conditions and
//!   order; pure, tested natively.
//! - [`json`]: the small JSON reader of the files the first load reads.
//! - [`api`]: the contract with the Fund's service (pure, shared with a server).
//! - `backend` (feature `web`): the mock and the HTTP client behind one trait.
//! - `ui` (feature `web`): the Leptos interface.
pub mod api;
#[cfg(feature = "web")]
pub mod backend;
pub mod domain;
pub mod i18n;
pub mod iso_date;
pub mod journeys;
pub mod json;
#[cfg(feature = "web")]
pub mod ui;
