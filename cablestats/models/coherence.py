"""Topic coherence measured with gensim's ``CoherenceModel`` on the corpus itself.

The corpus keeps bags of words, not word order, so co-occurrence is counted
within whole cables: for ``c_npmi`` and ``c_v`` every cable is one window
(the window is made longer than any cable), and ``u_mass`` uses document
co-occurrence by definition.  Only the columns of the terms being scored are
read, which keeps this fast on large archives.

Counted within whole cables, words found in nearly every cable (``the``,
``of``) always co-occur and score near the top of the NPMI scale; compare
models on corpora without stopwords (the default :class:`~cablestats.Corpus`),
or with gensim's sliding windows over running text, as
``benchmarks/topics.py`` does.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary
from gensim.models import CoherenceModel
from scipy import sparse

from cablestats.models._gensim import csr_to_bow
from cablestats.models._params import check_choice

__all__ = ["MEASURES", "TopicCoherence", "topic_coherence"]

#: Coherence measures offered, as gensim names them.
MEASURES = ("c_npmi", "c_v", "u_mass")


@dataclasses.dataclass(frozen=True)
class TopicCoherence:
    """Coherence of each topic and their mean.

    Attributes
    ----------
    measure
        ``"c_npmi"`` (−1 to 1), ``"c_v"`` (0 to 1) or ``"u_mass"`` (≤ 0);
        higher is more coherent for all three.
    per_topic
        Series indexed by ``topic`` (labels), one value per topic.
    """

    measure: str
    per_topic: pd.Series

    @property
    def mean(self) -> float:
        """Mean coherence over topics."""
        return float(self.per_topic.mean())

    def to_frame(self) -> pd.DataFrame:
        """Columns ``topic``, ``measure``, ``coherence``, one row per topic."""
        frame = self.per_topic.rename("coherence").reset_index()
        frame.insert(1, "measure", self.measure)
        return frame

    def __repr__(self) -> str:
        return (
            f"<TopicCoherence {self.measure}: mean {self.mean:.3f} "
            f"over {len(self.per_topic)} topics>"
        )

    def _repr_html_(self) -> str:
        caption = html.escape(f"{self.measure}: mean {self.mean:.3f}")
        return f"<p>{caption}</p>" + self.per_topic.to_frame("coherence").to_html()


def topic_coherence(
    top_terms: Sequence[Sequence[str]],
    dtm: sparse.csr_matrix,
    vocab: Sequence[str],
    measure: str = "c_npmi",
) -> np.ndarray:
    """Coherence of each topic's top terms against a cables × terms count matrix.

    Parameters
    ----------
    top_terms
        One list of terms per topic, most probable first, all of equal length.
    dtm
        Cables × terms counts, columns in the order of ``vocab``.
    vocab
        Terms in column order.
    measure
        One of :data:`MEASURES`.

    Returns
    -------
    numpy.ndarray
        One coherence value per topic.
    """
    check_choice("measure", measure, MEASURES)
    column = {term: i for i, term in enumerate(vocab)}
    relevant = sorted({column[term] for terms in top_terms for term in terms})
    sub = sparse.csr_matrix(dtm)[:, relevant]
    dictionary = Dictionary()
    dictionary.token2id = {vocab[col]: i for i, col in enumerate(relevant)}
    options = {
        "topics": [list(terms) for terms in top_terms],
        "dictionary": dictionary,
        "coherence": measure,
        "topn": len(top_terms[0]),
        "processes": 1,
    }
    if measure == "u_mass":
        options["corpus"] = list(csr_to_bow(sub))
    else:
        names = np.asarray([vocab[col] for col in relevant], dtype=object)
        texts = [
            names[sub.indices[lo:hi]].tolist()
            for lo, hi in zip(sub.indptr[:-1], sub.indptr[1:], strict=True)
        ]
        options["texts"] = texts
        options["window_size"] = max(1, max(map(len, texts), default=1))
    return np.asarray(CoherenceModel(**options).get_coherence_per_topic(), dtype=float)
