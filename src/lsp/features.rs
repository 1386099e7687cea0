//! The requests: hover, completion, code actions, definition and document symbols, each
//! answered from the open buffer and the loaded [`Session`]. A request for a file the
//! client never opened gets an empty answer (`null`), never a read of the disk.

use super::text::Encoding;
use super::{Document, Server};
use crate::catalog::{Entry, FtlFile};
use crate::check::{FileRole, Session};
use crate::terminology::Status;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CompletionItem, CompletionItemKind,
    DocumentSymbol, GotoDefinitionResponse, Hover, HoverContents, Location, MarkupContent,
    MarkupKind, Position, Range, SymbolKind, TextEdit, Url, WorkspaceEdit, request as req,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Why a request got no answer.
pub(super) enum Failure {
    Unknown,
    Params(String),
}

/// What the server offers, in the negotiated position encoding.
pub(super) fn capabilities(encoding: Encoding) -> Value {
    serde_json::json!({
        "positionEncoding": match encoding { Encoding::Utf8 => "utf-8", Encoding::Utf16 => "utf-16" },
        "textDocumentSync": { "openClose": true, "change": 2, "save": { "includeText": false } },
        "hoverProvider": true,
        "completionProvider": { "triggerCharacters": ["{", "$", "-"] },
        "codeActionProvider": { "codeActionKinds": ["quickfix"] },
        "definitionProvider": true,
        "documentSymbolProvider": true,
    })
}

fn params<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, Failure> {
    serde_json::from_value(value).map_err(|e| Failure::Params(e.to_string()))
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

pub(super) fn answer(server: &Server, method: &str, value: Value) -> Result<Value, Failure> {
    match method {
        req::HoverRequest::METHOD => {
            let p: lsp_types::HoverParams = params(value)?;
            let at = &p.text_document_position_params;
            Ok(json(with_doc(
                server,
                &at.text_document.uri,
                at.position,
                hover,
            )))
        }
        req::Completion::METHOD => {
            let p: lsp_types::CompletionParams = params(value)?;
            let at = &p.text_document_position;
            Ok(json(with_doc(
                server,
                &at.text_document.uri,
                at.position,
                completion,
            )))
        }
        req::GotoDefinition::METHOD => {
            let p: lsp_types::GotoDefinitionParams = params(value)?;
            let at = &p.text_document_position_params;
            Ok(json(with_doc(
                server,
                &at.text_document.uri,
                at.position,
                definition,
            )))
        }
        req::DocumentSymbolRequest::METHOD => {
            let p: lsp_types::DocumentSymbolParams = params(value)?;
            let Some(doc) = server.docs.get(&p.text_document.uri) else {
                return Ok(Value::Null);
            };
            Ok(json(symbols(server, doc)))
        }
        req::CodeActionRequest::METHOD => {
            let p: lsp_types::CodeActionParams = params(value)?;
            let Some(doc) = server.docs.get(&p.text_document.uri) else {
                return Ok(Value::Null);
            };
            Ok(json(code_actions(
                server,
                &p.text_document.uri,
                doc,
                p.range,
            )))
        }
        _ => Err(Failure::Unknown),
    }
}

/// What a position request needs: the open buffer parsed, the cursor's offset, the entry
/// under it and the session.
struct At<'a> {
    server: &'a Server,
    file: &'a FtlFile,
    offset: usize,
    place: Option<(&'a Session, &'a FileRole)>,
}

impl At<'_> {
    fn entry(&self) -> Option<&Entry> {
        entry_at(self.file, self.offset)
    }

    fn reference_of(&self, id: &str) -> Option<(&FtlFile, &Entry)> {
        let (session, role) = self.place?;
        let file = session.reference_file(&role.rel)?;
        Some((file, file.entry(id)?))
    }
}

fn with_doc<T>(
    server: &Server,
    uri: &Url,
    position: Position,
    f: impl FnOnce(&At<'_>) -> Option<T>,
) -> Option<T> {
    let doc = server.docs.get(uri)?;
    let offset = doc.lines.offset(&doc.text, position, server.encoding);
    let at = At {
        server,
        file: doc.file().ok()?,
        offset,
        place: server.session_of(doc),
    };
    f(&at)
}

/// The entry whose lines hold `offset`: the last one starting at or before its line.
fn entry_at(file: &FtlFile, offset: usize) -> Option<&Entry> {
    let text = file.text();
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let entry = file
        .entries
        .iter()
        .take_while(|e| e.offset <= line_end)
        .last()?;
    // A blank line or a comment after an entry's end is not the entry.
    let end = entry_end(file, entry);
    (line_start <= end).then_some(entry)
}

/// The offset just past the entry's text: up to the next entry's line (or the end of the
/// file), without the blank and comment lines between them.
fn entry_end(file: &FtlFile, entry: &Entry) -> usize {
    let text = file.text();
    let id_end = (entry.offset + entry.id.len()).min(text.len());
    let next = file
        .entries
        .iter()
        .map(|e| e.offset)
        .find(|&o| o > entry.offset)
        .map_or(text.len(), |o| text[..o].rfind('\n').map_or(0, |i| i + 1));
    let mut end = next.max(id_end);
    loop {
        let body = text[id_end..end].trim_end();
        end = id_end + body.len();
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if line_start > id_end && text[line_start..end].starts_with('#') {
            end = line_start;
        } else {
            return end;
        }
    }
}

fn hover(at: &At<'_>) -> Option<Hover> {
    let entry = at.entry()?;
    let mut md = String::new();
    // On `{ -term }`: the term's value, from the buffer or else the reference.
    if let Some(term) = word_at(at.file.text(), at.offset).and_then(|w| w.strip_prefix('-')) {
        let own = at.file.entry(term).filter(|e| e.is_term);
        let value = own
            .or_else(|| at.reference_of(term).map(|(_, e)| e))
            .and_then(|e| e.value.as_ref());
        if let Some(v) = value {
            md.push_str(&format!("**-{term}** = {}\n\n---\n\n", v.text));
        }
    }
    let Some((reference, ref_entry)) = at.reference_of(&entry.id) else {
        if md.is_empty() {
            md = match at.place {
                None => format!("`{}` (no medloc project: no reference to show)", entry.id),
                Some(_) => format!("`{}` is not in the reference (obsolete)", entry.id),
            };
        }
        return Some(markdown(md));
    };
    let (session, role) = at.place?;
    let locale = &session.project.reference_locale;
    md.push_str(&format!("**{locale}** `{}`\n\n", entry.id));
    if let Some(v) = &ref_entry.value {
        md.push_str(&quote(&v.text));
    }
    for a in &ref_entry.attributes {
        md.push_str(&format!("\n`.{}`\n{}", a.name, quote(&a.pattern.text)));
    }
    // Stale: the English then and now.
    if let Some(state) = session.states.get(&role.locale) {
        let key = crate::stale::key(reference, &entry.id);
        if let Some(record) = state.stale_record(&key, ref_entry, entry) {
            md.push_str("\n**Stale**: the English changed since this was translated.\n");
            if let (Some(then), Some(now)) = (&record.reference_text, &ref_entry.value) {
                md.push_str(&format!(
                    "\nbefore:\n{}\nafter:\n{}\nchange: {}\n",
                    quote(then),
                    quote(&now.text),
                    crate::stale::word_diff(then, &now.text)
                ));
            }
        }
    }
    let (comments, section) = comments_above(reference.text(), ref_entry.offset);
    if let Some(section) = section {
        md.push_str(&format!("\nsection: {section}\n"));
    }
    if !comments.is_empty() {
        md.push_str(&format!("\ncomment: {}\n", comments.join(" ")));
    }
    md.push_str(&concepts(session, &role.locale, ref_entry));
    Some(markdown(md))
}

/// Each termbase concept the reference entry names, with this locale's terms.
fn concepts(session: &Session, locale: &str, ref_entry: &Entry) -> String {
    let mut md = String::new();
    let Some(terms) = session.terms.as_ref() else {
        return md;
    };
    let Some(lookup) = session.reference_lookup() else {
        return md;
    };
    let mut seen = HashSet::new();
    for (_, pattern) in ref_entry.patterns() {
        for m in lookup.reference(pattern).best() {
            if !seen.insert(m.term.concept) {
                continue;
            }
            let concept = &terms.termbase.concepts[m.term.concept];
            let english = pattern.prose.get(m.start..m.end).unwrap_or("");
            md.push_str(&format!("\n**termbase** `{}` (\"{english}\")", concept.id));
            let Some(section) = concept.language_or_parent(locale) else {
                md.push_str(&format!(": no {locale} terms\n"));
                continue;
            };
            md.push('\n');
            for (label, wanted) in [
                ("preferred", &[Status::Preferred][..]),
                ("admitted", &[Status::Admitted][..]),
                ("deprecated", &[Status::Deprecated, Status::Superseded][..]),
            ] {
                let list: Vec<String> = section
                    .terms
                    .iter()
                    .filter(|t| wanted.contains(&t.status))
                    .map(|t| match &t.source {
                        Some(s) => format!("{} (basis: {s})", t.text),
                        None => t.text.clone(),
                    })
                    .collect();
                if !list.is_empty() {
                    md.push_str(&format!("- {label}: {}\n", list.join(", ")));
                }
            }
            let definition = section.definition.as_ref().or_else(|| {
                concept
                    .language_or_parent(&session.project.reference_locale)
                    .and_then(|s| s.definition.as_ref())
            });
            if let Some(d) = definition {
                md.push_str(&format!("- definition: {d}\n"));
            }
        }
    }
    md
}

/// The comment lines right above the entry at `offset`, and the nearest group comment
/// (`## Section`) above it.
fn comments_above(text: &str, offset: usize) -> (Vec<String>, Option<String>) {
    let before = &text[..text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)];
    let mut comments = Vec::new();
    for line in before.lines().rev() {
        match line.strip_prefix("# ") {
            Some(c) if !c.starts_with("medloc-ignore") => comments.push(c.to_owned()),
            Some(_) => {}
            None if line == "#" => {}
            None => break,
        }
    }
    comments.reverse();
    let section = before
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("## "))
        .map(str::to_owned);
    (comments, section)
}

fn quote(text: &str) -> String {
    let mut out: String = text.lines().map(|l| format!("> {l}\n")).collect();
    out.push('\n');
    out
}

fn markdown(value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}

/// The identifier-like word around `offset` (`$var`, `-term`, `id`).
fn word_at(text: &str, offset: usize) -> Option<&str> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '$';
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (end > start).then(|| &text[start..end])
}

fn completion(at: &At<'_>) -> Option<Vec<CompletionItem>> {
    let (session, role) = at.place?;
    let reference = session.reference_file(&role.rel)?;
    let text = at.file.text();
    let line_start = text[..at.offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at.offset];
    let mut items = Vec::new();
    let inside_braces = before.matches('{').count() > before.matches('}').count();
    if inside_braces {
        // The reference message's variables and terms.
        let ref_entry = at.entry().and_then(|e| reference.entry(&e.id))?;
        for (_, p) in ref_entry.patterns() {
            for v in &p.variables {
                items.push(item(&format!("${v}"), CompletionItemKind::VARIABLE, None));
            }
            for t in &p.terms {
                items.push(item(&format!("-{t}"), CompletionItemKind::REFERENCE, None));
            }
        }
    } else if before
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        // At the start of a line: the reference's messages this file lacks.
        let have: HashSet<&str> = at.file.entries.iter().map(|e| e.id.as_str()).collect();
        for e in reference
            .entries
            .iter()
            .filter(|e| !have.contains(e.id.as_str()))
        {
            let english = e.value.as_ref().map_or("", |v| v.text.as_str());
            let id = if e.is_term {
                format!("-{}", e.id)
            } else {
                e.id.clone()
            };
            let mut c = item(&id, CompletionItemKind::FIELD, Some(english));
            let comment: String = english.lines().map(|l| format!("# {l}\n")).collect();
            c.insert_text = Some(format!("{comment}{id} = "));
            items.push(c);
        }
    } else if let Some(ref_entry) = at.entry().and_then(|e| reference.entry(&e.id)) {
        // In a message's text: the preferred terms of the concepts the English names.
        if let Some(terms) = session.terms.as_ref() {
            let lookup = session.reference_lookup()?;
            let mut seen = HashSet::new();
            for (_, p) in ref_entry.patterns() {
                for m in lookup.reference(p).best() {
                    let concept = &terms.termbase.concepts[m.term.concept];
                    let Some(section) = concept.language_or_parent(&role.locale) else {
                        continue;
                    };
                    for t in section
                        .terms
                        .iter()
                        .filter(|t| t.status == Status::Preferred)
                    {
                        if seen.insert(t.text.clone()) {
                            let detail = format!("preferred term for {}", concept.id);
                            items.push(item(&t.text, CompletionItemKind::TEXT, Some(&detail)));
                        }
                    }
                }
            }
        }
    }
    Some(items)
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<&str>) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        detail: detail.map(str::to_owned),
        ..CompletionItem::default()
    }
}

fn definition(at: &At<'_>) -> Option<GotoDefinitionResponse> {
    let (session, _) = at.place?;
    let entry = at.entry()?;
    let (reference, ref_entry) = at.reference_of(&entry.id)?;
    let range = reference_range(reference, ref_entry.offset, at.server.encoding);
    let uri = Url::from_file_path(session.project.root.join(&reference.shown)).ok()?;
    Some(GotoDefinitionResponse::Scalar(Location::new(uri, range)))
}

/// An empty range at `offset` of a loaded file, in `encoding`.
pub(super) fn reference_range(file: &FtlFile, offset: usize, encoding: Encoding) -> Range {
    let (line_text, start) = file.line_at(offset);
    let (line, _) = file.position(offset);
    let prefix = line_text.get(..offset - start).unwrap_or("");
    let character = match encoding {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    let p = Position::new(line as u32 - 1, character as u32);
    Range::new(p, p)
}

#[allow(deprecated)] // DocumentSymbol::deprecated is deprecated, yet a required field
fn symbols(server: &Server, doc: &Document) -> Vec<DocumentSymbol> {
    let Ok(file) = doc.file() else {
        return Vec::new();
    };
    let range = |a: usize, b: usize| {
        Range::new(
            doc.lines.position(&doc.text, a, server.encoding),
            doc.lines.position(&doc.text, b, server.encoding),
        )
    };
    file.entries
        .iter()
        .map(|e| {
            let id_end = e.offset + e.id.len();
            DocumentSymbol {
                name: if e.is_term {
                    format!("-{}", e.id)
                } else {
                    e.id.clone()
                },
                detail: e.value.as_ref().map(|v| v.text.chars().take(80).collect()),
                kind: if e.is_term {
                    SymbolKind::CONSTANT
                } else {
                    SymbolKind::STRING
                },
                tags: None,
                deprecated: None,
                range: range(e.offset, entry_end(file, e).max(id_end)),
                selection_range: range(e.offset, id_end),
                children: None,
            }
        })
        .collect()
}

fn code_actions(
    server: &Server,
    uri: &Url,
    doc: &Document,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let Some((session, role)) = server.session_of(doc) else {
        return actions;
    };
    let Ok(file) = doc.file() else {
        return actions;
    };
    let findings = session.check_file(role, std::sync::Arc::clone(file));
    let from = doc.lines.offset(&doc.text, range.start, server.encoding);
    let to = doc.lines.offset(&doc.text, range.end, server.encoding);
    let edit = |title: String, edits: Vec<TextEdit>| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        })
    };
    let at = |o: usize| doc.lines.position(&doc.text, o, server.encoding);
    let mut ignored = HashSet::new();
    for f in &findings {
        // A finding touches the range when their lines meet.
        let line_of = |o: usize| at(o).line;
        let touches = line_of(f.span.start) <= line_of(to) && line_of(f.span.end) >= line_of(from);
        if !touches || f.rule == "missing-message" {
            continue;
        }
        let span = Range::new(at(f.span.start), at(f.span.end));
        if f.rule == "term-forbidden"
            && let Some(preferred) = f
                .text
                .split("; use \"")
                .nth(1)
                .and_then(|s| s.strip_suffix('"'))
        {
            actions.push(edit(
                format!("Replace with the preferred term \"{preferred}\""),
                vec![TextEdit::new(span, preferred.to_owned())],
            ));
        }
        if f.rule == "missing-variable"
            && let Some(var) = f
                .text
                .strip_prefix("missing variable $")
                .and_then(|s| s.split(':').next())
        {
            let entry = f.message_id.as_deref().and_then(|id| file.entry(id));
            let pattern = entry.and_then(|e| match f.attribute.as_deref() {
                None => e.value.as_ref(),
                Some(a) => e
                    .attributes
                    .iter()
                    .find(|x| x.name == a)
                    .map(|x| &x.pattern),
            });
            if let (Some(p), Some(e)) = (pattern, entry) {
                // The end of the message when the value is its last part (a pattern's
                // span stops before a closing placeable).
                let last = if f.attribute.is_none() && e.attributes.is_empty() {
                    entry_end(file, e)
                } else {
                    p.span.end
                };
                let end = at(last);
                actions.push(edit(
                    format!("Restore the variable ${var} (at the end of the text)"),
                    vec![TextEdit::new(
                        Range::new(end, end),
                        format!(" {{ ${var} }}"),
                    )],
                ));
            }
        }
        if let Some(entry) = f.message_id.as_deref().and_then(|id| file.entry(id))
            && ignored.insert((f.rule, entry.offset))
        {
            let line_start = doc.text[..entry.offset].rfind('\n').map_or(0, |i| i + 1);
            let p = at(line_start);
            actions.push(edit(
                format!("Ignore {} on {} (# medloc-ignore)", f.rule, entry.id),
                vec![TextEdit::new(
                    Range::new(p, p),
                    format!("# medloc-ignore: {} (reason)\n", f.rule),
                )],
            ));
        }
    }
    // Every missing message, in reference order, at the end of the file.
    let missing: HashSet<&str> = findings
        .iter()
        .filter(|f| f.rule == "missing-message")
        .filter_map(|f| f.message_id.as_deref())
        .collect();
    if let Some(reference) = session
        .reference_file(&role.rel)
        .filter(|_| !missing.is_empty())
    {
        let mut text = String::new();
        if !doc.text.is_empty() && !doc.text.ends_with('\n') {
            text.push('\n');
        }
        for e in reference
            .entries
            .iter()
            .filter(|e| missing.contains(e.id.as_str()))
        {
            let start = reference.text()[..e.offset]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let source = &reference.text()[start..entry_end(reference, e)];
            text.push('\n');
            text.push_str(source);
            text.push('\n');
        }
        let end = at(doc.text.len());
        actions.push(edit(
            format!(
                "Insert the {} missing messages (English, to translate)",
                missing.len()
            ),
            vec![TextEdit::new(Range::new(end, end), text)],
        ));
    }
    actions
}
