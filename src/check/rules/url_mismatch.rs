//! ## What it does
//! URLs and e-mail addresses written in the reference text must appear unchanged in the
//! translation, and the translation must not add others. A changed host (`monitor.mozilla.com`
//! for `monitor.mozilla.org`), path or address is an error.
//!
//! Deliberately not reported:
//! - addresses at hosts reserved for examples by RFC 2606 (`example.com`, `example.org`,
//!   `example.net`, the `.example`, `.test` and `.invalid` domains, and `localhost`): nobody
//!   can be sent there, and translators rightly localize such placeholders (`yourname@example.com`
//!   as `tunombre@example.com`): where both the reference and the translation have one, they
//!   are compared neither way (an example address the reference lacks is still reported);
//! - a trailing slash or trailing punctuation (`https://mozilla.org/` for `https://mozilla.org`,
//!   a full stop after the URL): the same address;
//! - what is glued to a URL but cannot be part of it: a URL ends at a non-ASCII letter
//!   (Korean `www.mozilla.org는`, a Japanese particle `を`), a quote or a guillemet
//!   (`«https://mozilla.org»`), markup or whitespace.
//!
//! ## Why it matters
//! A changed address sends readers to the wrong site, or to one that imitates a health service.
//!
//! ## Example
//! Reference: `Write to info@samhsa.gov`; bad: `Escriba a info@samhsa.gob`; good:
//! `Escriba a info@samhsa.gov`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "url-mismatch",
    severity: Severity::Error,
    summary: "A URL or e-mail address written in the text differs from the reference.",
    scope: Scope::Pair,
    check,
};

use crate::check::scan::{is_example_host, url_host, urls};

/// The addresses of `text`, each with its form for comparison (no trailing slash), and
/// whether it is at an example host; placeholders left out when `placeholders` is false.
fn addresses(text: &str) -> (Vec<(&str, &str)>, bool) {
    let all = urls(text);
    let example = |u: &&str| is_example_host(&url_host(u));
    let has_example = all.iter().any(example);
    (
        all.into_iter()
            .map(|u| (u, u.trim_end_matches('/')))
            .collect(),
        has_example,
    )
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let (mut r, r_example) = addresses(&pair.reference.prose);
        let (mut t, t_example) = addresses(&pair.translation.prose);
        // Localized placeholders: example addresses on both sides are not compared.
        if r_example && t_example {
            r.retain(|(u, _)| !is_example_host(&url_host(u)));
            t.retain(|(u, _)| !is_example_host(&url_host(u)));
        }
        let has = |list: &[(&str, &str)], key: &str| list.iter().any(|(_, k)| *k == key);
        for (u, key) in &r {
            if !has(&t, key) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("address {u} of the reference is missing or changed"),
                ));
            }
        }
        for (u, key) in &t {
            if !has(&r, key) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(u),
                    format!("address {u} is not in the reference"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
