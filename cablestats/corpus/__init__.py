"""The corpus stage: cables → document-term matrix with metadata (``Corpus``).

``Corpus.from_cables(df)`` tokenizes the clean bodies of a ``read_cables``
frame with a cable-aware tokenizer (:mod:`~cablestats.corpus.tokenizer`),
drops English and cable stopwords (:mod:`~cablestats.corpus.stopwords`),
joins learned phrases (:mod:`~cablestats.corpus.phrases`) and prunes the
vocabulary (:mod:`~cablestats.corpus.vocabulary`), in worker processes
(:mod:`~cablestats.corpus.build`).  :class:`CableVectorizer` offers the same
counting as a scikit-learn transformer.
"""

from cablestats.corpus.corpus import DEFAULT_META_COLUMNS, Corpus, GensimCorpus
from cablestats.corpus.stopwords import CABLE_STOPWORDS, DEFAULT_STOPWORDS, ENGLISH_STOPWORDS
from cablestats.corpus.tokenizer import tokenize
from cablestats.corpus.vectorizer import CableVectorizer

__all__ = [
    "CABLE_STOPWORDS",
    "DEFAULT_META_COLUMNS",
    "DEFAULT_STOPWORDS",
    "ENGLISH_STOPWORDS",
    "CableVectorizer",
    "Corpus",
    "GensimCorpus",
    "tokenize",
]
