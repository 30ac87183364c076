"""``Theme``: a subject defined by TAGS and a term lexicon, and which cables belong to it.

A cable's theme score is built from three pieces of evidence:

* ``tag``: 1 when the cable carries one of the theme's TAGS, else 0;
* ``lexicon``: ``min(1, n_terms / saturation)``, where ``n_terms`` is the
  number of *distinct* theme terms the cable mentions (distinct, so that one
  word repeated does not make a theme);
* ``context``: ``min(1, n_context / saturation)`` for the context terms
  (partnership language for counterterrorism partnerships); 1 when the
  theme has no context terms.

``score = max(tag, lexicon) * context``, between 0 and 1.  A cable belongs
to the theme when ``score >= min_score``.  With the defaults
(``saturation=2``, ``min_score=0.25``) one theme term or tag together with
one context term is enough; a tagged cable with two context terms scores 1.
TAGS are the senders' own classification and count as full evidence; terms
catch cables whose TAGS are missing or broad.  Theme terms that the corpus
vocabulary lacks contribute nothing (:meth:`Theme.missing_terms` lists them).
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable

import numpy as np
import pandas as pd

from cablestats.corpus import Corpus
from cablestats.corpus.select import tags_mask
from cablestats.themes.prevalence import theme_prevalence
from cablestats.trends._terms import normalize_term, presence

__all__ = ["MEMBER_COLUMNS", "Theme"]

#: Columns of :meth:`Theme.scores` and :meth:`Theme.members` (index ``reference_id``).
MEMBER_COLUMNS: tuple[str, ...] = ("score", "via_tags", "via_terms", "n_terms", "n_context")


def _strings(value: Iterable[str] | str, name: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value)
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise TypeError(f"{name} takes a list of non-empty strings, received {value!r}")
    return tuple(items)


@dataclasses.dataclass(frozen=True)
class Theme:
    """A theme: TAGS and a lexicon, optionally qualified by context terms.

    Parameters
    ----------
    name
        The theme's name, used as its label in results.
    tags
        TAGS codes (``PTER``); any case, stored upper case.
    terms
        The theme's lexicon; phrases may be written with spaces
        (``"al qaeda"``), stored as the corpus spells them (``al_qaeda``).
    context_terms
        Terms that must also appear (see the module notes); empty for none.
    min_score
        Lowest score of a member, in (0, 1].
    saturation
        Distinct terms that make full lexicon (and context) evidence.
    description
        Free text for reports.
    """

    name: str
    tags: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    context_terms: tuple[str, ...] = ()
    min_score: float = 0.25
    saturation: int = 2
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"a theme needs a non-empty name, received {self.name!r}")
        set_ = object.__setattr__  # frozen: normalise once, here
        set_(
            self,
            "tags",
            tuple(dict.fromkeys(t.strip().upper() for t in _strings(self.tags, "tags"))),
        )
        for field in ("terms", "context_terms"):
            values = _strings(getattr(self, field), field)
            set_(self, field, tuple(dict.fromkeys(map(normalize_term, values))))
        if not self.tags and not self.terms:
            raise ValueError(f"theme {self.name!r} needs tags or terms to find its cables")
        if not 0 < self.min_score <= 1:
            raise ValueError(f"min_score must be in (0, 1], received {self.min_score!r}")
        if (
            isinstance(self.saturation, bool)
            or not isinstance(self.saturation, int)
            or self.saturation < 1
        ):
            raise ValueError(f"saturation must be a positive integer, received {self.saturation!r}")

    def __repr__(self) -> str:
        return (
            f"<Theme {self.name!r}: {len(self.tags)} tags, {len(self.terms)} terms, "
            f"{len(self.context_terms)} context terms, min_score={self.min_score}>"
        )

    def _repr_html_(self) -> str:
        rows = [
            ("tags", ", ".join(self.tags)),
            ("terms", ", ".join(self.terms)),
            ("context terms", ", ".join(self.context_terms)),
            ("min_score", str(self.min_score)),
        ]
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(key)}</th>"
            f"<td style='text-align:left'>{html.escape(value)}</td></tr>"
            for key, value in rows
            if value
        )
        return f"<table><caption>Theme: {html.escape(self.name)}</caption>{body}</table>"

    def missing_terms(self, corpus: Corpus) -> list[str]:
        """Theme and context terms that are not in the corpus vocabulary."""
        vocab = set(corpus.vocab)
        return [t for t in dict.fromkeys(self.terms + self.context_terms) if t not in vocab]

    def _distinct(self, corpus: Corpus, terms: tuple[str, ...]) -> np.ndarray:
        """How many of ``terms`` each cable mentions."""
        columns = corpus.vocab.get_indexer(terms)
        columns = columns[columns >= 0]
        return np.asarray(presence(corpus.dtm, columns).sum(axis=1)).ravel().astype(np.int64)

    def scores(self, corpus: Corpus) -> pd.DataFrame:
        """The evidence and score of every cable (see the module notes).

        Returns
        -------
        pandas.DataFrame
            Index ``reference_id`` (all cables of ``corpus``); columns ``score``
            (float in [0, 1]), ``via_tags`` (carries a theme tag), ``via_terms``
            (mentions a theme term), ``n_terms`` and ``n_context`` (distinct
            theme and context terms mentioned).
        """
        tagged = tags_mask(corpus.meta, self.tags) if self.tags else np.zeros(len(corpus), bool)
        n_terms = self._distinct(corpus, self.terms)
        n_context = self._distinct(corpus, self.context_terms)
        core = np.maximum(tagged.astype(float), np.minimum(1.0, n_terms / self.saturation))
        context = (
            np.minimum(1.0, n_context / self.saturation)
            if self.context_terms
            else np.ones(len(corpus))
        )
        return pd.DataFrame(
            {
                "score": core * context,
                "via_tags": tagged,
                "via_terms": n_terms > 0,
                "n_terms": n_terms,
                "n_context": n_context,
            },
            index=corpus.meta.index.rename("reference_id"),
        )

    def membership(self, corpus: Corpus) -> np.ndarray:
        """Boolean mask of the cables that belong to the theme, in corpus order."""
        return (self.scores(corpus)["score"] >= self.min_score).to_numpy()

    def members(self, corpus: Corpus) -> pd.DataFrame:
        """The cables that belong to the theme, best first.

        Returns
        -------
        pandas.DataFrame
            Index ``reference_id``; columns :data:`MEMBER_COLUMNS` as in
            :meth:`scores`; only cables with ``score >= min_score``, sorted by
            score (descending) then reference id.  Empty (same columns) when
            no cable belongs.
        """
        scores = self.scores(corpus)
        members = scores[scores["score"] >= self.min_score].sort_index()
        return members.sort_values("score", ascending=False, kind="stable")

    def prevalence(
        self, corpus: Corpus, freq: str = "Q", by: str | None = None, *, alpha: float = 0.05
    ) -> pd.DataFrame:
        """Share of cables that belong to the theme, per period (and group).

        The same as :func:`~cablestats.themes.theme_prevalence` for this theme
        alone: columns ``period``, ``group``, ``theme``, ``cables``,
        ``exposure``, ``rate``, ``lo``, ``hi``.
        """
        return theme_prevalence(corpus, self, freq, by, alpha=alpha)
