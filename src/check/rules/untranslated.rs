//! ## What it does
//! Reports a translation identical to its reference, unless the text is made only of
//! do-not-translate names (from the termbase), string literals, numbers, punctuation and markup.
//!
//! Deliberately not reported:
//! - regional variants of the reference language (`en-GB`, `en-CA` in an `en-US` project):
//!   most of their messages are rightly the reference's;
//! - names, once do-not-translate names and literals are out: a single plain word of two
//!   letters or more (options, `--reference=RFILE`, units after a placeable, `{ $hours }h`,
//!   and a plural's forms, `tracker`/`trackers`, count as none or one) (loanwords
//!   every locale keeps, `Menu`, `Cookies`, `login`), words that are all capitalized (brand
//!   and product names, `Firefox Monitor`, `Google Chrome`), acronyms and metavariables
//!   (`GB`, `TTY`, `id [OPTION]... [USER]...`). A text is reported when it has two words or
//!   more with a lower-case letter, one of them starting lower-case (`Vein damage`), or a
//!   word of a caseless script. On Firefox Relay and Send names were nearly all of the
//!   findings outside English variants;
//! - brand terms (`{ -brand-name-firefox }`): placeables, not text.
//!
//! ## Why it matters
//! Pasted English passes every other check and counts as translated, but a reader who needs the
//! guide in their language cannot read it.
//!
//! ## Example
//! Bad (es): `heading = Vein damage`; good: `heading = Daño en las venas`. A word spelled the
//! same in both languages (`Hepatitis`) can be exempted with `# medloc-ignore: untranslated`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "untranslated",
    severity: Severity::Warning,
    summary: "A translation identical to the English.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    if ctx.locale.is_reference_language() {
        return;
    }
    for pair in ctx.pattern_pairs() {
        if pair.translation.text != pair.reference.text {
            continue;
        }
        let mut rest = crate::text::markup::strip_tags(&pair.reference.prose);
        // Blanked to the same length, so the other names' ranges still hold.
        for (range, _) in ctx.do_not_translate.find_in(&rest) {
            rest.replace_range(range.clone(), &" ".repeat(range.len()));
        }
        // Literals are verbatim by design.
        for literal in &pair.reference.literals {
            rest = rest.replace(literal.as_str(), " ");
        }
        if !is_name(&rest) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                "untranslated: identical to the reference".to_owned(),
            ));
        }
    }
}

/// Whether an identical text is a name or loanword rather than language left untranslated
/// (see the module docs).
fn is_name(text: &str) -> bool {
    // Plain words of two letters or more: not `{ $hours }h` units, options
    // (`--reference=RFILE`, `[-z]`) or metavariables (`FILE`); a plural's forms
    // (`tracker`, `trackers`) and a repeated command name count once.
    let mut words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                && w.chars().any(|c| c.is_alphabetic() && !c.is_uppercase())
        })
        .map(|w| w.trim_end_matches('s'))
        .collect();
    words.sort_unstable();
    words.dedup();
    let starts_lower = |w: &&str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| !c.is_uppercase())
    };
    words.len() < 2 || !words.iter().any(starts_lower)
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);

    #[test]
    fn names_and_regional_variants_are_not_untranslated() {
        use crate::check::LocaleInfo;
        assert!(
            LocaleInfo::new("en-GB")
                .with_reference("en-US")
                .is_reference_language()
        );
        assert!(
            !LocaleInfo::new("es-MX")
                .with_reference("en-US")
                .is_reference_language()
        );
        for name in [
            "Firefox Monitor",
            "Menu",
            "GB",
            "id [OPTION]... [USER]...",
            "h  m",
            "tracker trackers",
            "unlink FILE\nunlink OPTION",
            "chgrp [OPTION]... GROUP FILE...\nchgrp [OPTION]... --reference=RFILE FILE...",
        ] {
            assert!(super::is_name(name), "{name}");
        }
        for text in ["Vein damage", "Mask settings and options", "面罩 设置"] {
            assert!(!super::is_name(text), "{text}");
        }
    }
}
