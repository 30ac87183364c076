"""How many cables mention a term, period by period: the series every trend test reads."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cablestats.corpus import Corpus
from cablestats.trends._cells import Cells, count_cells
from cablestats.trends._terms import presence, term_columns

__all__ = ["SERIES_COLUMNS", "term_cells", "term_series"]

#: Columns of :func:`term_series`, in order.
SERIES_COLUMNS: tuple[str, ...] = (
    "period",
    "group",
    "term",
    "cables",
    "exposure",
    "rate",
    "lo",
    "hi",
)


def term_cells(
    corpus: Corpus, terms: str | Iterable[str], freq: str = "M", by: str | None = None
) -> tuple[list[str], Cells]:
    """The normalized terms and their counts per period × group (arrays, for the tests)."""
    names, columns = term_columns(corpus.vocab, terms)
    cells = count_cells(corpus.meta, corpus.periods(freq), presence(corpus.dtm, columns), freq, by)
    return names, cells


def term_series(
    corpus: Corpus,
    terms: str | Iterable[str],
    freq: str = "M",
    by: str | None = None,
    *,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Cables mentioning each term per period (and group), with the rate and its interval.

    The unit is the cable, not the token: a cable that names a term ten times
    counts once, so a single long cable cannot make a trend.  The rate is
    the share of the period's cables (of the group) that mention the term.

    Parameters
    ----------
    corpus
        The cables.
    terms
        One term or several, spelled as in the vocabulary or with spaces for
        phrases (``"al qaeda"`` finds ``al_qaeda``); any case.
    freq
        Period length as in pandas (``"M"``, ``"Q"``, ``"Y"``, ``"W"``).
    by
        ``None`` (one group, ``"all"``), ``"tag"`` (each TAGS code),
        ``"origin"`` (sending post), ``"country"`` (country TAGS and the
        country of the post) or ``"region"`` (regional bureau of those
        countries).  A cable counts in each of its groups.
    alpha
        One minus the confidence of the interval.

    Returns
    -------
    pandas.DataFrame
        Range index; columns ``period`` (``Period``), ``group``, ``term``,
        ``cables`` (mentioning the term), ``exposure`` (cables of the period
        and group), ``rate`` (``cables / exposure``) and ``lo``, ``hi`` (Wilson
        interval).  Every period from the first to the last cable appears for
        every group and term; periods without cables have zero exposure and
        NaN rate.  An empty corpus gives an empty frame with these columns.

    Raises
    ------
    cablestats.trends.UnknownTermError
        (a ``KeyError``) naming a term that is not in the vocabulary, with the
        closest terms that are.
    """
    names, cells = term_cells(corpus, terms, freq, by)
    return cells.tidy(names, "term", alpha)[list(SERIES_COLUMNS)]
