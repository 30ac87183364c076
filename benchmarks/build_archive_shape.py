"""Rebuild ``cablestats/data/archive_shape.csv.gz`` from the Cablegate month list.

The input, ``cable2month.csv.gz``, lists every Cablegate reference id with the month it was
sent (no header: ``id,month``).  The output keeps counts only: how many cables each post sent
in each month (columns ``post, year, month, count``), which is all the synthetic generator
needs to give an archive the real shape.  Ids that are not canonical (garbled section
markers such as ``08SECTON02OF02TIRANA398``) are left out.

Usage::

    python benchmarks/build_archive_shape.py ../shared/data/cable2month.csv.gz
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from cablestats.parse.ids import REFERENCE_ID_RE

OUTPUT = Path(__file__).resolve().parents[1] / "cablestats" / "data" / "archive_shape.csv.gz"


def archive_shape(month_list: Path) -> pd.DataFrame:
    """Counts of cables per post, year and month, sorted by those keys."""
    ids = pd.read_csv(month_list, header=None, names=["reference_id", "month"])
    parts = ids["reference_id"].str.extract(f"^{REFERENCE_ID_RE.pattern}$")
    keep = parts.notna().all(axis=1)
    two_digits = parts.loc[keep, 0].astype(int)
    shape = pd.DataFrame(
        {
            "post": parts.loc[keep, 1],
            # Two-digit years from 50 on are 19xx, as in canonical ids.
            "year": two_digits.where(two_digits < 50, two_digits - 100) + 2000,
            "month": ids.loc[keep, "month"].astype(int),
        }
    )
    counts = shape.value_counts(["post", "year", "month"]).rename("count").reset_index()
    return counts.sort_values(["post", "year", "month"], ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("month_list", type=Path, help="path to cable2month.csv.gz")
    parser.add_argument("--out", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args()
    table = archive_shape(args.month_list)
    table.to_csv(args.out, index=False, compression={"method": "gzip", "mtime": 0})
    print(f"{len(table)} rows, {table['count'].sum()} cables, {table['post'].nunique()} posts")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
