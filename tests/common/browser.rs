//! Headless Chromium, the Nu HTML Checker and axe-core for the tests of pages people look
//! at. Each helper returns `None` (and prints why) when its tool is absent, unless
//! `MEDLOC_REQUIRE_BROWSER` is set (as `.ci/run` does), which turns absence into a failure.
#![allow(dead_code)]

use super::repo_root;
use std::path::{Path, PathBuf};
use std::process::Command;

fn absent(what: &str) {
    assert!(
        std::env::var_os("MEDLOC_REQUIRE_BROWSER").is_none(),
        "MEDLOC_REQUIRE_BROWSER is set but {what} is missing"
    );
    eprintln!("skipped: {what} is missing");
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    names.iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join(name))
                .find(|p| p.is_file())
        })
    })
}

pub fn chromium() -> Option<PathBuf> {
    let found = on_path(&["chromium", "chromium-browser", "google-chrome"]);
    if found.is_none() {
        absent("Chromium (install the chromium package)");
    }
    found
}

pub fn hugo() -> Option<PathBuf> {
    let found = on_path(&["hugo"]);
    if found.is_none() {
        absent("Hugo (install the hugo package)");
    }
    found
}

/// The Nu HTML Checker's jar, and java to run it.
pub fn vnu() -> Option<PathBuf> {
    let jar = std::env::var_os("MEDLOC_VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            repo_root().join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar")
        });
    if !jar.is_file() || Command::new("java").arg("-version").output().is_err() {
        absent("vnu.jar (npm install --prefix target/tools vnu-jar) or java");
        return None;
    }
    Some(jar)
}

/// axe-core's script.
pub fn axe() -> Option<PathBuf> {
    let script = repo_root().join("target/tools/node_modules/axe-core/axe.min.js");
    if !script.is_file() {
        absent("axe-core (npm install --prefix target/tools axe-core)");
        return None;
    }
    Some(script)
}

/// What Chromium saw of a page.
pub struct Visit {
    /// The DOM after scripts ran.
    pub dom: String,
    /// Every URL the browser requested (from its network log).
    pub urls: Vec<String>,
    /// Console messages (errors, warnings, logs) the page produced.
    pub console: Vec<String>,
}

fn base(browser: &Path, profile: &Path) -> Command {
    sized(browser, profile, 1200, 1600)
}

/// Chromium with a window (and so a viewport) of `width` x `height` CSS pixels.
fn sized(browser: &Path, profile: &Path, width: u32, height: u32) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--window-size={width},{height}"))
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Opens a file in headless Chromium: its DOM, requests and console; and a screenshot.
pub fn visit(browser: &Path, page: &Path, screenshot: &Path) -> Visit {
    let profile = tempfile::tempdir().unwrap();
    let netlog = profile.path().join("netlog.json");
    let url = format!("file://{}", page.display());
    let out = base(browser, profile.path())
        .arg(format!("--log-net-log={}", netlog.display()))
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    let shot = base(browser, profile.path())
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(shot.status.success());
    let log = std::fs::read_to_string(&netlog).unwrap_or_default();
    let urls = log
        .split("\"url\":\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect();
    Visit { dom, urls, console }
}

/// Chromium's own service traffic (update checks, time sync), not the page's.
pub fn is_browser_service(url: &str) -> bool {
    [
        "google.com/",
        "googleapis.com/",
        "gvt1.com/",
        "gstatic.com/",
    ]
    .iter()
    .any(|host| url.contains(host))
}

/// The requests a page made beyond local files.
pub fn network_requests(visit: &Visit) -> Vec<&String> {
    visit
        .urls
        .iter()
        .filter(|u| !u.starts_with("file:") && !is_browser_service(u))
        .collect()
}

/// Runs axe-core on a copy of `page` (beside it, so relative links still resolve) and
/// returns its violations as (rule, impact, nodes).
pub fn axe_violations(browser: &Path, axe: &Path, page: &Path) -> Vec<(String, String, u64)> {
    let script = format!(
        "<script src=\"file://{}\"></script><script>axe.run(document,{{resultTypes:['violations']}}).then(function(r){{document.body.setAttribute('data-axe',JSON.stringify(r.violations.map(function(v){{return [v.id,v.impact,v.nodes.length]}})))}}).catch(function(e){{document.body.setAttribute('data-axe','\"'+e+'\"')}})</script>",
        axe.display()
    );
    let parsed = injected(browser, page, &script, "axe", 15000);
    let raw = parsed.to_string();
    parsed
        .as_array()
        .unwrap_or_else(|| panic!("axe failed: {raw}"))
        .iter()
        .map(|v| {
            (
                v[0].as_str().unwrap_or_default().to_owned(),
                v[1].as_str().unwrap_or_default().to_owned(),
                v[2].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// How a page lays out in a viewport `width` CSS pixels wide, with every `<details>` open.
pub struct Layout {
    /// The viewport's width as the page saw it (`innerWidth`).
    pub viewport: f64,
    /// `document.documentElement.scrollWidth`: more than `viewport` means the page scrolls
    /// sideways.
    pub scroll_width: f64,
    /// Elements reaching past the viewport's edges outside a sideways-scrolling box, as
    /// `tag#id.class`.
    pub overflowing: Vec<String>,
    /// Each table, as `table#id.class`, with whether it fits its container and whether that
    /// container scrolls sideways (`overflow-x: auto` or `scroll`).
    pub tables: Vec<(String, bool, bool)>,
}

const LAYOUT_PROBE: &str = r#"<script>
(function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  function name(e) {
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  }
  function scrolls(e) {
    var x = getComputedStyle(e).overflowX;
    return x === 'auto' || x === 'scroll';
  }
  function inScroller(e) {
    for (var p = e.parentElement; p; p = p.parentElement) { if (scrolls(p)) return true; }
    return false;
  }
  var width = window.innerWidth, over = [];
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if ((r.right > width + 0.5 || r.left < -0.5) && !inScroller(e)) over.push(name(e));
  });
  var tables = Array.prototype.map.call(document.querySelectorAll('table'), function (t) {
    var box = t.parentElement;
    return [name(t), t.getBoundingClientRect().width <= box.clientWidth + 0.5, scrolls(box)];
  });
  parent.postMessage(JSON.stringify({
    viewport: width, scroll_width: document.documentElement.scrollWidth,
    overflowing: over, tables: tables
  }), '*');
})();
</script></body>"#;

/// Lays `page` out in a viewport `width` pixels wide (a copy beside it, with a probe
/// script), and saves a screenshot of it there too (`height` pixels tall, every
/// `<details>` open).
///
/// Headless Chromium will not make a window narrower than 500 pixels for `--dump-dom`
/// (a screenshot it does make at the width asked), so the copy is measured in an iframe
/// `width` pixels wide, which is its viewport: its media queries and `innerWidth` answer
/// to it. The probe posts what it found to the frame's parent.
pub fn layout(browser: &Path, page: &Path, width: u32, height: u32, screenshot: &Path) -> Layout {
    let html = std::fs::read_to_string(page).unwrap();
    let copy = page.with_extension(format!("{width}.html"));
    std::fs::write(&copy, html.replace("</body>", LAYOUT_PROBE)).unwrap();
    let frame = page.with_extension(format!("{width}.frame.html"));
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"file://{}\" style=\"border:0;width:{width}px;height:{height}px\"></iframe><script>addEventListener('message',function(e){{document.body.setAttribute('data-layout',e.data)}})</script></body></html>",
            copy.display()
        ),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = sized(browser, profile.path(), width.max(500) + 20, height)
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(format!("file://{}", frame.display()))
        .output()
        .unwrap();
    let shot = sized(browser, profile.path(), width, height)
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(format!("file://{}", copy.display()))
        .output()
        .unwrap();
    assert!(shot.status.success());
    std::fs::remove_file(&copy).unwrap();
    std::fs::remove_file(&frame).unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let raw = dom
        .split("data-layout=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("the layout probe did not run on {}", page.display()))
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    Layout {
        viewport: v["viewport"].as_f64().unwrap(),
        scroll_width: v["scroll_width"].as_f64().unwrap(),
        overflowing: strings(&v["overflowing"]),
        tables: v["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t[0].as_str().unwrap().to_owned(),
                    t[1].as_bool().unwrap(),
                    t[2].as_bool().unwrap(),
                )
            })
            .collect(),
    }
}

/// Runs the Nu HTML Checker on files; the errors it reports (empty when valid).
pub fn vnu_errors(jar: &Path, files: &[PathBuf]) -> String {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .args(files)
        .output()
        .unwrap();
    if out.status.success() {
        String::new()
    } else {
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

/// Runs `script` (a JavaScript expression whose value is JSON-serializable) in `page` once
/// it has loaded, images included, and returns its value. The page is copied beside itself
/// with the probe appended, so relative references resolve as they do for the page.
pub fn probe(browser: &Path, page: &Path, script: &str) -> serde_json::Value {
    let script = format!(
        "<script>addEventListener('load',function(){{document.body.setAttribute('data-probe',JSON.stringify({script}))}})</script>"
    );
    injected(browser, page, &script, "probe", 5000)
}

/// Loads a copy of `page` (beside it, so relative references resolve) with `script` added
/// at the end of its body, lets it run for up to `budget_ms` of virtual time, and parses
/// the JSON the script leaves in the body's `data-NAME` attribute.
fn injected(
    browser: &Path,
    page: &Path,
    script: &str,
    name: &str,
    budget_ms: u32,
) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    let copy = page.with_extension(format!("{name}.html"));
    std::fs::write(&copy, html.replace("</body>", &format!("{script}</body>"))).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = base(browser, profile.path())
        .arg(format!("--virtual-time-budget={budget_ms}"))
        .arg("--dump-dom")
        .arg(format!("file://{}", copy.display()))
        .output()
        .unwrap();
    std::fs::remove_file(&copy).unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let raw = dom
        .split(&format!("data-{name}=\""))
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("the {name} script did not run on {}", page.display()))
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&raw).unwrap()
}
