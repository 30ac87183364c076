"""scikit-learn adapter: ``LatentDirichletAllocation`` with online updates.

The corpus is fed chunk by chunk through ``partial_fit``, which is what
``fit(learning_method="online")`` does internally, so that progress can be
reported.  The learning-rate schedule (offset 1, decay 0.5) is gensim's, so the
two backends run the same online variational Bayes algorithm.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Self

import numpy as np
from scipy import sparse
from sklearn.decomposition import LatentDirichletAllocation

from cablestats.models._protocol import FitSettings, ProgressCallback

__all__ = ["SklearnBackend"]

_MODEL_FILE = "sklearn_lda.pkl"


class SklearnBackend:
    """Fit and apply scikit-learn's LDA; settings arrive already validated.

    Raises
    ------
    ValueError
        For priors scikit-learn cannot express: an asymmetric ``alpha`` or a
        per-topic topic-word prior (``seed_topics``); its priors are scalars.
    """

    name = "sklearn"

    def __init__(self, settings: FitSettings) -> None:
        if isinstance(settings.eta, np.ndarray):
            raise ValueError(
                "seed_topics needs a per-topic topic-word prior, but scikit-learn's "
                "topic_word_prior is a single number; use backend='gensim' for seeded topics"
            )
        if settings.alpha == "asymmetric" or isinstance(settings.alpha, tuple):
            raise ValueError(
                "alpha must be 'auto', 'symmetric' or a float with backend='sklearn' "
                f"(its doc_topic_prior is a single number), received {settings.alpha!r}; "
                "use backend='gensim' for an asymmetric alpha"
            )
        self.settings = settings
        self.model_: LatentDirichletAllocation | None = None

    def _estimator(self, n_docs: int) -> LatentDirichletAllocation:
        s = self.settings
        return LatentDirichletAllocation(
            n_components=s.n_topics,
            # scikit-learn does not learn alpha: "auto" means its default, 1 / n_topics.
            doc_topic_prior=s.alpha if isinstance(s.alpha, float) else None,
            topic_word_prior=s.eta,
            learning_method="online",
            learning_offset=1.0,
            learning_decay=0.5,
            batch_size=s.chunksize,
            total_samples=n_docs,
            n_jobs=None if s.workers == 1 else s.workers,
            random_state=s.random_state,
        )

    def fit(self, dtm: sparse.csr_matrix, progress: ProgressCallback) -> None:
        n_docs = dtm.shape[0]
        self.model_ = self._estimator(n_docs)
        for _ in range(self.settings.passes):
            for start in range(0, n_docs, self.settings.chunksize):
                chunk = dtm[start : start + self.settings.chunksize]
                self.model_.partial_fit(chunk)
                progress(chunk.shape[0])

    def topic_word(self) -> np.ndarray:
        components = self.model_.components_
        return components / components.sum(axis=1, keepdims=True)

    def transform(self, dtm: sparse.csr_matrix) -> np.ndarray:
        if dtm.shape[0] == 0:
            return np.empty((0, self.settings.n_topics))
        return self.model_.transform(dtm)

    def save(self, directory: Path) -> None:
        with open(directory / _MODEL_FILE, "wb") as handle:
            pickle.dump(self.model_, handle, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, directory: Path, settings: FitSettings) -> Self:
        backend = cls(settings)
        with open(directory / _MODEL_FILE, "rb") as handle:
            backend.model_ = pickle.load(handle)
        return backend
