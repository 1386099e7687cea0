//! ## What it does
//! Reports a translation whose reference text changed since `medloc sync` recorded it, while the
//! translation itself did not change.
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
        if state.is_stale(&crate::stale::key(file, &t.id), r, t) {
            let mut f = ctx.finding(
                &RULE,
                t.offset..t.offset + t.id.len(),
                Some(t),
                None,
                format!(
                    "stale translation: the English of {} changed since it was translated",
                    t.id
                ),
            );
            f.hint = Some(format!(
                "update the translation and run `medloc sync`, or accept it with `medloc sync --accept {} {}`",
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
