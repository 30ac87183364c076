"""Coherence against hand-computed co-occurrence statistics; perplexity by document completion."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import sparse

from cablestats.models.coherence import topic_coherence
from cablestats.models.perplexity import completion_perplexity

VOCAB = ["war", "army", "trade", "tariff", "rain"]


def small_dtm(seed: int = 0) -> sparse.csr_matrix:
    """Cables about war (war, army) or trade (trade, tariff), some with rain, some empty."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(60):
        counts = np.zeros(len(VOCAB), dtype=int)
        pair = [0, 1] if rng.random() < 0.5 else [2, 3]
        counts[pair] = rng.integers(0, 4, 2)
        counts[4] = rng.integers(0, 2)
        rows.append(counts)
    rows.append(np.zeros(len(VOCAB), dtype=int))
    return sparse.csr_matrix(np.array(rows))


def document_npmi(dtm: sparse.csr_matrix, terms: list[str]) -> float:
    """Mean NPMI over term pairs, with probabilities as shares of cables (gensim's epsilon)."""
    present = dtm.toarray() > 0
    p = present.mean(axis=0)
    values = []
    for a, b in itertools.combinations([VOCAB.index(t) for t in terms], 2):
        joint = (present[:, a] & present[:, b]).mean() + 1e-12
        values.append(np.log(joint / (p[a] * p[b])) / -np.log(joint))
    return float(np.mean(values))


def document_umass(dtm: sparse.csr_matrix, terms: list[str]) -> float:
    """UMass, log(P(wi, wj) / P(wj)) over pairs with wj ranked above wi (gensim's epsilon)."""
    present = dtm.toarray() > 0
    ids = [VOCAB.index(t) for t in terms]
    values = [
        np.log(
            ((present[:, ids[i]] & present[:, ids[j]]).mean() + 1e-12) / present[:, ids[j]].mean()
        )
        for i in range(1, len(ids))
        for j in range(i)
    ]
    return float(np.mean(values))


TOPICS = [["war", "army", "rain"], ["trade", "tariff", "rain"], ["war", "trade", "tariff"]]


def test_npmi_counts_co_occurrence_within_whole_cables():
    dtm = small_dtm()
    values = topic_coherence(TOPICS, dtm, VOCAB, "c_npmi")
    np.testing.assert_allclose(values, [document_npmi(dtm, t) for t in TOPICS], atol=1e-9)
    assert values[0] > values[2]


def test_umass_matches_its_definition():
    dtm = small_dtm()
    values = topic_coherence(TOPICS, dtm, VOCAB, "u_mass")
    np.testing.assert_allclose(values, [document_umass(dtm, t) for t in TOPICS], atol=1e-9)


def test_cv_ranks_the_coherent_topic_first():
    values = topic_coherence(TOPICS, small_dtm(), VOCAB, "c_v")
    assert ((values >= 0) & (values <= 1)).all()
    assert values[0] > values[2]


def test_unknown_measure_is_named():
    with pytest.raises(ValueError, match="measure must be one of 'c_npmi', 'c_v', 'u_mass'"):
        topic_coherence(TOPICS, small_dtm(), VOCAB, "c_uci")


def test_uniform_topics_have_the_vocabulary_size_as_perplexity():
    dtm = small_dtm()
    uniform = np.full((2, len(VOCAB)), 1 / len(VOCAB))
    perplexity = completion_perplexity(dtm, lambda x: np.full((x.shape[0], 2), 0.5), uniform)
    assert perplexity == pytest.approx(len(VOCAB))


def test_inferring_shares_from_the_observed_half_helps():
    dtm = small_dtm()
    topic_word = np.array([[0.45, 0.45, 0.0, 0.0, 0.1], [0.0, 0.0, 0.45, 0.45, 0.1]]) + 1e-9

    def infer(x: sparse.csr_matrix) -> np.ndarray:
        war = np.asarray(x[:, [0, 1]].sum(axis=1)).ravel()
        trade = np.asarray(x[:, [2, 3]].sum(axis=1)).ravel()
        shares = np.column_stack([war + 0.5, trade + 0.5])
        return shares / shares.sum(axis=1, keepdims=True)

    def blind(x: sparse.csr_matrix) -> np.ndarray:
        return np.full((x.shape[0], 2), 0.5)

    informed = completion_perplexity(dtm, infer, topic_word)
    assert informed < completion_perplexity(dtm, blind, topic_word)
    assert informed < len(VOCAB)
    assert informed == completion_perplexity(dtm, infer, topic_word)
    assert informed != completion_perplexity(dtm, infer, topic_word, random_state=1)


def test_perplexity_needs_tokens_to_score():
    empty = sparse.csr_matrix((3, len(VOCAB)), dtype=int)
    with pytest.raises(ValueError, match="no tokens"):
        completion_perplexity(empty, lambda x: np.full((x.shape[0], 2), 0.5), np.ones((2, 5)) / 5)
