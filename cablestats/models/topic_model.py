"""The :class:`TopicModel` facade: one result API whichever library fits the model.

Backends (:mod:`cablestats.models._gensim`, :mod:`cablestats.models._sklearn`)
only fit counts and infer topic shares.  Everything users see is written here
once: parameter checks, seeded topics, labels, tidy frames, diagnostics,
prevalence, effects, storage and reprs.
"""

from __future__ import annotations

import dataclasses
import html
import math
import os
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Self

import numpy as np
import pandas as pd
from scipy import sparse

from cablestats.corpus.vocabulary import check_pruning, document_limit
from cablestats.errors import CablestatsWarning, StoreError
from cablestats.models import _store
from cablestats.models._gensim import GensimBackend
from cablestats.models._params import (
    check_choice,
    check_int,
    check_positive_number,
    invalid,
)
from cablestats.models._protocol import FitSettings, TopicBackend
from cablestats.models._sklearn import SklearnBackend
from cablestats.models.coherence import MEASURES, TopicCoherence, topic_coherence
from cablestats.models.effects import design_matrix, estimate_effects, frequent_tags
from cablestats.models.perplexity import completion_perplexity
from cablestats.models.prevalence import bootstrap_prevalence, cable_groups, cable_periods
from cablestats.models.seeding import seed_prior
from cablestats.progress import show_progress, tqdm

__all__ = ["BACKENDS", "TopicModel"]

#: Backend name → adapter class.
BACKENDS: dict[str, type[TopicBackend]] = {"gensim": GensimBackend, "sklearn": SklearnBackend}

#: Named document-topic priors (a number or one number per topic also works).
ALPHAS = ("auto", "symmetric", "asymmetric")

#: With ``passes=None``, about this many cable visits in all, within
#: ``_PASSES_RANGE`` sweeps: small archives get many sweeps, the full
#: Cablegate archive a few (online updates converge within a pass there).
_AUTO_VISITS = 1_000_000
_PASSES_RANGE = (2, 20)

#: Metadata of the training cables kept with the model (when the corpus has them).
_CABLE_COLUMNS = ("created", "origin", "classification", "subject", "tags")

#: Terms joined into the label of an unseeded topic.
_LABEL_TERMS = 3


class TopicModel:
    """Latent Dirichlet allocation over a cable corpus, with gensim or scikit-learn.

    ``__init__`` only stores its arguments; they are checked by :meth:`fit`.
    Learned state lives in attributes ending in ``_``.

    Parameters
    ----------
    n_topics
        Number of topics.
    backend
        ``"gensim"`` (``LdaModel``, or ``LdaMulticore`` with a fixed ``alpha``
        and ``workers`` > 1) or ``"sklearn"`` (``LatentDirichletAllocation``).
    seed_topics
        Topic name → seed words, e.g. ``{"counterterrorism": ["terrorism",
        "aqim"]}``.  Seeded topics come first, carry their names as labels and
        get prior weight on their words (gensim only: scikit-learn's
        topic-word prior is a single number).
    alpha
        Document-topic prior: ``"auto"`` (learned from the data by gensim;
        scikit-learn's default ``1 / n_topics``), ``"symmetric"``,
        ``"asymmetric"`` (gensim), a positive number, or one per topic (gensim).
    random_state
        Seed: the same seed, corpus and settings give the same topics.
    eta
        Symmetric topic-word prior; ``None`` for ``1 / n_topics``.
    passes
        Sweeps over the corpus; ``None`` picks from the corpus size (20 for a
        thousand cables, 4 for the 250,000 of Cablegate).
    chunksize
        Cables per online update.
    workers
        Worker processes; ``None`` for all cores but one.  Results are
        reproducible with one worker.
    seed_weight
        Prior pseudo-count of a seed word in its topic, as a multiple of the
        word's count in the corpus (0.1: as if a tenth of its occurrences had
        been seen in that topic beforehand).  Larger weights pull seeded topics
        onto their seed words alone.
    max_df
        Fit only the corpus terms found in at most this many cables (an int)
        or this proportion of them (a float in (0, 1]; 1.0 fits every term),
        and the seed words whatever their frequency.  Words of office prose
        that most cables share (``embassy``, ``meeting``, ``government``)
        otherwise take a large part of every topic and blur topics into one
        another; a corpus keeps them for keyword trends, so the model leaves
        them out at fit time instead of asking for a pruned corpus.  Results
        stay labelled by the corpus' terms: the left-out terms have zero
        weight in every topic.

    Attributes
    ----------
    topic_word_
        ``(n_topics, n_terms)`` topic-word distributions over the corpus'
        terms; zero outside ``columns_``.
    doc_topic_
        ``(n_cables, n_topics)`` topic shares of the training cables.
    vocab_
        The corpus' terms in column order (corpora given to
        :meth:`transform`, :meth:`coherence` and :meth:`perplexity` must have
        the same).
    columns_
        Column numbers (ascending) of the terms the topics were fitted on:
        those within ``max_df``, and the seed words.
    labels_
        Topic labels in topic order.
    seeded_
        Names of the seeded topics (the first ``len(seeded_)`` topics).
    cables_
        Metadata of the training cables, index ``reference_id``.
    settings_
        The validated settings the backend was fitted with.
    backend_
        The fitted backend adapter (its library model is ``backend_.model_``).

    Examples
    --------
    >>> model = TopicModel(n_topics=20).fit(corpus)       # doctest: +SKIP
    >>> model.topics(n=10)                                # doctest: +SKIP
    >>> model.prevalence(freq="Q", by="region")           # doctest: +SKIP
    """

    def __init__(
        self,
        n_topics: int = 20,
        backend: str = "gensim",
        seed_topics: Mapping[str, Sequence[str]] | None = None,
        alpha: str | float | Sequence[float] = "auto",
        random_state: int = 0,
        *,
        eta: float | None = None,
        passes: int | None = None,
        chunksize: int = 2000,
        workers: int | None = None,
        seed_weight: float = 0.1,
        max_df: int | float = 0.5,
    ) -> None:
        self.n_topics = n_topics
        self.backend = backend
        self.seed_topics = seed_topics
        self.alpha = alpha
        self.random_state = random_state
        self.eta = eta
        self.passes = passes
        self.chunksize = chunksize
        self.workers = workers
        self.seed_weight = seed_weight
        self.max_df = max_df

    # ------------------------------------------------------------------ fitting

    def fit(self, corpus: Any, progress: bool | None = None) -> Self:
        """Fit the topics of a corpus.

        Parameters
        ----------
        corpus
            A :class:`cablestats.Corpus` (``.dtm``, ``.vocab``, ``.meta``).
        progress
            Show a progress bar: ``None`` when writing to a terminal or a
            notebook, ``True`` always, ``False`` never.

        Returns
        -------
        TopicModel
            ``self``, fitted.

        Raises
        ------
        ValueError
            For an invalid parameter, naming it, the allowed values and what
            was received; for seeds with no word in the vocabulary; when no
            term is within ``max_df``.
        """
        dtm, vocab, meta = _corpus_parts(corpus)
        settings = self._settings(n_cables=dtm.shape[0])
        seed_weight = check_positive_number("seed_weight", self.seed_weight)
        columns = _modelled_columns(dtm, self.max_df, vocab, self.seed_topics)
        modelled = dtm[:, columns]
        seeded: tuple[str, ...] = ()
        if self.seed_topics is not None:
            prior = seed_prior(
                self.seed_topics,
                [vocab[i] for i in columns],
                np.asarray(modelled.sum(axis=0)).ravel(),
                settings.n_topics,
                base=settings.eta if settings.eta is not None else 1 / settings.n_topics,
                seed_weight=seed_weight,
            )
            settings = dataclasses.replace(settings, eta=prior.eta)
            seeded = prior.names
        backend = BACKENDS[self.backend](settings)
        with tqdm(
            total=settings.passes * dtm.shape[0],
            desc=f"fitting {settings.n_topics} topics ({self.backend})",
            unit="cable",
            disable=not show_progress(progress),
        ) as bar:
            backend.fit(modelled, bar.update)
        self.settings_ = settings
        self.backend_ = backend
        self.vocab_ = np.asarray(vocab, dtype=object)
        self.columns_ = columns
        self.topic_word_ = _full_topic_word(backend.topic_word(), columns, len(vocab))
        self.doc_topic_ = backend.transform(modelled)
        self.seeded_ = seeded
        self.labels_ = _labels(self.topic_word_, self.vocab_, seeded)
        self.cables_ = meta[[c for c in _CABLE_COLUMNS if c in meta.columns]].copy()
        self._train_dtm = dtm
        return self

    def _settings(self, n_cables: int) -> FitSettings:
        """Check every parameter and translate defaults into concrete settings."""
        check_choice("backend", self.backend, tuple(BACKENDS))
        n_topics = check_int("n_topics", self.n_topics, minimum=2)
        passes = (
            min(_PASSES_RANGE[1], max(_PASSES_RANGE[0], math.ceil(_AUTO_VISITS / n_cables)))
            if self.passes is None
            else check_int("passes", self.passes, minimum=1)
        )
        workers = (
            max(1, (os.cpu_count() or 2) - 1)
            if self.workers is None
            else check_int("workers", self.workers, minimum=1)
        )
        return FitSettings(
            n_topics=n_topics,
            alpha=_check_alpha(self.alpha, n_topics),
            eta=None if self.eta is None else check_positive_number("eta", self.eta),
            passes=passes,
            chunksize=check_int("chunksize", self.chunksize, minimum=1),
            workers=workers,
            random_state=check_int("random_state", self.random_state, minimum=0),
        )

    # ------------------------------------------------------------------ results

    @property
    def labels(self) -> list[str]:
        """Topic labels in topic order: seed names, else the top three terms joined."""
        self._check_fitted()
        return list(self.labels_)

    @property
    def doc_topics(self) -> pd.DataFrame:
        """Topic shares of the training cables.

        Index ``reference_id``; one column per topic (labels, column index
        named ``topic``); rows sum to one.
        """
        self._check_fitted()
        return self._shares_frame(self.doc_topic_, self.cables_.index)

    def transform(self, corpus: Any) -> pd.DataFrame:
        """Topic shares of the cables of another corpus with the model's vocabulary.

        Returns
        -------
        pandas.DataFrame
            Index ``reference_id``; one column per topic; rows sum to one.
        """
        dtm, _, meta = self._matching_parts(corpus)
        return self._shares_frame(self.backend_.transform(dtm[:, self.columns_]), meta.index)

    def topics(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` most probable terms of each topic.

        Returns
        -------
        pandas.DataFrame
            Columns ``topic`` (label, categorical in topic order), ``rank``
            (1 = most probable), ``term``, ``weight`` (probability of the term
            in the topic); one row per topic and rank.
        """
        self._check_fitted()
        n = min(check_int("n", n, minimum=1), len(self.vocab_))
        top = _top_term_ids(self.topic_word_, n)
        return pd.DataFrame(
            {
                "topic": pd.Categorical(np.repeat(self.labels_, n), categories=self.labels_),
                "rank": np.tile(np.arange(1, n + 1), len(self.labels_)),
                "term": self.vocab_[top].ravel(),
                "weight": np.take_along_axis(self.topic_word_, top, axis=1).ravel(),
            }
        )

    def representative_cables(self, topic: str | int, n: int = 5) -> pd.DataFrame:
        """The training cables in which ``topic`` takes the largest share.

        Parameters
        ----------
        topic
            A label or a topic id (0-based).
        n
            How many cables.

        Returns
        -------
        pandas.DataFrame
            Index ``reference_id``; columns ``created``, ``origin``,
            ``subject`` (those the corpus had) and ``share``; largest share first.
        """
        column = self._topic_id(topic)
        n = check_int("n", n, minimum=1)
        order = np.argsort(-self.doc_topic_[:, column], kind="stable")[:n]
        shown = [c for c in ("created", "origin", "subject") if c in self.cables_.columns]
        frame = self.cables_.iloc[order][shown].copy()
        frame["share"] = self.doc_topic_[order, column]
        return frame

    # ------------------------------------------------------------- diagnostics

    def coherence(
        self, measure: str = "c_npmi", *, n: int = 10, corpus: Any = None
    ) -> TopicCoherence:
        """Coherence of each topic's top ``n`` terms, and their mean.

        Parameters
        ----------
        measure
            ``"c_npmi"``, ``"c_v"`` or ``"u_mass"`` (gensim's
            ``CoherenceModel``), counted within whole cables.
        n
            Top terms per topic.
        corpus
            Reference corpus with the model's vocabulary; by default the
            training corpus (required after :meth:`load`).

        Returns
        -------
        TopicCoherence
            ``.per_topic`` (Series indexed by ``topic``) and ``.mean``.
        """
        self._check_fitted()
        check_choice("measure", measure, MEASURES)
        if corpus is None:
            if self._train_dtm is None:
                raise ValueError(
                    "corpus is required: a loaded model does not keep its training counts; "
                    "pass coherence(corpus=...) with a corpus of the model's vocabulary"
                )
            dtm = self._train_dtm
        else:
            dtm = self._matching_parts(corpus)[0]
        n = min(check_int("n", n, minimum=2), len(self.vocab_))
        top_terms = self.vocab_[_top_term_ids(self.topic_word_, n)].tolist()
        values = topic_coherence(top_terms, dtm, self.vocab_.tolist(), measure)
        per_topic = pd.Series(values, index=pd.Index(self.labels_, name="topic"), name=measure)
        return TopicCoherence(measure=measure, per_topic=per_topic)

    def perplexity(self, corpus: Any) -> float:
        """Held-out perplexity on cables not used for fitting (lower is better).

        Document completion: topic shares are inferred from a random half of
        each cable's words and the other half is scored, the same way for
        every backend (see :mod:`cablestats.models.perplexity`).
        """
        dtm = self._matching_parts(corpus)[0][:, self.columns_]
        return completion_perplexity(
            dtm,
            self.backend_.transform,
            self.topic_word_[:, self.columns_],
            random_state=self.settings_.random_state,
        )

    # ------------------------------------------------- prevalence and effects

    def prevalence(
        self,
        freq: str = "M",
        by: str | None = None,
        *,
        groups: Sequence[str] | None = None,
        ci: float = 0.95,
        n_boot: int = 1000,
    ) -> pd.DataFrame:
        """Share of each topic per period (and group), with bootstrap intervals.

        Parameters
        ----------
        freq
            ``"M"`` (month), ``"Q"`` (quarter) or ``"Y"`` (year).
        by
            ``None`` (all cables), ``"tag"`` (each TAG a cable carries),
            ``"origin"`` (post), ``"country"`` (of the post) or ``"region"``
            (of that country).
        groups
            Keep only these groups (e.g. ``["PTER", "PREL"]`` with ``by="tag"``).
        ci
            Coverage of the intervals.
        n_boot
            Bootstrap resamples of the cables of each cell.

        Returns
        -------
        pandas.DataFrame
            Columns ``period`` (pandas Period), ``group`` (``"all"`` when
            ``by`` is None), ``topic``, ``share`` (mean topic share of the
            cell's cables), ``lo``, ``hi`` (percentile bootstrap interval),
            ``n_cables``.  Undated cables are left out with a warning.
        """
        self._check_fitted()
        ci = _check_ci(ci)
        n_boot = check_int("n_boot", n_boot, minimum=1)
        periods = cable_periods(self._cable_column("created"), freq)
        if by in ("origin", "country", "region"):
            self._cable_column("origin")
        elif by == "tag":
            self._cable_column("tags")
        members = cable_groups(self.cables_, by)
        if groups is not None:
            members = members[members.isin(list(groups))]
        _warn_undated(periods)
        return bootstrap_prevalence(
            self.doc_topic_,
            periods,
            members,
            self.labels_,
            ci=ci,
            n_boot=n_boot,
            random_state=self.settings_.random_state,
        )

    def effects(
        self,
        tags: Sequence[str] | None = None,
        *,
        n_tags: int = 5,
        df: int = 5,
        method: str = "ols",
        ci: float = 0.95,
    ) -> pd.DataFrame:
        """How time and TAGS shift topic shares (see :mod:`cablestats.models.effects`).

        Parameters
        ----------
        tags
            TAGS whose effect to estimate; by default the ``n_tags`` carried
            by most (but not all) cables.
        n_tags
            How many TAGS when ``tags`` is None.
        df
            Degrees of freedom of the cubic B-spline of time (at least 3).
        method
            ``"ols"`` (shares, as STM's ``estimateEffect``) or ``"logit"``
            (fractional logit; log odds ratios).
        ci
            Coverage of the confidence intervals.

        Returns
        -------
        pandas.DataFrame
            Columns ``topic``, ``term`` (``Intercept``, ``time[1]`` …
            ``time[df]``, ``tag[TAG]``), ``estimate``, ``lo``, ``hi``, ``p``.
        """
        self._check_fitted()
        ci = _check_ci(ci)
        df = check_int("df", df, minimum=3)
        created = self._cable_column("created")
        _warn_undated(created)
        dated = created.notna().to_numpy()
        cable_tags = self._cable_column("tags")[dated]
        chosen = (
            frequent_tags(cable_tags, check_int("n_tags", n_tags, minimum=0))
            if tags is None
            else list(tags)
        )
        design = design_matrix(created[dated], cable_tags, chosen, df=df)
        return estimate_effects(self.doc_topics[dated], design, method=method, ci=ci)

    # ------------------------------------------------------------------ storage

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the fitted model to the folder ``path`` (replaced atomically).

        Returns
        -------
        pathlib.Path
            The folder written.
        """
        self._check_fitted()
        settings = dataclasses.asdict(self.settings_)
        with _store.atomic_directory(path) as folder:
            if isinstance(self.settings_.eta, np.ndarray):
                np.save(folder / "eta.npy", self.settings_.eta)
                settings["eta"] = "eta.npy"
            settings["alpha"] = (
                list(self.settings_.alpha)
                if isinstance(self.settings_.alpha, tuple)
                else self.settings_.alpha
            )
            _store.write_json(
                folder / _store.MANIFEST,
                {
                    "format": _store.FORMAT,
                    "params": self._params(),
                    "settings": settings,
                    "labels": self.labels_,
                    "seeded": list(self.seeded_),
                },
            )
            _store.write_json(folder / "vocab.json", self.vocab_.tolist())
            np.save(folder / "columns.npy", self.columns_)
            np.save(folder / "topic_word.npy", self.topic_word_)
            np.save(folder / "doc_topic.npy", self.doc_topic_)
            self.cables_.to_parquet(folder / "cables.parquet")
            self.backend_.save(folder)
        return Path(path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TopicModel:
        """Read a model written by :meth:`save`.

        Raises
        ------
        StoreError
            If the folder is not a model, is damaged, or was written by a
            newer cablestats.
        """
        folder = Path(path)
        manifest = _store.read_json(folder / _store.MANIFEST)
        if manifest.get("format", 0) > _store.FORMAT:
            raise StoreError(
                f"{folder} was written in model format {manifest['format']}, newer than this "
                f"cablestats reads ({_store.FORMAT}); upgrade cablestats"
            )
        try:
            params = dict(manifest["params"])
            if manifest.get("format", 0) < 2:  # format 1 fitted every term of the corpus
                params.setdefault("max_df", 1.0)
            model = cls(**params)
            settings = dict(manifest["settings"])
            if settings["eta"] == "eta.npy":
                settings["eta"] = np.load(folder / "eta.npy", allow_pickle=False)
            if isinstance(settings["alpha"], list):
                settings["alpha"] = tuple(settings["alpha"])
            model.settings_ = FitSettings(**settings)
            model.backend_ = BACKENDS[manifest["params"]["backend"]].load(folder, model.settings_)
            model.vocab_ = np.asarray(_store.read_json(folder / "vocab.json"), dtype=object)
            model.topic_word_ = np.load(folder / "topic_word.npy", allow_pickle=False)
            model.columns_ = (
                np.load(folder / "columns.npy", allow_pickle=False)
                if manifest.get("format", 0) >= 2
                else np.arange(len(model.vocab_))
            )
            _check_columns(model.columns_, model.vocab_, model.topic_word_)
            model.doc_topic_ = np.load(folder / "doc_topic.npy", allow_pickle=False)
            model.cables_ = pd.read_parquet(folder / "cables.parquet")
        except StoreError:
            raise
        except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
            raise StoreError(f"{folder} is a damaged cablestats model: {error}") from error
        model.labels_ = list(manifest["labels"])
        model.seeded_ = tuple(manifest["seeded"])
        model._train_dtm = None
        return model

    # ------------------------------------------------------------------- reprs

    def __repr__(self) -> str:
        if not self._is_fitted():
            return f"<TopicModel {self.backend}, {self.n_topics} topics, not fitted>"
        n_cables, n_topics = self.doc_topic_.shape
        return (
            f"<TopicModel {self.backend}, {n_topics} topics, fitted on {n_cables:,} cables "
            f"× {len(self.columns_):,} of {len(self.vocab_):,} terms>"
        )

    def _repr_html_(self) -> str:
        heading = f"<p>{html.escape(repr(self))}</p>"
        if not self._is_fitted():
            return heading
        top = self.topics(n=8).groupby("topic", observed=True)["term"].agg(", ".join)
        return heading + top.to_frame("top terms").to_html()

    # ----------------------------------------------------------------- helpers

    def _params(self) -> dict[str, Any]:
        seeds = self.seed_topics
        return {
            "n_topics": self.n_topics,
            "backend": self.backend,
            "seed_topics": None if seeds is None else {k: list(v) for k, v in seeds.items()},
            "alpha": self.alpha if isinstance(self.alpha, str | float | int) else list(self.alpha),
            "random_state": self.random_state,
            "eta": self.eta,
            "passes": self.passes,
            "chunksize": self.chunksize,
            "workers": self.workers,
            "seed_weight": self.seed_weight,
            "max_df": self.max_df,
        }

    def _is_fitted(self) -> bool:
        return hasattr(self, "topic_word_")

    def _check_fitted(self) -> None:
        if not self._is_fitted():
            raise ValueError("this TopicModel is not fitted yet; call .fit(corpus) first")

    def _topic_id(self, topic: str | int) -> int:
        self._check_fitted()
        if isinstance(topic, str) and topic in self.labels_:
            return self.labels_.index(topic)
        is_id = isinstance(topic, int | np.integer) and not isinstance(topic, bool)
        if is_id and 0 <= topic < len(self.labels_):
            return int(topic)
        raise invalid(
            "topic",
            f"a label or an id from 0 to {len(self.labels_) - 1} (labels: {self.labels_})",
            topic,
        )

    def _shares_frame(self, shares: np.ndarray, index: pd.Index) -> pd.DataFrame:
        return pd.DataFrame(shares, index=index, columns=pd.Index(self.labels_, name="topic"))

    def _cable_column(self, name: str) -> pd.Series:
        if name not in self.cables_.columns:
            raise ValueError(
                f"this needs the cables' {name!r}, which the training corpus' metadata "
                f"does not have (it has {list(self.cables_.columns)})"
            )
        return self.cables_[name]

    def _matching_parts(self, corpus: Any) -> tuple[sparse.csr_matrix, list[str], pd.DataFrame]:
        """The corpus' parts, after checking that its vocabulary is the model's."""
        self._check_fitted()
        dtm, vocab, meta = _corpus_parts(corpus)
        if len(vocab) != len(self.vocab_) or not np.array_equal(
            np.asarray(vocab, dtype=object), self.vocab_
        ):
            differ = next(
                (i for i, (a, b) in enumerate(zip(vocab, self.vocab_, strict=False)) if a != b),
                min(len(vocab), len(self.vocab_)),
            )
            raise ValueError(
                f"the corpus vocabulary ({len(vocab):,} terms) is not the model's "
                f"({len(self.vocab_):,} terms); they first differ at column {differ}. "
                "Build the corpus with the model's vocabulary"
            )
        return dtm, vocab, meta


def _corpus_parts(corpus: Any) -> tuple[sparse.csr_matrix, list[str], pd.DataFrame]:
    """Count matrix, vocabulary and metadata of a corpus, checked for agreement."""
    try:
        dtm, vocab, meta = sparse.csr_matrix(corpus.dtm), list(corpus.vocab), corpus.meta
    except AttributeError as error:
        raise TypeError(
            f"corpus must be a cablestats Corpus (with .dtm, .vocab, .meta), "
            f"received {type(corpus).__name__}"
        ) from error
    if dtm.shape != (len(meta), len(vocab)):
        raise ValueError(
            f"corpus is inconsistent: its matrix is {dtm.shape[0]} × {dtm.shape[1]} but it has "
            f"{len(meta)} cables and {len(vocab)} terms"
        )
    if dtm.shape[0] == 0 or dtm.nnz == 0:
        raise ValueError("corpus has no cables with words; nothing to fit")
    if dtm.data.min() < 0:
        raise ValueError("corpus.dtm holds negative counts; topic models need word counts")
    return dtm, vocab, meta


def _modelled_columns(
    dtm: sparse.csr_matrix,
    max_df: Any,
    vocab: Sequence[str],
    seed_topics: Mapping[str, Sequence[str]] | None,
) -> np.ndarray:
    """Column numbers of the terms to fit: those within ``max_df``, and every seed word.

    Seed words are kept however common they are: a user who seeds a topic
    with a word asks for it to be modelled.
    """
    try:
        check_pruning(1, max_df, None)
    except ValueError:
        raise invalid(
            "max_df",
            "a number of cables (int >= 1) or a proportion of them (float in (0, 1])",
            max_df,
        ) from None
    doc_freq = np.asarray((dtm > 0).sum(axis=0)).ravel()
    kept = doc_freq <= document_limit(max_df, dtm.shape[0])
    if seed_topics is not None:
        seed_words = {word for words in seed_topics.values() for word in words}
        kept |= np.fromiter((term in seed_words for term in vocab), bool, len(vocab))
    columns = np.flatnonzero(kept)
    if not len(columns):
        raise ValueError(
            f"max_df={max_df!r} leaves no term to fit: every term of the corpus is found in "
            f"more cables (the rarest in {doc_freq.min():,} of {dtm.shape[0]:,}); raise max_df"
        )
    return columns


def _full_topic_word(topic_word: np.ndarray, columns: np.ndarray, n_terms: int) -> np.ndarray:
    """Topic-word distributions over the modelled ``columns``, spread over all ``n_terms``."""
    full = np.zeros((topic_word.shape[0], n_terms))
    full[:, columns] = topic_word
    return full


def _check_columns(columns: np.ndarray, vocab: np.ndarray, topic_word: np.ndarray) -> None:
    """Refuse stored modelled columns that do not fit the stored vocabulary and topics."""
    n_terms = len(vocab)
    ascending = columns.ndim == 1 and bool(np.all(np.diff(columns) > 0))
    if (
        not np.issubdtype(columns.dtype, np.integer)
        or not ascending
        or not len(columns)
        or columns[0] < 0
        or columns[-1] >= n_terms
        or topic_word.ndim != 2
        or topic_word.shape[1] != n_terms
    ):
        raise ValueError(
            f"columns.npy and topic_word.npy do not match the {n_terms:,} terms of vocab.json"
        )


def _check_alpha(alpha: Any, n_topics: int) -> str | float | tuple[float, ...]:
    allowed = f"one of {', '.join(map(repr, ALPHAS))}, a positive number or {n_topics} of them"
    if isinstance(alpha, str):
        if alpha in ALPHAS:
            return alpha
        raise invalid("alpha", allowed, alpha)
    if isinstance(alpha, Sequence | np.ndarray):
        values = np.asarray(alpha, dtype=float)
        if values.shape == (n_topics,) and np.all(values > 0) and np.all(np.isfinite(values)):
            return tuple(values.tolist())
        raise invalid("alpha", allowed, alpha)
    try:
        return check_positive_number("alpha", alpha)
    except ValueError:
        raise invalid("alpha", allowed, alpha) from None


def _check_ci(ci: Any) -> float:
    value = check_positive_number("ci", ci)
    if value >= 1:
        raise invalid("ci", "a coverage between 0 and 1 (e.g. 0.95)", ci)
    return value


def _top_term_ids(topic_word: np.ndarray, n: int) -> np.ndarray:
    """``(n_topics, n)`` term ids by decreasing weight; ties keep vocabulary order."""
    return np.argsort(-topic_word, axis=1, kind="stable")[:, :n]


def _labels(topic_word: np.ndarray, vocab: np.ndarray, seeded: Sequence[str]) -> list[str]:
    """Seed names for seeded topics, the top terms joined for the others; made unique."""
    top = _top_term_ids(topic_word, _LABEL_TERMS)
    labels = list(seeded) + [" / ".join(vocab[row]) for row in top[len(seeded) :]]
    repeated = {label for label, count in Counter(labels).items() if count > 1}
    return [f"{label} ({k})" if label in repeated else label for k, label in enumerate(labels)]


def _warn_undated(created_or_periods: pd.Series) -> None:
    undated = int(created_or_periods.isna().sum())
    if undated:
        warnings.warn(
            f"{undated:,} cables without a date were left out", CablestatsWarning, stacklevel=3
        )
