//! Real editors against `medloc lsp`. Neovim headless, with its built-in LSP client and a Lua
//! script (`tests/editors/neovim.lua`): it opens a German translation with a dropped
//! variable in a copy of the shipped project, waits for the diagnostic, hovers, and writes
//! what it saw to a file this test reads. Without `nvim` the test prints a skip and passes,
//! unless `MEDLOC_REQUIRE_BROWSER` or `CI` is set (`.ci/run` installs Debian's `neovim`).

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn have_nvim() -> bool {
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("MEDLOC_REQUIRE_BROWSER").is_none()
                && std::env::var_os("CI").is_none(),
            "MEDLOC_REQUIRE_BROWSER or CI is set but nvim is missing (apt-get install neovim)"
        );
        eprintln!("skipped: no nvim on PATH (apt-get install neovim)");
    }
    found
}

#[test]
fn neovim_shows_the_diagnostic_and_the_english_on_hover() {
    if !have_nvim() {
        return;
    }
    let project = common::shipped_project();
    let root = project.path().canonicalize().unwrap();
    let file = root.join("locales/de/ui.ftl");
    let seeded = std::fs::read_to_string(&file)
        .unwrap()
        .replace("von { $reviewer } am", "am");
    std::fs::write(&file, &seeded).unwrap();
    let line = seeded
        .lines()
        .position(|l| l.starts_with("page-reviewed"))
        .unwrap()
        + 1;
    let out = root.join("nvim-result.json");
    let script = common::repo_root().join("tests/editors/neovim.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("MEDLOC_BIN", env!("CARGO_BIN_EXE_medloc"))
        .env("MEDLOC_ROOT", &root)
        .env("MEDLOC_FILE", &file)
        .env("MEDLOC_LINE", line.to_string())
        .env("MEDLOC_OUT", &out)
        .env("XDG_STATE_HOME", root.join(".nvim-state"))
        .env("XDG_DATA_HOME", root.join(".nvim-data"))
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("nvim did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("the Lua script wrote its result"))
            .unwrap();
    assert!(result["error"].is_null(), "{result:#}");
    let diagnostics = result["diagnostics"].as_array().unwrap();
    let missing = diagnostics
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("missing variable $reviewer")
        })
        .unwrap_or_else(|| panic!("no missing-variable diagnostic in {result:#}"));
    assert_eq!(missing["line"], line - 1);
    assert_eq!(missing["col"], "page-reviewed = ".len());
    let hover = result["hover"].as_str().unwrap();
    assert!(
        hover.contains("Medically reviewed by { $reviewer } on { DATETIME($date) }"),
        "{hover}"
    );
}
