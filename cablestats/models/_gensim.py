"""gensim adapter: online variational Bayes LDA (``LdaModel`` / ``LdaMulticore``).

``LdaMulticore`` cannot learn ``alpha`` and gains nothing with one worker, so
it is used only when ``alpha`` is fixed and more than one worker is asked
for; otherwise ``LdaModel`` runs, which also keeps results reproducible.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Self

import numpy as np
from gensim.matutils import dirichlet_expectation
from gensim.models import LdaModel, LdaMulticore
from scipy import sparse

from cablestats.models._protocol import FitSettings, ProgressCallback

__all__ = ["GensimBackend", "csr_to_bow"]

_MODEL_FILE = "gensim_lda"


def csr_to_bow(dtm: sparse.csr_matrix, start: int = 0, stop: int | None = None) -> Iterator[list]:
    """Rows ``start:stop`` of a count matrix as gensim bag-of-words lists ``[(term_id, count)]``."""
    stop = dtm.shape[0] if stop is None else stop
    indptr, indices, data = dtm.indptr, dtm.indices, dtm.data
    for row in range(start, stop):
        lo, hi = indptr[row], indptr[row + 1]
        yield list(zip(indices[lo:hi].tolist(), data[lo:hi].tolist(), strict=True))


class _ProgressBow:
    """A re-iterable gensim corpus over a count matrix that reports each document it yields."""

    def __init__(self, dtm: sparse.csr_matrix, progress: ProgressCallback) -> None:
        self.dtm = dtm
        self.progress = progress

    def __len__(self) -> int:
        return self.dtm.shape[0]

    def __iter__(self) -> Iterator[list]:
        for bow in csr_to_bow(self.dtm):
            yield bow
            self.progress(1)


class GensimBackend:
    """Fit and apply gensim's LDA; settings arrive already validated."""

    name = "gensim"

    def __init__(self, settings: FitSettings) -> None:
        self.settings = settings
        self.model_: LdaModel | None = None

    def fit(self, dtm: sparse.csr_matrix, progress: ProgressCallback) -> None:
        s = self.settings
        alpha = np.asarray(s.alpha, dtype=float) if isinstance(s.alpha, tuple) else s.alpha
        options = {
            "num_topics": s.n_topics,
            # gensim sizes its matrices from the largest id it is given.
            "id2word": {term_id: str(term_id) for term_id in range(dtm.shape[1])},
            "chunksize": s.chunksize,
            "passes": s.passes,
            "alpha": alpha,
            "eta": s.eta,
            "eval_every": None,  # a perplexity estimate every few chunks costs a pass
            "random_state": s.random_state,
        }
        if s.alpha == "auto" or s.workers == 1:
            model = LdaModel(**options)
        else:
            model = LdaMulticore(workers=s.workers, **options)
        if isinstance(s.eta, np.ndarray):
            # gensim's first E-step uses random topics without the prior; a seeded
            # prior must shape it too, or seeded topics start as arbitrary ones.
            model.expElogbeta = np.exp(dirichlet_expectation(model.state.get_lambda()))
        model.update(_ProgressBow(dtm, progress))
        self.model_ = model

    def topic_word(self) -> np.ndarray:
        return self.model_.get_topics().astype(float)

    def transform(self, dtm: sparse.csr_matrix) -> np.ndarray:
        # Inference starts from random document-topic values: a fresh generator
        # with the model's seed makes the same cables give the same shares.
        self.model_.random_state = np.random.RandomState(self.settings.random_state)
        chunksize = self.settings.chunksize
        gammas = [
            self.model_.inference(
                list(csr_to_bow(dtm, start, min(start + chunksize, dtm.shape[0])))
            )[0]
            for start in range(0, dtm.shape[0], chunksize)
        ]
        gamma = np.vstack(gammas) if gammas else np.empty((0, self.settings.n_topics))
        return gamma / gamma.sum(axis=1, keepdims=True)

    def save(self, directory: Path) -> None:
        self.model_.save(str(directory / _MODEL_FILE))

    @classmethod
    def load(cls, directory: Path, settings: FitSettings) -> Self:
        backend = cls(settings)
        backend.model_ = LdaModel.load(str(directory / _MODEL_FILE))
        return backend
