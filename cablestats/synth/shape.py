"""The shape of the real archive: how many cables each post sent each month.

``cablestats/data/archive_shape.csv.gz`` (columns ``post, year, month,
count``) counts the Cablegate reference ids by post and month; it holds no
cable text.  Posts spelled wrongly in reference ids are counted under the
post they stand for; posts the directory cannot name are left out.
Sampling rows with probability proportional to their counts gives a
synthetic archive the real distribution of posts, years and monthly volume.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources

import numpy as np
import pandas as pd

from cablestats.synth.posts import post_directory
from cablestats.tags import post_info

__all__ = ["ArchiveShape", "month_index", "parse_month"]

SHAPE_FILE = "archive_shape.csv.gz"


def parse_month(text: str) -> int:
    """``"2009-07"`` → months since year 0 (``2009 * 12 + 6``); raises ValueError otherwise."""
    try:
        year, month = (int(part) for part in str(text).split("-"))
    except ValueError:
        raise ValueError(f"expected a month like '2009-07', received {text!r}") from None
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 01..12, received {text!r}")
    return year * 12 + month - 1


def month_index(years: np.ndarray, months: np.ndarray) -> np.ndarray:
    """Months since year 0 for arrays of years and months (1–12)."""
    return np.asarray(years) * 12 + np.asarray(months) - 1


def _canonical(post: str) -> str | None:
    info = post_info(post)
    name = info.post if info else None
    return name if name in post_directory() else None


@functools.cache
def _full_table() -> pd.DataFrame:
    resource = importlib.resources.files("cablestats").joinpath("data", SHAPE_FILE)
    with resource.open("rb") as handle:
        table = pd.read_csv(handle, compression="gzip")
    table["post"] = table["post"].map(_canonical)
    table = table.dropna(subset=["post"])
    table["period"] = month_index(table["year"], table["month"])
    table = table.groupby(["post", "period"], as_index=False)["count"].sum()
    # Cables of the post earlier in the same year, for serial numbers.
    year = table["period"] // 12
    table["before"] = table.groupby(["post", year])["count"].cumsum() - table["count"]
    return table


@dataclasses.dataclass(frozen=True)
class ArchiveShape:
    """Counts of cables by post and month (``period``: months since year 0)."""

    table: pd.DataFrame

    @classmethod
    def load(cls, start: str = "2001-01", end: str = "2010-02") -> ArchiveShape:
        """The shipped counts from ``start`` to ``end`` (months, inclusive)."""
        first, last = parse_month(start), parse_month(end)
        if first > last:
            raise ValueError(f"start must not be after end, received start={start} end={end}")
        table = _full_table()
        window = table[(table["period"] >= first) & (table["period"] <= last)]
        if window.empty:
            raise ValueError(f"the real archive has no cables from {start} to {end}")
        return cls(window.reset_index(drop=True))

    @staticmethod
    def year_position(posts: np.ndarray, periods: np.ndarray, fraction: np.ndarray) -> np.ndarray:
        """How many real cables each post had sent that year by a moment of a month.

        ``fraction`` is how far into its month each moment lies (0–1); the count
        within the month is interpolated.  Posts and months without real cables
        give 0.
        """
        table = _full_table().set_index(["post", "period"])
        keys = pd.MultiIndex.from_arrays([posts, periods])
        found = table.reindex(keys)
        before = found["before"].fillna(0).to_numpy()
        return before + np.asarray(fraction) * found["count"].fillna(0).to_numpy()

    def sample(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """``n`` (post, period) pairs drawn in proportion to the real counts, sorted by period."""
        counts = self.table["count"].to_numpy(dtype=float)
        rows = rng.choice(len(counts), size=n, p=counts / counts.sum())
        posts = self.table["post"].to_numpy()[rows]
        periods = self.table["period"].to_numpy()[rows]
        order = np.argsort(periods, kind="stable")
        return posts[order], periods[order]
