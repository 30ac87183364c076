"""How fast synthetic archives are generated and written, and how much memory it takes.

Each measurement runs in a fresh process, so that its peak resident memory
(``resource.getrusage``) is its own:

* ``records``: ``generate(n)`` and every :class:`~cablestats.Cable` record made,
  nothing written;
* ``text``, ``html``, ``csv``: ``write_archive(out, n, format=...)``, the
  function behind ``cablestats synth``, into a temporary folder.

Targets: 250,000 cables in under 3 minutes, peak memory under 2 GB.  The table
is printed and written to the ``synth-speed`` block of ``benchmarks/RESULTS.md``.

Run: ``.venv/bin/python benchmarks/synth_speed.py [--n 250000] [--modes text csv]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _results import machine, write_section

import cablestats.synth as synth

TARGET_SECONDS, TARGET_MEGABYTES = 180, 2048
MODES = ("records", "text", "html", "csv")


def run_child(mode: str, n: int, seed: int) -> dict:
    """Measure one mode in this process; the result as a dict."""
    os.sync()  # earlier runs' files must not be written back during this one
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        if mode == "records":
            made = sum(1 for _ in synth.generate(n, seed=seed).iter_cables())
            size = 0
        else:
            synth.write_archive(folder, n, format=mode, seed=seed, progress=False)
            made = n
            size = sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    return {
        "mode": mode,
        "n": made,
        "seconds": seconds,
        "peak_mb": peak,
        "size_mb": size / 1e6,
        "load": load,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=["text"])
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.n, args.seed)))
        return 0
    results = []
    for mode in args.modes:
        command = [sys.executable, __file__, "--child", mode, "--n", str(args.n)]
        output = subprocess.run(
            [*command, "--seed", str(args.seed)], check=True, capture_output=True, text=True
        )
        result = json.loads(output.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{mode}: {result['n']:,} cables in {result['seconds']:.1f} s "
            f"({result['n'] / result['seconds']:,.0f} cables/s), peak {result['peak_mb']:,.0f} MB, "
            f"{result['size_mb']:,.0f} MB written"
        )
    rows = "\n".join(
        f"| {r['mode']} | {r['n']:,} | {r['seconds']:.1f} | {r['n'] / r['seconds']:,.0f} | "
        f"{r['peak_mb']:,.0f} | {r['size_mb']:,.0f} | {r['load']:.1f} |"
        for r in results
    )
    met = all(
        r["seconds"] * 250_000 / r["n"] < TARGET_SECONDS and r["peak_mb"] < TARGET_MEGABYTES
        for r in results
    )
    write_section(
        "synth-speed",
        f"""### Speed and memory

Machine: {machine()}; free disk {shutil.disk_usage(tempfile.gettempdir()).free / 1e9:,.0f} GB
at {tempfile.gettempdir()}.
`benchmarks/synth_speed.py --n {args.n} --modes {" ".join(args.modes)}`; each row is a fresh
process (seed {args.seed}); peak memory is its maximum resident set size. `records` makes
every `Cable` without writing; the others run `write_archive` (what `cablestats synth` calls).
The machine is shared: the last column is its one-minute load average when the run started.
Creating a file costs about 0.3 ms on this disk, so one file per cable (text, html) is bound
by the file system. Target: 250,000 cables in under 180 s with under 2,048 MB.

| mode | cables | seconds | cables/s | peak MB | MB written | load at start |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
{rows}

Target met: {"yes" if met else "no"}.""",
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
