//! What a rule is and what it finds: severities, scopes, the rule record, findings.

use super::FileCheck;
use serde::Serialize;

/// How serious a finding is. `error` fails `check`; `warning` fails it with
/// `--deny warnings`; `info` never does.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which files a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One file on its own: also run on the reference files.
    File,
    /// A translation against its reference.
    Pair,
    /// A reference file on its own (the file is [`FileCheck::translation`], as for `File`,
    /// and [`FileCheck::terms`] is set): problems for authors of the source.
    Reference,
    /// A translation against its reference, judged with what the whole locale does
    /// ([`FileCheck::term_usage`], computed once per locale before these rules run on each
    /// file, so findings keep their file and line and locales stay parallel).
    Locale,
}

/// A rule of the registry: a stable kebab-case name, a default severity, and the function
/// that finds its violations. Its documentation is the `//!` comment of its file.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub scope: Scope,
    pub check: fn(&FileCheck<'_>, &mut Vec<Finding>),
}

impl Rule {
    /// Whether the rule reads [`FileCheck::length_stats`] (worked out only when one runs).
    pub(crate) fn uses_length_stats(&self) -> bool {
        matches!(self.name, "length-outlier" | "sentence-count-mismatch")
    }
}

/// One problem found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub locale: String,
    /// Relative to the project root.
    pub path: String,
    pub message_id: Option<String>,
    pub attribute: Option<String>,
    /// 1-based.
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The reference text of the message, when the finding is about one.
    pub reference: Option<String>,
    /// The translation's text of the message.
    pub translation: Option<String>,
    pub hint: Option<String>,
    /// For a stale translation, the reference text when the translation was made (from git
    /// history); the reference now is `reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_before: Option<String>,
    /// Byte span in the file, for the snippet (not serialized).
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// Where the reference has what the finding is about (the number or tag the translation
    /// changed or lacks): the reference file as shown and the byte span there, for the text
    /// report's second snippet (not serialized).
    #[serde(skip)]
    pub reference_span: Option<(String, std::ops::Range<usize>)>,
}
