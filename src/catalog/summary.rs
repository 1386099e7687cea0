//! A parsed file reduced to its summary: entries, patterns (text, prose, variables,
//! references, selectors, literals), `# medloc-ignore` comments and Junk.

use super::*;
use crate::ftl::{flatten_pattern, unescape_literal};

use fluent_syntax::ast;

pub(super) fn summarize<'r>(
    text: &str,
    body: impl Iterator<Item = &'r ast::Entry<&'r str>>,
    errors: &[fluent_syntax::parser::ParserError],
) -> (Vec<Entry>, Vec<Junk>) {
    let offset = |s: &str| crate::ftl::offset_in(text, s);
    let mut entries = Vec::new();
    let mut junk = Vec::new();
    for entry in body {
        match entry {
            ast::Entry::Message(m) => entries.push(Entry {
                id: m.id.name.to_owned(),
                is_term: false,
                offset: offset(m.id.name),
                value: m.value.as_ref().map(|p| pattern(text, p)),
                attributes: attributes(text, &m.attributes),
                ignored_rules: ignores_above(text, offset(m.id.name)),
            }),
            ast::Entry::Term(t) => entries.push(Entry {
                id: format!("-{}", t.id.name),
                is_term: true,
                offset: offset(t.id.name).saturating_sub(1),
                value: Some(pattern(text, &t.value)),
                attributes: attributes(text, &t.attributes),
                ignored_rules: ignores_above(text, offset(t.id.name)),
            }),
            ast::Entry::Junk { content } => {
                let start = offset(content);
                let end = start + content.len();
                // The parser's first error inside this junk explains it.
                let message = errors
                    .iter()
                    .find(|e| e.pos.start >= start && e.pos.start <= end)
                    .map(|e| e.kind.to_string())
                    .unwrap_or_else(|| "unparsable entry".to_owned());
                let at = errors
                    .iter()
                    .find(|e| e.pos.start >= start && e.pos.start <= end)
                    .map_or(start, |e| e.pos.start)
                    // An error at the end of input points past the junk: keep it on the
                    // junk's last line, where the editor shows the problem.
                    .min(start + content.trim_end().len().saturating_sub(1));
                junk.push(Junk {
                    // The parser counts bytes; a position inside a character (the last
                    // one of the junk, say) moves back to its start.
                    offset: text.floor_char_boundary(at),
                    message,
                    content: (*content).to_owned(),
                });
            }
            _ => {}
        }
    }
    (entries, junk)
}

/// Whether a line starts like a comment but is none: `#note` (no space after the `#`s) or
/// `####`. fluent-bundle's runtime parser skips every line starting with `#` unread, so it
/// keeps no Junk for these; the full parser, like the spec and every other Fluent tool,
/// rejects them.
pub(super) fn has_malformed_comment(text: &str) -> bool {
    text.split('\n').any(|line| {
        let rest = line.trim_start_matches('#');
        let hashes = line.len() - rest.len();
        hashes > 3 || (hashes > 0 && !(rest.is_empty() || rest == "\r" || rest.starts_with(' ')))
    })
}

/// The Junk of the full parser, for a file with a malformed comment line (rare, so the
/// second parse costs nothing in the common case). Entries are the same in both parsers;
/// only comments differ.
pub(super) fn full_parse_junk(text: &str) -> Vec<Junk> {
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    summarize(text, resource.body.iter(), &errors).1
}

/// Rules named in `# medloc-ignore: RULE[, RULE]` lines of the comment right above an entry.
/// Read from the text: fluent-bundle's runtime parser, which parses each file once for both
/// checks and rendering, drops comments.
fn ignores_above(text: &str, entry_offset: usize) -> Vec<String> {
    let before = &text[..text[..entry_offset].rfind('\n').map_or(0, |i| i + 1)];
    let mut out = Vec::new();
    for line in before.lines().rev() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        if comment.starts_with('#') {
            break;
        }
        if let Some(rules) = comment.trim().strip_prefix("medloc-ignore:") {
            out.extend(
                rules
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    out
}

fn attributes(text: &str, attrs: &[ast::Attribute<&str>]) -> Vec<Attribute> {
    attrs
        .iter()
        .map(|a| Attribute {
            name: a.id.name.to_owned(),
            offset: crate::ftl::offset_in(text, a.id.name),
            pattern: pattern(text, &a.value),
        })
        .collect()
}

fn pattern(text: &str, p: &ast::Pattern<&str>) -> Pattern {
    let mut out = Pattern {
        text: flatten_pattern(p),
        ..Pattern::default()
    };
    walk_pattern(text, p, &mut out);
    out
}

fn walk_pattern(text: &str, p: &ast::Pattern<&str>, out: &mut Pattern) {
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let start = crate::ftl::offset_in(text, value);
                // No text element sits at offset 0 (the ID comes first), so an empty
                // 0..0 span means "none yet".
                if out.span.end == 0 {
                    out.span = start..start + value.len();
                } else {
                    out.span.start = out.span.start.min(start);
                    out.span.end = out.span.end.max(start + value.len());
                }
                out.prose.push_str(value);
                out.doubled_space |= value.contains("  ");
                if out.plural_depth == 0 {
                    out.fixed_prose.push_str(value);
                }
            }
            ast::PatternElement::Placeable { expression } => walk_expression(text, expression, out),
        }
    }
}

fn walk_expression(text: &str, e: &ast::Expression<&str>, out: &mut Pattern) {
    match e {
        ast::Expression::Inline(i) => walk_inline(text, i, out),
        ast::Expression::Select { selector, variants } => {
            walk_inline(text, selector, out);
            let (variable, numeric_fn) = match selector {
                ast::InlineExpression::VariableReference { id } => {
                    (Some(id.name.to_owned()), false)
                }
                ast::InlineExpression::FunctionReference { id, arguments } => (
                    arguments.positional.iter().find_map(|a| match a {
                        ast::InlineExpression::VariableReference { id } => Some(id.name.to_owned()),
                        _ => None,
                    }),
                    id.name == "NUMBER",
                ),
                _ => (None, false),
            };
            let keys: Vec<String> = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => (*name).to_owned(),
                    ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                })
                .collect();
            let numeric = numeric_fn
                || variants
                    .iter()
                    .any(|v| matches!(v.key, ast::VariantKey::NumberLiteral { .. }))
                || keys
                    .iter()
                    .any(|k| matches!(k.as_str(), "zero" | "one" | "two" | "few" | "many"));
            let offset = variants
                .first()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => crate::ftl::offset_in(text, name),
                    ast::VariantKey::NumberLiteral { value } => crate::ftl::offset_in(text, value),
                })
                .unwrap_or(0);
            out.selects.push(Select {
                variable,
                numeric,
                keys,
                offset,
            });
            let plural = out.selects.last().is_some_and(|s| s.numeric);
            out.plural_depth += usize::from(plural);
            for variant in variants {
                walk_pattern(text, &variant.value, out);
                out.prose.push(' ');
                out.fixed_prose.push(' ');
            }
            out.plural_depth -= usize::from(plural);
        }
    }
}

fn walk_inline(text: &str, i: &ast::InlineExpression<&str>, out: &mut Pattern) {
    match i {
        ast::InlineExpression::StringLiteral { value } => {
            let value = unescape_literal(value);
            out.prose.push_str(&value);
            if out.plural_depth == 0 {
                out.fixed_prose.push_str(&value);
            }
            out.literals.push(value);
        }
        ast::InlineExpression::NumberLiteral { .. } => {}
        ast::InlineExpression::VariableReference { id } => push_unique(&mut out.variables, id.name),
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_owned(),
            };
            push_unique(&mut out.messages, &name);
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            push_unique(&mut out.terms, &format!("-{}", id.name));
            if let Some(args) = arguments {
                args.positional
                    .iter()
                    .for_each(|a| walk_inline(text, a, out));
                args.named
                    .iter()
                    .for_each(|a| walk_inline(text, &a.value, out));
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments
                .positional
                .iter()
                .for_each(|a| walk_inline(text, a, out));
            arguments
                .named
                .iter()
                .for_each(|a| walk_inline(text, &a.value, out));
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(text, expression, out),
    }
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_owned());
    }
}
