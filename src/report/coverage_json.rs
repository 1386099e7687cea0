//! `medloc coverage --format json`: schema `medloc-coverage/1`.

use crate::coverage::Coverage;

pub fn render(coverage: &Coverage) -> String {
    // cannot fail: derived Serialize with string map keys only.
    serde_json::to_string_pretty(coverage).expect("the model serializes") + "\n"
}
