"""``CableVectorizer``: cable texts → document-term counts, as a scikit-learn transformer."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from cablestats.corpus.build import PhraseLearning, RunSettings, Texts, count_texts
from cablestats.corpus.parallel import resolve_n_jobs
from cablestats.corpus.phrases import phrase_table
from cablestats.corpus.stopwords import resolve_stopwords
from cablestats.corpus.vocabulary import check_pruning, select_terms

__all__ = ["CableVectorizer", "fitted_vectorizer"]


class CableVectorizer(TransformerMixin, BaseEstimator):
    """Count the terms of cable texts: scikit-learn's ``CountVectorizer`` made for cables.

    Tokenizing follows :mod:`cablestats.corpus.tokenizer` (capitals folded with
    ``US`` the country kept apart from ``us`` the pronoun, hyphenated words
    kept, numbers dropped), drops English and cable stopwords
    (:mod:`cablestats.corpus.stopwords`), joins learned phrases
    (:mod:`cablestats.corpus.phrases`) and prunes the vocabulary
    (:mod:`cablestats.corpus.vocabulary`).  Large inputs are counted in
    chunks by worker processes with bounded memory.

    Parameters
    ----------
    stopwords : list of str, optional
        The complete stopword list; ``None`` for English plus cable words.
    extra_stopwords : list of str, default ()
        Words added to the stopword list.
    numbers : bool, default False
        Keep terms that start with a digit (numbers, dates, reference numbers).
    phrases : bool, default True
        Learn phrases (``human_rights``) and count them as one term.
    phrase_min_count : int, default 5
        A phrase occurs at least this often in the sample it is learned from.
    phrase_threshold : float, default 0.5
        A phrase scores above this normalized PMI (from -1 to 1).
    phrase_sample : int, default 20_000
        Learn phrases from about this many documents, spread over the input.
    min_df, max_df : int or float, default 2 and 0.9
        Keep terms found in at least ``min_df`` and at most ``max_df``
        documents (an int counts documents, a float is a proportion).
    max_features : int or None, default 50_000
        Keep at most this many terms, the most frequent.
    n_jobs : int, optional
        Worker processes; ``None`` for every available core.
    chunk_size : int, default 500
        Documents per task sent to a worker.
    progress : bool, optional
        Show a progress bar (on stderr); ``None`` shows it in terminals and notebooks,
        not in scripts and CI.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Term → column, columns in alphabetical order of term.
    phrases_ : pandas.DataFrame
        The learned phrases: index ``phrase``; columns ``first``, ``second``,
        ``count`` (in the sample) and ``score``.  Empty when ``phrases=False``.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.decomposition import LatentDirichletAllocation
    >>> model = make_pipeline(CableVectorizer(), LatentDirichletAllocation(5))  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        stopwords: Iterable[str] | None = None,
        extra_stopwords: Iterable[str] = (),
        numbers: bool = False,
        phrases: bool = True,
        phrase_min_count: int = 5,
        phrase_threshold: float = 0.5,
        phrase_sample: int = 20_000,
        min_df: int | float = 2,
        max_df: int | float = 0.9,
        max_features: int | None = 50_000,
        n_jobs: int | None = None,
        chunk_size: int = 500,
        progress: bool | None = None,
    ) -> None:
        self.stopwords = stopwords
        self.extra_stopwords = extra_stopwords
        self.numbers = numbers
        self.phrases = phrases
        self.phrase_min_count = phrase_min_count
        self.phrase_threshold = phrase_threshold
        self.phrase_sample = phrase_sample
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.n_jobs = n_jobs
        self.chunk_size = chunk_size
        self.progress = progress

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags

    def _settings(self) -> RunSettings:
        """Validate the parameters (scikit-learn does it at fit, not in ``__init__``)."""
        check_pruning(self.min_df, self.max_df, self.max_features)
        for name in ("phrase_min_count", "phrase_sample", "chunk_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be an int >= 1, received {value!r}")
        if not -1.0 <= self.phrase_threshold < 1.0:
            raise ValueError(
                f"phrase_threshold must be a normalized PMI in [-1, 1), "
                f"received {self.phrase_threshold!r}"
            )
        return RunSettings(
            stopwords=resolve_stopwords(self.stopwords, self.extra_stopwords),
            numbers=bool(self.numbers),
            n_jobs=resolve_n_jobs(self.n_jobs),
            chunk_size=self.chunk_size,
            progress=self.progress,
        )

    def fit(self, raw_documents: Iterable[str | None], y: object = None) -> CableVectorizer:
        """Learn phrases and vocabulary from ``raw_documents``; returns ``self``."""
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Iterable[str | None], y: object = None) -> sp.csr_matrix:
        """Learn phrases and vocabulary and return the document-term counts.

        Returns
        -------
        scipy.sparse.csr_matrix
            Documents × terms (columns as in :meth:`get_feature_names_out`), ``int32`` counts.
        """
        settings = self._settings()
        learn = None
        if self.phrases:
            learn = PhraseLearning(self.phrase_min_count, self.phrase_threshold, self.phrase_sample)
        select = functools.partial(
            select_terms, min_df=self.min_df, max_df=self.max_df, max_features=self.max_features
        )
        counted = count_texts(_texts(raw_documents), settings, learn=learn, select=select)
        self.vocabulary_ = {term: column for column, term in enumerate(counted.terms)}
        self.phrases_ = phrase_table([], [], [], []) if counted.phrases is None else counted.phrases
        return counted.matrix

    def transform(self, raw_documents: Iterable[str | None]) -> sp.csr_matrix:
        """Count ``raw_documents`` on the learned vocabulary, merging the learned phrases.

        Returns
        -------
        scipy.sparse.csr_matrix
            Documents × terms, ``int32`` counts; terms outside the vocabulary are not counted.
        """
        check_is_fitted(self, ("vocabulary_", "phrases_"))
        counted = count_texts(
            _texts(raw_documents),
            self._settings(),
            phrases=self.phrases_,
            vocabulary=self.vocabulary_,
        )
        return counted.matrix

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The term of each column, as an ``object`` array of str."""
        check_is_fitted(self, "vocabulary_")
        return np.asarray(list(self.vocabulary_), dtype=object)


def fitted_vectorizer(
    params: dict[str, Any], phrases: pd.DataFrame, terms: Iterable[str]
) -> CableVectorizer:
    """A vectorizer in a fitted state, without fitting: for stores and pruned corpora.

    Parameters
    ----------
    params
        Parameters of :class:`CableVectorizer`.
    phrases
        The phrase table (``phrases_``).
    terms
        The vocabulary, in column order.
    """
    vectorizer = CableVectorizer(**params)
    vectorizer.phrases_ = phrases
    vectorizer.vocabulary_ = {term: column for column, term in enumerate(terms)}
    return vectorizer


def _texts(raw_documents: Iterable[str | None]) -> Texts:
    """The documents as a sliceable sequence; refuses a lone string (read letter by letter)."""
    if isinstance(raw_documents, str):
        raise ValueError(
            "expected an iterable of texts (a list or a Series of cable bodies), "
            "received a single string"
        )
    if isinstance(raw_documents, (pd.Series, np.ndarray, list)):
        return raw_documents
    return list(raw_documents)
