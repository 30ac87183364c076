"""Vocabulary pruning: which terms become columns of the document-term matrix.

The defaults of :class:`~cablestats.corpus.CableVectorizer` (``min_df=2``,
``max_df=0.9``, ``max_features=50_000``) suit archives from a thousand to a
quarter of a million cables: ``min_df`` drops the one-off names and typing
slips that make up most distinct tokens; ``max_df`` is a safety net for
boilerplate that no stopword list knows, which shows up in nearly every cable
of an archive, while keeping common content words (``government``,
``security``, the country term ``usa``) that trend analyses ask about;
``max_features`` bounds the vocabulary of the largest archives to the most
frequent terms, a size that matrices and topic models handle on a laptop
(a thousand cables stay well under it).  Topic models leave the frequent
words out themselves (:class:`~cablestats.models.TopicModel` fits the terms in
at most half the cables, ``max_df=0.5`` as gensim's ``filter_extremes``); other
uses prune further with :meth:`Corpus.prune <cablestats.corpus.Corpus.prune>`.
"""

from __future__ import annotations

import numbers

import numpy as np
import scipy.sparse as sp

__all__ = ["check_pruning", "document_limit", "prune", "select_terms"]


def _is_proportion(value: object) -> bool:
    return isinstance(value, float) and 0.0 < value <= 1.0


def _is_count(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 1


def check_pruning(min_df: object, max_df: object, max_features: object) -> None:
    """Raise ``ValueError`` naming the first pruning option that is not valid."""
    for name, value in (("min_df", min_df), ("max_df", max_df)):
        if not (_is_count(value) or _is_proportion(value)):
            raise ValueError(
                f"{name} must be a number of cables (int >= 1) or a proportion of them "
                f"(float in (0, 1]), received {value!r}"
            )
    if max_features is not None and not _is_count(max_features):
        raise ValueError(f"max_features must be None or an int >= 1, received {max_features!r}")


def document_limit(value: int | float, n_documents: int) -> float:
    """A ``min_df``/``max_df`` value as a number of documents."""
    return value * n_documents if isinstance(value, float) else value


def select_terms(
    terms: np.ndarray,
    doc_freq: np.ndarray,
    totals: np.ndarray,
    n_documents: int,
    *,
    min_df: int | float,
    max_df: int | float,
    max_features: int | None,
) -> np.ndarray:
    """The positions of the terms that pass the pruning options, in alphabetical order of term.

    Parameters
    ----------
    terms
        ``object`` array of terms.
    doc_freq, totals
        Documents containing each term, and its occurrences.
    n_documents
        Documents counted.
    min_df, max_df
        Keep terms found in at least ``min_df`` and at most ``max_df`` documents
        (an int counts documents, a float is a proportion of them).
    max_features
        Then keep only this many terms, the most frequent by total count
        (ties broken alphabetically); ``None`` keeps all.

    Returns
    -------
    numpy.ndarray
        ``int64`` positions into ``terms``.

    Raises
    ------
    ValueError
        When no term is left, naming the options to loosen.
    """
    check_pruning(min_df, max_df, max_features)
    low, high = document_limit(min_df, n_documents), document_limit(max_df, n_documents)
    kept = np.flatnonzero((doc_freq >= low) & (doc_freq <= high))
    order = np.argsort(terms[kept], kind="stable")  # positions into kept, by term
    if max_features is not None and len(kept) > max_features:
        # the most frequent, ties by term; sorting their positions restores term order
        top = np.argsort(-totals[kept][order], kind="stable")[:max_features]
        order = order[np.sort(top)]
    if not len(kept):
        raise ValueError(
            f"no term is left after pruning {n_documents} documents with min_df={min_df!r}, "
            f"max_df={max_df!r}: lower min_df or raise max_df"
        )
    return kept[order]


def prune(
    matrix: sp.csr_matrix, terms: np.ndarray, **limits: int | float | None
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Keep the columns of ``matrix`` that pass ``limits`` (see :func:`select_terms`).

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        The kept columns in alphabetical order of term, sorted indices.
    terms : numpy.ndarray
        Their terms.
    """
    doc_freq = np.bincount(matrix.indices, minlength=len(terms))
    totals = np.bincount(matrix.indices, weights=matrix.data, minlength=len(terms))
    kept = select_terms(terms, doc_freq, totals, matrix.shape[0], **limits)
    pruned = matrix[:, kept]
    pruned.sort_indices()
    return pruned, terms[kept]
