#!/usr/bin/env bash
# Parity of `medloc check` with Mozilla's compare-locales on the same Fluent projects.
#
#   benches/parity.sh [PROJECT...]
#
# PROJECT is a project file (compare-locales' format, which medloc reads unchanged), or a
# directory holding an l10n.toml. Default: this repository, plus the three real corpora in
# ../shared/corpora/ (mozilla-send, mozilla-relay, coreutils) when they exist, and the
# project-format fixtures (tests/fixtures/projects/format-*).
#
# Per project it runs compare-locales (JSON output) and `medloc check --no-cache --format
# json` (uncached: the whole work, as compare-locales does it on every run), then
# benches/parity_compare.py prints a per-locale table (missing, obsolete, errors, warnings),
# compares the missing and obsolete message-ID sets, lists compare-locales' error/warning kinds
# with what medloc reports for the same messages, and prints both wall-clock times.
#
# Environment:
#   MEDLOC        medloc binary (default target/release/medloc, built if missing)
#   PARITY_RUNS   time each tool this many times and report the fastest run (default 1)
#   PYTHON        Python used to create the venv (default python3)
#
# Outputs of the last run are kept in target/parity/<n>-<project>/.
# Exit status: 0 parity holds for every project, 1 it does not, 2 a tool could not run.
set -euo pipefail

CL_VERSION=9.0.5
START_DIR=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VENV=$ROOT/target/parity-venv
OUT=$ROOT/target/parity
RUNS=${PARITY_RUNS:-1}

die() { echo "parity.sh: $*" >&2; exit 2; }

abspath() { # resolve $1 against $START_DIR
    case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$START_DIR/$1" ;; esac
}

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "PARITY_RUNS must be a positive integer, got '$RUNS'"

# --- compare-locales in a venv -------------------------------------------------------------------
PY=${PYTHON:-python3}
installed_version() {
    "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("compare-locales"))' \
        2>/dev/null || true
}
if [[ ! -x $VENV/bin/python ]]; then
    command -v "$PY" >/dev/null || die "$PY not found; install Python 3 (or set PYTHON=...)"
    echo "creating venv $VENV" >&2
    "$PY" -m venv "$VENV" \
        || die "could not create a venv with $PY (on Debian/Ubuntu: apt-get install python3-venv)"
fi
if [[ $(installed_version) != "$CL_VERSION" ]]; then
    echo "installing compare-locales==$CL_VERSION into $VENV" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        "compare-locales==$CL_VERSION" \
        || die "pip could not install compare-locales==$CL_VERSION (is PyPI reachable?)"
fi
[[ $(installed_version) == "$CL_VERSION" ]] \
    || die "compare-locales $CL_VERSION is not importable from $VENV"
CL=$VENV/bin/compare-locales
[[ -x $CL ]] || die "$CL missing after installing compare-locales"

# --- medloc --------------------------------------------------------------------------------------
if [[ -n ${MEDLOC:-} ]]; then
    MEDLOC=$(abspath "$MEDLOC")
    [[ -x $MEDLOC ]] || die "MEDLOC=$MEDLOC is not an executable file"
else
    MEDLOC=$ROOT/target/release/medloc
    if [[ ! -x $MEDLOC ]]; then
        command -v cargo >/dev/null || die "$MEDLOC missing and cargo not found to build it"
        echo "building $MEDLOC" >&2
        (cd "$ROOT" && cargo build --release) || die "cargo build --release failed"
        [[ -x $MEDLOC ]] || die "cargo build --release did not produce $MEDLOC"
    fi
fi

# --- projects ------------------------------------------------------------------------------------
configs=()
if (($#)); then
    for p in "$@"; do
        p=$(abspath "$p")
        if [[ -d $p ]]; then p=$p/l10n.toml; fi
        [[ -f $p ]] || die "$p: no such project file"
        configs+=("$(cd "$(dirname "$p")" && pwd -P)/$(basename "$p")")
    done
else
    configs+=("$ROOT/l10n.toml"
        "$ROOT/tests/fixtures/projects/format-globs/l10n.toml"
        "$ROOT/tests/fixtures/projects/format-includes/config/l10n.toml")
    for c in mozilla-send mozilla-relay coreutils; do
        if [[ -f $ROOT/../shared/corpora/$c/l10n.toml ]]; then
            configs+=("$(cd "$ROOT/../shared/corpora/$c" && pwd -P)/l10n.toml")
        fi
    done
fi

if [[ -n ${EPOCHREALTIME:-} ]]; then # bash >= 5
    now() { printf '%s\n' "${EPOCHREALTIME/,/.}"; }
else
    now() { date +%s.%N; }
fi
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
fastest() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

echo "compare-locales $CL_VERSION ($CL)"
echo "medloc $("$MEDLOC" --version 2>/dev/null | awk '{print $NF}') ($MEDLOC)"

status=0
differs=()
n=0
for config in "${configs[@]}"; do
    # The project root as compare-locales resolves it (basepath is relative to the file).
    proj=$("$VENV/bin/python" -c 'import sys; from compare_locales.paths import TOMLParser; print(TOMLParser().parse(sys.argv[1]).root)' "$config") \
        || die "compare-locales could not read $config"
    n=$((n + 1))
    out=$OUT/$n-$(basename "$proj")
    rm -rf "$out" && mkdir -p "$out"
    echo
    echo "=== $config"

    # compare-locales: project file, l10n base dir (the project, so reported paths are relative
    # to it, like medloc's), locales from the l10n.toml. --return-zero: only a crash is nonzero.
    cl_time=
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now)
        if ! (cd "$proj" && "$CL" --return-zero --json="$out/compare-locales.json" "$config" .) \
            >"$out/compare-locales.txt" 2>"$out/compare-locales.err"; then
            cat "$out/compare-locales.err" >&2
            die "compare-locales failed on $proj (output in $out)"
        fi
        cl_time=$(fastest "$cl_time" "$(elapsed "$t0" "$(now)")")
    done

    # medloc: run from inside the project; exit 1 means findings, 2 means it could not run.
    ml_time=
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now)
        rc=0
        (cd "$proj" && "$MEDLOC" --config "$config" check --no-cache --format json) \
            >"$out/medloc.json" 2>"$out/medloc.err" || rc=$?
        t1=$(now)
        if ((rc > 1)); then
            cat "$out/medloc.err" >&2
            die "medloc check exited $rc on $proj (output in $out)"
        fi
        ml_time=$(fastest "$ml_time" "$(elapsed "$t0" "$t1")")
    done
    if ((RUNS > 1)); then echo "(times: fastest of $RUNS runs)"; fi

    rc=0
    "$VENV/bin/python" "$ROOT/benches/parity_compare.py" --project "$proj" --config "$config" \
        --cl-json "$out/compare-locales.json" --medloc-json "$out/medloc.json" \
        --cl-time "$cl_time" --medloc-time "$ml_time" || rc=$?
    case $rc in
        0) ;;
        1) status=1; differs+=("$config") ;;
        *) die "parity_compare.py failed ($rc) on $proj" ;;
    esac
done

echo
if ((status == 0)); then
    echo "ALL PROJECTS: PARITY OK (${#configs[@]} project(s))"
else
    echo "ALL PROJECTS: PARITY DIFFERS in ${#differs[@]} of ${#configs[@]}: ${differs[*]}"
fi
exit "$status"
