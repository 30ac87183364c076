"""Is a term rising or falling?  Trend tests on term series, with false discovery control.

Two tests, one per ``method``:

``"glm"``
    A log-linear model of the cables mentioning the term in each period,
    ``log E[y_t] = log(exposure_t) + b0 + b1 * years_t``.  It is fitted as a
    Poisson GLM; when the Pearson statistic shows overdispersion (its
    chi-square upper tail probability below ``overdispersion_alpha``, i.e.
    more variation between periods than Poisson allows) it is refitted as a
    negative binomial (NB2) GLM whose dispersion comes from the
    Cameron–Trivedi moment estimate ``sum((y - mu)**2 - y) / sum(mu**2)``.
    ``exp(b1)`` is the rate ratio per year, with a Wald interval and p-value.
``"mann-kendall"``
    The Mann–Kendall test on the rate series (periods with at least
    ``min_exposure`` cables), with the tie-corrected variance, and Sen's
    slope (rate per year).  It assumes no shape for the trend, only
    monotonicity.

Both are fitted for all series at once on stacked arrays (series × periods)
rather than one statsmodels model per term: IRLS for a two-parameter model
has a closed-form weighted least-squares step, so thousands of terms fit in
the time of a few statsmodels fits, with the same estimates (the tests check
them against ``statsmodels.GLM``).  Mann–Kendall is written with numpy for
the same reason; ``pymannkendall`` tests one series at a time.

Benjamini–Hochberg q-values are taken over every series tested together;
a series is ``rising`` or ``falling`` when its q-value is below ``alpha``,
else ``flat``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from cablestats.corpus import Corpus
from cablestats.trends.series import term_cells

__all__ = ["METHODS", "TREND_COLUMNS", "keyword_trends", "mann_kendall", "rate_glm"]

#: Accepted values of ``method``.
METHODS: tuple[str, ...] = ("glm", "mann-kendall")

#: Columns of :func:`keyword_trends` for each method, in order.
TREND_COLUMNS: dict[str, tuple[str, ...]] = {
    "glm": (
        "term", "group", "method", "family", "cables", "n_periods", "slope", "se",
        "rate_ratio", "lo", "hi", "dispersion", "p", "q", "direction",
    ),
    "mann-kendall": (
        "term", "group", "method", "cables", "n_periods", "slope", "tau", "p", "q", "direction",
    ),
}  # fmt: skip

_MAX_ITER = 50
_TOL = 1e-8


def _years(periods: pd.PeriodIndex) -> np.ndarray:
    """Middle of each period in years since the first period's start."""
    start = periods.start_time
    middle = start + (periods.end_time - start) / 2
    return np.asarray((middle - start[0]).days / 365.25 if len(periods) else [], dtype=float)


def _irls(y, offset, t, valid, alpha_nb):
    """Fit ``log mu = offset + b0 + b1 t`` for every row; NB2 weights where ``alpha_nb > 0``."""
    w_valid = valid.astype(float)
    exposure = np.where(valid, np.exp(offset), 0.0)
    total = (y * w_valid).sum(axis=1)
    b0 = np.log(np.maximum(total, 0.5) / np.maximum(exposure.sum(axis=1), 1.0))
    b1 = np.zeros(len(y))
    a = alpha_nb[:, None]
    for _ in range(_MAX_ITER):
        eta = b0[:, None] + b1[:, None] * t[None, :] + offset
        mu = np.exp(eta)
        w = w_valid * mu / (1.0 + a * mu)
        z = (eta - offset) + (y - mu) / mu
        s0, s1, s2 = w.sum(1), (w * t).sum(1), (w * t * t).sum(1)
        z0, z1 = (w * z).sum(1), (w * t * z).sum(1)
        det = s0 * s2 - s1 * s1
        with np.errstate(divide="ignore", invalid="ignore"):
            new_b1 = (s0 * z1 - s1 * z0) / det
            new_b0 = (z0 - new_b1 * s1) / s0
        done = np.nanmax(np.abs(new_b1 - b1), initial=0.0) < _TOL
        b0, b1 = new_b0, new_b1
        if done:
            break
    mu = np.exp(b0[:, None] + b1[:, None] * t[None, :] + offset)
    w = w_valid * mu / (1.0 + a * mu)
    s0, s1, s2 = w.sum(1), (w * t).sum(1), (w * t * t).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.sqrt(s0 / (s0 * s2 - s1 * s1))
    return b0, b1, se, mu


def rate_glm(
    counts: np.ndarray,
    exposure: np.ndarray,
    years: np.ndarray,
    *,
    overdispersion_alpha: float = 0.05,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Log-linear rate trend of every row of ``counts`` (series × periods); see the module notes.

    Periods with zero exposure are left out of each fit.

    Returns
    -------
    pandas.DataFrame
        One row per series (range index); columns ``family`` (``poisson`` or
        ``negbin``), ``slope`` (log rate ratio per year), ``se``,
        ``rate_ratio``, ``lo``, ``hi`` (interval of the rate ratio),
        ``dispersion`` (Pearson chi-square over residual degrees of freedom of
        the Poisson fit) and ``p`` (Wald test of no trend).
    """
    y = np.asarray(counts, dtype=float)
    exposure = np.asarray(exposure, dtype=float)
    valid = exposure > 0
    offset = np.log(np.where(valid, exposure, 1.0))
    t = np.asarray(years, dtype=float)
    t = t - t.mean() if len(t) else t
    df_resid = valid.sum(axis=1) - 2
    _, b1, se, mu = _irls(y, offset, t, valid, np.zeros(len(y)))
    with np.errstate(divide="ignore", invalid="ignore"):
        pearson = np.where(valid, (y - mu) ** 2 / mu, 0.0).sum(axis=1)
        dispersion = pearson / df_resid
        over = stats.chi2.sf(pearson, np.maximum(df_resid, 1)) < overdispersion_alpha
        alpha_nb = np.where(valid, (y - mu) ** 2 - y, 0.0).sum(1) / np.where(valid, mu**2, 0).sum(1)
    alpha_nb = np.where(over, np.maximum(np.nan_to_num(alpha_nb), 1e-8), 0.0)
    if over.any():
        # Two rounds: refit with the moment estimate, re-estimate it on the NB means, refit.
        for _ in range(2):
            _, nb1, nse, nmu = _irls(y[over], offset[over], t, valid[over], alpha_nb[over])
            with np.errstate(divide="ignore", invalid="ignore"):
                moment = np.where(valid[over], (y[over] - nmu) ** 2 - y[over], 0.0).sum(1) / (
                    np.where(valid[over], nmu**2, 0.0).sum(1)
                )
            alpha_nb[over] = np.maximum(np.nan_to_num(moment), 1e-8)
        b1[over], se[over] = nb1, nse
    z = stats.norm.ppf(0.5 + ci / 2)
    fitted = (df_resid >= 1) & np.isfinite(se) & (y.sum(axis=1) > 0)
    nan = np.full(len(y), np.nan)
    b1, se = np.where(fitted, b1, nan), np.where(fitted, se, nan)
    return pd.DataFrame(
        {
            "family": np.where(over, "negbin", "poisson"),
            "slope": b1,
            "se": se,
            "rate_ratio": np.exp(b1),
            "lo": np.exp(b1 - z * se),
            "hi": np.exp(b1 + z * se),
            "dispersion": np.where(fitted, dispersion, nan),
            "p": 2 * stats.norm.sf(np.abs(b1 / se)),
        }
    )


def mann_kendall(rates: np.ndarray, years: np.ndarray, *, chunk: int = 256) -> pd.DataFrame:
    """Mann–Kendall test and Sen's slope of every row of ``rates`` (series × periods).

    NaN entries (periods without cables) are left out; every row must have
    the same NaN pattern (series of one group share their periods).

    Returns
    -------
    pandas.DataFrame
        One row per series (range index); columns ``slope`` (Sen's slope,
        rate per year), ``tau`` (Kendall's tau-a, ``S`` over the number of
        pairs) and ``p`` (two-sided, normal approximation with continuity and
        tie corrections).
    """
    rates = np.asarray(rates, dtype=float)
    keep = ~np.isnan(rates).all(axis=0) if len(rates) else np.zeros(rates.shape[1], bool)
    x, t = rates[:, keep], np.asarray(years, dtype=float)[keep]
    n = x.shape[1]
    i, j = np.triu_indices(n, k=1)
    s = np.empty(len(x))
    sen = np.empty(len(x))
    for first in range(0, len(x), chunk):
        diff = x[first : first + chunk, j] - x[first : first + chunk, i]
        s[first : first + chunk] = np.sign(diff).sum(axis=1)
        sen[first : first + chunk] = np.median(diff / (t[j] - t[i]), axis=1) if n > 1 else np.nan
    ties = np.array(
        [((c := np.unique(row, return_counts=True)[1]) * (c - 1) * (2 * c + 5)).sum() for row in x]
    )
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(var > 0, (s - np.sign(s)) / np.sqrt(var), 0.0)
        tau = s / (n * (n - 1) / 2)
    enough = n >= 3
    return pd.DataFrame(
        {
            "slope": np.where(enough, sen, np.nan),
            "tau": np.where(enough, tau, np.nan),
            "p": np.where(enough & (var > 0), 2 * stats.norm.sf(np.abs(z)), np.nan),
        }
    )


def keyword_trends(
    corpus: Corpus,
    terms: str | Iterable[str] | None = None,
    freq: str = "M",
    by: str | None = None,
    *,
    method: str = "glm",
    min_cables: int = 20,
    alpha: float = 0.05,
    overdispersion_alpha: float = 0.05,
    min_exposure: int = 10,
) -> pd.DataFrame:
    """A trend per term (and group), with q-values over all terms tested.

    Parameters
    ----------
    corpus
        The cables.
    terms
        Terms to test; ``None`` for every vocabulary term mentioned by at
        least ``min_cables`` cables.
    freq, by
        Periods and groups, as in :func:`~cablestats.trends.term_series`.
    method
        ``"glm"`` (Poisson, or negative binomial when overdispersed) or
        ``"mann-kendall"``; see the module notes.
    min_cables
        Series (term × group) with fewer cables mentioning the term are
        reported with NaN statistics, direction ``flat``, and kept out of the
        q-values, so that hopeless tests do not dilute the others.
    alpha
        q-value below which a trend is called ``rising`` or ``falling``.
    overdispersion_alpha
        Level of the Pearson overdispersion test that switches the GLM to the
        negative binomial.
    min_exposure
        Mann–Kendall only: periods with fewer cables are left out of the rate
        series.  The test compares rates pairwise, and a period of two cables
        can only have rates 0, 0.5 or 1: sparse early months then look lower
        than busy later ones and make flat terms look rising.  The GLM needs
        no such floor, as its likelihood weighs each period by its exposure.

    Returns
    -------
    pandas.DataFrame
        One row per term × group (range index), columns
        :data:`TREND_COLUMNS` of the method.  Common columns: ``term``,
        ``group`` (``"all"`` when ``by`` is None), ``method``, ``cables``
        (mentioning the term in all periods), ``n_periods`` (periods the
        test used: with cables, or with ``min_exposure`` for Mann–Kendall),
        ``slope`` (log rate ratio per year for the GLM; Sen's slope of the
        rate per year for Mann–Kendall), ``p``, ``q`` (Benjamini–Hochberg)
        and ``direction``.  GLM only: ``family``, ``se``, ``rate_ratio``,
        ``lo``, ``hi``, ``dispersion``.  Mann–Kendall only: ``tau``.  Sorted
        by ``q``, then term.  An empty corpus gives an empty frame.

    Raises
    ------
    cablestats.trends.UnknownTermError
        (a ``KeyError``) for a requested term not in the vocabulary.
    """
    if method not in METHODS:
        raise ValueError(
            f"method must be one of {', '.join(map(repr, METHODS))}; received {method!r}"
        )
    columns = list(TREND_COLUMNS[method])
    if terms is None:
        counts = corpus.term_counts()
        terms = counts.index[counts["doc_freq"] >= min_cables].sort_values()
    names, cells = term_cells(corpus, terms, freq, by)
    result, y, exposure = cells.stacked(names)
    if result.empty or not len(cells.periods):
        return pd.DataFrame(columns=columns)
    result["cables"] = y.sum(axis=1)
    years = _years(cells.periods)
    enough = exposure >= (max(min_exposure, 1) if method == "mann-kendall" else 1)
    if method == "glm":
        fits = rate_glm(y, exposure, years, overdispersion_alpha=overdispersion_alpha)
    else:
        rates = np.where(enough, y / np.where(enough, exposure, 1), np.nan)
        fits = pd.concat(
            [
                mann_kendall(rates[block], years)
                for block in np.split(np.arange(len(y)), len(cells.groups))
            ],
            ignore_index=True,
        )
    result = pd.concat([result, fits], axis=1)
    result.insert(2, "method", method)
    result["n_periods"] = enough.sum(axis=1)
    tested = (result["cables"] >= min_cables) & result["p"].notna()
    result.loc[~tested, [c for c in fits.columns if c != "family"]] = np.nan
    result["q"] = np.nan
    if tested.any():
        result.loc[tested, "q"] = multipletests(result.loc[tested, "p"], method="fdr_bh")[1]
    significant = result["q"] < alpha
    result["direction"] = np.select(
        [significant & (result["slope"] > 0), significant & (result["slope"] < 0)],
        ["rising", "falling"],
        "flat",
    )
    result = result.sort_values(["q", "term", "group"], na_position="last", kind="stable")
    return result[columns].reset_index(drop=True)
