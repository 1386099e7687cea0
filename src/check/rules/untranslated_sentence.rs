//! ## What it does
//! Reports a sentence of the reference that appears, word for word, inside a translation
//! that is otherwise different: English pasted into a translated paragraph, or a sentence
//! the translator left for later. Only sentences of at least four words and twenty letters
//! count, after do-not-translate names (termbase), string literals (`{ "..." }`, quoted
//! verbatim by design) and URLs are taken out of them.
//!
//! Deliberately not reported:
//! - a translation identical to its reference: that is `untranslated`;
//! - regional variants of the reference language (`en-GB`, `en-CA` in an `en-US` project),
//!   which rightly keep most sentences;
//! - short sentences and names (`Firefox Relay Premium`, `Terms of Service`): fewer than four
//!   words or twenty letters is as likely a name, a title or a loanword as English left over;
//! - brand terms (`{ -brand-name-firefox }`), which are placeables and not text;
//! - command lines and format examples (a word that is an option, `--complement`, or holds
//!   `%`, `_`, `=`, `/`, `` ` `` or `$`): translations quote them as they are.
//!
//! ## Why it matters
//! A reader who needs the guide in their language meets a sentence they cannot read, often
//! the newest one (a warning added to the reference after the translation was made), and
//! every other check passes it.
//!
//! ## Example
//! Reference: `Clean the site. Use a new needle every time.`; bad (pt): `Limpe o local. Use a
//! new needle every time.`; good: `Limpe o local. Use uma agulha nova todas as vezes.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::text::sentences::sentences;
use crate::text::urls::urls_and_domains;
use crate::text::words::is_wordy;

pub(crate) static RULE: Rule = Rule {
    name: "untranslated-sentence",
    severity: Severity::Warning,
    summary: "A sentence of the reference appears verbatim inside an otherwise translated text.",
    scope: Scope::Pair,
    check,
};

/// At least this many words and letters, so names and titles never count.
const MIN_WORDS: usize = 4;
const MIN_LETTERS: usize = 20;

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    if ctx.locale.is_reference_language() {
        return;
    }
    for pair in ctx.pattern_pairs() {
        let translation = &pair.translation.prose;
        if pair.translation.text == pair.reference.text {
            continue;
        }
        // The reference's long sentences, split once for every locale.
        let long = pair.reference.long_sentences(|prose| {
            sentences(prose)
                .into_iter()
                .filter(|s| is_wordy(s, MIN_WORDS, MIN_LETTERS) && !is_code(s))
                .collect()
        });
        for sentence in long {
            if !translation.contains(sentence.as_str()) || !language_left(ctx, &pair, sentence) {
                continue;
            }
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                Some(sentence),
                format!("untranslated sentence of the reference: \"{sentence}\""),
            ));
            break;
        }
    }
}

/// Whether the sentence is still long enough once what stays in English by design is out.
fn language_left(
    ctx: &FileCheck<'_>,
    pair: &crate::check::PatternPair<'_>,
    sentence: &str,
) -> bool {
    let mut rest = sentence.to_owned();
    for (range, _) in ctx.do_not_translate.find_in(sentence).into_iter().rev() {
        rest.replace_range(range, " ");
    }
    for literal in pair.reference.literals.iter().filter(|l| !l.is_empty()) {
        rest = rest.replace(literal.as_str(), " ");
    }
    for (url, _) in urls_and_domains(sentence) {
        rest = rest.replace(url, " ");
    }
    is_wordy(&rest, MIN_WORDS, MIN_LETTERS)
}

/// A command line or format example (`cut --complement -f 4-6 some_file.txt`, `printf '%X'`),
/// which translations quote as it is.
fn is_code(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        let option =
            w.starts_with('-') && w.trim_start_matches('-').starts_with(char::is_alphabetic);
        option || w.contains(['%', '_', '=', '/', '`', '$'])
    })
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
