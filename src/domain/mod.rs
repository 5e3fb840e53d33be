//! The rules of the portal: pure Rust, no browser types, tested natively.
//!
//! Every rule cites its source (Law No. 207-V "On the Astana Hub innovation cluster", or a
//! named public source) and is evaluated against an explicit date; nothing here reads the clock.
//! `README.md` in this folder maps each article to its rule id, data file and tests.

pub mod acceleration;
pub mod calendar;
pub mod contact;
pub mod countries;
pub mod decision;
pub mod documents;
pub mod eligibility;
pub mod fees;
pub mod ids;
pub mod money;
pub mod params;
pub mod timeline;
pub mod visa;
