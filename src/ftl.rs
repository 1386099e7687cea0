//! Helpers over `fluent-syntax`: parsing a file once, finding where an AST node sits in the
//! source (the Rust AST carries no positions, fluent-rs#270, but every `&str` in it borrows
//! from the source text, so its byte offset is exact), and flattening patterns to text.

use fluent_syntax::ast;

/// A Fluent file's text with its line index. The AST borrows from the text, so it is
/// produced by [`ParsedFile::resource`] and held by the caller for as long as it needs it.
pub struct ParsedFile {
    text: String,
    line_starts: Vec<usize>,
}

impl ParsedFile {
    pub fn new(text: String) -> Self {
        let line_starts = line_starts(&text);
        ParsedFile { text, line_starts }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The AST. Junk entries are kept in the body; parse errors are returned beside it.
    pub fn resource(&self) -> (ast::Resource<&str>, Vec<fluent_syntax::parser::ParserError>) {
        match fluent_syntax::parser::parse(self.text.as_str()) {
            Ok(res) => (res, Vec::new()),
            Err((res, errors)) => (res, errors),
        }
    }

    /// Byte offset of a slice borrowed from this file's text.
    pub fn offset_of(&self, slice: &str) -> usize {
        offset_in(&self.text, slice)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        position(&self.text, &self.line_starts, offset)
    }
}

pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

pub fn position(text: &str, line_starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = line_starts.partition_point(|&s| s <= offset).max(1);
    let start = line_starts[line - 1];
    let column = text
        .get(start..offset)
        .map_or(offset - start, |s| s.chars().count())
        + 1;
    (line, column)
}

/// Byte offset of `slice` inside `text`, when it borrows from it; 0 otherwise.
pub fn offset_in(text: &str, slice: &str) -> usize {
    let base = text.as_ptr() as usize;
    let ptr = slice.as_ptr() as usize;
    if ptr >= base && ptr <= base + text.len() {
        ptr - base
    } else {
        0
    }
}

/// A pattern as a translator reads it: text elements verbatim, string literals unquoted,
/// other placeables as `{ ... }` in their Fluent source form.
pub fn flatten_pattern<S: AsRef<str>>(pattern: &ast::Pattern<S>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value.as_ref()),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(&unescape_literal(value.as_ref()))
                }
                other => {
                    out.push_str("{ ");
                    out.push_str(&expression_source(other));
                    out.push_str(" }");
                }
            },
        }
    }
    out
}

/// The Fluent source of an expression, through the official serializer (which needs one
/// slice type, hence the borrowed copy made by `map_expression`).
fn expression_source<S: AsRef<str>>(expression: &ast::Expression<S>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: map_expression(expression),
                }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&resource);
    // `x = { ... }` on one line, or `x =\n    { ... }` for a select expression.
    let body = text.trim_end().strip_prefix("x =").unwrap_or(&text).trim();
    body.strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .map_or(body, str::trim)
        .to_owned()
}

fn map_expression<S: AsRef<str>>(e: &ast::Expression<S>) -> ast::Expression<&str> {
    match e {
        ast::Expression::Inline(i) => ast::Expression::Inline(map_inline(i)),
        ast::Expression::Select { selector, variants } => ast::Expression::Select {
            selector: map_inline(selector),
            variants: variants
                .iter()
                .map(|v| ast::Variant {
                    key: match &v.key {
                        ast::VariantKey::Identifier { name } => ast::VariantKey::Identifier {
                            name: name.as_ref(),
                        },
                        ast::VariantKey::NumberLiteral { value } => {
                            ast::VariantKey::NumberLiteral {
                                value: value.as_ref(),
                            }
                        }
                    },
                    value: map_pattern(&v.value),
                    default: v.default,
                })
                .collect(),
        },
    }
}

fn map_pattern<S: AsRef<str>>(p: &ast::Pattern<S>) -> ast::Pattern<&str> {
    ast::Pattern {
        elements: p
            .elements
            .iter()
            .map(|el| match el {
                ast::PatternElement::TextElement { value } => ast::PatternElement::TextElement {
                    value: value.as_ref(),
                },
                ast::PatternElement::Placeable { expression } => ast::PatternElement::Placeable {
                    expression: map_expression(expression),
                },
            })
            .collect(),
    }
}

fn map_inline<S: AsRef<str>>(i: &ast::InlineExpression<S>) -> ast::InlineExpression<&str> {
    use ast::InlineExpression as I;
    fn id<S: AsRef<str>>(x: &ast::Identifier<S>) -> ast::Identifier<&str> {
        ast::Identifier {
            name: x.name.as_ref(),
        }
    }
    fn args<S: AsRef<str>>(a: &ast::CallArguments<S>) -> ast::CallArguments<&str> {
        ast::CallArguments {
            positional: a.positional.iter().map(map_inline).collect(),
            named: a
                .named
                .iter()
                .map(|n| ast::NamedArgument {
                    name: id(&n.name),
                    value: map_inline(&n.value),
                })
                .collect(),
        }
    }
    match i {
        I::StringLiteral { value } => I::StringLiteral {
            value: value.as_ref(),
        },
        I::NumberLiteral { value } => I::NumberLiteral {
            value: value.as_ref(),
        },
        I::FunctionReference { id: f, arguments } => I::FunctionReference {
            id: id(f),
            arguments: args(arguments),
        },
        I::MessageReference { id: m, attribute } => I::MessageReference {
            id: id(m),
            attribute: attribute.as_ref().map(id),
        },
        I::TermReference {
            id: t,
            attribute,
            arguments,
        } => I::TermReference {
            id: id(t),
            attribute: attribute.as_ref().map(id),
            arguments: arguments.as_ref().map(args),
        },
        I::VariableReference { id: v } => I::VariableReference { id: id(v) },
        I::Placeable { expression } => I::Placeable {
            expression: Box::new(map_expression(expression)),
        },
    }
}

/// A string literal's value with `\"`, `\\` and `\uXXXX` escapes resolved.
pub fn unescape_literal(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => push_code_point(&mut out, &mut chars, 4),
            Some('U') => push_code_point(&mut out, &mut chars, 6),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn push_code_point(out: &mut String, chars: &mut std::str::Chars<'_>, len: usize) {
    let hex: String = chars.by_ref().take(len).collect();
    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
        Some(c) => out.push(c),
        None => out.push('\u{fffd}'),
    }
}

/// Escapes text for a Fluent string literal.
pub fn escape_literal(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn offsets_and_positions_follow_the_source() {
        let file = ParsedFile::new("a = 1\n\nwrong line\nbe = { $x } ok\n".to_owned());
        let (res, errors) = file.resource();
        assert_eq!(errors.len(), 1);
        let ids: Vec<(usize, usize)> = res
            .body
            .iter()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(file.position(file.offset_of(m.id.name))),
                ast::Entry::Junk { content } => Some(file.position(file.offset_of(content))),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [(1, 1), (3, 1), (4, 1)]);
    }

    #[test]
    fn flatten_reads_literals_and_placeables() -> TestResult {
        let res = fluent_syntax::parser::parse("m = a { \"{\" } b { $n } c { -brand } d\n")
            .map_err(|(_, e)| format!("{e:?}"))?;
        let ast::Entry::Message(m) = &res.body[0] else {
            panic!("not a message")
        };
        assert_eq!(
            flatten_pattern(m.value.as_ref().ok_or("none")?),
            "a { b { $n } c { -brand } d"
        );
        Ok(())
    }

    #[test]
    fn literal_escapes_round_trip() {
        assert_eq!(
            unescape_literal(&escape_literal(r#"say "hi" \ ok"#)),
            r#"say "hi" \ ok"#
        );
        assert_eq!(unescape_literal(r"\u00E9"), "é");
    }
}
