//! Astana Hub self-service portal.
//!
//! - [`domain`]: the rules, pure Rust, no browser types.
//! - [`i18n`]: the texts in Kazakh, Russian and English, and locale formatting.
pub mod domain;
pub mod i18n;
