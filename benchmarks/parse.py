"""Parsing throughput on the real cables, repeated to at least 20,000.

Measures, in one run:

1. ``parse_cable`` alone on one core (the 962 real page texts, repeated), in
   cables/s and MB/s of cable text;
2. ``read_cables`` end to end on a ``cables.csv`` of the same cables (unique
   ids), with one process and with every core;

and extrapolates the full 251,287-cable archive.  cablemap, the reference cable
parser, is Python 2 only and not installable here, so there is no peer column;
the target is absolute (>= 2,000 cables/s on one core).

Run: ``.venv/bin/python benchmarks/parse.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _results import machine, write_section

import cablestats as cs
from cablestats.io.cablescsv import CsvRow, write_cables_csv
from cablestats.io.html import iter_html

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cablegate-html"
ARCHIVE_SIZE = 251_287


def page_cables() -> list:
    """The raw cables of every real page (text plus the page's metadata)."""
    return [raw for path in sorted(SHARED.rglob("*.html")) for raw in iter_html(path)]


def time_parse_cable(raws: list, repeat: int) -> tuple[int, float, float]:
    """(cables, megabytes, seconds) for parse_cable over ``raws`` repeated."""
    megabytes = sum(len(raw.text.encode()) for raw in raws) * repeat / 1e6
    start = time.perf_counter()
    for _ in range(repeat):
        for raw in raws:
            raw.parse()
    return len(raws) * repeat, megabytes, time.perf_counter() - start


def write_csv(raws: list, repeat: int, path: Path) -> None:
    """A cables.csv of ``raws`` repeated, each copy with ids of its own."""

    def rows():
        for copy in range(repeat):
            for n, raw in enumerate(raws):
                year, rest = raw.reference_id[:2], raw.reference_id[2:]
                new_id = f"{year}{rest}{copy:02d}"
                header, _, body = raw.text.partition("\n\n")
                yield CsvRow(
                    copy * len(raws) + n, raw.created, new_id, raw.origin,
                    raw.classification, (), header, body,
                )  # fmt: skip

    write_cables_csv(rows(), path)


def time_read(path: Path, n_jobs: int) -> tuple[int, float]:
    start = time.perf_counter()
    frame = cs.read_cables(path, n_jobs=n_jobs, progress=False)
    return len(frame), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="copies of the 962 cables")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"real cables not found at {SHARED}")

    raws = page_cables()
    n, megabytes, seconds = time_parse_cable(raws, args.repeat)
    rows = [("parse_cable, 1 core", n, seconds, megabytes)]

    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "cables.csv"
        write_csv(raws, args.repeat, csv_path)
        csv_mb = csv_path.stat().st_size / 1e6
        cores = os.cpu_count() or 1
        for jobs in (1, cores):
            count, seconds = time_read(csv_path, jobs)
            label = f"read_cables(cables.csv), {jobs} process{'es' if jobs > 1 else ''}"
            rows.append((label, count, seconds, csv_mb))

    lines = [
        f"Machine: {machine()}.",
        f"Input: the {len(raws)} real cable pages repeated {args.repeat} times.",
        "",
        "| what | cables | seconds | cables/s | MB/s | full archive (251,287) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, count, seconds, mb in rows:
        lines.append(
            f"| {label} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} | "
            f"{mb / seconds:.1f} | {ARCHIVE_SIZE / (count / seconds):.0f} s |"
        )
    lines += [
        "",
        "No peer column: cablemap, the reference cable parser, targets Python 2 and is not "
        "installable from the package registries here.",
    ]
    table = "\n".join(lines)
    print(table)
    write_section("parse", "## Parsing\n\n" + table)


if __name__ == "__main__":
    main()
