"""Find terms in a corpus vocabulary, and say clearly when one is not there."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import numpy as np
import scipy.sparse as sp

from cablestats.errors import UnknownTermError

__all__ = ["UnknownTermError", "normalize_term", "presence", "term_columns"]


def normalize_term(term: str) -> str:
    """A term as the corpus spells it: lower case, words joined by ``_`` (``al_qaeda``)."""
    return "_".join(str(term).lower().replace("_", " ").split())


def term_columns(vocab: Iterable[str], terms: str | Iterable[str]) -> tuple[list[str], np.ndarray]:
    """The normalized terms and their column numbers in ``vocab``, in the order asked.

    Raises
    ------
    UnknownTermError
        Naming the first term that ``vocab`` lacks, with close matches.
    """
    vocabulary = list(vocab)
    index = {term: column for column, term in enumerate(vocabulary)}
    names = list(
        dict.fromkeys(normalize_term(t) for t in ([terms] if isinstance(terms, str) else terms))
    )
    for name in names:
        if name not in index:
            raise UnknownTermError(name, difflib.get_close_matches(name, vocabulary, n=3))
    return names, np.array([index[name] for name in names], dtype=np.int64)


def presence(dtm: sp.spmatrix, columns: np.ndarray) -> sp.csr_matrix:
    """Cables × selected terms, 1 where the cable mentions the term (counts cables, not tokens)."""
    selected = sp.csr_matrix(dtm)[:, columns]
    selected.data = (selected.data > 0).astype(np.int64)
    selected.eliminate_zeros()
    return selected
