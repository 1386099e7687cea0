//! medloc: a localization pipeline for medical and public-health guides.
//!
//! Data flows one way: [`project`] finds the files, [`source`] turns Markdown articles into
//! blocks with stable message IDs, [`split`] writes the reference Fluent files, and later
//! stages read those files once and turn them into findings, reports and pages. See
//! ARCHITECTURE.md for the map.

// Only `cli` prints: the library returns values and errors (tests may print).
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::print_stderr))]

pub mod catalog;
pub mod check;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod cli;
pub mod coverage;
pub mod error;
pub mod fsio;
pub mod ftl;
pub mod history;
pub mod init;
pub mod interchange;
pub mod limits;
pub mod lsp;
pub mod project;
pub mod render;
pub mod report;
pub mod source;
pub mod split;
pub mod stale;
pub mod terminology;
pub mod terms;
pub mod text;

pub use error::{Error, Result};
