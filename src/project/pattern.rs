//! compare-locales' path patterns (`compare_locales/paths/matcher.py` is the specification):
//! literals, `*` (one path segment), `**` (any number of segments, at a segment boundary),
//! and `{variable}`s taken from the environment (`{locale}`, `{l10n_base}`, `[env]`).
//! A pattern is matched against a full path, and the wildcards it captured are put into
//! another pattern: that is how a reference file finds its translation and back.
//!
//! Why a regular expression and not a glob crate: the reference and l10n patterns are
//! mirror images, and mapping one onto the other needs each wildcard's captured text, which
//! glob matchers (globset, glob) do not give. compare-locales compiles its patterns to
//! regular expressions the same way; this module does what it does, with the `regex` crate.
//! It does no I/O.

use std::collections::HashMap;

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Literal(String),
    /// `*`: any characters but `/`.
    Star,
    /// `**` followed by `/` (`true`) or at the end (`false`).
    StarStar {
        slash: bool,
    },
    Variable(String),
}

/// A parsed pattern, not yet bound to an environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    nodes: Vec<Node>,
    /// The pattern as written, for messages.
    pub text: String,
}

/// Variables, each itself a pattern (compare-locales' `[env]` values may use variables).
pub type Env = HashMap<String, Pattern>;

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// A variable that no environment defines and that cannot be matched.
    Unknown(String),
    /// A variable whose value refers back to itself.
    Cycle(String),
    Regex(String),
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PatternError::Unknown(name) => write!(
                f,
                "{{{name}}} is not defined: define it in [env], or use {{locale}} or {{l10n_base}}"
            ),
            PatternError::Cycle(name) => {
                write!(f, "[env] {name} refers to itself through its own value")
            }
            PatternError::Regex(e) => write!(f, "{e}"),
        }
    }
}

impl Pattern {
    /// Parses a pattern: `**` counts as a wildcard only as a whole segment (after the start,
    /// `/` or `}` and before `/` or the end), as compare-locales' `PATH_SPECIAL` has it.
    pub fn parse(text: &str) -> Pattern {
        let mut nodes = Vec::new();
        let mut literal = String::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &text[i..];
            let at_boundary = i == 0 || matches!(bytes[i - 1], b'/' | b'}');
            if at_boundary && rest.starts_with("**") {
                let after = &rest[2..];
                if after.is_empty() || after.starts_with('/') {
                    flush(&mut literal, &mut nodes);
                    let slash = after.starts_with('/');
                    nodes.push(Node::StarStar { slash });
                    i += if slash { 3 } else { 2 };
                    continue;
                }
            }
            if rest.starts_with('*') {
                flush(&mut literal, &mut nodes);
                nodes.push(Node::Star);
                i += 1;
                continue;
            }
            if rest.starts_with('{')
                && let Some(end) = rest.find('}')
            {
                let name = rest[1..end].trim();
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    flush(&mut literal, &mut nodes);
                    nodes.push(Node::Variable(name.to_owned()));
                    i += end + 1;
                    continue;
                }
            }
            let c = rest.chars().next().unwrap_or('\0');
            literal.push(c);
            i += c.len_utf8();
        }
        flush(&mut literal, &mut nodes);
        Pattern {
            nodes,
            text: text.to_owned(),
        }
    }

    /// Whether the pattern names `{name}`.
    pub fn uses(&self, name: &str) -> bool {
        self.nodes
            .iter()
            .any(|n| matches!(n, Node::Variable(v) if v == name))
    }

    /// The names of the variables the pattern uses, in order, once each.
    pub fn variables(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for node in &self.nodes {
            if let Node::Variable(v) = node
                && !out.contains(v)
            {
                out.push(v.clone());
            }
        }
        out
    }

    /// The wildcards, in order (`*` as false, `**` as true): two patterns can be mapped onto
    /// each other only when these agree.
    pub fn wildcards(&self) -> Vec<bool> {
        self.nodes
            .iter()
            .filter_map(|n| match n {
                Node::Star => Some(false),
                Node::StarStar { .. } => Some(true),
                _ => None,
            })
            .collect()
    }

    /// Whether the pattern has no wildcard (it names one file per locale).
    pub fn is_literal(&self) -> bool {
        self.wildcards().is_empty()
    }

    /// The text before the first wildcard with the variables expanded (where to start
    /// walking the file system). Stops at a variable the environment lacks.
    pub fn prefix(&self, env: &Env) -> Result<String, PatternError> {
        let mut out = String::new();
        for node in &self.nodes {
            match node {
                Node::Literal(s) => out.push_str(s),
                Node::Variable(name) => match env.get(name) {
                    Some(value) => out.push_str(&expand_var(name, value, env, 0)?),
                    None => return Ok(out),
                },
                Node::Star | Node::StarStar { .. } => return Ok(out),
            }
        }
        Ok(out)
    }

    /// Text that every path this pattern matches for `locale` contains: the literal before
    /// its first `{locale}`, the locale, and the literal after (`/locales/de.ftl` of
    /// `src/*/locales/{locale}.ftl`). `None` without `{locale}`.
    pub fn locale_context(&self, locale: &str) -> Option<String> {
        let at = self
            .nodes
            .iter()
            .position(|n| matches!(n, Node::Variable(v) if v == "locale"))?;
        let literal = |i: Option<usize>| match i.and_then(|i| self.nodes.get(i)) {
            Some(Node::Literal(s)) => s.as_str(),
            _ => "",
        };
        Some(format!(
            "{}{locale}{}",
            literal(at.checked_sub(1)),
            literal(Some(at + 1))
        ))
    }

    /// Binds the pattern to an environment and compiles it.
    pub fn compile(&self, env: &Env) -> Result<Matcher, PatternError> {
        let mut re = String::from("^");
        let mut star = 0;
        let mut groups = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for node in &self.nodes {
            match node {
                Node::Literal(s) => re.push_str(&regex::escape(s)),
                Node::Star => {
                    star += 1;
                    re.push_str(&format!("(?P<s{star}>[^/]*)"));
                    groups.push(Capture::Star(star));
                }
                Node::StarStar { slash } => {
                    star += 1;
                    let suffix = if *slash { "/" } else { "" };
                    re.push_str(&format!("(?P<s{star}>.+{suffix})?"));
                    groups.push(Capture::Star(star));
                }
                Node::Variable(name) => match env.get(name) {
                    Some(value) => {
                        re.push_str(&regex::escape(&expand_var(name, value, env, 0)?));
                    }
                    None => {
                        // Unbound: matches anything; a repeated one must match the same text
                        // (compare-locales' back-reference, checked after the match).
                        let n = seen.len() + 1;
                        let index = *seen.entry(name.clone()).or_insert(n);
                        let group = format!("v{}_{}", index, groups.len());
                        re.push_str(&format!("(?P<{group}>.+?)"));
                        groups.push(Capture::Variable(name.clone(), group));
                    }
                },
            }
        }
        re.push('$');
        let regex = regex::Regex::new(&re).map_err(|e| PatternError::Regex(e.to_string()))?;
        Ok(Matcher {
            regex,
            groups,
            nodes: self.nodes.clone(),
            env: env.clone(),
        })
    }
}

fn flush(literal: &mut String, nodes: &mut Vec<Node>) {
    if !literal.is_empty() {
        nodes.push(Node::Literal(std::mem::take(literal)));
    }
}

/// A variable's value, its own variables expanded (at most 16 deep, so a cycle ends).
fn expand_var(
    name: &str,
    value: &Pattern,
    env: &Env,
    depth: usize,
) -> Result<String, PatternError> {
    if depth > 16 {
        return Err(PatternError::Cycle(name.to_owned()));
    }
    let mut out = String::new();
    for node in &value.nodes {
        match node {
            Node::Literal(s) => out.push_str(s),
            Node::Variable(inner) if inner == name => {
                return Err(PatternError::Cycle(name.to_owned()));
            }
            Node::Variable(inner) => match env.get(inner) {
                Some(v) => out.push_str(&expand_var(inner, v, env, depth + 1)?),
                None => return Err(PatternError::Unknown(inner.clone())),
            },
            Node::Star | Node::StarStar { .. } => out.push('*'),
        }
    }
    Ok(out)
}

#[derive(Debug, Clone)]
enum Capture {
    Star(usize),
    Variable(String, String),
}

/// A pattern bound to its environment.
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: regex::Regex,
    groups: Vec<Capture>,
    nodes: Vec<Node>,
    env: Env,
}

/// What a match captured: each wildcard's text by number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captures {
    stars: Vec<String>,
}

impl Matcher {
    /// The wildcards' texts when `path` matches the whole pattern.
    pub fn matches(&self, path: &str) -> Option<Captures> {
        // Most paths tried do not match (another locale's file): the plain test is cheaper
        // than a search for captures.
        if !self.regex.is_match(path) {
            return None;
        }
        let caps = self.regex.captures(path)?;
        let mut stars = Vec::new();
        let mut vars: HashMap<&str, &str> = HashMap::new();
        for group in &self.groups {
            match group {
                Capture::Star(n) => stars.push(
                    caps.name(&format!("s{n}"))
                        .map_or(String::new(), |m| m.as_str().to_owned()),
                ),
                Capture::Variable(name, group) => {
                    let text = caps.name(group).map_or("", |m| m.as_str());
                    if let Some(before) = vars.insert(name, text)
                        && before != text
                    {
                        return None;
                    }
                }
            }
        }
        Some(Captures { stars })
    }

    /// This pattern with `captures`' wildcards filled in (compare-locales' `Matcher.sub`).
    /// None when a variable is unbound or the wildcards do not agree.
    pub fn expand(&self, captures: &Captures) -> Option<String> {
        self.expand_in(captures, &self.env)
    }

    /// [`Matcher::expand`] with the variables of `env` instead of the matcher's own: the
    /// locale-independent matcher of an l10n pattern expanded for one locale.
    pub fn expand_in(&self, captures: &Captures, env: &Env) -> Option<String> {
        let mut out = String::new();
        let mut star = 0;
        for node in &self.nodes {
            match node {
                Node::Literal(s) => out.push_str(s),
                Node::Star | Node::StarStar { .. } => {
                    out.push_str(captures.stars.get(star)?);
                    star += 1;
                }
                Node::Variable(name) => {
                    out.push_str(&expand_var(name, env.get(name)?, env, 0).ok()?)
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Pattern::parse(v)))
            .collect()
    }

    #[test]
    fn star_is_one_segment_and_starstar_any() {
        let e = env(&[("locale", "de")]);
        let m = Pattern::parse("/p/src/*/locales/{locale}.ftl")
            .compile(&e)
            .unwrap_or_else(|e| panic!("{e}"));
        let c = m.matches("/p/src/ls/locales/de.ftl");
        assert_eq!(
            c,
            Some(Captures {
                stars: vec!["ls".into()]
            })
        );
        assert_eq!(m.matches("/p/src/a/b/locales/de.ftl"), None);
        assert_eq!(m.matches("/p/src/ls/locales/fr.ftl"), None);
        let deep = Pattern::parse("/p/{locale}/**")
            .compile(&e)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(deep.matches("/p/de/a/b/c.ftl").is_some());
        assert!(deep.matches("/p/de/c.ftl").is_some());
        assert!(deep.matches("/p/fr/c.ftl").is_none());
    }

    #[test]
    fn starstar_in_the_middle_may_match_nothing() {
        let m = Pattern::parse("/p/**/*.ftl")
            .compile(&Env::new())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(m.matches("/p/a.ftl").is_some());
        assert!(m.matches("/p/x/y/a.ftl").is_some());
        assert!(m.matches("/p/x/y/a.dtd").is_none());
    }

    #[test]
    fn captures_map_reference_to_l10n_and_back() {
        let e = env(&[("locale", "fr"), ("l10n_base", "/l10n")]);
        let reference = Pattern::parse("/p/browser/locales/en-US/**")
            .compile(&e)
            .unwrap_or_else(|e| panic!("{e}"));
        let l10n = Pattern::parse("{l10n_base}/{locale}/browser/**")
            .compile(&e)
            .unwrap_or_else(|e| panic!("{e}"));
        let c = reference
            .matches("/p/browser/locales/en-US/a/b.ftl")
            .unwrap_or_default();
        assert_eq!(l10n.expand(&c).as_deref(), Some("/l10n/fr/browser/a/b.ftl"));
        let back = l10n.matches("/l10n/fr/browser/x.ftl").unwrap_or_default();
        assert_eq!(
            reference.expand(&back).as_deref(),
            Some("/p/browser/locales/en-US/x.ftl")
        );
    }

    #[test]
    fn prefix_stops_at_the_first_wildcard_and_env_values_nest() {
        let e = env(&[("locale", "de"), ("base", "/x/{locale}")]);
        let p = Pattern::parse("{base}/sub/*/a.ftl");
        assert_eq!(p.prefix(&e), Ok("/x/de/sub/".to_owned()));
        assert_eq!(Pattern::parse("/a/**").prefix(&e), Ok("/a/".to_owned()));
        assert_eq!(p.wildcards(), [false]);
        let cyclic = env(&[("a", "{b}"), ("b", "{a}")]);
        assert!(Pattern::parse("{a}/x").prefix(&cyclic).is_err());
    }

    #[test]
    fn a_repeated_unbound_variable_must_match_the_same_text() {
        let m = Pattern::parse("/p/{locale}/{locale}.ftl")
            .compile(&Env::new())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(m.matches("/p/de/de.ftl").is_some());
        assert!(m.matches("/p/de/fr.ftl").is_none());
    }

    #[test]
    fn double_star_inside_a_name_is_two_stars() {
        let p = Pattern::parse("a/x**.ftl");
        assert_eq!(p.wildcards(), [false, false]);
    }
}
