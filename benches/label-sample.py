#!/usr/bin/env python3
"""Draw a seeded random sample of `medloc check` findings per rule from the real corpora, as
unlabelled rows for tests/fixtures/labels/<corpus>.jsonl (and print precision from labels).

    benches/label-sample.py sample [--seed 17] [--per-rule 30] [--corpora DIR] [--medloc BIN]
        writes target/labels/<corpus>.unlabelled.jsonl: every error and warning rule's
        findings, at most --per-rule per error rule
        (--per-warning-rule per warning rule) per corpus, drawn with random.Random(seed)
    benches/label-sample.py precision [--labels tests/fixtures/labels]
        prints real/labelled per rule and corpus as a Markdown table

A row: corpus, locale, path, message_id, attribute, rule, severity, fingerprint, reference,
translation, text, label ("real" | "acceptable" | null), reason. The fingerprint is the first 16
hex digits of SHA-256 over locale, path, message_id, attribute, reference and translation text:
the same finding of a later binary (same corpus) has the same fingerprint. Standard library only.
"""
import argparse, hashlib, json, os, random, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = ["mozilla-send", "mozilla-relay", "coreutils"]
# Rules whose findings are facts of the file structure (an ID absent or extra), the same sets
# compare-locales reports (benches/parity.sh checks they are identical): not sampled.
STRUCTURAL = {"missing-message", "obsolete-message"}


def fingerprint(d):
    key = "\x1f".join(str(d.get(k) or "") for k in
                      ("locale", "path", "message_id", "attribute", "reference", "translation"))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def check(medloc, corpus_dir):
    out = subprocess.run([medloc, "--config", "l10n.toml", "check", "--no-cache", "--format",
                          "json"], cwd=corpus_dir, capture_output=True)
    if out.returncode > 1:
        sys.exit(f"medloc check failed on {corpus_dir}: {out.stderr.decode()}")
    return json.loads(out.stdout)["diagnostics"]


def sample(args):
    os.makedirs(os.path.join(ROOT, "target/labels"), exist_ok=True)
    for corpus in CORPORA:
        cdir = os.path.join(args.corpora, corpus)
        if not os.path.isdir(cdir):
            print(f"{corpus}: absent, skipped", file=sys.stderr)
            continue
        groups = defaultdict(list)
        for d in check(args.medloc, cdir):
            if d["severity"] in ("error", "warning") and d["rule"] not in STRUCTURAL:
                groups[(d["rule"], d["severity"])].append(d)
        rng = random.Random(f"{args.seed}:{corpus}")
        rows = []
        for (rule, sev) in sorted(groups):
            found = sorted(groups[(rule, sev)], key=lambda d: (d["path"], d["line"], d["column"]))
            k = args.per_rule if sev == "error" else args.per_warning_rule
            picked = found if len(found) <= k else rng.sample(found, k)
            for d in sorted(picked, key=lambda d: (d["path"], d["line"], d["column"])):
                rows.append({"corpus": corpus, "locale": d["locale"], "path": d["path"],
                             "message_id": d["message_id"], "attribute": d["attribute"],
                             "rule": rule, "severity": sev, "fingerprint": fingerprint(d),
                             "reference": d["reference"], "translation": d["translation"],
                             "text": d["text"], "label": None, "reason": None})
            print(f"{corpus} {rule} ({sev}): {len(picked)} of {len(found)}", file=sys.stderr)
        path = os.path.join(ROOT, "target/labels", f"{corpus}.unlabelled.jsonl")
        with open(path, "w") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {path} ({len(rows)} rows)", file=sys.stderr)


def precision(args):
    stats = defaultdict(lambda: [0, 0])
    for corpus in CORPORA:
        path = os.path.join(args.labels, f"{corpus}.jsonl")
        if not os.path.exists(path):
            continue
        for line in open(path):
            r = json.loads(line)
            if r["label"] not in ("real", "acceptable"):
                continue
            s = stats[(r["rule"], r["severity"], corpus)]
            s[1] += 1
            s[0] += r["label"] == "real"
    print("| rule | severity (when labelled) | corpus | real / labelled | precision | target | status |")
    print("|---|---|---|---:|---:|---:|---|")
    for (rule, sev, corpus), (real, n) in sorted(stats.items()):
        target = 0.95 if sev == "error" else 0.80
        p = real / n
        print(f"| `{rule}` | {sev} | {corpus} | {real} / {n} | {p:.0%} | {target:.0%} | "
              f"{'met' if p >= target else '**missed**'} |")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", default="17")
    s.add_argument("--per-rule", type=int, default=30)
    s.add_argument("--per-warning-rule", type=int, default=30)
    s.add_argument("--corpora", default=os.path.join(ROOT, "../shared/corpora"))
    s.add_argument("--medloc", default=os.path.join(ROOT, "target/release/medloc"))
    p = sub.add_parser("precision")
    p.add_argument("--labels", default=os.path.join(ROOT, "tests/fixtures/labels"))
    args = ap.parse_args()
    if args.cmd == "sample":
        args.medloc = os.path.abspath(args.medloc)
        sample(args)
    else:
        precision(args)


if __name__ == "__main__":
    main()
