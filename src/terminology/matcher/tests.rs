use super::arabic::arabic_stem;
use super::words::{WORD_CACHE_LANGUAGES, WORDS};
use super::*;
use crate::terminology::{Concept, LanguageSection, Term};
use std::path::PathBuf;

/// A termbase of one language: each concept is a list of (term, status).
fn termbase(lang: &str, concepts: &[&[(&str, Status)]]) -> Termbase {
    Termbase {
        concepts: concepts
            .iter()
            .enumerate()
            .map(|(i, terms)| Concept {
                id: format!("c{i}"),
                languages: vec![section(lang, terms)],
                ..Concept::default()
            })
            .collect(),
    }
}

fn section(lang: &str, terms: &[(&str, Status)]) -> LanguageSection {
    LanguageSection {
        lang: lang.to_owned(),
        definition: None,
        terms: terms
            .iter()
            .map(|&(text, status)| Term::new(text, status, 0))
            .collect(),
    }
}

const P: Status = Status::Preferred;
const D: Status = Status::Deprecated;

/// (matched text, concept) of each match, checking that ranges are sorted and disjoint.
fn found<'a>(matcher: &Matcher, text: &'a str) -> Vec<(&'a str, usize)> {
    let matches = matcher.find(text);
    for pair in matches.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "overlap or unsorted: {matches:?}"
        );
    }
    matches
        .iter()
        .map(|m| (&text[m.start..m.end], m.term.concept))
        .collect()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn real_termbase() -> Termbase {
    let path = root().join("locales/terminology.tbx");
    // cannot fail: the repository's own termbase, which every check of the shipped
    // project loads; were it broken, failing here is right.
    Termbase::load(&path, &path).expect("the shipped termbase loads")
}

fn concept(termbase: &Termbase, id: &str) -> usize {
    termbase
        .concepts
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("no concept {id}"))
}

/// The messages of a shipped file: lines `id = text`.
fn messages(locale: &str) -> Vec<(String, String)> {
    let path = root().join(format!("locales/{locale}/track-marks.ftl"));
    // cannot fail: a shipped file of the repository (build.rs parses each one).
    let text = std::fs::read_to_string(&path).expect("the shipped .ftl file reads");
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(id, text)| (id.trim().to_owned(), text.to_owned()))
        .collect()
}

fn message(locale: &str, id: &str) -> String {
    messages(locale)
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("no message {id} in {locale}"))
        .1
}

#[test]
fn spanish_plurals_match_and_word_order_matters() {
    let tb = termbase("es", &[&[("absceso", P)], &[("vena colapsada", P)]]);
    let m = Matcher::new(&tb, "es");
    assert_eq!(found(&m, "Se formaron abscesos."), [("abscesos", 0)]);
    assert_eq!(
        found(&m, "Tenía venas colapsadas en el brazo."),
        [("venas colapsadas", 1)]
    );
    assert_eq!(found(&m, "Una colapsada vena."), []);
    assert_eq!(
        found(&m, "La vena. Colapsada, dijo."),
        [],
        "not across sentences"
    );
}

#[test]
fn english_inflections_match_but_not_derivations() {
    let tb = termbase("en", &[&[("collapsed vein", P)], &[("addict", D)]]);
    let m = Matcher::new(&tb, "en-US");
    assert_eq!(found(&m, "Collapsed veins."), [("Collapsed veins", 0)]);
    assert_eq!(
        found(&m, "Two addicts, one addict’s needle."),
        [("addicts", 1), ("addict’s", 1)]
    );
    // Snowball stems "addiction" to "addict" too; the inflection guard undoes that.
    assert_eq!(found(&m, "Addiction is treatable."), []);
    assert_eq!(
        found(&m, "An addicted person."),
        [("addicted", 1)],
        "-ed is inflection"
    );

    // With both terms, each form goes to its own concept.
    let tb = termbase("en", &[&[("addict", D)], &[("addiction", P)]]);
    let m = Matcher::new(&tb, "en");
    assert_eq!(
        found(&m, "addiction, addictions, addict, addicts"),
        [
            ("addiction", 1),
            ("addictions", 1),
            ("addict", 0),
            ("addicts", 0)
        ]
    );
}

#[test]
fn french_accents_plurals_and_elisions() {
    let tb = termbase(
        "fr",
        &[
            &[("abcès", P)],
            &[("endocardite", P)],
            &[("drogué", D), ("droguée", D)],
        ],
    );
    let m = Matcher::new(&tb, "fr");
    assert_eq!(
        found(&m, "Un abcès, deux abcès."),
        [("abcès", 0), ("abcès", 0)]
    );
    assert_eq!(found(&m, "Les endocardites."), [("endocardites", 1)]);
    assert_eq!(
        found(&m, "L’endocardite et l'endocardite"),
        [("endocardite", 1), ("endocardite", 1)]
    );
    // The stemmer gives "drogu" for drogue, drogues and drogué: the accent keeps them apart.
    assert_eq!(found(&m, "Les drogues et la drogue."), []);
    assert_eq!(
        found(&m, "Un drogué, des droguées."),
        [("drogué", 2), ("droguées", 2)]
    );
}

#[test]
fn german_compounds_and_plurals() {
    let tb = termbase(
        "de",
        &[
            &[("Entzündung", P)],
            &[("Abszess", P)],
            &[("Laster", D)],
            &[("Nadel", P)],
        ],
    );
    let m = Matcher::new(&tb, "de");
    assert_eq!(
        found(&m, "Eine Herzklappenentzündung und eine Entzündung."),
        [("Herzklappenentzündung", 0), ("Entzündung", 0)]
    );
    assert_eq!(
        found(&m, "Mehrere Abszesse, zwei Abszessen."),
        [("Abszesse", 1), ("Abszessen", 1)]
    );
    // Snowball leaves "Nadeln" as "nadeln": the surface form still matches.
    assert_eq!(
        found(&m, "Nadeln und Injektionsnadeln."),
        [("Nadeln", 3), ("Injektionsnadeln", 3)]
    );
    // Same stem ending, but "ung" is not an inflection of "Laster", and "be" is no
    // compound modifier.
    assert_eq!(found(&m, "Die Belastung und die Überlastung."), []);
    let tb = termbase("de", &[&[("Vene", P)], &[("Wunde", P)]]);
    let m = Matcher::new(&tb, "de");
    assert_eq!(
        found(&m, "Venen, Nerven, Kurven, intravenös, venös"),
        [("Venen", 0)]
    );
    assert_eq!(found(&m, "Wunden und Muskelschwund"), [("Wunden", 1)]);
}

#[test]
fn chinese_matches_substrings_and_latin_terms_at_word_edges() {
    let tb = termbase(
        "zh-CN",
        &[&[("心内膜炎", P)], &[("HIV", P)], &[("针痕", P)]],
    );
    let m = Matcher::new(&tb, "zh-CN");
    let text = "注射毒品的人容易患上心内膜炎等严重感染。";
    assert_eq!(found(&m, text), [("心内膜炎", 0)]);
    assert_eq!(
        found(&m, "HIV感染和<strong>针痕</strong>"),
        [("HIV", 1), ("针痕", 2)]
    );
    assert_eq!(found(&m, "见 archive 页面"), [], "not inside a Latin word");
}

#[test]
fn arabic_terms_match_with_attached_prefixes_in_real_messages() {
    let tb = real_termbase();
    let m = Matcher::new(&tb, "ar");
    // يمكن أن يؤدي حقن المخدرات إلى ... والخراجات وتجلط الدم وفشل الأعضاء.
    let text = message("ar", "key-takeaways-item-2");
    let matches = found(&m, &text);
    for (form, id) in [
        ("والخراجات", "c-abscess"),
        ("وتجلط الدم", "c-blood-clot"),
        ("وفشل الأعضاء", "c-organ-failure"),
        ("العدوى", "c-infection"),
    ] {
        assert!(
            matches.contains(&(form, concept(&tb, id))),
            "{form} ({id}) in {matches:?}"
        );
    }
    let heading = message("ar", "common-locations-of-track-marks-heading");
    assert!(found(&m, &heading).contains(&("لآثار الحقن", concept(&tb, "c-track-marks"))));
    let endocarditis = concept(&tb, "c-endocarditis");
    assert_eq!(
        m.concepts(&message("ar", "infections-item-5")),
        [endocarditis]
    );
    assert_eq!(
        found(&m, "الحمى والتهاب الشغاف"),
        [("والتهاب الشغاف", endocarditis)]
    );
    // A root letter that looks like a prefix stays: بتر (amputation), وريد (vein).
    let amputation = concept(&tb, "c-amputation");
    let vein = concept(&tb, "c-vein");
    assert_eq!(
        found(&m, "بتر ثم وبتر الأطراف؛ الوريد"),
        [
            ("بتر", amputation),
            ("وبتر الأطراف", amputation),
            ("الوريد", vein)
        ]
    );
}

#[test]
fn markup_placeables_and_urls_are_not_matched() {
    let tb = termbase("en", &[&[("abscess", P)]]);
    let m = Matcher::new(&tb, "en");
    assert_eq!(
        found(&m, r#"Read <a data-l10n-name="abscess">this guide</a>."#),
        []
    );
    let text = r#"An <em>abscess</em> can <a data-l10n-name="abscess">form</a>, abscesses too."#;
    assert_eq!(found(&m, text), [("abscess", 0), ("abscesses", 0)]);
    assert_eq!(
        found(
            &m,
            "See https://example.org/abscess-care or www.abscess.org."
        ),
        []
    );
    assert_eq!(found(&m, "Write to abscess@example.org about it."), []);
    assert_eq!(found(&m, r#"Cited: { "Abscess" } and { $abscess }."#), []);
    assert_eq!(found(&m, r#"{ "{" } abscess { "}" }"#), [("abscess", 0)]);
    assert_eq!(found(&m, "a < abscess > b"), [("abscess", 0)], "not a tag");
    assert_eq!(
        found(&m, "<em abscess {abscess"),
        [("abscess", 0), ("abscess", 0)]
    );
    assert_eq!(found(&m, ""), []);
}

#[test]
fn case_folding_and_unicode_normalization() {
    let tb = termbase("en", &[&[("HIV", P)]]);
    let m = Matcher::new(&tb, "en");
    assert_eq!(found(&m, "hiv and Hiv"), [("hiv", 0), ("Hiv", 0)]);

    let tb = termbase(
        "fr",
        &[&[("hépatite", P)], &[("bacte\u{301}rie\u{301}mie", P)]],
    );
    let m = Matcher::new(&tb, "fr");
    let decomposed = "une he\u{301}patite";
    assert_eq!(found(&m, decomposed), [("he\u{301}patite", 0)]);
    assert_eq!(found(&m, "une bactériémie"), [("bactériémie", 1)]);
    assert_eq!(found(&m, "HÉPATITE"), [("HÉPATITE", 0)]);
}

#[test]
fn byte_ranges_are_those_of_the_original_text() {
    let tb = termbase("en", &[&[("abscess", P)], &[("kidney failure", P)]]);
    let m = Matcher::new(&tb, "en");
    // İ lowercases to two characters, the Kelvin sign K (3 bytes) is K (1 byte) in NFC.
    let text = "İİ ßé <b>ABSCESS</b> \u{212A}IDNEY FAILURE, İİ abscesses";
    let matches = m.find(text);
    let texts: Vec<&str> = matches.iter().map(|x| &text[x.start..x.end]).collect();
    assert_eq!(texts, ["ABSCESS", "\u{212A}IDNEY FAILURE", "abscesses"]);

    let tb = termbase("zh", &[&[("心内膜炎", P)]]);
    let m = Matcher::new(&tb, "zh");
    let text = "Ä  \t心内膜炎";
    let x = m.find(text)[0];
    assert_eq!(&text[x.start..x.end], "心内膜炎");
}

#[test]
fn leftmost_longest_without_overlap() {
    let tb = termbase(
        "en",
        &[
            &[("injection drug use", P)],
            &[("drug use", P)],
            &[("drug", P)],
        ],
    );
    let m = Matcher::new(&tb, "en");
    assert_eq!(
        found(&m, "Injection drug use and drug use; drugs."),
        [("Injection drug use", 0), ("drug use", 1), ("drugs", 2)]
    );
    assert_eq!(
        m.concepts("drug use, drug use and injection drug use"),
        [0, 1]
    );
}

#[test]
fn a_span_matching_terms_of_several_concepts_counts_for_each() {
    let tb = real_termbase();
    let m = Matcher::new(&tb, "fr");
    let (sore, wound) = (concept(&tb, "c-sore"), concept(&tb, "c-wound"));
    assert_eq!(m.concepts("des plaies"), [sore, wound]);
    assert_eq!(m.find("des plaies").len(), 1);
    let all: Vec<usize> = m
        .find_all("des plaies")
        .iter()
        .map(|x| x.term.concept)
        .collect();
    assert_eq!(
        all,
        [sore, wound],
        "find_all keeps every concept of the span"
    );
}

#[test]
fn forms_of_one_term_are_not_different_wordings() {
    let tb = termbase("es", &[]);
    let es = Matcher::new(&tb, "es");
    assert!(es.same_form("cicatriz", "cicatrices"));
    assert!(es.same_form("herida por punción", "heridas por punción"));
    assert!(es.same_form("Toallita con alcohol", "toallitas con alcohol"));
    assert!(!es.same_form("consumo de sustancias", "consumo de drogas"));
    assert!(!es.same_form("aguja estéril", "agujas nuevas y estériles"));
    let en = Matcher::new(&tb, "en-US");
    assert!(en.same_form("bruise", "bruises"));
    assert!(
        !en.same_form("scar", "scarring"),
        "a derivation is another wording"
    );
    let de = Matcher::new(&tb, "de");
    assert!(de.same_form("Einstichspur", "Einstichspuren"));
    assert!(!de.same_form("Einstichspur", "Injektionsstelle"));
    let ar = Matcher::new(&tb, "ar");
    assert!(ar.same_form("موضع الحقن", "مواضع الحقن"), "broken plural");
    assert!(!ar.same_form("آثار الحقن", "موضع الحقن"));
    let zh = Matcher::new(&tb, "zh-CN");
    assert!(zh.same_form("针痕", "针痕"));
    assert!(!zh.same_form("针痕", "注射部位"));
}

#[test]
fn regional_locale_uses_its_own_section_then_the_parent() {
    let tb = real_termbase();
    let m = Matcher::new(&tb, "es-MX");
    let (bruise, abscess) = (concept(&tb, "c-bruise"), concept(&tb, "c-abscess"));
    assert_eq!(m.concepts("Moretones y abscesos"), [bruise, abscess]);
    let text = message("es-MX", "key-takeaways-image-alt-1");
    assert!(m.concepts(&text).contains(&bruise), "{text}");
    // es-MX has its own section for "bruise": the es term is not an es-MX term.
    assert!(m.concepts("un hematoma").is_empty());
    let m = Matcher::new(&tb, "es");
    assert_eq!(m.concepts("un hematoma"), [bruise]);
}

#[test]
fn real_endocarditis_messages_match_in_english_and_spanish() {
    let tb = real_termbase();
    let endocarditis = concept(&tb, "c-endocarditis");
    let en = Matcher::new(&tb, "en-US");
    let es = Matcher::new(&tb, "es");
    let spanish: HashMap<String, String> = messages("es").into_iter().collect();
    let mut checked = 0;
    for (id, text) in messages("en-US") {
        if !text.to_lowercase().contains("endocarditis") {
            continue;
        }
        assert!(
            en.concepts(&text).contains(&endocarditis),
            "en {id}: {text}"
        );
        let translation = spanish.get(&id).unwrap_or_else(|| panic!("es lacks {id}"));
        assert!(
            es.concepts(translation).contains(&endocarditis),
            "es {id}: {translation}"
        );
        checked += 1;
    }
    assert!(checked > 0, "the English file mentions endocarditis");
    // The same message in every shipped locale.
    for locale in ["fr", "de", "zh-CN", "ar"] {
        let m = Matcher::new(&tb, locale);
        let text = message(locale, "infections-item-5");
        assert_eq!(m.concepts(&text), [endocarditis], "{locale}: {text}");
    }
}

#[test]
fn every_shipped_message_gives_valid_ranges() {
    let tb = real_termbase();
    let track_marks = concept(&tb, "c-track-marks");
    for locale in ["en-US", "es", "es-MX", "fr", "de", "zh-CN", "ar"] {
        let m = Matcher::new(&tb, locale);
        for (id, text) in messages(locale) {
            for x in m.find(&text) {
                assert!(
                    x.start < x.end && text.get(x.start..x.end).is_some(),
                    "{locale} {id}"
                );
            }
            let _ = found(&m, &text);
        }
        if locale != "es-MX" {
            let title = message(locale, "title");
            assert!(
                m.concepts(&title).contains(&track_marks),
                "{locale}: {title}"
            );
        }
    }
}

/// Matchers of the same small termbase for each kind of language.
fn fuzz_matchers() -> &'static [Matcher] {
    static MATCHERS: std::sync::LazyLock<Vec<Matcher>> = std::sync::LazyLock::new(|| {
        let terms: &[&[(&str, Status)]] = &[
            &[("abscess", P), ("vein", P), ("Abszess", P), ("心内膜炎", P)],
            &[("التهاب الشغاف", P), ("Entzündung", P)],
        ];
        ["en", "de", "fr", "zh", "ar", "xx"]
            .iter()
            .map(|locale| Matcher::new(&termbase(locale, terms), locale))
            .collect()
    });
    &MATCHERS
}

proptest::proptest! {
    /// Any text: no panic, and ranges on char boundaries, sorted and disjoint.
    #[test]
    fn any_text_gives_valid_ranges(
        text in "(abscess|Abszess|Herzentzündungen|vein|veins|é|e\u{301}|İ|ß|<em>|</em>|<a x=\"|\"|>|\\{|\\}|http://|@|\\.| |\n|心内膜炎|والخراجات|ال|[a-zA-Z]{1,3}|\\PC){0,24}"
    ) {
        for m in fuzz_matchers() {
            let mut last = 0;
            for x in m.find(&text) {
                proptest::prop_assert!(x.start >= last && x.start < x.end);
                proptest::prop_assert!(text.get(x.start..x.end).is_some());
                last = x.end;
            }
        }
    }
}

#[test]
fn the_word_cache_stays_bounded_when_matchers_are_compiled_again_and_again() {
    let tb = termbase("es", &[&[("herida", Status::Preferred)]]);
    for _ in 0..3 * WORD_CACHE_LANGUAGES {
        let matcher = Matcher::new(&tb, "es");
        assert_eq!(found(&matcher, "una herida"), [("herida", 0)]);
    }
    let languages = WORDS.with(|cache| cache.borrow().len());
    assert!(
        languages <= WORD_CACHE_LANGUAGES,
        "{languages} languages cached"
    );
}

#[test]
fn matcher_is_send_and_sync() {
    fn shared<T: Send + Sync>() {}
    shared::<Matcher>();
}

#[test]
fn arabic_light_stemmer() {
    assert_eq!(arabic_stem("الخراجات"), arabic_stem("خراج"));
    assert_eq!(arabic_stem("والخراجات"), arabic_stem("خراج"));
    assert_eq!(arabic_stem("الالتهاب"), arabic_stem("التهاب"));
    assert_eq!(arabic_stem("الأوردة"), arabic_stem("أوردة"));
    assert_eq!(arabic_stem("الوريد"), arabic_stem("وريد"));
    assert_ne!(arabic_stem("وريد"), arabic_stem("ريد"));
}

#[test]
fn inflection_guard() {
    assert!(inflection_distance("vein", "veins").is_some());
    assert!(inflection_distance("cicatriz", "cicatrices").is_some());
    assert!(inflection_distance("lesión", "lesiones").is_some());
    assert!(inflection_distance("venenschaden", "venenschäden").is_some());
    assert!(inflection_distance("addict", "addiction").is_none());
    assert!(inflection_distance("drogué", "drogues").is_none());
    assert!(inflection_distance("droguée", "drogues").is_none());
}
