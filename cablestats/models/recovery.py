"""How well a fitted model recovers what was planted in a synthetic archive.

Two scores per planted theme, against :class:`cablestats.synth.Truth`:

- ``cosine``: planted themes are matched to fitted topics by the Hungarian
  method on the cosine of their word distributions
  (:func:`cablestats.synth.score_topics`);
- ``correlation``: the monthly share the model estimates for the matched topic
  (:meth:`TopicModel.prevalence`) against the planted curve.  The planted
  curve of a month is the truth's prevalence of each group of posts weighted
  by the month's cables in that group: what the month's cables were drawn from.

A month's cables are a sample, so even a perfect model's monthly shares
scatter around the planted curve.  Only months with ``min_cables`` cables are
compared, and a theme is ``scored`` on its correlation only when its planted
curve varies over them at least ``min_signal`` times as much as the sampling
variance of a monthly mean (estimated from the planted mixtures of the
cables).  With the default of 4, an exact estimate would reach a correlation
of about 0.9; a flatter curve has no shape a model could be judged on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cablestats.models.topic_model import TopicModel
from cablestats.synth import Truth, score_topics

__all__ = ["planted_curves", "score_recovery"]


def planted_curves(truth: Truth, created: pd.Series) -> pd.DataFrame:
    """Planted monthly theme shares of the cables in ``created``.

    Parameters
    ----------
    truth
        The archive's truth.
    created
        Date of each cable, index reference_id (cables of the archive).

    Returns
    -------
    pandas.DataFrame
        Index ``period`` (``YYYY-MM`` strings), one column per theme, plus
        ``n_cables`` (cables of the month).
    """
    month = created.dt.strftime("%Y-%m").to_numpy()
    group = truth.cables["group"].reindex(created.index).to_numpy()
    counts = pd.crosstab(month, group)
    planted = truth.prevalence.pivot_table(
        index="period", columns=["theme", "group"], values="share"
    )
    curves = {}
    for theme in truth.theme_names:
        shares = planted[theme].reindex(index=counts.index, columns=counts.columns)
        curves[theme] = (shares * counts).sum(axis=1) / counts.sum(axis=1)
    frame = pd.DataFrame(curves)
    frame["n_cables"] = counts.sum(axis=1)
    frame.index.name = "period"
    return frame


def score_recovery(
    model: TopicModel, truth: Truth, *, min_cables: int = 30, min_signal: float = 4.0
) -> pd.DataFrame:
    """Matched cosine and monthly-share correlation of each planted theme.

    Parameters
    ----------
    model
        A model fitted on (part of) the synthetic archive.
    truth
        The archive's truth.
    min_cables
        Months with fewer cables are left out of the correlation.
    min_signal
        Score a theme's correlation only when the variance of its planted
        curve is at least this multiple of the sampling variance of a monthly
        mean.

    Returns
    -------
    pandas.DataFrame
        One row per theme: ``theme``, ``topic`` (matched label), ``cosine``,
        ``correlation`` (estimated vs planted monthly share over the months
        compared), ``signal`` (variance of the planted curve over sampling
        variance), ``scored`` (``signal >= min_signal``).
        ``.attrs["mean_cosine"]`` is the mean cosine, ``.attrs["n_months"]``
        the number of months compared.
    """
    words = pd.DataFrame(model.topic_word_, index=model.labels, columns=model.vocab_)
    matched = score_topics(truth, words)
    created = model.cables_["created"]
    curves = planted_curves(truth, created)
    months = curves.index[curves["n_cables"] >= min_cables]
    mixtures = truth.mixtures.reindex(created.index)
    by_month = mixtures.groupby(created.dt.strftime("%Y-%m").to_numpy())
    sampling = (by_month.var() / by_month.count()).reindex(months).mean()
    estimated = model.prevalence(freq="M", n_boot=1)
    estimated = estimated.assign(period=estimated["period"].astype(str)).pivot(
        index="period", columns="topic", values="share"
    )
    correlations, signals = [], []
    for theme, topic in zip(matched["theme"], matched["topic"], strict=True):
        planted = curves.loc[months, theme]
        signals.append(float(planted.var() / sampling[theme]))
        fitted = estimated[topic].reindex(months)
        correlations.append(float(np.corrcoef(fitted, planted)[0, 1]))
    result = matched.assign(correlation=correlations, signal=signals)
    result["scored"] = result["signal"] >= min_signal
    result.attrs["mean_cosine"] = matched.attrs["mean_cosine"]
    result.attrs["n_months"] = len(months)
    return result
