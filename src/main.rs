//! The `medloc` binary: parses arguments, runs the library, maps the result to an exit
//! code (0 ok, 1 findings, 2 could not run).

use clap::Parser;
use medloc::cli::{Cli, Outcome, run};
use std::process::ExitCode;

// Check and render allocate many small strings per message (findings, term matches,
// patterns) from several threads; mimalloc does that markedly faster than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `medloc check | head` should end quietly when the reader goes away, as other Unix
    // tools do, instead of panicking on the broken pipe (Rust ignores SIGPIPE by default).
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // mimalloc asks for transparent huge pages: the kernel then zeroes 2 MiB at the first
    // touch of each, which was a third of a short check's time (Mozilla Send: 57-66 ms of CPU
    // without against 61-186 ms with, in interleaved runs). A run is short; 4 KiB pages do.
    #[cfg(target_os = "linux")]
    // SAFETY: a process-wide flag, set before any thread starts; no memory is touched.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
