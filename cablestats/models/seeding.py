"""Seeded topics: named themes turned into a topic-word prior.

A seeded topic ``{"counterterrorism": ["terrorism", "aqim", ...]}`` takes the
first free topic slot and gets extra prior weight on its seed words.  The
weight is a pseudo-count proportional to how often the word occurs in the
corpus (``seed_weight`` × its count), as if that share of the word's tokens
had been seen in that topic before fitting: frequent and rare seed words are
steered alike, and no seed word is pushed far above what the data support.
The backend must let the prior shape the first update as well (gensim starts
from random topics otherwise), so that the seeded topic starts from its words
rather than from an arbitrary theme.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping, Sequence

import numpy as np

from cablestats.errors import CablestatsWarning

__all__ = ["SeedPrior", "seed_prior"]


@dataclasses.dataclass(frozen=True)
class SeedPrior:
    """A topic-word prior with named topics.

    Attributes
    ----------
    eta
        ``(n_topics, n_terms)`` Dirichlet prior on topic-word distributions.
    names
        Seed name of each seeded topic, in topic order: topic ``i`` is
        ``names[i]`` for ``i < len(names)``.
    missing
        Seed words absent from the vocabulary, per seed name.
    """

    eta: np.ndarray
    names: tuple[str, ...]
    missing: dict[str, tuple[str, ...]]


def seed_prior(
    seed_topics: Mapping[str, Sequence[str]],
    vocab: Sequence[str],
    term_counts: np.ndarray,
    n_topics: int,
    *,
    base: float,
    seed_weight: float,
) -> SeedPrior:
    """Build the topic-word prior that steers seeded topics towards their words.

    Parameters
    ----------
    seed_topics
        Topic name → seed words (terms of the corpus vocabulary).
    vocab
        Terms in column order of the count matrix.
    term_counts
        Corpus count of each term, in the same order.
    n_topics
        Number of topics; at least the number of seeded topics.
    base
        Symmetric prior weight given to every term in every topic.
    seed_weight
        Extra pseudo-count of a seed word in its topic, as a multiple of the
        word's corpus count.

    Returns
    -------
    SeedPrior

    Raises
    ------
    ValueError
        If ``seed_topics`` is malformed, names more topics than ``n_topics``,
        or a seeded topic has none of its words in the vocabulary.

    Warns
    -----
    CablestatsWarning
        Naming the seed words that are not in the vocabulary.
    """
    _check_seed_topics(seed_topics, n_topics)
    column = {term: i for i, term in enumerate(vocab)}
    eta = np.full((n_topics, len(vocab)), base, dtype=float)
    missing: dict[str, tuple[str, ...]] = {}
    for topic, (name, words) in enumerate(seed_topics.items()):
        absent = tuple(word for word in words if word not in column)
        present = [column[word] for word in words if word in column]
        if not present:
            raise ValueError(
                f"seed_topics[{name!r}]: none of the seed words {list(words)} is in the "
                "corpus vocabulary; check their spelling and the corpus' term filters"
            )
        if absent:
            missing[name] = absent
        eta[topic, present] += seed_weight * np.asarray(term_counts, dtype=float)[present]
    if missing:
        listed = "; ".join(f"{name}: {', '.join(words)}" for name, words in missing.items())
        warnings.warn(
            f"seed words not in the corpus vocabulary were ignored ({listed})",
            CablestatsWarning,
            stacklevel=3,
        )
    return SeedPrior(eta=eta, names=tuple(seed_topics), missing=missing)


def _check_seed_topics(seed_topics: Mapping[str, Sequence[str]], n_topics: int) -> None:
    if not isinstance(seed_topics, Mapping) or not seed_topics:
        raise ValueError(
            "seed_topics must be a non-empty mapping of topic name to a list of seed words, "
            f"received {seed_topics!r}"
        )
    for name, words in seed_topics.items():
        if not isinstance(name, str) or isinstance(words, str) or not words:
            raise ValueError(
                "seed_topics must map each topic name (str) to a non-empty list of words, "
                f"received {name!r}: {words!r}"
            )
    if len(seed_topics) > n_topics:
        raise ValueError(
            f"seed_topics names {len(seed_topics)} topics but n_topics={n_topics}; "
            "raise n_topics or seed fewer topics"
        )
