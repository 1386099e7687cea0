//! XLIFF 2.1 (core) and 1.2 export of a locale's messages, and import of the targets a
//! CAT tool wrote. One file per reference `.ftl` file; a unit per message value and per
//! attribute (`id` and `id.attr`); the reference comment as a note; placeables as `<ph>`,
//! `em`/`strong`/`a` as `<pc>` (2.x) or `<g>` (1.2). The codes' Fluent source is taken
//! from the reference at import, never from the file.

use super::inline::{self, Code, Piece};
use super::writeback::{self, EntryChange};
use super::{InterchangeError, escape};
use crate::catalog::{Catalog, FtlFile};
use crate::error::{Error, Result};
use crate::project::Project;
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which XLIFF version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V21,
    V12,
}

/// One unit to translate: a message's value or one attribute.
#[derive(Debug, Clone)]
struct Unit {
    id: String,
    source: String,
    target: Option<String>,
    note: String,
}

/// One exported file: its name (`<article>.<locale>.xlf`) and contents.
#[derive(Debug, Clone)]
pub struct Exported {
    pub name: String,
    pub xml: String,
}

/// The reference's units of one file, in file order, with `locale`'s translations.
fn units(reference: &FtlFile, translation: Option<&FtlFile>) -> Vec<Unit> {
    let mut out = Vec::new();
    for entry in reference.entries.iter().filter(|e| !e.is_term) {
        let source = writeback::entry_source(reference.text(), entry.offset);
        let target = translation.and_then(|t| {
            t.entry(&entry.id)
                .map(|e| writeback::entry_source(t.text(), e.offset))
        });
        if entry.value.is_some() {
            out.push(Unit {
                id: entry.id.clone(),
                source: writeback::dedent(&source.value_raw),
                target: target
                    .as_ref()
                    .map(|t| writeback::dedent(&t.value_raw))
                    .filter(|t| !t.is_empty()),
                note: source.comment.clone(),
            });
        }
        for (name, raw) in &source.attributes {
            out.push(Unit {
                id: format!("{}.{name}", entry.id),
                source: writeback::attribute_pattern(raw),
                target: target.as_ref().and_then(|t| {
                    t.attributes
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, raw)| writeback::attribute_pattern(raw))
                }),
                note: source.comment.clone(),
            });
        }
    }
    out
}

/// Whether a pattern holds a select expression, which XLIFF cannot carry as one segment.
fn has_select(codes: &[Code]) -> bool {
    codes
        .iter()
        .any(|c| matches!(c, Code::Standalone(s) if s.contains("->")))
}

/// XLIFF files for `locale`, one per reference file (only `article`'s when given: the file
/// stem, `track-marks`).
pub fn export(
    project: &Project,
    catalog: &Catalog,
    locale: &str,
    article: Option<&str>,
    version: Version,
) -> Result<Vec<Exported>> {
    let translations = catalog.locale(locale);
    let mut out = Vec::new();
    for (rel, reference) in &catalog.reference.files {
        let stem = rel.with_extension("").to_string_lossy().replace('/', "_");
        if article.is_some_and(|a| a != stem) {
            continue;
        }
        let translation = translations.and_then(|l| l.files.get(rel)).map(Arc::as_ref);
        let units = units(reference, translation);
        let original = rel.to_string_lossy();
        let xml = match version {
            Version::V21 => write_v2(&project.reference_locale, locale, &original, &units),
            Version::V12 => write_v12(&project.reference_locale, locale, &original, &units),
        };
        out.push(Exported {
            name: format!("{stem}.{locale}.xlf"),
            xml,
        });
    }
    if let Some(a) = article
        && out.is_empty()
    {
        return Err(Error::UnknownReferenceFile {
            name: a.to_owned(),
            known: catalog
                .reference
                .files
                .keys()
                .map(|r| r.with_extension("").to_string_lossy().into_owned())
                .collect(),
        });
    }
    Ok(out)
}

fn write_v2(src: &str, trg: &str, original: &str, units: &[Unit]) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(src),
        escape(trg)
    ));
    x.push_str(&format!(
        "  <file id=\"{}\" original=\"{}\">\n",
        escape(&file_id(original)),
        escape(original)
    ));
    for unit in units {
        let (pieces, codes) = inline::tokenize(&unit.source);
        let select = has_select(&codes);
        x.push_str(&format!(
            "    <unit id=\"{}\"{}>\n",
            escape(&unit.id),
            if select { " translate=\"no\"" } else { "" }
        ));
        let mut notes = Vec::new();
        if !unit.note.is_empty() {
            notes.push(("comment", unit.note.clone()));
        }
        if select {
            notes.push((
                "medloc",
                "holds a select expression (plural variants): translate it in the .ftl file"
                    .to_owned(),
            ));
        }
        if !notes.is_empty() {
            x.push_str("      <notes>\n");
            for (category, text) in notes {
                x.push_str(&format!(
                    "        <note category=\"{category}\">{}</note>\n",
                    escape(&text)
                ));
            }
            x.push_str("      </notes>\n");
        }
        let state = if unit.target.is_some() {
            "translated"
        } else {
            "initial"
        };
        x.push_str(&format!("      <segment state=\"{state}\">\n"));
        x.push_str("        <source xml:space=\"preserve\">");
        v2_content(&pieces, &codes, &mut x);
        x.push_str("</source>\n");
        if let Some(target) = &unit.target {
            let (tp, tc) = inline::tokenize(target);
            x.push_str("        <target xml:space=\"preserve\">");
            // The translation's codes are numbered as the source's when they match one.
            v2_content(&renumber(&tp, &tc, &codes), &codes, &mut x);
            x.push_str("</target>\n");
        }
        x.push_str("      </segment>\n    </unit>\n");
    }
    x.push_str("  </file>\n</xliff>\n");
    x
}

/// A translation's pieces with codes numbered as the same code of the source (by Fluent
/// source); a code the source lacks keeps an ID past the source's, so import refuses it.
fn renumber(pieces: &[Piece], codes: &[Code], source: &[Code]) -> Vec<Piece> {
    let mut used = vec![false; source.len()];
    fn find(code: &Code, source: &[Code], used: &mut [bool], next: &mut usize) -> usize {
        match (0..source.len()).find(|&i| source[i] == *code && !used[i]) {
            Some(i) => {
                used[i] = true;
                i
            }
            None => {
                *next += 1;
                *next - 1
            }
        }
    }
    fn walk(
        pieces: &[Piece],
        codes: &[Code],
        source: &[Code],
        used: &mut [bool],
        next: &mut usize,
    ) -> Vec<Piece> {
        let mut out = Vec::new();
        for piece in pieces {
            out.push(match piece {
                Piece::Text(t) => Piece::Text(t.clone()),
                Piece::Ph(i) => {
                    Piece::Ph(codes.get(*i).map_or(*i, |c| find(c, source, used, next)))
                }
                Piece::Pc(i, inner) => {
                    let id = codes.get(*i).map_or(*i, |c| find(c, source, used, next));
                    Piece::Pc(id, walk(inner, codes, source, used, next))
                }
            });
        }
        out
    }
    let mut next = source.len();
    walk(pieces, codes, source, &mut used, &mut next)
}

/// A file ID (an NMTOKEN) naming the reference file, for tools that drop `original`.
fn file_id(original: &str) -> String {
    original
        .chars()
        .map(|c| match c {
            '/' => ':',
            c if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') => c,
            _ => '_',
        })
        .collect()
}

/// The name a paired code shows in a CAT tool (`strong`, `/strong`): no `<` or `"`, which
/// some XLIFF writers put unescaped in attributes.
fn tag_name(tag: &str) -> String {
    tag.trim_matches(['<', '>'])
        .split(' ')
        .next()
        .unwrap_or("")
        .to_owned()
}

fn v2_content(pieces: &[Piece], codes: &[Code], x: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => x.push_str(&escape(t)),
            Piece::Ph(i) => {
                let shown = codes.get(*i).map_or("", |c| c.display().0);
                x.push_str(&format!(
                    "<ph id=\"{}\" disp=\"{}\" equiv=\"{}\"/>",
                    i + 1,
                    escape(shown),
                    escape(shown)
                ));
            }
            Piece::Pc(i, inner) => {
                let (open, close) = codes.get(*i).map_or(("", ""), Code::display);
                x.push_str(&format!(
                    "<pc id=\"{}\" dispStart=\"{}\" dispEnd=\"{}\" equivStart=\"\" equivEnd=\"\">",
                    i + 1,
                    escape(&tag_name(open)),
                    escape(&tag_name(close))
                ));
                v2_content(inner, codes, x);
                x.push_str("</pc>");
            }
        }
    }
}

fn write_v12(src: &str, trg: &str, original: &str, units: &[Unit]) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n");
    x.push_str(&format!(
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\">\n    <body>\n",
        escape(original),
        escape(src),
        escape(trg)
    ));
    for unit in units {
        let (pieces, codes) = inline::tokenize(&unit.source);
        let select = has_select(&codes);
        x.push_str(&format!(
            "      <trans-unit id=\"{}\" resname=\"{}\" xml:space=\"preserve\"{}>\n",
            escape(&unit.id),
            escape(&unit.id),
            if select { " translate=\"no\"" } else { "" }
        ));
        x.push_str("        <source>");
        v12_content(&pieces, &codes, &mut x);
        x.push_str("</source>\n");
        if let Some(target) = &unit.target {
            let (tp, tc) = inline::tokenize(target);
            x.push_str("        <target state=\"translated\">");
            v12_content(&renumber(&tp, &tc, &codes), &codes, &mut x);
            x.push_str("</target>\n");
        }
        if !unit.note.is_empty() {
            x.push_str(&format!(
                "        <note from=\"developer\">{}</note>\n",
                escape(&unit.note)
            ));
        }
        if select {
            x.push_str("        <note from=\"medloc\">holds a select expression (plural variants): translate it in the .ftl file</note>\n");
        }
        x.push_str("      </trans-unit>\n");
    }
    x.push_str("    </body>\n  </file>\n</xliff>\n");
    x
}

fn v12_content(pieces: &[Piece], codes: &[Code], x: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => x.push_str(&escape(t)),
            Piece::Ph(i) => {
                let shown = codes.get(*i).map_or("", |c| c.display().0);
                x.push_str(&format!("<ph id=\"{}\">{}</ph>", i + 1, escape(shown)));
            }
            Piece::Pc(i, inner) => {
                let (open, _) = codes.get(*i).map_or(("", ""), Code::display);
                let ctype = if open.starts_with("<strong") {
                    "bold"
                } else if open.starts_with("<em") {
                    "italic"
                } else {
                    "link"
                };
                x.push_str(&format!("<g id=\"{}\" ctype=\"{ctype}\">", i + 1));
                v12_content(inner, codes, x);
                x.push_str("</g>");
            }
        }
    }
}

/// A target read from an XLIFF file.
#[derive(Debug, Clone)]
pub struct ReadTarget {
    pub unit: String,
    pub pieces: Vec<Piece>,
}

/// What an XLIFF file holds: languages, and per original file its targets.
#[derive(Debug, Clone, Default)]
pub struct ReadXliff {
    pub source_language: String,
    pub target_language: String,
    pub files: Vec<(String, Vec<ReadTarget>)>,
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| {
            a.key.as_ref() == key || (!key.contains(':') && a.key.local_name().as_ref() == key)
        })
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Reads an XLIFF 1.2 or 2.x file's targets. Refuses a DOCTYPE; resolves no entity beyond
/// XML's five; a `<pc>`/`<g>` or `<ph>`/`<x>` must carry a numeric `id`.
pub fn read(path: &Path, text: &str) -> Result<ReadXliff, InterchangeError> {
    super::check_size(path, text)?;
    let xml_err = |e: &dyn std::fmt::Display| InterchangeError::Xml {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut out = ReadXliff::default();
    let mut saw_root = false;
    let mut unit: Option<String> = None;
    let mut in_target = false;
    let mut skip_depth = 0usize;
    // Content stack: the target's pieces, then one level per open `<pc>`/`<g>`.
    let mut stack: Vec<(usize, Vec<Piece>)> = Vec::new();
    let mut current_target: Option<Vec<Piece>> = None;
    let malformed = |unit: &Option<String>, message: String| InterchangeError::InlineCodes {
        path: path.to_owned(),
        unit: unit.clone().unwrap_or_default(),
        message,
    };
    loop {
        let event = reader.read_event().map_err(|e| xml_err(&e))?;
        match event {
            Event::DocType(_) => {
                return Err(InterchangeError::Doctype {
                    path: path.to_owned(),
                });
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name();
                let name = name.as_ref();
                if !saw_root {
                    saw_root = true;
                    if name != "xliff" {
                        return Err(InterchangeError::NotXliff {
                            path: path.to_owned(),
                            root: name.to_owned(),
                        });
                    }
                    out.source_language = attr(e, "srcLang").unwrap_or_default();
                    out.target_language = attr(e, "trgLang").unwrap_or_default();
                    continue;
                }
                if in_target {
                    if skip_depth > 0 {
                        if !empty {
                            skip_depth += 1;
                        }
                        continue;
                    }
                    let id = attr(e, "id");
                    let index = |id: Option<String>| -> Result<usize, InterchangeError> {
                        id.as_deref()
                            .and_then(|i| i.parse::<usize>().ok())
                            .filter(|i| *i > 0)
                            .map(|i| i - 1)
                            .ok_or_else(|| {
                                malformed(
                                    &unit,
                                    format!("inline code <{}> has no numeric id", name),
                                )
                            })
                    };
                    match name {
                        "ph" | "x" => {
                            let i = index(id)?;
                            if let Some((_, pieces)) = stack.last_mut() {
                                pieces.push(Piece::Ph(i));
                            }
                            if !empty {
                                // 1.2 `<ph>` holds the native code as text: not the target's.
                                skip_depth = 1;
                            }
                        }
                        "pc" | "g" => {
                            let i = index(id)?;
                            if empty {
                                if let Some((_, pieces)) = stack.last_mut() {
                                    pieces.push(Piece::Pc(i, Vec::new()));
                                }
                            } else {
                                stack.push((i, Vec::new()));
                            }
                        }
                        // Annotations and segment markers are transparent.
                        "mrk" | "sm" | "em" | "ignorable" => {}
                        other => {
                            return Err(malformed(
                                &unit,
                                format!(
                                    "inline element <{}> is not supported (medloc writes <ph> and <pc>/<g>); keep the codes as exported",
                                    other
                                ),
                            ));
                        }
                    }
                    continue;
                }
                match name {
                    "file" => {
                        // The npm `xliff` package drops `original`; medloc's file ID names it.
                        let original = attr(e, "original")
                            .or_else(|| attr(e, "id").map(|id| id.replace(':', "/")))
                            .unwrap_or_default();
                        if let Some(s) = attr(e, "source-language") {
                            out.source_language = s;
                        }
                        if let Some(t) = attr(e, "target-language") {
                            out.target_language = t;
                        }
                        out.files.push((original, Vec::new()));
                    }
                    "unit" | "trans-unit" => {
                        if attr(e, "translate").as_deref() == Some("no") {
                            unit = None;
                        } else {
                            unit = attr(e, "id");
                        }
                    }
                    "target" if !empty && unit.is_some() => {
                        in_target = true;
                        stack = vec![(usize::MAX, current_target.take().unwrap_or_default())];
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if in_target {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    match name {
                        "pc" | "g" => {
                            if let Some((i, inner)) = stack.pop()
                                && let Some((_, parent)) = stack.last_mut()
                            {
                                parent.push(Piece::Pc(i, inner));
                            }
                        }
                        "target" => {
                            in_target = false;
                            current_target = stack.pop().map(|(_, p)| p);
                        }
                        _ => {}
                    }
                    continue;
                }
                if matches!(name, "unit" | "trans-unit") {
                    if let (Some(id), Some(pieces)) = (unit.take(), current_target.take())
                        && let Some((_, targets)) = out.files.last_mut()
                    {
                        targets.push(ReadTarget { unit: id, pieces });
                    }
                    current_target = None;
                }
            }
            Event::Text(t) if in_target && skip_depth == 0 => {
                let text = t.xml10_content();
                if let Some((_, pieces)) = stack.last_mut() {
                    push_text(pieces, &text);
                }
            }
            Event::GeneralRef(r) if in_target && skip_depth == 0 => {
                let name = r.xml10_content();
                let resolved = crate::terminology::resolve_reference(&name);
                let Some(resolved) = resolved else {
                    return Err(xml_err(&format!(
                        "unknown entity &{name}; (medloc resolves no entity)"
                    )));
                };
                if let Some((_, pieces)) = stack.last_mut() {
                    push_text(pieces, &resolved);
                }
            }
            Event::CData(t) if in_target && skip_depth == 0 => {
                let text = t.xml10_content();
                if let Some((_, pieces)) = stack.last_mut() {
                    push_text(pieces, &text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(InterchangeError::NotXliff {
            path: path.to_owned(),
            root: String::new(),
        });
    }
    Ok(out)
}

/// `text` without its line breaks and the indentation after each. A one-line source's
/// translation is one line; tools that pretty-print XLIFF (the npm `xliff` package does,
/// despite `xml:space="preserve"`) add a break and indentation around inline codes.
fn drop_line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

/// What an import would write: per locale file (path as shown), its new text.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// (locale, file path as shown relative to the root, old text, new text, changed units)
    pub files: Vec<PlannedFile>,
}

#[derive(Debug, Clone)]
pub struct PlannedFile {
    pub locale: String,
    pub rel: PathBuf,
    pub shown: String,
    pub old: Option<String>,
    pub new: String,
    pub units: Vec<String>,
}

/// Reads the XLIFF files and works out every change, refusing a file of another project or
/// locale, an unknown unit and broken inline codes. Writes nothing.
pub fn plan_import(project: &Project, files: &[PathBuf]) -> Result<ImportPlan> {
    // locale -> rel -> (unit id -> new fluent source)
    let mut wanted: BTreeMap<String, BTreeMap<PathBuf, BTreeMap<String, String>>> = BTreeMap::new();
    let reference_catalog = Catalog::load(project, &[])?;
    for path in files {
        let text = super::read_xml(path)?;
        let read = read(path, &text)?;
        if read.source_language != project.reference_locale {
            return Err(InterchangeError::SourceLanguage {
                path: path.clone(),
                found: read.source_language,
                expected: project.reference_locale.clone(),
            }
            .into());
        }
        let locale = read.target_language.clone();
        if !project.locales.contains(&locale) {
            return Err(InterchangeError::UnknownLocale {
                path: path.clone(),
                locale,
            }
            .into());
        }
        for (original, targets) in read.files {
            let rel = PathBuf::from(&original);
            let Some(reference) = reference_catalog.reference.files.get(&rel) else {
                return Err(InterchangeError::UnknownFile {
                    path: path.clone(),
                    original,
                }
                .into());
            };
            let slot = wanted
                .entry(locale.clone())
                .or_default()
                .entry(rel.clone())
                .or_default();
            let units: HashMap<String, String> = units(reference, None)
                .into_iter()
                .map(|u| (u.id, u.source))
                .collect();
            for target in targets {
                let Some(source) = units.get(&target.unit) else {
                    return Err(InterchangeError::UnknownUnit {
                        path: path.clone(),
                        unit: target.unit,
                        original,
                    }
                    .into());
                };
                let (_, codes) = inline::tokenize(source);
                inline::validate(&target.pieces, &codes).map_err(|message| {
                    InterchangeError::InlineCodes {
                        path: path.clone(),
                        unit: target.unit.clone(),
                        message,
                    }
                })?;
                // Fluent keeps no whitespace around a value; tools that indent the
                // target's content add some.
                let mut fluent = inline::to_fluent(&target.pieces, &codes).trim().to_owned();
                if !source.contains('\n') {
                    fluent = drop_line_breaks(&fluent);
                }
                if fluent.trim().is_empty() {
                    // An empty target never removes a translation.
                    continue;
                }
                slot.insert(target.unit, fluent);
            }
        }
    }
    let mut plan = ImportPlan::default();
    for (locale, by_file) in wanted {
        let catalog = Catalog::load(project, std::slice::from_ref(&locale))?;
        let files = catalog.locale(&locale);
        for (rel, targets) in by_file {
            let Some(reference) = catalog.reference.files.get(&rel) else {
                continue;
            };
            let translation = files.and_then(|f| f.files.get(&rel));
            let shown = files
                .and_then(|f| f.shown(&rel).map(str::to_owned))
                .or_else(|| translation.map(|t| t.shown.clone()))
                .ok_or_else(|| Error::NoLocaleFile {
                    rel: rel.to_path_buf(),
                    locale: locale.to_string(),
                })?;
            let current: HashMap<String, String> = units(reference, translation.map(Arc::as_ref))
                .into_iter()
                .filter_map(|u| u.target.map(|t| (u.id, t)))
                .collect();
            let mut changes: BTreeMap<String, EntryChange> = BTreeMap::new();
            let mut changed_units = Vec::new();
            for (unit, fluent) in targets {
                if current.get(&unit) == Some(&fluent) {
                    continue;
                }
                let (id, attribute) = match unit.split_once('.') {
                    Some((id, a)) => (id.to_owned(), Some(a.to_owned())),
                    None => (unit.clone(), None),
                };
                let change = changes.entry(id).or_default();
                match attribute {
                    Some(a) => {
                        change.attributes.insert(a, fluent);
                    }
                    None => change.value = Some(fluent),
                }
                changed_units.push(unit);
            }
            if changes.is_empty() {
                continue;
            }
            let old = translation.map(|t| t.text().to_owned());
            let text = old.clone().unwrap_or_default();
            let existing: BTreeMap<String, usize> = translation
                .map(|t| t.entries.iter().map(|e| (e.id.clone(), e.offset)).collect())
                .unwrap_or_default();
            let order: Vec<String> = reference.entries.iter().map(|e| e.id.clone()).collect();
            let new = writeback::apply(&text, &existing, &changes, &order);
            let parsed = FtlFile::parse(rel.clone(), shown.clone(), new.clone());
            let junk_before = translation.map_or(0, |t| t.junk.len());
            if parsed.junk.len() > junk_before {
                return Err(InterchangeError::Malformed {
                    path: PathBuf::from(&shown),
                    message: format!(
                        "the imported targets ({}) would not parse as Fluent; nothing was written",
                        changed_units.join(", ")
                    ),
                }
                .into());
            }
            plan.files.push(PlannedFile {
                locale: locale.clone(),
                rel,
                shown,
                old,
                new,
                units: changed_units,
            });
        }
    }
    Ok(plan)
}

/// The check errors the plan would add (rule, file, message ID and text, one a line).
pub fn added_errors(project: &Project, plan: &ImportPlan) -> Result<Vec<String>> {
    let mut locales: Vec<String> = plan.files.iter().map(|f| f.locale.clone()).collect();
    locales.dedup();
    let termbase = crate::terminology::Termbase::load_project(project)?;
    let dnt = termbase.do_not_translate_names();
    let terms = crate::terminology::Terms::new(termbase, &project.reference_locale, &locales);
    let states: HashMap<String, crate::stale::LocaleState> =
        crate::stale::load_states(project, &locales)?
            .into_iter()
            .collect();
    let options = crate::check::CheckOptions {
        locales: locales.clone(),
        ..Default::default()
    };
    let key = |f: &crate::check::Finding| {
        (
            f.rule,
            f.path.clone(),
            f.message_id.clone(),
            f.attribute.clone(),
            f.text.clone(),
        )
    };
    let errors = |catalog: &Catalog| -> Result<Vec<crate::check::Finding>> {
        let report = crate::check::check(project, catalog, &states, &dnt, Some(&terms), &options)?;
        Ok(report
            .findings
            .into_iter()
            .filter(|f| {
                f.severity == crate::check::Severity::Error && f.locale != project.reference_locale
            })
            .collect())
    };
    let mut catalog = Catalog::load(project, &locales)?;
    let before: std::collections::HashSet<_> = errors(&catalog)?.iter().map(key).collect();
    for file in &plan.files {
        if let Some(locale) = catalog.locales.iter_mut().find(|l| l.locale == file.locale) {
            locale.files.insert(
                file.rel.clone(),
                Arc::new(FtlFile::parse(
                    file.rel.clone(),
                    file.shown.clone(),
                    file.new.clone(),
                )),
            );
        }
    }
    Ok(errors(&catalog)?
        .iter()
        .filter(|f| !before.contains(&key(f)))
        .map(|f| {
            format!(
                "{}:{}: {} ({}{}): {}",
                f.path,
                f.line,
                f.rule,
                f.message_id.as_deref().unwrap_or(""),
                f.attribute
                    .as_deref()
                    .map(|a| format!(".{a}"))
                    .unwrap_or_default(),
                f.text
            )
        })
        .collect())
}

/// Writes the plan's files (each atomically), after every file was read and checked.
pub fn write_plan(project: &Project, plan: &ImportPlan) -> Result<()> {
    for file in &plan.files {
        crate::fsio::write_atomic(&project.root.join(&file.shown), file.new.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn doctype_is_refused() {
        let text = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff version=\"2.1\"><file original=\"a.ftl\"><unit id=\"a\"><segment><source>x</source><target>&e;</target></segment></unit></file></xliff>";
        let err = read(Path::new("bad.xlf"), text).unwrap_err();
        assert!(matches!(err, InterchangeError::Doctype { .. }), "{err}");
    }

    #[test]
    fn reads_v2_and_v12_codes() -> TestResult {
        let v2 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en-US\" trgLang=\"es\"><file id=\"f1\" original=\"a.ftl\"><unit id=\"m\"><segment><source>s</source><target><pc id=\"1\">Hola</pc> &amp; <ph id=\"2\"/></target></segment></unit></file></xliff>";
        let read2 = read(Path::new("a.xlf"), v2)?;
        assert_eq!(read2.target_language, "es");
        let pieces = &read2.files[0].1[0].pieces;
        assert_eq!(
            pieces,
            &vec![
                Piece::Pc(0, vec![Piece::Text("Hola".into())]),
                Piece::Text(" & ".into()),
                Piece::Ph(1)
            ]
        );
        let v12 = "<xliff version=\"1.2\"><file original=\"a.ftl\" source-language=\"en-US\" target-language=\"de\"><body><trans-unit id=\"m\"><source>s</source><target><g id=\"1\">Hallo</g><ph id=\"2\">{ $n }</ph></target></trans-unit></body></file></xliff>";
        let read12 = read(Path::new("a.xlf"), v12)?;
        assert_eq!(read12.target_language, "de");
        assert_eq!(
            read12.files[0].1[0].pieces,
            vec![
                Piece::Pc(0, vec![Piece::Text("Hallo".into())]),
                Piece::Ph(1)
            ]
        );
        Ok(())
    }
}
