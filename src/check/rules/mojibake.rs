//! ## What it does
//! Reports text that went wrong between encodings, when its reference does not have the
//! same characters:
//! - UTF-8 decoded as Windows-1252 or Latin-1: `lâ€™app` for `l’app`, `cafÃ©` for `café`,
//!   `ÐŸÑ€Ð¸Ð²ÐµÑ‚` for `Привет`, `æ—¥æœ¬` for `日本`. A run of characters counts when
//!   their Windows-1252 bytes are valid multi-byte UTF-8; the finding says what it should read;
//! - U+FFFD, the replacement character a decoder writes for bytes it could not read;
//! - C1 control characters (U+0080 to U+009F), Windows-1252 bytes decoded as Latin-1.
//!
//! Default severity: error. Each of these is a defect a reviewer must fix: no language is
//! written with them.
//!
//! Deliberately not reported:
//! - real Latin text: Portuguese `não`, `ação`, French `à «`, Hungarian `ő`, Nordic `æøå`.
//!   Their characters are not UTF-8 bytes when encoded back, which is what is tested, not a
//!   list of suspicious letters;
//! - a two-byte sequence alone that is not `Â` or `Ã` then a symbol (`CAFÉ”` happens to be
//!   the bytes of `ɔ`): mojibake of Cyrillic, Greek, Hebrew and Arabic comes in words of
//!   several such pairs, and that is what is reported;
//! - the same sequence in the reference (a message that shows mojibake on purpose).
//!
//! ## Why it matters
//! A page that reads `lâ€™app` or `Ã©` looks broken and untrustworthy, and a
//! garbled word in a dosage instruction cannot be read at all.
//!
//! ## Example
//! Bad (fr): `intro = Ouvrez lâ€™application.`; good: `intro = Ouvrez l’application.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::text::mojibake::{Garbled, mojibake};

pub(crate) static RULE: Rule = Rule {
    name: "mojibake",
    severity: Severity::Error,
    summary: "Text garbled between encodings (UTF-8 read as Windows-1252), U+FFFD or C1 controls.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let text = &pair.translation.text;
        for (range, garbled) in mojibake(text) {
            let written = &text[range];
            if pair.reference.text.contains(written) {
                continue;
            }
            let message = match &garbled {
                Garbled::Misdecoded(meant) => format!(
                    "\"{written}\" is UTF-8 read as Windows-1252 (mojibake): it should read \"{meant}\""
                ),
                Garbled::Replacement => {
                    "U+FFFD replacement character: a character was lost in decoding".to_owned()
                }
                Garbled::C1Control => format!(
                    "C1 control character U+{:04X}: a Windows-1252 byte decoded as Latin-1",
                    written.chars().next().map_or(0, u32::from)
                ),
            };
            let mut f = ctx.pair_finding(&RULE, &pair, Some(written), message);
            f.hint = Some(
                "re-save the file as UTF-8 from the original text, or retype the characters"
                    .to_owned(),
            );
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
