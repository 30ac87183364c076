"""How much a scheduled report run gains from its cache.

For each archive size, a synthetic archive (text files) is written with all but
100 of its cables, and ``cablestats report`` runs on a specification like
``reports/demo.toml`` (all sections, HTML and PDF) three times, each in a fresh
process with a fresh cache folder for the first:

* ``first``: nothing cached: every cable parsed, corpus counted, model fitted;
* ``unchanged``: the same specification again: everything from the cache;
* ``+100 cables``: the 100 held-back cables added to the source: only they are
  parsed; the corpus is counted and the model fitted again, as the cables changed.

The peer is the same command with ``--no-cache`` (what every run cost before
the cache).  The table is printed and written to the ``report-cache`` block of
``benchmarks/RESULTS.md``.

Run: ``.venv/bin/python benchmarks/report_cache.py [--n 3000 20000]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _results import machine, write_section

from cablestats.synth import generate
from cablestats.synth.writers import write_files

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("cablestats")
N_NEW = 100
NOTE = (
    "An unchanged run still computes the report itself from the cached corpus and model: "
    "keyword trends and theme statistics, the charts and the PDF (WeasyPrint). A grown source "
    "parses only its new cables, but its corpus is counted and its model fitted again, since "
    "the cables changed."
)


def spec_text(source: Path, themes: Path) -> str:
    """reports/demo.toml with its sources pointed at ``source``."""
    demo = (ROOT / "reports" / "demo.toml").read_text(encoding="utf-8")
    demo = demo.replace('paths = ["../data/sample"]', f'paths = ["{source}"]')
    return demo.replace('path = "themes.toml"', f'path = "{themes}"')


def timed_run(spec: Path, cache: Path, *extra: str) -> tuple[float, str]:
    """Wall time of one ``cablestats report`` in a fresh process, and what it said of the cache."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(CLI), "report", str(spec), "--cache-dir", str(cache), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    said = next((line for line in done.stderr.splitlines() if line.startswith("cache ")), "")
    return seconds, said.split(": ", 1)[-1]


def measure(n: int, folder: Path) -> list[tuple[str, float, str]]:
    full = folder / "full"
    write_files(generate(n + N_NEW, seed=1).iter_drafts(), full, "text")
    files = sorted(full.rglob("*.txt"))
    held_back = set(files[3::7][:N_NEW])
    source = folder / "source"
    for file in files:
        if file not in held_back:
            target = source / file.relative_to(full)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    spec = folder / "spec.toml"
    spec.write_text(spec_text(source, ROOT / "reports" / "themes.toml"), encoding="utf-8")
    cache = folder / "cache"
    rows = [("no cache", *timed_run(spec, cache, "--no-cache"))]
    rows.append(("first", *timed_run(spec, cache)))
    rows.append(("unchanged", *timed_run(spec, cache)))
    for file in held_back:
        target = source / file.relative_to(full)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    rows.append((f"+{N_NEW} cables", *timed_run(spec, cache)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[3000, 20000])
    args = parser.parse_args()
    lines = [
        "## Report runs and their cache",
        "",
        f"Machine: {machine()}. `benchmarks/report_cache.py`: `cablestats report` on",
        "reports/demo.toml's settings (9 topics, 3 themes, all sections, HTML and PDF), each",
        "run a fresh process. The peer is the same run with `--no-cache`.",
        "",
        "| cables | run | seconds | vs no cache | cache says |",
        "| ---: | --- | ---: | ---: | --- |",
    ]
    for n in args.n:
        with tempfile.TemporaryDirectory() as folder:
            rows = measure(n, Path(folder))
        baseline = rows[0][1]
        for name, seconds, said in rows:
            line = f"| {n:,} | {name} | {seconds:.1f} | {seconds / baseline:.2f}× | {said} |"
            print(line, flush=True)
            lines.append(line)
    lines += ["", NOTE]
    write_section("report-cache", "\n".join(lines))


if __name__ == "__main__":
    main()
