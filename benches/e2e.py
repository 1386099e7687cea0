#!/usr/bin/env python3
"""End-to-end benchmark of medloc against the I/O and parse floors and compare-locales.

    benches/e2e.sh [--articles N] [--locales M] [--runs R]

Generates (or reuses) a corpus with `examples/gen-corpus`, then times, on the same tree:
cat of every file (I/O floor), a bare fluent-syntax parse (examples/parse-floor, 1 and 2
threads), `medloc check` (uncached; then cached with nothing changed and after one edit),
`medloc coverage --format json`, `medloc render` (1 and 2 threads),
and compare-locales. Each figure is the median of R runs; peak memory comes from
/usr/bin/time. Prints a Markdown table and the ratios the performance issue asks for.
"""
import argparse, os, statistics, subprocess, sys, time, glob, platform

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REL = os.path.join(ROOT, "target", "release")


def run(cmd, cwd, env=None, runs=3):
    """Median wall time (s) and max peak RSS (MiB) of `cmd` over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        full = ["/usr/bin/time", "-f", "%M"] + cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t0)
        if p.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr[-2000:]}")
        peaks.append(int(p.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--locales", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compare-locales", default=os.path.join(ROOT, "target/parity-venv/bin/compare-locales"))
    ap.add_argument("--scaling", action="store_true",
                    help="time only medloc check and render (2 threads, uncached): for scaling and memory runs")
    a = ap.parse_args()
    corpus = os.path.join(ROOT, "target", f"corpus-{a.articles}x{a.locales}")
    subprocess.run([os.path.join(REL, "examples", "gen-corpus"), "--articles", str(a.articles),
                    "--locales", str(a.locales), "--out", corpus], check=True)
    files = sorted(glob.glob(os.path.join(corpus, "locales", "**", "*.ftl"), recursive=True))
    medloc = os.path.join(REL, "medloc")
    env1 = dict(os.environ, RAYON_NUM_THREADS="1")
    env2 = dict(os.environ, RAYON_NUM_THREADS="2")
    rows = {}
    rows["cat (I/O floor)"] = run(["sh", "-c", "cat locales/*/*.ftl > /dev/null"], corpus, runs=a.runs)
    rows["parse floor, 1 thread"] = run([os.path.join(REL, "examples", "parse-floor"), corpus, "--threads", "1"], corpus, runs=a.runs)
    rows["parse floor, 2 threads"] = run([os.path.join(REL, "examples", "parse-floor"), corpus, "--threads", "2"], corpus, runs=a.runs)
    check = [medloc, "check", "--format", "json"]
    if a.scaling:
        c = run(check + ["--no-cache"], corpus, env2, a.runs)
        r = run([medloc, "render", "--all", "--jobs", "2", "--out", "dist2", "--no-cache"], corpus, env2, a.runs)
        print(f"| {a.articles} x {a.locales} | {len(files)} | "
              f"{sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB | "
              f"{c[0]:.2f} s, {c[1]:.0f} MiB | {r[0]:.2f} s, {r[1]:.0f} MiB |")
        return
    rows["medloc check, 1 thread"] = run(check + ["--no-cache"], corpus, env1, a.runs)
    rows["medloc check, 2 threads"] = run(check + ["--no-cache"], corpus, env2, a.runs)
    # The incremental cache: a re-run with nothing changed, and one after editing one file
    # (a comment appended to one translation, so its locale is checked again).
    run(check, corpus, env2, 1)
    rows["medloc check, cached, nothing changed"] = run(check, corpus, env2, a.runs)
    edited = os.path.relpath(files[len(files) // 2], corpus)
    rows["medloc check, cached, one file edited"] = run(
        ["sh", "-c", f'echo "# edited" >> "{edited}" && exec "$@"', "sh"] + check, corpus, env2, a.runs)
    rows["medloc coverage --format json"] = run([medloc, "coverage", "--format", "json", "--no-cache"], corpus, env2, a.runs)
    rows["medloc render, 1 thread"] = run([medloc, "render", "--all", "--jobs", "1", "--out", "dist1", "--no-cache"], corpus, env1, a.runs)
    rows["medloc render, 2 threads"] = run([medloc, "render", "--all", "--jobs", "2", "--out", "dist2", "--no-cache"], corpus, env2, a.runs)
    rows["medloc render, 2 threads, check cached"] = run([medloc, "render", "--all", "--jobs", "2", "--out", "dist2"], corpus, env2, a.runs)
    if os.path.exists(a.compare_locales):
        rows["compare-locales 9.0.5"] = run([a.compare_locales, "--return-zero", "--json=/dev/null", "l10n.toml", "."], corpus, runs=max(1, a.runs // 2))
    print(f"\ncorpus: {a.articles} articles x {a.locales} locales, {len(files)} .ftl files, "
          f"{sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB; median of {a.runs} runs; "
          f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}\n")
    print("| step | wall (s) | peak RSS (MiB) |\n|---|---:|---:|")
    for k, (t, m) in rows.items():
        print(f"| {k} | {t:.3f} | {m:.0f} |")
    g = lambda k: rows[k][0]
    print("\n| ratio | value |\n|---|---:|")
    if "compare-locales 9.0.5" in rows:
        print(f"| compare-locales / medloc check (2 threads) | {g('compare-locales 9.0.5') / g('medloc check, 2 threads'):.0f}x |")
    print(f"| medloc check / parse floor (2 threads each) | {g('medloc check, 2 threads') / g('parse floor, 2 threads'):.1f}x |")
    print(f"| medloc check / parse floor (1 thread each) | {g('medloc check, 1 thread') / g('parse floor, 1 thread'):.1f}x |")
    print(f"| medloc render / parse floor (2 threads each) | {g('medloc render, 2 threads') / g('parse floor, 2 threads'):.1f}x |")
    print(f"| check, cached re-run with nothing changed / full check | {100 * g('medloc check, cached, nothing changed') / g('medloc check, 2 threads'):.1f}% |")
    print(f"| check, cached re-run after one edit / full check | {100 * g('medloc check, cached, one file edited') / g('medloc check, 2 threads'):.1f}% |")
    print(f"| check: 1 thread / 2 threads | {g('medloc check, 1 thread') / g('medloc check, 2 threads'):.2f}x |")
    print(f"| render: 1 thread / 2 threads | {g('medloc render, 1 thread') / g('medloc render, 2 threads'):.2f}x |")


if __name__ == "__main__":
    main()
