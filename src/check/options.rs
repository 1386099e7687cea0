//! A check run's options and its collected report.

use super::{Finding, Severity};
use crate::error::Error;
use crate::project::Project;

/// Options of one check run.
#[derive(Debug, Default, Clone)]
pub struct CheckOptions {
    /// Only these locales (empty: all).
    pub locales: Vec<String>,
    /// Only files whose path (relative to the root, or to the locale directory) is listed.
    pub paths: Vec<String>,
    /// Only this shard of the locales (`--shard K/N`); the reference's own findings are
    /// reported by shard 1.
    pub shard: Option<crate::project::Shard>,
}

impl CheckOptions {
    /// Whether the run reports the reference's own findings (syntax, duplicates, its
    /// deprecated terms): with no `--locale`, with `--locale` naming the reference, or with
    /// paths naming reference files as shown (`locales/en-US/guide.ftl`; `shown`: the
    /// reference files' paths). A translator's `check --locale es` does not repeat the
    /// authors' problems, nor does `check --locale es guide.ftl` (es's file).
    pub fn reference_in_scope<'s>(
        &self,
        reference: &str,
        mut shown: impl Iterator<Item = &'s str>,
    ) -> bool {
        let named = |file: &str| {
            self.paths
                .iter()
                .any(|p| p.trim_start_matches("./") == file)
        };
        self.locales.is_empty() || self.locales.iter().any(|l| l == reference) || shown.any(named)
    }

    /// The `--locale` list without the reference (which is not one of the project's
    /// locales), and whether only the reference was named.
    pub(crate) fn translation_locales(&self, project: &Project) -> (Vec<String>, bool) {
        let reference = &project.reference_locale;
        let is_reference =
            |l: &String| l == reference && !project.locales.iter().any(|x| x == reference);
        let others: Vec<String> = self
            .locales
            .iter()
            .filter(|l| !is_reference(l))
            .cloned()
            .collect();
        let only_reference = !self.locales.is_empty() && others.is_empty();
        (others, only_reference)
    }
}

/// The result of a check run.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub reference: String,
    pub findings: Vec<Finding>,
    /// Locales or files that could not be checked at all.
    pub problems: Vec<Error>,
    /// The locales checked, in order.
    pub locales: Vec<String>,
}

impl CheckReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}
