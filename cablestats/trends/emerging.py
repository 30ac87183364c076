"""Emerging terms: those whose share of cables rose most from a baseline window to a recent one.

Each term's share of cables in the two windows is compared with a
two-proportion z-test (pooled variance), computed for all terms at once;
where a table is too thin for the normal approximation (an expected count
below five) Fisher's exact test is used instead, term by term.  Benjamini–
Hochberg q-values are taken over all terms compared.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from cablestats.corpus import Corpus
from cablestats.corpus.select import DateLike
from cablestats.trends._terms import presence, term_columns

__all__ = ["EMERGING_COLUMNS", "emerging_terms"]

#: Columns of :func:`emerging_terms`, in order.
EMERGING_COLUMNS: tuple[str, ...] = (
    "term",
    "recent_cables",
    "recent_rate",
    "baseline_cables",
    "baseline_rate",
    "rate_ratio",
    "test",
    "p",
    "q",
)


def _window_counts(corpus: Corpus, window: tuple[DateLike, DateLike], columns: np.ndarray):
    part = corpus.filter(start=window[0], end=window[1])
    return np.asarray(presence(part.dtm, columns).sum(axis=0)).ravel(), len(part)


def _two_proportion_p(a, n1, b, n2):
    pooled = (a + b) / (n1 + n2)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (a / n1 - b / n2) / se, 0.0)
    return 2 * stats.norm.sf(np.abs(z))


def emerging_terms(
    corpus: Corpus,
    recent: tuple[DateLike, DateLike],
    baseline: tuple[DateLike, DateLike],
    *,
    terms: str | Iterable[str] | None = None,
    min_cables: int = 5,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Terms that gained most in share of cables between ``baseline`` and ``recent``.

    Parameters
    ----------
    corpus
        The cables.
    recent, baseline
        ``(start, end)`` windows: cables created at or after ``start`` and
        before ``end`` (dates, timestamps or strings such as ``"2009-01-01"``).
    terms
        Terms to compare; ``None`` for every term that at least
        ``min_cables`` cables of the two windows mention.
    min_cables
        Floor on the cables of both windows that mention a term (``terms=None``).
    alpha
        Level for ``significant``: q-value below it and rate ratio above one.

    Returns
    -------
    pandas.DataFrame
        One row per term (range index), columns ``term``,
        ``recent_cables``/``baseline_cables`` (cables mentioning it),
        ``recent_rate``/``baseline_rate`` (their share of the window's
        cables), ``rate_ratio`` (recent over baseline rate, with half a cable
        added to both counts so that new terms get a finite ratio), ``test``
        (``"z"`` or ``"fisher"``), ``p`` (two-sided), ``q``
        (Benjamini–Hochberg) and ``significant``; sorted with significant
        risers first, then by rate ratio.  When either window has no cables
        the frame is empty.
    """
    columns = [*EMERGING_COLUMNS, "significant"]
    vocab_terms = corpus.vocab if terms is None else terms
    names, cols = term_columns(corpus.vocab, vocab_terms)
    a, n1 = _window_counts(corpus, recent, cols)
    b, n2 = _window_counts(corpus, baseline, cols)
    keep = (a + b >= min_cables) if terms is None else np.ones(len(names), bool)
    if n1 == 0 or n2 == 0 or not keep.any():
        return pd.DataFrame(columns=columns)
    names = np.asarray(names, dtype=object)[keep]
    a, b = a[keep].astype(float), b[keep].astype(float)
    p = _two_proportion_p(a, n1, b, n2)
    mentions = a + b
    # smallest expected cell of the 2 x 2 table: smaller window x rarer column
    expected = min(n1, n2) * np.minimum(mentions, n1 + n2 - mentions) / (n1 + n2)
    thin = expected < 5
    for i in np.flatnonzero(thin):
        p[i] = stats.fisher_exact([[a[i], n1 - a[i]], [b[i], n2 - b[i]]])[1]
    result = pd.DataFrame(
        {
            "term": names,
            "recent_cables": a.astype(np.int64),
            "recent_rate": a / n1,
            "baseline_cables": b.astype(np.int64),
            "baseline_rate": b / n2,
            "rate_ratio": ((a + 0.5) / (n1 + 0.5)) / ((b + 0.5) / (n2 + 0.5)),
            "test": np.where(thin, "fisher", "z"),
            "p": p,
            "q": multipletests(p, method="fdr_bh")[1],
        }
    )
    result["significant"] = (result["q"] < alpha) & (result["rate_ratio"] > 1)
    result = result.sort_values(
        ["significant", "rate_ratio", "term"], ascending=[False, False, True]
    )
    return result[columns].reset_index(drop=True)
