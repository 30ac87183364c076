"""Recovery of planted themes from a synthetic archive, scored with its truth.json.

The archive is written as cable text and read back with ``read_cables``, as a
user would.  Twenty topics are fitted for twelve planted themes: the synthetic
prose also carries country names and office vocabulary that LDA gives topics
of their own, and the Hungarian matching picks the topic of each theme.  The
archive spans the planted rise of the economy theme (late 2008) with about 65
cables a month, so that at least one monthly curve stands out of sampling
noise; ``min_signal=2`` accepts curves an exact estimate would follow with a
correlation of about 0.8 or more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cablestats as cs
from cablestats import synth
from cablestats.corpus import Corpus
from cablestats.models import TopicModel
from cablestats.models.recovery import score_recovery

pytestmark = pytest.mark.slow

N_TOPICS = 20
MIN_SIGNAL = 2.0


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    return synth.write_archive(folder, 2000, seed=0, start="2007-07", end="2009-12", progress=False)


@pytest.fixture(scope="module")
def truth(archive: Path) -> synth.Truth:
    return synth.load_truth(archive)


@pytest.fixture(scope="module")
def corpus(archive: Path) -> Corpus:
    cables = cs.read_cables(archive, progress=False)
    # Office prose words that most cables share would blur every topic.
    return Corpus.from_cables(cables, max_df=0.5, progress=False)


class RecoveryChecks:
    """What every backend must recover; subclasses set ``backend``."""

    backend: str

    @pytest.fixture(scope="class")
    @classmethod
    def scores(cls, corpus: Corpus, truth: synth.Truth):
        model = TopicModel(n_topics=N_TOPICS, backend=cls.backend).fit(corpus, progress=False)
        return score_recovery(model, truth, min_signal=MIN_SIGNAL)

    def test_matched_topics_resemble_planted_themes(self, scores):
        assert scores.attrs["mean_cosine"] >= 0.8, scores[["theme", "cosine"]]

    def test_every_theme_has_its_own_topic(self, scores):
        assert scores["topic"].notna().all()
        assert scores["topic"].is_unique
        assert (scores["cosine"] >= 0.5).all(), scores[["theme", "cosine"]]

    def test_monthly_shares_follow_planted_curves(self, scores):
        scored = scores[scores["scored"]]
        assert len(scored) >= 1, scores[["theme", "signal"]]
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
