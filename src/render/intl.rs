//! Locale data for pages, all from CLDR through ICU4X's compiled data: dates (the Fluent
//! `DATETIME` function, which fluent-rs lacks: fluent-rs#181), numbers with the locale's
//! separators and digits (every `FluentValue::Number`, so `NUMBER()` and bare `$count`
//! alike: fluent-rs#269), text direction, and language names in their own language for the
//! switcher (CLDR display names, not a hand table).

use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_locale_core::Locale;
use std::borrow::Cow;

/// The locale as ICU4X reads it; `und` for a tag it cannot parse (never happens for the
/// project's locales, which the catalog validated).
pub fn icu_locale(tag: &str) -> Locale {
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

/// A date (`YYYY-MM-DD`) written the way the locale writes dates in running text, e.g.
/// "17 de diciembre de 2024", "17. Dezember 2024", "2024年12月17日". `None` when the text
/// is not such a date or the locale has no data (the caller keeps the ISO form, which every
/// reader can read).
pub fn format_date(tag: &str, iso: &str) -> Option<String> {
    format_with(&date_formatter(tag)?, iso)
}

/// The long-date formatter of a locale: built once per locale and run, shared by every
/// bundle of that locale (constructing one loads CLDR data).
pub type DateFormatter = icu_datetime::DateTimeFormatter<icu_datetime::fieldsets::YMD>;

pub fn date_formatter(tag: &str) -> Option<DateFormatter> {
    let locale = icu_locale(tag);
    DateFormatter::try_new((&locale).into(), icu_datetime::fieldsets::YMD::long()).ok()
}

fn format_with(formatter: &DateFormatter, iso: &str) -> Option<String> {
    let mut parts = iso.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date = icu_calendar::Date::try_new_iso(year, month, day).ok()?;
    Some(formatter.format(&date).to_string())
}

/// The Fluent `DATETIME` function for a bundle, over its locale's shared formatter:
/// `DATETIME($date)` with an ISO date (a string) gives the locale's long date; anything else
/// passes through unchanged.
pub fn datetime_function(
    formatter: std::sync::Arc<Option<DateFormatter>>,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    move |positional, _named| match positional.first() {
        Some(FluentValue::String(s)) => {
            match formatter.as_ref().as_ref().and_then(|f| format_with(f, s)) {
                Some(text) => FluentValue::String(Cow::Owned(text)),
                None => FluentValue::String(s.clone()),
            }
        }
        Some(other) => other.clone(),
        None => FluentValue::Error,
    }
}

/// ICU4X's decimal formatter for the bundle's language, memoized per bundle by
/// fluent-bundle's intl memoizer (constructed once, shared by the bundle's threads).
pub struct NumberFormat(icu_decimal::DecimalFormatter);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = String;

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale = icu_locale(&lang.to_string());
        icu_decimal::DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(NumberFormat)
            .map_err(|e| e.to_string())
    }
}

impl NumberFormat {
    /// Formats a Fluent number with its fraction-digit options.
    pub fn format(&self, number: &FluentNumber) -> Option<String> {
        let options = &number.options;
        let mut text = match options.maximum_fraction_digits {
            Some(max) => format!("{:.*}", max.min(20), number.value),
            None => number.value.to_string(),
        };
        // Drop trailing fraction zeros beyond the minimum.
        if text.contains('.') {
            let min = options.minimum_fraction_digits.unwrap_or(0);
            let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
            let mut frac = frac.trim_end_matches('0').to_owned();
            while frac.len() < min {
                frac.push('0');
            }
            text = if frac.is_empty() {
                int.to_owned()
            } else {
                format!("{int}.{frac}")
            };
        } else if let Some(min) = options.minimum_fraction_digits.filter(|m| *m > 0) {
            text = format!("{text}.{}", "0".repeat(min.min(20)));
        }
        let decimal: icu_decimal::input::Decimal = text.parse().ok()?;
        Some(self.0.format(&decimal).to_string())
    }
}

/// The bundle formatter (`FluentBundle::set_formatter`): numbers in the bundle's locale.
pub fn format_value(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(number) => memoizer
            .with_try_get::<NumberFormat, _, _>((), |f| f.format(number))
            .ok()
            .flatten(),
        _ => None,
    }
}

/// The locale's name in its own language, as a language menu shows it: "Español",
/// "Deutsch", "العربية", "Español de México". The first letter is capitalized as CLDR's
/// `uiListOrMenu` context asks for in languages with case.
pub fn endonym(tag: &str) -> String {
    use icu_experimental::displaynames::{DisplayNamesOptions, multi::LocaleDisplayNamesFormatter};
    let locale = icu_locale(tag);
    let name =
        LocaleDisplayNamesFormatter::try_new((&locale).into(), DisplayNamesOptions::default())
            .map(|f| f.of(&locale).into_owned())
            .unwrap_or_else(|_| tag.to_owned());
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => tag.to_owned(),
    }
}

/// `rtl` or `ltr`, from the locale's script (unic-langid's CLDR data).
pub fn direction(tag: &str) -> &'static str {
    match tag.parse::<unic_langid::LanguageIdentifier>() {
        Ok(l) if l.character_direction() == unic_langid::CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn dates_follow_the_locale() -> TestResult {
        assert_eq!(
            format_date("en-US", "2024-12-17").ok_or("none")?,
            "December 17, 2024"
        );
        assert_eq!(
            format_date("es", "2024-12-17").ok_or("none")?,
            "17 de diciembre de 2024"
        );
        assert_eq!(
            format_date("de", "2024-12-17").ok_or("none")?,
            "17. Dezember 2024"
        );
        assert_eq!(
            format_date("zh-CN", "2024-12-17").ok_or("none")?,
            "2024年12月17日"
        );
        let arabic = format_date("ar", "2024-12-17").ok_or("none")?;
        assert!(arabic.contains("ديسمبر"), "{arabic}");
        assert_eq!(format_date("es", "17/12/2024"), None);
        assert_eq!(format_date("es", "2024-13-40"), None);
        Ok(())
    }

    #[test]
    fn numbers_use_the_locale_separators() -> TestResult {
        let memo = |tag: &str| {
            tag.parse()
                .map(intl_memoizer::concurrent::IntlLangMemoizer::new)
        };
        let n = |v: f64| FluentValue::from(v);
        assert_eq!(
            format_value(&n(1234.5), &memo("en-US")?).ok_or("none")?,
            "1,234.5"
        );
        assert_eq!(
            format_value(&n(1234.5), &memo("de")?).ok_or("none")?,
            "1.234,5"
        );
        assert_eq!(
            format_value(&n(1234.5), &memo("fr")?).ok_or("none")?,
            "1\u{202f}234,5"
        );
        assert_eq!(format_value(&n(3.0), &memo("es")?).ok_or("none")?, "3");
        assert_eq!(format_value(&FluentValue::from("x"), &memo("es")?), None);
        Ok(())
    }

    #[test]
    fn endonyms_come_from_cldr() {
        assert_eq!(endonym("es"), "Español");
        assert_eq!(endonym("de"), "Deutsch");
        assert_eq!(endonym("fr"), "Français");
        assert_eq!(endonym("ar"), "العربية");
        assert_eq!(endonym("es-MX"), "Español de México");
        assert!(endonym("zh-CN").starts_with("中文"), "{}", endonym("zh-CN"));
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("es-MX"), "ltr");
    }
}
