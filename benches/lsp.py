#!/usr/bin/env python3
"""Speed and memory of `medloc lsp`, driven over stdio like an editor (BENCHMARKS.md, "Language
server"). Not a test: it prints figures and whether each target of issue #19 is met.

    cargo build --release && python3 benches/lsp.py [path/to/medloc]

On a temporary copy of the shipped project it adds a 2,000-message reference file and its
German translation (the shipped messages, repeated under new IDs, so the shipped termbase
matches as it does in the guide), opens the translation, then times
- diagnostics: an incremental edit (one character typed) until its publishDiagnostics;
- hover: a hover request until its answer, on messages across the file;
and reads the server's peak resident memory (VmHWM) with the shipped files and the big one
open."""
import pathlib
import re
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from lsp_client import Client  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent
BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "target/release/medloc").resolve()
MESSAGES = 2000
ROUNDS = 40


def messages(path):
    """(id, value line) of the single-line messages of a Fluent file."""
    out = []
    for line in path.read_text().splitlines():
        m = re.match(r"^([a-z][a-z0-9-]*) = (.+)$", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def main():
    tmp = pathlib.Path(tempfile.mkdtemp())
    for name in ["l10n.toml", "source", "locales"]:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp / name)
    english = dict(messages(REPO / "locales/en-US/track-marks.ftl"))
    german = [(i, v) for i, v in messages(REPO / "locales/de/track-marks.ftl") if i in english]
    ref_lines, de_lines = [], []
    for n in range(MESSAGES):
        mid, value = german[n % len(german)]
        ref_lines.append(f"big-{n}-{mid} = {english[mid]}")
        de_lines.append(f"big-{n}-{mid} = {value}")
    (tmp / "locales/en-US/big.ftl").write_text("\n".join(ref_lines) + "\n")
    big = tmp / "locales/de/big.ftl"
    text = "\n".join(de_lines) + "\n"
    big.write_text(text)

    client = Client(str(BINARY), tmp)
    started = time.perf_counter()
    client.request("initialize", {"processId": None, "rootUri": tmp.as_uri(),
                                  "capabilities": {"general": {"positionEncodings": ["utf-8"]}}})
    client.notify("initialized", {})
    uri = big.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "fluent", "version": 1, "text": text}})
    first = client.diagnostics(uri)
    load = time.perf_counter() - started
    count = len(first["diagnostics"])
    for shipped in sorted((tmp / "locales/de").glob("*.ftl")):
        if shipped != big:
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": shipped.as_uri(), "languageId": "fluent", "version": 1,
                "text": shipped.read_text()}})
            client.diagnostics(shipped.as_uri())

    changes = []
    for r in range(ROUNDS):
        line = (r * 97) % MESSAGES
        col = len(de_lines[line])
        t0 = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": r + 2},
            "contentChanges": [{"range": {"start": {"line": line, "character": col},
                                          "end": {"line": line, "character": col}},
                                "text": "x"}]})
        while True:
            d = client.diagnostics(uri)
            if d.get("version") == r + 2:
                break
        changes.append((time.perf_counter() - t0) * 1000)

    hovers = []
    for r in range(ROUNDS):
        line = (r * 131) % MESSAGES
        t0 = time.perf_counter()
        h = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": line, "character": 2}})
        hovers.append((time.perf_counter() - t0) * 1000)
        assert h.get("result"), h

    status = pathlib.Path(f"/proc/{client.proc.pid}/status").read_text()
    hwm = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait()
    shutil.rmtree(tmp)

    def row(name, values, target):
        med, p95 = statistics.median(values), sorted(values)[int(len(values) * 0.95) - 1]
        verdict = "met" if p95 <= target else "missed"
        print(f"{name}: median {med:.1f} ms, p95 {p95:.1f} ms, max {max(values):.1f} ms "
              f"(target {target} ms: {verdict})")

    print(f"{MESSAGES}-message translation, {count} diagnostics; startup to first diagnostics "
          f"{load * 1000:.0f} ms; {ROUNDS} rounds each")
    row("diagnostics after a change", changes, 30)
    row("hover", hovers, 10)
    print(f"memory: peak RSS {hwm:.1f} MiB, RSS at the end {rss:.1f} MiB "
          f"(target 100 MiB: {'met' if hwm < 100 else 'missed'})")


if __name__ == "__main__":
    main()
