"""Choosing the number of topics: coherence and held-out perplexity over a range of k.

The cables are split once at random into a training part and a held-out
part.  A model is fitted on the training part for every k; its coherence is
measured on the training part and its perplexity on the held-out part by
document completion (:mod:`cablestats.models.perplexity`).  Coherent topics
and low perplexity do not always agree: the table shows both.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from cablestats.models._params import check_int, invalid
from cablestats.models.topic_model import TopicModel
from cablestats.progress import show_progress, tqdm

__all__ = ["TopicSelection", "select_n_topics"]


@dataclasses.dataclass(frozen=True)
class TopicSelection:
    """Coherence and perplexity of models with different numbers of topics.

    Attributes
    ----------
    table
        Columns ``k``, ``coherence`` (mean over topics), ``perplexity``
        (held-out), one row per k in increasing order.
    measure
        Coherence measure used (``"c_npmi"``, ``"c_v"`` or ``"u_mass"``).
    """

    table: pd.DataFrame
    measure: str

    @property
    def best_k(self) -> int:
        """The k with the most coherent topics."""
        return int(self.table.loc[self.table["coherence"].idxmax(), "k"])

    def plot(self, ax: Axes | None = None) -> Axes:
        """Coherence (left axis) and held-out perplexity (right axis) against k.

        Returns
        -------
        matplotlib.axes.Axes
            The coherence axes; the perplexity axes is its twin.
        """
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots()
        ax.plot(self.table["k"], self.table["coherence"], marker="o", color="C0")
        ax.set_xlabel("number of topics (k)")
        ax.set_ylabel(f"mean coherence ({self.measure})", color="C0")
        twin = ax.twinx()
        twin.plot(self.table["k"], self.table["perplexity"], marker="s", color="C1")
        twin.set_ylabel("held-out perplexity", color="C1")
        ax.set_title("Choosing the number of topics")
        return ax

    def __repr__(self) -> str:
        ks = ", ".join(map(str, self.table["k"]))
        return f"<TopicSelection k in [{ks}], most coherent at k={self.best_k} ({self.measure})>"

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(repr(self))}</p>" + self.table.to_html(index=False)


def select_n_topics(
    corpus: Any,
    ks: Iterable[int] = (5, 10, 15, 20, 30),
    *,
    measure: str = "c_npmi",
    holdout: float = 0.2,
    random_state: int = 0,
    progress: bool | None = None,
    **model_options: Any,
) -> TopicSelection:
    """Fit one model per number of topics and tabulate coherence and perplexity.

    Parameters
    ----------
    corpus
        A :class:`cablestats.Corpus`.
    ks
        Numbers of topics to try.
    measure
        Coherence measure, as in :meth:`TopicModel.coherence`.
    holdout
        Share of cables held out for perplexity.
    random_state
        Seed of the split and of every model.
    progress
        Show a progress bar over ks (``None``: when writing to a terminal).
    **model_options
        Passed to :class:`TopicModel` (``backend``, ``alpha``, ``passes`` …).

    Returns
    -------
    TopicSelection
        ``.table`` (columns ``k``, ``coherence``, ``perplexity``) and ``.plot()``.
    """
    ks = sorted({check_int("ks", k, minimum=2) for k in ks})
    if not ks:
        raise invalid("ks", "a non-empty list of numbers of topics", ks)
    if not 0 < holdout < 1:
        raise invalid("holdout", "a share between 0 and 1", holdout)
    n_cables = len(corpus.meta)
    rng = np.random.default_rng(check_int("random_state", random_state, minimum=0))
    held = np.zeros(n_cables, dtype=bool)
    held[rng.permutation(n_cables)[: max(1, round(holdout * n_cables))]] = True
    train, test = corpus[~held], corpus[held]
    rows = []
    for k in tqdm(ks, desc="choosing k", unit="model", disable=not show_progress(progress)):
        model = TopicModel(n_topics=k, random_state=random_state, **model_options)
        model.fit(train, progress=False)
        rows.append(
            {
                "k": k,
                "coherence": model.coherence(measure).mean,
                "perplexity": model.perplexity(test),
            }
        )
    return TopicSelection(table=pd.DataFrame(rows), measure=measure)
