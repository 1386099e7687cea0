//! The publish decision: which locales publish, which of their messages are withheld (a
//! translation with a check error is not shown; the next locale of its chain stands in for
//! that block, as compare-locales' l10n-merge does), and which locales of the previous site
//! a render would take down. Reads the coverage model only; no I/O.

use crate::coverage::Coverage;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// Translations not shown: by locale, article and message ID (nested, so a lookup borrows).
#[derive(Debug, Default)]
pub struct Withheld {
    set: HashMap<String, HashMap<String, HashSet<String>>>,
}

impl Withheld {
    /// Whether `locale`'s translation of `id` in `article` (`track-marks`, `ui`) is withheld.
    pub fn holds(&self, locale: &str, article: &str, id: &str) -> bool {
        self.set
            .get(locale)
            .and_then(|a| a.get(article))
            .is_some_and(|ids| ids.contains(id))
    }

    fn insert(&mut self, locale: &str, article: String, id: String) {
        self.set
            .entry(locale.to_owned())
            .or_default()
            .entry(article)
            .or_default()
            .insert(id);
    }
}

/// A published locale some of whose messages are shown from its fallback chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFallback {
    pub locale: String,
    /// Messages withheld.
    pub messages: usize,
    /// Why, by rule.
    pub by_rule: BTreeMap<String, usize>,
}

/// Which locales publish and what of them is withheld.
#[derive(Debug, Default)]
pub struct Decision {
    /// Locales rendered, the reference first.
    pub published: Vec<String>,
    /// Locales not rendered, with the reason.
    pub skipped: Vec<(String, String)>,
    pub withheld: Withheld,
    /// Published locales with withheld messages.
    pub fallbacks: Vec<LocaleFallback>,
}

/// The decision for `coverage`, as its [`crate::coverage::PublishPlan`]s say (the report
/// and the render never disagree): a locale publishes when its completion, counting each
/// message with a check error as missing, reaches the threshold and it has no error outside
/// a message (a file that cannot be read). With `all`, every locale renders and nothing is
/// withheld (a preview of the translations as they are).
pub fn decide(coverage: &Coverage, all: bool) -> Decision {
    let mut decision = Decision {
        published: vec![coverage.reference.clone()],
        ..Decision::default()
    };
    for locale in coverage.locales.iter().filter(|l| !l.is_reference) {
        let plan = locale.publish_plan(coverage.threshold);
        if !(all || plan.publishes) {
            decision.skipped.push((
                locale.locale.clone(),
                locale.unpublishable_because(coverage.threshold).join(", "),
            ));
        } else {
            decision.published.push(locale.locale.clone());
            if !all && !plan.withheld.is_empty() {
                decision.fallbacks.push(LocaleFallback {
                    locale: locale.locale.clone(),
                    messages: plan.withheld.len(),
                    by_rule: plan.by_rule,
                });
            }
        }
        // Every locale's erroneous messages are withheld, published or not: a published
        // locale falling back through another (es-MX through es) must not show them either.
        if !all {
            for (article, id) in plan.withheld {
                decision.withheld.insert(&locale.locale, article, id);
            }
        }
    }
    decision
}

/// How many locales `coverage` publishes (the reference among them).
pub fn published_count(coverage: &Coverage, all: bool) -> usize {
    1 + coverage
        .locales
        .iter()
        .filter(|l| !l.is_reference && (all || l.publish_plan(coverage.threshold).publishes))
        .count()
}

/// A locale whose pages in the previous site a render would remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpublished {
    pub locale: String,
    /// Its pages the new site lacks, relative to the output directory.
    pub pages: Vec<PathBuf>,
    /// Why it is not rendered.
    pub reason: String,
}

/// The locales of the previous site that `removed` (its files the new site lacks) takes
/// down: a locale directory (`es/`, or `content/es/` for Hugo) not among `published`, with
/// the pages it loses.
pub fn unpublished(
    removed: &[PathBuf],
    published: &[String],
    skipped: &[(String, String)],
    markdown: bool,
) -> Vec<Unpublished> {
    let mut by_locale: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in removed {
        let Some(locale) = locale_of(path, markdown) else {
            continue;
        };
        if published.contains(&locale) {
            continue;
        }
        let page = path
            .extension()
            .is_some_and(|e| e == if markdown { "md" } else { "html" });
        if page {
            by_locale.entry(locale).or_default().push(path.clone());
        }
    }
    by_locale
        .into_iter()
        .map(|(locale, mut pages)| {
            pages.sort();
            let reason = skipped.iter().find(|(l, _)| *l == locale).map_or_else(
                || "no longer a locale of the project".to_owned(),
                |(_, r)| r.clone(),
            );
            Unpublished {
                locale,
                pages,
                reason,
            }
        })
        .collect()
}

/// The locale directory a site file is in: `es/x.html`, or `content/es/x.md` for Hugo.
fn locale_of(path: &Path, markdown: bool) -> Option<String> {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let dir = match (markdown, parts.as_slice()) {
        (true, ["content", locale, _, ..]) => *locale,
        (false, [locale, _, ..]) if *locale != "media" => *locale,
        _ => return None,
    };
    Some(dir.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_pages_are_grouped_by_the_locale_that_loses_them() {
        let removed = [
            PathBuf::from("fr/track-marks.html"),
            PathBuf::from("fr/index.html"),
            PathBuf::from("es/old-guide.html"),
            PathBuf::from("media/images/x.jpg"),
            PathBuf::from("style.css"),
        ];
        let published = vec!["en-US".to_owned(), "es".to_owned()];
        let skipped = vec![("fr".to_owned(), "1 check error".to_owned())];
        let out = unpublished(&removed, &published, &skipped, false);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].locale, "fr");
        assert_eq!(out[0].pages.len(), 2);
        assert_eq!(out[0].reason, "1 check error");
        let md = unpublished(&[PathBuf::from("content/fr/a.md")], &published, &[], true);
        assert_eq!(md[0].reason, "no longer a locale of the project");
    }
}
