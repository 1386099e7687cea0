//! ## What it does
//! URLs and e-mail addresses written in the reference text must appear unchanged in the
//! translation, and the translation must not add others. The n-th changed address of the
//! reference is paired with the n-th new one of the translation, so one change is one
//! finding. A changed domain (`monitor.mozilla.com` for `monitor.mozilla.org`), path or
//! address, or a missing or added one, is an error. The same registrable domain with another
//! mailbox or subdomain (`mask@yourdomain.mozmail.com` as `mascara@tudominio.mozmail.com`) is
//! a warning: on Firefox Relay nearly all of those are localized placeholders (33 of 33 in
//! this project's check of it), but a typo in a real subdomain looks the same.
//!
//! Deliberately not reported:
//! - addresses at hosts reserved for examples by RFC 2606 (`example.com`, `example.org`,
//!   `example.net`, the `.example`, `.test` and `.invalid` domains, and `localhost`) written
//!   as another example address: nobody can be sent there, and translators rightly localize
//!   such placeholders (`yourname@example.com` as `tunombre@example.com`); an example made a
//!   real domain (`tunombre@ejemplo.com`) is still an error;
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

/// The addresses of `text`, each as written and as compared (no trailing slash).
fn addresses(text: &str) -> Vec<(&str, &str)> {
    urls(text)
        .into_iter()
        .map(|u| (u, u.trim_end_matches('/')))
        .collect()
}

/// The last two labels of a host (`mozmail.com` of `yourdomain.mozmail.com`): the part a
/// localized placeholder keeps. No public-suffix list, so `co.uk` counts as a domain; that
/// only makes more changes errors, never fewer.
fn registrable(host: &str) -> &str {
    let mut dots = host.rmatch_indices('.');
    match (dots.next(), dots.next()) {
        (Some(_), Some((i, _))) => &host[i + 1..],
        _ => host,
    }
}

/// How a reference address and the translation's address at the same place differ.
enum Change {
    /// Both at example hosts (RFC 2606): placeholders, free to localize.
    Example,
    /// Same registrable domain, other mailbox or subdomain (`mask@yourdomain.mozmail.com`
    /// as `mascara@tudominio.mozmail.com`): most often a localized placeholder, sometimes a
    /// typo in a real subdomain, so a warning.
    Placeholder,
    /// Another domain (`monitor.mozilla.com` for `.org`, `samhsa.gob` for `.gov`).
    Other,
}

fn change(reference: &str, translation: &str) -> Change {
    let (r, t) = (url_host(reference), url_host(translation));
    if is_example_host(&r) && is_example_host(&t) {
        Change::Example
    } else if registrable(&r) == registrable(&t) && r.contains('.') {
        Change::Placeholder
    } else {
        Change::Other
    }
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let r = addresses(&pair.reference.prose);
        let t = addresses(&pair.translation.prose);
        let has = |list: &[(&str, &str)], key: &str| list.iter().any(|(_, k)| *k == key);
        let missing: Vec<&str> = r
            .iter()
            .filter(|(_, k)| !has(&t, k))
            .map(|(u, _)| *u)
            .collect();
        let added: Vec<&str> = t
            .iter()
            .filter(|(_, k)| !has(&r, k))
            .map(|(u, _)| *u)
            .collect();
        // In order, the n-th changed address of the reference is the n-th new one of the
        // translation: one finding for one change.
        for (i, u) in missing.iter().enumerate() {
            let Some(v) = added.get(i) else {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("address {u} of the reference is missing or changed"),
                ));
                continue;
            };
            let text = format!("address {u} of the reference is {v} in the translation");
            match change(u, v) {
                Change::Example => {}
                Change::Placeholder => {
                    let mut f = ctx.pair_finding(&RULE, &pair, Some(v), text);
                    f.severity = Severity::Warning;
                    f.hint = Some(
                        "the same domain with another mailbox or subdomain: fine for a localized placeholder, a defect for a real address".to_owned(),
                    );
                    out.push(f);
                }
                Change::Other => out.push(ctx.pair_finding(&RULE, &pair, Some(v), text)),
            }
        }
        for v in added.iter().skip(missing.len()) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                Some(v),
                format!("address {v} is not in the reference"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Change, change};
    crate::check::rules::fixture_test!(super::RULE);

    #[test]
    fn a_localized_placeholder_is_told_from_another_domain() {
        let kind = |r, t| match change(r, t) {
            Change::Example => "example",
            Change::Placeholder => "placeholder",
            Change::Other => "other",
        };
        // Firefox Relay's translators localize the mailbox and subdomain of its examples.
        assert_eq!(
            kind(
                "mask@yourdomain.mozmail.com",
                "mascara@tudominio.mozmail.com"
            ),
            "placeholder"
        );
        assert_eq!(
            kind("yourname@example.com", "tunombre@example.org"),
            "example"
        );
        // A real change of domain stays an error, an example made real too.
        assert_eq!(
            kind("https://monitor.mozilla.org", "https://monitor.mozilla.com"),
            "other"
        );
        assert_eq!(kind("info@samhsa.gov", "info@samhsa.gob"), "other");
        assert_eq!(
            kind("yourname@example.com", "tunombre@ejemplo.com"),
            "other"
        );
        assert_eq!(
            kind("https://addons.mozilla.org", "https://addons.mozila.org"),
            "other"
        );
    }
}
