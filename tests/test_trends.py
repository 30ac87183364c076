"""Term series, trend tests, bursts and emerging terms (``cablestats.trends``).

Planted truth comes from a synthetic archive (``cablestats.synth``) with the
default rising and falling terms plus thirty flat controls, so that the false
positive rate is measured on more than a handful of terms.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.stats
import statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint

from cablestats.corpus import Corpus
from cablestats.synth import generate, score_bursts, score_trends
from cablestats.synth.signals import TRENDS, Trend
from cablestats.trends import (
    UnknownTermError,
    bursts,
    emerging_terms,
    keyword_trends,
    term_series,
)
from cablestats.trends.bursts import BURST_COLUMNS, kleinberg_states
from cablestats.trends.emerging import EMERGING_COLUMNS
from cablestats.trends.series import SERIES_COLUMNS
from cablestats.trends.significance import TREND_COLUMNS, mann_kendall, rate_glm

#: Flat controls: words no theme uses, planted at a constant rate.
FLAT_WORDS = (
    *("quokka", "zephyr", "marmot", "bassoon", "tundra", "origami", "walrus", "sequoia"),
    *("kumquat", "pelican", "glacier", "mosaic", "lantern", "canyon", "falcon", "meadow"),
    *("harbor", "juniper", "saffron", "cobalt", "velvet", "thistle", "quartz", "ember"),
    *("lagoon", "nutmeg", "parsnip", "sorrel", "tamarind", "wombat"),
)


def small_corpus(rows: list[tuple[str, str, str, list[str], str]]) -> Corpus:
    """A corpus from (reference id, date, origin, tags, body) rows, every term kept."""
    frame = pd.DataFrame(rows, columns=["reference_id", "created", "origin", "tags", "body"])
    frame["created"] = pd.to_datetime(frame["created"], utc=True)
    return Corpus.from_cables(frame.set_index("reference_id"), min_df=1, max_df=1.0, n_jobs=1)


@pytest.fixture(scope="module")
def toy() -> Corpus:
    """Six cables over four months; March has none."""
    return small_corpus(
        [
            ("09BAMAKO1", "2009-01-05", "Embassy Bamako", ["PTER", "ML"], "piracy pirates ransom"),
            ("09BAMAKO2", "2009-01-20", "Embassy Bamako", ["PREL", "ML"], "election ballots"),
            ("09PARIS1", "2009-02-02", "Embassy Paris", ["PTER", "FR"], "piracy piracy navy"),
            ("09PARIS2", "2009-02-15", "Embassy Paris", ["ECON"], "trade tariffs"),
            ("09PARIS3", "2009-04-01", "Embassy Paris", ["PTER", "ML"], "navy ransom"),
            ("09BAMAKO3", "2009-04-09", "Embassy Bamako", ["PGOV"], "al qaeda piracy"),
        ]
    )


@pytest.fixture(scope="module")
def archive():
    """A synthetic archive (3,000 cables) with planted trends, thirty flat controls and bursts."""
    return generate(3000, seed=7, trends=[*TRENDS, *(Trend(word, 1.0) for word in FLAT_WORDS)])


@pytest.fixture(scope="module")
def synthetic(archive) -> Corpus:
    records = [cable.to_record() for cable in archive.iter_cables()]
    frame = pd.DataFrame(records).set_index("reference_id")
    return Corpus.from_cables(frame, n_jobs=1)


@pytest.fixture(scope="module")
def planted_terms(archive, synthetic) -> list[str]:
    terms = [term.lower() for term in archive.truth.trends["term"]]
    missing = set(terms) - set(synthetic.vocab)
    assert not missing, f"planted terms pruned from the vocabulary: {missing}"
    return terms


# ---- term_series -------------------------------------------------------------------------


def test_series_counts_cables_not_tokens_and_keeps_empty_periods(toy):
    series = term_series(toy, "piracy", freq="M")
    assert list(series.columns) == list(SERIES_COLUMNS)
    by_month = series.set_index(series["period"].astype(str))
    assert by_month["exposure"].to_dict() == {
        "2009-01": 2,
        "2009-02": 2,
        "2009-03": 0,
        "2009-04": 2,
    }
    # 09PARIS1 says "piracy" twice and counts once
    assert by_month["cables"].to_dict() == {"2009-01": 1, "2009-02": 1, "2009-03": 0, "2009-04": 1}
    assert np.isnan(by_month.at["2009-03", "rate"])
    assert by_month.at["2009-01", "rate"] == pytest.approx(0.5)


def test_series_interval_is_wilson(toy):
    series = term_series(toy, ["piracy", "ransom"], freq="Q").dropna()
    lo, hi = proportion_confint(series["cables"], series["exposure"], method="wilson")
    np.testing.assert_allclose(series["lo"], lo)
    np.testing.assert_allclose(series["hi"], hi)
    assert (series["lo"] <= series["rate"]).all() and (series["rate"] <= series["hi"]).all()


@pytest.mark.parametrize(
    ("by", "group", "exposure"),
    [("tag", "PTER", 3), ("origin", "Embassy Paris", 3), ("country", "ML", 4), ("region", "AF", 4)],
)
def test_series_by_group_counts_each_group(toy, by, group, exposure):
    series = term_series(toy, "piracy", freq="Y", by=by)
    row = series[series["group"] == group]
    assert len(row) == 1
    assert int(row["exposure"].iloc[0]) == exposure


def test_too_many_counts_are_refused_before_memory_runs_out(toy, monkeypatch):
    monkeypatch.setattr("cablestats.trends._cells.MAX_CELLS", 10)
    with pytest.raises(ValueError, match=r"4 periods x 1 groups .* 3 terms"):
        term_series(toy, ["piracy", "ransom", "navy"], freq="M")


def test_series_matches_phrases_written_with_spaces(synthetic):
    spaced = term_series(synthetic, "Al Qaeda", freq="Y")
    joined = term_series(synthetic, "al_qaeda", freq="Y")
    assert spaced["term"].unique().tolist() == ["al_qaeda"]
    assert spaced["cables"].sum() > 0
    pd.testing.assert_frame_equal(spaced, joined)


def test_absent_term_is_named_with_suggestions(toy):
    with pytest.raises(UnknownTermError, match=r"'piracyy'.*'piracy'") as caught:
        term_series(toy, ["ransom", "piracyy"])
    assert isinstance(caught.value, KeyError)
    assert caught.value.term == "piracyy"


def test_empty_selection_gives_empty_frames(toy):
    empty = toy[np.zeros(len(toy), dtype=bool)]
    assert term_series(empty, "piracy").empty
    assert list(term_series(empty, "piracy").columns) == list(SERIES_COLUMNS)
    assert list(keyword_trends(empty, ["piracy"]).columns) == list(TREND_COLUMNS["glm"])
    assert list(bursts(empty, ["piracy"]).columns) == list(BURST_COLUMNS)
    window = ("2009-01-01", "2009-03-01")
    emerging = emerging_terms(empty, recent=window, baseline=window)
    assert emerging.empty and list(emerging.columns)[: len(EMERGING_COLUMNS)] == list(
        EMERGING_COLUMNS
    )


# ---- the fitting engines against references ---------------------------------------------


def test_rate_glm_matches_statsmodels_poisson():
    rng = np.random.default_rng(0)
    years = np.arange(40) / 4
    exposure = rng.integers(50, 200, size=40)
    counts = rng.poisson(exposure * 0.02 * 1.2**years)
    exposure[5] = 0  # an empty period is left out
    counts[5] = 0
    fit = rate_glm(counts[None], exposure[None], years).iloc[0]
    keep = exposure > 0
    design = sm.add_constant(years[keep] - years.mean())
    reference = sm.GLM(
        counts[keep], design, family=sm.families.Poisson(), offset=np.log(exposure[keep])
    ).fit()
    assert fit["family"] == "poisson"
    assert fit["slope"] == pytest.approx(reference.params[1], rel=1e-6)
    assert fit["se"] == pytest.approx(reference.bse[1], rel=1e-4)
    assert fit["p"] == pytest.approx(reference.pvalues[1], rel=1e-3)


def test_rate_glm_switches_to_negative_binomial_when_overdispersed():
    rng = np.random.default_rng(1)
    years = np.arange(60) / 12
    exposure = np.full(60, 500)
    noisy = rng.negative_binomial(2, 2 / (2 + exposure * 0.05))  # mean 25, variance ~ 340
    calm = rng.poisson(exposure * 0.05)
    fits = rate_glm(np.vstack([noisy, calm]), np.vstack([exposure, exposure]), years)
    assert fits["family"].tolist() == ["negbin", "poisson"]
    assert fits.loc[0, "dispersion"] > 3
    poisson_se = rate_glm(noisy[None], exposure[None], years, overdispersion_alpha=0)
    assert fits.loc[0, "se"] > 2 * poisson_se.loc[0, "se"]  # honest, wider intervals


def test_mann_kendall_matches_kendall_tau_and_theil_sen():
    rng = np.random.default_rng(2)
    years = np.arange(30) / 12
    rates = 0.1 + 0.02 * years + rng.normal(0, 0.01, size=30)
    result = mann_kendall(rates[None], years).iloc[0]
    assert result["tau"] == pytest.approx(scipy.stats.kendalltau(years, rates).statistic)
    assert result["slope"] == pytest.approx(scipy.stats.theilslopes(rates, years).slope)
    assert result["p"] < 0.01


# ---- planted truth ------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["glm", "mann-kendall"])
@pytest.mark.parametrize("freq", ["M", "Q"])
def test_planted_trends_are_recovered(synthetic, archive, planted_terms, method, freq):
    found = keyword_trends(synthetic, planted_terms, freq=freq, method=method)
    assert list(found.columns) == list(TREND_COLUMNS[method])
    score = score_trends(archive.truth, found, alpha=0.05)
    assert score["n_flat"] == len(FLAT_WORDS) + 4
    assert score["recall_rising"] >= 0.9
    assert score["recall_falling"] >= 0.9
    assert score["false_positive_rate"] <= 0.05


def test_all_frequent_terms_are_tested_with_q_values(synthetic):
    found = keyword_trends(synthetic, min_cables=50)
    counts = synthetic.term_counts()
    assert set(found["term"]) == set(counts.index[counts["doc_freq"] >= 50])
    tested = found.dropna(subset=["p"])
    assert (tested["q"] >= tested["p"] - 1e-12).all()
    assert found.loc[found["q"] >= 0.05, "direction"].eq("flat").all()


def test_trends_by_group_report_each_group(synthetic):
    found = keyword_trends(synthetic, ["bloggers"], freq="Y", by="region", min_cables=30)
    assert set(found["group"]) <= {"AF", "EAP", "EUR", "NEA", "SCA", "WHA"}
    assert len(found) >= 3
    assert (found.dropna(subset=["p"])["rate_ratio"] > 1).all()


def test_unknown_method_is_named(toy):
    with pytest.raises(ValueError, match=r"'glm', 'mann-kendall'.*'linear'"):
        keyword_trends(toy, ["piracy"], method="linear")


def test_planted_bursts_are_found_within_one_period(synthetic, archive):
    planted = [term.lower() for term in archive.truth.bursts["term"]]
    found = bursts(synthetic, planted, freq="M")
    score = score_bursts(archive.truth, found, tolerance=1)
    assert score["found"].all(), score
    assert (found["level"] >= 1).all() and (found["strength"] > 0).all()


def test_bursts_read_a_term_series_frame_as_well(synthetic, archive):
    planted = [term.lower() for term in archive.truth.bursts["term"]]
    from_corpus = bursts(synthetic, planted, freq="Q")
    from_series = bursts(term_series(synthetic, planted, freq="Q"))
    pd.testing.assert_frame_equal(from_corpus, from_series, check_dtype=False)
    with pytest.raises(UnknownTermError, match="piracy"):
        bursts(term_series(synthetic, planted, freq="Q"), ["piracy"])


def test_flat_controls_burst_less_than_planted_bursts(synthetic, archive):
    planted = bursts(synthetic, [term.lower() for term in archive.truth.bursts["term"]])
    noise = bursts(synthetic, list(FLAT_WORDS))
    weakest_planted = planted.groupby("term")["strength"].max().min()
    assert noise.empty or noise["strength"].max() < weakest_planted
    assert noise["term"].nunique() <= len(FLAT_WORDS) // 3


def test_kleinberg_finds_a_hand_planted_burst_and_nests_levels():
    exposure = np.full((1, 24), 100)
    counts = np.full((1, 24), 2)
    counts[0, 10:13] = 30
    counts[0, 11] = 60
    two, _ = kleinberg_states(counts, exposure, n_states=2)
    assert np.flatnonzero(two[0]).tolist() == [10, 11, 12]
    three, _ = kleinberg_states(counts, exposure, n_states=4)
    assert three[0, 11] > three[0, 10] >= 1


def test_emerging_terms_find_the_riser(synthetic, archive):
    found = emerging_terms(
        synthetic, recent=("2009-04-01", "2009-06-01"), baseline=("2008-01-01", "2009-01-01")
    )
    assert found.iloc[0]["term"] == "h1n1"  # the planted burst of that spring
    top = found[found["significant"]]
    assert (top["q"] < 0.05).all() and (top["rate_ratio"] > 1).all()
    flat = found[found["term"].isin(FLAT_WORDS)]
    assert not flat["significant"].any()
