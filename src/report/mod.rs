//! Writers: one per output format, each fed the same model. They return text; the CLI
//! decides where it goes.

pub mod check_json;
pub mod check_sarif;
pub mod check_short;
pub mod check_text;
pub mod coverage_html;
pub mod coverage_json;
pub mod coverage_markdown;
pub mod coverage_text;
pub mod terms_json;
pub mod terms_text;
