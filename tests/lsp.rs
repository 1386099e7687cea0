//! `medloc lsp` driven over its standard input and output with real `Content-Length`
//! framing, on a temporary copy of the shipped project: initialize, open, edit, diagnostics,
//! hover, completion, code actions, definition, symbols, shutdown and exit, and the bad
//! input of issue #19 (broken config, unopened files, garbage, exit without shutdown).

mod common;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// No answer within this long is a hang (never a timing assertion: a slow machine passes).
const PATIENCE: Duration = Duration::from_secs(120);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    queued: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_medloc"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("medloc lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        length = v.trim().parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            queued: Vec::new(),
            next_id: 0,
        }
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.raw(&serde_json::to_vec(&message).unwrap());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(PATIENCE)
            .expect("the server answers (no hang)")
    }

    /// The whole response to a request.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m["id"] == json!(id) && m.get("method").is_none() {
                return m;
            }
            self.queued.push(m);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next notification `method` whose `uri` is `uri` (or any, for `None`).
    fn notification(&mut self, method: &str, uri: Option<&str>) -> Value {
        let wanted =
            |m: &Value| m["method"] == method && uri.is_none_or(|u| m["params"]["uri"] == u);
        if let Some(i) = self.queued.iter().position(wanted) {
            return self.queued.remove(i)["params"].clone();
        }
        loop {
            let m = self.next();
            if wanted(&m) {
                return m["params"].clone();
            }
            self.queued.push(m);
        }
    }

    /// Opens `text` as `uri` and waits for its diagnostics.
    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "fluent", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    /// The first edit of the code action whose title starts with `title`, asked for `range`
    /// with `diagnostics` as context.
    fn action_edit(&mut self, uri: &str, range: &Value, diagnostics: Value, title: &str) -> Value {
        let actions = self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": diagnostics}}),
        );
        let action = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(title))
            .unwrap_or_else(|| panic!("no action {title:?} in {actions:#}"));
        action["edit"]["changes"][uri][0].clone()
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let params = self.notification("textDocument/publishDiagnostics", Some(uri));
        params["diagnostics"].as_array().unwrap().clone()
    }

    fn exit_code(mut self) -> Option<i32> {
        drop(self.stdin);
        for _ in 0..1200 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        panic!("the server did not end");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn initialize(client: &mut Client, root: &Path, encodings: Value) -> Value {
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {"general": {"positionEncodings": encodings}},
        }),
    );
    client.notify("initialized", json!({}));
    result
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// The 0-based line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> u32 {
    text.lines().position(|l| l.starts_with(prefix)).unwrap() as u32
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

/// Every file under `dir`, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walk(dir) {
        out.push((entry.clone(), std::fs::read(&entry).unwrap()));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The German UI strings with `{ $reviewer }` dropped from `page-reviewed` and
/// `page-written` left out, behind a half-typed first line.
fn seeded_ui(original: &str) -> String {
    let mut text = String::from("broken {\n");
    for line in original.lines() {
        if line.starts_with("page-written") {
            continue;
        }
        text.push_str(&line.replace("von { $reviewer } am", "am"));
        text.push('\n');
    }
    text
}

#[test]
fn a_translator_session_over_stdio() {
    let project = common::shipped_project();
    let root = project.path().canonicalize().unwrap();
    let before = snapshot(&root);
    let mut client = Client::start(&root);
    let init = initialize(&mut client, &root, json!(["utf-8", "utf-16"]));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(init["serverInfo"]["name"], "medloc");

    let ui = root.join("locales/de/ui.ftl");
    let ui_uri = uri(&ui);
    let original = std::fs::read_to_string(&ui).unwrap();
    let text = seeded_ui(&original);
    let reviewed_line = line_of(&text, "page-reviewed");
    let diagnostics = client.open(&ui_uri, &text);
    // The half-typed line is a syntax error on line 0 ...
    let syntax = with_code(&diagnostics, "syntax-error");
    assert_eq!(syntax.len(), 1, "{diagnostics:#?}");
    assert_eq!(syntax[0]["range"]["start"]["line"], 0);
    assert_eq!(syntax[0]["severity"], 1);
    // ... and the rest of the file is still checked: the dropped variable, on the text
    // before the placeable (in UTF-8 bytes: "ü" is two), with the reference message as
    // related information.
    let missing = with_code(&diagnostics, "missing-variable");
    assert_eq!(missing.len(), 1, "{diagnostics:#?}");
    let d = missing[0];
    assert!(d["message"].as_str().unwrap().contains("$reviewer"), "{d}");
    assert_eq!(
        d["range"],
        json!({"start": {"line": reviewed_line, "character": 16}, "end": {"line": reviewed_line, "character": "page-reviewed = Medizinisch geprüft am ".len()}})
    );
    let related = &d["relatedInformation"][0];
    let reference = root.join("locales/en-US/ui.ftl");
    let reference_line = line_of(
        &std::fs::read_to_string(&reference).unwrap(),
        "page-reviewed",
    );
    assert_eq!(related["location"]["uri"], uri(&reference));
    assert_eq!(
        related["location"]["range"]["start"]["line"],
        reference_line
    );
    assert!(
        related["message"]
            .as_str()
            .unwrap()
            .contains("Medically reviewed by { $reviewer }"),
        "{related}"
    );
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("missing_variable.rs")
    );
    assert_eq!(with_code(&diagnostics, "missing-message").len(), 1);

    // The fix for the dropped variable: put it back at the end of the message.
    let edit = client.action_edit(
        &ui_uri,
        &d["range"],
        json!([d]),
        "Restore the variable $reviewer",
    );
    let line_end = text.lines().nth(reviewed_line as usize).unwrap().len();
    assert_eq!(edit["newText"], " { $reviewer }");
    assert_eq!(
        edit["range"]["start"],
        json!({"line": reviewed_line, "character": line_end})
    );

    // An incremental edit: put the variable back (a range in UTF-8 bytes).
    let am = text
        .lines()
        .nth(reviewed_line as usize)
        .unwrap()
        .find(" am")
        .unwrap() as u32;
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": ui_uri, "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": reviewed_line, "character": am}, "end": {"line": reviewed_line, "character": am}},
                "text": " von { $reviewer }",
            }],
        }),
    );
    let params = client.notification("textDocument/publishDiagnostics", Some(&ui_uri));
    assert_eq!(params["version"], 2);
    let diagnostics = params["diagnostics"].as_array().unwrap().clone();
    assert!(
        with_code(&diagnostics, "missing-variable").is_empty(),
        "{diagnostics:#?}"
    );
    assert_eq!(with_code(&diagnostics, "syntax-error").len(), 1);

    // Hover: the English of the message under the cursor.
    let hover = client.request("textDocument/hover", at(&ui_uri, reviewed_line, 3));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("**en-US** `page-reviewed`"), "{shown}");
    assert!(
        shown.contains("> Medically reviewed by { $reviewer } on { DATETIME($date) }"),
        "{shown}"
    );

    // Completion at the start of a line: the missing message, with its English as comment.
    let items = client.request("textDocument/completion", at(&ui_uri, 0, 0));
    let written = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "page-written")
        .expect("page-written is offered");
    assert_eq!(
        written["insertText"],
        "# Written by { $author } on { DATETIME($date) }\npage-written = "
    );
    // Inside `{ }`: the reference's variables.
    let brace = text
        .lines()
        .nth(reviewed_line as usize)
        .unwrap()
        .find("{ DATETIME")
        .unwrap() as u32;
    let items = client.request(
        "textDocument/completion",
        at(&ui_uri, reviewed_line, brace + 2),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"$reviewer") && labels.contains(&"$date"),
        "{labels:?}"
    );

    // Code actions on the first line: insert the missing message (its English), and
    // ignore nothing (a syntax error belongs to no message).
    let edit = client.action_edit(
        &ui_uri,
        &json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}),
        json!([]),
        "Insert the 1 missing",
    );
    assert!(
        edit["newText"]
            .as_str()
            .unwrap()
            .contains("page-written = Written by { $author } on { DATETIME($date) }"),
        "{edit}"
    );
    let lines = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": ui_uri}}),
    );
    let names: Vec<&str> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"page-reviewed"), "{names:?}");
    let page_reviewed = lines
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "page-reviewed")
        .unwrap();
    assert_eq!(
        page_reviewed["selectionRange"]["start"],
        json!({"line": reviewed_line, "character": 0})
    );
    assert_eq!(
        page_reviewed["selectionRange"]["end"],
        json!({"line": reviewed_line, "character": 13})
    );

    // Go to the reference message.
    let target = client.request("textDocument/definition", at(&ui_uri, reviewed_line, 2));
    assert_eq!(target["uri"], uri(&reference));
    assert_eq!(
        target["range"]["start"],
        json!({"line": reference_line, "character": 0})
    );

    // A request for a file never opened: an empty answer, not an error or a disk read.
    let never = uri(&root.join("locales/fr/ui.ftl"));
    assert_eq!(
        client.request("textDocument/hover", at(&never, 0, 0)),
        Value::Null
    );
    // An unknown method: the protocol's MethodNotFound.
    let unknown = client.call("medloc/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    // A cancelled request id is ignored (it was answered already).
    client.notify("$/cancelRequest", json!({"id": 1}));

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), Some(0));
    assert_eq!(snapshot(&root), before, "the server wrote no file");
}

#[test]
fn utf16_positions_terminology_and_a_config_that_breaks() {
    let project = common::shipped_project();
    let root = project.path().canonicalize().unwrap();
    let mut client = Client::start(&root);
    // No positionEncodings offered: UTF-16, the protocol's default.
    let init = initialize(&mut client, &root, json!([]));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");

    let es = root.join("locales/es/track-marks.ftl");
    let es_uri = uri(&es);
    let original = std::fs::read_to_string(&es).unwrap();
    let prefix = "intro-para-1 = الجرعة 药 😷 ";
    let text: String = original
        .lines()
        .map(|l| {
            if l.starts_with("intro-para-1 =") {
                format!("{prefix}abuso de drogas intravenosas.\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let line = line_of(&text, "intro-para-1");
    let diagnostics = client.open(&es_uri, &text);
    let forbidden = with_code(&diagnostics, "term-forbidden");
    assert_eq!(forbidden.len(), 1, "{diagnostics:#?}");
    // UTF-16 units: 15 for the ID and " = ", each Arabic letter and 药 one, the emoji two.
    let start = prefix.encode_utf16().count() as u32;
    assert_eq!(start, 15 + 6 + 1 + 1 + 1 + 2 + 1);
    let length = "abuso de drogas intravenosas".encode_utf16().count() as u32;
    assert_eq!(
        forbidden[0]["range"],
        json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": start + length}})
    );
    // The fix: the preferred term in its place.
    let range = forbidden[0]["range"].clone();
    let context = json!([forbidden[0]]);
    let edit = client.action_edit(
        &es_uri,
        &range,
        context.clone(),
        "Replace with the preferred term",
    );
    assert_eq!(edit["newText"], "consumo de drogas por vía intravenosa");
    assert_eq!(edit["range"], range);
    let edit = client.action_edit(&es_uri, &range, context, "Ignore term-forbidden");
    assert_eq!(
        edit["newText"],
        "# medloc-ignore: term-forbidden (reason)\n"
    );
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line, "character": 0})
    );

    // Hover: the termbase concept the English names, with this locale's terms.
    let hover = client.request("textDocument/hover", at(&es_uri, line, 2));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("reduce intravenous drug use"), "{shown}");
    assert!(
        shown.contains("- preferred: consumo de drogas por vía intravenosa"),
        "{shown}"
    );
    assert!(shown.contains("abuso de drogas intravenosas"), "{shown}");

    // The config breaks while the server runs: a diagnostic on l10n.toml, and the server
    // keeps serving with the project as it was.
    let config = root.join("l10n.toml");
    std::fs::write(&config, "basepath = [\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    let broken = client.diagnostics(&uri(&config));
    assert_eq!(broken.len(), 1);
    assert!(
        broken[0]["message"].as_str().unwrap().contains("l10n.toml"),
        "{broken:?}"
    );
    let hover = client.request("textDocument/hover", at(&es_uri, line, 2));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("reduce intravenous drug use")
    );
    // Exit without shutdown: the protocol's exit code 1, promptly.
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), Some(1));
}

#[test]
fn garbage_a_file_outside_any_project_and_the_input_ending() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let mut client = Client::start(&root);
    // Not JSON, then not UTF-8: skipped, the server goes on.
    client.raw(b"{ not json");
    client.raw(b"\xff\xfe\x00garbage");
    let init = initialize(&mut client, &root, json!(["utf-16"]));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let loose = root.join("loose.ftl");
    let loose_uri = uri(&loose);
    for (version, text) in [
        (1, "ok = fine\nbroken\n"),
        (2, "ok = fine\nbroken\nalso broken\n"),
    ] {
        if version == 1 {
            client.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": loose_uri, "languageId": "fluent", "version": 1, "text": text}}),
            );
        } else {
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": loose_uri, "version": 2}, "contentChanges": [{"text": text}]}),
            );
        }
        let diagnostics = client.diagnostics(&loose_uri);
        assert!(!diagnostics.is_empty());
        assert!(
            diagnostics.iter().all(|d| d["code"] == "syntax-error"),
            "{diagnostics:?}"
        );
        assert_eq!(diagnostics[0]["range"]["start"]["line"], 1);
    }
    // One notice, not one per file.
    let notice = client.notification("window/showMessage", None);
    assert!(
        notice["message"]
            .as_str()
            .unwrap()
            .contains("only Fluent syntax is checked")
    );
    let other = uri(&root.join("other.ftl"));
    assert!(client.open(&other, "a = b\n").is_empty());
    assert!(
        !client
            .queued
            .iter()
            .any(|m| m["method"] == "window/showMessage")
    );
    // The client goes away without shutdown or exit: the server ends (no hang).
    assert_eq!(client.exit_code(), Some(1));
    assert_eq!(walk(&root), vec![] as Vec<PathBuf>, "nothing written");
}
