"""Cable-aware tokenizer: clean body text → lower-case terms.

The scheme, in the order it is applied:

1. **Web leftovers.**  Web and e-mail addresses are removed; they would
   otherwise leave ``http``, ``www`` and host-name fragments behind.
2. **Case.**  Every term is lower case, which folds the all-capitals text of
   telegram-era cables into the same terms as mixed-case text.  Lower-casing
   loses the difference between an acronym and a common word in one place
   that matters: the country ``US`` and the pronoun ``us``.  So, before folding,

   * ``U.S.``, ``U.S.A.``, ``USA`` and ``United States (of America)`` (in
     title case or capitals) become the country term ``usa``;
   * on a line written in mixed case, ``US`` in capitals is the country
     (``usa``) and ``us`` in small letters the pronoun (a stopword);
   * on a line mostly in capitals (more capital than small letters), as in
     the telegrams of the 1970s to the early 2000s,
     ``US`` is the country when it is joined by a hyphen (``US-IRAN``), follows
     ``THE``, or is followed by a content word without being preceded by one
     (``OF US POLICY``, ``US OFFICIALS SAID``), and the pronoun otherwise
     (``TOLD US``, ``FOR US TO``, ``HELP US``).

   Other acronyms fold without colliding with English words: ``NATO`` →
   ``nato``, ``AQIM`` → ``aqim``; dotted acronyms lose their dots, so ``U.N.``
   and ``UN`` are both ``un`` and ``U.K.`` is ``uk``.
3. **Tokens** are runs of letters and digits joined by inner hyphens or
   apostrophes.  Hyphenated words stay one term, written with ``_`` like the
   learned phrases (:mod:`cablestats.corpus.phrases`), so ``al-Qaeda`` and the
   phrase ``al Qaeda`` are the same term ``al_qaeda``.  A possessive ``'s`` is
   dropped and other apostrophes removed (``Qa'ida`` → ``qaida``).
4. **Dropped terms**: shorter than two characters, starting with a digit
   (numbers, dates, times and reference numbers; kept with ``numbers=True``),
   redaction strings (``xxxxxxxxxxxx``), the clock-time ``a.m.``/``p.m.``, and
   stopwords.

:func:`tokenize` applies the scheme to one text.  :func:`tokenize_chunk` does
the same for many texts at once: the regular expression runs per text, but the
per-term work (cleaning, stopwords) runs once per distinct token of the chunk
rather than once per occurrence, which is what makes it fast.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cablestats.corpus.stopwords import DEFAULT_STOPWORDS, ENGLISH_STOPWORDS

__all__ = ["TokenChunk", "clean_token", "normalize", "tokenize", "tokenize_chunk"]

#: The country term.
COUNTRY_US = "usa"

# One pattern per case, each starting with its literal, which the engine finds with a fast
# search; a case-insensitive pattern would be tried at every character of every cable.
_UNITED_STATES = {
    "United": re.compile(r"United(?<!\wUnited)\s+States(?:\s+of\s+America)?\b"),
    "UNITED": re.compile(r"UNITED(?<!\wUNITED)\s+STATES(?:\s+OF\s+AMERICA)?\b"),
}
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
# Starting with the literal lets the regular expression engine skip ahead with a fast search.
_BARE_US = re.compile(r"US(?<!\wUS)(?!\w)")
_CONTEXT = 40  # characters around "US" that hold its neighbouring words
_CAPITALS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SMALL = _CAPITALS.lower()
_PUNCTUATION = "\"'()[]{}.,;:!?*<>«»“”‘’"
_CLAUSE_END = tuple(".,;:!?)")

# A piece is a word, or a dotted acronym (u.s., e.g.) read as a first letter followed by
# ".x" pairs: trying the word first is what keeps the pattern about as fast as \w\w+.
_PIECE = r"[^\W_]+(?:(?:\.[^\W\d_])+\.)?"
_TOKEN = re.compile(rf"{_PIECE}(?:['’\-]{_PIECE})*")
# Punctuation that may surround a word; stripping it never joins or splits tokens.
_EDGE = ".,;:!?()[]{}<>\"'“”‘’*"
# RE2 patterns of plain words to drop besides short words and stopwords: redactions, and
# with numbers=False, words that start with a digit (indexed by the numbers option).
_DROPPED_WORD = {False: r"^(?:\p{Nd}|x+$)", True: r"^x+$"}
_POSSESSIVE = re.compile(r"['’]s(?=-|$)")
_CLOCK = frozenset({"am", "pm"})


def _mostly_capitals(text: str) -> bool:
    """More capital than small ASCII letters (counted with C-speed byte deletes)."""
    raw = text.encode("ascii", "ignore")
    capitals = len(raw) - len(raw.translate(None, _CAPITALS))
    small = len(raw) - len(raw.translate(None, _SMALL))
    return capitals > small


def _is_content(word: str) -> bool:
    """A content word: letters only, once punctuation is stripped, and no English function word."""
    core = word.strip(_PUNCTUATION)
    return bool(core) and core.isalpha() and core.lower() not in ENGLISH_STOPWORDS


def _us_is_country(before: str, after: str) -> bool:
    """Decide whether a capital ``US`` in capitals text is the country, from its neighbours.

    ``before`` and ``after`` are the text just before and after ``US``.
    """
    if before.endswith("-") or after.startswith("-"):
        return True  # US-IRAN, IRAN-US
    if after[:1] not in (" ", "\t", "\n", "\r"):
        return False  # "TOLD US." / "WITH US, ..."
    words_before, words_after = before.split(), after.split()
    previous = words_before[-1] if words_before else ""
    following = words_after[0] if words_after else ""
    if previous == "THE":
        return True
    follows_content = not previous.endswith(_CLAUSE_END) and _is_content(previous)
    return _is_content(following) and not follows_content


def _resolve_us(text: str) -> str:
    """Rewrite each capital ``US`` that means the country as ``USA``.

    Whether ``US`` sits in capitals text is decided on its line, which in
    telegram-era cables is as good as its paragraph and is found without
    splitting the text.
    """

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not _mostly_capitals(line):
            return COUNTRY_US.upper()
        before = text[max(0, start - _CONTEXT) : start]
        after = text[end : end + _CONTEXT]
        return COUNTRY_US.upper() if _us_is_country(before, after) else "US"

    return _BARE_US.sub(replace, text)


def normalize(text: str) -> str:
    """Steps 1 and 2 of the scheme: drop web addresses, settle ``US``, lower-case.

    Parameters
    ----------
    text
        A cable body (or any text).

    Returns
    -------
    str
        The lower-cased text, in which the country ``US`` reads ``usa``.
    """
    # The substring tests are C-speed and spare the regular expressions on most cables.
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    for spelling, pattern in _UNITED_STATES.items():
        if spelling in text:
            text = pattern.sub(COUNTRY_US.upper(), text)
    if "US" in text:
        text = _resolve_us(text)
    return text.lower()


def _undot(part: str) -> str | None:
    """A hyphen-free piece of a token without its acronym dots; ``None`` for a clock time."""
    if "." not in part:
        return part
    letters = part.replace(".", "")
    if letters in ("us", "usa"):
        return COUNTRY_US
    return None if letters in _CLOCK else letters


def clean_token(token: str, stopwords: frozenset[str], numbers: bool = False) -> str | None:
    """Step 3 and 4 for one raw token of the regular expression: its term, or ``None`` to drop.

    Parameters
    ----------
    token
        A lower-case match of the token pattern (``al-qa'ida``, ``u.s.-led``).
    stopwords
        Terms to drop.
    numbers
        Keep terms that start with a digit.

    Returns
    -------
    str or None
        The term (``al_qaida``, ``usa_led``), or ``None`` when it is dropped.
    """
    if not token.isalnum():
        if "'" in token or "’" in token:
            token = _POSSESSIVE.sub("", token).replace("'", "").replace("’", "")
        if "-" in token or "." in token:
            parts = [_undot(part) for part in token.split("-")]
            if None in parts:
                return None
            token = "_".join(part for part in parts if part)
    if len(token) < 2 or token in stopwords:
        return None
    if token[0] == "x" and not token.strip("x"):
        return None  # a redaction
    if not numbers and token[0].isdigit():
        return None
    return token


def _piece_terms(
    pieces: pa.Array, stopwords: frozenset[str], numbers: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The terms of each distinct whitespace-free piece of a chunk.

    Most pieces are a plain word, perhaps between punctuation (``rights,``):
    those are trimmed and checked with Arrow's vectorised kernels, with the
    rules of :func:`clean_token`.  The rest go through the token pattern and
    :func:`clean_token` one by one.

    Returns
    -------
    sizes : numpy.ndarray
        ``int64``, the number of raw tokens of each piece.
    flat : numpy.ndarray
        ``object``, the terms of all pieces one after the other, ``None`` for
        each dropped token.
    """
    words = pc.utf8_trim(pieces, _EDGE)
    plain = pc.utf8_is_alnum(words).to_numpy(zero_copy_only=False)
    dropped = pc.or_(
        pc.less(pc.utf8_length(words), 2),
        pc.is_in(words, value_set=pa.array(sorted(stopwords), pa.string())),
    )
    dropped = pc.or_(dropped, pc.match_substring_regex(words, _DROPPED_WORD[numbers]))
    plain_terms = np.where(dropped.to_numpy(zero_copy_only=False), None, words.to_numpy(False))

    sizes = plain.astype(np.int64)
    other = np.flatnonzero(~plain)
    other_terms = [
        [clean_token(token, stopwords, numbers) for token in _TOKEN.findall(piece)]
        for piece in pieces.take(other).to_pylist()
    ]
    sizes[other] = [len(terms) for terms in other_terms]
    starts = np.cumsum(sizes) - sizes
    flat = np.empty(sizes.sum(), dtype=object)
    flat[starts[plain]] = plain_terms[plain]
    flat[_ragged_positions(starts[other], sizes[other])] = list(chain.from_iterable(other_terms))
    return sizes, flat


def _ragged_positions(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, sizes)])``, without the loop."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(ends[-1] if len(ends) else 0)


@dataclasses.dataclass(frozen=True)
class TokenChunk:
    """The tokens of a run of documents, as integer codes.

    Attributes
    ----------
    codes
        ``int32``, one entry per raw token of every document, in order: the
        position of its term in ``terms``, or ``-1`` for a dropped token
        (stopword, number, ...).  A dropped token separates its neighbours, so
        no phrase is learned across it.
    lengths
        ``int64``, the number of raw tokens (entries of ``codes``) per document.
    terms
        ``object`` array of the distinct terms of the chunk.
    """

    codes: np.ndarray
    lengths: np.ndarray
    terms: np.ndarray

    @property
    def n_documents(self) -> int:
        return len(self.lengths)

    def document_terms(self, i: int) -> list[str]:
        """The kept terms of document ``i``, in order."""
        start = self.lengths[:i].sum()
        codes = self.codes[start : start + self.lengths[i]]
        return self.terms[codes[codes >= 0]].tolist()


def tokenize_chunk(
    texts: Sequence[str | None], stopwords: frozenset[str], numbers: bool = False
) -> TokenChunk:
    """Tokenize many texts (a chunk) into one :class:`TokenChunk`; missing texts count as empty.

    The texts are cut at white space and the pieces made distinct by Arrow
    kernels; the token pattern and the cleaning then run once per distinct
    piece of the chunk, not once per occurrence, and the result is spread
    back over the occurrences with array indexing.  Tokens never span white
    space, so this finds the same tokens as running the pattern over each
    whole text.
    """
    normalized = pa.array(
        [normalize(text) if isinstance(text, str) else "" for text in texts], pa.large_string()
    )
    # ASCII white space suffices: a piece holding other white space goes through the
    # token pattern, which splits it there.
    pieces = pc.ascii_split_whitespace(normalized)
    encoded = pc.dictionary_encode(pc.list_flatten(pieces))
    piece_codes = encoded.indices.to_numpy(zero_copy_only=False)
    sizes, flat = _piece_terms(encoded.dictionary, stopwords, numbers)
    term_codes, terms = pd.factorize(flat)  # a dropped token (None) gets -1
    # Spread the terms of each distinct piece over its occurrences.
    occurrence_sizes = sizes[piece_codes]
    starts = (np.cumsum(sizes) - sizes)[piece_codes]
    codes = term_codes.astype(np.int32)[_ragged_positions(starts, occurrence_sizes)]
    pieces_per_text = pc.list_value_length(pieces).to_numpy(zero_copy_only=False)
    ends = np.concatenate([[0], np.cumsum(occurrence_sizes)])[np.cumsum(pieces_per_text)]
    return TokenChunk(
        codes=codes, lengths=np.diff(ends, prepend=0), terms=np.asarray(terms, dtype=object)
    )


def tokenize(
    text: str, *, stopwords: Iterable[str] | None = None, numbers: bool = False
) -> list[str]:
    """The terms of one text, in order, as the corpus counts them (before phrases).

    Parameters
    ----------
    text
        A cable body.
    stopwords
        Terms to drop; ``None`` for the default list
        (:data:`~cablestats.corpus.stopwords.DEFAULT_STOPWORDS`).
    numbers
        Keep terms that start with a digit.

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokenize("The U.S. warned us that al-Qa'ida's cells in the US moved.")
    ['usa', 'warned', 'al_qaida', 'cells', 'usa', 'moved']
    """
    stop = DEFAULT_STOPWORDS if stopwords is None else frozenset(stopwords)
    return tokenize_chunk([text], stop, numbers).document_terms(0)
