//! `medloc check` for people: rustc-style diagnostics (annotate-snippets) with the file,
//! line and column, the offending line with a caret, the reference text beside the
//! translation, and a hint; a summary per locale at the end. Coloured only when asked
//! (the CLI decides: a terminal, and no NO_COLOR). The missing messages of one file are one
//! line unless [`Detail::verbose`]; [`Detail::quiet`] hides findings (the summary still
//! counts them).

use crate::check::{CheckReport, Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The source text of each file a finding points into, by shown path.
pub type Sources<'a> = BTreeMap<&'a str, &'a str>;

/// How much of a report the text and short formats show (JSON and SARIF show it all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Detail {
    /// 1 (`-q`): no missing-message findings; 2 (`-qq`): no warnings or infos at all. Errors
    /// always show.
    pub quiet: u8,
    /// Each missing message on its own (`-v`), instead of one line per file.
    pub verbose: bool,
}

impl Detail {
    /// Whether a finding is shown at all.
    pub fn shows(&self, f: &Finding) -> bool {
        match self.quiet {
            0 => true,
            1 => f.severity == Severity::Error || f.rule != "missing-message",
            _ => f.severity == Severity::Error,
        }
    }
}

pub fn render(report: &CheckReport, sources: &Sources<'_>, color: bool, detail: Detail) -> String {
    let mut out = diagnostics(&report.findings, sources, color, detail);
    let mut tally = Tally::default();
    tally.add(&report.findings);
    out.push_str(&tally.summary(&report.locales));
    out
}

/// The diagnostics of `findings`, each followed by a blank line (the report without its
/// summary; a streamed check prints one locale's at a time).
pub fn diagnostics(
    findings: &[Finding],
    sources: &Sources<'_>,
    color: bool,
    detail: Detail,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let items = shown(findings, detail);
    // Each diagnostic on its own, in parallel (a large project has tens of thousands).
    let rendered: Vec<String> = items
        .par_iter()
        .map(|item| match item {
            Shown::One(finding) => render_one(finding, sources, &renderer),
            Shown::Missing(all) => render_missing(all, &renderer),
        })
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

/// What the text report shows for the findings: each on its own, or the missing messages
/// of one file together.
enum Shown<'f> {
    One(&'f Finding),
    /// Two or more missing messages of one file, in file order.
    Missing(Vec<&'f Finding>),
}

/// The findings `detail` shows, in order; unless verbose, the missing messages of a file
/// become one item where the first of them was.
fn shown(findings: &[Finding], detail: Detail) -> Vec<Shown<'_>> {
    let visible: Vec<&Finding> = findings.iter().filter(|f| detail.shows(f)).collect();
    if detail.verbose {
        return visible.into_iter().map(Shown::One).collect();
    }
    let mut missing: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in visible.iter().filter(|f| f.rule == "missing-message") {
        missing.entry(f.path.as_str()).or_default().push(f);
    }
    let mut out = Vec::new();
    for f in visible {
        if f.rule == "missing-message"
            && let Some(all) = missing.get_mut(f.path.as_str())
        {
            // The first of the file's takes them all; the others are in it.
            if all.len() > 1 {
                out.push(Shown::Missing(std::mem::take(all)));
                continue;
            }
            if all.is_empty() {
                continue;
            }
        }
        out.push(Shown::One(f));
    }
    out
}

/// One line for a locale nobody has started (its directory does not exist): how many
/// messages it is missing, and what to do. `first` is one of them, for the severity.
pub fn not_started(first: &Finding, dir: &str, count: usize, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let level = match first.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = format!(
        "no {dir}/ yet: {count} messages missing (create it to start translating {}; -v lists them)",
        first.locale
    );
    let mut out = renderer.render(&[Group::with_title(
        level.primary_title(title).id("missing-message"),
    )]);
    out.push_str("\n\n");
    out
}

/// One line for the missing messages of a file: how many, the first, and how to list them.
fn render_missing(all: &[&Finding], renderer: &Renderer) -> String {
    let severity = all
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Severity::Warning);
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let first = all
        .first()
        .and_then(|f| f.message_id.as_deref())
        .unwrap_or("");
    let title = format!(
        "{}: {} messages missing (first: {first}, …); -v lists them",
        all.first().map_or("", |f| f.path.as_str()),
        all.len()
    );
    renderer.render(&[Group::with_title(
        level.primary_title(title).id("missing-message"),
    )])
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
    let group = match source {
        Some(text) if !text.is_empty() && f.span.end > f.span.start => {
            let (slice, line_no, span) = line_of(text, &f.span);
            let group = head.element(
                Snippet::source(slice)
                    .line_start(line_no)
                    .path(f.path.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            );
            // The reference's number or tag, beside the translation's.
            let reference = f.reference_span.as_ref().and_then(|(path, span)| {
                let text = sources.get(path.as_str()).copied()?;
                (span.end <= text.len() && span.start < span.end).then_some((path, text, span))
            });
            match reference {
                Some((path, text, span)) => {
                    let (slice, line_no, span) = line_of(text, span);
                    group.element(
                        Snippet::source(slice)
                            .line_start(line_no)
                            .path(path.as_str())
                            .annotation(
                                AnnotationKind::Context.span(span).label("the reference's"),
                            ),
                    )
                }
                None => group,
            }
        }
        _ => {
            // A finding without extent (a missing message: where it would go) shows its
            // line, possibly empty or past the end of the file, with the caret at its
            // 1-based column, labelled (the line shown is what follows, not the problem); a
            // snippet keeps the arrow aligned with the other diagnostics.
            let line = source
                .and_then(|t| t.split('\n').nth(f.line.saturating_sub(1)))
                .unwrap_or("");
            let at = line
                .char_indices()
                .nth(f.column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            head.element(
                Snippet::source(line)
                    .line_start(f.line.max(1))
                    .path(f.path.as_str())
                    .annotation(AnnotationKind::Primary.span(at..at).label("would go here")),
            )
        }
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

/// The line of `text` holding `span`'s start, its 1-based number, and the span within it.
/// Spans are byte ranges; one that starts or ends inside a multi-byte character (a junk
/// starting with an emoji) widens to whole characters, or the snippet renderer would panic
/// slicing the line.
fn line_of<'t>(
    text: &'t str,
    span: &std::ops::Range<usize>,
) -> (&'t str, usize, std::ops::Range<usize>) {
    let span_start = text.floor_char_boundary(span.start);
    let (start, end) = line_window(text, span_start);
    let slice = &text[start..end];
    let line_no = text[..start].matches('\n').count() + 1;
    let s = span_start - start;
    let e = slice.ceil_char_boundary(
        (span.end.max(span.start + 1) - start)
            .min(slice.len())
            .max(s),
    );
    (slice, line_no, s..e)
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
                reference_span: None,
            });
        }
        let sources: Sources<'_> = [("x.ftl", text)].into_iter().collect();
        let out = render(&report, &sources, false, Detail::default());
        assert_eq!(out.matches("err-😂 = Value").count(), 3, "{out}");
        Ok(())
    }
}
