//! ## What it does
//! Reports a translation whose reference text changed after the translation was last edited:
//! in a git repository, read from the history (the reference message at the commit that last
//! changed the translation message, against the reference now; no setup); outside git, or in
//! a shallow clone, since `medloc sync` recorded it. The finding shows a word diff of the
//! English then and now.
//!
//! ## Why it matters
//! The translation still describes the old English: after a medical review changes a dose, a
//! warning or a recommendation, the old advice keeps reaching readers in other languages.
//!
//! ## Example
//! The state recorded `wash = Wash with soap` / `Lávese con jabón`; the English is now `Wash with
//! soap and water`: stale until the translation is edited (then `sync`) or accepted with
//! `medloc sync --accept es wash`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "stale-translation",
    severity: Severity::Warning,
    summary: "The English changed after this translation was made.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let (Some(state), Some(file)) = (ctx.state, ctx.translation) else {
        return;
    };
    for (r, t) in ctx.entry_pairs() {
        if let Some(record) = state.stale_record(&crate::stale::key(file, &t.id), r, t) {
            let now = r.value.as_ref().map_or("", |v| v.text.as_str());
            let (change, then) = match &record.reference_text {
                Some(then) => (
                    format!(": {}", crate::stale::word_diff(then, now)),
                    format!("the English then: \"{then}\"; "),
                ),
                None => (String::new(), String::new()),
            };
            let mut f = ctx.finding(
                &RULE,
                t.offset..t.offset + t.id.len(),
                Some(t),
                None,
                format!(
                    "stale translation: the English of {} changed since it was translated{change}",
                    t.id
                ),
            );
            f.reference_before = record.reference_text.clone();
            f.hint = Some(format!(
                "{then}update the translation (and commit it, or run `medloc sync` outside git), or accept it with `medloc sync --accept {} {}`",
                ctx.locale.tag, t.id
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
