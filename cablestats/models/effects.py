"""How time and TAGS shift topic proportions, in the spirit of STM's ``estimateEffect``.

For each topic, its share in each cable is regressed on a B-spline of the
cable's date (patsy's ``bs``) and one indicator per TAG of interest:

- ``method="ols"`` (the default, as ``estimateEffect``): a linear model of the
  share, so a TAG's coefficient is the change in the topic's share (0–1) when
  a cable carries the TAG, other terms held fixed;
- ``method="logit"``: a fractional logit (a binomial GLM on shares, Papke and
  Wooldridge, 1996), which keeps fitted shares between 0 and 1; coefficients
  are log odds ratios.

Standard errors are heteroskedasticity-robust (HC1), as shares are bounded
and their spread varies with their mean.  Unlike ``estimateEffect``'s method
of composition, the uncertainty of the topic shares themselves is not
propagated, so intervals are conditional on the fitted shares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
import patsy
import statsmodels.api as sm

from cablestats.models._params import check_choice

__all__ = ["METHODS", "design_matrix", "estimate_effects", "frequent_tags"]

#: Regression methods: linear (as ``estimateEffect``) or fractional logit.
METHODS = ("ols", "logit")


def _tag_set(tags: object) -> set[str]:
    """The TAGS of one cable as a set; a missing value (None, NaN) has none."""
    return set(tags) if isinstance(tags, list | tuple | np.ndarray) else set()


def frequent_tags(tag_lists: pd.Series, n: int) -> list[str]:
    """The ``n`` TAGS carried by most cables, leaving out TAGS every cable carries."""
    counts = Counter(tag for tags in tag_lists for tag in _tag_set(tags))
    varying = [tag for tag, count in counts.most_common() if count < len(tag_lists)]
    return varying[:n]


def design_matrix(
    created: pd.Series, tag_lists: pd.Series, tags: Sequence[str], *, df: int
) -> pd.DataFrame:
    """Regressors: an intercept, a B-spline of time and TAG indicators.

    Parameters
    ----------
    created
        Date of each cable (UTC), no missing values.
    tag_lists
        TAGS of each cable, same index as ``created``.
    tags
        TAGS to make indicators for.
    df
        Degrees of freedom of the time spline (cubic, so ``df >= 3``).

    Returns
    -------
    pandas.DataFrame
        Same index as ``created``; columns ``Intercept``, ``time[1]`` …
        ``time[df]`` (spline basis over years since the first cable) and
        ``tag[TAG]`` (1.0 when the cable carries the TAG).

    Raises
    ------
    ValueError
        If a TAG is carried by no cable or by every cable, or the indicators
        are collinear: their effects cannot be told apart.
    """
    created = pd.to_datetime(created, utc=True)
    years = ((created - created.min()).dt.total_seconds() / (365.25 * 86400)).to_numpy()
    spline = patsy.dmatrix(f"bs(years, df={df})", {"years": years}, return_type="dataframe")
    spline.columns = ["Intercept"] + [f"time[{i}]" for i in range(1, df + 1)]
    spline.index = created.index
    carried = tag_lists.map(_tag_set)
    for tag in tags:
        indicator = carried.map(lambda cable_tags, tag=tag: tag in cable_tags).astype(float)
        if indicator.nunique() < 2:
            raise ValueError(
                f"tags: {tag!r} is carried by {'every' if indicator.iloc[0] else 'no'} cable, "
                "so its effect cannot be estimated; choose TAGS that some cables carry and "
                "some do not"
            )
        spline[f"tag[{tag}]"] = indicator
    if np.linalg.matrix_rank(spline.to_numpy()) < spline.shape[1]:
        raise ValueError(
            f"tags: the indicators of {list(tags)} are collinear with the intercept and time "
            "(for instance every cable carries exactly one of them); leave one of them out"
        )
    return spline


def estimate_effects(
    shares: pd.DataFrame, design: pd.DataFrame, *, method: str = "ols", ci: float = 0.95
) -> pd.DataFrame:
    """Regress each topic's shares on ``design`` and collect the coefficients.

    Parameters
    ----------
    shares
        Topic shares, index reference_id, one column per topic.
    design
        Regressors with the same index (from :func:`design_matrix`).
    method
        One of :data:`METHODS`.
    ci
        Coverage of the confidence intervals, between 0 and 1.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``term``, ``estimate``, ``lo``, ``hi``, ``p``: one
        row per topic and regressor, ``p`` the two-sided p-value of a zero
        effect.
    """
    check_choice("method", method, METHODS)
    rows = []
    for topic in shares.columns:
        y = shares[topic].to_numpy()
        if method == "ols":
            model = sm.OLS(y, design)
        else:
            model = sm.GLM(y, design, family=sm.families.Binomial())
        fit = model.fit(cov_type="HC1")
        interval = np.asarray(fit.conf_int(alpha=1 - ci))
        rows.append(
            pd.DataFrame(
                {
                    "topic": topic,
                    "term": design.columns,
                    "estimate": np.asarray(fit.params),
                    "lo": interval[:, 0],
                    "hi": interval[:, 1],
                    "p": np.asarray(fit.pvalues),
                }
            )
        )
    frame = pd.concat(rows, ignore_index=True)
    frame["topic"] = pd.Categorical(frame["topic"], categories=list(shares.columns))
    return frame
