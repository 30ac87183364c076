"""The cables that the front matter's REF block cites, as canonical reference ids.

The block (:func:`ref_block`) is read token by token, left to right: posts,
serials and years in the many ways drafters wrote them, and the items that
are not cables (e-mails, reports, letters) left out.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from cablestats.parse.fields.views import (
    CACHE_SIZE,
    Label,
    Span,
    field_block,
    find_label,
    head_of,
    opens_field,
    strip_breaks,
    word_set,
)
from cablestats.parse.ids import (
    POST_ALIASES,
    canonical_post,
    canonical_reference_id,
    make_reference_id,
    normalize_post,
)
from cablestats.parse.text import (
    MARKING,
    REDACTION_RE,
)
from cablestats.tags import posts_table

__all__ = [
    "parse_references",
    "ref_block",
]

# ``REF:``, ``REFS:``, ``REFTEL:``, ``REF A:``; ``REF:`` also when glued to the
# subject's last word (``UK PRIMEREF: A. LONDON 1939``); ``REF A STATE ...``.
_REF_LABEL = Label(
    re.compile(
        r"(?<![\w/])(?i:REF(?:S|TELS?|ERENCES?|\(S\))?)(?:[ \t]+[A-Z](?=[ \t]*:))?[ \t]*:"
        r"|(?<=[A-Z])REF:"
        r"|(?<![\w/])REF[ \t]+(?:[A-Z][ \t]+(?=[A-Z]{2})|(?=\(?[A-Z]\)))"
    ),
    "REF",
)
_REF_STOP_RE = re.compile(
    r"(?=[CSTE¶(])"
    r"(?:\bClassified[ \t]+By\b|(?<!\()\bSUBJ(?:ECT)?[ \t]*:|\bTAGS?[ \t]*:|\bE\.?O\.?[ \t]?1\d{4}"
    r"|¶[ \t]*\d|\(U\)[ \t]+[A-Z])",  # not "(SUBJ: IIR ...)", the subject of a cited report
    re.I,
)
# A reference item: a letter marker, a number (a year, or a serial continued
# from the line before) or a post name followed by a number.
_REF_ITEM_RE = re.compile(
    r"[ \t]*(?:¶[ \t]*)?(?:\(?[A-Za-z]{1,2}[.):](?!\w)|\([A-Za-z]{1,2}\)|\(?\d"
    r"|[A-Za-z][A-Za-z .'-]{0,30}?[ \t]\d)"
)
# A spaced-out classification line (``S e c r e t nairobi 001938``).
_SPACED_LINE_RE = re.compile(r"[ \t]*(?:[A-Za-z] ){4,}[A-Za-z]\b")
_PARAGRAPH_OPENING_RE = re.compile(
    rf"[ \t]*(?:¶[ \t]*)?\d{{1,3}}[ \t]*\.[ \t]*(?:\({MARKING}\)|[A-Z][a-z])", re.I
)
_REF_OPEN_END_RE = re.compile(r"(?:[,;:&]|\bAND|\b[A-Za-z]{1,2}[.)]|[A-Za-z]{3,}|\d{2,4})[ \t]*$")


def _continues_refs(line: str, previous: str) -> bool:
    """Whether a line carries more references: an item, or the rest of an open one."""
    if not line.strip() or _PARAGRAPH_OPENING_RE.match(line) or _SPACED_LINE_RE.match(line):
        return False
    if _REF_ITEM_RE.match(line):
        return True
    # Only the end of the previous line matters; a bounded slice keeps this cheap.
    return bool(_REF_OPEN_END_RE.search(previous[-24:])) and not opens_field(line)


@functools.lru_cache(maxsize=CACHE_SIZE)
def ref_block(head: str) -> Span | None:
    label = find_label(head, _REF_LABEL)
    if not label:
        return None
    return field_block(head, label, _REF_STOP_RE, _continues_refs, 40, across_blank_lines=True)


_REF_TOKEN_RE = re.compile(
    r"\((?P<pyear>\d{2}|\d{4})\)"
    r"|(?P<num>\d+)"
    r"|(?P<word>[A-Za-z][A-Za-z'’.&-]*)"
    r"|(?P<sep>[,;:&])"
    r"|(?P<other>\S)"
)
# Words that never belong to a post name: they introduce e-mails, reports,
# letters and other documents that are not cables, or months and fillers.
# Words of documents that are not cables: the rest of their item is not read.
_DOCUMENT_WORDS = word_set(
    """
    EMAIL EMAILS E-MAIL E-MAILS MAIL TELCON TELCONS TELECON MEMCON MEMCONS LETTER LETTERS
    REPORT REPORTS REPORTING DAILY POINTS IIR IIRS FBIS OSC DTG FAM FAH SVTC DVC DATED
    READOUT NOTE NOTES PAPER NONPAPER NON-PAPER MEMO MEMORANDUM CONVERSATION MEETING
    MEETINGS DISCUSSION DISCUSSIONS PHONE CALL FAX WEBSITE STATE-DOS UNSCR UNSC RES
    RESOLUTION INCSR TD TDX DOC
    """
)
_NOT_POST = _DOCUMENT_WORDS | word_set(
    """
    OF FOR TO ON IN AT FROM WITH BY AND OR AS NO NR NUMBER PARA PARAS PARAGRAPH
    PREVIOUS PRIOR NOTAL EXDIS NODIS LIMDIS REF REFS REFTEL REFTELS SEPTEL CABLE MSG
    MESSAGE SECTION PAGE DECL CIRCULAR AMEMBASSY AMCONSUL EMBASSY CONSULATE
    USMISSION HOUSE SECRETARY SECTO TOSEC
    JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST
    SEP SEPT SEPTEMBER OCT OCTOBER NOV NOVEMBER DEC DECEMBER
    """
)
_MAX_POST_WORDS = 4


class _Token(NamedTuple):
    kind: str
    value: str
    spaced: bool  # whitespace before the token
    glued_after: str  # the characters right after the token

    @property
    def is_post_word(self) -> bool:
        """A word that can be (part of) a post; single letters are item markers."""
        return self.kind == "word" and len(self.value.strip(".")) >= 2


def _ref_tokens(block: str) -> list[_Token]:
    tokens = []
    for match in _REF_TOKEN_RE.finditer(block):
        kind = match.lastgroup or "other"
        start, end = match.span()
        spaced = start == 0 or block[start - 1].isspace()
        tokens.append(_Token(kind, match[kind], spaced, block[end : end + 2]))
    return tokens


class _ReferenceReader:
    """Reads reference ids from the tokens of a REF block, left to right.

    A post is one to four words followed, after a blank, by a serial; a year may
    come before it (``08 STATE 1234``, ``(08) SAO PAULO 581``, ``2008 BAKU 917``,
    ``09SHENYANG 167``) or after the serial (``DOHA 152 (08)``,
    ``MOSCOW 03242 2008``).  A bare number after a comma or ``AND`` continues
    the previous post (``BAMAKO 445, 460``).  Words of other documents
    (``EMAIL``, ``IIR``, months) discard the words around them.
    """

    def __init__(self, tokens: list[_Token], year: int) -> None:
        self.tokens = tokens
        self.default_year = year
        self.found: list[list] = []  # [year, post, serial]
        self.words: list[str] = []
        self.year: int | None = None
        self.after_serial = False  # the last token closed a reference id
        self.listing = False  # a separator followed a reference id
        self.document = False  # the item names a document that is not a cable

    def read(self) -> list[tuple[int, str, str]]:
        handlers = {
            "word": self._on_word,
            "num": self._on_num,
            "pyear": self._on_pyear,
            "sep": self._on_sep,
            "other": self._on_other,
        }
        for index, token in enumerate(self.tokens):
            following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            handlers[token.kind](token, following)
        return [(year, post, serial) for year, post, serial in self.found]

    def _reset(self) -> None:
        self.words, self.year, self.after_serial, self.listing = [], None, False, False

    def _emit(self, year: int | None, post: str, serial: str) -> None:
        if not self.document:
            self.found.append([self.default_year if year is None else year, post, serial])
        self.words, self.year, self.after_serial, self.listing = [], None, True, False

    def _on_word(self, token: _Token, following: _Token | None) -> None:
        word = token.value.strip(".").upper()
        if word in {"AND", "&"} and self.after_serial:
            self.after_serial, self.listing = False, True
        elif len(word) < 2 or not word[0].isalpha():
            self._reset()
            self.document = self.document and len(word) > 1  # a letter opens a new item
        elif word in _NOT_POST and not self._ends_post(word):
            self._reset()
            self.document = self.document or word in _DOCUMENT_WORDS
        else:
            self.words.append(word)
            self.after_serial = self.listing = False

    def _ends_post(self, word: str) -> bool:
        """Whether ``word`` completes a known post (the month in ``RIO DE JAN``)."""
        return bool(self.words) and canonical_post(" ".join([*self.words, word])) in _known_posts()

    def _on_num(self, token: _Token, following: _Token | None) -> None:
        number = token.value
        junk = token.glued_after[:1] in {"/", "-", "."} and token.glued_after[1:2].isdigit()
        followed_by_word = following is not None and following.is_post_word
        if junk or (token.glued_after[:1].isalpha() and not followed_by_word):
            self._reset()
        elif self.words and self._spaced(token) and len(self.words) <= _MAX_POST_WORDS:
            if len(number) <= 6 and int(number) > 0:
                self._emit(self.year, " ".join(self.words), number)
            else:
                self._reset()
        elif self.after_serial and len(number) == 4 and not followed_by_word:
            self._set_last_year(int(number))
        elif self.listing and self.found and not followed_by_word and len(number) <= 6:
            last_year, last_post, _ = self.found[-1]
            self._emit(last_year, last_post, number)
        elif len(number) in (2, 4) and followed_by_word:
            self._reset()
            self.year = int(number)
        else:
            self._reset()

    def _on_pyear(self, token: _Token, following: _Token | None) -> None:
        if self.words and following is not None and following.kind == "num":
            self.year = int(token.value)  # "STATE (01) 201265": the year inside the id
        elif self.after_serial and (following is None or not following.is_post_word):
            self._set_last_year(int(token.value))
        else:
            self._reset()
            self.year = int(token.value)

    def _on_sep(self, token: _Token, following: _Token | None) -> None:
        listing = self.after_serial and token.value in {",", ";", "&"}
        self._reset()
        self.listing = listing
        self.document = self.document and token.value == ":"

    def _on_other(self, token: _Token, following: _Token | None) -> None:
        self._reset()

    def _spaced(self, token: _Token) -> bool:
        """A serial follows its post after a blank, or glued to a known post (``HK05511``)."""
        if token.spaced:
            return True
        return len(token.value) >= 3 and canonical_post(" ".join(self.words)) in _known_posts()

    def _set_last_year(self, year: int) -> None:
        self.found[-1][0] = year
        self.after_serial = False


@functools.cache
def _known_posts() -> frozenset[str]:
    """Posts of the reference (:mod:`cablestats.tags`), with the spellings it resolves."""
    return frozenset(posts_table().index) | frozenset(POST_ALIASES)


def _reference_post(words: str) -> str | None:
    """The post of a reference, canonical; None for several words that make no post.

    One word is trusted (``USDOC``); several must make a known post
    (``SAO PAULO``) or an alias of one (``RIO DE JAN``), which leaves out
    documents such as ``INCSR BRAZIL 2008``.
    """
    post = canonical_post(words)
    if " " in words and normalize_post(words) not in _known_posts() and post not in _known_posts():
        return None
    return post


def parse_references(text: str, year: int, reference_id: str | None = None) -> list[str]:
    """Canonical ids of the cables listed in the front matter's REF block.

    Reads ``REF:``, ``REFS:``, ``REFTEL:`` blocks in their real forms: lettered
    items (``A.``, ``A)``, ``(A)``, ``¶B.``), one or several per line, with a
    year before (``08 STATE 1234``, ``2008 BAKU 917``) or after the serial
    (``DOHA 152 (08)``), multi-word posts (``PORT AU PRINCE 123``,
    ``USUN NEW YORK 456``), lists that continue a post (``BAMAKO 445, 460``),
    ``SECSTATE`` for ``STATE``, and notes such as ``(NOTAL)`` or
    ``AND PREVIOUS``.  Items that are not cables (e-mails, reports, ``IIR``
    numbers, telcons, letters) are dropped.

    Parameters
    ----------
    text
        Cable text or a fragment holding its front matter.
    year
        The cable's year (four digits), for references written without one.
    reference_id
        The cable's own id, which is left out if it is listed.

    Returns
    -------
    list of str
        Ids such as ``09BAMAKO445``, in the order written, without duplicates.
    """
    block = ref_block(head_of(text))
    if block is None:
        return []
    value = strip_breaks(REDACTION_RE.sub(" ", block.value))
    own = (canonical_reference_id(reference_id) or reference_id) if reference_id else None
    ids: dict[str, None] = {}
    for ref_year, words, serial in _ReferenceReader(_ref_tokens(value), year).read():
        post = _reference_post(words)
        reference = post and make_reference_id(ref_year, post, serial)
        if reference and reference != own:
            ids[reference] = None
    return list(ids)
