//! URLs, e-mail addresses and bare domains in prose, their hosts, and the example hosts of
//! RFC 2606.

/// URLs, e-mail addresses and bare domains written in the text. One ends at the first
/// character no URL has unescaped: whitespace, markup, a quote or guillemet (`"`, `'`, `«»`,
/// `“”`, `„`), or a non-ASCII letter glued after its host or in its path (Korean
/// `www.mozilla.org는`, Japanese `https://mozilla.org/を`); trailing punctuation (`.`, `,`,
/// `)`, `!`, `?`) is not part of it. Non-ASCII letters inside a host, before its last dot,
/// are an internationalized domain name (`alias@dindomän.mozmail.com`,
/// `mask@вашдомен.mozmail.com`, `иван@домен.ru`) and part of it. (The rule reads
/// [`urls_and_domains`]; the scanner's tests read best this way.)
#[cfg(test)]
pub fn urls(text: &str) -> Vec<&str> {
    urls_and_domains(text)
        .into_iter()
        .filter(|(_, bare)| !bare)
        .map(|(u, _)| u)
        .collect()
}

/// [`urls`], and bare domains (`mozilla.org`, `monitor.firefox.com`), each marked `true`. A
/// bare domain is two or more labels of ASCII letters, digits and hyphens ending in a
/// top-level domain of [`BARE_DOMAIN_TLDS`] (none that is also a common file extension:
/// `.md`, `.py`, `.rs`, `.sh`, `.pl`), with a letter in the label before it, not glued to a
/// letter, digit, `@`, `/` or `.` (file names `l10n.toml`, versions `v1.2`, `Node.js` are
/// not domains).
pub fn urls_and_domains(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let maybe_url = text.contains("://") || text.contains("www.") || text.contains('@');
    let maybe_domain = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic());
    // Most texts have none: every URL has `://` or `www.`, every address an `@`, every
    // domain a dot before a letter.
    if !maybe_url && !maybe_domain {
        return out;
    }
    let url_char = |c: char| c.is_alphanumeric() || "-._~:/?#[]@!$&*+,;=%()".contains(c);
    for word in text.split(|c: char| !url_char(c)) {
        let w = word.trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if !w.contains(['.', '@']) && !w.contains("://") {
            continue;
        }
        // A URL may follow other characters of the word (`voir:https://...`, `(www.`).
        let url_start = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| w.find(p))
            .min();
        if let Some(start) = url_start {
            out.push((cut_at_glued_letters(&w[start..]), false));
            continue;
        }
        let w = w.trim_start_matches(['(', '[']);
        if let Some((local, domain)) = w.split_once('@') {
            // A local part glued to text of another script (`メールはinfo@`) starts after it.
            let local = match local.char_indices().rev().find(|(_, c)| !c.is_ascii()) {
                Some((i, c)) if i + c.len_utf8() < local.len() => &local[i + c.len_utf8()..],
                _ => local,
            };
            let domain = cut_at_glued_letters(domain).trim_end_matches(['.', ',', ')']);
            if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') {
                let start = local.as_ptr() as usize - w.as_ptr() as usize;
                let end = domain.as_ptr() as usize - w.as_ptr() as usize + domain.len();
                out.push((&w[start..end], false));
            }
            continue;
        }
        if maybe_domain {
            out.extend(bare_domain(cut_at_glued_letters(w)).map(|d| (d, true)));
        }
    }
    out
}

/// Top-level domains a bare domain may end in: the generic ones and country codes that are
/// not also common file extensions (`.md`, `.py`, `.rs`, `.sh`, `.pl`, `.in` of `Makefile.in`,
/// `.app` of `Firefox.app`, `.int`).
pub const BARE_DOMAIN_TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "mil", "io", "dev", "info", "eu", "uk", "us", "ca", "de",
    "fr", "es", "it", "nl", "ru", "jp", "cn", "br", "au", "ch", "se", "no", "fi", "cz", "be", "at",
    "dk", "ie", "nz", "mx", "ar", "kr", "tw", "ua", "gr", "hu", "ro", "tr", "za", "cat", "gal",
    "eus", "mozilla", "firefox",
];

/// The bare domain a word is, if it is one (see [`urls_and_domains`]).
fn bare_domain(word: &str) -> Option<&str> {
    let w = word.trim_start_matches(['(', '[']);
    let labels: Vec<&str> = w.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let tld = labels[labels.len() - 1];
    let label_ok = |l: &str| {
        l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let second = labels[labels.len() - 2];
    (labels.iter().all(|l| label_ok(l))
        && BARE_DOMAIN_TLDS.contains(&tld)
        && second.chars().any(|c| c.is_ascii_alphabetic()))
    .then_some(w)
}

/// A URL or host up to where non-ASCII letters are glued to it: a non-ASCII character
/// stays only inside the host and before its last dot (an internationalized label).
fn cut_at_glued_letters(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let host_end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    let host = &url[..host_end];
    // The last dot followed by an ASCII letter: the top-level domain starts after it.
    let last_dot = host
        .rmatch_indices('.')
        .find(|(i, _)| host[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .map_or(0, |(i, _)| i);
    let cut = url
        .char_indices()
        .find(|&(i, c)| !c.is_ascii() && (i > last_dot || i >= host_end))
        .map_or(url.len(), |(i, _)| i);
    url[..cut].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?'])
}

/// The host of a URL or e-mail address found by [`urls`], lower-cased.
pub fn url_host(url: &str) -> String {
    let rest = match url.split_once('@') {
        Some((local, domain)) if !local.contains("://") && !local.contains('/') => domain,
        _ => url.split_once("://").map_or(url, |(_, r)| r),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // user:password@host:port
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// A host reserved for examples and tests by RFC 2606 (and RFC 6761's `localhost`):
/// `example.com`, `example.org`, `example.net` and their subdomains, and the `.example`,
/// `.test`, `.invalid` and `.localhost` top-level domains. No reader can be sent there.
pub fn is_example_host(host: &str) -> bool {
    let host = host.trim_start_matches("www.");
    ["example.com", "example.org", "example.net", "localhost"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid"]
            .iter()
            .any(|tld| host.ends_with(tld))
        || ["example", "test", "invalid"].contains(&host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            urls("see https://a.org/x. or mail info@b.org, (www.c.com)"),
            ["https://a.org/x", "info@b.org", "www.c.com"]
        );
        // Glued particles, quotes and guillemets end a URL.
        assert_eq!(urls("www.mozilla.org는 무료입니다"), ["www.mozilla.org"]);
        assert_eq!(
            urls("https://relay.firefox.com/をご覧ください"),
            ["https://relay.firefox.com/"]
        );
        assert_eq!(urls("« https://mozilla.org »"), ["https://mozilla.org"]);
        assert_eq!(
            urls("„nakupy@shop.mozmail.com“"),
            ["nakupy@shop.mozmail.com"]
        );
        assert_eq!(urls("voir:https://a.org"), ["https://a.org"]);
        // Internationalized hosts keep their letters; the local part glued to text does not.
        assert_eq!(
            urls("till exempel alias@dindomän.mozmail.com. Klart"),
            ["alias@dindomän.mozmail.com"]
        );
        assert_eq!(
            urls("наприклад “shop@вашдомен.mozmail.com” або"),
            ["shop@вашдомен.mozmail.com"]
        );
        assert_eq!(urls("メールはinfo@samhsa.govへ"), ["info@samhsa.gov"]);
        assert_eq!(
            urls("https://www.mozilla.org에서 확인"),
            ["https://www.mozilla.org"]
        );
    }

    #[test]
    fn bare_domains() {
        let domains = |t| -> Vec<&str> {
            urls_and_domains(t)
                .into_iter()
                .filter(|(_, bare)| *bare)
                .map(|(d, _)| d)
                .collect()
        };
        assert_eq!(
            domains("Go to monitor.firefox.com or (addons.mozilla.org)."),
            ["monitor.firefox.com", "addons.mozilla.org"]
        );
        assert_eq!(
            domains("“relay.firefox.com” till “mozmail.com”"),
            ["relay.firefox.com", "mozmail.com"]
        );
        assert_eq!(domains("mozilla.org에서"), ["mozilla.org"]);
        for not in [
            "Edit l10n.toml, README.md and main.rs.",
            "Version v1.2 of Node.js, 2.5.com",
            "see docs/index.html or e.g. this. End.Start",
            "https://mozilla.org/about.html",
        ] {
            assert_eq!(domains(not), Vec::<&str>::new(), "{not}");
        }
    }

    #[test]
    fn example_hosts() {
        for (url, example) in [
            ("tunombre@example.com", true),
            ("https://www.example.org/x", true),
            ("http://localhost:8000/", true),
            ("mail@shop.test", true),
            ("https://monitor.mozilla.org", false),
            ("info@examples.com", false),
        ] {
            assert_eq!(is_example_host(&url_host(url)), example, "{url}");
        }
        assert_eq!(
            url_host("https://user@Monitor.Mozilla.ORG:443/x"),
            "monitor.mozilla.org"
        );
    }
}
