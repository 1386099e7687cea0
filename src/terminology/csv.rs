//! CSV glossary reader for teams that keep terms in a spreadsheet: a header
//! `term,locale,translation,status` and one row per translation of a source term. Rows with
//! the same `term` form one concept; the term itself is the preferred English form.

use super::{Concept, LanguageSection, Status, Term, Termbase};

type ParseResult<T> = std::result::Result<T, (usize, String)>;

const REFERENCE_LANG: &str = "en-US";

pub(super) fn parse(text: &str) -> ParseResult<Termbase> {
    let mut reader = ::csv::ReaderBuilder::new()
        .trim(::csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| (1, format!("cannot read the CSV header: {e}")))?
        .clone();
    let column = |name: &str| -> ParseResult<usize> {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .ok_or_else(|| (1, format!("the CSV header lacks a `{name}` column; expected term,locale,translation,status")))
    };
    let (c_term, c_locale, c_translation, c_status) = (
        column("term")?,
        column("locale")?,
        column("translation")?,
        column("status")?,
    );
    let mut termbase = Termbase::default();
    for record in reader.records() {
        let record = record.map_err(|e| {
            (
                e.position().map_or(1, |p| p.line() as usize),
                format!("malformed CSV row: {e}"),
            )
        })?;
        let line = record.position().map_or(1, |p| p.line() as usize);
        let field = |i: usize| record.get(i).unwrap_or_default().to_owned();
        let (source, locale, translation, status) = (
            field(c_term),
            field(c_locale),
            field(c_translation),
            field(c_status),
        );
        if source.is_empty() || locale.is_empty() || translation.is_empty() {
            return Err((
                line,
                "term, locale and translation must not be empty".to_owned(),
            ));
        }
        let status = Status::parse(&status).ok_or_else(|| {
            (
                line,
                format!("unknown status {status:?}: use preferred, admitted or deprecated"),
            )
        })?;
        let concept = match termbase.concepts.iter().position(|c| c.id == source) {
            Some(i) => &mut termbase.concepts[i],
            None => {
                termbase.concepts.push(Concept {
                    id: source.clone(),
                    subject: None,
                    languages: vec![section(REFERENCE_LANG, &source, Status::Preferred, line)],
                    line,
                });
                termbase.concepts.last_mut().expect("just pushed") // cannot fail: pushed above
            }
        };
        match concept.languages.iter_mut().find(|l| l.lang == locale) {
            Some(l) => l.terms.push(Term::new(&translation, status, line)),
            None => concept
                .languages
                .push(section(&locale, &translation, status, line)),
        }
    }
    Ok(termbase)
}

fn section(lang: &str, text: &str, status: Status, line: usize) -> LanguageSection {
    LanguageSection {
        lang: lang.to_owned(),
        definition: None,
        terms: vec![Term::new(text, status, line)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn rows_group_into_concepts() -> TestResult {
        let tb = parse(
            "term,locale,translation,status\nabscess,es,absceso,preferred\nabscess,fr,abcès,preferred\naddict,es,adicto,deprecated\n",
        ).map_err(|(line, m)| format!("{line}: {m}"))?;
        assert_eq!(tb.concepts.len(), 2);
        assert_eq!(tb.concepts[0].languages.len(), 3);
        assert_eq!(
            tb.concepts[1].language("es").ok_or("none")?.terms[0].status,
            Status::Deprecated
        );
        Ok(())
    }

    #[test]
    fn bad_rows_name_their_line() {
        let err = parse(
            "term,locale,translation,status\nabscess,es,absceso,preferred\nx,es,y,sometimes\n",
        )
        .unwrap_err();
        assert_eq!(err.0, 3);
        let err = parse("term,locale,translation\n").unwrap_err();
        assert!(err.1.contains("status"));
    }
}
