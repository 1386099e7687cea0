//! Term matches of message patterns, each text analyzed once per run.
//!
//! Several rules and the locale-wide usage model ask which terms a pattern names. Without
//! this, each would analyze the text again (tokenize, normalize, stem), and every locale
//! would analyze the same reference text again: the reference's matches are computed once
//! per run, in parallel, and shared read-only by every locale's thread ([`ReferenceIndex`]);
//! a locale's own patterns are analyzed at most once, on first use ([`TermLookup`]).
//!
//! What is matched is a pattern's prose with its string literals blanked
//! ([`Pattern::prose_without_literals`]): cited titles are quoted verbatim, so terminology
//! neither requires nor forbids anything in them. The blanked prose has the prose's length,
//! so a match's offsets slice [`Pattern::prose`] too.

use super::matcher::{Matcher, Matches};
use crate::catalog::{LocaleFiles, Pattern};
use crate::terminology::Terms;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// A pattern's identity while the files holding it live: its address. The index holds those
/// files (an `Arc`), so no address is reused while it lives; a lookup borrows the index.
fn key(pattern: &Pattern) -> usize {
    std::ptr::from_ref(pattern) as usize
}

/// The reference's patterns and their matches by the reference matcher.
pub struct ReferenceIndex {
    by_pattern: FxHashMap<usize, Arc<Matches>>,
    /// Keeps the patterns (and so the keys) alive.
    _files: Arc<LocaleFiles>,
}

impl ReferenceIndex {
    /// Analyzes every pattern of `reference`, files in parallel.
    pub fn new(terms: &Terms, reference: Arc<LocaleFiles>) -> ReferenceIndex {
        let by_pattern = reference
            .files
            .par_iter()
            .flat_map_iter(|(_, file)| {
                file.entries
                    .iter()
                    .flat_map(|e| e.patterns().map(|(_, p)| p))
                    .map(|p| {
                        let found = terms.reference.matches(&p.prose_without_literals());
                        (key(p), Arc::new(found))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        ReferenceIndex {
            by_pattern,
            _files: reference,
        }
    }
}

/// One locale's term lookups: reference patterns from the run's index, the locale's own
/// patterns analyzed on first use and kept. Used by one thread (one locale) at a time.
pub struct TermLookup<'a> {
    pub terms: &'a Terms,
    /// The locale's compiled matcher.
    pub matcher: &'a Matcher,
    reference: Option<&'a ReferenceIndex>,
    memo: RefCell<FxHashMap<usize, Arc<Matches>>>,
    texts: Option<&'a TextMemo>,
}

/// Matches by text and matcher, kept across lookups: a language server checks a buffer
/// again on every edit, and all but the edited message have the same text as before, so
/// each text is analyzed once per session rather than once per keystroke. Bounded: past
/// [`TextMemo::CAPACITY`] texts it starts again.
#[derive(Default)]
pub struct TextMemo {
    by_text: std::sync::Mutex<FxHashMap<(usize, String), Arc<Matches>>>,
}

impl TextMemo {
    pub const CAPACITY: usize = 200_000;

    fn get_or_match(&self, matcher: &Matcher, text: String) -> Arc<Matches> {
        let key = (std::ptr::from_ref(matcher) as usize, text);
        // A poisoned lock only means another thread panicked mid-insert: the map is still
        // a valid map of complete entries.
        if let Some(found) = self
            .by_text
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Arc::clone(found);
        }
        let found = Arc::new(matcher.matches(&key.1));
        let mut map = self.by_text.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::CAPACITY {
            map.clear();
        }
        map.insert(key, Arc::clone(&found));
        found
    }
}

impl<'a> TermLookup<'a> {
    /// Lookups for `locale` (the reference locale included); `None` when the termbase was
    /// not compiled for it.
    pub fn new(terms: &'a Terms, locale: &str) -> Option<TermLookup<'a>> {
        let matcher = if locale == terms.reference_locale() {
            &terms.reference
        } else {
            terms.matcher(locale)?
        };
        Some(TermLookup {
            terms,
            matcher,
            reference: None,
            memo: RefCell::new(FxHashMap::default()),
            texts: None,
        })
    }

    /// Keeps matches by text in `texts` too, beyond this lookup's life (`None`: only for
    /// this lookup). The matchers must outlive `texts` (a session holds both).
    pub fn with_text_memo(mut self, texts: Option<&'a TextMemo>) -> Self {
        self.texts = texts;
        self
    }

    /// Takes reference matches from `index` rather than analyzing them again.
    pub fn with_reference_index(mut self, index: Option<&'a ReferenceIndex>) -> Self {
        self.reference = index;
        self
    }

    /// The terms of the reference language a reference pattern names.
    pub fn reference(&self, pattern: &Pattern) -> Arc<Matches> {
        if let Some(found) = self.reference.and_then(|i| i.by_pattern.get(&key(pattern))) {
            return Arc::clone(found);
        }
        self.memoized(pattern, &self.terms.reference)
    }

    /// The terms of the locale a translated pattern names.
    pub fn translation(&self, pattern: &Pattern) -> Arc<Matches> {
        self.memoized(pattern, self.matcher)
    }

    fn memoized(&self, pattern: &Pattern, matcher: &Matcher) -> Arc<Matches> {
        if let Some(found) = self.memo.borrow().get(&key(pattern)) {
            return Arc::clone(found);
        }
        let text = pattern.prose_without_literals();
        let found = match self.texts {
            Some(texts) => texts.get_or_match(matcher, text),
            None => Arc::new(matcher.matches(&text)),
        };
        self.memo
            .borrow_mut()
            .insert(key(pattern), Arc::clone(&found));
        found
    }
}
