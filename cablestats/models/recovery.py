"""How well a fitted model recovers what was planted in a synthetic archive.

Two scores per planted theme, against :class:`cablestats.synth.Truth`:

- ``cosine``: planted themes are matched to fitted topics by the Hungarian
  method on the cosine of their word distributions
  (:func:`cablestats.synth.score_topics`);
- ``correlation``: the share the model estimates for the matched topic in each
  period (:meth:`TopicModel.prevalence`) against the planted curve.  The
  planted share of a period is the truth's prevalence of each group of posts
  in each month, weighted by the period's cables in that group and month:
  what the period's cables were drawn from.

A period's cables are a sample, so even a perfect model's shares scatter
around the planted curve; the scatter shrinks with the cables of a period and
grows with a theme's share.  Correlations are therefore judged only where
there are enough cables:

- only periods with at least ``min_cables`` cables are compared;
- a theme is ``scored`` when its planted share, averaged over those periods,
  is at least ``min_share``: rarer themes get too few words per period for
  their share to be told from noise.

``signal`` shows how far each planted curve stands out of that noise: the
variance of the planted curve over the periods compared, divided by the
sampling variance of a period's mean share (from the planted mixtures of its
cables).  An exact estimate correlates with the planted curve at about
``sqrt(signal / (signal + 1))``: 0.89 at a signal of 4, 0.95 at 10.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cablestats.models._params import check_choice, check_int, check_positive_number
from cablestats.models.prevalence import FREQS
from cablestats.models.topic_model import TopicModel
from cablestats.synth import Truth, score_topics

__all__ = ["planted_curves", "score_recovery"]


def _periods(created: pd.Series, freq: str) -> np.ndarray:
    """Each cable's period as a string (``2007-03``, ``2007Q1``, ``2007``)."""
    return created.dt.tz_localize(None).dt.to_period(freq).astype(str).to_numpy()


def planted_curves(truth: Truth, created: pd.Series, freq: str = "M") -> pd.DataFrame:
    """Planted theme shares of the cables in ``created``, per period.

    Parameters
    ----------
    truth
        The archive's truth.
    created
        Date of each cable (timezone-aware), index reference_id (cables of the
        archive).
    freq
        ``"M"`` (month), ``"Q"`` (quarter) or ``"Y"`` (year).

    Returns
    -------
    pandas.DataFrame
        Index ``period`` (strings: ``2007-03``, ``2007Q1`` or ``2007``), one
        column per theme, plus ``n_cables`` (cables of the period).
    """
    check_choice("freq", freq, FREQS)
    month = _periods(created, "M")
    group = truth.cables["group"].reindex(created.index).to_numpy()
    counts = pd.crosstab([_periods(created, freq), month], group)
    planted = truth.prevalence.pivot_table(
        index="period", columns=["theme", "group"], values="share"
    )
    period = counts.index.get_level_values(0)
    months = counts.index.get_level_values(1)
    curves = {}
    for theme in truth.theme_names:
        shares = planted[theme].reindex(index=months, columns=counts.columns).to_numpy()
        weighted = pd.DataFrame(shares * counts.to_numpy(), index=period).sum(axis=1)
        curves[theme] = weighted.groupby(level=0).sum()
    frame = pd.DataFrame(curves)
    frame["n_cables"] = counts.sum(axis=1).groupby(level=0).sum()
    frame[truth.theme_names] = frame[truth.theme_names].div(frame["n_cables"], axis=0)
    frame.index.name = "period"
    return frame


def score_recovery(
    model: TopicModel,
    truth: Truth,
    *,
    freq: str = "M",
    min_cables: int = 30,
    min_share: float = 0.03,
) -> pd.DataFrame:
    """Matched cosine and per-period share correlation of each planted theme.

    Parameters
    ----------
    model
        A model fitted on (part of) the synthetic archive.
    truth
        The archive's truth.
    freq
        Periods of the shares compared: ``"M"``, ``"Q"`` or ``"Y"``.
    min_cables
        Periods with fewer cables are left out of the correlation.
    min_share
        A theme is scored on its correlation when its planted share averages
        at least this over the periods compared.

    Returns
    -------
    pandas.DataFrame
        One row per theme: ``theme``, ``topic`` (matched label), ``cosine``,
        ``share`` (mean planted share over the periods compared),
        ``correlation`` (estimated vs planted share over those periods),
        ``signal`` (variance of the planted curve over sampling variance),
        ``scored`` (``share >= min_share``).  ``.attrs["mean_cosine"]`` is the
        mean cosine, ``.attrs["n_periods"]`` the number of periods compared
        and ``.attrs["freq"]`` their frequency.
    """
    check_choice("freq", freq, FREQS)
    min_cables = check_int("min_cables", min_cables, minimum=2)
    min_share = check_positive_number("min_share", min_share)
    words = pd.DataFrame(model.topic_word_, index=model.labels, columns=model.vocab_)
    matched = score_topics(truth, words)
    created = model.cables_["created"]
    curves = planted_curves(truth, created, freq)
    periods = curves.index[curves["n_cables"] >= min_cables]
    mixtures = truth.mixtures.reindex(created.index)
    by_period = mixtures.groupby(_periods(created, freq))
    sampling = (by_period.var() / by_period.count()).reindex(periods).mean()
    estimated = model.prevalence(freq=freq, n_boot=1)
    estimated = estimated.assign(period=estimated["period"].astype(str)).pivot(
        index="period", columns="topic", values="share"
    )
    shares, correlations, signals = [], [], []
    for theme, topic in zip(matched["theme"], matched["topic"], strict=True):
        planted = curves.loc[periods, theme]
        shares.append(float(planted.mean()))
        signals.append(float(planted.var() / sampling[theme]))
        fitted = estimated[topic].reindex(periods)
        correlations.append(float(np.corrcoef(fitted, planted)[0, 1]))
    result = matched.assign(share=shares, correlation=correlations, signal=signals)
    result["scored"] = result["share"] >= min_share
    result.attrs["mean_cosine"] = matched.attrs["mean_cosine"]
    result.attrs["n_periods"] = len(periods)
    result.attrs["freq"] = freq
    return result
