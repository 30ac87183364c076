"""Bursts of attention: Kleinberg's burst detection on the cables that mention a term.

This is the "enumerating bursts" variant for batched data (Kleinberg 2003,
section 4): in period ``t`` ``r_t`` of the ``d_t`` cables mention the term.
State ``i`` (``0`` is the base state) emits mentions with probability
``p_i = p_0 * s**i``, where ``p_0`` is the term's overall rate; fitting
period ``t`` in state ``i`` costs the binomial negative log-likelihood
``-(r_t log p_i + (d_t - r_t) log(1 - p_i))`` and moving up from state ``i``
to ``j`` costs ``(j - i) * gamma * log(n_periods)`` (moving down is free).
The cheapest state sequence (Viterbi) marks the bursts: runs of periods
above the base state.  Periods without cables cost nothing in any state.

With more than two states bursts nest, as in Kleinberg's hierarchy: each
maximal run of periods at state ``>= level`` is a burst of that level.  The
default of four states is there because of what two states do to rare
terms: the burst state is only ``s`` times the base rate, so holding it
through quiet months costs almost nothing, and a small bump a few months
before a strong burst merges with it into one long, mistimed burst.  Higher
levels cost more to reach and separate the strong burst from the bump.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from cablestats.corpus import Corpus
from cablestats.trends._terms import UnknownTermError, normalize_term
from cablestats.trends.series import term_cells

__all__ = ["BURST_COLUMNS", "bursts", "kleinberg_states"]

#: Columns of :func:`bursts`, in order.
BURST_COLUMNS: tuple[str, ...] = ("term", "group", "start", "end", "level", "strength", "cables")

#: Largest emission probability, so that ``log(1 - p)`` stays finite.
_P_MAX = 1 - 1e-9


def _costs(r: np.ndarray, d: np.ndarray, s: float, n_states: int) -> np.ndarray:
    """Cost of each series × period × state (``r``, ``d``: series × periods)."""
    totals = d.sum(axis=1, keepdims=True)
    p0 = np.divide(
        r.sum(axis=1, keepdims=True), totals, out=np.zeros_like(totals, float), where=totals > 0
    )
    p = np.minimum(p0[:, :, None] * s ** np.arange(n_states), _P_MAX)  # series × 1 × states
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = -(r[:, :, None] * np.log(p) + (d - r)[:, :, None] * np.log1p(-p))
    return np.nan_to_num(cost, nan=0.0, posinf=1e300)


def kleinberg_states(
    r: np.ndarray, d: np.ndarray, *, s: float = 2.0, gamma: float = 1.0, n_states: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """The cheapest state of every period for every series, and the cost of each state.

    Parameters
    ----------
    r, d
        Series × periods: cables mentioning the term, and all cables.
    s, gamma, n_states
        Rate multiplier per state, cost of moving up one state (in units of
        ``log(n_periods)``) and number of states (two: base and burst).

    Returns
    -------
    states : numpy.ndarray
        Series × periods, integer states.
    costs : numpy.ndarray
        Series × periods × states, the emission costs.
    """
    r = np.asarray(r, dtype=float)
    d = np.asarray(d, dtype=float)
    if s <= 1 or gamma <= 0 or n_states < 2:
        raise ValueError(
            f"need s > 1, gamma > 0 and n_states >= 2; received s={s}, gamma={gamma}, "
            f"n_states={n_states}"
        )
    costs = _costs(r, d, s, n_states)
    n_series, n_periods = r.shape
    levels = np.arange(n_states)
    up = gamma * np.log(max(n_periods, 2)) * np.maximum(levels[None, :] - levels[:, None], 0)
    total = costs[:, 0, :] + up[0][None, :]
    back = np.zeros((n_series, n_periods, n_states), dtype=np.int64)
    for t in range(1, n_periods):
        options = total[:, :, None] + up[None, :, :]  # series × from × to
        back[:, t, :] = options.argmin(axis=1)
        total = options.min(axis=1) + costs[:, t, :]
    states = np.zeros((n_series, n_periods), dtype=np.int64)
    if n_periods:
        states[:, -1] = total.argmin(axis=1)
        for t in range(n_periods - 1, 0, -1):
            states[:, t - 1] = np.take_along_axis(back[:, t, :], states[:, t : t + 1], 1)[:, 0]
    return states, costs


def _from_corpus(corpus: Corpus, terms, freq: str, by: str | None):
    """Series labels (``term``, ``group``), periods, mentions and exposure, counted on a corpus."""
    if terms is None:
        raise TypeError("bursts on a corpus needs terms: one term or a list of them")
    names, cells = term_cells(corpus, terms, freq, by)
    labels, r, d = cells.stacked(names)
    return labels, cells.periods, r, d


def _from_series(series: pd.DataFrame, terms):
    """The same arrays from a :func:`~cablestats.trends.term_series` frame."""
    missing = {"period", "group", "term", "cables", "exposure"} - set(series.columns)
    if missing:
        raise KeyError(
            f"a series frame needs the columns of term_series; missing {sorted(missing)}"
        )
    if terms is not None:
        wanted = [normalize_term(t) for t in ([terms] if isinstance(terms, str) else terms)]
        absent = [t for t in wanted if t not in set(series["term"])]
        if absent:
            raise UnknownTermError(absent[0], sorted(set(series["term"]))[:10])
        series = series[series["term"].isin(wanted)]
    wide = series.pivot_table(
        index=["term", "group"], columns="period", values=["cables", "exposure"], fill_value=0
    )
    periods = pd.PeriodIndex(wide["cables"].columns, name="period")
    labels = wide.index.to_frame(index=False)
    return labels, periods, wide["cables"].to_numpy(), wide["exposure"].to_numpy()


def bursts(
    source: Corpus | pd.DataFrame,
    terms: str | Iterable[str] | None = None,
    freq: str = "M",
    s: float = 2.0,
    gamma: float = 1.0,
    *,
    n_states: int = 4,
    by: str | None = None,
) -> pd.DataFrame:
    """Periods in which a term is mentioned far more often than usual.

    Parameters
    ----------
    source
        The cables (a :class:`~cablestats.corpus.Corpus`), or a frame
        returned by :func:`~cablestats.trends.term_series`, whose periods
        and groups are then used as they are.
    terms
        Terms, as in :func:`~cablestats.trends.term_series`; required for a
        corpus, for a series frame ``None`` takes all its terms.
    freq, by
        Periods and groups, as in :func:`~cablestats.trends.term_series`
        (ignored for a series frame).
    s, gamma, n_states
        Kleinberg's parameters (see the module notes): a burst state has
        ``s`` times the base rate; larger ``gamma`` asks for stronger evidence
        before a burst starts; ``n_states`` above two nests bursts in bursts.

    Returns
    -------
    pandas.DataFrame
        One row per burst (range index), columns ``term``, ``group``,
        ``start`` and ``end`` (``Period``, inclusive), ``level`` (bursts of
        level ``k`` are the runs at state ``k`` or above, nested in those of
        lower levels), ``strength`` (how much the burst states lower the cost
        against the base state, summed over the burst: Kleinberg's weight)
        and ``cables`` (mentioning the term during the burst); by term, group,
        level and start.  An empty corpus or a term that never bursts gives
        no rows.

    Raises
    ------
    cablestats.trends.UnknownTermError
        (a ``KeyError``) for a term not in the vocabulary (or the series frame).
    """
    if isinstance(source, pd.DataFrame):
        labels, periods, r, d = _from_series(source, terms)
    else:
        labels, periods, r, d = _from_corpus(source, terms, freq, by)
    rows: list[dict[str, object]] = []
    if len(periods) and len(labels):
        states, costs = kleinberg_states(r, d, s=s, gamma=gamma, n_states=n_states)
        gain = costs[:, :, 0] - np.take_along_axis(costs, states[:, :, None], 2)[:, :, 0]
        for label, path, mentions, evidence in zip(
            labels.itertuples(index=False), states, r, gain, strict=True
        ):
            for level in range(1, int(path.max()) + 1):
                edges = np.diff(np.concatenate([[0], (path >= level).astype(int), [0]]))
                starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
                rows.extend(
                    {
                        "term": label.term,
                        "group": label.group,
                        "start": periods[first],
                        "end": periods[stop - 1],
                        "level": level,
                        "strength": float(evidence[first:stop].sum()),
                        "cables": int(mentions[first:stop].sum()),
                    }
                    for first, stop in zip(starts, stops, strict=True)
                )
    found = pd.DataFrame(rows, columns=list(BURST_COLUMNS))
    return found.sort_values(["term", "group", "level", "start"]).reset_index(drop=True)
