"""Prevalence of themes over time: the share of cables that belong to each theme."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cablestats.corpus import Corpus
from cablestats.trends._cells import count_cells

if TYPE_CHECKING:
    from cablestats.themes.theme import Theme

__all__ = ["PREVALENCE_COLUMNS", "theme_prevalence"]

#: Columns of :func:`theme_prevalence`, in order.
PREVALENCE_COLUMNS: tuple[str, ...] = (
    "period",
    "group",
    "theme",
    "cables",
    "exposure",
    "rate",
    "lo",
    "hi",
)


def theme_prevalence(
    corpus: Corpus,
    themes: Theme | Iterable[Theme] | Mapping[str, Theme],
    freq: str = "Q",
    by: str | None = None,
    *,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Share of cables that belong to each theme, per period (and group), with Wilson intervals.

    Parameters
    ----------
    corpus
        The cables.
    themes
        One theme, several, or the mapping :func:`load_themes` returns.
    freq, by
        Periods and groups as in :func:`cablestats.trends.term_series`
        (``by``: ``None``, ``"tag"``, ``"origin"``, ``"country"``, ``"region"``).
    alpha
        One minus the confidence of the interval.

    Returns
    -------
    pandas.DataFrame
        Range index; columns :data:`PREVALENCE_COLUMNS`: ``period``,
        ``group`` (``"all"`` when ``by`` is None), ``theme`` (name),
        ``cables`` (members), ``exposure`` (all cables of the cell), ``rate``
        and its Wilson interval ``lo``, ``hi``.  Periods without cables have
        zero exposure and NaN rate; an empty corpus gives no rows.
    """
    if isinstance(themes, Mapping):
        themes = list(themes.values())
    elif not isinstance(themes, Iterable):
        themes = [themes]
    themes = list(themes)
    members = np.column_stack(
        [theme.membership(corpus) for theme in themes] or [np.zeros(len(corpus), bool)]
    )[:, : len(themes)]
    cells = count_cells(corpus.meta, corpus.periods(freq), members.astype(np.int64), freq, by)
    return cells.tidy([theme.name for theme in themes], "theme", alpha)[list(PREVALENCE_COLUMNS)]
