//! Facts about a locale the rules need: direction, plural categories, decimal separator,
//! scripts (CLDR through ICU4X).

/// Facts about a locale the rules need.
#[derive(Debug, Clone)]
pub struct LocaleInfo {
    pub tag: String,
    pub right_to_left: bool,
    pub plural_categories: Vec<&'static str>,
    pub decimal: char,
    /// The language subtag of the project's reference locale (`en` of `en-US`).
    pub reference_language: String,
    /// The scripts the locale is written in: its CLDR likely script (ICU4X `LocaleExpander`,
    /// `ru` to `Cyrl`), Japanese as Han, Hiragana and Katakana, Korean as Hangul and Han.
    /// Empty when CLDR does not know the locale: no script findings then.
    pub scripts: Vec<icu_properties::props::Script>,
}

impl LocaleInfo {
    pub fn new(tag: &str) -> LocaleInfo {
        let langid: Option<unic_langid::LanguageIdentifier> = tag.parse().ok();
        let right_to_left = langid
            .as_ref()
            .is_some_and(|l| l.character_direction() == unic_langid::CharacterDirection::RTL);
        LocaleInfo {
            tag: tag.to_owned(),
            right_to_left,
            plural_categories: langid.map(plural_categories).unwrap_or_default(),
            decimal: crate::text::numbers::decimal_separator(tag),
            reference_language: "en".to_owned(),
            scripts: expected_scripts(tag),
        }
    }

    /// The facts with the project's reference locale (`en-US` by default).
    pub fn with_reference(mut self, reference: &str) -> LocaleInfo {
        self.reference_language = language_of(reference).to_owned();
        self
    }

    /// A regional variant of the reference language (`en-GB`, `en-CA` for an `en-US`
    /// project), whose text may rightly be identical to the reference's.
    pub fn is_reference_language(&self) -> bool {
        language_of(&self.tag).eq_ignore_ascii_case(&self.reference_language)
    }
}

/// The scripts a locale is written in (see [`LocaleInfo::scripts`]).
fn expected_scripts(tag: &str) -> Vec<icu_properties::props::Script> {
    use icu_properties::PropertyParser;
    use icu_properties::props::Script;
    let Ok(mut id) = icu_locale_core::LanguageIdentifier::try_from_str(&tag.replace('_', "-"))
    else {
        return Vec::new();
    };
    if id.script.is_none() {
        let _ = icu_locale::LocaleExpander::new_extended().maximize(&mut id);
    }
    let Some(script) = id.script else {
        return Vec::new();
    };
    match script.as_str() {
        "Jpan" => vec![Script::Han, Script::Hiragana, Script::Katakana],
        "Kore" => vec![Script::Hangul, Script::Han],
        "Hans" | "Hant" => vec![Script::Han],
        code => PropertyParser::<Script>::new()
            .get_strict(code)
            .into_iter()
            .collect(),
    }
}

/// The language subtag of a locale tag (`pt` of `pt-BR`, `sr` of `sr_Latn`).
fn language_of(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// The CLDR cardinal plural categories a language uses for whole numbers, found by sampling
/// (the plural rules crate has no list of them). Categories only fractions reach (`many` in
/// Czech) are left out: counts of doses, days and files are whole.
fn plural_categories(langid: unic_langid::LanguageIdentifier) -> Vec<&'static str> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) else {
        return Vec::new();
    };
    let mut found: Vec<PluralCategory> = Vec::new();
    let samples = (0..=200u32).map(|n| n.to_string()).chain(
        [
            "1000", "10000", "100000", "1000000", "0.5", "1.5", "2.5", "0.1", "1.1", "2.1",
        ]
        .map(str::to_owned),
    );
    for n in samples {
        if let Ok(category) = rules.select(n.as_str())
            && !found.contains(&category)
        {
            found.push(category);
        }
    }
    [
        (PluralCategory::ZERO, "zero"),
        (PluralCategory::ONE, "one"),
        (PluralCategory::TWO, "two"),
        (PluralCategory::FEW, "few"),
        (PluralCategory::MANY, "many"),
        (PluralCategory::OTHER, "other"),
    ]
    .into_iter()
    .filter(|(c, _)| found.contains(c))
    .map(|(_, name)| name)
    .collect()
}
