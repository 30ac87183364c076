"""Stopwords for cables: common English words plus cable boilerplate and jargon.

The default list is :data:`ENGLISH_STOPWORDS` (scikit-learn's English list, with
the few entries removed that carry meaning in diplomatic text, see
:data:`KEPT_ENGLISH_WORDS`) united with :data:`CABLE_STOPWORDS`, read from the
package file ``cablestats/data/stopwords_cable.txt``.  That file documents each
group it holds: classification markings and caveats, the routing and
declassification boilerplate, reporting jargon (``reftel``, ``septel``,
``emboff``), month and weekday names, and leftovers of web-to-text conversion.

Users extend the list with ``extra_stopwords=`` or replace it with
``stopwords=``; :func:`resolve_stopwords` turns those two options into the set
used for one build.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = [
    "CABLE_STOPWORDS",
    "DEFAULT_STOPWORDS",
    "ENGLISH_STOPWORDS",
    "KEPT_ENGLISH_WORDS",
    "read_stopword_file",
    "resolve_stopwords",
]

#: Words of scikit-learn's English list that are content words in cables:
#: legislation (``bill``), gunfire (``fire``), interest rates and national
#: interests (``interest``), political and financial ``system``, and ``un``
#: (the United Nations once the dots of ``U.N.`` are dropped).
KEPT_ENGLISH_WORDS: frozenset[str] = frozenset({"bill", "fire", "interest", "system", "un"})

#: Function words of English.  Besides scikit-learn's list, the contractions
#: that the tokenizer writes without their apostrophe (``don't`` → ``dont``)
#: and the few function words gensim's list adds.
ENGLISH_STOPWORDS: frozenset[str] = (
    frozenset(ENGLISH_STOP_WORDS) - KEPT_ENGLISH_WORDS
) | frozenset(
    {
        # gensim's additions that are function words
        "did", "does", "doing", "just", "quite", "really", "regarding", "unless",
        "various", "used", "using",
        # contractions once the apostrophe is dropped ("can't" is "cant", already listed)
        "arent", "didnt", "doesnt", "dont", "hadnt", "havent", "isnt", "shouldnt",
        "wasnt", "werent", "wont", "wouldnt", "im", "ive", "youre", "theyre", "weve",
        "thats", "theres", "lets", "whats", "ll", "ve",
    }
)  # fmt: skip


def read_stopword_file(text: str) -> frozenset[str]:
    """Words of a stopword file: separated by white space, ``#`` starts a comment, case folded."""
    return frozenset(
        word.lower() for line in text.splitlines() for word in line.split("#", 1)[0].split()
    )


#: Cable boilerplate and jargon, from ``cablestats/data/stopwords_cable.txt``.
CABLE_STOPWORDS: frozenset[str] = read_stopword_file(
    resources.files("cablestats").joinpath("data", "stopwords_cable.txt").read_text("utf-8")
)

#: The list used when ``stopwords=None``: English plus cable words.
DEFAULT_STOPWORDS: frozenset[str] = ENGLISH_STOPWORDS | CABLE_STOPWORDS


def resolve_stopwords(
    stopwords: Iterable[str] | None = None, extra_stopwords: Iterable[str] = ()
) -> frozenset[str]:
    """The stopword set for one build.

    Parameters
    ----------
    stopwords
        ``None`` for :data:`DEFAULT_STOPWORDS`, or the complete list to use
        instead (an empty list keeps every word).
    extra_stopwords
        Words added to the list, for example the names of the posts in an archive.

    Returns
    -------
    frozenset of str
        Lower-cased words.  Hyphenated words are matched in the form the
        tokenizer gives them, with ``_`` for the hyphen (``follow_up``).
    """
    if isinstance(stopwords, str) or isinstance(extra_stopwords, str):
        raise TypeError(
            "stopwords and extra_stopwords take a list of words, received a single string; "
            "wrap it in a list"
        )
    base = DEFAULT_STOPWORDS if stopwords is None else frozenset(stopwords)
    return frozenset(word.lower() for word in (*base, *extra_stopwords))
