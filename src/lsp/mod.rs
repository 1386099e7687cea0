//! `medloc lsp`: a language server for translators, over any byte stream (stdio in the
//! CLI). It finds the project of each opened file, loads it once into a
//! [`Session`](crate::check::Session) (config, reference, termbase, stale state) and answers
//! from memory: diagnostics from every rule of the registry, hover with the English and the
//! termbase, completion, code actions, definition and document symbols.
//!
//! Built on `lsp-server` (framing and message types, as rust-analyzer uses it) and
//! `lsp-types`: a synchronous loop over one thread with no async runtime, which fits a server
//! whose every answer is a short computation over a loaded model. The server reads files
//! only to load a project, and writes none: every change to a buffer is a `WorkspaceEdit`
//! the client applies.
//!
//! Does not print (the stream is the protocol) and knows no rule: findings come from
//! `check`.

mod features;
pub mod text;

use crate::catalog::FtlFile;
use crate::check::{FileRole, Finding, Session, Severity};
use crate::project::Project;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PositionEncodingKind, PublishDiagnosticsParams, Range, Url, notification as notif,
    request as req,
};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;
use text::{Encoding, LineIndex};

/// What stops the server other than a client's `exit`.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("language server: cannot write to the client: {0}")]
    Write(#[source] std::io::Error),
    #[error("language server: the client sent no initialize request")]
    NotInitialized,
}

/// How the server ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `shutdown` then `exit`.
    Clean,
    /// `exit` without `shutdown`, or the input ended: the protocol asks for exit code 1.
    Abrupt,
}

/// Serves the protocol on `input` and `output` until `exit` or the end of the input.
pub fn run(
    input: impl BufRead + Send + 'static,
    mut output: impl Write,
) -> Result<Ending, LspError> {
    let (tx, rx) = mpsc::channel::<Option<Message>>();
    // A reader thread, so the loop can wait for "no more input for now" (coalescing edits)
    // without blocking on the stream.
    std::thread::spawn(move || {
        let mut input = input;
        loop {
            match Message::read(&mut input) {
                Ok(Some(m)) => {
                    if tx.send(Some(m)).is_err() {
                        return;
                    }
                }
                // Malformed JSON or a body that is not UTF-8: the framing held, so skip it.
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => continue,
                Ok(None) | Err(_) => {
                    let _ = tx.send(None);
                    return;
                }
            }
        }
    });
    let mut server = Server::new();
    loop {
        let wait = if server.dirty.is_empty() {
            Duration::from_secs(3600)
        } else {
            server.debounce
        };
        let message = match rx.recv_timeout(wait) {
            Ok(Some(m)) => m,
            Ok(None) | Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Ending::Abrupt),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                server.publish_dirty(&mut output)?;
                continue;
            }
        };
        match server.handle(message, &mut output)? {
            Some(ending) => return Ok(ending),
            None => {
                // Edits that arrived while the last one was handled are coalesced: the
                // check runs once the queue is empty (or after `debounce`).
                if server.debounce.is_zero() && !server.dirty.is_empty() {
                    match rx.try_recv() {
                        Ok(Some(m)) => {
                            if let Some(ending) = server.handle(m, &mut output)? {
                                return Ok(ending);
                            }
                            continue;
                        }
                        Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                            return Ok(Ending::Abrupt);
                        }
                        Err(mpsc::TryRecvError::Empty) => server.publish_dirty(&mut output)?,
                    }
                }
            }
        }
    }
}

/// An open buffer.
pub(crate) struct Document {
    pub text: String,
    pub lines: LineIndex,
    pub version: i32,
    /// The project (its root) and the file's place in it; `None` outside any project.
    pub place: Option<(PathBuf, FileRole)>,
    /// The text parsed, once per version (diagnostics and every request share it).
    parsed: std::cell::OnceCell<Result<Arc<FtlFile>, String>>,
}

impl Document {
    fn new(text: String, version: i32, place: Option<(PathBuf, FileRole)>) -> Document {
        Document {
            lines: LineIndex::new(&text),
            text,
            version,
            place,
            parsed: std::cell::OnceCell::new(),
        }
    }

    /// The buffer parsed, or why it is not (over an input limit: the parser is not run on
    /// such a text).
    pub fn file(&self) -> Result<&Arc<FtlFile>, &str> {
        self.parsed
            .get_or_init(|| {
                let (rel, shown) = match &self.place {
                    Some((_, role)) => (role.rel.clone(), role.shown.clone()),
                    None => (PathBuf::from("buffer.ftl"), "buffer.ftl".to_owned()),
                };
                crate::limits::check_fluent_text(Path::new(&shown), &self.text)
                    .map(|()| Arc::new(FtlFile::parse(rel, shown, self.text.clone())))
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// The text changed (or its place did): the parse is out of date.
    fn changed(&mut self) {
        self.lines = LineIndex::new(&self.text);
        self.parsed = std::cell::OnceCell::new();
    }
}

/// A loaded project, or why its config cannot be loaded now.
enum ProjectState {
    Loaded(Box<Session>),
    /// The config broke after the project loaded: the old session keeps serving.
    Broken {
        session: Option<Box<Session>>,
        error: String,
    },
}

impl ProjectState {
    fn session(&self) -> Option<&Session> {
        match self {
            ProjectState::Loaded(s) => Some(s),
            ProjectState::Broken { session, .. } => session.as_deref(),
        }
    }
}

pub(crate) struct Server {
    initialized: bool,
    shutting_down: bool,
    pub encoding: Encoding,
    debounce: Duration,
    rule_docs: Option<String>,
    projects: HashMap<PathBuf, ProjectState>,
    pub docs: HashMap<Url, Document>,
    dirty: BTreeSet<Url>,
    /// Files outside any project were told so once.
    told_outside: bool,
}

impl Server {
    fn new() -> Server {
        Server {
            initialized: false,
            shutting_down: false,
            encoding: Encoding::Utf16,
            debounce: Duration::ZERO,
            rule_docs: None,
            projects: HashMap::new(),
            docs: HashMap::new(),
            dirty: BTreeSet::new(),
            told_outside: false,
        }
    }

    /// The session serving a document, if it is in a project.
    pub fn session_of<'a>(&'a self, doc: &'a Document) -> Option<(&'a Session, &'a FileRole)> {
        let (root, role) = doc.place.as_ref()?;
        Some((self.projects.get(root)?.session()?, role))
    }

    fn handle(
        &mut self,
        message: Message,
        out: &mut impl Write,
    ) -> Result<Option<Ending>, LspError> {
        match message {
            Message::Request(r) => self.request(r, out).map(|()| None),
            Message::Notification(n) => self.notification(n, out),
            Message::Response(_) => Ok(None),
        }
    }

    fn request(&mut self, r: Request, out: &mut impl Write) -> Result<(), LspError> {
        if r.method == req::Initialize::METHOD {
            let result = self.initialize(&r.params);
            self.initialized = true;
            return send(out, Response::new_ok(r.id, result));
        }
        if !self.initialized {
            return send(
                out,
                error(r.id, ErrorCode::ServerNotInitialized, "initialize first"),
            );
        }
        if self.shutting_down {
            return send(out, error(r.id, ErrorCode::InvalidRequest, "shutting down"));
        }
        if r.method == req::Shutdown::METHOD {
            self.shutting_down = true;
            return send(out, Response::new_ok(r.id, serde_json::Value::Null));
        }
        let id = r.id.clone();
        let response = match features::answer(self, &r.method, r.params) {
            Ok(value) => Response::new_ok(id, value),
            Err(features::Failure::Unknown) => error(
                id,
                ErrorCode::MethodNotFound,
                &format!("unknown method {}", r.method),
            ),
            Err(features::Failure::Params(e)) => error(id, ErrorCode::InvalidParams, &e),
        };
        send(out, response)
    }

    fn initialize(&mut self, params: &serde_json::Value) -> serde_json::Value {
        let params: lsp_types::InitializeParams =
            serde_json::from_value(params.clone()).unwrap_or_default();
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        let encoding = if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.encoding = encoding;
        if let Some(options) = params.initialization_options.as_ref() {
            if let Some(ms) = options.get("debounceMs").and_then(|v| v.as_u64()) {
                self.debounce = Duration::from_millis(ms.min(5_000));
            }
            if let Some(base) = options.get("ruleDocs").and_then(|v| v.as_str()) {
                self.rule_docs = Some(base.to_owned());
            }
        }
        #[allow(deprecated)] // root_uri: clients without workspace folders still send it
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .chain(params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()))
            .collect();
        roots.dedup();
        for root in roots {
            if root.join(crate::project::CONFIG_FILE).is_file() {
                self.load_project(&root.join(crate::project::CONFIG_FILE));
            }
        }
        serde_json::json!({
            "capabilities": features::capabilities(encoding),
            "serverInfo": { "name": "medloc", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    fn notification(
        &mut self,
        n: Notification,
        out: &mut impl Write,
    ) -> Result<Option<Ending>, LspError> {
        match n.method.as_str() {
            notif::Exit::METHOD => {
                return Ok(Some(if self.shutting_down {
                    Ending::Clean
                } else {
                    Ending::Abrupt
                }));
            }
            notif::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    self.open(
                        p.text_document.uri,
                        p.text_document.text,
                        p.text_document.version,
                        out,
                    )?;
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                {
                    self.change(p);
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    self.docs.remove(&p.text_document.uri);
                    self.dirty.remove(&p.text_document.uri);
                    publish(out, p.text_document.uri, Vec::new(), None)?;
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                    && let Ok(path) = p.text_document.uri.to_file_path()
                {
                    self.reload_if_input(&[path], out)?;
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params)
                {
                    let paths: Vec<PathBuf> = p
                        .changes
                        .iter()
                        .filter_map(|c| c.uri.to_file_path().ok())
                        .collect();
                    self.reload_if_input(&paths, out)?;
                }
            }
            // `$/cancelRequest`: every request is answered before the next is read, so there
            // is nothing left to cancel. Other notifications need nothing.
            _ => {}
        }
        Ok(None)
    }

    fn open(
        &mut self,
        uri: Url,
        text: String,
        version: i32,
        out: &mut impl Write,
    ) -> Result<(), LspError> {
        let place = uri.to_file_path().ok().and_then(|p| self.place_of(&p));
        if place.is_none() && !self.told_outside {
            self.told_outside = true;
            let message = lsp_types::ShowMessageParams {
                typ: lsp_types::MessageType::INFO,
                message: format!(
                    "medloc: {} is not a file of a medloc project (no l10n.toml above it lists it): \
                     only Fluent syntax is checked",
                    uri.path()
                ),
            };
            send(
                out,
                Notification::new(notif::ShowMessage::METHOD.to_owned(), message),
            )?;
        }
        self.docs
            .insert(uri.clone(), Document::new(text, version, place));
        self.dirty.insert(uri);
        Ok(())
    }

    fn change(&mut self, p: lsp_types::DidChangeTextDocumentParams) {
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let start = doc.lines.offset(&doc.text, range.start, encoding);
                    let end = doc.lines.offset(&doc.text, range.end, encoding).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
            }
            doc.changed();
        }
        doc.version = p.text_document.version;
        self.dirty.insert(p.text_document.uri);
    }

    /// The project and role of a file: an already loaded project that lists it, else the
    /// nearest `l10n.toml` above it, loaded now.
    fn place_of(&mut self, path: &Path) -> Option<(PathBuf, FileRole)> {
        for (root, state) in &self.projects {
            if let Some(role) = state.session().and_then(|s| s.role_of(path)) {
                return Some((root.clone(), role));
            }
        }
        let config = path
            .ancestors()
            .skip(1)
            .map(|d| d.join(crate::project::CONFIG_FILE))
            .find(|c| c.is_file())?;
        let root = self.load_project(&config)?;
        let role = self.projects.get(&root)?.session()?.role_of(path)?;
        Some((root, role))
    }

    /// Loads (or reloads) the project of `config`; on failure keeps the session it had.
    fn load_project(&mut self, config: &Path) -> Option<PathBuf> {
        let root = config.parent()?.to_path_buf();
        let loaded = Project::load(config).and_then(Session::load);
        let state = match (loaded, self.projects.remove(&root)) {
            (Ok(session), _) => ProjectState::Loaded(Box::new(session)),
            (Err(e), old) => ProjectState::Broken {
                session: old.and_then(|o| match o {
                    ProjectState::Loaded(s) => Some(s),
                    ProjectState::Broken { session, .. } => session,
                }),
                error: e.to_string(),
            },
        };
        self.projects.insert(root.clone(), state);
        Some(root)
    }

    /// Reloads each project for which one of `paths` is an input (its config, a reference
    /// file, a termbase, a state file) and rechecks its open files.
    fn reload_if_input(&mut self, paths: &[PathBuf], out: &mut impl Write) -> Result<(), LspError> {
        let mut reload = Vec::new();
        for (root, state) in &self.projects {
            let config = root.join(crate::project::CONFIG_FILE);
            let hit = paths.iter().any(|p| {
                *p == config
                    || state.session().is_some_and(|s| {
                        s.project
                            .config
                            .medloc
                            .termbase
                            .iter()
                            .any(|t| root.join(t) == *p)
                            || s.role_of(p)
                                .is_some_and(|r| r.locale == s.project.reference_locale)
                            || s.project
                                .locales
                                .iter()
                                .any(|l| crate::stale::state_path(&s.project, l) == *p)
                    })
            });
            if hit {
                reload.push(config);
            }
        }
        for config in reload {
            let Some(root) = self.load_project(&config) else {
                continue;
            };
            let Ok(uri) = Url::from_file_path(&config) else {
                continue;
            };
            let diagnostics = match self.projects.get(&root) {
                Some(ProjectState::Broken { error, .. }) => vec![Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("medloc".into()),
                    message: format!(
                        "{error} (the server keeps the project as it was last loaded)"
                    ),
                    ..Diagnostic::default()
                }],
                _ => Vec::new(),
            };
            publish(out, uri, diagnostics, None)?;
            let reopened: Vec<Url> = self
                .docs
                .iter()
                .filter(|(_, d)| d.place.as_ref().is_some_and(|(r, _)| *r == root))
                .map(|(u, _)| u.clone())
                .collect();
            for uri in reopened {
                let place = uri.to_file_path().ok().and_then(|p| self.place_of(&p));
                if let Some(doc) = self.docs.get_mut(&uri) {
                    doc.place = place;
                    doc.changed();
                }
                self.dirty.insert(uri);
            }
        }
        Ok(())
    }

    fn publish_dirty(&mut self, out: &mut impl Write) -> Result<(), LspError> {
        let dirty = std::mem::take(&mut self.dirty);
        for uri in dirty {
            let Some(doc) = self.docs.get(&uri) else {
                continue;
            };
            let diagnostics = self.diagnostics(doc);
            publish(out, uri, diagnostics, Some(doc.version))?;
        }
        Ok(())
    }

    /// The document's findings as diagnostics.
    pub fn diagnostics(&self, doc: &Document) -> Vec<Diagnostic> {
        let Some((session, role)) = self.session_of(doc) else {
            let findings = crate::check::check_syntax_only("buffer.ftl", &doc.text);
            return findings
                .iter()
                .map(|f| self.diagnostic(doc, None, f))
                .collect();
        };
        match doc.file() {
            Ok(file) => session
                .check_file(role, Arc::clone(file))
                .iter()
                .map(|f| self.diagnostic(doc, Some(session), f))
                .collect(),
            Err(e) => vec![Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("medloc".into()),
                message: format!("{e}; no rule was run on this file"),
                ..Diagnostic::default()
            }],
        }
    }

    fn diagnostic(&self, doc: &Document, session: Option<&Session>, f: &Finding) -> Diagnostic {
        let start = doc.lines.position(&doc.text, f.span.start, self.encoding);
        let end = doc
            .lines
            .position(&doc.text, f.span.end.max(f.span.start), self.encoding);
        let mut message = f.text.clone();
        if let Some(hint) = &f.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        Diagnostic {
            range: Range::new(start, end),
            severity: Some(match f.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(f.rule.to_owned())),
            code_description: self
                .rule_doc(f.rule)
                .map(|href| lsp_types::CodeDescription { href }),
            source: Some("medloc".into()),
            message,
            related_information: session
                .and_then(|s| related(s, f, self.encoding))
                .map(|l| vec![l]),
            data: f
                .message_id
                .as_ref()
                .map(|id| serde_json::json!({ "id": id })),
            ..Diagnostic::default()
        }
    }

    /// Where a rule is explained: `ruleDocs` from the client's initialization options with
    /// the rule's name appended, else the rule's source file (its `//!` comment is what
    /// `medloc rules NAME` prints) when this binary's sources are on the machine.
    fn rule_doc(&self, rule: &str) -> Option<Url> {
        match &self.rule_docs {
            Some(base) => Url::parse(&format!("{base}{rule}")).ok(),
            None => {
                let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src/check/rules")
                    .join(format!("{}.rs", rule.replace('-', "_")));
                path.is_file()
                    .then(|| Url::from_file_path(path).ok())
                    .flatten()
            }
        }
    }
}

/// The reference message a finding is about, as related information.
fn related(
    session: &Session,
    f: &Finding,
    encoding: Encoding,
) -> Option<DiagnosticRelatedInformation> {
    let id = f.message_id.as_deref()?;
    let (file, offset) = session.catalog.reference.files.values().find_map(|file| {
        if let Some((shown, span)) = &f.reference_span
            && *shown == file.shown
        {
            return Some((file, span.start));
        }
        file.entry(id).map(|e| (file, e.offset))
    })?;
    let uri = Url::from_file_path(session.project.root.join(&file.shown)).ok()?;
    Some(DiagnosticRelatedInformation {
        location: Location::new(uri, features::reference_range(file, offset, encoding)),
        message: format!(
            "the reference ({}): {}",
            session.project.reference_locale,
            f.reference.as_deref().unwrap_or(id)
        ),
    })
}

fn publish(
    out: &mut impl Write,
    uri: Url,
    diagnostics: Vec<Diagnostic>,
    version: Option<i32>,
) -> Result<(), LspError> {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    send(
        out,
        Notification::new(notif::PublishDiagnostics::METHOD.to_owned(), params),
    )
}

fn error(id: RequestId, code: ErrorCode, message: &str) -> Response {
    Response::new_err(id, code as i32, message.to_owned())
}

fn send(out: &mut impl Write, message: impl Into<Message>) -> Result<(), LspError> {
    message.into().write(out).map_err(LspError::Write)
}
