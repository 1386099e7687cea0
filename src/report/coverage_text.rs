//! `medloc coverage --format text`: an aligned terminal table (comfy-table), one row per
//! locale sorted by completion, with a bar; coloured on a terminal only.

use crate::coverage::{Coverage, LocaleCoverage, Since};
use comfy_table::{Cell, CellAlignment, Color, Table, presets::UTF8_FULL_CONDENSED};

const BAR: usize = 20;

pub fn bar(completion: f64) -> String {
    let filled = ((completion / 100.0) * BAR as f64).round() as usize;
    format!(
        "{}{}",
        "█".repeat(filled.min(BAR)),
        "░".repeat(BAR - filled.min(BAR))
    )
}

/// Locales by completion, highest first; the reference first of all.
pub fn sorted(coverage: &Coverage) -> Vec<&LocaleCoverage> {
    let mut rows: Vec<&LocaleCoverage> = coverage.locales.iter().collect();
    rows.sort_by(|a, b| {
        b.is_reference
            .cmp(&a.is_reference)
            .then(b.completion.total_cmp(&a.completion))
            .then(a.locale.cmp(&b.locale))
    });
    rows
}

pub fn render(coverage: &Coverage, color: bool) -> String {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    if !color {
        table.force_no_tty();
    }
    table.set_header(vec![
        "locale",
        "completion",
        "",
        "messages",
        "missing",
        "stale",
        "untransl.",
        "obsolete",
        "words",
        "errors",
        "warnings",
        "publish",
    ]);
    for l in sorted(coverage) {
        let status = if l.is_reference {
            "reference"
        } else if l.publishable {
            "yes"
        } else {
            "no"
        };
        let mut status_cell = Cell::new(status);
        let mut bar_cell = Cell::new(bar(l.completion));
        if color {
            let c = if l.publishable {
                Color::Green
            } else {
                Color::Red
            };
            status_cell = status_cell.fg(c);
            bar_cell = bar_cell.fg(c);
        }
        let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
        table.add_row(vec![
            Cell::new(&l.locale),
            right(format!("{:.1}%", l.completion)),
            bar_cell,
            right(format!("{}/{}", l.messages.translated, l.messages.total)),
            right(l.messages.missing.to_string()),
            right(l.messages.stale.to_string()),
            right(l.messages.untranslated.to_string()),
            right(l.messages.obsolete.to_string()),
            right(format!("{}/{}", l.words.translated, l.words.total)),
            right(l.errors.to_string()),
            right(l.warnings.to_string()),
            status_cell,
        ]);
    }
    let mut out = format!(
        "{table}\npublishable at {}% completion and no errors; reference {}\n",
        coverage.threshold, coverage.reference
    );
    if let Some(since) = &coverage.since {
        out.push_str(&render_since(since));
    }
    out
}

/// `+1.2`, `-0.4`, `0.0`.
pub fn signed(delta: f64) -> String {
    if delta == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{delta:+.1}")
    }
}

/// The `--since` section: reference changes, then one row per locale.
fn render_since(since: &Since) -> String {
    let short = &since.commit[..since.commit.len().min(12)];
    let mut out = format!("\nsince {} ({short}):\n", since.revision);
    let ids = |list: &[String]| {
        if list.is_empty() {
            "-".to_owned()
        } else {
            list.join(", ")
        }
    };
    let r = &since.reference;
    out.push_str(&format!(
        "  reference: {} added, {} changed, {} removed\n",
        r.added.len(),
        r.changed.len(),
        r.removed.len()
    ));
    for (what, list) in [
        ("added", &r.added),
        ("changed", &r.changed),
        ("removed", &r.removed),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("    {what}: {}\n", ids(list)));
        }
    }
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.force_no_tty();
    table.set_header(vec![
        "locale",
        "then",
        "now",
        "delta",
        "translations added",
        "changed",
        "removed",
    ]);
    let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
    for l in &since.locales {
        let t = &l.translations;
        table.add_row(vec![
            Cell::new(&l.locale),
            right(format!("{:.1}%", l.completion_then)),
            right(format!("{:.1}%", l.completion_now)),
            right(signed(l.delta)),
            Cell::new(ids(&t.added)),
            Cell::new(ids(&t.changed)),
            Cell::new(ids(&t.removed)),
        ]);
    }
    out.push_str(&format!("{table}\n"));
    out
}
