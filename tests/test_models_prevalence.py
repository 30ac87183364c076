"""Bootstrap prevalence: cell means, intervals that cover, groups of cables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cablestats.models.prevalence import bootstrap_prevalence, cable_groups, cable_periods

TOPICS = ["a", "b", "c"]


def cells(n_periods: int, per_period: int, seed: int = 0):
    """Shares drawn around a known mean, ``per_period`` cables in each of ``n_periods`` months."""
    rng = np.random.default_rng(seed)
    mean = np.array([0.6, 0.3, 0.1])
    shares = rng.dirichlet(5 * mean, size=n_periods * per_period)
    months = pd.period_range("2000-01", periods=n_periods, freq="M")
    periods = pd.Series(np.repeat(months, per_period))
    groups = pd.Series("all", index=pd.RangeIndex(len(shares)), dtype=object)
    return shares, periods, groups, mean


def prevalence(shares, periods, groups, *, n_boot=200, random_state=0, ci=0.95):
    return bootstrap_prevalence(
        shares, periods, groups, TOPICS, ci=ci, n_boot=n_boot, random_state=random_state
    )


def test_share_is_the_cell_mean_and_counts_cables():
    shares, periods, groups, _ = cells(3, 40)
    frame = prevalence(shares, periods, groups)
    assert list(frame.columns) == ["period", "group", "topic", "share", "lo", "hi", "n_cables"]
    assert len(frame) == 3 * len(TOPICS)
    first = frame[frame["period"] == periods[0]]
    np.testing.assert_allclose(first["share"], shares[:40].mean(axis=0))
    assert (frame["n_cables"] == 40).all()
    assert list(frame["topic"].cat.categories) == TOPICS
    assert (frame["lo"] <= frame["share"]).all()
    assert (frame["share"] <= frame["hi"]).all()


def test_intervals_cover_the_true_mean_at_about_their_level():
    shares, periods, groups, mean = cells(200, 60, seed=3)
    frame = prevalence(shares, periods, groups, n_boot=400)
    truth = np.tile(mean, 200)
    covered = (frame["lo"] <= truth) & (truth <= frame["hi"])
    assert 0.9 <= covered.mean() <= 0.99


def test_intervals_narrow_with_more_cables_and_lower_coverage():
    small = prevalence(*cells(1, 30)[:3])
    large = prevalence(*cells(1, 3000)[:3])
    assert ((large["hi"] - large["lo"]) < (small["hi"] - small["lo"])).all()
    narrow = prevalence(*cells(1, 30)[:3], ci=0.5)
    assert ((narrow["hi"] - narrow["lo"]) < (small["hi"] - small["lo"])).all()


def test_same_seed_same_intervals():
    data = cells(4, 25)[:3]
    pd.testing.assert_frame_equal(prevalence(*data), prevalence(*data))
    other = prevalence(*data, random_state=1)
    assert not np.array_equal(other["lo"], prevalence(*data)["lo"])


def test_cables_in_several_groups_count_in_each():
    shares, periods, _, _ = cells(1, 4)
    groups = pd.Series(["x", "y", "x", "y"], index=[0, 0, 1, 2], dtype=object)
    frame = prevalence(shares, periods, groups, n_boot=20)
    x = frame[frame["group"] == "x"]
    np.testing.assert_allclose(x["share"], shares[[0, 1]].mean(axis=0))
    assert (frame.groupby("group")["n_cables"].first() == [2, 2]).all()


def test_undated_cables_are_left_out():
    shares, periods, groups, _ = cells(1, 10)
    periods = periods.copy()
    periods[:4] = pd.NaT
    frame = prevalence(shares, periods, groups, n_boot=20)
    assert (frame["n_cables"] == 6).all()
    np.testing.assert_allclose(frame["share"], shares[4:].mean(axis=0))


def test_periods_from_utc_dates():
    created = pd.Series(pd.to_datetime(["2009-07-29 14:19", "2009-12-31 23:59", None], utc=True))
    assert list(cable_periods(created, "Q").astype(str)[:2]) == ["2009Q3", "2009Q4"]
    assert cable_periods(created, "Y").isna().tolist() == [False, False, True]
    with pytest.raises(ValueError, match="freq must be one of 'M', 'Q', 'Y', received 'W'"):
        cable_periods(created, "W")


def test_groups_by_tag_origin_country_and_region():
    meta = pd.DataFrame(
        {
            "origin": ["BAMAKO", "Embassy Paris", None],
            "tags": [["PTER", "ML"], [], ["PREL"]],
        }
    )
    by_tag = cable_groups(meta, "tag")
    assert list(by_tag.index) == [0, 0, 1, 2]
    assert list(by_tag) == ["PTER", "ML", "unknown", "PREL"]
    assert list(cable_groups(meta, "origin")) == ["BAMAKO", "Embassy Paris", "unknown"]
    assert list(cable_groups(meta, "country")) == ["ML", "FR", "unknown"]
    assert list(cable_groups(meta, "region")) == ["AF", "EUR", "unknown"]
    assert list(cable_groups(meta, None)) == ["all"] * 3
    with pytest.raises(ValueError, match=r"by must be one of 'tag', 'origin'.*received 'post'"):
        cable_groups(meta, "post")


def test_no_dated_cable_gives_an_empty_frame():
    shares, _, groups, _ = cells(1, 5)
    frame = prevalence(shares, pd.Series([pd.NaT] * 5, dtype="period[M]"), groups)
    assert frame.empty
    assert list(frame.columns) == ["period", "group", "topic", "share", "lo", "hi", "n_cables"]
