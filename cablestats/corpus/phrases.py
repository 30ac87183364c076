"""Phrases: pairs of terms that occur together far more often than chance (``human_rights``).

Learning counts each term and each pair of adjacent terms and keeps the pairs
whose normalized pointwise mutual information (NPMI, Bouma 2009) is above a
threshold: the ``scoring="npmi"`` rule of gensim's ``Phrases``, with the same
formula and the same ``min_count`` and ``threshold`` meaning.  Two terms are
adjacent when no dropped token (stopword, number, ...) stands between them,
as if gensim were given the runs of kept terms as sentences.

Why not gensim itself: ``Phrases`` counts in pure Python, about a microsecond
per token, which alone would take longer than counting the whole archive.  Here
the counts are integer arrays (pair codes counted in a hash table), learned
on a sample of the documents: a phrase frequent enough to matter in an archive
recurs in a sample of twenty thousand cables (``phrase_sample``), so the sample finds the same
phrases at a fraction of the cost.  Applying the phrases is a vectorised
lookup of every adjacent pair of codes, merged greedily from the left like
gensim's ``Phraser``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from cablestats.corpus.matrix import index_of, positions
from cablestats.corpus.tokenizer import TokenChunk

__all__ = ["JOINER", "PHRASE_COLUMNS", "learn_phrases", "merge_phrases", "phrase_table"]

#: What joins the two terms of a phrase (and the parts of a hyphenated word).
JOINER = "_"

#: Columns of the phrase table (index ``phrase``).
PHRASE_COLUMNS = ("first", "second", "count", "score")


def _pair_starts(chunk: TokenChunk) -> np.ndarray:
    """Positions ``i`` where tokens ``i`` and ``i + 1`` are adjacent kept terms of one document."""
    codes = chunk.codes
    if len(codes) < 2:
        return np.zeros(0, dtype=np.int64)
    adjacent = (codes[:-1] >= 0) & (codes[1:] >= 0)
    ends = np.cumsum(chunk.lengths)[:-1]  # first token of every document after the first
    adjacent[ends[(ends > 0) & (ends < len(codes))] - 1] = False
    return np.flatnonzero(adjacent)


def learn_phrases(
    chunks: Sequence[TokenChunk], *, min_count: int, threshold: float
) -> pd.DataFrame:
    """Find the phrases of some tokenized documents.

    Parameters
    ----------
    chunks
        Tokenized documents (a sample of the corpus).
    min_count
        A pair must occur at least this many times.
    threshold
        A pair must score above this NPMI, between -1 and 1.

    Returns
    -------
    pandas.DataFrame
        Index ``phrase`` (``human_rights``); columns ``first`` and ``second``
        (the two terms), ``count`` (occurrences of the pair) and ``score``
        (its NPMI); sorted by phrase.
    """
    if not chunks:
        return phrase_table([], [], [], [])
    vocabulary = pd.unique(np.concatenate([chunk.terms for chunk in chunks]))
    lookup = index_of(vocabulary)
    firsts, seconds, singles = [], [], []
    for chunk in chunks:
        # the appended -1 is what a dropped token's code (-1) picks
        codes = np.append(positions(lookup, chunk.terms), -1)[chunk.codes]
        starts = _pair_starts(chunk)
        firsts.append(codes[starts])
        seconds.append(codes[starts + 1])
        singles.append(codes[codes >= 0])
    size = len(vocabulary)
    term_counts = np.bincount(np.concatenate(singles), minlength=size)
    total = term_counts.sum()
    keys = np.concatenate(firsts).astype(np.int64) * size + np.concatenate(seconds)
    # a hash table counts the pairs in one pass, where numpy.unique would sort them
    pair_codes, pairs = pd.factorize(keys)
    counts = np.bincount(pair_codes, minlength=len(pairs))
    frequent = counts >= min_count
    pairs, counts = pairs[frequent], counts[frequent]
    first, second = np.divmod(pairs, max(size, 1))
    with np.errstate(divide="ignore"):
        p_pair = counts / total
        score = np.log(p_pair / (term_counts[first] / total * (term_counts[second] / total)))
        score = score / -np.log(p_pair)
    keep = score > threshold
    return phrase_table(
        vocabulary[first[keep]], vocabulary[second[keep]], counts[keep], score[keep]
    )


def phrase_table(
    first: ArrayLike, second: ArrayLike, count: ArrayLike, score: ArrayLike
) -> pd.DataFrame:
    """Assemble a phrase table (index ``phrase``, columns :data:`PHRASE_COLUMNS`), sorted.

    Two pairs can spell the same phrase (``al_qaeda`` + ``cells`` and ``al`` +
    ``qaeda_cells``); only the higher-scoring one is kept, so that each
    phrase is one term.  Also the way to give a vectorizer phrases of one's own.
    """
    table = pd.DataFrame(
        {
            # object, not pandas' Arrow-backed strings: lookups against term arrays stay cheap
            "first": pd.Series(np.asarray(first, dtype=object), dtype=object),
            "second": pd.Series(np.asarray(second, dtype=object), dtype=object),
            "count": np.asarray(count, dtype=np.int64),
            "score": np.asarray(score, dtype=np.float64),
        }
    )
    table.index = pd.Index(table["first"] + JOINER + table["second"], name="phrase", dtype=object)
    table = table.sort_values("score", ascending=False, kind="stable")
    return table[~table.index.duplicated()].sort_index()


def merge_phrases(
    chunk: TokenChunk, phrases: pd.DataFrame, stopwords: frozenset[str] = frozenset()
) -> TokenChunk:
    """Join the adjacent pairs of ``chunk`` that are phrases into one term.

    Pairs are merged greedily from the left, as gensim's ``Phraser`` does: in
    ``a b c`` where both ``a_b`` and ``b_c`` are phrases, ``a_b`` is taken and
    ``c`` stays alone.  The second token of a merged pair becomes a dropped
    token (``-1``), so document lengths stay as they were.

    Parameters
    ----------
    chunk
        Tokenized documents.
    phrases
        A table from :func:`learn_phrases` (columns ``first`` and ``second``).
    stopwords
        Phrases to drop once merged (``action_request``): both of their
        tokens become dropped tokens.

    Returns
    -------
    TokenChunk
        The same documents with phrase terms appended to ``terms``.
    """
    terms = index_of(chunk.terms)
    first = positions(terms, phrases["first"])
    second = positions(terms, phrases["second"])
    present = (first >= 0) & (second >= 0)
    if not present.any():
        return chunk
    size = len(terms)
    phrase_keys = first[present].astype(np.int64) * size + second[present]
    order = np.argsort(phrase_keys)
    phrase_keys = phrase_keys[order]
    phrase_terms = phrases.index.to_numpy()[present][order]

    codes = chunk.codes.copy()
    starts = _pair_starts(chunk)
    # Only pairs whose first term starts some phrase can be one: a cheap gather that
    # spares the search for most pairs.
    starts_phrase = np.zeros(size, dtype=bool)
    starts_phrase[first[present]] = True
    starts = starts[starts_phrase[codes[starts]]]
    keys = codes[starts].astype(np.int64) * size + codes[starts + 1]
    slot = np.minimum(np.searchsorted(phrase_keys, keys), len(phrase_keys) - 1)
    hit = phrase_keys[slot] == keys
    starts, slot = starts[hit], slot[hit]
    # Greedy from the left: in a run of overlapping hits (consecutive starts),
    # take every other one, beginning with the first of the run.
    new_run = np.ones(len(starts), dtype=bool)
    new_run[1:] = starts[1:] != starts[:-1] + 1
    run_begin = np.maximum.accumulate(np.where(new_run, np.arange(len(starts)), 0))
    take = (np.arange(len(starts)) - run_begin) % 2 == 0
    starts, slot = starts[take], slot[take]

    # A phrase may already be a term of the chunk, written with a hyphen (human-rights).
    used, which = np.unique(slot, return_inverse=True)
    merged = phrase_terms[used]
    codes_of_used = positions(terms, merged)
    stopped = np.array([term in stopwords for term in merged], dtype=bool)
    new = (codes_of_used < 0) & ~stopped
    codes_of_used[new] = size + np.arange(new.sum())
    codes_of_used[stopped] = -1
    codes[starts] = codes_of_used[which]
    codes[starts + 1] = -1
    return TokenChunk(
        codes=codes,
        lengths=chunk.lengths,
        terms=np.concatenate([chunk.terms, merged[new].astype(object)]),
    )
