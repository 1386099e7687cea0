//! `medloc check --format json`: schema `medloc-check/1`. Serialized straight from the
//! report (no intermediate JSON tree: a large project has tens of thousands of findings).

use crate::check::{CheckReport, Finding, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    reference: &'a str,
    diagnostics: &'a [Finding],
    summary: Summary,
    problems: Vec<String>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn render(report: &CheckReport) -> String {
    let document = Document {
        schema: "medloc-check/1",
        reference: &report.reference,
        diagnostics: &report.findings,
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
        problems: report.problems.iter().map(|p| p.to_string()).collect(),
    };
    // cannot fail: every field is a string, a number, or a list or struct of them (no map
    // with non-string keys, no Serialize impl that errors).
    serde_json::to_string_pretty(&document).expect("the report serializes") + "\n"
}
