#!/usr/bin/env python3
"""Mutation harness: inject one defect per sampled message into real translations and count
who finds it (issue 17, item 4b).

    target/parity-venv/bin/python benches/mutate.py [--corpus DIR]... [--per-class N]
        [--seed S] [--medloc BIN] [--no-compare-locales] [--floors FILE]

Per class, a fresh copy of each corpus (a temp dir; the corpus is never written) gets the defect
in up to N seeded, eligible single-line messages; then `medloc check` (and compare-locales,
unless --no-compare-locales) runs on the copy. A defect is found when its message (file + ID)
gets a finding it did not have before; new findings on messages that were not touched are
counted separately (target 0). Prints a Markdown table. --floors FILE (lines `class percent`)
exits 1 when a class's medloc detection falls below its floor or untouched messages gain
findings. Run with the parity venv's Python (benches/parity.sh creates it): it uses
compare-locales' project-file reader.
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_locales.paths import TOMLParser, ProjectFiles  # noqa: E402
from compare_locales import mozpath  # noqa: E402
from parity_compare import flatten, classify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = re.compile(r"^([a-zA-Z][\w-]*) = (\S.*)$")
PLACEABLE = re.compile(r"\{[^{}]*\}")
SENT_END = re.compile(r"(?<=[.!?。！？])\s+")


def outside(v, i):
    return not any(m.start() <= i < m.end() for m in PLACEABLE.finditer(v))


def m_digit(v, r, ctx):
    for i, ch in enumerate(v):
        if ch.isdigit() and ch.isascii() and outside(v, i):
            return v[:i] + str((int(ch) + 1) % 10) + v[i + 1:]


def m_var_renamed(v, r, ctx):
    return re.sub(r"\{ *\$(\w+)", lambda m: m.group(0) + "x", v, count=1) if "{ $" in v else None


def m_var_dropped(v, r, ctx):
    return re.sub(r"\{ *\$\w+ *\}", "", v, count=1) if re.search(r"\{ *\$\w+ *\}", v) else None


def m_term(v, r, ctx):
    m = re.search(r"\{ *-([\w-]+) *\}", v)
    if not m:
        return None
    lit = ctx["terms"].get(m.group(1)) or m.group(1).replace("-", " ").title()
    return v[:m.start()] + lit + v[m.end():]


def m_tag(v, r, ctx):
    return re.sub(r"</\w+>", "", v, count=1) if re.search(r"</\w+>", v) else None


URL = re.compile(r"https?://[\w.-]+|\b[\w-]{3,}\.(?:org|com|net)\b")


def m_url(v, r, ctx):
    for m in URL.finditer(v):
        if outside(v, m.start()):
            s = m.group(0)
            host = s.split("//")[-1]
            j = len(s) - len(host) + 1  # double the host's second letter
            return v[:m.start()] + s[:j + 1] + s[j] + s[j + 1:] + v[m.end():]


def m_bidi(v, r, ctx):
    i = v.find(" ")
    return v[:i] + " \u202e" + v[i + 1:] if i > 0 and outside(v, i) else None


def m_last_sentence(v, r, ctx):
    cuts = [m.start() for m in SENT_END.finditer(v.rstrip()) if outside(v, m.start())]
    return v[:cuts[-1]] if cuts else None


def m_english(v, r, ctx):
    if not r or len(r) < 20 or r == v:
        return None
    first = SENT_END.split(r)[0]
    return v + " " + first if len(first) >= 15 else None


def m_brace(v, r, ctx):
    m = PLACEABLE.search(v)
    return v[:m.end() - 1] + v[m.end():] if m else None


def m_truncated(v, r, ctx):
    if len(v) < 40:
        return None
    i = v.rfind(" ", 0, len(v) // 2 + 1)
    return v[:i].rstrip() if i > 10 and outside(v, i) else None


def m_mojibake(v, r, ctx):
    if all(ord(c) < 128 for c in v):
        return None
    out = []
    for b in v.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    s = "".join(out)
    return s if "{" not in s.replace(v, "") else s


def m_other_language(v, r, ctx):
    others = [t for loc, t in ctx["others"] if loc.split("-")[0] != ctx["locale"].split("-")[0]
              and t != v and t != r]
    return ctx["rng"].choice(sorted(others)) if others else None


CLASSES = [("digit", m_digit), ("variable-renamed", m_var_renamed),
           ("variable-dropped", m_var_dropped), ("term-hard-coded", m_term),
           ("closing-tag-dropped", m_tag), ("url-or-domain-changed", m_url),
           ("bidi-override", m_bidi), ("last-sentence-dropped", m_last_sentence),
           ("english-pasted", m_english), ("brace-dropped", m_brace),
           ("truncated", m_truncated), ("mojibake", m_mojibake),
           ("other-language", m_other_language)]


def single_lines(path):
    """{id: (line index, value)} of the file's single-line messages."""
    out = {}
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = LINE.match(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if m and not nxt.startswith((" ", "\t")):
            out[m.group(1)] = (i, m.group(2))
    return out


def project_files(corpus):
    config = os.path.join(corpus, "l10n.toml")
    cfg = TOMLParser().parse(config, env={"l10n_base": corpus})
    files = []  # (locale, l10n rel path, ref abs path)
    for loc in cfg.all_locales:
        for l10n, ref, _m, _t in ProjectFiles(loc, [cfg]):
            # A locale whose files are the reference's (Relay lists `en`) is not a translation.
            if (os.path.exists(l10n) and ref and os.path.exists(ref)
                    and not os.path.samefile(l10n, ref)):
                files.append((loc, mozpath.relpath(l10n, corpus), ref))
    return files


def medloc_findings(medloc, proj):
    out = subprocess.run([medloc, "--config", "l10n.toml", "check", "--no-cache", "--format",
                          "json"], cwd=proj, capture_output=True)
    if out.returncode > 1:
        sys.exit(f"medloc failed: {out.stderr.decode()[:500]}")
    found = defaultdict(Counter)
    for d in json.loads(out.stdout)["diagnostics"]:
        if d["severity"] in ("error", "warning"):
            found[(d["path"], d["message_id"])][(d["rule"], d["text"])] += 1
    return found


def cl_findings(cl, proj):
    with tempfile.TemporaryDirectory() as t:
        js = os.path.join(t, "cl.json")
        subprocess.run([cl, "--return-zero", f"--json={js}", "l10n.toml", "."], cwd=proj,
                       capture_output=True, check=True)
        data = json.load(open(js))
    found = defaultdict(Counter)
    for path, entries in flatten(data[0].get("details", {})):
        for e in entries:
            ((cat, val),) = e.items()
            if cat in ("error", "warning"):
                kind, mid, _ = classify(val)
                found[(path, mid)][(kind, val)] += 1
            elif cat == "missingEntity":
                found[(path, val)][("missing", val)] += 1
    return found


def diff(before, after, touched, touched_paths):
    hit, rules, untouched = set(), Counter(), []
    for key, c in after.items():
        new = c - before.get(key, Counter())
        if not new:
            continue
        if key in touched or (key[1] is None and key[0] in touched_paths):
            hit.add(key if key in touched else None)
            rules.update(r for r, _ in new)
        else:
            untouched.append((key, sorted(new)[:1]))
    return hit, rules, untouched


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--per-class", type=int, default=40)
    ap.add_argument("--seed", default="17")
    ap.add_argument("--medloc", default=os.path.join(ROOT, "target/release/medloc"))
    ap.add_argument("--no-compare-locales", action="store_true")
    ap.add_argument("--floors")
    args = ap.parse_args()
    corpora = args.corpus or [os.path.join(ROOT, "../shared/corpora", c)
                              for c in ("mozilla-send", "mozilla-relay", "coreutils")]
    medloc = os.path.abspath(args.medloc)
    cl = None if args.no_compare_locales else os.path.join(os.path.dirname(sys.executable),
                                                           "compare-locales")
    totals = defaultdict(lambda: [0, 0, 0, Counter(), 0])  # injected, medloc, cl, rules, untouched
    bad_untouched = []
    for corpus in corpora:
        corpus = os.path.abspath(corpus)
        name = os.path.basename(corpus)
        with tempfile.TemporaryDirectory() as tmp:
            base = os.path.join(tmp, "base")
            shutil.copytree(corpus, base)
            files = project_files(base)
            by_id = defaultdict(list)  # (ref rel, id) -> [(locale, value)]
            terms = defaultdict(dict)
            cands = []
            for loc, rel, ref in files:
                msgs = single_lines(os.path.join(base, rel))
                refs = single_lines(ref)
                for mid, (_, v) in msgs.items():
                    if mid.startswith("-"):
                        terms[loc][mid[1:]] = v
                for mid, (i, v) in msgs.items():
                    if mid in refs and not mid.startswith("-"):
                        by_id[(mid_ref := mozpath.relpath(ref, base), mid)].append((loc, v))
                        cands.append((loc, rel, mid_ref, mid, i, v, refs[mid][1]))
            m_before = medloc_findings(medloc, base)
            c_before = cl_findings(cl, base) if cl else None
            for cname, fn in CLASSES:
                rng = random.Random(f"{args.seed}:{name}:{cname}")
                order = cands[:]
                rng.shuffle(order)
                edits = {}
                for loc, rel, refrel, mid, i, v, r in order:
                    if len(edits) >= args.per_class:
                        break
                    ctx = {"terms": terms[loc], "locale": loc, "rng": rng,
                           "others": by_id[(refrel, mid)]}
                    new = fn(v, r, ctx)
                    if new is not None and new != v and "\n" not in new:
                        edits[(rel, mid)] = (i, new)
                if not edits:
                    continue
                work = os.path.join(tmp, cname)
                shutil.copytree(base, work)
                for rel in {rel for rel, _ in edits}:
                    p = os.path.join(work, rel)
                    lines = open(p, encoding="utf-8").read().split("\n")
                    for (erel, mid), (i, new) in edits.items():
                        if erel == rel:
                            lines[i] = f"{mid} = {new}"
                    open(p, "w", encoding="utf-8").write("\n".join(lines))
                touched = set(edits)
                paths = {rel for rel, _ in edits}
                hit, rules, untouched = diff(m_before, medloc_findings(medloc, work), touched, paths)
                t = totals[cname]
                t[0] += len(edits)
                t[1] += len(hit - {None})
                t[3].update(rules)
                t[4] += len(untouched)
                bad_untouched += [(name, cname, u) for u in untouched]
                if cl:
                    chit, _, _ = diff(c_before, cl_findings(cl, work), touched, paths)
                    t[2] += len(chit - {None})
                shutil.rmtree(work)
    print(f"corpora: {', '.join(os.path.basename(c) for c in corpora)}; seed {args.seed}, "
          f"up to {args.per_class} messages per class per corpus")
    print()
    print("| class | injected | found by medloc | medloc rules (new findings) | found by compare-locales | new findings on untouched messages |")
    print("|---|---:|---:|---|---:|---:|")
    for cname, _ in CLASSES:
        n, ml, c, rules, u = totals[cname]
        if not n:
            print(f"| {cname} | 0 | | | | |")
            continue
        rl = ", ".join(f"`{r}` {k}" for r, k in rules.most_common(3))
        cs = f"{c} ({c / n:.0%})" if cl else "not run"
        print(f"| {cname} | {n} | {ml} ({ml / n:.0%}) | {rl} | {cs} | {u} |")
    for name, cname, u in bad_untouched[:20]:
        print(f"untouched: {name} {cname} {u}", file=sys.stderr)
    if args.floors:
        fail = [f"{len(bad_untouched)} new findings on untouched messages"] if bad_untouched else []
        for line in open(args.floors):
            line = line.split("#")[0].split()
            if len(line) == 2:
                n, ml = totals[line[0]][0], totals[line[0]][1]
                if not n or 100 * ml / n < float(line[1]):
                    fail.append(f"{line[0]}: {ml}/{n} found, floor {line[1]}%")
        if fail:
            print("mutation floors missed:\n  " + "\n  ".join(fail), file=sys.stderr)
            sys.exit(1)
        print("mutation floors met", file=sys.stderr)


if __name__ == "__main__":
    main()
