//! `medloc check`: runs the rule registry (`rules/`) over every locale file against its
//! reference and returns findings. Reads the [`Catalog`](crate::catalog::Catalog); never
//! writes, never prints.
//!
//! - `rule.rs`: severities, scopes, rules and findings;
//! - `file.rs`: what a rule sees of one file;
//! - `locale.rs`: the locale's facts;
//! - `policy.rs`: the project's severity overrides and filters;
//! - `options.rs`: a run's options and report;
//! - `run.rs`: the runner and the run-wide entry points;
//! - `stream.rs`: the streamed driver; `session.rs`: one buffer in memory (the language
//!   server); `cache.rs`: the content-hash cache.

pub mod cache;
mod file;
mod keys;
mod locale;
mod options;
mod order;
mod policy;
mod rule;
pub mod rules;
mod run;
mod session;
mod stream;

pub use crate::catalog::PatternPair;
pub use crate::terminology::Terms;
pub(crate) use file::occurrence;
pub use file::{FileCheck, LengthStats, LocaleTerms};
pub use locale::LocaleInfo;
pub use options::{CheckOptions, CheckReport};
pub use policy::Policy;
pub use rule::{Finding, Rule, Scope, Severity};
pub(crate) use run::{RunContext, load_side_inputs, reference_ids, run_rules, sort_findings};
pub use run::{check, check_project, parent_locale};
pub use session::{FileRole, Session, check_syntax_only};
pub use stream::{RunSummary, Stream, StreamedCheck, Unit, check_each, check_streamed};
