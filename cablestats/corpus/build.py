"""The counting run: texts → chunks in worker processes → one document-term matrix.

A run cuts the texts into chunks of ``chunk_size`` documents.  When phrases
are to be learned, a sample of chunks spread evenly over the archive is
tokenized first, the phrases are learned from it, and those chunks are counted
in this process; every other chunk is then tokenized, merged and counted in a
worker.  Results are stacked in document order, so the matrix is the same for
any number of workers.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from cablestats.corpus.matrix import CountChunk, MatrixBuilder, count_chunk
from cablestats.corpus.parallel import WorkerPool
from cablestats.corpus.phrases import learn_phrases, merge_phrases
from cablestats.corpus.tokenizer import TokenChunk, tokenize_chunk

# one policy for progress bars across stages (terminals and notebooks, not scripts and CI)
from cablestats.progress import show_progress, tqdm

__all__ = ["ColumnSelector", "Counted", "PhraseLearning", "RunSettings", "count_texts"]


@dataclasses.dataclass(frozen=True)
class RunSettings:
    """How to tokenize and how to run (sent to every worker with its chunk)."""

    stopwords: frozenset[str]
    numbers: bool = False
    n_jobs: int = 1
    chunk_size: int = 500
    progress: bool | None = None


@dataclasses.dataclass(frozen=True)
class PhraseLearning:
    """The ``min_count`` and ``threshold`` of :func:`learn_phrases`, and the sample size."""

    min_count: int
    threshold: float
    sample: int


#: Documents: a list, a numpy array or a pandas Series (not copied whole into a list,
#: which would turn an Arrow-backed column into Python strings all at once).
Texts = Sequence[str | None] | pd.Series | np.ndarray

Phrases = pd.DataFrame | None

#: Chooses the columns to keep from the statistics of all columns:
#: ``select(terms, doc_freq, totals, n_documents) -> positions`` (see ``select_terms``).
ColumnSelector = Callable[[np.ndarray, np.ndarray, np.ndarray, int], np.ndarray]


@dataclasses.dataclass(frozen=True)
class Counted:
    """The result of a run: matrix (documents × terms), its column terms, the phrases used."""

    matrix: sp.csr_matrix
    terms: np.ndarray
    phrases: pd.DataFrame | None


def _tokenize(texts: Sequence[str | None], settings: RunSettings) -> TokenChunk:
    return tokenize_chunk(texts, settings.stopwords, settings.numbers)


def _count(
    item: TokenChunk | Sequence[str | None], settings: RunSettings, phrases: Phrases
) -> CountChunk:
    """Count a chunk of texts, or of documents tokenized already (the phrase sample)."""
    chunk = item if isinstance(item, TokenChunk) else _tokenize(item, settings)
    if phrases is not None and len(phrases):
        chunk = merge_phrases(chunk, phrases, settings.stopwords)
    return count_chunk(chunk)


def _slice(texts: Texts, start: int, stop: int) -> list[str | None]:
    """Documents ``start:stop`` as a list; a Series is converted one chunk at a time."""
    part = texts.iloc[start:stop] if isinstance(texts, pd.Series) else texts[start:stop]
    return part.tolist() if isinstance(part, (pd.Series, np.ndarray)) else list(part)


def sample_positions(n_chunks: int, n_sample: int) -> list[int]:
    """``n_sample`` chunk positions spread evenly over ``0 .. n_chunks - 1``."""
    if n_sample >= n_chunks:
        return list(range(n_chunks))
    return sorted({round(x) for x in np.linspace(0, n_chunks - 1, n_sample)})


def count_texts(
    texts: Texts,
    settings: RunSettings,
    *,
    learn: PhraseLearning | None = None,
    phrases: pd.DataFrame | None = None,
    vocabulary: Mapping[str, int] | None = None,
    select: ColumnSelector | None = None,
) -> Counted:
    """Count the terms of ``texts``.

    Parameters
    ----------
    texts
        Documents; ``None`` counts as empty.
    settings
        Tokenizer and run settings.
    learn
        Learn phrases first, from a sample of the texts.
    phrases
        Phrases to merge (ignored when ``learn`` is given).
    vocabulary
        A fixed term → column mapping (transforming); ``None`` to collect the
        vocabulary of the texts (fitting).
    select
        Chooses the columns of the result, from the counts of every term
        (pruning); ``None`` keeps all, in vocabulary order.

    Returns
    -------
    Counted
    """
    size = settings.chunk_size
    bounds = [(start, min(start + size, len(texts))) for start in range(0, len(texts), size)]
    builder = MatrixBuilder(vocabulary)
    tokenized: dict[int, TokenChunk] = {}
    n_jobs = settings.n_jobs if len(bounds) > 1 else 1
    show = show_progress(settings.progress)
    with (
        WorkerPool(n_jobs) as pool,
        tqdm(total=len(texts), unit="cable", desc="Counting terms", disable=not show) as bar,
    ):
        if learn is not None:
            bar.set_description("Learning phrases")
            sample = sample_positions(len(bounds), math.ceil(learn.sample / size))
            tasks = ((_slice(texts, *bounds[position]), settings) for position in sample)
            tokenized = dict(zip(sample, pool.imap(_tokenize, tasks), strict=True))
            phrases = learn_phrases(
                list(tokenized.values()), min_count=learn.min_count, threshold=learn.threshold
            )
            bar.set_description("Counting terms")

        def task(position: int) -> tuple[TokenChunk | list[str | None], RunSettings, Phrases]:
            # the sample chunks go back to the workers tokenized, the others as text
            item = tokenized.pop(position, None) or _slice(texts, *bounds[position])
            return item, settings, phrases

        counted = pool.imap(_count, map(task, range(len(bounds))))
        for position, counts in enumerate(counted):
            builder.add(position, counts)
            bar.update(counts.matrix.shape[0])
    terms = builder.terms
    columns = None
    if select is not None:
        columns = select(terms, builder.doc_freq, builder.totals, len(texts))
        terms = terms[columns]
    return Counted(matrix=builder.build(columns), terms=terms, phrases=phrases)
