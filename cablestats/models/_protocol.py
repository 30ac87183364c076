"""The small protocol every topic-model backend implements.

The :class:`~cablestats.models.TopicModel` facade owns everything a user sees
(labels, tidy frames, diagnostics, prevalence, storage layout); a backend only
fits a count matrix and infers topic shares.  Backends receive their settings
already validated, under cablestats' names, and translate them to their
library's names (``n_topics`` → ``num_topics`` / ``n_components``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, Self

import numpy as np
from scipy import sparse

__all__ = ["FitSettings", "ProgressCallback", "TopicBackend"]

#: Called with the number of documents just processed, so that the facade can
#: move one progress bar whatever library does the work.
ProgressCallback = Callable[[int], None]


@dataclasses.dataclass(frozen=True)
class FitSettings:
    """Validated fitting settings, in cablestats' vocabulary.

    Attributes
    ----------
    n_topics
        Number of topics.
    alpha
        Document-topic prior: ``"auto"`` (learned by backends that can, else
        the backend's default ``1 / n_topics``), ``"symmetric"``,
        ``"asymmetric"``, a positive float, or one positive float per topic.
    eta
        Topic-word prior: ``None`` (``1 / n_topics``), a positive float, or a
        ``(n_topics, n_terms)`` matrix (seeded topics).
    passes
        Sweeps over the corpus.
    chunksize
        Documents per online update.
    workers
        Worker processes; 1 keeps fitting deterministic.
    random_state
        Seed of the backend's random number generator.
    """

    n_topics: int
    alpha: str | float | tuple[float, ...]
    eta: float | np.ndarray | None
    passes: int
    chunksize: int
    workers: int
    random_state: int


class TopicBackend(Protocol):
    """What the facade needs from a topic-model library."""

    #: Name users pass as ``backend=``.
    name: str

    def fit(self, dtm: sparse.csr_matrix, progress: ProgressCallback) -> None:
        """Fit on a cables × terms count matrix, calling ``progress`` as documents are seen."""

    def topic_word(self) -> np.ndarray:
        """Topic-word distributions, ``(n_topics, n_terms)``, rows summing to one."""

    def transform(self, dtm: sparse.csr_matrix) -> np.ndarray:
        """Topic shares of each row of ``dtm``, ``(n_cables, n_topics)``, rows summing to one."""

    def save(self, directory: Path) -> None:
        """Write the fitted library model into an existing ``directory``."""

    @classmethod
    def load(cls, directory: Path, settings: FitSettings) -> Self:
        """Read a model written by :meth:`save`."""
