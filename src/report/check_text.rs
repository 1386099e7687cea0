//! `medloc check` for people: rustc-style diagnostics (annotate-snippets) with the file,
//! line and column, the offending line with a caret, the reference text beside the
//! translation, and a hint; a summary per locale at the end. Coloured only when asked
//! (the CLI decides: a terminal, and no NO_COLOR).

use crate::check::{CheckReport, Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The source text of each file a finding points into, by shown path.
pub type Sources<'a> = BTreeMap<&'a str, &'a str>;

pub fn render(report: &CheckReport, sources: &Sources<'_>, color: bool) -> String {
    let mut out = diagnostics(&report.findings, sources, color);
    let mut tally = Tally::default();
    tally.add(&report.findings);
    out.push_str(&tally.summary(&report.locales));
    out
}

/// The diagnostics of `findings`, each followed by a blank line (the report without its
/// summary; a streamed check prints one locale's at a time).
pub fn diagnostics(findings: &[Finding], sources: &Sources<'_>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Each diagnostic on its own, in parallel (a large project has tens of thousands).
    let rendered: Vec<String> = findings
        .par_iter()
        .map(|finding| render_one(finding, sources, &renderer))
        .collect();
    let mut out = String::with_capacity(rendered.iter().map(|r| r.len() + 2).sum::<usize>());
    for one in rendered {
        out.push_str(&one);
        out.push_str("\n\n");
    }
    out
}

/// Counts per locale (errors, warnings, infos, missing messages) for the summary, added up
/// as findings go by.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    per: BTreeMap<String, [usize; 4]>,
}

impl Tally {
    pub fn add(&mut self, findings: &[Finding]) {
        for f in findings {
            let e = self.per.entry(f.locale.clone()).or_default();
            match f.severity {
                Severity::Error => e[0] += 1,
                Severity::Warning => e[1] += 1,
                Severity::Info => e[2] += 1,
            }
            if f.rule == "missing-message" {
                e[3] += 1;
            }
        }
    }

    pub fn merge(&mut self, other: Tally) {
        for (locale, counts) in other.per {
            let e = self.per.entry(locale).or_default();
            for (a, b) in e.iter_mut().zip(counts) {
                *a += b;
            }
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        let i = match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        self.per.values().map(|c| c[i]).sum()
    }

    /// The summary table: every locale of the run (those without findings too) and the total.
    pub fn summary(&self, locales: &[String]) -> String {
        let mut per = self.per.clone();
        for locale in locales {
            per.entry(locale.clone()).or_default();
        }
        let mut out = String::from("summary:\n");
        for (locale, [errors, warnings, infos, missing]) in &per {
            out.push_str(&format!(
                "  {locale:<8} {errors:>4} errors {warnings:>5} warnings {infos:>4} infos {missing:>5} missing\n"
            ));
        }
        out.push_str(&format!(
            "  total    {:>4} errors {:>5} warnings {:>4} infos\n",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        ));
        out
    }
}

fn render_one(f: &Finding, sources: &Sources<'_>, renderer: &Renderer) -> String {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = match (&f.message_id, &f.attribute) {
        (Some(id), Some(a)) => format!("{} ({id}.{a})", f.text),
        (Some(id), None) if !f.text.contains(id.as_str()) => format!("{} ({id})", f.text),
        _ => f.text.clone(),
    };
    let mut notes: Vec<String> = Vec::new();
    if let Some(r) = &f.reference {
        notes.push(format!("reference:   {r}"));
    }
    if let Some(t) = &f.translation {
        notes.push(format!("translation: {t}"));
    }
    let source = sources
        .get(f.path.as_str())
        .copied()
        .filter(|s| f.span.end <= s.len() && f.span.start < s.len().max(1));
    let mut report = vec![];
    let head = level.clone().primary_title(title).id(f.rule);
    // A finding with no place in the file (a missing message) names the file only.
    let located = !(f.span.start == 0 && f.span.end == 0);
    let group = match source {
        Some(text) if !text.is_empty() && located => {
            // Spans are byte ranges; one that starts or ends inside a multi-byte character
            // (a junk starting with an emoji) widens to whole characters, or the snippet
            // renderer would panic slicing the line.
            let span_start = text.floor_char_boundary(f.span.start);
            let (start, end) = line_window(text, span_start);
            let slice = &text[start..end];
            let line_no = text[..start].matches('\n').count() + 1;
            let s = span_start - start;
            let e = slice.ceil_char_boundary(
                (f.span.end.max(f.span.start + 1) - start)
                    .min(slice.len())
                    .max(s),
            );
            head.element(
                Snippet::source(slice)
                    .line_start(line_no)
                    .path(f.path.as_str())
                    .annotation(AnnotationKind::Primary.span(s..e)),
            )
        }
        _ => head.element(
            annotate_snippets::Origin::path(f.path.as_str())
                .line(f.line)
                .char_column(f.column.saturating_sub(1)),
        ),
    };
    report.push(group);
    for note in &notes {
        report.push(Group::with_title(
            Level::NOTE.secondary_title(note.as_str()),
        ));
    }
    if let Some(hint) = &f.hint {
        report.push(Group::with_title(
            Level::HELP.secondary_title(hint.as_str()),
        ));
    }
    renderer.render(&report)
}

/// The byte range of the line holding `offset`.
fn line_window(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use crate::check::CheckReport;

    /// A finding whose byte span starts or ends inside a multi-byte character renders
    /// (it panicked once: `err-😂 = Value`, a syntax error one byte into the emoji).
    #[test]
    fn spans_inside_a_character_render_whole_characters() -> TestResult {
        let text = "ok = fine\nerr-😂 = Value\n";
        let emoji = text.find('😂').ok_or("none")?;
        let mut report = CheckReport::default();
        for span in [emoji..emoji + 1, emoji + 1..emoji + 2, emoji - 1..emoji + 1] {
            report.findings.push(Finding {
                rule: "syntax-error",
                severity: Severity::Error,
                locale: "xx".into(),
                path: "x.ftl".into(),
                message_id: None,
                attribute: None,
                line: 2,
                column: 5,
                text: "syntax error".into(),
                reference: None,
                translation: None,
                hint: None,
                reference_before: None,
                span,
            });
        }
        let sources: Sources<'_> = [("x.ftl", text)].into_iter().collect();
        let out = render(&report, &sources, false);
        assert_eq!(out.matches("err-😂 = Value").count(), 3, "{out}");
        Ok(())
    }
}
