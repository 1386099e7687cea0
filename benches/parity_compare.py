"""Compare `medloc check --format json` with compare-locales' `--json` output.

Run by benches/parity.sh with the Python of the parity venv (it imports compare_locales to
resolve the project's paths exactly as compare-locales does). Exit status: 0 when medloc's
missing and obsolete message-ID sets equal compare-locales' for every locale, 1 otherwise.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

from compare_locales import mozpath, parser as cl_parser
from compare_locales.paths import ProjectFiles, TOMLParser

MISSING, OBSOLETE = "missing-message", "obsolete-message"
# compare-locales appends this to every check message about an entry.
POSITION = re.compile(r"^(?P<msg>.*) at line \d+, column \d+ for (?P<id>\S+)$", re.S)
DUPLICATE = re.compile(r"^(?P<id>\S+) occurs (?P<n>\d+) times$")
JUNK = re.compile(r'^Unparsed content "(?P<val>.*)" from line \d+ column \d+ to line', re.S)
JUNK_ID = re.compile(r"^\s*(?P<id>-?[A-Za-z][A-Za-z0-9_-]*)\s*=")


def flatten(tree, prefix=""):
    """compare-locales' details tree ({"a": {"b/c.ftl": [...]}}) as (path, entries)."""
    if isinstance(tree, list):
        yield prefix, tree
        return
    for key, sub in tree.items():
        yield from flatten(sub, f"{prefix}/{key}" if prefix else key)


def entity_ids(path):
    """The non-Junk entry IDs of a file, parsed by compare-locales' own parser."""
    p = cl_parser.getParser(path)
    p.readFile(path)
    return [e.key for e in p.parse() if not isinstance(e, cl_parser.Junk)]


def classify(text):
    """(kind, message ID or None, detail) of a compare-locales error or warning."""
    m = POSITION.match(text)
    msg, mid = (m["msg"], m["id"]) if m else (text, None)
    d = DUPLICATE.match(msg)
    if d:
        return "Duplicate ID (X occurs N times)", d["id"], msg
    j = JUNK.match(msg)
    if j:
        k = JUNK_ID.match(j["val"])
        return "Unparsed content (Junk)", k["id"] if k else None, msg[:80]
    if ": " in msg:
        kind, _, detail = msg.partition(": ")
        return kind, mid, detail
    return re.sub(r'"[^"]*"', '"…"', msg), mid, msg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True)
    ap.add_argument("--config", help="the project file (default: PROJECT/l10n.toml)")
    ap.add_argument("--cl-json", required=True)
    ap.add_argument("--medloc-json", required=True)
    ap.add_argument("--cl-time", type=float)
    ap.add_argument("--medloc-time", type=float)
    args = ap.parse_args()
    project = os.path.abspath(args.project)

    # --- compare-locales: map each l10n file to its locale and reference file -----------------
    config_path = os.path.abspath(args.config or os.path.join(project, "l10n.toml"))
    config = TOMLParser().parse(config_path, env={"l10n_base": project})
    locales = list(config.all_locales)
    files = {}  # l10n path relative to the project -> (locale, reference path)
    for loc in locales:
        for l10npath, refpath, _merge, _tests in ProjectFiles(loc, [config]):
            files[mozpath.relpath(l10npath, project)] = (loc, refpath, l10npath)

    def ref_of(path):
        """The reference file of an l10n file (relative to the project), the same for every
        locale: message IDs are compared per reference file, since IDs repeat across files."""
        known = files.get(path)
        if known and known[1]:
            return mozpath.relpath(known[1], project)
        return path

    with open(args.cl_json) as fh:
        cl_data = json.load(fh)
    if not cl_data:
        sys.exit("compare-locales wrote no observer to its JSON")
    cl = cl_data[0]
    cl_summary = cl.get("summary", {})
    cl_missing, cl_obsolete = defaultdict(set), defaultdict(set)
    cl_issues = []  # (locale, path, severity, kind, id, detail)
    notes = []
    file_level = set()  # locales with a whole missing or obsolete file
    for path, entries in flatten(cl.get("details", {})):
        if path in files:
            loc, refpath, l10npath = files[path]
        else:  # not expected; guess the locale from the path segments
            segs = path.split("/")
            loc = next((x for x in locales if x in segs), "?")
            refpath = l10npath = None
            notes.append(f"{path}: not a file of the project config, locale guessed as {loc}")
        for entry in entries:
            ((cat, val),) = entry.items()
            if cat == "missingEntity":
                cl_missing[loc].add((ref_of(path), val))
            elif cat == "obsoleteEntity":
                cl_obsolete[loc].add((ref_of(path), val))
            elif cat == "missingFile":
                ids = entity_ids(refpath) if refpath and os.path.exists(refpath) else []
                cl_missing[loc].update((ref_of(path), i) for i in ids)
                file_level.add(loc)
                notes.append(f"{loc}: compare-locales reports missing file {path} "
                             f"({len(ids)} reference IDs counted as missing)")
            elif cat == "obsoleteFile":
                ids = entity_ids(l10npath) if l10npath and os.path.exists(l10npath) else []
                cl_obsolete[loc].update((ref_of(path), i) for i in ids)
                file_level.add(loc)
                notes.append(f"{loc}: compare-locales reports obsolete file {path} "
                             f"({len(ids)} IDs counted as obsolete; compare-locales itself "
                             f"does not count them)")
            elif cat in ("error", "warning"):
                kind, mid, detail = classify(val)
                cl_issues.append((loc, path, cat, kind, mid, detail))
            else:
                notes.append(f"{path}: unknown compare-locales entry {entry}")
    for loc in sorted(set(locales) - file_level):  # our ID sets must reproduce its counts
        s = cl_summary.get(loc, {})
        if s.get("missing", 0) + s.get("report", 0) != len(cl_missing[loc]) and loc in cl_summary:
            notes.append(f"{loc}: compare-locales summary says {s.get('missing', 0)} missing, "
                         f"the details list {len(cl_missing[loc])} IDs")
        if s.get("obsolete", 0) != len(cl_obsolete[loc]) and loc in cl_summary:
            notes.append(f"{loc}: compare-locales summary says {s.get('obsolete', 0)} obsolete, "
                         f"the details list {len(cl_obsolete[loc])} IDs")

    # --- medloc --------------------------------------------------------------------------------
    with open(args.medloc_json) as fh:
        ml = json.load(fh)
    if ml.get("schema") != "medloc-check/1":
        notes.append(f"medloc JSON schema is {ml.get('schema')!r}, expected 'medloc-check/1'")
    ml_missing, ml_obsolete = defaultdict(set), defaultdict(set)
    ml_sev = defaultdict(Counter)  # locale -> severity -> count (missing/obsolete excluded)
    ml_at = defaultdict(Counter)  # (locale, id) -> rule -> count
    ml_file = defaultdict(Counter)  # (locale, path) -> rule -> count, of ID-less diagnostics
    ml_other = []
    for d in ml.get("diagnostics", []):
        loc = d.get("locale") or "(project)"
        rule, mid = d.get("rule"), d.get("message_id")
        if rule == MISSING:
            ml_missing[loc].add((ref_of(d.get("path")), mid))
        elif rule == OBSOLETE:
            ml_obsolete[loc].add((ref_of(d.get("path")), mid))
        else:
            ml_sev[loc][d.get("severity")] += 1
            ml_other.append(d)
        if mid is not None:
            ml_at[(loc, mid)][rule] += 1
        else:
            ml_file[(loc, d.get("path"))][rule] += 1

    # --- per-locale table ------------------------------------------------------------------------
    rows = sorted(set(locales) | set(ml_missing) | set(ml_obsolete) | set(ml_sev))
    cl_sev = defaultdict(Counter)
    for loc, _p, sev, *_ in cl_issues:
        cl_sev[loc][sev] += 1
    print(f"{'locale':<10} {'missing cl/medloc':>18} {'obsolete cl/medloc':>19} "
          f"{'cl err':>6} {'cl warn':>7} {'ml err':>6} {'ml warn':>7} {'ml info':>7}  ids")
    tot = Counter()
    diffs = []  # (locale, what, side, id)
    for loc in rows:
        cm, mm = cl_missing[loc], ml_missing[loc]
        co, mo = cl_obsolete[loc], ml_obsolete[loc]
        mark = []
        # A regional locale (es-MX) falls back to its parent (es) in medloc: what the parent
        # has translated is not missing. compare-locales has no fallback; count those apart.
        parent = loc.rsplit("-", 1)[0] if "-" in loc else None
        if parent in locales:
            inherited = (cm - mm) - cl_missing[parent]
            if inherited:
                cm = cm - inherited
                mark.append(f"{len(inherited)} inherited from {parent}")
                tot["inherited"] += len(inherited)
        if cm != mm:
            mark.append("MISSING≠")
            diffs += [(loc, "missing", "only compare-locales", i) for i in sorted(cm - mm)]
            diffs += [(loc, "missing", "only medloc", i) for i in sorted(mm - cm)]
        if co != mo:
            mark.append("OBSOLETE≠")
            diffs += [(loc, "obsolete", "only compare-locales", i) for i in sorted(co - mo)]
            diffs += [(loc, "obsolete", "only medloc", i) for i in sorted(mo - co)]
        vals = dict(clm=len(cm), mlm=len(mm), clo=len(co), mlo=len(mo),
                    cle=cl_sev[loc]["error"], clw=cl_sev[loc]["warning"],
                    mle=ml_sev[loc]["error"], mlw=ml_sev[loc]["warning"],
                    mli=ml_sev[loc]["info"])
        tot.update(vals)
        print(f"{loc:<10} {vals['clm']:>8} / {vals['mlm']:<7} {vals['clo']:>9} / {vals['mlo']:<7} "
              f"{vals['cle']:>6} {vals['clw']:>7} {vals['mle']:>6} {vals['mlw']:>7} "
              f"{vals['mli']:>7}  {' '.join(mark) or 'same'}")
    print(f"{'TOTAL':<10} {tot['clm']:>8} / {tot['mlm']:<7} {tot['clo']:>9} / {tot['mlo']:<7} "
          f"{tot['cle']:>6} {tot['clw']:>7} {tot['mle']:>6} {tot['mlw']:>7} {tot['mli']:>7}  "
          f"{len(rows)} locales")
    print("(ml err/warn/info: medloc diagnostics other than missing-message and obsolete-message,"
          " which are its own warnings; cl err/warn: compare-locales errors and warnings)")

    # --- compare-locales' errors and warnings, and what medloc says at the same place ----------
    print()
    print("compare-locales errors/warnings by kind, and medloc at the same locale + message ID:")
    if not cl_issues:
        print("  (none)")
    def medloc_at(loc, path, kind, mid):
        """medloc's rules at a compare-locales issue: same locale and message ID; for Junk,
        whose ID medloc may not know, also its ID-less findings on the same file."""
        hit = Counter(ml_at.get((loc, mid), {})) if mid is not None else Counter()
        if mid is None or kind.startswith("Unparsed content"):
            hit.update(ml_file.get((loc, path), {}))
        return hit

    by_kind = defaultdict(list)
    for issue in cl_issues:
        by_kind[(issue[2], issue[3])].append(issue)
    for (sev, kind), items in sorted(by_kind.items()):
        seen, rules = 0, Counter()
        for loc, path, _s, _k, mid, _d in items:
            hit = medloc_at(loc, path, kind, mid)
            if hit:
                seen += 1
                rules.update(hit.keys())
        locs = Counter(i[0] for i in items)
        print(f"  {sev:<7} {kind!r}: {len(items)} in {len(locs)} locale(s) "
              f"({', '.join(f'{l} {n}' for l, n in sorted(locs.items()))}); medloc reports "
              f"something for {seen}/{len(items)}"
              + (f" via {', '.join(f'{r} ({n})' for r, n in rules.most_common())}" if rules else ""))
        for loc, path, _s, _k, mid, detail in items:
            if not medloc_at(loc, path, kind, mid):
                print(f"      not in medloc: {loc} {mid or path}: {detail}")

    # --- medloc's other findings, and whether compare-locales flags the same message -----------
    print()
    print("medloc findings other than missing/obsolete, by rule, and compare-locales at the same"
          " locale + message ID:")
    cl_at = defaultdict(Counter)  # (locale, ID) or, for medloc's ID-less findings, (locale, path)
    for loc, path, sev, kind, mid, _d in cl_issues:
        cl_at[(loc, mid)][kind] += 1
        if mid is None or kind.startswith("Unparsed content"):
            cl_at[(loc, path)][kind] += 1

    def cl_key(d):
        mid = d.get("message_id")
        return (d.get("locale"), mid if mid is not None else d.get("path"))
    if not ml_other:
        print("  (none)")
    by_rule = defaultdict(list)
    for d in ml_other:
        by_rule[(d.get("severity"), d.get("rule"))].append(d)
    sev_order = {"error": 0, "warning": 1, "info": 2}
    # compare-locales' "unchanged" (translation equal to the reference) is only a summary count;
    # recompute its IDs with its own parser and Entity.equals to set them beside medloc's
    # untranslated rule.
    ml_untranslated = {(d.get("locale"), d.get("message_id")) for d in ml_other
                       if d.get("rule") == "untranslated"}
    key_re = re.compile("[kK]ey")  # compare-locales counts these as "keys", not unchanged
    unchanged_total, unchanged_same, unchanged_not = 0, 0, Counter()
    for loc, refpath, l10npath in files.values():
        if not (refpath and l10npath and os.path.exists(refpath) and os.path.exists(l10npath)):
            continue
        try:
            p = cl_parser.getParser(refpath)
        except UserWarning:
            continue
        p.readFile(refpath)
        ref = p.parse()
        p.readFile(l10npath)
        l10n = p.parse()
        for key in ref.keys():
            if key in l10n.keys() and not key_re.search(key) \
                    and not isinstance(l10n[key], cl_parser.Junk) and ref[key].equals(l10n[key]):
                unchanged_total += 1
                if (loc, key) in ml_untranslated:
                    unchanged_same += 1
                else:
                    unchanged_not[key] += 1
    cl_unchanged = sum(s.get("unchanged", 0) for s in cl_summary.values())
    if cl_unchanged != unchanged_total:
        notes.append(f"compare-locales' summary counts {cl_unchanged} unchanged entries, "
                     f"recomputed {unchanged_total}")
    for (sev, rule), items in sorted(by_rule.items(), key=lambda x: (sev_order.get(x[0][0], 9), x[0][1])):
        locs = Counter(d.get("locale") for d in items)
        also = [d for d in items if cl_at.get(cl_key(d))]
        kinds = Counter()
        for d in also:
            kinds.update(cl_at[cl_key(d)].keys())
        where = (f" ({', '.join(f'{l} {n}' for l, n in sorted(locs.items()))})"
                 if len(locs) <= 8 else "")
        print(f"  {sev:<7} {rule}: {len(items)} in {len(locs)} locale(s){where}; compare-locales "
              f"flags {len(also)}/{len(items)} of the same messages"
              + (f" ({', '.join(f'{k!r} {n}' for k, n in kinds.most_common())})" if kinds else ""))
        only = [d for d in items if d not in also]
        for d in only[: 5 if sev == "error" else 3]:
            print(f"      medloc only: {d.get('locale')} {d.get('message_id')}: {d.get('text')}")
        if len(only) > (5 if sev == "error" else 3):
            print(f"      ... {len(only) - (5 if sev == 'error' else 3)} more")

    print(f"  compare-locales' summary counts {unchanged_total} 'unchanged' entries (equal to the "
          f"reference; a statistic, not a warning): {unchanged_same} of them are medloc "
          f"'untranslated' findings, {unchanged_total - unchanged_same} are not"
          + (f" ({', '.join(f'{k} x{n}' for k, n in unchanged_not.most_common(6))})"
             if unchanged_not else ""))

    # Whole missing files are common in real projects (coreutils: hundreds): count them.
    file_notes = [n for n in notes if "reports missing file" in n]
    for n in (notes if len(file_notes) <= 10 else [n for n in notes if n not in file_notes]):
        print(f"note: {n}")
    if len(file_notes) > 10:
        print(f"note: compare-locales reports {len(file_notes)} missing files; their reference "
              f"IDs are counted as missing (medloc reports each message of a missing file)")

    # --- timing -----------------------------------------------------------------------------
    if args.cl_time is not None and args.medloc_time is not None:
        print()
        ratio = args.cl_time / args.medloc_time if args.medloc_time > 0 else float("inf")
        print(f"time: compare-locales {args.cl_time:.3f} s, medloc {args.medloc_time:.3f} s "
              f"(wall clock); compare-locales / medloc = {ratio:.1f}x")

    # --- verdict ------------------------------------------------------------------------------
    print()
    if not diffs:
        print(f"missing: {tot['clm']} IDs, obsolete: {tot['clo']} IDs, identical sets in all "
              f"{len(rows)} locales")
        if tot["inherited"]:
            print(f"({tot['inherited']} IDs compare-locales calls missing in regional locales are "
                  f"translated in their parent locale, which medloc falls back to)")
        print("PARITY OK")
        return 0
    per = Counter((loc, what, side) for loc, what, side, _ in diffs)
    for (loc, what, side), n in sorted(per.items()):
        line = f"  {loc}: {n} {what} ID(s) {side}"
        # A regional locale (es-MX) may inherit from its parent (es) in medloc.
        parent = loc.split("-")[0]
        if what == "missing" and side == "only compare-locales" and parent != loc \
                and parent in locales:
            ids = {i for l, w, s, i in diffs if (l, w, s) == (loc, what, side)}
            covered = ids - cl_missing[parent]
            line += (f"; {len(covered)} of them are translated in the parent locale {parent} "
                     f"(medloc falls back {loc} -> {parent}, compare-locales does not)")
        print(line)
    print(f"PARITY DIFFERS: {len(diffs)} differing IDs; first 10:")
    for loc, what, side, (ref, mid) in diffs[:10]:
        print(f"  {loc} {what} {ref}: {mid} ({side})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
