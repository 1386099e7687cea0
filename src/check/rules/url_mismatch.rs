//! ## What it does
//! URLs, e-mail addresses and bare domains (`mozilla.org`, `monitor.firefox.com`) written in
//! the reference text must appear unchanged in the translation, and the translation must not
//! add others. A bare domain counts as there when the translation writes it as the host of a
//! URL. An internationalized host (`alias@dindomän.mozmail.com`, `иван@домен.ru`) is read
//! whole. The n-th changed address of the
//! reference is paired with the n-th new one of the translation, so one change is one
//! finding. A changed domain (`monitor.mozilla.com` for `monitor.mozilla.org`), path or
//! address, or a missing or added one, is an error. The same registrable domain with another
//! mailbox or subdomain (`mask@yourdomain.mozmail.com` as `mascara@tudominio.mozmail.com`) is
//! a warning: on Firefox Relay nearly all of those are localized placeholders (33 of 33 in
//! this project's check of it), but a typo in a real subdomain looks the same.
//!
//! A bare domain missing with nothing in its place is a warning: in prose it is often the
//! name of a service, which a translation may give by name; changed, it is an error like any
//! address (`addons.mozila.org`).
//!
//! Deliberately not reported:
//! - addresses at hosts reserved for examples by RFC 2606 (`example.com`, `example.org`,
//!   `example.net`, the `.example`, `.test` and `.invalid` domains, and `localhost`) written
//!   as another example address: nobody can be sent there, and translators rightly localize
//!   such placeholders (`yourname@example.com` as `tunombre@example.com`); an example made a
//!   real domain (`tunombre@ejemplo.com`, as Firefox Relay's es-MX, id, ru and sv-SE do) is a
//!   warning, since it sends nobody anywhere but should stay at an example host;
//! - a trailing slash or trailing punctuation (`https://mozilla.org/` for `https://mozilla.org`,
//!   a full stop after the URL): the same address;
//! - what is glued to a URL but cannot be part of it: a URL ends at a non-ASCII letter
//!   (Korean `www.mozilla.org는`, a Japanese particle `を`), a quote or a guillemet
//!   (`«https://mozilla.org»`), markup or whitespace;
//! - words that only look like domains: file names and versions (`l10n.toml`, `README.md`,
//!   `Makefile.in`, `Firefox.app`, `v1.2`, `Node.js`): a bare domain must end in a
//!   top-level domain of a fixed list that leaves out those that are also file extensions.
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

use crate::text::urls::{is_example_host, url_host, urls_and_domains};

/// The addresses of `text`, each as written, as compared (no trailing slash; a bare domain
/// lower-cased) and whether it is a bare domain.
fn addresses(text: &str) -> Vec<(&str, String, bool)> {
    urls_and_domains(text)
        .into_iter()
        .map(|(u, bare)| match bare {
            true => (u, u.to_ascii_lowercase(), true),
            false => (u, u.trim_end_matches('/').to_owned(), false),
        })
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
    /// An example address (RFC 2606) of the reference at a real domain in the translation
    /// (`yourname@example.com` as `tunombre@ejemplo.com`): a localized placeholder that
    /// should stay at an example host, but sends nobody anywhere, so a warning.
    ExampleMadeReal,
    /// Another domain (`monitor.mozilla.com` for `.org`, `samhsa.gob` for `.gov`).
    Other,
}

fn change(reference: &str, translation: &str) -> Change {
    let (r, t) = (url_host(reference), url_host(translation));
    if is_example_host(&r) && is_example_host(&t) {
        Change::Example
    } else if is_example_host(&r) {
        Change::ExampleMadeReal
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
        // A bare domain is there when the other side has it bare or as the host of an
        // address (`mozilla.org` and `https://www.mozilla.org/`).
        let has = |list: &[(&str, String, bool)], (u, key, bare): &(&str, String, bool)| {
            list.iter().any(|(v, k, b)| {
                k == key
                    || (*bare && url_host(v).trim_start_matches("www.") == key.as_str())
                    || (*b && url_host(u).trim_start_matches("www.") == k.as_str())
            })
        };
        let missing: Vec<(&str, bool)> = r
            .iter()
            .filter(|a| !has(&t, a))
            .map(|(u, _, bare)| (*u, *bare))
            .collect();
        let added: Vec<&str> = t
            .iter()
            .filter(|a| !has(&r, a))
            .map(|(u, _, _)| *u)
            .collect();
        // In order, the n-th changed address of the reference is the n-th new one of the
        // translation: one finding for one change.
        for (i, (u, bare)) in missing.iter().enumerate() {
            let Some(v) = added.get(i) else {
                let mut f = ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("address {u} of the reference is missing or changed"),
                );
                // A bare domain is often the name of a service in prose, which a
                // translation may rightly give by its name instead.
                if *bare {
                    f.severity = Severity::Warning;
                    f.text = format!("domain {u} of the reference is missing");
                }
                out.push(f);
                continue;
            };
            let text = format!("address {u} of the reference is {v} in the translation");
            match change(u, v) {
                Change::Example => {}
                change @ (Change::ExampleMadeReal | Change::Placeholder) => {
                    let mut f = ctx.pair_finding(&RULE, &pair, Some(v), text);
                    f.severity = Severity::Warning;
                    f.hint = Some(match change {
                        Change::ExampleMadeReal => "the reference's address is an example (RFC 2606): keep the placeholder at an example host such as example.com, which belongs to nobody",
                        _ => "the same domain with another mailbox or subdomain: fine for a localized placeholder, a defect for a real address",
                    }.to_owned());
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
            Change::ExampleMadeReal => "example made real",
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
        // A real change of domain stays an error; an example made real is a warning.
        assert_eq!(
            kind("https://monitor.mozilla.org", "https://monitor.mozilla.com"),
            "other"
        );
        assert_eq!(kind("info@samhsa.gov", "info@samhsa.gob"), "other");
        assert_eq!(
            kind("yourname@example.com", "tunombre@ejemplo.com"),
            "example made real"
        );
        assert_eq!(
            kind("https://addons.mozilla.org", "https://addons.mozila.org"),
            "other"
        );
    }
}
