//! `medloc check --format json`: schema `medloc-check/1`. Serialized straight from the
//! findings (no intermediate JSON tree), and in pieces, so a streamed check writes each
//! locale's diagnostics as soon as they are final: [`head`], then [`fragment`]s joined by
//! [`Joiner`], then [`tail`]. Together they are exactly `serde_json`'s pretty output of the
//! whole document (tested below).

use crate::check::{CheckReport, Finding, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn render(report: &CheckReport) -> String {
    let mut out = head(&report.reference);
    let mut joiner = Joiner::default();
    out.push_str(&joiner.next(&fragment(&report.findings)));
    out.push_str(&tail(
        joiner.any(),
        [
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info),
        ],
        &report
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
    ));
    out
}

/// The document up to the opening of `diagnostics`.
pub fn head(reference: &str) -> String {
    format!(
        "{{\n  \"schema\": \"medloc-check/1\",\n  \"reference\": {},\n  \"diagnostics\": [",
        pretty(&reference, 0)
    )
}

/// The diagnostics of `findings`, as array elements joined by `,\n` (empty for none).
pub fn fragment(findings: &[Finding]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(findings.len() * 512);
    let mut one: Vec<u8> = Vec::with_capacity(2048);
    for (i, finding) in findings.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        one.clear();
        // cannot fail: a finding has only string keys and plain fields, and a Vec takes
        // every write.
        serde_json::to_writer_pretty(&mut one, finding).expect("a finding serializes");
        for (n, line) in one.split(|&b| b == b'\n').enumerate() {
            out.extend_from_slice(if n == 0 { b"    " } else { b"\n    " });
            out.extend_from_slice(line);
        }
    }
    // cannot fail: serde_json writes UTF-8, and only ASCII was added.
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Joins fragments: the first after a newline, the next ones after a comma.
#[derive(Debug, Default)]
pub struct Joiner {
    any: bool,
}

impl Joiner {
    /// `fragment` with what must precede it.
    pub fn next(&mut self, fragment: &str) -> String {
        if fragment.is_empty() {
            return String::new();
        }
        let separator = if self.any { ",\n" } else { "\n" };
        self.any = true;
        format!("{separator}{fragment}")
    }

    /// Whether any diagnostic was written.
    pub fn any(&self) -> bool {
        self.any
    }
}

/// The rest of the document: the summary (errors, warnings, infos) and the problems.
pub fn tail(any: bool, [errors, warnings, infos]: [usize; 3], problems: &[String]) -> String {
    let close = if any { "\n  ]" } else { "]" };
    let summary = Summary {
        errors,
        warnings,
        infos,
    };
    format!(
        "{close},\n  \"summary\": {},\n  \"problems\": {}\n}}\n",
        pretty(&summary, 2),
        pretty(&problems, 2)
    )
}

/// `value` pretty-printed, its lines after the first indented by `indent` spaces (as it
/// sits at that depth of the document).
fn pretty<T: Serialize + ?Sized>(value: &T, indent: usize) -> String {
    // cannot fail: findings, summaries and strings have only string keys and no Serialize
    // impl that errors.
    let text = serde_json::to_string_pretty(value).expect("the report serializes");
    text.replace('\n', &format!("\n{}", " ".repeat(indent)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(id: &str) -> Finding {
        Finding {
            rule: "missing-message",
            severity: Severity::Warning,
            locale: "es".into(),
            path: "locales/es/a.ftl".into(),
            message_id: Some(id.into()),
            attribute: None,
            line: 1,
            column: 1,
            text: format!("missing message {id}"),
            reference: Some("Line \"one\"\nline two".into()),
            translation: None,
            hint: None,
            reference_before: None,
            span: 0..0,
            reference_span: None,
        }
    }

    /// The pieces make exactly serde_json's pretty output of the whole document.
    #[test]
    fn pieces_equal_the_whole_document() {
        #[derive(Serialize)]
        struct Document<'a> {
            schema: &'static str,
            reference: &'a str,
            diagnostics: &'a [Finding],
            summary: Summary,
            problems: Vec<String>,
        }
        for (findings, problems) in [
            (vec![], vec![]),
            (vec![finding("a")], vec![]),
            (
                vec![finding("a"), finding("b")],
                vec![("x.ftl", "cannot read")],
            ),
        ] {
            let report = CheckReport {
                reference: "en-US".into(),
                findings: findings.clone(),
                problems: problems
                    .iter()
                    .map(|&(path, message)| crate::Error::Project {
                        path: path.into(),
                        message: message.into(),
                    })
                    .collect(),
                locales: vec!["es".into()],
            };
            let whole = serde_json::to_string_pretty(&Document {
                schema: "medloc-check/1",
                reference: "en-US",
                diagnostics: &findings,
                summary: Summary {
                    errors: 0,
                    warnings: findings.len(),
                    infos: 0,
                },
                problems: problems.iter().map(|(p, m)| format!("{p}: {m}")).collect(),
            })
            .map(|s| s + "\n");
            assert_eq!(Ok(render(&report)), whole.map_err(|e| e.to_string()));
            // Split over units, empty ones included.
            let mut joiner = Joiner::default();
            let mut out = head("en-US");
            out.push_str(&joiner.next(&fragment(&[])));
            for f in &findings {
                out.push_str(&joiner.next(&fragment(std::slice::from_ref(f))));
            }
            out.push_str(&tail(
                joiner.any(),
                [0, findings.len(), 0],
                &report
                    .problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>(),
            ));
            assert_eq!(out, render(&report));
        }
    }
}
