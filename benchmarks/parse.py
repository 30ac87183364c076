"""Parsing throughput on the real cables, repeated to at least 20,000.

Measures, in one run:

1. ``parse_cable`` alone on one core (the 962 real page texts, repeated), in
   cables/s and MB/s of cable text;
2. ``read_cables`` end to end on a ``cables.csv`` of the same cables (unique
   ids), with one process and with every core;
3. ``read_cables`` with every core on an archive of the real one's size:
   251,287 rows drawn from the real pages so that their mean size is that of
   the real ``cables.csv`` (about 1.7 GB, so 6.8 kB a row; the 962 pages
   average more).  Each page is drawn with a weight falling exponentially
   with its size, so short and long cables all stay in.  The read runs in a
   fresh process, whose peak memory is reported.

cablemap, the reference cable parser, is Python 2 only and not installable
here, so there is no peer column; the targets are absolute (>= 2,000 cables/s
on one core; the whole archive in about a minute).

Run: ``.venv/bin/python benchmarks/parse.py [--repeat N] [--skip-archive]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _results import machine, write_section
from scipy.optimize import brentq

import cablestats as cs
from cablestats.io.cablescsv import CsvRow, write_cables_csv
from cablestats.io.html import iter_html

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cablegate-html"
ARCHIVE_SIZE = 251_287
#: Size of the real cables.csv (DESIGN.md: "about 1.7 GB").
ARCHIVE_BYTES = 1.7e9


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


def _row(raw, number: int) -> CsvRow:
    """``raw`` as row ``number`` of a cables.csv, with an id of its own."""
    header, _, body = raw.text.partition("\n\n")
    new_id = f"{raw.reference_id}{number:06d}"  # unique: six digits after each real id
    return CsvRow(number, raw.created, new_id, raw.origin, raw.classification, (), header, body)


def write_csv(raws: list, repeat: int, path: Path) -> None:
    """A cables.csv of ``raws`` repeated."""
    write_cables_csv((_row(raw, n) for n, raw in enumerate(raws * repeat)), path)


def archive_sample(raws: list, n: int, mean_bytes: float, seed: int = 0) -> list:
    """``n`` of ``raws``, drawn with weights exp(-λ·size) that make the mean size ``mean_bytes``."""
    sizes = np.array([len(raw.text.encode()) for raw in raws], dtype=float)

    def probabilities(rate: float) -> np.ndarray:
        weights = np.exp(-rate * (sizes - sizes.min()))
        return weights / weights.sum()

    rate = brentq(lambda rate: probabilities(rate) @ sizes - mean_bytes, 0.0, 1.0)
    picks = np.random.default_rng(seed).choice(len(raws), size=n, p=probabilities(rate))
    return [raws[i] for i in picks]


def write_archive_csv(raws: list, path: Path) -> None:
    """A cables.csv of :data:`ARCHIVE_SIZE` rows whose size is about :data:`ARCHIVE_BYTES`."""
    # Each row adds its routing header's quotes, its metadata and its id to the text.
    overhead = 90
    sample = archive_sample(raws, ARCHIVE_SIZE, ARCHIVE_BYTES / ARCHIVE_SIZE - overhead)
    write_cables_csv((_row(raw, n) for n, raw in enumerate(sample)), path)


def time_read(path: Path, n_jobs: int) -> tuple[int, float]:
    start = time.perf_counter()
    frame = cs.read_cables(path, n_jobs=n_jobs, progress=False)
    return len(frame), time.perf_counter() - start


def time_read_fresh(path: Path, n_jobs: int) -> tuple[int, float, float]:
    """(cables, seconds, peak MB of the reading process) for a read in a new process."""
    code = (
        "import resource, sys, time; import cablestats as cs; t = time.perf_counter(); "
        f"n = len(cs.read_cables(sys.argv[1], n_jobs={n_jobs}, progress=False)); "
        "print(n, time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return int(output[0]), float(output[1]), float(output[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="copies of the 962 cables")
    parser.add_argument(
        "--skip-archive", action="store_true", help="do not build and read the full-size archive"
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"real cables not found at {SHARED}")

    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    raws = page_cables()
    n, megabytes, seconds = time_parse_cable(raws, args.repeat)
    rows = [("parse_cable, 1 core", n, seconds, megabytes)]

    cores = os.cpu_count() or 1
    archive_note = ""
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "cables.csv"
        write_csv(raws, args.repeat, csv_path)
        csv_mb = csv_path.stat().st_size / 1e6
        for jobs in (1, cores):
            count, seconds = time_read(csv_path, jobs)
            label = f"read_cables(cables.csv), {jobs} process{'es' if jobs > 1 else ''}"
            rows.append((label, count, seconds, csv_mb))
        csv_path.unlink()
        if not args.skip_archive:
            write_archive_csv(raws, csv_path)
            os.sync()  # time the reading, not the writing back of what was just written
            archive_mb = csv_path.stat().st_size / 1e6
            count, seconds, peak_mb = time_read_fresh(csv_path, cores)
            rows.append((f"the same, archive-sized, {cores} processes", count, seconds, archive_mb))
            archive_note = (
                f"The archive-sized file has {count:,} rows in {archive_mb:,.0f} MB "
                f"({archive_mb * 1e6 / count:,.0f} bytes a row against "
                f"{csv_mb * 1e6 / (len(raws) * args.repeat):,.0f} for the repeated pages); "
                f"reading it took {seconds:.0f} s and at most {peak_mb:,.0f} MB in the "
                "reading process.  Its last column is measured, not extrapolated."
            )

    lines = [
        f"Machine: {machine()}.",
        f"Input: the {len(raws)} real cable pages repeated {args.repeat} times; "
        f"one-minute load average at the start: {load:.1f}.",
        "",
        "| what | cables | seconds | cables/s | MB/s | full archive (251,287) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, count, seconds, mb in rows:
        lines.append(
            f"| {label} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} | "
            f"{mb / seconds:.1f} | {ARCHIVE_SIZE / (count / seconds):.0f} s |"
        )
    lines += ["", archive_note] if archive_note else []
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
