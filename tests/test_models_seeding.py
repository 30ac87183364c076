"""Seed words become prior weight in their named topic."""

from __future__ import annotations

import numpy as np
import pytest

from cablestats.errors import CablestatsWarning
from cablestats.models.seeding import seed_prior

VOCAB = ["terrorism", "aqim", "trade", "tariff", "embassy"]
COUNTS = np.array([40, 10, 30, 5, 100])


def test_seed_words_get_pseudo_counts_in_their_topic_only():
    prior = seed_prior(
        {"ct": ["terrorism", "aqim"], "trade": ["tariff"]},
        VOCAB,
        COUNTS,
        4,
        base=0.25,
        seed_weight=0.5,
    )
    assert prior.names == ("ct", "trade")
    expected = np.full((4, 5), 0.25)
    expected[0, [0, 1]] += [20, 5]
    expected[1, 3] += 2.5
    np.testing.assert_array_equal(prior.eta, expected)
    assert prior.missing == {}


def test_missing_seed_words_are_named_and_skipped():
    with pytest.warns(CablestatsWarning, match=r"ct: al_shabaab, hamas"):
        prior = seed_prior(
            {"ct": ["terrorism", "al_shabaab", "hamas"]},
            VOCAB,
            COUNTS,
            2,
            base=0.5,
            seed_weight=1.0,
        )
    assert prior.missing == {"ct": ("al_shabaab", "hamas")}
    assert prior.eta[0, 0] == 40.5


def test_a_topic_without_any_known_seed_word_is_an_error():
    with pytest.raises(ValueError, match=r"seed_topics\['ghost'\]: none of the seed words"):
        seed_prior({"ghost": ["boo"]}, VOCAB, COUNTS, 2, base=0.5, seed_weight=1.0)


@pytest.mark.parametrize(
    ("seeds", "message"),
    [
        ({}, "non-empty mapping"),
        (["terrorism"], "non-empty mapping"),
        ({"ct": "terrorism"}, "'ct': 'terrorism'"),
        ({"ct": []}, r"'ct': \[\]"),
        ({"a": ["trade"], "b": ["aqim"], "c": ["tariff"]}, "names 3 topics but n_topics=2"),
    ],
)
def test_malformed_seeds_are_refused(seeds, message):
    with pytest.raises(ValueError, match=message):
        seed_prior(seeds, VOCAB, COUNTS, 2, base=0.5, seed_weight=1.0)
