#!/usr/bin/env bash
# Doubled-input scaling of `medloc check` on generated inputs near medloc's limits
# (src/limits.rs): for each case, the input at N and at 2N, wall clock and peak RSS, and the
# ratio 2N/N (linear work gives about 2). Prints a Markdown table for BENCHMARKS.md.
#
#   benches/limits.sh                              # builds and times the release binary
#   MEDLOC=target/debug/medloc benches/limits.sh   # another binary (say which in the notes)
#
# Records figures only: the project keeps timed assertions out of its tests.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [[ -z "${MEDLOC:-}" ]]; then
    cargo build --release --quiet --bin medloc
    MEDLOC=target/release/medloc
fi
MEDLOC=$(realpath "$MEDLOC")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# make_project DIR KIND N: a default-layout project (en-US reference, es translation).
make_project() {
    python3 - "$@" <<'EOF'
import os, sys
dir, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for locale in ("en-US", "es"):
    os.makedirs(f"{dir}/locales/{locale}", exist_ok=True)
def write(locale, text):
    with open(f"{dir}/locales/{locale}/main.ftl", "w") as f:
        f.write(text)
if kind == "messages":
    # N messages in the reference, each translated (every 7th with a changed number).
    write("en-US", "".join(f"msg-{i} = Take {i % 90 + 1} mg twice a day with {{ $name }}.\n" for i in range(n)))
    write("es", "".join(f"msg-{i} = Tome {i % 90 + (2 if i % 7 == 0 else 1)} mg dos veces al día con {{ $name }}.\n" for i in range(n)))
elif kind == "placeables":
    # One message of N placeables.
    text = "many = " + " ".join(f"{{ $v{i % 50} }}" for i in range(n)) + "\n"
    write("en-US", text)
    write("es", text)
elif kind == "obsolete":
    # A translation file of N messages the reference lacks (bytes grow with N).
    write("en-US", "title = Title\n")
    write("es", "title = Título\n" + "".join(f"filler-{i} = Texto de relleno número {i}.\n" for i in range(n)))
EOF
}

# measure KIND N: prints "seconds peak_MiB" for `medloc check` on a fresh project.
measure() {
    local dir="$WORK/$1-$2"
    make_project "$dir" "$1" "$2"
    # check exits 1 on findings; only the timing matters here.
    (cd "$dir" && /usr/bin/time -o "$WORK/time" -f "%e %M" "$MEDLOC" check --format json >/dev/null 2>&1) || true
    rm -rf "$dir"
    tail -1 "$WORK/time" | awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }'
}

echo "binary: $MEDLOC"
echo
echo "| input | N | 2N | s at N | s at 2N | ratio | MiB at N | MiB at 2N |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for case in "messages 50000" "placeables 50000" "obsolete 200000"; do
    read -r kind n <<<"$case"
    read -r t1 m1 <<<"$(measure "$kind" "$n")"
    read -r t2 m2 <<<"$(measure "$kind" $((2 * n)))"
    ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
    echo "| $kind | $n | $((2 * n)) | $t1 | $t2 | $ratio | $m1 | $m2 |"
done
