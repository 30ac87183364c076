"""``Corpus``: the document-term matrix of an archive with the cables' metadata beside it."""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from cablestats.corpus.select import (
    DateLike,
    countries_mask,
    dates_mask,
    origins_mask,
    tags_mask,
)
from cablestats.corpus.store import read_store, write_store
from cablestats.corpus.vectorizer import CableVectorizer, fitted_vectorizer
from cablestats.corpus.vocabulary import prune

__all__ = ["DEFAULT_META_COLUMNS", "Corpus", "GensimCorpus"]

#: Metadata columns kept from ``read_cables`` by default (those present), besides ``n_tokens``.
DEFAULT_META_COLUMNS: tuple[str, ...] = (
    "created",
    "origin",
    "classification",
    "caveats",
    "tags",
    "subject",
    "references",
)


class GensimCorpus(NamedTuple):
    """A corpus in gensim's terms: ``corpus`` streams bags of words, ``dictionary`` names ids."""

    corpus: Any
    dictionary: Any


class Corpus:
    """Cables as a document-term matrix, with their metadata kept in step.

    Build one with :meth:`from_cables`; row ``i`` of :attr:`dtm` is the cable
    in row ``i`` of :attr:`meta`, column ``j`` the term ``vocab[j]``.
    Selections (:meth:`filter`, ``corpus[mask]``) return a new corpus with the
    same vocabulary, so that matrices of selections can be compared column by
    column.

    Parameters
    ----------
    meta
        One row per cable, indexed by ``reference_id``.
    dtm
        Cables × terms, integer counts (converted to CSR).
    vocab
        The term of each column.
    vectorizer
        The fitted :class:`CableVectorizer` that counted the cables, to count
        new texts on the same vocabulary.

    Attributes
    ----------
    meta : pandas.DataFrame
        Index ``reference_id``; columns ``created`` (UTC), ``origin``,
        ``classification``, ``caveats`` (list), ``tags`` (list), ``subject``,
        ``references`` (list) as far as the input had them, and ``n_tokens``
        (the cable's counted terms, the row sum of :attr:`dtm`).
    dtm : scipy.sparse.csr_matrix
        Cables × terms, ``int32`` counts.
    vocab : pandas.Index
        Terms in column order, named ``term``.

    Examples
    --------
    >>> import cablestats as cs
    >>> df = cs.read_cables("cables/")  # doctest: +SKIP
    >>> corpus = Corpus.from_cables(df, extra_stopwords=["bamako"])  # doctest: +SKIP
    >>> mali = corpus.filter(countries="ML", start="2009-01-01")  # doctest: +SKIP
    >>> mali.term_counts().head()  # doctest: +SKIP
    >>> bow, dictionary = corpus.to_gensim()  # doctest: +SKIP
    """

    def __init__(
        self,
        meta: pd.DataFrame,
        dtm: sp.spmatrix | sp.sparray,
        vocab: Iterable[str],
        *,
        vectorizer: CableVectorizer | None = None,
    ) -> None:
        self.meta = meta
        self.dtm = sp.csr_matrix(dtm)
        self.vocab = pd.Index(list(vocab), dtype=object, name="term")
        self.vectorizer = vectorizer
        if self.dtm.shape != (len(self.meta), len(self.vocab)):
            raise ValueError(
                f"dtm has shape {self.dtm.shape} but meta has {len(self.meta)} rows "
                f"and vocab {len(self.vocab)} terms"
            )
        if not self.vocab.is_unique:
            raise ValueError("vocab holds a term twice; each column needs its own term")

    @classmethod
    def from_cables(
        cls, df: pd.DataFrame, *, meta_columns: Iterable[str] | None = None, **options: Any
    ) -> Corpus:
        """Count the bodies of ``df`` (as returned by :func:`cablestats.read_cables`).

        Parameters
        ----------
        df
            One row per cable, indexed by ``reference_id``, with a ``body``
            column of clean text and metadata columns.
        meta_columns
            Columns of ``df`` to keep in :attr:`meta`; ``None`` for those of
            :data:`DEFAULT_META_COLUMNS` that ``df`` has.
        **options
            Parameters of :class:`CableVectorizer`: ``stopwords``,
            ``extra_stopwords``, ``numbers``, ``phrases``, ``min_df``,
            ``max_df``, ``max_features``, ``n_jobs``, ``progress``, ...

        Returns
        -------
        Corpus
        """
        known = sorted(CableVectorizer().get_params())
        for name in options:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise TypeError(f"Corpus.from_cables got an unknown option {name!r}{hint}")
        if "body" not in df.columns:
            raise KeyError("df has no 'body' column: pass the frame that read_cables returns")
        if meta_columns is None:
            columns = [column for column in DEFAULT_META_COLUMNS if column in df.columns]
        else:
            columns = list(meta_columns)
            missing = [column for column in columns if column not in df.columns]
            if missing:
                raise KeyError(f"meta_columns not in df: {missing}")
        vectorizer = CableVectorizer(**options)
        dtm = vectorizer.fit_transform(df["body"])
        meta = df[columns].copy()
        meta.index = df.index.rename("reference_id")
        meta["n_tokens"] = np.asarray(dtm.sum(axis=1), dtype=np.int64).ravel()
        return cls(meta, dtm, vectorizer.get_feature_names_out(), vectorizer=vectorizer)

    # ---- selections -------------------------------------------------------------------

    def __len__(self) -> int:
        return self.dtm.shape[0]

    def __getitem__(self, mask: np.ndarray | pd.Series | list[bool]) -> Corpus:
        """The cables where ``mask`` is true: a boolean array, list or Series.

        A Series is aligned on ``reference_id`` and must cover every cable.
        """
        if isinstance(mask, pd.Series):
            if not mask.index.equals(self.meta.index):
                mask = mask.reindex(self.meta.index)
            if mask.isna().any():
                raise KeyError("the boolean Series does not cover every cable of the corpus")
        rows = np.asarray(mask)
        if rows.dtype != bool or rows.shape != (len(self),):
            raise TypeError(
                f"a corpus is indexed by a boolean mask of length {len(self)}, "
                f"received {rows.dtype} values of shape {rows.shape}"
            )
        return Corpus(self.meta[rows], self.dtm[rows], self.vocab, vectorizer=self.vectorizer)

    def filter(
        self,
        *,
        tags: str | Iterable[str] | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        origins: str | Iterable[str] | None = None,
        countries: str | Iterable[str] | None = None,
    ) -> Corpus:
        """The cables that meet every criterion given.

        Parameters
        ----------
        tags
            TAGS codes; a cable carrying any of them is kept.
        start, end
            Keep cables created at or after ``start`` and before ``end``
            (dates or timestamps; naive values are read as UTC).
        origins
            Origin names (``Embassy Bamako``), any case.
        countries
            TAGS country codes (``ML``): a cable is kept when it carries one
            of them as a tag or was sent by a post in one of those countries.

        Returns
        -------
        Corpus
        """
        mask = np.ones(len(self), dtype=bool)
        if tags is not None:
            mask &= tags_mask(self.meta, tags)
        if start is not None or end is not None:
            mask &= dates_mask(self.meta, start, end)
        if origins is not None:
            mask &= origins_mask(self.meta, origins)
        if countries is not None:
            mask &= countries_mask(self.meta, countries)
        return self[mask]

    def prune(
        self,
        *,
        min_df: int | float = 1,
        max_df: int | float = 1.0,
        max_features: int | None = None,
    ) -> Corpus:
        """A corpus with fewer terms: the same cables, the columns that pass the limits.

        Parameters are those of :class:`CableVectorizer`, counted on this
        corpus (an int counts cables, a float is a proportion of them); the
        defaults keep every term.  ``n_tokens`` in :attr:`meta` is recounted.

        Returns
        -------
        Corpus
        """
        dtm, vocab = prune(
            self.dtm,
            self.vocab.to_numpy(),
            min_df=min_df,
            max_df=max_df,
            max_features=max_features,
        )
        meta = self.meta.assign(n_tokens=np.asarray(dtm.sum(axis=1), dtype=np.int64).ravel())
        vectorizer = self.vectorizer
        if vectorizer is not None:
            vectorizer = fitted_vectorizer(vectorizer.get_params(), vectorizer.phrases_, vocab)
        return Corpus(meta, dtm, vocab, vectorizer=vectorizer)

    def periods(self, freq: str = "M") -> pd.Series:
        """The period of each cable (``freq`` as in pandas: ``"M"``, ``"Q"``, ``"Y"``, ``"W"``).

        Returns
        -------
        pandas.Series
            Index ``reference_id``; ``Period`` values named ``period``
            (``NaT`` for undated cables).
        """
        created = self.meta["created"]
        if isinstance(created.dtype, pd.DatetimeTZDtype):
            created = created.dt.tz_convert("UTC").dt.tz_localize(None)
        return created.dt.to_period(freq).rename("period")

    # ---- views of the counts ----------------------------------------------------------

    def term_counts(self) -> pd.DataFrame:
        """How often each term occurs, and in how many cables.

        Returns
        -------
        pandas.DataFrame
            Index ``term``; columns ``count`` (occurrences) and ``doc_freq``
            (cables), ``int64``; most frequent first, ties by term.
        """
        counts = pd.DataFrame(
            {
                "term": self.vocab,
                "count": np.asarray(self.dtm.sum(axis=0), dtype=np.int64).ravel(),
                "doc_freq": np.bincount(self.dtm.indices, minlength=len(self.vocab)),
            }
        )
        counts = counts.sort_values(
            ["count", "doc_freq", "term"], ascending=[False, False, True], kind="stable"
        )
        return counts.set_index("term")

    def to_gensim(self) -> GensimCorpus:
        """The corpus for gensim models, with the same term ids as :attr:`vocab`.

        Returns
        -------
        GensimCorpus
            ``corpus`` streams each cable as a list of ``(term_id, count)``
            (re-iterable, nothing copied); ``dictionary`` is a
            ``gensim.corpora.Dictionary`` whose ``token2id`` maps ``vocab[j]``
            to ``j``, with document frequencies and counts filled in.
        """
        from gensim.corpora import Dictionary
        from gensim.matutils import Sparse2Corpus

        dictionary = Dictionary()
        dictionary.token2id = {term: column for column, term in enumerate(self.vocab)}
        counts = self.term_counts()
        columns = self.vocab.get_indexer(counts.index)
        dictionary.dfs = dict(zip(columns.tolist(), counts["doc_freq"].tolist(), strict=True))
        dictionary.cfs = dict(zip(columns.tolist(), counts["count"].tolist(), strict=True))
        dictionary.num_docs = len(self)
        dictionary.num_pos = int(self.dtm.sum())
        dictionary.num_nnz = int(self.dtm.nnz)
        return GensimCorpus(Sparse2Corpus(self.dtm, documents_columns=False), dictionary)

    # ---- persistence ------------------------------------------------------------------

    def save(self, path: str | Path, *, overwrite: bool = True) -> Path:
        """Write the corpus to the folder ``path``, atomically.

        The folder holds Parquet metadata, the matrix as ``.npz`` and JSON for
        vocabulary, vectorizer and format version (:mod:`cablestats.corpus.store`).
        An existing corpus store there is replaced, unless ``overwrite=False``;
        any other existing folder is left alone with a ``StoreError``.

        Returns
        -------
        pathlib.Path
            The store folder.
        """
        return write_store(
            path,
            meta=self.meta,
            dtm=self.dtm,
            vocab=self.vocab,
            vectorizer=self.vectorizer,
            overwrite=overwrite,
        )

    @classmethod
    def load(cls, path: str | Path) -> Corpus:
        """Read a corpus written by :meth:`save`.

        Raises
        ------
        cablestats.StoreError
            Naming the file, when the store is missing a file, damaged,
            inconsistent or written by a newer format version.
        """
        stored = read_store(path)
        return cls(stored.meta, stored.dtm, stored.vocab, vectorizer=stored.vectorizer)

    # ---- display ----------------------------------------------------------------------

    def _span(self) -> str:
        created = self.meta["created"].dropna() if "created" in self.meta else pd.Series([])
        if created.empty:
            return "undated"
        return f"{created.min():%Y-%m-%d} to {created.max():%Y-%m-%d}"

    def __repr__(self) -> str:
        return (
            f"<Corpus: {len(self):,} cables × {len(self.vocab):,} terms, "
            f"{int(self.dtm.sum()):,} tokens, {self._span()}>"
        )

    def _repr_html_(self) -> str:
        top = self.term_counts().head(10).index
        rows = [
            ("cables", f"{len(self):,}"),
            ("terms", f"{len(self.vocab):,}"),
            ("tokens", f"{int(self.dtm.sum()):,}"),
            ("created", self._span()),
        ]
        if "origin" in self.meta:
            rows.append(("origins", f"{self.meta['origin'].nunique():,}"))
        rows.append(("most frequent terms", ", ".join(top)))
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(name)}</th>"
            f"<td style='text-align:left'>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        return f"<table><caption>Corpus</caption>{body}</table>"
