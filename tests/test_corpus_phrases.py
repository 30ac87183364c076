"""Phrase learning (same phrases and scores as gensim's NPMI Phrases) and merging."""

from __future__ import annotations

import numpy as np
import pytest
from gensim.models.phrases import Phrases
from hypothesis import given, settings
from hypothesis import strategies as st

from cablestats.corpus.phrases import learn_phrases, merge_phrases, phrase_table
from cablestats.corpus.tokenizer import TokenChunk, tokenize_chunk

STOP = frozenset({"the", "of", "and", "in", "on"})


def _runs(chunks: list[TokenChunk]) -> list[list[str]]:
    """The runs of kept terms between dropped tokens: the sentences gensim sees."""
    runs = []
    for chunk in chunks:
        start = 0
        for length in chunk.lengths:
            run: list[str] = []
            for code in chunk.codes[start : start + length]:
                if code < 0:
                    runs.append(run)
                    run = []
                else:
                    run.append(chunk.terms[code])
            runs.append(run)
            start += length
    return [run for run in runs if run]


words = st.sampled_from(["human", "rights", "prime", "minister", "al", "qaeda", "oil", "the", "of"])
documents = st.lists(words, max_size=30).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(documents, min_size=1, max_size=8), min_size=1, max_size=3))
def test_learned_phrases_and_scores_match_gensim(chunk_texts: list[list[str]]) -> None:
    chunks = [tokenize_chunk(texts, STOP) for texts in chunk_texts]
    table = learn_phrases(chunks, min_count=2, threshold=0.1)
    # "+" cannot occur in a term, so gensim's phrases split back unambiguously
    gensim = Phrases(_runs(chunks), min_count=2, threshold=0.1, scoring="npmi", delimiter="+")
    expected = {
        phrase.replace("+", "_"): score for phrase, score in gensim.export_phrases().items()
    }
    assert set(table.index) == set(expected)
    for phrase, score in expected.items():
        assert table.loc[phrase, "score"] == pytest.approx(score)


def test_no_phrase_across_a_stopword_or_a_document_boundary() -> None:
    chunk = tokenize_chunk(["human of rights"] * 5 + ["human", "rights"] * 5, STOP)
    assert learn_phrases([chunk], min_count=1, threshold=-1.0).empty


def test_phrase_table_columns_and_counts() -> None:
    texts = ["human rights and prime minister"] * 6 + ["oil"] * 6
    table = learn_phrases([tokenize_chunk(texts, STOP)], min_count=5, threshold=0.5)
    assert list(table.index) == ["human_rights", "prime_minister"]
    assert list(table.columns) == ["first", "second", "count", "score"]
    assert table.loc["human_rights", "count"] == 6
    assert table.index.name == "phrase"


def _merged(texts: list[str], phrases: list[tuple[str, str]], stop=STOP) -> list[list[str]]:
    table = phrase_table(*zip(*phrases, strict=True), [1] * len(phrases), [1.0] * len(phrases))
    chunk = merge_phrases(tokenize_chunk(texts, STOP), table, stop)
    assert chunk.lengths.sum() == len(chunk.codes)
    return [chunk.document_terms(i) for i in range(len(texts))]


def test_merge_is_greedy_from_the_left_like_gensim() -> None:
    phrases = [("a1", "b1"), ("b1", "c1")]
    assert _merged(["a1 b1 c1", "b1 c1 a1 b1 b1 c1"], phrases) == [
        ["a1_b1", "c1"],
        ["b1_c1", "a1_b1", "b1_c1"],
    ]


def test_merge_keeps_stopword_and_document_boundaries() -> None:
    assert _merged(["human the rights", "human", "rights"], [("human", "rights")]) == [
        ["human", "rights"],
        ["human"],
        ["rights"],
    ]


def test_merged_phrase_reuses_the_hyphenated_term() -> None:
    table = phrase_table(["al"], ["qaeda"], [1], [1.0])
    chunk = merge_phrases(tokenize_chunk(["al qaeda and al-Qaeda"], STOP), table)
    assert list(chunk.terms).count("al_qaeda") == 1
    assert chunk.document_terms(0) == ["al_qaeda", "al_qaeda"]


def test_a_phrase_listed_as_stopword_is_dropped_whole() -> None:
    stop = STOP | {"action_request"}
    assert _merged(["action request on oil"], [("action", "request")], stop) == [["oil"]]


def test_pairs_spelling_the_same_phrase_give_one_term() -> None:
    table = phrase_table(["al_qaeda", "al"], ["cells", "qaeda_cells"], [3, 5], [0.6, 0.9])
    assert list(table.index) == ["al_qaeda_cells"]
    assert table.loc["al_qaeda_cells", "first"] == "al"


def test_merge_without_matching_phrases_changes_nothing() -> None:
    chunk = tokenize_chunk(["oil and gas"], STOP)
    merged = merge_phrases(chunk, phrase_table(["human"], ["rights"], [1], [1.0]))
    assert np.array_equal(merged.codes, chunk.codes)
