"""Counting: tokenized chunks → sparse document-term matrices on one vocabulary.

Each chunk is counted against its own terms (:func:`count_chunk`, run in the
worker processes); :class:`MatrixBuilder` then maps the chunks' columns onto
one vocabulary and stacks them, so that the workers never need to share a
dictionary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from itertools import repeat

import numpy as np
import pandas as pd
import scipy.sparse as sp

from cablestats.corpus.tokenizer import TokenChunk

__all__ = ["COUNT_DTYPE", "CountChunk", "MatrixBuilder", "count_chunk", "index_of", "positions"]

#: Counts are ``int32``: no term occurs two thousand million times in one cable.
COUNT_DTYPE = np.int32


@dataclasses.dataclass(frozen=True)
class CountChunk:
    """The counts of a run of documents against the chunk's own terms.

    Attributes
    ----------
    matrix
        CSR, documents × ``terms``, :data:`COUNT_DTYPE` counts.
    terms
        ``object`` array of the column terms (distinct).
    """

    matrix: sp.csr_matrix
    terms: np.ndarray


def count_chunk(chunk: TokenChunk) -> CountChunk:
    """Count the kept terms of every document of ``chunk``.

    The columns come in alphabetical order of term, the order of the final
    vocabulary: mapped onto it, each row's column indices stay sorted, which
    spares sorting the whole matrix at the end, in one process.
    """
    order = np.argsort(chunk.terms.astype(str), kind="stable")
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    kept = chunk.codes >= 0
    rows = np.repeat(np.arange(chunk.n_documents, dtype=np.int32), chunk.lengths)[kept]
    columns = rank[chunk.codes[kept]]
    matrix = sp.csr_matrix(
        (np.ones(len(columns), dtype=COUNT_DTYPE), (rows, columns)),
        shape=(chunk.n_documents, len(chunk.terms)),
    )  # the conversion from coordinates sums the repeated (row, column) pairs
    return CountChunk(matrix=matrix, terms=chunk.terms[order])


def positions(index: Mapping[str, int], keys: Iterable[str]) -> np.ndarray:
    """``index[key]`` for each key, ``-1`` where a key is missing, as ``int64``.

    A dict lookup mapped in C: faster than a pandas Index for the tens of
    thousands of terms of a chunk, and free of pandas' string dtype inference.
    """
    keys = _as_list(keys)
    return np.fromiter(map(index.get, keys, repeat(-1)), dtype=np.int64, count=len(keys))


def index_of(terms: Iterable[str]) -> dict[str, int]:
    """Term → position, for :func:`positions`."""
    terms = _as_list(terms)
    return dict(zip(terms, range(len(terms)), strict=True))


def _as_list(values: Iterable[str]) -> list[str]:
    """A list of the values; numpy arrays and pandas Series convert in C."""
    return values.tolist() if isinstance(values, (np.ndarray, pd.Series)) else list(values)


class MatrixBuilder:
    """Stack :class:`CountChunk` results, in document order, onto one vocabulary.

    While chunks arrive, the builder keeps each column's document frequency
    and total count, so that the columns to keep are known before the matrix
    is assembled; :meth:`build` then copies only their entries, chunk by
    chunk, releasing each chunk once copied.  The peak memory is thus about
    one copy of the counts, not the two that stacking and then slicing take.

    Parameters
    ----------
    vocabulary
        ``None`` to grow the vocabulary from the chunks (fitting), or a fixed
        mapping of term → column (transforming), in which case terms outside
        it are dropped.
    """

    def __init__(self, vocabulary: Mapping[str, int] | None = None) -> None:
        self._fixed = vocabulary is not None
        self._vocabulary: dict[str, int] = dict(vocabulary or {})
        self._pieces: dict[int, sp.csr_matrix] = {}
        self._doc_freq = np.zeros(len(self._vocabulary), dtype=np.int64)
        self._totals = np.zeros(len(self._vocabulary), dtype=np.int64)

    @property
    def terms(self) -> np.ndarray:
        """``object`` array; ``terms[j]`` labels column ``j`` of the stacked counts."""
        terms = np.empty(len(self._vocabulary), dtype=object)
        terms[list(self._vocabulary.values())] = list(self._vocabulary)
        return terms

    @property
    def doc_freq(self) -> np.ndarray:
        """``int64``, documents per column so far."""
        return self._doc_freq[: len(self._vocabulary)]

    @property
    def totals(self) -> np.ndarray:
        """``int64``, occurrences per column so far."""
        return self._totals[: len(self._vocabulary)]

    def add(self, position: int, counts: CountChunk) -> None:
        """Add the chunk that comes ``position``-th in document order (any arrival order)."""
        vocabulary = self._vocabulary
        columns = positions(vocabulary, counts.terms)
        if not self._fixed:
            new = np.flatnonzero(columns < 0)
            columns[new] = np.arange(len(vocabulary), len(vocabulary) + len(new))
            vocabulary.update(zip(counts.terms[new], columns[new].tolist(), strict=True))
        matrix = counts.matrix
        indices = columns[matrix.indices]
        data, indptr = matrix.data, matrix.indptr
        if self._fixed:
            known = indices >= 0
            data, indices = data[known], indices[known]
            indptr = np.concatenate([[0], np.cumsum(known)])[indptr]
        size = len(vocabulary)
        if size > len(self._doc_freq):  # grow by doubling, as a list does
            capacity = max(size, 2 * len(self._doc_freq))
            extra = np.zeros(capacity - len(self._doc_freq), dtype=np.int64)
            self._doc_freq = np.concatenate([self._doc_freq, extra])
            self._totals = np.concatenate([self._totals, extra])
        self._doc_freq[:size] += np.bincount(indices, minlength=size)
        self._totals[:size] += np.bincount(indices, weights=data, minlength=size).astype(np.int64)
        self._pieces[position] = sp.csr_matrix(
            (data, indices.astype(np.int32), indptr), shape=(matrix.shape[0], size)
        )

    def build(self, columns: np.ndarray | None = None) -> sp.csr_matrix:
        """The stacked matrix, with sorted indices.

        Parameters
        ----------
        columns
            Positions (in :attr:`terms`) of the columns to keep, in their new
            order; ``None`` keeps every column as it is.

        Returns
        -------
        scipy.sparse.csr_matrix
            Documents (in position order) × columns.
        """
        size = len(self._vocabulary)
        if columns is None:
            columns = np.arange(size)
        new_column = np.full(size, -1, dtype=np.int64)
        new_column[columns] = np.arange(len(columns))
        nnz = int(self.doc_freq[columns].sum())  # each (document, column) entry is counted once
        # int32 positions while they fit, so that scipy keeps int32 indices too
        index_dtype = np.int32 if nnz < np.iinfo(np.int32).max else np.int64
        data = np.empty(nnz, dtype=COUNT_DTYPE)
        indices = np.empty(nnz, dtype=index_dtype)
        indptr = [np.zeros(1, dtype=index_dtype)]
        filled = 0
        for position in sorted(self._pieces):
            piece = self._pieces.pop(position)
            kept_columns = new_column[piece.indices]
            kept = kept_columns >= 0
            count = int(kept.sum())
            data[filled : filled + count] = piece.data[kept]
            indices[filled : filled + count] = kept_columns[kept]
            row_ends = np.concatenate([[0], np.cumsum(kept)])[piece.indptr[1:]]
            indptr.append((row_ends + filled).astype(index_dtype))
            filled += count
        row_starts = np.concatenate(indptr)
        matrix = sp.csr_matrix(
            (data, indices, row_starts), shape=(len(row_starts) - 1, len(columns))
        )
        matrix.sort_indices()  # checks first: a no-op when the columns are in term order
        return matrix
