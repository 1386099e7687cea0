//! `medloc check --format short`: one line per finding, `path:line:col: severity[rule]: text`,
//! as compilers and `grep -n` print them, for editors' quickfix lists (Vim's `:cfile`, Emacs'
//! compilation mode, VS Code problem matchers). Lines and columns are 1-based.

use super::check_text::Detail;
use crate::check::Finding;

/// The lines of the findings `detail` shows (every missing message on its own line).
pub fn lines(findings: &[Finding], detail: Detail) -> String {
    let mut out = String::new();
    for f in findings.iter().filter(|f| detail.shows(f)) {
        let text = match (&f.message_id, &f.attribute) {
            (Some(id), Some(a)) => format!("{} ({id}.{a})", f.text),
            (Some(id), None) if !f.text.contains(id.as_str()) => format!("{} ({id})", f.text),
            _ => f.text.clone(),
        };
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            f.path,
            f.line.max(1),
            f.column.max(1),
            f.severity.as_str(),
            f.rule,
            // One finding, one line, whatever the text holds.
            text.replace(['\n', '\r'], " ")
        ));
    }
    out
}
