//! Running jobs on the rayon pool a bounded window at a time, results handed on in order.

use std::collections::BTreeMap;

/// Runs `job` over `items` on the rayon pool with at most `window` items in flight or
/// waiting, and hands the results to `sink` in the items' order as soon as each is next.
/// Called from outside the pool (this thread waits for results; it must not be a worker).
pub(super) fn in_order<I: Send, R: Send>(
    items: Vec<I>,
    window: usize,
    job: &(dyn Fn(I) -> R + Sync),
    sink: &mut dyn FnMut(R),
) {
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, std::thread::Result<R>)>();
    let mut panicked = None;
    rayon::in_place_scope(|scope| {
        let mut items = items.into_iter().enumerate();
        let mut ready: BTreeMap<usize, R> = BTreeMap::new();
        let (mut next, mut running) = (0usize, 0usize);
        loop {
            while running + ready.len() < window {
                let Some((index, item)) = items.next() else {
                    break;
                };
                let sender = sender.clone();
                scope.spawn(move |_| {
                    // A panicking job still answers (a panic is a bug, but it must not
                    // leave this thread waiting forever); the receiver outlives the scope.
                    let result =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(item)));
                    let _ = sender.send((index, result));
                });
                running += 1;
            }
            if running == 0 {
                break;
            }
            // Every spawned job sends once, and `sender` lives here: this cannot hang.
            let Ok((index, result)) = receiver.recv() else {
                break;
            };
            running -= 1;
            let result = match result {
                Ok(r) => r,
                Err(payload) => {
                    panicked = Some(payload);
                    break;
                }
            };
            ready.insert(index, result);
            while let Some(result) = ready.remove(&next) {
                sink(result);
                next += 1;
            }
        }
    });
    if let Some(payload) = panicked {
        std::panic::resume_unwind(payload);
    }
}

#[cfg(test)]
mod tests {
    use super::in_order;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Results come out in the items' order, however long each job takes, with no more
    /// than `window` jobs running at once.
    #[test]
    fn results_in_order_with_a_bounded_window() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut out = Vec::new();
        in_order(
            (0..40u64).collect(),
            3,
            &|i| {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis((i * 7) % 5));
                running.fetch_sub(1, Ordering::SeqCst);
                i * 2
            },
            &mut |r| out.push(r),
        );
        assert_eq!(out, (0..40).map(|i| i * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 3);
    }

    /// A panicking job panics the caller instead of leaving it waiting.
    #[test]
    fn a_panic_propagates() {
        let result = std::panic::catch_unwind(|| {
            in_order(
                (0..8u32).collect(),
                2,
                &|i| {
                    assert!(i != 5, "job 5 fails");
                    i
                },
                &mut |_| {},
            );
        });
        assert!(result.is_err());
    }
}
