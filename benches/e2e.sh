#!/usr/bin/env bash
# End-to-end benchmark: builds medloc and the bench examples in release mode, installs
# compare-locales into target/parity-venv (as benches/parity.sh does), and runs
# benches/e2e.py with the given arguments (--articles N --locales M --runs R).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
cargo build --release --quiet --bin medloc --example gen-corpus --example parse-floor
if [[ ! -x target/parity-venv/bin/compare-locales ]]; then
    python3 -m venv target/parity-venv
    target/parity-venv/bin/python -m pip install --quiet --disable-pip-version-check compare-locales==9.0.5
fi
exec python3 benches/e2e.py "$@"
