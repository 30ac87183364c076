"""Themes and trends on the 962 real cables (skipped when ``../shared`` is absent)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import cablestats as cs
from cablestats.corpus import Corpus
from cablestats.themes import load_themes, partner_network, strongest_partners
from cablestats.trends import UnknownTermError, keyword_trends, term_series

THEMES_TOML = Path(__file__).resolve().parents[1] / "reports" / "themes.toml"


@pytest.fixture(scope="module")
def corpus(shared_data: Path) -> Corpus:
    frame = cs.read_cables(shared_data / "cablegate-html")
    return Corpus.from_cables(frame, n_jobs=1)


@pytest.fixture(scope="module")
def counterterrorism():
    return load_themes(THEMES_TOML)["Counterterrorism partnerships"]


def test_training_of_the_malian_army_is_a_counterterrorism_partnership(corpus, counterterrorism):
    members = counterterrorism.members(corpus)
    assert "09BAMAKO815" in members.index
    assert members.at["09BAMAKO815", "score"] >= counterterrorism.min_score
    assert 0 < len(members) < len(corpus)


def test_mali_partners_in_2009_include_algeria_or_france(corpus, counterterrorism):
    partners = strongest_partners(corpus, counterterrorism, "ML", freq="Y")
    in_2009 = partners[partners["period"] == pd.Period("2009", "Y")]
    assert {"AG", "FR"} & set(in_2009["partner"])
    edges = partner_network(corpus, counterterrorism, freq="Y")
    mali_2009 = edges[
        (edges["period"] == pd.Period("2009", "Y"))
        & ((edges["country_a"] == "ML") | (edges["country_b"] == "ML"))
    ]
    assert {"AG", "FR"} & (set(mali_2009["country_a"]) | set(mali_2009["country_b"]))


def test_every_report_theme_finds_real_cables(corpus):
    for name, theme in load_themes(THEMES_TOML).items():
        assert len(theme.members(corpus)) > 0, name


def test_real_series_and_trends_run_and_name_absent_terms(corpus):
    series = term_series(corpus, ["terrorism", "election"], freq="Y")
    assert (
        series["exposure"]
        .groupby(series["term"])
        .sum()
        .eq(len(corpus.meta["created"].dropna()))
        .all()
    )
    trends = keyword_trends(corpus, min_cables=100, freq="Y")
    assert trends["q"].notna().any()
    with pytest.raises(UnknownTermError, match="terrorism"):
        term_series(corpus, "terorism")
