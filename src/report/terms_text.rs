//! `medloc terms --format text`: one table row per term a locale uses for a concept (and
//! one for the messages using none of the concept's terms), with the message IDs one per
//! line, so that none is cut and each can be searched for.

use crate::terms::TermUsage;
use comfy_table::{Cell, CellAlignment, Table, presets::UTF8_FULL_CONDENSED};

pub fn render(usage: &TermUsage) -> String {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_header(vec![
        "concept",
        usage.reference.as_str(),
        "term",
        "status",
        "messages",
        "message IDs",
    ]);
    let right = |v: String| Cell::new(v).set_alignment(CellAlignment::Right);
    let mut several = 0;
    let mut unmatched = 0;
    for concept in &usage.concepts {
        several += usize::from(concept.variants.len() > 1);
        unmatched += concept.unmatched.len();
        let mut first = true;
        let mut lead = |table: &mut Table, cells: Vec<Cell>| {
            let (id, english) = if first {
                (concept.concept.as_str(), concept.reference_term.as_str())
            } else {
                ("", "")
            };
            first = false;
            let mut row = vec![Cell::new(id), Cell::new(english)];
            row.extend(cells);
            table.add_row(row);
        };
        for v in &concept.variants {
            let status = serde_json::to_value(v.status)
                .ok()
                .and_then(|s| s.as_str().map(str::to_owned))
                .unwrap_or_default();
            lead(
                &mut table,
                vec![
                    Cell::new(&v.term),
                    Cell::new(status),
                    right(format!("{}/{}", v.count, concept.messages)),
                    Cell::new(v.messages.join("\n")),
                ],
            );
        }
        if !concept.unmatched.is_empty() {
            lead(
                &mut table,
                vec![
                    Cell::new("(none of its terms)"),
                    Cell::new(""),
                    right(format!("{}/{}", concept.unmatched.len(), concept.messages)),
                    Cell::new(concept.unmatched.join("\n")),
                ],
            );
        }
    }
    format!(
        "{table}\n{}: {} concepts named by the reference; {several} rendered by more than one term; {unmatched} time(s) a message has none of its concept's terms\n",
        usage.locale,
        usage.concepts.len()
    )
}
