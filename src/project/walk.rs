//! Listing a locale's files: each directory of a layout walked once, by the project's
//! tree (working tree or git revision).

use super::layout::{Layout, Walked};
use super::pattern::Matcher;
use super::tree::{Kind, Tree};
use crate::error::Error;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The walks of one listing, each directory walked once.
pub(super) struct Walks<'a> {
    tree: &'a dyn Tree,
    layout: &'a Layout,
    done: HashMap<String, std::sync::Arc<Vec<String>>>,
    pub(super) problems: Vec<Error>,
}

impl<'a> Walks<'a> {
    pub(super) fn new(tree: &'a dyn Tree, layout: &'a Layout) -> Walks<'a> {
        Walks {
            tree,
            layout,
            done: HashMap::new(),
            problems: Vec::new(),
        }
    }

    /// The `.ftl` files at or below `prefix` (a file, a directory, or the start of a name).
    pub(super) fn files(&mut self, prefix: &str) -> std::sync::Arc<Vec<String>> {
        if let Some(files) = self.done.get(prefix) {
            return std::sync::Arc::clone(files);
        }
        let path = Path::new(prefix);
        let files: Vec<String> = match self.tree.kind(path) {
            Kind::File => vec![prefix.to_owned()],
            Kind::Dir => self.walk(prefix),
            // `a/b` of `a/b*.ftl`: walk the directory the name starts in.
            Kind::Missing if !prefix.ends_with('/') => match prefix.rfind('/') {
                Some(i) if self.tree.kind(Path::new(&prefix[..i])) == Kind::Dir => self
                    .walk(&prefix[..i])
                    .into_iter()
                    .filter(|p| p.starts_with(prefix))
                    .collect(),
                _ => Vec::new(),
            },
            Kind::Missing => Vec::new(),
        };
        let files: std::sync::Arc<Vec<String>> =
            std::sync::Arc::new(files.into_iter().filter(|f| f.ends_with(".ftl")).collect());
        self.done
            .insert(prefix.to_owned(), std::sync::Arc::clone(&files));
        files
    }

    /// The reference files of entry `index` with what its wildcards captured: the same for
    /// every locale, so worked out once per layout for the working tree.
    pub(super) fn reference_matches(
        &mut self,
        index: usize,
        reference: &Matcher,
        prefix: &str,
    ) -> std::sync::Arc<Vec<(String, super::pattern::Captures)>> {
        let cell = self
            .layout
            .reference_matches
            .get(index)
            .filter(|_| self.tree.caches_walks());
        if let Some(done) = cell.and_then(|c| c.get()) {
            return std::sync::Arc::clone(done);
        }
        let matched: std::sync::Arc<Vec<(String, super::pattern::Captures)>> = std::sync::Arc::new(
            self.files(prefix)
                .iter()
                .filter_map(|path| reference.matches(path).map(|c| (path.clone(), c)))
                .collect(),
        );
        if let Some(cell) = cell {
            let _ = cell.set(std::sync::Arc::clone(&matched));
        }
        matched
    }

    /// The Fluent files below `dir`, from the layout's walks of the working tree.
    pub(super) fn walk(&mut self, dir: &str) -> Vec<String> {
        let cacheable = self.tree.caches_walks();
        let cached = cacheable
            .then(|| self.layout.walked.lock().ok()?.get(dir).cloned())
            .flatten();
        let walked = cached.unwrap_or_else(|| {
            let (files, problems) = self.tree.walk(Path::new(dir), &self.layout.root);
            let files = files
                .into_iter()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .filter(|p| p.ends_with(".ftl"))
                .collect();
            let problems = problems
                .into_iter()
                .map(|e| match e {
                    Error::Project { path, message } => (path, message),
                    other => (PathBuf::from(dir), other.to_string()),
                })
                .collect();
            let walked: Walked = std::sync::Arc::new((files, problems));
            if cacheable && let Ok(mut map) = self.layout.walked.lock() {
                map.insert(dir.to_owned(), std::sync::Arc::clone(&walked));
            }
            walked
        });
        self.problems
            .extend(walked.1.iter().map(|(path, message)| Error::Project {
                path: path.clone(),
                message: message.clone(),
            }));
        walked.0.clone()
    }
}
