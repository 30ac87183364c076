"""Held-out perplexity by document completion, the same for every backend.

Each held-out cable's word counts are split at random into an observed half
and a held-out half; topic shares are inferred from the observed half and the
held-out half is scored under them (Wallach et al., 2009, "Evaluation methods
for topic models").  Unlike the variational bounds gensim and scikit-learn
report, this is one number computed the same way whichever library fitted
the model, so backends and numbers of topics can be compared on it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import sparse

__all__ = ["completion_perplexity"]

#: Non-zero counts scored at a time, bounding the (non-zeros × topics) work arrays.
_NONZEROS_PER_BLOCK = 100_000


def completion_perplexity(
    dtm: sparse.csr_matrix,
    transform: Callable[[sparse.csr_matrix], np.ndarray],
    topic_word: np.ndarray,
    *,
    observed: float = 0.5,
    random_state: int = 0,
) -> float:
    """Perplexity of the held-out part of each cable given its observed part.

    Parameters
    ----------
    dtm
        Cables × terms counts of held-out cables.
    transform
        Maps a count matrix to topic shares, ``(n_cables, n_topics)``.
    topic_word
        ``(n_topics, n_terms)`` topic-word distributions.
    observed
        Expected share of each cable's tokens used to infer its topic shares.
    random_state
        Seed of the split.

    Returns
    -------
    float
        ``exp(-log-likelihood / tokens)`` over held-out tokens; lower is better.
    """
    dtm = sparse.csr_matrix(dtm)
    rng = np.random.default_rng(random_state)
    seen_counts = rng.binomial(dtm.data.astype(np.int64), observed)
    seen = sparse.csr_matrix((seen_counts, dtm.indices, dtm.indptr), shape=dtm.shape)
    held = dtm.data - seen_counts
    if held.sum() == 0:
        raise ValueError("the held-out cables have no tokens to score; are they empty?")
    theta = transform(seen)
    rows = np.repeat(np.arange(dtm.shape[0]), np.diff(dtm.indptr))
    log_likelihood = 0.0
    for start in range(0, len(rows), _NONZEROS_PER_BLOCK):
        block = slice(start, start + _NONZEROS_PER_BLOCK)
        keep = held[block] > 0
        probability = np.einsum(
            "ij,ji->i",
            theta[rows[block][keep]],
            topic_word[:, dtm.indices[block][keep]],
        )
        log_likelihood += float(held[block][keep] @ np.log(probability))
    return float(np.exp(-log_likelihood / held.sum()))
