//! Fluent bundles and fallback chains. Each (locale, article) gets one concurrent
//! `FluentBundle` holding the article's file and the shared files (the page strings), built
//! from the locale's parsed resources (`Arc<FluentResource>`, not parsed again per bundle)
//! and shared read-only by every rendering thread. A locale's chain comes from language negotiation
//! (`fluent-langneg`): es-MX falls back to es, then to the reference.

use crate::catalog::LocaleFiles;
use fluent_bundle::bundle::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use intl_memoizer::concurrent::IntlLangMemoizer;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

pub type Bundle = FluentBundle<Arc<FluentResource>, IntlLangMemoizer>;

/// The locales a page in `locale` draws from, most wanted first, ending with the reference.
/// Negotiated by fluent-langneg's filtering over the project's locales; a locale never falls
/// back to one of its own regional variants (es does not borrow from es-MX), matching
/// `check` and `coverage`, which count es-MX's gaps as inherited from es and not the reverse.
pub fn chain(locale: &str, available: &[String], reference: &str) -> Vec<String> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    let parse = |t: &str| t.parse::<LanguageIdentifier>().ok();
    let Some(requested) = parse(locale) else {
        return vec![locale.to_owned(), reference.to_owned()];
    };
    let available: Vec<LanguageIdentifier> = available.iter().filter_map(|t| parse(t)).collect();
    let default = parse(reference);
    let negotiated = negotiate_languages(
        &[&requested],
        &available,
        default.as_ref(),
        NegotiationStrategy::Filtering,
    );
    let mut out: Vec<String> = Vec::new();
    for candidate in negotiated {
        let is_self_or_parent = candidate.language == requested.language
            && (candidate.region.is_none() || candidate.region == requested.region)
            && (candidate.script.is_none() || candidate.script == requested.script);
        let tag = candidate.to_string();
        if (is_self_or_parent || tag == reference) && !out.contains(&tag) {
            out.push(tag);
        }
    }
    if !out.iter().any(|t| t == locale) {
        out.insert(0, locale.to_owned());
    }
    if !out.iter().any(|t| t == reference) {
        out.push(reference.to_owned());
    }
    out
}

/// Bundles by (locale, article file): the reference's for the whole run, or a few locales'
/// while their pages are rendered.
pub struct Bundles {
    map: HashMap<(String, PathBuf), Bundle>,
}

impl Bundles {
    /// Builds the bundles of each of `sets` (a locale's files) for every article, in
    /// parallel.
    pub fn build(sets: &[&LocaleFiles], articles: &[PathBuf], shared: &[PathBuf]) -> Bundles {
        use rayon::prelude::*;
        let jobs: Vec<(&LocaleFiles, &PathBuf)> = sets
            .iter()
            .flat_map(|l| articles.iter().map(move |a| (*l, a)))
            .collect();
        // One date formatter per locale, shared by the locale's bundles.
        let dates: HashMap<&str, Arc<Option<super::intl::DateFormatter>>> = sets
            .par_iter()
            .map(|l| {
                (
                    l.locale.as_str(),
                    Arc::new(super::intl::date_formatter(&l.locale)),
                )
            })
            .collect();
        let map = jobs
            .into_par_iter()
            .map(|(files, article)| {
                let dates = dates
                    .get(files.locale.as_str())
                    .cloned()
                    .unwrap_or_default();
                let bundle = bundle_for(files, article, shared, dates);
                ((files.locale.clone(), article.clone()), bundle)
            })
            .collect();
        Bundles { map }
    }

    pub fn get(&self, locale: &str, article: &Path) -> Option<&Bundle> {
        self.map.get(&(locale.to_owned(), article.to_owned()))
    }
}

fn bundle_for(
    files: &LocaleFiles,
    article: &Path,
    shared: &[PathBuf],
    dates: Arc<Option<super::intl::DateFormatter>>,
) -> Bundle {
    let langid: LanguageIdentifier = files
        .locale
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_formatter(Some(super::intl::format_value));
    // Both are new names in a new bundle: adding them cannot collide.
    let _ = bundle.add_builtins();
    let _ = bundle.add_function("DATETIME", super::intl::datetime_function(dates));
    for rel in std::iter::once(article).chain(shared.iter().map(PathBuf::as_path)) {
        if let Some(file) = files.files.get(rel) {
            // A duplicate ID is reported by `check` (duplicate-id); the first one wins here.
            let _ = bundle.add_resource(file.resource());
        }
    }
    bundle
}

/// A message formatted in the first locale of the chain that has it and formats cleanly.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub text: String,
    /// Index in the chain of the locale it came from.
    pub step: usize,
}

/// A message that failed to format in a locale: reported, and the page falls back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatProblem {
    pub locale: String,
    pub article: String,
    pub message_id: String,
    pub error: String,
}

/// Formats `id` along `chain` (bundles of one article), passing over the locales whose
/// translation is `withheld`. Problems are pushed, not fatal.
pub fn resolve(
    chain: &[(&str, Option<&Bundle>)],
    withheld: &super::publish::Withheld,
    article: &str,
    id: &str,
    args: Option<&FluentArgs>,
    problems: &mut Vec<FormatProblem>,
) -> Option<Resolved> {
    for (step, (locale, bundle)) in chain.iter().enumerate() {
        let Some(bundle) = bundle else { continue };
        if withheld.holds(locale, article, id) {
            continue;
        }
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() && !text.trim().is_empty() {
            return Some(Resolved {
                text: text.into_owned(),
                step,
            });
        }
        problems.push(FormatProblem {
            locale: (*locale).to_owned(),
            article: article.to_owned(),
            message_id: id.to_owned(),
            error: if errors.is_empty() {
                "the message formats to empty text".to_owned()
            } else {
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::publish::Withheld;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn regional_locales_fall_back_to_their_language_then_the_reference() {
        let available: Vec<String> = ["ar", "de", "es", "es-MX", "fr", "zh-CN", "en-US"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            chain("es-MX", &available, "en-US"),
            ["es-MX", "es", "en-US"]
        );
        assert_eq!(chain("es", &available, "en-US"), ["es", "en-US"]);
        assert_eq!(chain("zh-CN", &available, "en-US"), ["zh-CN", "en-US"]);
        assert_eq!(chain("en-US", &available, "en-US"), ["en-US"]);
    }

    fn bundle(locale: &str, ftl: &str) -> Bundle {
        let files = LocaleFiles {
            locale: locale.to_owned(),
            paths: Default::default(),
            files: [(
                PathBuf::from("a.ftl"),
                Arc::new(crate::catalog::FtlFile::parse(
                    PathBuf::from("a.ftl"),
                    "a.ftl".to_owned(),
                    ftl.to_owned(),
                )),
            )]
            .into_iter()
            .collect(),
            unreadable: Vec::new(),
            absent_dir: None,
        };
        let dates = Arc::new(crate::render::intl::date_formatter(locale));
        bundle_for(&files, Path::new("a.ftl"), &[], dates)
    }

    fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> String {
        let mut problems = Vec::new();
        let text = resolve(
            &[("x", Some(bundle))],
            &Withheld::default(),
            "a",
            id,
            args,
            &mut problems,
        )
        .map(|r| r.text)
        .unwrap_or_default();
        assert!(problems.is_empty(), "{problems:?}");
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn number_and_datetime_follow_the_bundle_locale() {
        let ftl = "n = { NUMBER($n, maximumFractionDigits: 1) } ml\nd = { DATETIME($d) }\nbare = { $n }\n";
        let mut args = FluentArgs::new();
        args.set("n", 1234.56);
        args.set("d", "2024-12-17");
        let de = bundle("de", ftl);
        assert_eq!(format(&de, "n", Some(&args)), "1.234,6 ml");
        assert_eq!(format(&de, "bare", Some(&args)), "1.234,56");
        assert_eq!(format(&de, "d", Some(&args)), "17. Dezember 2024");
        // CLDR: Arabic without a region writes Latin digits; Egyptian Arabic, Arabic-Indic.
        let ar = bundle("ar", ftl);
        assert_eq!(format(&ar, "n", Some(&args)), "1,234.6 ml");
        let eg = bundle("ar-EG", ftl);
        assert_eq!(format(&eg, "n", Some(&args)), "١٬٢٣٤٫٦ ml");
        let en = bundle("en-US", ftl);
        assert_eq!(format(&en, "n", Some(&args)), "1,234.6 ml");
    }

    #[test]
    fn a_failing_message_falls_back_and_is_reported() -> TestResult {
        let es = bundle("es", "a = Hola { $nadie }\n");
        let en = bundle("en-US", "a = Hello\n");
        let mut problems = Vec::new();
        let r = resolve(
            &[("es", Some(&es)), ("en-US", Some(&en))],
            &Withheld::default(),
            "guide",
            "a",
            None,
            &mut problems,
        )
        .ok_or("none")?;
        assert_eq!((r.text.as_str(), r.step), ("Hello", 1));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].locale, "es");
        assert!(problems[0].error.contains("nadie"), "{:?}", problems[0]);
        Ok(())
    }
}
