"""Topic prevalence over periods and groups, with bootstrap intervals over cables.

The share of a topic in a cell (a period, or a period and a group of cables)
is the mean of its share in the cell's cables.  Its interval is a percentile
bootstrap: the cell's cables are resampled with replacement ``n_boot`` times
and the mean recomputed.  Each cell is resampled at once as a matrix of
draw counts times the cell's topic shares, in blocks that bound memory.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cablestats import tags
from cablestats.models._params import check_choice

__all__ = ["FREQS", "GROUPINGS", "bootstrap_prevalence", "cable_groups", "cable_periods"]

#: Period lengths: month, quarter, year.
FREQS = ("M", "Q", "Y")

#: What cables can be grouped by besides ``None`` (all cables together): each
#: TAG they carry, their post, the country of their post, its region.
GROUPINGS = ("tag", "origin", "country", "region")

#: Group label of cables whose group is not known (no TAGS, unknown post).
UNKNOWN = "unknown"

#: Bootstrap draws held in memory at once (draws × cables in a cell).
_DRAWS_PER_BLOCK = 4_000_000


def cable_periods(created: pd.Series, freq: str) -> pd.Series:
    """The period of each cable, ``NaT`` when undated; same index as ``created``."""
    check_choice("freq", freq, FREQS)
    created = pd.to_datetime(created, utc=True)
    return created.dt.tz_localize(None).dt.to_period(freq)


def cable_groups(meta: pd.DataFrame, by: str | None) -> pd.Series:
    """The group of each cable, indexed by its row position in ``meta``.

    A cable carrying several TAGS appears once per TAG with ``by="tag"``;
    cables whose group is unknown are labelled ``"unknown"``.
    """
    rows = pd.RangeIndex(len(meta))
    if by is None:
        return pd.Series("all", index=rows, dtype=object)
    check_choice("by", by, GROUPINGS)
    if by == "tag":
        groups = pd.Series(meta["tags"].to_numpy(), index=rows).explode()
    else:
        groups = pd.Series(meta["origin"].to_numpy(), index=rows, dtype=object)
        if by in ("country", "region"):
            groups = groups.map(tags.post_country, na_action="ignore")
        if by == "region":
            groups = groups.map(tags.country_region, na_action="ignore")
    return groups.astype(object).where(groups.notna(), UNKNOWN)


def bootstrap_prevalence(
    shares: np.ndarray,
    periods: pd.Series,
    groups: pd.Series,
    topics: Sequence[str],
    *,
    ci: float,
    n_boot: int,
    random_state: int,
) -> pd.DataFrame:
    """Mean topic shares per period and group, with percentile bootstrap intervals.

    Parameters
    ----------
    shares
        ``(n_cables, n_topics)`` topic shares, rows summing to one.
    periods
        Period of each cable, in row order; ``NaT`` cables are left out.
    groups
        Group of each cable, indexed by row position (from :func:`cable_groups`).
    topics
        Topic labels, in column order of ``shares``.
    ci
        Coverage of the intervals, between 0 and 1.
    n_boot
        Bootstrap resamples per cell.
    random_state
        Seed: the same seed gives the same intervals.

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``group``, ``topic``, ``share``, ``lo``, ``hi``,
        ``n_cables``; one row per period, group and topic, sorted in that
        order, ``topic`` categorical in model order.
    """
    cells = pd.DataFrame({"row": groups.index.to_numpy(), "group": groups.to_numpy()})
    cells["period"] = periods.to_numpy()[cells["row"].to_numpy()]
    cells = cells[cells["period"].notna()]
    rng = np.random.default_rng(random_state)
    quantiles = [(1 - ci) / 2, 1 - (1 - ci) / 2]
    keys, means, bounds, sizes = [], [], [], []
    for key, rows in cells.groupby(["period", "group"], sort=True)["row"]:
        cell = shares[rows.to_numpy()]
        keys.append(key)
        means.append(cell.mean(axis=0))
        bounds.append(np.quantile(_bootstrap_means(cell, n_boot, rng), quantiles, axis=0))
        sizes.append(len(cell))
    n_topics = len(topics)
    bounds = np.asarray(bounds).reshape(len(keys), 2, n_topics)
    return pd.DataFrame(
        {
            "period": pd.PeriodIndex(
                np.repeat([period for period, _ in keys], n_topics), freq=periods.dt.freq
            ),
            "group": np.repeat(np.asarray([group for _, group in keys], dtype=object), n_topics),
            "topic": pd.Categorical(np.tile(list(topics), len(keys)), categories=list(topics)),
            "share": np.asarray(means).reshape(-1),
            "lo": bounds[:, 0].reshape(-1),
            "hi": bounds[:, 1].reshape(-1),
            "n_cables": np.repeat(np.asarray(sizes, dtype=int), n_topics),
        }
    )


def _bootstrap_means(cell: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``(n_boot, n_topics)`` means of ``cell`` rows resampled with replacement."""
    n = len(cell)
    block = max(1, _DRAWS_PER_BLOCK // n)
    means = []
    for start in range(0, n_boot, block):
        draws = min(block, n_boot - start)
        picks = rng.integers(0, n, size=(draws, n)) + n * np.arange(draws)[:, None]
        counts = np.bincount(picks.ravel(), minlength=draws * n).reshape(draws, n)
        means.append(counts @ cell / n)
    return np.vstack(means)
