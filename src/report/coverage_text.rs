//! `medloc coverage --format text`: an aligned terminal table (comfy-table), one row per
//! locale sorted by completion, with a bar; coloured on a terminal only. Given a width (the
//! CLI passes the terminal's, or `--width`), the tables wrap their cells to fit it; without
//! one they are laid out at their natural width, so piped output does not depend on where
//! it was made.

use crate::coverage::{Coverage, LocaleCoverage, Since};
use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets::UTF8_FULL_CONDENSED,
};

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

/// Lays `table` out within `width` columns, when there is one and the table is wider: first
/// without the `optional` columns, dropped in order only as far as needed (the bar, whose
/// percent stands beside it; then the word counts), each other column kept as wide as its
/// widest value (`values`, the rows' texts) and its header, so nothing wraps; when even the
/// values alone are too wide, comfy-table wraps whatever it must. `short` headers, when
/// given, replace the long ones as soon as the table must narrow.
fn fit(
    table: &mut Table,
    width: Option<u16>,
    optional: &[usize],
    short: Option<&[&str]>,
    values: &[Vec<String>],
) {
    let Some(width) = width else { return };
    let width_of = |columns: &mut dyn Iterator<Item = usize>| {
        let (count, sum) = columns.fold((0, 0), |(n, s), w| (n + 1, s + w + 2));
        sum + count + 1
    };
    let natural = table.column_max_content_widths();
    if width_of(&mut natural.iter().map(|w| usize::from(*w))) <= usize::from(width) {
        return;
    }
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    if let Some(short) = short {
        table.set_header(short.to_vec());
    }
    let widest = |header: bool| -> Vec<usize> {
        (0..natural.len())
            .map(|i| {
                let heading = short
                    .filter(|_| header)
                    .and_then(|s| s.get(i))
                    .map_or(0, |h| h.chars().count());
                values
                    .iter()
                    .filter_map(|row| row.get(i))
                    .flat_map(|v| v.lines())
                    .map(|v| v.chars().count())
                    .fold(heading, usize::max)
            })
            .collect()
    };
    let kept = |dropped: usize| {
        (0..natural.len()).filter(move |i| !optional[..dropped.min(optional.len())].contains(i))
    };
    // Whole headers with as few columns dropped as possible; else whole values only, with
    // every optional column dropped.
    let with_headers = widest(true);
    let choice = (1..=optional.len().max(1))
        .find(|&d| width_of(&mut kept(d).map(|i| with_headers[i])) <= usize::from(width))
        .map(|d| (d, with_headers.clone()))
        .or_else(|| {
            let values_only = widest(false);
            let d = optional.len();
            (width_of(&mut kept(d).map(|i| values_only[i])) <= usize::from(width))
                .then_some((d, values_only))
        });
    let dropped = choice.as_ref().map_or(optional.len(), |(d, _)| *d);
    for &i in &optional[..dropped.min(optional.len())] {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::Hidden);
        }
    }
    let Some((dropped, floor)) = choice else {
        return;
    };
    for i in kept(dropped).filter(|i| floor[*i] > 0) {
        // A boundary counts the padding, one space each side.
        if let (Some(column), Ok(w)) = (table.column_mut(i), u16::try_from(floor[i] + 2)) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
    }
}

/// The report; `width`, when given, is the most columns a table line may take.
pub fn render(coverage: &Coverage, color: bool, width: Option<u16>) -> String {
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
    let mut values = Vec::new();
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
            // The status says whether it may publish; the bar, only how complete it is.
            let publish = if l.publishable {
                Color::Green
            } else {
                Color::Red
            };
            let complete = if l.completion >= coverage.threshold {
                Color::Green
            } else if l.completion >= coverage.threshold / 2.0 {
                Color::Yellow
            } else {
                Color::Red
            };
            status_cell = status_cell.fg(publish);
            bar_cell = bar_cell.fg(complete);
        }
        let right = |v: &String| Cell::new(v).set_alignment(CellAlignment::Right);
        let row = vec![
            l.locale.clone(),
            format!("{:.1}%", l.completion),
            bar(l.completion),
            format!("{}/{}", l.messages.translated, l.messages.total),
            l.messages.missing.to_string(),
            l.messages.stale.to_string(),
            l.messages.untranslated.to_string(),
            l.messages.obsolete.to_string(),
            format!("{}/{}", l.words.translated, l.words.total),
            l.errors.to_string(),
            l.warnings.to_string(),
            status.to_owned(),
        ];
        let mut cells: Vec<Cell> = row.iter().map(right).collect();
        cells[0] = Cell::new(&row[0]);
        cells[2] = bar_cell;
        cells[11] = status_cell;
        table.add_row(cells);
        values.push(row);
    }
    // What a narrow terminal shows: each header in one word a column of numbers fits.
    let short = [
        "locale", "done", "", "msgs", "miss", "stale", "untr", "obs", "words", "err", "warn",
        "publish",
    ];
    // The bar first, then the word counts.
    fit(&mut table, width, &[2, 8], Some(&short), &values);
    let mut out = format!(
        "{table}\npublishable at {}% completion, messages with errors counted as missing; reference {}\n",
        coverage.threshold, coverage.reference
    );
    if let Some(since) = &coverage.since {
        out.push_str(&render_since(since, width));
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

/// `no → yes`: whether a locale could publish then, and now.
pub fn publishable_then_now(then: bool, now: bool) -> String {
    let word = |p: bool| if p { "yes" } else { "no" };
    format!("{} → {}", word(then), word(now))
}

/// The `--since` section: reference changes, then one row per locale.
fn render_since(since: &Since, width: Option<u16>) -> String {
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
        "publishable",
        "translations added",
        "changed",
        "removed",
    ]);
    let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
    let mut values = Vec::new();
    for l in &since.locales {
        let t = &l.translations;
        let figures = [
            format!("{:.1}%", l.completion_then),
            format!("{:.1}%", l.completion_now),
            signed(l.delta),
            publishable_then_now(l.publishable_then, l.publishable_now),
        ];
        // Only the short columns are held to their width; the ID lists wrap.
        values.push(
            std::iter::once(l.locale.clone())
                .chain(figures.iter().cloned())
                .collect(),
        );
        let [then, now, delta, publishable] = figures;
        table.add_row(vec![
            Cell::new(&l.locale),
            right(then),
            right(now),
            right(delta),
            Cell::new(publishable),
            Cell::new(ids(&t.added)),
            Cell::new(ids(&t.changed)),
            Cell::new(ids(&t.removed)),
        ]);
    }
    fit(&mut table, width, &[], None, &values);
    out.push_str(&format!("{table}\n"));
    out
}
