"""Recovery of planted themes from a synthetic archive, scored with its truth.json.

The archive is written as cable text and read back with ``read_cables``, and
modelled with the defaults a user gets from ``Corpus.from_cables(df)`` and
``TopicModel(n_topics=20)``.  Twenty topics are fitted for twelve planted
themes: the synthetic prose also carries country names and office vocabulary
that LDA gives topics of their own, and the Hungarian matching picks the topic
of each theme.

Every planted theme's share of the archive rises, falls or peaks over
2005–2010.  With 3,000 cables a month holds about 40 of them, too few for a
monthly share to stand out of sampling noise, so the shares are compared by
quarter (about 150 cables each); the monthly figures at 20,000 cables and more
are in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cablestats as cs
from cablestats import synth
from cablestats.corpus import Corpus
from cablestats.models import TopicModel
from cablestats.models.recovery import planted_curves, score_recovery

pytestmark = pytest.mark.slow

N_TOPICS = 20


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    return synth.write_archive(folder, 3000, seed=0, start="2005-01", progress=False)


@pytest.fixture(scope="module")
def truth(archive: Path) -> synth.Truth:
    return synth.load_truth(archive)


@pytest.fixture(scope="module")
def corpus(archive: Path) -> Corpus:
    return Corpus.from_cables(cs.read_cables(archive, progress=False), progress=False)


def test_quarterly_planted_shares_weigh_months_by_their_cables(corpus: Corpus, truth):
    created = corpus.meta["created"]
    monthly = planted_curves(truth, created)
    quarterly = planted_curves(truth, created, freq="Q")
    quarter = pd.PeriodIndex(monthly.index, freq="M").asfreq("Q").astype(str)
    cables = monthly["n_cables"]
    expected = (
        monthly[truth.theme_names]
        .mul(cables, axis=0)
        .groupby(quarter)
        .sum()
        .div(cables.groupby(quarter).sum(), axis=0)
    )
    pd.testing.assert_frame_equal(quarterly[truth.theme_names], expected, check_names=False)
    assert quarterly["n_cables"].sum() == len(created)
    # truth.json rounds planted shares, so each period's sum is one to that precision.
    assert np.allclose(quarterly[truth.theme_names].sum(axis=1), 1, atol=1e-3)


class RecoveryChecks:
    """What every backend must recover; subclasses set ``backend``."""

    backend: str

    @pytest.fixture(scope="class")
    @classmethod
    def scores(cls, corpus: Corpus, truth: synth.Truth):
        model = TopicModel(n_topics=N_TOPICS, backend=cls.backend).fit(corpus, progress=False)
        return score_recovery(model, truth, freq="Q")

    def test_matched_topics_resemble_planted_themes(self, scores):
        assert scores.attrs["mean_cosine"] >= 0.8, scores[["theme", "cosine"]]

    def test_every_theme_has_its_own_topic(self, scores):
        assert scores["topic"].notna().all()
        assert scores["topic"].is_unique
        assert (scores["cosine"] >= 0.5).all(), scores[["theme", "cosine"]]

    def test_quarterly_shares_follow_planted_curves(self, scores):
        scored = scores[scores["scored"]]
        assert scores.attrs["n_periods"] >= 20
        assert len(scored) >= 10, scores[["theme", "share"]]
        assert (scored["correlation"] >= 0.8).all(), scored


class TestGensimRecovery(RecoveryChecks):
    backend = "gensim"


class TestSklearnRecovery(RecoveryChecks):
    backend = "sklearn"


def test_seeded_counterterrorism_topic_is_the_planted_one(corpus: Corpus, truth: synth.Truth):
    # "terrorism" is not a word of the synthetic language: it is reported and skipped.
    seeds = {"counterterrorism": ["terrorism", "aqim", "al_qaeda", "terrorist", "hostage"]}
    model = TopicModel(n_topics=N_TOPICS, seed_topics=seeds)
    with pytest.warns(cs.CablestatsWarning, match="counterterrorism: terrorism"):
        model.fit(corpus, progress=False)
    assert model.labels[0] == "counterterrorism"
    scores = score_recovery(model, truth).set_index("theme")
    assert scores.loc["counterterrorism", "topic"] == "counterterrorism"
    assert scores.loc["counterterrorism", "cosine"] >= 0.8
