//! `medloc coverage --format markdown`: a GitHub-flavoured table and, per locale, collapsible
//! details of what is missing, stale or failing: ready for a pull-request comment.

use crate::coverage::{Coverage, Since};
use crate::report::coverage_text::{bar, publishable_then_now, signed, sorted};

/// Text for a table cell: no pipes or line breaks, markup shown as text.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('\n', " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn render(coverage: &Coverage) -> String {
    let mut out = String::from("## Translation coverage\n\n");
    out.push_str("| locale | completion | | messages | missing | stale | untranslated | obsolete | words | errors | warnings | publish |\n");
    out.push_str("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
    for l in sorted(coverage) {
        let publish = if l.is_reference {
            "reference"
        } else if l.publishable {
            "✅"
        } else {
            "❌"
        };
        out.push_str(&format!(
            "| {} | {:.1}% | `{}` | {}/{} | {} | {} | {} | {} | {}/{} | {} | {} | {} |\n",
            l.locale,
            l.completion,
            bar(l.completion),
            l.messages.translated,
            l.messages.total,
            l.messages.missing,
            l.messages.stale,
            l.messages.untranslated,
            l.messages.obsolete,
            l.words.translated,
            l.words.total,
            l.errors,
            l.warnings,
            publish
        ));
    }
    out.push_str(&format!(
        "\nA locale publishes at {}% completion, each message with a check error counted as missing (the render shows its fallback instead).\n",
        coverage.threshold
    ));
    for l in sorted(coverage).into_iter().filter(|l| !l.is_reference) {
        let problems: Vec<_> = l
            .articles
            .iter()
            .flat_map(|a| a.problems.iter().map(move |p| (a, p)))
            .collect();
        if problems.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n<details><summary><b>{}</b>: {} to look at</summary>\n\n| article | message | kind | English | translation |\n|---|---|---|---|---|\n",
            l.locale,
            problems.len()
        ));
        for (a, p) in problems {
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} |\n",
                a.article,
                p.message_id,
                p.kind,
                cell(&p.english),
                cell(p.translation.as_deref().unwrap_or("—"))
            ));
        }
        out.push_str("\n</details>\n");
    }
    if let Some(since) = &coverage.since {
        out.push_str(&since_section(since));
    }
    out
}

/// `### Since REV`: the reference's changes and a row per locale.
fn since_section(since: &Since) -> String {
    let ids = |list: &[String]| {
        if list.is_empty() {
            "—".to_owned()
        } else {
            list.iter()
                .map(|id| format!("`{}`", cell(id)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let short = &since.commit[..since.commit.len().min(12)];
    let r = &since.reference;
    let mut out = format!(
        "\n### Since `{}` (`{short}`)\n\nReference: added {}; changed {}; removed {}.\n\n| locale | then | now | delta | publishable | translations added | changed | removed |\n|---|---:|---:|---:|:---:|---|---|---|\n",
        cell(&since.revision),
        ids(&r.added),
        ids(&r.changed),
        ids(&r.removed)
    );
    for l in &since.locales {
        let t = &l.translations;
        out.push_str(&format!(
            "| {} | {:.1}% | {:.1}% | {} | {} | {} | {} | {} |\n",
            l.locale,
            l.completion_then,
            l.completion_now,
            signed(l.delta),
            publishable_then_now(l.publishable_then, l.publishable_now),
            ids(&t.added),
            ids(&t.changed),
            ids(&t.removed)
        ));
    }
    out
}
