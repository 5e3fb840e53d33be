//! Astana Hub self-service portal.
//!
//! - [`domain`]: the rules, pure Rust, no browser types; compiles and tests natively.
//! - [`i18n`]: the texts in Kazakh, Russian and English, and locale formatting.
//! - `ui` (feature `web`): the Leptos interface.
pub mod domain;
pub mod i18n;
#[cfg(feature = "web")]
pub mod ui;
