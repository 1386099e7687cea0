//! TBX-Basic reader (ISO 30042): TBX v3 (`<tbx>`, `conceptEntry`, `langSec`, `termSec`) and
//! v2 (`<martif>`, `termEntry`, `langSet`, `tig`/`ntig`). Reads concepts, language sections,
//! terms, `administrativeStatus`, `partOfSpeech`, definitions, notes, `admin type="source"`,
//! and the `do-not-translate` marker (a `<note>do-not-translate</note>` or a
//! `termNote type="transferComment"` of `doNotTranslate`/`do not translate`).

use super::{Concept, LanguageSection, Status, Term, Termbase};
use crate::error::line_of;
use quick_xml::events::Event;

type ParseResult<T> = std::result::Result<T, (usize, String)>;

#[derive(Default)]
struct TermDraft {
    text: String,
    status: Option<String>,
    part_of_speech: Option<String>,
    do_not_translate: bool,
    note: Option<String>,
    source: Option<String>,
    line: usize,
}

/// What the text being read belongs to.
#[derive(Clone, Copy, PartialEq, Default)]
enum Field {
    #[default]
    None,
    Term,
    Status,
    PartOfSpeech,
    TransferComment,
    Definition,
    Subject,
    Note,
    Source,
}

/// The reader's position in the termbase: what is open, what field the text belongs to.
#[derive(Default)]
struct State {
    termbase: Termbase,
    concept: Option<Concept>,
    section: Option<LanguageSection>,
    term: Option<TermDraft>,
    field: Field,
    buf: String,
    saw_root: bool,
}

pub(super) fn parse(text: &str) -> ParseResult<Termbase> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut state = State::default();
    // Events arrive in order, so lines are counted incrementally (not from the start).
    let (mut counted_to, mut counted_line) = (0usize, 1usize);
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            (
                line_of(text, reader.error_position() as usize),
                format!("malformed XML: {e}; fix the markup at this line"),
            )
        })?;
        let at = at.min(text.len());
        counted_line += text.as_bytes()[counted_to..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = at;
        let line = counted_line;
        let field = state.field;
        match event {
            Event::Start(e) | Event::Empty(e) => state.start(&e, line)?,
            Event::Text(t) if field != Field::None => state.buf.push_str(&t.xml10_content()),
            Event::CData(t) if field != Field::None => state.buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if field != Field::None => {
                let name = r.xml10_content();
                match resolve_reference(&name) {
                    Some(s) => state.buf.push_str(&s),
                    None => return Err((line, format!("unknown entity &{name};"))),
                }
            }
            Event::End(e) => state.end(e.local_name().as_ref())?,
            Event::Eof => break,
            _ => {}
        }
    }
    if !state.saw_root {
        return Err((
            1,
            "not a TBX file: the root element must be <tbx> (TBX v3) or <martif> (TBX v2)"
                .to_owned(),
        ));
    }
    Ok(state.termbase)
}

impl State {
    /// An element opens: a concept, a language section, a term, or a field of one.
    fn start(&mut self, e: &quick_xml::events::BytesStart<'_>, line: usize) -> ParseResult<()> {
        let name = e.local_name();
        let attr = |key: &str| -> Option<String> {
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)
                .and_then(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned())
                })
        };
        match name.as_ref() {
            "tbx" | "martif" => self.saw_root = true,
            "conceptEntry" | "termEntry" => {
                self.concept = Some(Concept {
                    id: attr("id").unwrap_or_else(|| format!("line-{line}")),
                    line,
                    ..Concept::default()
                });
            }
            "langSec" | "langSet" => {
                let Some(lang) = attr("xml:lang").or_else(|| attr("lang")) else {
                    return Err((
                        line,
                        format!("<{}> without xml:lang: add the language tag", name.as_ref()),
                    ));
                };
                if self.concept.is_none() {
                    return Err((line, "language section outside a concept entry".to_owned()));
                }
                self.section = Some(LanguageSection {
                    lang,
                    ..LanguageSection::default()
                });
            }
            "termSec" | "tig" | "ntig" => {
                if self.section.is_none() {
                    return Err((line, "term outside a language section".to_owned()));
                }
                self.term = Some(TermDraft {
                    line,
                    ..TermDraft::default()
                });
            }
            "term" => self.field = Field::Term,
            "termNote" => {
                self.field = match attr("type").as_deref() {
                    Some("administrativeStatus") => Field::Status,
                    Some("partOfSpeech") => Field::PartOfSpeech,
                    Some("transferComment") => Field::TransferComment,
                    _ => Field::None,
                }
            }
            "descrip" => {
                self.field = match attr("type").as_deref() {
                    Some("definition") => Field::Definition,
                    Some("subjectField") => Field::Subject,
                    _ => Field::None,
                }
            }
            "admin" => {
                self.field = if attr("type").as_deref() == Some("source") {
                    Field::Source
                } else {
                    Field::None
                }
            }
            "note" => self.field = Field::Note,
            _ => {}
        }
        self.buf.clear();
        Ok(())
    }

    /// An element closes: its text goes to the field it belongs to, a finished term to its
    /// section, a section to its concept, a concept to the termbase.
    fn end(&mut self, name: &str) -> ParseResult<()> {
        match name {
            "term" | "termNote" | "descrip" | "admin" | "note" => {
                let value = normalize_space(&self.buf);
                self.close_field(value);
            }
            "termSec" | "tig" | "ntig" => {
                let Some(draft) = self.term.take() else {
                    return Ok(());
                };
                let term = finish_term(draft)?;
                if let Some(s) = self.section.as_mut() {
                    s.terms.push(term);
                }
            }
            "langSec" | "langSet" => {
                if let (Some(s), Some(c)) = (self.section.take(), self.concept.as_mut()) {
                    c.languages.push(s);
                }
            }
            "conceptEntry" | "termEntry" => {
                if let Some(c) = self.concept.take() {
                    self.termbase.concepts.push(c);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The text of a closed field, stored in the innermost open term, section or concept.
    fn close_field(&mut self, value: String) {
        let field = std::mem::replace(&mut self.field, Field::None);
        if let Some(t) = self.term.as_mut() {
            match field {
                Field::Term => t.text = value,
                Field::Status => t.status = Some(value),
                Field::PartOfSpeech => t.part_of_speech = Some(value),
                Field::TransferComment | Field::Note if is_do_not_translate(&value) => {
                    t.do_not_translate = true
                }
                Field::Note => t.note = Some(value),
                Field::Source => t.source = Some(value),
                _ => {}
            }
        } else if let Some(s) = self.section.as_mut() {
            if field == Field::Definition {
                s.definition = Some(value);
            }
        } else if let Some(c) = self.concept.as_mut()
            && field == Field::Subject
        {
            c.subject = Some(value);
        }
    }
}

/// A term as read, checked: a known status and a text.
fn finish_term(draft: TermDraft) -> ParseResult<Term> {
    let status = match draft.status.as_deref() {
        Some(s) => Status::parse(s).ok_or_else(|| {
            (draft.line, format!("unknown administrativeStatus {s:?}: use preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts"))
        })?,
        None => {
            return Err((draft.line, format!("term {:?} has no administrativeStatus: add <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote> (or admitted/deprecated)", draft.text)));
        }
    };
    if draft.text.is_empty() {
        return Err((draft.line, "empty <term>".to_owned()));
    }
    Ok(Term {
        text: draft.text,
        status,
        part_of_speech: draft.part_of_speech,
        do_not_translate: draft.do_not_translate,
        note: draft.note,
        source: draft.source,
        line: draft.line,
    })
}

fn is_do_not_translate(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    v == "donottranslate"
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An XML reference's text (`&#x41;`, `&amp;`: `name` between `&` and `;`): a character
/// reference or one of XML's five predefined entities; `None` for any other entity, which
/// is never resolved.
pub(crate) fn resolve_reference(name: &str) -> Option<String> {
    match name.strip_prefix('#') {
        Some(num) => {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.and_then(char::from_u32).map(String::from)
        }
        None => quick_xml::escape::resolve_predefined_entity(name).map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    const V3: &str = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic" xml:lang="en-US" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><descrip type="subjectField">infections</descrip>
 <langSec xml:lang="en-US"><descrip type="definition">Heart &amp; valves.</descrip>
  <termSec><term>endocarditis</term><termNote type="partOfSpeech">noun</termNote>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
 <langSec xml:lang="es"><termSec><term>endocarditis</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="c2"><langSec xml:lang="en-US">
  <termSec><term>SAMHSA</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><note>do-not-translate</note></termSec>
  <termSec><term>junkie</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>stigmatizing</note></termSec>
</langSec></conceptEntry></body></text></tbx>"#;

    #[test]
    fn reads_tbx_v3() -> TestResult {
        let tb = parse(V3).map_err(|(line, m)| format!("{line}: {m}"))?;
        assert_eq!(tb.concepts.len(), 2);
        let c1 = &tb.concepts[0];
        assert_eq!(c1.subject.as_deref(), Some("infections"));
        let en = c1.language("en-US").ok_or("none")?;
        assert_eq!(en.definition.as_deref(), Some("Heart & valves."));
        assert_eq!(en.terms[0].text, "endocarditis");
        assert_eq!(en.terms[0].part_of_speech.as_deref(), Some("noun"));
        assert_eq!(en.terms[0].line, 5);
        assert!(c1.language_or_parent("es-MX").is_some());
        let c2 = tb.concepts[1].language("en-US").ok_or("none")?;
        assert!(c2.terms[0].do_not_translate);
        assert_eq!(c2.terms[1].status, Status::Deprecated);
        assert_eq!(c2.terms[1].note.as_deref(), Some("stigmatizing"));
        Ok(())
    }

    #[test]
    fn reads_tbx_v2() -> TestResult {
        let v2 = r#"<martif type="TBX"><text><body><termEntry id="t1"><langSet xml:lang="fr">
<tig><term>VIH</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>"#;
        let tb = parse(v2).map_err(|(line, m)| format!("{line}: {m}"))?;
        assert_eq!(
            tb.concepts[0].languages[0].terms[0].status,
            Status::Admitted
        );
        Ok(())
    }

    #[test]
    fn malformed_xml_names_the_line() {
        let err = parse("<tbx>\n<text>\n<body></text></tbx>").unwrap_err();
        assert_eq!(err.0, 3, "{err:?}");
        assert!(err.1.contains("malformed XML"));
    }

    #[test]
    fn missing_status_names_the_term_line() {
        let bad = "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\">\n<termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>";
        let err = parse(bad).unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("no administrativeStatus"));
    }

    /// A DTD is skipped unread: an external entity (XXE) or a nested internal one ("billion
    /// laughs") it declares is never fetched or expanded; using one stops the load.
    #[test]
    fn doctype_entities_are_never_expanded() -> TestResult {
        let doc = |lang: &str, term: &str| {
            format!(
                r#"<?xml version="1.0"?>
<!DOCTYPE tbx [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<tbx><text><body><conceptEntry id="c"><langSec xml:lang="{lang}"><termSec><term>{term}</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry></body></text></tbx>"#
            )
        };
        // Declaring entities without using them is harmless: the file loads.
        let tb = parse(&doc("en", "abscess")).map_err(|(line, m)| format!("{line}: {m}"))?;
        assert_eq!(tb.concepts[0].languages[0].terms[0].text, "abscess");
        for entity in ["xxe", "lol", "lol2"] {
            let err = parse(&doc("en", &format!("a &{entity}; b"))).unwrap_err();
            assert_eq!(err, (7, format!("unknown entity &{entity};")));
        }
        // In an attribute, the value is unusable, so the attribute counts as absent.
        let err = parse(&doc("&xxe;", "abscess")).unwrap_err();
        assert_eq!(err.0, 7);
        assert!(err.1.contains("without xml:lang"), "{err:?}");
        // Predefined entities and character references are resolved.
        let tb = parse(&doc("en", "A &amp; B &#233;&#x00E9;"))
            .map_err(|(line, m)| format!("{line}: {m}"))?;
        assert_eq!(tb.concepts[0].languages[0].terms[0].text, "A & B éé");
        Ok(())
    }

    #[test]
    fn not_tbx_is_refused() {
        assert!(
            parse("<html></html>")
                .unwrap_err()
                .1
                .contains("not a TBX file")
        );
    }
}
