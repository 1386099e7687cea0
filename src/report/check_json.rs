//! `medloc check --format json`: schema `medloc-check/1`.

use crate::check::{CheckReport, Severity};
use serde_json::json;

pub fn render(report: &CheckReport) -> String {
    let value = json!({
        "schema": "medloc-check/1",
        "reference": report.reference,
        "diagnostics": report.findings,
        "summary": {
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "infos": report.count(Severity::Info),
        },
        "problems": report.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
    });
    // cannot fail: a `serde_json::Value` always serializes.
    serde_json::to_string_pretty(&value).expect("JSON values serialize") + "\n"
}
