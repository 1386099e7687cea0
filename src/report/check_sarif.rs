//! `medloc check --format sarif`: SARIF 2.1.0, which GitHub and GitLab show as annotations
//! on pull requests.

use crate::check::rules::{RULES, doc};
use crate::check::{CheckReport, Severity};
use serde_json::json;

pub fn render(report: &CheckReport) -> String {
    let rules: Vec<serde_json::Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": doc(r.name).unwrap_or(r.summary) },
                "defaultConfiguration": { "level": level(r.severity) },
                "helpUri": format!("https://github.com/medloc/medloc#rule-{}", r.name),
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut message = f.text.clone();
            if let Some(id) = &f.message_id {
                message = format!("{id}: {message}");
            }
            json!({
                "ruleId": f.rule,
                "ruleIndex": RULES.iter().position(|r| r.name == f.rule).unwrap_or(0),
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path, "uriBaseId": "%SRCROOT%" },
                        "region": { "startLine": f.line.max(1), "startColumn": f.column.max(1) }
                    },
                    "logicalLocations": f.message_id.as_ref().map(|id| vec![json!({"name": id, "kind": "member"})]).unwrap_or_default(),
                }],
                "properties": { "locale": f.locale },
            })
        })
        .collect();
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "medloc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/medloc/medloc",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    // cannot fail: a `serde_json::Value` always serializes.
    serde_json::to_string_pretty(&value).expect("JSON values serialize") + "\n"
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
