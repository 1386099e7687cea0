//! XLIFF round trips through tools nobody here wrote: Translate Toolkit (PyPI) reads and
//! writes medloc's XLIFF 1.2, the npm `xliff` package its XLIFF 2.1; medloc imports what they
//! wrote. Exactly the changed messages change; every other file keeps its bytes; broken
//! inline codes, a DOCTYPE, another locale or an unknown unit are refused with nothing
//! written. Without the tools the round-trip tests print a skip, except under `CI` or
//! `MEDLOC_REQUIRE_BROWSER=1` (`.ci/run` installs them), where they must run.

mod common;

use common::{medloc, repo_root, shipped_project, tree};
use std::path::{Path, PathBuf};
use std::process::Command;

fn required() -> bool {
    std::env::var_os("CI").is_some()
        || std::env::var("MEDLOC_REQUIRE_BROWSER").as_deref() == Ok("1")
}

/// Translate Toolkit's Python: `MEDLOC_TT_PYTHON`, else the venv `.ci/run` makes.
fn tt_python() -> Option<PathBuf> {
    let python = std::env::var_os("MEDLOC_TT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/tt-venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import translate.storage.xliff"])
        .output()
        .is_ok_and(|o| o.status.success());
    found_or_skip(
        ok.then_some(python),
        "Translate Toolkit (pip install translate-toolkit into target/tt-venv)",
    )
}

/// The npm `xliff` package, as `.ci/run` installs it.
fn npm_xliff() -> Option<PathBuf> {
    let module = repo_root().join("target/tools/node_modules/xliff");
    let ok = module.join("package.json").is_file()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    found_or_skip(
        ok.then_some(module),
        "node and the npm xliff package (npm install --prefix target/tools xliff)",
    )
}

fn found_or_skip(found: Option<PathBuf>, what: &str) -> Option<PathBuf> {
    if found.is_none() {
        assert!(!required(), "{what} is required under CI");
        eprintln!("skipped: {what} not found");
    }
    found
}

fn export(dir: &Path, version: &str) -> PathBuf {
    let out = dir.join("out");
    medloc(dir)
        .args(["xliff", "export", "es", "--article", "track-marks", "-o"])
        .arg(&out)
        .args(["--xliff-version", version])
        .assert()
        .success();
    out.join("track-marks.es.xlf")
}

/// The project's files but the exported XLIFF.
fn project_files(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = tree(dir);
    files.retain(|p, _| !p.starts_with("out"));
    files
}

fn changed_lines(before: &[u8], after: &[u8]) -> Vec<(String, String)> {
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    let b: Vec<&str> = before.lines().collect();
    let a: Vec<&str> = after.lines().collect();
    assert_eq!(a.len(), b.len(), "line count changed:\n{after}");
    b.iter()
        .zip(&a)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect()
}

#[test]
fn xliff_12_round_trip_through_translate_toolkit() {
    let Some(python) = tt_python() else { return };
    let dir = shipped_project();
    let xlf = export(dir.path(), "1.2");
    let before = project_files(dir.path());
    let edited = dir.path().join("out/edited.xlf");
    let script = repo_root().join("tests/fixtures/interchange/tt_set_target.py");
    let status = Command::new(&python)
        .arg(&script)
        .args([&xlf, &edited])
        .args(["key-takeaways-heading", "Lo esencial"])
        .status()
        .unwrap();
    assert!(status.success());
    medloc(dir.path())
        .args(["xliff", "import"])
        .arg(&edited)
        .assert()
        .success();
    let after = project_files(dir.path());
    let es = PathBuf::from("locales/es/track-marks.ftl");
    for (path, bytes) in &before {
        if *path != es {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    assert_eq!(
        changed_lines(&before[&es], &after[&es]),
        vec![(
            "key-takeaways-heading = Puntos clave".to_owned(),
            "key-takeaways-heading = Lo esencial".to_owned()
        )]
    );

    // A plain-text target written by Translate Toolkit, without the <g> of <strong>: refused,
    // naming the unit.
    let broken = dir.path().join("out/broken.xlf");
    let status = Command::new(&python)
        .arg(&script)
        .args([&xlf, &broken])
        .args([
            "how-track-marks-form-item-1",
            "Agujas desafiladas: sin etiquetas.",
            "--replace",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let kept = project_files(dir.path());
    medloc(dir.path())
        .args(["xliff", "import"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unit how-track-marks-form-item-1",
        ))
        .stderr(predicates::str::contains("lacks inline code"));
    assert_eq!(project_files(dir.path()), kept, "nothing written");
}

#[test]
fn xliff_21_round_trip_through_npm_xliff() {
    let Some(module) = npm_xliff() else { return };
    let dir = shipped_project();
    let xlf = export(dir.path(), "2.1");
    let before = project_files(dir.path());
    let edited = dir.path().join("out/edited.xlf");
    let status = Command::new("node")
        .arg(repo_root().join("tests/fixtures/interchange/xliff2_set_target.js"))
        .args([&xlf, &edited])
        .args([
            "key-takeaways-item-1",
            "Las marcas de inyección son heridas pequeñas.",
        ])
        .env("XLIFF_MODULE", &module)
        .status()
        .unwrap();
    assert!(status.success());
    medloc(dir.path())
        .args(["xliff", "import"])
        .arg(&edited)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "1 unit(s) updated: key-takeaways-item-1",
        ));
    let after = project_files(dir.path());
    let es = PathBuf::from("locales/es/track-marks.ftl");
    for (path, bytes) in &before {
        if *path != es {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    let changes = changed_lines(&before[&es], &after[&es]);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        changes[0].1,
        "key-takeaways-item-1 = Las marcas de inyección son heridas pequeñas."
    );
}

#[test]
fn export_then_import_unchanged_writes_nothing_and_is_well_formed() {
    let dir = shipped_project();
    for version in ["2.1", "1.2"] {
        let xlf = export(dir.path(), version);
        let text = std::fs::read_to_string(&xlf).unwrap();
        assert!(
            text.contains("<pc id=") || text.contains("<g id="),
            "{version}: paired codes"
        );
        assert!(text.contains("Section heading."), "{version}: notes");
        if Command::new("xmllint").arg("--version").output().is_ok() {
            let out = Command::new("xmllint")
                .arg("--noout")
                .arg(&xlf)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let before = project_files(dir.path());
        medloc(dir.path())
            .args(["xliff", "import"])
            .arg(&xlf)
            .assert()
            .success()
            .stdout(predicates::str::contains("nothing to import"));
        assert_eq!(project_files(dir.path()), before);
    }
}

/// Writes `xlf` with `from` replaced by `to` as `name` beside it.
fn edit(xlf: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(xlf).unwrap();
    assert!(text.contains(from), "{from} not in the export");
    let path = xlf.with_file_name(name);
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn bad_input_is_refused_with_nothing_written() {
    let dir = shipped_project();
    let xlf = export(dir.path(), "2.1");
    let before = project_files(dir.path());
    let cases = [
        (
            edit(
                &xlf,
                "doctype.xlf",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            ),
            "DOCTYPE",
        ),
        (
            edit(&xlf, "locale.xlf", "trgLang=\"es\"", "trgLang=\"pt\""),
            "\"pt\" is not a locale",
        ),
        (
            edit(
                &xlf,
                "unit.xlf",
                "<unit id=\"title\">",
                "<unit id=\"no-such-id\">",
            ),
            "unit no-such-id: no such message",
        ),
        (
            edit(
                &xlf,
                "file.xlf",
                "original=\"track-marks.ftl\"",
                "original=\"other.ftl\"",
            ),
            "\"other.ftl\" is not a reference file",
        ),
        (
            edit(
                &xlf,
                "extra.xlf",
                ">Puntos clave</target>",
                ">Puntos <ph id=\"9\"/>clave</target>",
            ),
            "unit key-takeaways-heading: the target has inline code 9",
        ),
        (
            edit(&xlf, "malformed.xlf", "</xliff>", "</xlif>"),
            "not well-formed",
        ),
    ];
    for (path, expected) in cases {
        medloc(dir.path())
            .args(["xliff", "import"])
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(expected));
        assert_eq!(project_files(dir.path()), before, "{}", path.display());
    }
}

#[test]
fn import_adding_a_check_error_is_refused_unless_forced() {
    let dir = shipped_project();
    let xlf = export(dir.path(), "2.1");
    let before = project_files(dir.path());
    let bad = edit(
        &xlf,
        "rlo.xlf",
        ">Puntos clave</target>",
        ">Puntos &#x202E;clave</target>",
    );
    medloc(dir.path())
        .args(["xliff", "import"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "invisible-control (key-takeaways-heading)",
        ));
    assert_eq!(project_files(dir.path()), before);
    medloc(dir.path())
        .args(["xliff", "import", "--force"])
        .arg(&bad)
        .assert()
        .success();
    let es = std::fs::read_to_string(dir.path().join("locales/es/track-marks.ftl")).unwrap();
    assert!(es.contains("key-takeaways-heading = Puntos \u{202E}clave\n"));
}
