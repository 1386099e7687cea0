//! `medloc terms --format json`: schema `medloc-terms/1` (see `crate::terms`).

use crate::terms::TermUsage;

pub fn render(usage: &TermUsage) -> String {
    // cannot fail: derived Serialize with string map keys only.
    serde_json::to_string_pretty(usage).expect("the model serializes") + "\n"
}
