//! ## What it does
//! Reports any tag other than `<em>`, `<strong>` and `<a>`, and any attribute other than
//! `data-l10n-name` (so no `href`, `onclick`, `style`, `src`), that a message's reference does
//! not have: a tag once per message (`<script>...</script>` is one finding).
//!
//! A translation is judged against its own reference message: a tag or attribute that the
//! reference message (its value or any of its attributes) itself contains is not a finding in
//! the translation, since the translator copied it faithfully. An attribute that carries a
//! link or code (`href`, `src`, `srcset`, `action`, `formaction`, `style`, `on...`) is copied
//! only with the reference's value: `<a href="https://evil.example">` for the reference's
//! `<a href="https://example.org">` is still reported. Whether the reference itself may use
//! such markup is the project's choice: on the reference files (once, as source findings,
//! never repeated in every locale) only markup that runs code or loads content is reported
//! (`<script>`, `<iframe>`, `<style>`, `<svg>`, `<form>`..., an `on...` handler, `style`,
//! `srcdoc`, a `javascript:`, `vbscript:` or `data:` address), since a website project's
//! English rightly uses `<p>`, `<b>` or `<span>` (Firefox Relay's 41 such tags were all
//! false alarms), and a guide medloc splits only ever has the safe set. A message the
//! reference does not have is judged against the safe set alone. Words in angle brackets
//! whose first is no HTML element and has no hyphen, with no `=` value (`<field>`, translated
//! as `<champ>`; `<current directory>` as `<directorio actual>`; `<TAB>`) are a placeholder,
//! not markup: no browser gives it any behaviour.
//!
//! ## Why it matters
//! A translation is untrusted input published on a health site: `<script>`, an `onerror`
//! handler or a `javascript:` link would run in every reader's browser. medloc renders only the
//! safe set and takes link targets from the source, never from a translation.
//!
//! ## Example
//! Bad: `<a href="https://evil.example" onclick="x()">aquí</a>`, `<img src=x onerror=alert(1)>`;
//! good: `<a data-l10n-name="locator">aquí</a>`; good too, for the reference
//! `Read <span class="note">this</span>`: `Lea <span class="note">esto</span>`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::text::markup::{Tag, tags};

pub(crate) static RULE: Rule = Rule {
    name: "disallowed-markup",
    severity: Severity::Error,
    summary: "A tag or attribute outside the safe inline set that the reference message lacks.",
    // On the reference files alone (the project's policy, once) and on each translation
    // against its reference message.
    scope: Scope::File,
    check,
};

/// The inline tags a translation may use (`markup-mismatch` compares only these).
pub(super) const ALLOWED_TAGS: &[&str] = &["em", "strong", "a"];

/// The HTML elements (WHATWG, with SVG and MathML roots): a tag of any other name without a
/// hyphen and without attributes is a placeholder in angle brackets (`<field>` translated
/// as `<champ>`), which no browser gives any behaviour.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "applet",
    "base",
    "basefont",
    "marquee",
    "font",
    "center",
    "blink",
];

/// A placeholder written in angle brackets, not markup: see [`HTML_ELEMENTS`]. Its other
/// words read as attributes without values (`<current directory>`).
fn is_placeholder(tag: &Tag) -> bool {
    tag.attributes.iter().all(|(_, value)| value.is_empty())
        && !tag.name.contains('-')
        && !HTML_ELEMENTS.contains(&tag.name.as_str())
}

/// Attributes whose value is a link target or code: copied only with the reference's value.
fn carries_code(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "srcset" | "action" | "formaction" | "style" | "xlink:href"
    ) || name.starts_with("on")
}

/// Elements that run code, load content or take input: never safe in a message, whatever
/// the project's markup.
const ACTIVE_TAGS: &[&str] = &[
    "applet", "base", "embed", "form", "frame", "frameset", "iframe", "link", "math", "meta",
    "noscript", "object", "script", "style", "svg", "template",
];

/// Whether an attribute runs code or styles the page: an event handler, `style`,
/// `srcdoc`, or a `javascript:`, `vbscript:` or `data:` address.
fn is_active_attribute(name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let value = value.trim().to_ascii_lowercase();
    name.starts_with("on")
        || name == "style"
        || name == "srcdoc"
        || ["javascript:", "vbscript:", "data:"]
            .iter()
            .any(|scheme| value.starts_with(scheme))
}

/// A file without a reference: the reference files themselves (the project's own markup,
/// once) and an obsolete file. The markup a project's English uses is its choice (Firefox
/// Relay's website strings use `<p>`, `<b>`, `<span>`; a guide medloc splits only ever has
/// `<em>`, `<strong>` and `<a>`): only markup that runs code is reported there.
fn check_without_reference(
    ctx: &FileCheck<'_>,
    file: &crate::catalog::FtlFile,
    out: &mut Vec<Finding>,
) {
    for entry in &file.entries {
        for (attribute, pattern) in entry.patterns() {
            // Each active tag name once per pattern (`<script>` and its `</script>`).
            let mut reported: Vec<&str> = Vec::new();
            for tag in tags(&pattern.prose) {
                let raw = &pattern.prose[tag.offset..tag.offset + tag.len];
                if ACTIVE_TAGS.contains(&tag.name.to_ascii_lowercase().as_str()) {
                    if reported.contains(&tag.name.as_str()) {
                        continue;
                    }
                    reported.push(
                        ACTIVE_TAGS
                            .iter()
                            .copied()
                            .find(|t| t.eq_ignore_ascii_case(&tag.name))
                            .unwrap_or_default(),
                    );
                    out.push(ctx.pattern_finding(&RULE, entry, attribute, pattern, Some(raw), format!("disallowed tag <{}>: it runs code or loads content, which a message must never do", tag.name)));
                    continue;
                }
                for (name, value) in &tag.attributes {
                    if is_active_attribute(name, value) {
                        out.push(ctx.pattern_finding(&RULE, entry, attribute, pattern, Some(raw), format!("disallowed attribute {name} on <{}>: it runs code or styles the page, which a message must never do", tag.name)));
                    }
                }
            }
        }
    }
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else {
        return;
    };
    if ctx.reference.is_none() {
        check_without_reference(ctx, file, out);
        return;
    }
    for entry in &file.entries {
        // The reference message's markup, all its patterns together.
        let reference: Vec<Tag> = ctx
            .reference
            .and_then(|r| r.entry(&entry.id))
            .map(|r| r.patterns().flat_map(|(_, p)| tags(&p.prose)).collect())
            .unwrap_or_default();
        let in_reference_tag = |name: &str| reference.iter().any(|t| t.name == name);
        let in_reference_attribute = |tag: &str, name: &str, value: &str| {
            reference.iter().any(|t| {
                t.name == tag
                    && t.attributes
                        .iter()
                        .any(|(n, v)| n == name && (!carries_code(name) || v == value))
            })
        };
        for (attribute, pattern) in entry.patterns() {
            // `<script>...</script>` is one defect: each disallowed tag name once per pattern.
            let mut reported: Vec<String> = Vec::new();
            for tag in tags(&pattern.prose)
                .into_iter()
                .filter(|t| !is_placeholder(t))
            {
                let raw = &pattern.prose[tag.offset..tag.offset + tag.len];
                if !ALLOWED_TAGS.contains(&tag.name.as_str()) && !in_reference_tag(&tag.name) {
                    if reported.contains(&tag.name) {
                        continue;
                    }
                    reported.push(tag.name.clone());
                    out.push(ctx.pattern_finding(&RULE, entry, attribute, pattern, Some(raw), format!("disallowed tag <{}>: only <em>, <strong> and <a data-l10n-name> are allowed", tag.name)));
                    continue;
                }
                for (name, value) in &tag.attributes {
                    let safe = name == "data-l10n-name" && tag.name == "a";
                    if !safe && !in_reference_attribute(&tag.name, name, value) {
                        out.push(ctx.pattern_finding(&RULE, entry, attribute, pattern, Some(raw), format!("disallowed attribute {name} on <{}>: link targets come from the source, and no other attribute is allowed", tag.name)));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);

    /// On the reference files alone, the project's policy: the reference's own markup
    /// outside the safe set is a source finding, reported there once.
    #[test]
    fn the_reference_is_judged_against_the_policy_once() {
        use crate::check::rules::fixture;
        let found = fixture::reference_findings(&super::RULE);
        insta::assert_snapshot!(fixture::describe(&found));
    }
}
