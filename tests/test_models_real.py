"""A topic model of the real cables: shares line up with the cables, groups come from real posts."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

import cablestats as cs
from cablestats.corpus import Corpus
from cablestats.models import TopicModel

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model(shared_data: Path) -> TopicModel:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.CablestatsWarning)
        cables = cs.read_cables(shared_data / "cablegate-html", progress=False)
    corpus = Corpus.from_cables(cables, progress=False)
    return TopicModel(n_topics=8, passes=3).fit(corpus, progress=False)


def test_shares_cover_every_real_cable(model: TopicModel, html_cable_paths: list[Path]):
    shares = model.doc_topics
    assert len(shares) == len(html_cable_paths)
    assert shares.index.is_unique
    assert np.allclose(shares.sum(axis=1), 1)


def test_topics_are_made_of_cable_words(model: TopicModel):
    top = model.topics(n=10)
    assert top["term"].str.fullmatch(r"[a-z][a-z0-9_\-]*").all()
    assert top.groupby("topic", observed=True)["term"].nunique().eq(10).all()


def test_prevalence_by_region_of_real_posts(model: TopicModel):
    by_region = model.prevalence(freq="Y", by="region", n_boot=50)
    regions = set(by_region["group"])
    assert {"AF", "EUR", "NEA", "WHA"} <= regions
    known = by_region[by_region["group"] != "unknown"]
    assert known.groupby(["period", "group"])["n_cables"].first().sum() >= 0.8 * len(
        model.doc_topics
    )


def test_representative_cables_carry_their_subjects(model: TopicModel):
    best = model.representative_cables(0, n=3)
    assert best["subject"].notna().all()
    assert best.index.isin(model.doc_topics.index).all()
