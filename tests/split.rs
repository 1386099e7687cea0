//! `medloc split`: the shipped article's reference file, idempotence, stable IDs under
//! edits, and bad input. Drives the real binary on temporary projects.

mod common;

use common::{SHIPPED_ARTICLE, article_project, medloc, messages, repo_root};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn ftl(dir: &Path) -> std::path::PathBuf {
    dir.join("locales/en-US/track-marks.ftl")
}

/// Splits `article`, then `edited`, and returns the ID-to-text maps before and after.
fn split_twice(
    article: &str,
    edited: &str,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let dir = article_project("track-marks", article);
    medloc(dir.path()).arg("split").assert().success();
    let before = messages(&ftl(dir.path())).into_iter().collect();
    std::fs::write(dir.path().join("source/track-marks.md"), edited).unwrap();
    medloc(dir.path()).arg("split").assert().success();
    let after = messages(&ftl(dir.path())).into_iter().collect();
    (before, after)
}

fn edit(from: &str, to: &str) -> String {
    assert!(SHIPPED_ARTICLE.contains(from), "fixture text moved: {from}");
    SHIPPED_ARTICLE.replacen(from, to, 1)
}

fn ids(map: &BTreeMap<String, String>) -> BTreeSet<&str> {
    map.keys().map(String::as_str).collect()
}

/// IDs in `b` and not in `a`, sorted.
fn only_in(b: &BTreeMap<String, String>, a: &BTreeMap<String, String>) -> Vec<String> {
    b.keys().filter(|k| !a.contains_key(*k)).cloned().collect()
}

#[test]
fn shipped_article_reference_file() {
    let text = std::fs::read_to_string(repo_root().join("locales/en-US/track-marks.ftl")).unwrap();
    insta::assert_snapshot!("track_marks_ftl", text);
}

#[test]
fn shipped_reference_is_up_to_date() {
    medloc(&repo_root())
        .args(["split", "--check"])
        .assert()
        .success()
        .stdout(predicates::str::contains("up to date"));
}

#[test]
fn output_parses_without_junk_and_round_trips() {
    let text = std::fs::read_to_string(repo_root().join("locales/en-US/track-marks.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).expect("no Junk");
    assert!(resource.body.len() > 80);
    assert_eq!(fluent_syntax::serializer::serialize(&resource), text);
    // The article's blocks are all there: 81 body blocks plus title and summary.
    assert_eq!(
        messages(&repo_root().join("locales/en-US/track-marks.ftl")).len(),
        83
    );
}

#[test]
fn split_is_idempotent() {
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    medloc(dir.path()).arg("split").assert().success();
    let first = std::fs::read(ftl(dir.path())).unwrap();
    medloc(dir.path())
        .arg("split")
        .assert()
        .success()
        .stdout(predicates::str::contains("up to date"));
    assert_eq!(std::fs::read(ftl(dir.path())).unwrap(), first);
    // Same bytes as the shipped file: the output does not depend on where it runs.
    assert_eq!(
        first,
        std::fs::read(repo_root().join("locales/en-US/track-marks.ftl")).unwrap()
    );
}

#[test]
fn editing_a_sentence_keeps_its_id() {
    let (before, after) = split_twice(
        SHIPPED_ARTICLE,
        &edit(
            "Track marks form initially from the needle puncture wound.",
            "Track marks first form from the wound the needle makes.",
        ),
    );
    assert_eq!(ids(&before), ids(&after));
    assert_ne!(
        before["how-track-marks-form-para-1"],
        after["how-track-marks-form-para-1"]
    );
    assert!(after["how-track-marks-form-para-1"].starts_with("Track marks first form"));
    let changed: Vec<&String> = before.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(changed, ["how-track-marks-form-para-1"]);
}

#[test]
fn rewording_a_short_item_in_place_keeps_its_id() {
    let (before, after) = split_twice(SHIPPED_ARTICLE, &edit("- Neck\n", "- Side of the neck\n"));
    assert_eq!(ids(&before), ids(&after));
    assert_eq!(
        after["common-locations-of-track-marks-item-5"],
        "Side of the neck"
    );
}

#[test]
fn inserting_a_paragraph_adds_one_fresh_id() {
    let (before, after) = split_twice(
        SHIPPED_ARTICLE,
        &edit(
            "## Health risks and complications\n",
            "## Health risks and complications\n\nSee a doctor quickly if a wound becomes hot, swollen or painful.\n",
        ),
    );
    assert_eq!(
        only_in(&after, &before),
        ["health-risks-and-complications-para-2"]
    );
    for (id, text) in &before {
        assert_eq!(&after[id], text, "{id} moved or changed");
    }
}

#[test]
fn deleting_a_paragraph_leaves_the_others() {
    let para = "Clotting, abscesses, bacterial infections, or other complications may require surgical intervention followed by medications.\n\n";
    let (before, after) = split_twice(SHIPPED_ARTICLE, &edit(para, ""));
    assert_eq!(only_in(&before, &after), ["medical-care-para-3"]);
    for (id, text) in &after {
        assert_eq!(&before[id], text, "{id} changed");
    }
}

#[test]
fn moving_a_paragraph_keeps_every_id() {
    let para = "There are many health risks and complications that can occur as a result of injecting drugs.\n\n";
    let moved = edit(para, "").replacen(
        "## Medical care: How to heal track marks {#medical-care}\n\n",
        &format!("## Medical care: How to heal track marks {{#medical-care}}\n\n{para}"),
        1,
    );
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    medloc(dir.path()).arg("split").assert().success();
    let before: BTreeMap<String, String> = messages(&ftl(dir.path())).into_iter().collect();
    std::fs::write(dir.path().join("source/track-marks.md"), &moved).unwrap();
    medloc(dir.path()).arg("split").assert().success();
    let order = messages(&ftl(dir.path()));
    let after: BTreeMap<String, String> = order.iter().cloned().collect();
    assert_eq!(before, after);
    // ... and the file order follows the article.
    let pos = |id: &str| order.iter().position(|x| x.0 == id).unwrap();
    assert!(pos("health-risks-and-complications-para-1") > pos("medical-care-heading"));
}

#[test]
fn renaming_a_heading_keeps_ids_beneath_it() {
    let (before, after) = split_twice(
        SHIPPED_ARTICLE,
        &edit(
            "## How track marks form\n",
            "## Why injection marks appear\n",
        ),
    );
    assert_eq!(ids(&before), ids(&after));
    assert_eq!(
        after["how-track-marks-form-heading"],
        "Why injection marks appear"
    );
    for id in before
        .keys()
        .filter(|k| k.starts_with("how-track-marks-form-") && !k.ends_with("heading"))
    {
        assert_eq!(before[id], after[id]);
    }
}

#[test]
fn new_block_never_reuses_an_id_deleted_in_the_same_run() {
    // Delete the last item of one list and add an item at the end of the same section's
    // paragraph run elsewhere: the new block must not take the deleted ID.
    let edited =
        edit("- Scars from wounds or infections\n", "").replacen("- Neck\n", "- Neck\n- Feet\n", 1);
    let (before, after) = split_twice(SHIPPED_ARTICLE, &edited);
    assert_eq!(
        only_in(&before, &after),
        ["what-track-marks-look-like-item-5"]
    );
    assert_eq!(
        only_in(&after, &before),
        ["common-locations-of-track-marks-item-6"]
    );
    assert_eq!(after["common-locations-of-track-marks-item-6"], "Feet");
}

#[test]
fn a_new_section_gets_ids_from_its_heading() {
    let (before, after) = split_twice(
        SHIPPED_ARTICLE,
        &edit(
            "## FAQs about track marks",
            "## When to get urgent care\n\nCall emergency services if someone has trouble breathing.\n\n## FAQs about track marks",
        ),
    );
    assert_eq!(
        only_in(&after, &before),
        [
            "when-to-get-urgent-care-heading",
            "when-to-get-urgent-care-para-1"
        ]
    );
}

#[test]
fn check_mode_lists_differences_and_writes_nothing() {
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    medloc(dir.path()).arg("split").assert().success();
    let before = std::fs::read(ftl(dir.path())).unwrap();
    std::fs::write(
        dir.path().join("source/track-marks.md"),
        edit(
            "- Neck\n",
            "- Neck\n- Feet and ankles, where veins are small and heal slowly\n",
        ),
    )
    .unwrap();
    medloc(dir.path())
        .args(["split", "--check"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("out of date"))
        .stdout(predicates::str::contains(
            "+ common-locations-of-track-marks-item-6",
        ));
    assert_eq!(std::fs::read(ftl(dir.path())).unwrap(), before);
}

#[test]
fn check_mode_on_a_missing_reference_fails() {
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    medloc(dir.path())
        .args(["split", "--check"])
        .assert()
        .code(1);
    assert!(!ftl(dir.path()).exists());
}

#[test]
fn init_then_split_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("guide");
    medloc(dir.path())
        .args(["init", "guide"])
        .assert()
        .success();
    assert!(target.join("l10n.toml").is_file());
    assert!(target.join("source/track-marks.md").is_file());
    medloc(&target)
        .args(["split", "--check"])
        .assert()
        .success();
    // init never overwrites.
    medloc(dir.path())
        .args(["init", "guide"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("never overwrites"));
}

#[test]
fn split_leaves_no_temporary_files() {
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    medloc(dir.path()).arg("split").assert().success();
    let names: Vec<String> = std::fs::read_dir(dir.path().join("locales/en-US"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["track-marks.ftl"]);
}

// ---- bad input ----

const FRONT: &str = "+++\ntitle = \"T\"\nslug = \"a\"\nsummary = \"S\"\nauthor = \"A\"\nwritten = \"2024-01-01\"\nreviewed = \"2024-01-02\"\nupdated = \"2024-01-03\"\n[reviewer]\nname = \"R\"\ncredentials = \"MD\"\n+++\n";

fn split_error(article: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("source")).unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en-US")).unwrap();
    std::fs::write(dir.path().join("source/a.md"), article).unwrap();
    let out = medloc(dir.path())
        .arg("split")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        !dir.path().join("locales/en-US/a.ftl").exists(),
        "nothing written on error"
    );
    String::from_utf8(out.stderr).unwrap()
}

fn split_ok(article: &[u8]) -> (tempfile::TempDir, Vec<(String, String)>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("source")).unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en-US")).unwrap();
    std::fs::write(dir.path().join("source/a.md"), article).unwrap();
    let out = medloc(dir.path())
        .arg("split")
        .assert()
        .success()
        .get_output()
        .clone();
    let msgs = messages(&dir.path().join("locales/en-US/a.ftl"));
    (dir, msgs, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let mut article = FRONT.as_bytes().to_vec();
    article.extend_from_slice(b"\nGood line.\n\nBad \xff byte.\n");
    let err = split_error(&article);
    assert!(
        err.contains("source/a.md:16: the file is not valid UTF-8 (first bad byte at column 5)"),
        "{err}"
    );
}

#[test]
fn bom_and_crlf_give_the_same_messages() {
    let plain = format!("{FRONT}\n## Heading one\n\nA paragraph.\nSecond line.\n");
    let (_d1, expected, _) = split_ok(plain.as_bytes());
    let mut bom_crlf = b"\xef\xbb\xbf".to_vec();
    bom_crlf.extend_from_slice(plain.replace('\n', "\r\n").as_bytes());
    let (_d2, got, _) = split_ok(&bom_crlf);
    assert_eq!(got, expected);
    assert!(got.iter().any(|(_, v)| v == "A paragraph. Second line."));
}

#[test]
fn unterminated_front_matter_is_an_error() {
    let err = split_error(b"+++\ntitle = \"T\"\n\nBody.\n");
    assert!(
        err.contains("source/a.md:1: unterminated front matter"),
        "{err}"
    );
}

#[test]
fn missing_front_matter_is_an_error() {
    let err = split_error(b"# Just a heading\n");
    assert!(err.contains("source/a.md:1: missing front matter"), "{err}");
}

#[test]
fn malformed_front_matter_names_its_line() {
    let bad = FRONT.replace("author = \"A\"", "author = A B");
    let err = split_error(bad.as_bytes());
    assert!(err.contains("source/a.md:5: front matter:"), "{err}");
}

#[test]
fn missing_slug_is_an_error() {
    let bad = FRONT.replace("slug = \"a\"\n", "");
    let err = split_error(bad.as_bytes());
    assert!(err.contains("missing field `slug`"), "{err}");
}

#[test]
fn bad_slug_and_bad_date_are_errors() {
    let err = split_error(FRONT.replace("slug = \"a\"", "slug = \"../x\"").as_bytes());
    assert!(err.contains("slug \"../x\" must be lowercase"), "{err}");
    let err = split_error(FRONT.replace("2024-01-02", "17 December 2024").as_bytes());
    assert!(
        err.contains("reviewed = \"17 December 2024\" is not an ISO 8601 date"),
        "{err}"
    );
}

#[test]
fn heading_without_letters_gets_a_numbered_section() {
    let (_d, msgs, stderr) = split_ok(format!("{FRONT}\n## 常见问题\n\nText.\n").as_bytes());
    assert!(stderr.contains("section-1"), "{stderr}");
    let ids: Vec<&str> = msgs.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(
        ids,
        ["title", "summary", "section-1-heading", "section-1-para-1"]
    );
}

#[test]
fn duplicate_headings_get_distinct_ids() {
    let (_d, msgs, _) =
        split_ok(format!("{FRONT}\n## Dosage\n\nOne.\n\n## Dosage\n\nTwo.\n").as_bytes());
    let ids: Vec<&str> = msgs.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "title",
            "summary",
            "dosage-heading",
            "dosage-para-1",
            "dosage-2-heading",
            "dosage-2-para-1"
        ]
    );
}

#[test]
fn empty_paragraphs_make_no_message() {
    let (_d, msgs, _) = split_ok(format!("{FRONT}\n** **\n\nReal text.\n\n-\n").as_bytes());
    let values: Vec<&str> = msgs.iter().skip(2).map(|m| m.1.as_str()).collect();
    assert_eq!(values, ["Real text."]);
}

#[test]
fn raw_html_is_refused_with_its_line() {
    let err = split_error(format!("{FRONT}\nFine.\n\n<div onclick=\"x()\">boo</div>\n").as_bytes());
    assert!(err.contains("source/a.md:16: raw HTML"), "{err}");
    let err = split_error(format!("{FRONT}\nInline <script>alert(1)</script> here.\n").as_bytes());
    assert!(err.contains("source/a.md:14: raw HTML"), "{err}");
}

#[test]
fn braces_and_angle_brackets_are_escaped() {
    let (dir, msgs, _) =
        split_ok(format!("{FRONT}\nUse {{ dose }} if < 5 mg & `x{{y}}`.\n").as_bytes());
    assert_eq!(
        msgs[2].1,
        r#"Use { "{" } dose { "}" } if &lt; 5 mg & { "x{y}" }."#
    );
    let text = std::fs::read_to_string(dir.path().join("locales/en-US/a.ftl")).unwrap();
    fluent_syntax::parser::parse(text.as_str()).expect("valid FTL");
}

#[test]
fn a_ten_megabyte_article_splits() {
    let mut article = String::from(FRONT);
    let para = "Injecting drugs can lead to many health risks, including infection, abscesses, clotting, and organ failure. ";
    let mut n: usize = 0;
    while article.len() < 10 * 1024 * 1024 {
        if n.is_multiple_of(25) {
            article.push_str(&format!("\n## Part {n}\n"));
        }
        article.push_str(&format!("\n{para}{para}Paragraph {n}.\n"));
        n += 1;
    }
    let (dir, msgs, _) = split_ok(article.as_bytes());
    assert_eq!(msgs.len(), 2 + n + n.div_ceil(25));
    medloc(dir.path())
        .args(["split", "--check"])
        .assert()
        .success();
}

#[test]
fn one_bad_article_does_not_stop_the_others() {
    let dir = article_project("track-marks", SHIPPED_ARTICLE);
    std::fs::write(dir.path().join("source/broken.md"), "no front matter\n").unwrap();
    medloc(dir.path())
        .arg("split")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "source/broken.md:1: missing front matter",
        ));
    assert!(ftl(dir.path()).is_file());
}
