"""Building a corpus against scikit-learn's CountVectorizer: time and peak memory.

On the same documents, in the same run:

1. the 962 real cables (read with ``cs.read_cables``), repeated to
   ``--real-docs`` documents (default 5,000) so that the runs are long enough
   to time;
2. a synthetic archive of ``--synthetic`` cables (default 250,000) from
   ``cablestats.synth.generate``.

For each, ``CountVectorizer().fit_transform(bodies)`` (default settings; one
process, as it has no other) is timed against ``Corpus.from_cables(df)``
(the cable tokenizer, stopwords, phrases learned and merged, pruning and the
metadata frame; every core), each in a process of its own, alternating, best
of ``--repeat`` runs.  Peak memory is the largest sum, sampled every 50 ms,
of the proportional set size of the process and its workers (pages that forked
workers share with their parent count once); it includes the input frame,
which is also given separately.

Run: ``.venv/bin/python benchmarks/corpus.py [--real-docs N] [--synthetic N] [--repeat N]``;
``--write`` puts the table into the Corpus section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
from _results import machine, write_section

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cablegate-html"
CACHE = Path(tempfile.gettempdir()) / "cablestats-benchmark-corpus"
COLUMNS = ["created", "origin", "classification", "caveats", "tags", "subject", "references"]
TOOLS = ("CountVectorizer", "cablestats")


# ---- data -----------------------------------------------------------------------------------


def real_frame(n_docs: int) -> pd.DataFrame:
    """The real cables repeated to ``n_docs`` rows, each copy with ids of its own."""
    import cablestats as cs

    cables = cs.read_cables(SHARED, progress=False)[[*COLUMNS, "body"]]
    copies = [
        cables.set_axis([f"{ref}-{copy}" for ref in cables.index], axis=0)
        for copy in range(-(-n_docs // len(cables)))
    ]
    return pd.concat(copies).iloc[:n_docs].rename_axis("reference_id")


def synthetic_frame(n_docs: int) -> pd.DataFrame:
    """A synthetic archive of ``n_docs`` cables (seed 0), as read_cables' columns."""
    from cablestats.synth import generate

    rows = (
        {"reference_id": cable.reference_id, "body": cable.body}
        | {column: getattr(cable, column) for column in COLUMNS}
        for cable in generate(n_docs, seed=0).iter_cables()
    )
    frame = pd.DataFrame.from_records(rows, index="reference_id")
    for column in ("caveats", "tags", "references"):
        frame[column] = frame[column].map(list)
    return frame


def dataset(kind: str, n_docs: int) -> pd.DataFrame:
    """The frame for one data set, cached across the processes of a run.

    Pickle rather than Parquet: it loads the bodies straight into the Python
    strings a frame from ``read_cables`` holds, without an Arrow copy on the way.
    """
    path = CACHE / f"{kind}-{n_docs}.pickle"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        frame = real_frame(n_docs) if kind == "real" else synthetic_frame(n_docs)
        frame.to_pickle(path)
    return pd.read_pickle(path)


# ---- memory ---------------------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *_descendants(child)]
    return found


def tree_pss_mb() -> float:
    """Proportional set size of this process and its descendants, in MB."""
    total = 0
    for pid in [os.getpid(), *_descendants(os.getpid())]:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue  # a worker that just ended
        total += next(int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:"))
    return total / 1024


class PeakSampler(threading.Thread):
    """Samples :func:`tree_pss_mb` every 50 ms until stopped; keeps the largest value."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = tree_pss_mb()
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, tree_pss_mb())

    def stop(self) -> float:
        self._done.set()
        self.join()
        return max(self.peak, tree_pss_mb())


# ---- one measurement, in a process of its own ------------------------------------------------


def measure(tool: str, kind: str, n_docs: int) -> dict[str, float]:
    """Time and peak memory of one tool on one data set (run in a fresh process)."""
    from sklearn.feature_extraction.text import CountVectorizer

    from cablestats.corpus import Corpus

    frame = dataset(kind, n_docs)
    baseline = tree_pss_mb()
    sampler = PeakSampler()
    sampler.start()
    start = time.perf_counter()
    if tool == "CountVectorizer":
        matrix = CountVectorizer().fit_transform(frame["body"].tolist())
        n_terms = matrix.shape[1]
    else:
        corpus = Corpus.from_cables(frame, progress=False)
        n_terms = len(corpus.vocab)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_mb": sampler.stop(),
        "input_mb": baseline,
        "terms": n_terms,
        "text_mb": frame["body"].str.len().sum() / 1e6,
    }


def run_child(tool: str, kind: str, n_docs: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", tool, kind, str(n_docs)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# ---- the report ----------------------------------------------------------------------------


def compare(kind: str, n_docs: int, repeat: int) -> dict[str, dict[str, float]]:
    """Per tool: the best time and the largest peak over ``repeat`` alternating runs."""
    dataset(kind, n_docs)  # build the cache once, outside the measurements
    runs: dict[str, list[dict[str, float]]] = {tool: [] for tool in TOOLS}
    for _ in range(repeat):
        for tool in TOOLS:
            runs[tool].append(run_child(tool, kind, n_docs))
            print(f"  {kind} {n_docs:,} {tool}: {runs[tool][-1]}", file=sys.stderr)
    return {
        tool: min(results, key=lambda r: r["seconds"])
        | {"peak_mb": max(r["peak_mb"] for r in results)}
        for tool, results in runs.items()
    }


def table(rows: list[tuple[str, int, dict[str, dict[str, float]]]]) -> str:
    lines = [
        "| documents | cables | text MB | CountVectorizer s | cablestats s | ratio "
        "| loaded MB | CountVectorizer peak MB | cablestats peak MB "
        "| terms (CV / cablestats) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, n_docs, best in rows:
        cv, ours = best["CountVectorizer"], best["cablestats"]
        lines.append(
            f"| {name} | {n_docs:,} | {ours['text_mb']:,.0f} | {cv['seconds']:.1f} "
            f"| {ours['seconds']:.1f} | {ours['seconds'] / cv['seconds']:.2f} "
            f"| {ours['input_mb']:,.0f} | {cv['peak_mb']:,.0f} | {ours['peak_mb']:,.0f} "
            f"| {cv['terms']:,} / {ours['terms']:,} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-docs", type=int, default=5_000)
    parser.add_argument("--synthetic", type=int, default=250_000, help="0 to skip")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool on the real cables")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs=3, metavar=("TOOL", "KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        tool, kind, n_docs = args.child
        print(json.dumps(measure(tool, kind, int(n_docs))))
        return

    load = os.getloadavg()[0]
    rows = [("real cables, repeated", args.real_docs, compare("real", args.real_docs, args.repeat))]
    if args.synthetic:
        rows.append(("synthetic archive", args.synthetic, compare("synthetic", args.synthetic, 1)))
    markdown = f"""## Corpus

Machine: {machine()}; load average {load:.1f} at the start (the machine is shared).
`Corpus.from_cables(df)` with default options (cable tokenizer, English and
cable stopwords, phrases learned on a sample and merged, pruning, metadata; both
cores) against `CountVectorizer().fit_transform(bodies)` with default settings
(one process), on the same bodies, each in a fresh process, best of
{args.repeat} alternating runs on the real cables and one on the synthetic
archive (`benchmarks/corpus.py`).  Peak memory: the largest sum of the
proportional set size of the process and its workers; "loaded MB" is the
process before the build (interpreter, libraries and input frame).

{table(rows)}

Target: ratio at most 1.5, cablestats peak under 4,000 MB at 250,000 cables.
Repeating the real cables makes every term pass `min_df=2`, so cablestats
stops at its `max_features` cap of 50,000 terms there; the synthetic
archive's generated language has a small vocabulary, hence its few terms.
"""
    print(markdown)
    if args.write:
        write_section("corpus", markdown)


if __name__ == "__main__":
    main()
