"""Effects of time and TAGS on topic shares: planted effects are recovered."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cablestats.models.effects import design_matrix, estimate_effects, frequent_tags


def planted(n: int = 3000, seed: int = 0):
    """Shares of topic "a" raised by 0.1 in PTER cables and rising over time; ECON has no effect."""
    rng = np.random.default_rng(seed)
    created = pd.Series(
        pd.Timestamp("2005-01-01", tz="UTC")
        + pd.to_timedelta(rng.integers(0, 5 * 365, n), unit="D")
    )
    pter = rng.random(n) < 0.3
    econ = rng.random(n) < 0.4
    tags = pd.Series(
        [["PTER"] * int(p) + ["ECON"] * int(e) + ["PREL"] for p, e in zip(pter, econ, strict=True)]
    )
    years = (created - created.min()).dt.days.to_numpy() / 365.25
    a = np.clip(0.2 + 0.1 * pter + 0.03 * years + rng.normal(0, 0.05, n), 0.01, 0.98)
    shares = pd.DataFrame({"a": a, "b": 1 - a}, index=pd.Index(range(n), name="reference_id"))
    return shares, created, tags


def test_design_has_intercept_spline_and_tag_columns():
    _, created, tags = planted(200)
    design = design_matrix(created, tags, ["PTER", "ECON"], df=4)
    assert list(design.columns) == [
        "Intercept",
        "time[1]",
        "time[2]",
        "time[3]",
        "time[4]",
        "tag[PTER]",
        "tag[ECON]",
    ]
    assert design.index.equals(created.index)
    assert design["tag[PTER]"].tolist() == [float("PTER" in t) for t in tags]


def test_ols_recovers_a_planted_tag_effect():
    shares, created, tags = planted()
    effects = estimate_effects(shares, design_matrix(created, tags, ["PTER", "ECON"], df=4))
    assert list(effects.columns) == ["topic", "term", "estimate", "lo", "hi", "p"]
    pter = effects[(effects["topic"] == "a") & (effects["term"] == "tag[PTER]")].iloc[0]
    assert pter["lo"] <= 0.1 <= pter["hi"]
    assert pter["p"] < 1e-6
    econ = effects[(effects["topic"] == "a") & (effects["term"] == "tag[ECON]")].iloc[0]
    assert econ["lo"] <= 0 <= econ["hi"]
    mirrored = effects[(effects["topic"] == "b") & (effects["term"] == "tag[PTER]")].iloc[0]
    assert mirrored["estimate"] == pytest.approx(-pter["estimate"])


def test_time_spline_follows_the_trend():
    shares, created, tags = planted()
    design = design_matrix(created, tags, [], df=4)
    effects = estimate_effects(shares, design)
    coefficients = effects[effects["topic"] == "a"].set_index("term")["estimate"]
    fitted = design.to_numpy() @ coefficients[design.columns].to_numpy()
    later = created > created.quantile(0.9)
    earlier = created < created.quantile(0.1)
    assert fitted[later.to_numpy()].mean() - fitted[earlier.to_numpy()].mean() > 0.1


def test_logit_effects_have_the_same_signs_and_wider_scale():
    shares, created, tags = planted()
    design = design_matrix(created, tags, ["PTER", "ECON"], df=4)
    effects = estimate_effects(shares, design, method="logit", ci=0.9)
    pter = effects[(effects["topic"] == "a") & (effects["term"] == "tag[PTER]")].iloc[0]
    assert pter["lo"] > 0
    assert pter["estimate"] > 0.3  # log odds ratio of 0.2 → 0.3 shares is about 0.5


def test_tags_every_or_no_cable_carries_are_refused():
    _, created, tags = planted(100)
    with pytest.raises(ValueError, match="'PREL' is carried by every cable"):
        design_matrix(created, tags, ["PREL"], df=3)
    with pytest.raises(ValueError, match="'MASS' is carried by no cable"):
        design_matrix(created, tags, ["MASS"], df=3)


def test_collinear_tags_are_refused():
    created = pd.Series(pd.date_range("2005-01-01", periods=40, freq="W", tz="UTC"))
    tags = pd.Series([["PTER"] if i % 2 else ["ECON"] for i in range(40)])
    with pytest.raises(ValueError, match="collinear"):
        design_matrix(created, tags, ["PTER", "ECON"], df=3)


def test_frequent_tags_skip_universal_ones():
    tags = pd.Series([["PREL", "PTER"], ["PREL", "PTER", "ECON"], ["PREL"]])
    assert frequent_tags(tags, 5) == ["PTER", "ECON"]
    assert frequent_tags(tags, 1) == ["PTER"]


def test_cables_without_tags_carry_none():
    tags = pd.Series([["PTER"], None, np.nan, ["ECON", "PTER"]] * 2)
    assert frequent_tags(tags, 5) == ["PTER", "ECON"]
    created = pd.Series(pd.date_range("2005-01-01", periods=8, freq="QS", tz="UTC"))
    design = design_matrix(created, tags, ["PTER"], df=3)
    assert design["tag[PTER]"].tolist() == [1.0, 0.0, 0.0, 1.0] * 2


def test_unknown_method_is_named():
    shares, created, tags = planted(100)
    with pytest.raises(ValueError, match="method must be one of 'ols', 'logit', received 'gls'"):
        estimate_effects(shares, design_matrix(created, tags, [], df=3), method="gls")
