"""truth.json: its schema, and the scores it gives to perfect and to shuffled answers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cablestats.synth as synth
from cablestats.synth.truth import SCHEMA, VERSION, Truth


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    archive = synth.generate(300, seed=11)
    folder = archive.write(tmp_path_factory.mktemp("truth"), "csv", progress=False)
    return archive, folder / "truth.json"


@pytest.fixture(scope="module")
def truth(written) -> Truth:
    return synth.load_truth(written[1].parent)


def test_document_has_the_documented_keys(written):
    document = json.loads(written[1].read_text(encoding="utf-8"))
    assert document["schema"] == SCHEMA and document["version"] == VERSION
    assert set(document) == {
        "schema", "version", "archive", "themes", "groups", "prevalence",
        "trends", "bursts", "partners", "cables",
    }  # fmt: skip
    assert document["archive"] == {
        "n_cables": 300, "seed": 11, "start": "2001-01", "end": "2010-02",
        "reference_date": "2005-08-01",
    }  # fmt: skip
    assert document["cables"]["columns"][:3] == ["reference_id", "group", "empty"]


def test_truth_round_trips(truth, written):
    again = Truth.from_dict(truth.to_dict())
    pd.testing.assert_frame_equal(again.cables, truth.cables)
    pd.testing.assert_frame_equal(again.prevalence, truth.prevalence)
    assert again.themes == truth.themes
    assert list(truth.cables.index) == [c.reference_id for c in written[0].iter_cables()]


def test_distributions_are_distributions(truth):
    assert len(truth.themes) >= 12
    words = truth.word_distributions()
    assert np.allclose(words.sum(axis=1), 1)
    assert "al qaeda" in words.columns and "human rights" in words.columns
    assert np.allclose(truth.mixtures.sum(axis=1), 1, atol=1e-3)
    shares = truth.prevalence.groupby(["group", "period"])["share"].sum()
    assert np.allclose(shares, 1, atol=1e-4)


def test_planted_curves_and_partners_are_recorded(truth):
    sahel = truth.prevalence.query("group == 'SAHEL' and theme == 'counterterrorism'")
    by_period = sahel.set_index("period")["share"]
    assert by_period["2009-06"] > 3 * by_period["2005-06"]
    partners = truth.partners.query("theme == 'counterterrorism' and group == 'SAHEL'")
    later = partners[partners["start"] == "2007-01"]
    assert set(later["country"]) == {"Mali", "Algeria", "Mauritania", "Niger", "France"}
    directions = dict(zip(truth.trends["term"], truth.trends["direction"], strict=True))
    assert {"rising", "falling", "flat"} == set(directions.values())
    assert set(truth.bursts.columns) >= {"term", "start", "end"}


def test_other_schema_is_refused(truth):
    document = truth.to_dict() | {"version": 99}
    with pytest.raises(ValueError, match="version 1, received schema"):
        Truth.from_dict(document)


# -- topic scores --------------------------------------------------------------


def test_truth_matches_itself_perfectly(truth):
    scores = synth.score_topics(truth, truth.word_distributions())
    assert scores["cosine"].min() == pytest.approx(1.0)
    assert (scores["theme"] == scores["topic"]).all()
    assert scores.attrs["mean_cosine"] == pytest.approx(1.0)


def test_fitted_topics_in_another_order_and_spelling_are_matched(truth):
    words = truth.word_distributions()
    fitted = words.iloc[::-1].rename(columns=lambda word: word.replace(" ", "_"))
    fitted.index = [f"topic {i}" for i in range(len(fitted))]
    scores = synth.score_topics(truth, fitted * 7)
    assert scores.attrs["mean_cosine"] == pytest.approx(1.0)
    assert scores.set_index("theme").loc[words.index[0], "topic"] == f"topic {len(words) - 1}"


def test_shuffled_words_score_poorly(truth):
    words = truth.word_distributions()
    rng = np.random.default_rng(0)
    shuffled = pd.DataFrame(
        [rng.permutation(row) for row in words.to_numpy()], index=words.index, columns=words.columns
    )
    assert synth.score_topics(truth, shuffled).attrs["mean_cosine"] < 0.3


def test_too_few_topics_leave_themes_unmatched(truth):
    scores = synth.score_topics(truth, truth.word_distributions().iloc[:3])
    assert scores["topic"].isna().sum() == len(truth.themes) - 3
    assert scores.attrs["mean_cosine"] == pytest.approx(3 / len(truth.themes))


# -- trend and burst scores ----------------------------------------------------


def _perfect_trends(truth: Truth) -> pd.DataFrame:
    trends = truth.trends
    return pd.DataFrame(
        {
            "term": trends["term"].str.upper(),
            "direction": trends["direction"],
            "q": np.where(trends["direction"] == "flat", 0.8, 1e-6),
        }
    )


def test_perfect_trend_detector_scores_perfectly(truth):
    scores = synth.score_trends(truth, _perfect_trends(truth))
    assert scores["recall_rising"] == 1 and scores["recall_falling"] == 1
    assert scores["false_positive_rate"] == 0
    assert scores["n_flat"] == (truth.trends["direction"] == "flat").sum()


def test_shuffled_trend_detector_scores_poorly(truth):
    detected = _perfect_trends(truth)
    detected["direction"] = detected["direction"].map({"rising": "falling", "falling": "rising"})
    detected["q"] = 1e-6
    scores = synth.score_trends(truth, detected)
    assert scores["recall_rising"] == 0 and scores["recall_falling"] == 0
    assert scores["false_positive_rate"] == 1


def test_missing_terms_count_as_not_detected(truth):
    scores = synth.score_trends(truth, pd.DataFrame(columns=["term", "direction", "p"]))
    assert scores["recall_rising"] == 0 and scores["false_positive_rate"] == 0


def test_bursts_found_within_one_period(truth):
    bursts = truth.bursts
    shifted = bursts.assign(
        start=[str(pd.Period(start, "M") + 1) for start in bursts["start"]],
        end=[pd.Period(end, "M").to_timestamp() for end in bursts["end"]],
    )
    scores = synth.score_bursts(truth, shifted)
    assert scores["found"].all() and scores.attrs["recall"] == 1
    assert (scores["start_error"] == 1).all() and (scores["end_error"] == 0).all()


def test_bursts_found_late_or_not_at_all_score_poorly(truth):
    bursts = truth.bursts
    late = bursts.assign(
        start=[str(pd.Period(start, "M") + 3) for start in bursts["start"]],
        end=[str(pd.Period(end, "M") + 3) for end in bursts["end"]],
    )
    assert synth.score_bursts(truth, late).attrs["recall"] == 0
    missing = synth.score_bursts(truth, late.iloc[:0])
    assert not missing["found"].any() and missing["start_error"].isna().all()
