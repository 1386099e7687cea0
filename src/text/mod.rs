//! Scanners over message prose (text and literals, placeables removed): one scanner a file,
//! each a leaf that knows no Fluent, project, rule or termbase. The rules, the term matcher,
//! the catalog and coverage all read text through these, so two of them cannot disagree on
//! where a tag, a URL or a sentence is.

pub mod markup;
pub mod mojibake;
pub mod names;
pub mod numbers;
pub mod sentences;
pub mod urls;
pub mod words;
