"""Count cables in cells of period × group: the exposure and event counts behind every rate.

A cell is one period (``freq``) and one group of cables (``by``).  A cable
can sit in several groups (it carries several tags or names several
countries) and then counts in each.  Periods run without gaps from the first
to the last dated cable, so that empty periods show as zero exposure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp
from statsmodels.stats.proportion import proportion_confint

from cablestats.tags import country_region, country_tags, post_country

__all__ = ["ALL", "BY", "MAX_CELLS", "Cells", "count_cells", "wilson"]

#: Group name used when ``by`` is ``None``.
ALL = "all"

#: Accepted values of ``by``.
BY: tuple[str, ...] = ("tag", "origin", "country", "region")

#: Most period × group × indicator counts held at once (400 MB of int64).
MAX_CELLS = 50_000_000


@dataclasses.dataclass(frozen=True)
class Cells:
    """Counts per period × group × indicator.

    ``exposure[p, g]`` is the number of cables in period ``p`` and group ``g``;
    ``counts[p, g, k]`` those among them where indicator ``k`` is set.
    """

    periods: pd.PeriodIndex
    groups: pd.Index
    exposure: np.ndarray
    counts: np.ndarray

    def stacked(self, names: Iterable[str]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """One row per group × indicator, for fitting all series at once.

        Returns the labels (columns ``term`` and ``group``, group-major), and
        the counts and exposure as series × periods arrays in the same order.
        """
        n_periods, n_groups, k = self.counts.shape
        labels = pd.DataFrame(
            {
                "term": np.tile(np.asarray(list(names), dtype=object), n_groups),
                "group": np.repeat(self.groups.to_numpy(dtype=object), k),
            }
        )
        counts = self.counts.transpose(1, 2, 0).reshape(n_groups * k, n_periods)
        exposure = np.repeat(self.exposure.T, k, axis=0).reshape(n_groups * k, n_periods)
        return labels, counts, exposure

    def tidy(self, names: Iterable[str], column: str, alpha: float = 0.05) -> pd.DataFrame:
        """Long form, with a Wilson interval for each rate.

        Columns ``period``, ``group``, ``column`` (``term`` or ``theme``: the
        indicator's name), ``cables``, ``exposure``, ``rate``, ``lo``, ``hi``.
        """
        names = list(names)
        shape = self.counts.shape
        cables = self.counts.reshape(-1)
        exposure = np.repeat(self.exposure.reshape(-1), shape[2])
        rate, lo, hi = wilson(cables, exposure, alpha)
        return pd.DataFrame(
            {
                "period": np.repeat(self.periods, shape[1] * shape[2]),
                "group": np.tile(np.repeat(self.groups.to_numpy(dtype=object), shape[2]), shape[0]),
                column: np.tile(np.asarray(names, dtype=object), shape[0] * shape[1]),
                "cables": cables.astype(np.int64),
                "exposure": exposure.astype(np.int64),
                "rate": rate,
                "lo": lo,
                "hi": hi,
            }
        )


def wilson(count: np.ndarray, nobs: np.ndarray, alpha: float = 0.05) -> tuple[np.ndarray, ...]:
    """Rate and Wilson interval of ``count`` out of ``nobs``; NaN where ``nobs`` is zero."""
    count = np.asarray(count, dtype=float)
    nobs = np.asarray(nobs, dtype=float)
    empty = nobs == 0
    safe = np.where(empty, 1.0, nobs)
    lo, hi = proportion_confint(count, safe, alpha=alpha, method="wilson")
    # exact bounds where the formula leaves rounding residue (2.8e-17 for zero counts)
    lo, hi = np.where(count == 0, 0.0, lo), np.where(count == nobs, 1.0, hi)
    rate = count / safe
    return tuple(np.where(empty, np.nan, values) for values in (rate, lo, hi))


def _cable_groups(meta: pd.DataFrame, by: str | None) -> list[list[str]]:
    """The groups of each cable, in corpus order."""
    if by is None:
        return [[ALL]] * len(meta)
    if by not in BY:
        raise ValueError(f"by must be None or one of {', '.join(map(repr, BY))}; received {by!r}")
    tags = [[] if not isinstance(v, (list, tuple, np.ndarray)) else list(v) for v in meta["tags"]]
    if by == "tag":
        return [list(dict.fromkeys(t.strip().upper() for t in values)) for values in tags]
    if by == "origin":
        return [[o] if isinstance(o, str) else [] for o in meta["origin"]]
    origin_country = {o: post_country(o) for o in meta["origin"].dropna().unique()}
    countries = [
        list(dict.fromkeys([*country_tags(values), *filter(None, [origin_country.get(origin)])]))
        for values, origin in zip(tags, meta["origin"], strict=True)
    ]
    if by == "country":
        return countries
    return [list(dict.fromkeys(filter(None, map(country_region, codes)))) for codes in countries]


def count_cells(
    meta: pd.DataFrame,
    periods: pd.Series,
    indicators: sp.spmatrix | np.ndarray,
    freq: str,
    by: str | None,
) -> Cells:
    """Exposure and counts of ``indicators`` (cables × k, 0/1) per period × group.

    Parameters
    ----------
    meta
        Corpus metadata (``tags`` and ``origin`` are read when ``by`` needs them).
    periods
        The period of each cable (``Corpus.periods``); undated cables are left out.
    indicators
        Cables × k matrix of 0/1, sparse or dense.
    freq, by
        Period length and grouping (``None``, ``"tag"``, ``"origin"``, ``"country"``,
        ``"region"``).
    """
    groups_of = _cable_groups(meta, by)
    dated = periods.notna().to_numpy()
    k = indicators.shape[1]
    if not dated.any():
        empty = pd.PeriodIndex([], freq=freq, name="period")
        return Cells(empty, pd.Index([], name="group"), np.zeros((0, 0)), np.zeros((0, 0, k)))
    span = pd.period_range(periods[dated].min(), periods[dated].max(), freq=freq, name="period")
    groups = pd.Index(sorted({g for row, gs in enumerate(groups_of) if dated[row] for g in gs}))
    if len(span) * len(groups) * k > MAX_CELLS:
        raise ValueError(
            f"{len(span)} periods x {len(groups)} groups (by={by!r}) x {k} terms is more than "
            f"{MAX_CELLS:,} counts; ask for fewer terms, longer periods (freq) or a "
            "selection of the corpus"
        )
    period_codes = span.get_indexer(periods.where(dated, span[0]))
    # One (cable, group) pair per group of each dated cable, looked up in one call.
    pairs = [(row, g) for row, gs in enumerate(groups_of) if dated[row] for g in gs]
    rows = np.fromiter((row for row, _ in pairs), dtype=np.int64, count=len(pairs))
    cells = period_codes[rows] * len(groups) + groups.get_indexer([g for _, g in pairs])
    incidence = sp.csr_matrix(
        (np.ones(len(rows)), (cells, rows)), shape=(len(span) * len(groups), len(meta))
    )
    exposure = np.asarray(incidence.sum(axis=1)).reshape(len(span), len(groups))
    counts = np.asarray((incidence @ sp.csr_matrix(indicators)).todense())
    return Cells(
        span,
        groups.rename("group"),
        exposure.astype(np.int64),
        counts.reshape(len(span), len(groups), k).astype(np.int64),
    )
