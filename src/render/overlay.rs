//! Inline markup of a formatted message, rebuilt by the Fluent DOM-overlay rule: only
//! `<em>`, `<strong>` and `<a data-l10n-name="...">` are markup, and a link's `href` comes
//! from the source article, never from the translation. Everything else a translator typed
//! (`<script>`, `<img onerror=...>`, `<a href="javascript:...">`, entities) is text, and is
//! escaped on output. Fluent's bidi isolation marks (U+2066..U+2069) become `<bdi>` in HTML
//! and are dropped from plain text (attributes, front matter, slugs).

use crate::source::Link;

/// A piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A link; `href` is `None` when the translation names a link the source does not have,
    /// or the source's target is not a safe URL: its text is kept, without a link.
    Link {
        href: Option<String>,
        children: Vec<Inline>,
    },
    /// Text between bidi isolation marks; `dir` from LRI/RLI, `None` for FSI.
    Isolate {
        dir: Option<&'static str>,
        children: Vec<Inline>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Em,
    Strong,
    Link,
    Isolate,
}

enum Token<'a> {
    Text(&'a str),
    Open(Kind, Option<&'a str>),
    Close(Kind),
}

/// Parses formatted message text into inline content; `links` are the block's source links.
pub fn parse(text: &str, links: &[Link]) -> Vec<Inline> {
    // A stack of open elements: (kind, link href or isolate dir, children).
    let mut stack: Vec<Frame> = vec![(Kind::Em, None, None, Vec::new())];
    for token in tokenize(text) {
        match token {
            // cannot fail: the root frame is popped only after this loop.
            Token::Text(t) => push_text(&mut stack.last_mut().expect("root").3, t),
            Token::Open(Kind::Link, name) => {
                let href = name
                    .and_then(|n| links.iter().find(|l| l.name == n))
                    .map(|l| l.href.clone())
                    .filter(|h| safe_href(h));
                stack.push((Kind::Link, href, None, Vec::new()));
            }
            Token::Open(Kind::Isolate, dir) => {
                let dir = match dir {
                    Some("ltr") => Some("ltr"),
                    Some("rtl") => Some("rtl"),
                    _ => None,
                };
                stack.push((Kind::Isolate, None, dir, Vec::new()));
            }
            Token::Open(kind, _) => stack.push((kind, None, None, Vec::new())),
            Token::Close(kind) => {
                // Close the nearest open element of this kind (and any left open inside it);
                // a close tag with nothing to close is text, or dropped for a stray PDI.
                match stack.iter().skip(1).rposition(|(k, ..)| *k == kind) {
                    Some(pos) => {
                        while stack.len() > pos + 1 {
                            close_top(&mut stack);
                        }
                    }
                    None if kind == Kind::Isolate => {}
                    None => {
                        let literal = match kind {
                            Kind::Em => "</em>",
                            Kind::Strong => "</strong>",
                            _ => "</a>",
                        };
                        // cannot fail: the root frame is popped only after the loop.
                        push_text(&mut stack.last_mut().expect("root").3, literal);
                    }
                }
            }
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack
        .pop()
        .map(|(.., children)| children)
        .unwrap_or_default()
}

type Frame = (Kind, Option<String>, Option<&'static str>, Vec<Inline>);

fn close_top(stack: &mut Vec<Frame>) {
    let Some((kind, href, dir, children)) = stack.pop() else {
        return;
    };
    let node = match kind {
        Kind::Em => Inline::Em(children),
        Kind::Strong => Inline::Strong(children),
        Kind::Link => Inline::Link { href, children },
        Kind::Isolate => Inline::Isolate { dir, children },
    };
    if let Some(parent) = stack.last_mut() {
        parent.3.push(node);
    }
}

fn push_text(children: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = children.last_mut() {
        last.push_str(text);
    } else {
        children.push(Inline::Text(text.to_owned()));
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let rest = &text[i..];
        let found: Option<(Token<'_>, usize)> = if bytes[i] == b'<' {
            tag(rest)
        } else {
            match rest.chars().next() {
                Some('\u{2068}') => Some((Token::Open(Kind::Isolate, None), 3)),
                Some('\u{2066}') => Some((Token::Open(Kind::Isolate, Some("ltr")), 3)),
                Some('\u{2067}') => Some((Token::Open(Kind::Isolate, Some("rtl")), 3)),
                Some('\u{2069}') => Some((Token::Close(Kind::Isolate), 3)),
                _ => None,
            }
        };
        match found {
            Some((token, len)) => {
                if start < i {
                    tokens.push(Token::Text(&text[start..i]));
                }
                tokens.push(token);
                i += len;
                start = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if start < text.len() {
        tokens.push(Token::Text(&text[start..]));
    }
    tokens
}

/// One of the overlay tags at the start of `s`, with its length.
fn tag(s: &str) -> Option<(Token<'_>, usize)> {
    for (literal, token) in [
        ("<em>", Token::Open(Kind::Em, None)),
        ("</em>", Token::Close(Kind::Em)),
        ("<strong>", Token::Open(Kind::Strong, None)),
        ("</strong>", Token::Close(Kind::Strong)),
        ("</a>", Token::Close(Kind::Link)),
    ] {
        if s.len() >= literal.len()
            && s.as_bytes()[..literal.len()].eq_ignore_ascii_case(literal.as_bytes())
        {
            return Some((token, literal.len()));
        }
    }
    // <a data-l10n-name="name"> with single or double quotes and nothing else.
    let rest = s.strip_prefix("<a")?;
    let rest_trim = rest.trim_start();
    if rest_trim.len() == rest.len() {
        return None;
    }
    let rest2 = rest_trim.strip_prefix("data-l10n-name")?.trim_start();
    let rest3 = rest2.strip_prefix('=')?.trim_start();
    let quote = rest3.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value_and_more = &rest3[1..];
    let end = value_and_more.find(quote)?;
    let name = &value_and_more[..end];
    let after = value_and_more[end + 1..].trim_start();
    if !after.starts_with('>') || name.contains(['<', '>']) {
        return None;
    }
    let consumed = s.len() - after.len() + 1;
    Some((Token::Open(Kind::Link, Some(name)), consumed))
}

/// A link target an article may use: web, mail, or relative; never `javascript:`,
/// `data:` or any other scheme.
pub fn safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    if lower.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    match lower.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &lower[..colon];
            // A colon after a path, query or fragment start is not a scheme.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Safe HTML for inline content.
pub fn to_html(content: &[Inline]) -> String {
    let mut out = String::new();
    write_html(content, &mut out);
    out
}

fn write_html(content: &[Inline], out: &mut String) {
    for node in content {
        match node {
            Inline::Text(t) => escape_html(t, out),
            Inline::Em(c) => {
                out.push_str("<em>");
                write_html(c, out);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                write_html(c, out);
                out.push_str("</strong>");
            }
            Inline::Link {
                href: Some(href),
                children,
            } => {
                out.push_str("<a href=\"");
                escape_html(href, out);
                out.push_str("\">");
                write_html(children, out);
                out.push_str("</a>");
            }
            Inline::Link {
                href: None,
                children,
            } => write_html(children, out),
            Inline::Isolate { dir, children } => {
                match dir {
                    Some(d) => {
                        out.push_str("<bdi dir=\"");
                        out.push_str(d);
                        out.push_str("\">");
                    }
                    None => out.push_str("<bdi>"),
                }
                write_html(children, out);
                out.push_str("</bdi>");
            }
        }
    }
}

/// The text alone, without markup or isolation marks: for attributes, titles, front matter.
pub fn to_plain(content: &[Inline]) -> String {
    let mut out = String::new();
    write_plain(content, &mut out);
    out
}

fn write_plain(content: &[Inline], out: &mut String) {
    for node in content {
        match node {
            Inline::Text(t) => out.push_str(t),
            Inline::Em(c) | Inline::Strong(c) => write_plain(c, out),
            Inline::Link { children, .. } | Inline::Isolate { children, .. } => {
                write_plain(children, out)
            }
        }
    }
}

/// CommonMark for inline content, every character a translator typed escaped so it stays
/// text: no HTML, no link, no emphasis, no Hugo shortcode (`{{<`) can come from it.
/// Isolation marks stay as characters (invisible in text).
pub fn to_markdown(content: &[Inline]) -> String {
    let mut out = String::new();
    write_markdown(content, &mut out);
    out
}

fn write_markdown(content: &[Inline], out: &mut String) {
    for node in content {
        match node {
            Inline::Text(t) => escape_markdown(t, out),
            Inline::Em(c) => {
                out.push('*');
                write_markdown(c, out);
                out.push('*');
            }
            Inline::Strong(c) => {
                out.push_str("**");
                write_markdown(c, out);
                out.push_str("**");
            }
            Inline::Link {
                href: Some(href),
                children,
            } => {
                out.push('[');
                write_markdown(children, out);
                out.push_str("](<");
                // Inside <...>, only <, > and \ need escaping; newlines are not allowed.
                // Braces are percent-encoded (the same URL): Hugo expands `{{< >}}` and
                // `{{% %}}` anywhere in a file, link targets included.
                for c in href.chars() {
                    match c {
                        '<' | '>' | '\\' => {
                            out.push('\\');
                            out.push(c);
                        }
                        '{' => out.push_str("%7B"),
                        '}' => out.push_str("%7D"),
                        '\n' | '\r' => {}
                        c => out.push(c),
                    }
                }
                out.push_str(">)");
            }
            Inline::Link {
                href: None,
                children,
            } => write_markdown(children, out),
            Inline::Isolate { children, .. } => {
                out.push('\u{2068}');
                write_markdown(children, out);
                out.push('\u{2069}');
            }
        }
    }
}

fn escape_markdown(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '|' | '!' | '{'
            | '}' | '~' | '&' | '+' | '-' | '=' | '$' | '%' | '"' => {
                out.push('\\');
                out.push(c);
            }
            // A leading "1." would open a list.
            '.' if out.chars().last().is_some_and(|p| p.is_ascii_digit()) => {
                out.push_str("\\.");
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Vec<Link> {
        vec![Link {
            name: "samhsa".into(),
            href: "https://www.samhsa.gov/find-help".into(),
        }]
    }

    fn html(text: &str) -> String {
        to_html(&parse(text, &links()))
    }

    #[test]
    fn keeps_only_overlay_markup() {
        assert_eq!(
            html(
                "Call <a data-l10n-name=\"samhsa\">SAMHSA</a> <strong>now</strong>, <em>please</em>."
            ),
            "Call <a href=\"https://www.samhsa.gov/find-help\">SAMHSA</a> <strong>now</strong>, <em>please</em>."
        );
        assert_eq!(
            html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            html("<img src=x onerror=\"alert(1)\">"),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
        );
        assert_eq!(
            html("<a href=\"javascript:alert(1)\">x</a>"),
            "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"
        );
        assert_eq!(
            html("<em onclick=\"x\">a</em>"),
            "&lt;em onclick=&quot;x&quot;&gt;a&lt;/em&gt;"
        );
    }

    #[test]
    fn links_take_their_target_from_the_source() {
        // A name the source does not have keeps the text, without a link.
        assert_eq!(html("<a data-l10n-name='other'>x</a>"), "x");
        let unsafe_link = vec![Link {
            name: "x".into(),
            href: "javascript:alert(1)".into(),
        }];
        assert_eq!(
            to_html(&parse("<a data-l10n-name=\"x\">y</a>", &unsafe_link)),
            "y"
        );
        assert!(safe_href("/es/track-marks.html#care"));
        assert!(safe_href("mailto:help@example.org"));
        assert!(!safe_href("JavaScript:alert(1)"));
        assert!(!safe_href("java\tscript:alert(1)"));
        assert!(!safe_href("data:text/html,x"));
    }

    #[test]
    fn unbalanced_markup_is_closed_or_kept_as_text() {
        assert_eq!(html("<em>open"), "<em>open</em>");
        assert_eq!(html("close</strong>"), "close&lt;/strong&gt;");
        assert_eq!(html("<em><strong>x</em>y"), "<em><strong>x</strong></em>y");
        // Tags next to multi-byte text (a panic once: slicing inside '查').
        assert_eq!(html("</a>查找<em>治疗</em>"), "&lt;/a&gt;查找<em>治疗</em>");
        assert_eq!(html("<查"), "&lt;查");
    }

    #[test]
    fn isolation_marks_become_bdi_in_html_and_vanish_in_plain_text() {
        let content = parse(
            "by \u{2068}Dr. Ann\u{2069} on \u{2068}2024\u{2069}\u{2069}",
            &[],
        );
        assert_eq!(
            to_html(&content),
            "by <bdi>Dr. Ann</bdi> on <bdi>2024</bdi>"
        );
        assert_eq!(to_plain(&content), "by Dr. Ann on 2024");
    }

    #[test]
    fn markdown_escapes_everything_typed() {
        let md = to_markdown(&parse(
            "{{< shortcode >}} *x* [y](javascript:z) <b>1.</b> <em>ok</em>",
            &[],
        ));
        assert_eq!(
            md,
            "\\{\\{\\< shortcode \\>\\}\\} \\*x\\* \\[y\\]\\(javascript:z\\) \\<b\\>1\\.\\</b\\> *ok*"
        );
        let link = to_markdown(&parse("<a data-l10n-name=\"samhsa\">help</a>", &links()));
        assert_eq!(link, "[help](<https://www.samhsa.gov/find-help>)");
        // A link target holding a Hugo shortcode opener (found by the overlay fuzz target).
        let braces = vec![Link {
            name: "x".into(),
            href: "https://example.org/{{%x%}}{{<y>}}".into(),
        }];
        let link = to_markdown(&parse("<a data-l10n-name=\"x\">z</a>", &braces));
        assert_eq!(
            link,
            "[z](<https://example.org/%7B%7B%x%%7D%7D%7B%7B\\<y\\>%7D%7D>)"
        );
    }

    proptest::proptest! {
        /// Whatever a translator types, the HTML holds no element but em, strong, bdi and a
        /// with a source href, and no `on*` attribute or `javascript:` URL (parsed with an
        /// HTML5 parser, not matched with a regex).
        #[test]
        fn any_text_renders_to_allowed_markup_only(
            text in "(<|>|\"|'|=|/| |a|em|strong|script|img|onerror|href|data-l10n-name|samhsa|javascript:|\u{2068}|\u{2069}|&|x){0,60}"
        ) {
            let html = to_html(&parse(&text, &links()));
            let doc = scraper::Html::parse_fragment(&html);
            let all = scraper::Selector::parse("*").unwrap(); // cannot fail: a constant, valid selector
            for element in doc.select(&all) {
                let el = element.value();
                proptest::prop_assert!(
                    matches!(el.name(), "html" | "em" | "strong" | "bdi" | "a"),
                    "element <{}> from {:?}", el.name(), text
                );
                for (name, value) in el.attrs() {
                    proptest::prop_assert!(!name.starts_with("on"), "{} from {:?}", name, text);
                    proptest::prop_assert!(
                        !value.to_ascii_lowercase().contains("javascript:"),
                        "{} from {:?}", value, text
                    );
                    if el.name() == "a" {
                        proptest::prop_assert_eq!(value, "https://www.samhsa.gov/find-help");
                    }
                }
            }
        }
    }
}
