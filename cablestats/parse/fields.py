"""Field parsers for a cable's front matter and its closing lines.

Every parser takes the text of a cable or of a fragment of one, raw or copied
from a web page (markup is normalised here, so :func:`normalize_text` need not
have run), and returns one field, or an empty value when the field is absent;
none of them raises on malformed input.

The front matter is the block between the classification line and the first
numbered paragraph: ``E.O. 12958: DECL: 01/13/2019``, ``TAGS:``, ``SUBJECT:``,
``REF:`` and ``Classified By:``.  Its parsers look only there, so a word such as
"tags" or "reference" in the prose is never taken for a field, and a megabyte
of junk costs no more than :data:`HEAD_CHARS` characters.  The summary and the
signer come from the body and from its last lines.

:func:`parse_cable` runs several parsers on the same text, so the normalised
text, the front matter and the closing lines are computed once per text and
kept in small caches.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from cablestats.parse.ids import (
    POST_ALIASES,
    canonical_post,
    canonical_reference_id,
    make_reference_id,
    normalize_post,
)
from cablestats.parse.text import (
    MARKED_LINE_RE,
    MARKING,
    PAGE_HEADER_RE,
    PARAGRAPH_START_RE,
    REDACTION_RE,
    RULE_LINE_RE,
    SECTION_BREAK_LINE_RE,
    clean_markup,
    remove_page_breaks,
)
from cablestats.tags import posts_table, tags_table

__all__ = [
    "HEAD_CHARS",
    "Signoff",
    "front_matter_end",
    "normalized",
    "parse_classified_by",
    "parse_declassify_on",
    "parse_references",
    "parse_signer",
    "parse_subject",
    "parse_summary",
    "parse_tags",
    "signoff",
]

#: How much of a text can hold front matter; the longest real openings (long
#: reference lists, many addressee lines) stay well below it.
HEAD_CHARS = 12_000
# How much of the end of a text can hold the signer and the lines after it.
_TAIL_CHARS = 3_000
# How much of a long closing line is read for a signature or a web notice.
_LINE_TAIL_CHARS = 300
_CACHE_SIZE = 16


# ---------------------------------------------------------------------------
# Shared text views
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=_CACHE_SIZE)
def normalized(text: str) -> str:
    """``text`` without web markup (:func:`clean_markup`), cached for the parsers that share it."""
    return clean_markup(text)


# The first numbered paragraph ends the front matter: at a line start, or glued
# to the reasons of a one-line opening ("REASON: 1.4 (b), (d) 1. (C) Summary").
_FIRST_PARAGRAPH_RE = re.compile(
    r"\n[ \t]*(?:¶[ \t]*)?\d{1,3}[ \t]*"
    rf"(?:\.(?!\d)|,(?=[ \t]*\({MARKING}\)))"
    rf"|(?<=[.)\]])[ \t]+(?=1[ \t]*[.,][ \t]*\({MARKING}\))",
    re.I,
)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _head(text: str) -> str:
    """The front matter: ``"\\n"`` + normalised text up to the first numbered paragraph."""
    head = "\n" + normalized(text)[:HEAD_CHARS]
    first = _FIRST_PARAGRAPH_RE.search(head)
    return head[: first.start()] if first else head


def _words(text: str) -> frozenset[str]:
    """A set of words written as a block of text, for the word lists below."""
    return frozenset(text.split())


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _lines_after(text: str, position: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line after the one holding ``position``."""
    start = _line_end(text, position)
    while start < len(text):
        end = _line_end(text, start + 1)
        yield start + 1, end
        start = end


def _collapse(text: str) -> str:
    return " ".join(text.split())


class _Span(NamedTuple):
    """Where a front-matter field sits in the head and the text that holds its value."""

    start: int
    end: int
    value: str


class _Label(NamedTuple):
    """A field label: its pattern and an upper-case literal that every match holds.

    Labels are found by looking for the literal in the upper-cased head (a
    plain substring search) and matching the pattern on those lines only,
    which is much faster than a case-insensitive search of the whole head.
    """

    pattern: re.Pattern[str]
    literal: str


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _upper(text: str) -> str:
    """``text`` in capitals, each non-ASCII character as ``?``.

    Positions match ``text`` (``"ß".upper()`` would be two letters), and the
    ASCII path of :meth:`str.upper` is several times faster.
    """
    return text.encode("ascii", "replace").decode("ascii").upper()


def _find_label(head: str, label: _Label) -> re.Match[str] | None:
    """The first match of ``label`` in ``head``."""
    upper = _upper(head)
    found = upper.find(label.literal)
    while found >= 0:
        line_start = max(head.rfind("\n", 0, found), 0)  # patterns may open on the newline
        line_end = _line_end(head, found)
        match = label.pattern.search(head, line_start, line_end)
        if match:
            return match
        found = upper.find(label.literal, line_end)
    return None


def _field_block(
    head: str,
    label: _Label,
    first_line_stop: re.Pattern[str],
    continues: Callable[[str, str], bool],
    max_lines: int,
    *,
    across_blank_lines: bool = False,
) -> _Span | None:
    """The value of the first field opened by ``label``, with its continuation lines.

    The value runs from the label to the end of its line (or to
    ``first_line_stop``) and then over following lines while
    ``continues(line, previous_line)`` accepts them; page-break lines in
    between are skipped, and so are blank lines if ``across_blank_lines``
    (a line after them must still be accepted).
    """
    match = _find_label(head, label)
    if not match:
        return None
    first_end = _line_end(head, match.end())
    stop = first_line_stop.search(head, match.end(), first_end)
    if stop:
        return _Span(match.start(), stop.start(), head[match.end() : stop.start()])
    parts = [head[match.end() : first_end]]
    end = first_end
    taken = 0
    for start, line_end in _lines_after(head, match.end()):
        line = head[start:line_end]
        if _is_break_line(line) or (across_blank_lines and not line.strip()):
            continue
        if taken >= max_lines or not continues(line, parts[-1]):
            break
        cut = first_line_stop.search(line)
        if cut:
            parts.append(line[: cut.start()])
            end = start + cut.start()
            break
        parts.append(line)
        end = line_end
        taken += 1
    return _Span(match.start(), end, "\n".join(parts))


_BREAK_LINE_RE = re.compile(
    rf"{SECTION_BREAK_LINE_RE.pattern}|\n[ \t]*{PAGE_HEADER_RE.pattern}$"
    r"|\n[ \t]*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|(?:[A-Z] ){4,}[A-Z])[ \t]*$"
)


def _is_break_line(line: str) -> bool:
    return bool(_BREAK_LINE_RE.fullmatch("\n" + line))


def _strip_breaks(text: str) -> str:
    """Remove page-break artefacts glued into a field's value."""
    return remove_page_breaks("\n" + text)[1:]


# Lines that open another front-matter field (or the body) end a field's value.
_NEXT_FIELD_RE = re.compile(
    r"[ \t]*(?:¶"
    r"|\d{1,3}[ \t]*\.(?!\d)|\((?:" + MARKING + r")\)"
    r"|REF(?:S|TELS?|ERENCES?)?\b|SUBJ(?:ECT)?\b|TAGS?\b|E\.?[ \t]?O\.?[ \t]?\d|DECL\w{0,8}\b"
    r"|CLASSIFIED[ \t]+BY|(?:BEGIN[ \t]+)?SUMMARY\b|SIPDIS|NOFORN"
    r"|(?:[-=_*][ \t]*){3,}"
    r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,"
    r"|(?:[A-Z] ){4,}[A-Z]"
    r")",
    re.I,
)


def _opens_field(line: str) -> bool:
    """Whether a line ends the value before it: blank, punctuation only, or a new field."""
    return not any(ch.isalnum() for ch in line) or bool(_NEXT_FIELD_RE.match(line))


# ---------------------------------------------------------------------------
# TAGS
#
# Each field's block is cached by head: its parser and front_matter_end both
# need it.
# ---------------------------------------------------------------------------

# ``TAGS:``, ``TAGS``, ``TAG``, ``Tags:`` at the start of a line; after other
# text on the line only with a colon, so that "tags" in running text is not a
# label; ``AGS:`` is a label that lost its first letter.
_TAGS_LABEL = _Label(
    re.compile(r"\n[ \t]*(?i:TAGS?)\b[ \t]*:?|(?<![\w/])(?:(?i:TAGS?)|AGS)[ \t]*:"), "AG"
)
_TAGS_STOP_RE = re.compile(
    r"\b(?:SUBJ(?:ECT)?|REF(?:S|TELS?)?)[ \t]*[:.]|\bClassified[ \t]+By\b|\bE\.?O\.?[ \t]?1\d{4}",
    re.I,
)
_TAG_SPLIT_RE = re.compile(r"[\s,;()\[\]]+")
_LIST_TOKEN_RE = re.compile(r"[A-Za-z]{1,12}\.?(?:-\d{1,2})?")
_NOT_TAGS = frozenset({"SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "SENSITIVE"})
_TAG_WORD_RE = re.compile(r"[A-Z0-9][A-Z0-9&-]*")
_CODE_LENGTH = 4  # subject and program tags: PGOV, KDEM
_COUNTRY_LENGTH = 2


@functools.cache
def _known_tags() -> frozenset[str]:
    """The codes of the TAGS reference (:mod:`cablestats.tags`)."""
    return frozenset(tags_table().index)


def _split_glued(word: str) -> list[str] | None:
    """Codes written without spaces, ``PHUMBA`` → ``PHUM``, ``BA``; None if ``word`` is not.

    Parts are known codes or four-letter program codes (``K...``); at most one
    part is a two-letter country, so that ordinary words are not cut up.
    """
    known = _known_tags()

    def parts(rest: str) -> list[str] | None:
        if not rest:
            return []
        for size in (6, 5, _CODE_LENGTH, 3, _COUNTRY_LENGTH):
            piece = rest[:size]
            program = size == _CODE_LENGTH and piece[0] == "K" and piece.isalpha()
            if len(piece) == size and (piece in known or program):
                tail = parts(rest[size:])
                if tail is not None:
                    return [piece, *tail]
        return None

    if len(word) < 3 * _COUNTRY_LENGTH or not word.isalpha():
        return None
    found = parts(word)
    if not found or sum(len(part) == _COUNTRY_LENGTH for part in found) > 1:
        return None
    return found


def _tag_values(value: str) -> list[str]:
    """The tags of a TAGS value, in order: every word, as the archive's pages list them.

    Commas, semicolons, parentheses and spaces all separate tags, so free text
    and person tags come out word by word (``OVIP (CLINTON, HILLARY)`` →
    ``OVIP``, ``CLINTON``, ``HILLARY``); codes run together are split into
    known codes (``PHUMBA`` → ``PHUM``, ``BA``).
    """
    tags: list[str] = []
    for token in _TAG_SPLIT_RE.split(value.upper()):
        word = token.strip(".:'\"")
        if _TAG_WORD_RE.fullmatch(word) and not word.isdigit() and word not in _NOT_TAGS:
            tags.extend(_split_glued(word) or [word])
    return tags


def _continues_tags(upper: bool) -> Callable[[str, str], bool]:
    """Whether a line carries more tags.

    After a line that ends with a comma, any list of tag-like words; otherwise
    only a short line of capitals under a TAGS line in capitals (``NATO, UK,
    CN``, ``CLEARANCE``), so that ``TAGS: something`` is not continued by the
    next line of text.
    """

    def continues(line: str, previous: str) -> bool:
        cut = _TAGS_STOP_RE.search(line)
        line = line[: cut.start()] if cut else line
        if _opens_field(line):
            return False
        tokens = [token for token in _TAG_SPLIT_RE.split(line) if token]
        if not all(_LIST_TOKEN_RE.fullmatch(t) for t in tokens):
            return False
        if any(t.upper() in _NOT_TAGS for t in tokens):
            return False
        if previous.rstrip().endswith((",", ";")):
            return True
        listed = "," in line or ";" in line
        return upper and line == line.upper() and (listed or len(tokens) <= 3)

    return continues


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _tags_block(head: str) -> _Span | None:
    label = _find_label(head, _TAGS_LABEL)
    if not label:
        return None
    first_line = head[label.end() : _line_end(head, label.end())]
    upper = first_line == first_line.upper()
    return _field_block(head, _TAGS_LABEL, _TAGS_STOP_RE, _continues_tags(upper), 6)


def parse_tags(text: str) -> list[str]:
    """The TAGS of the front matter, upper case, in order, without duplicates.

    Tolerates a missing colon (``TAGS PGOV PREL``), ``TAG`` for ``TAGS``,
    commas and semicolons, lower case, link markup and tags continued on the
    following lines (after a line ending with a comma, or a short line of
    codes; up to ``SUBJECT``, ``REF`` or a blank line).

    Tags are listed the way the archive's cable pages link them: every word
    of the TAGS value is a tag, as written (``OVIP (CLINTON, HILLARY)`` gives
    ``OVIP``, ``CLINTON``, ``HILLARY``; ``MOPPS`` stays ``MOPPS``), except
    that codes run together are split into the known codes of
    :mod:`cablestats.tags` (``PHUMBA`` → ``PHUM``, ``BA``).  Unknown codes are
    kept; :func:`cablestats.tags.unknown_tags` lists them.

    Parameters
    ----------
    text
        Cable text or a fragment holding its front matter.

    Returns
    -------
    list of str
        Empty when the text has no TAGS line.
    """
    block = _tags_block(_head(text))
    if block is None:
        return []
    return list(dict.fromkeys(_tag_values(_strip_breaks(block.value))))


# ---------------------------------------------------------------------------
# SUBJECT
# ---------------------------------------------------------------------------

_SUBJECT_LABEL = _Label(
    re.compile(r"\n[ \t]*SUBJ(?:ECT)?\b[ \t]*[:.]?|(?<![\w/])SUBJ(?:ECT)?[ \t]*:", re.I), "SUBJ"
)
_SUBJECT_STOP_RE = re.compile(
    r"REF(?:S|TELS?|\(S\))?[ \t]*:|\bClassified[ \t]+By\b|\bE\.?O\.?[ \t]?1\d{4}", re.I
)
_LEADING_MARKING_RE = re.compile(rf"\s*\(\s*(?:{MARKING})\s*\)\s*", re.I)


def _continues_subject(line: str, previous: str) -> bool:
    """A subject goes on until a new field; a sentence under a subject in capitals ends it."""
    if _opens_field(line):
        return False
    shouting = previous == previous.upper()
    return not (shouting and any(ch.islower() for ch in line))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _subject_block(head: str) -> _Span | None:
    return _field_block(head, _SUBJECT_LABEL, _SUBJECT_STOP_RE, _continues_subject, 6)


def parse_subject(text: str) -> str | None:
    """The SUBJECT line with its continuation lines, whitespace collapsed.

    Accepts ``SUBJECT:``, ``SUBJ:`` and ``SUBJECT`` without a colon; the subject
    runs over following lines until a blank line, the next field (``REF:``,
    ``Classified By``, a numbered paragraph) or, under a subject in capitals,
    a line of ordinary text.  Page breaks inside it are dropped, and so is a
    leading classification marking (``(S) GERMANY TAKING ACTION ...`` →
    ``GERMANY TAKING ACTION ...``); the subject keeps its own case.

    Returns
    -------
    str or None
        None when the text has no subject line or the subject is empty.
    """
    block = _subject_block(_head(text))
    if block is None:
        return None
    subject = _collapse(_strip_breaks(block.value))
    marking = _LEADING_MARKING_RE.match(subject)
    if marking:
        subject = subject[marking.end() :]
    return subject or None


# ---------------------------------------------------------------------------
# REF
# ---------------------------------------------------------------------------

# ``REF:``, ``REFS:``, ``REFTEL:``, ``REF A:``; ``REF:`` also when glued to the
# subject's last word (``UK PRIMEREF: A. LONDON 1939``); ``REF A STATE ...``.
_REF_LABEL = _Label(
    re.compile(
        r"(?<![\w/])(?i:REF(?:S|TELS?|ERENCES?|\(S\))?)(?:[ \t]+[A-Z](?=[ \t]*:))?[ \t]*:"
        r"|(?<=[A-Z])REF:"
        r"|(?<![\w/])REF[ \t]+(?:[A-Z][ \t]+(?=[A-Z]{2})|(?=\(?[A-Z]\)))"
    ),
    "REF",
)
_REF_STOP_RE = re.compile(
    r"\bClassified[ \t]+By\b|(?<!\()\bSUBJ(?:ECT)?[ \t]*:|\bTAGS?[ \t]*:|\bE\.?O\.?[ \t]?1\d{4}"
    r"|¶[ \t]*\d|\(U\)[ \t]+[A-Z]",  # not "(SUBJ: IIR ...)", the subject of a cited report
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
    return bool(_REF_OPEN_END_RE.search(previous[-24:])) and not _opens_field(line)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _ref_block(head: str) -> _Span | None:
    return _field_block(
        head, _REF_LABEL, _REF_STOP_RE, _continues_refs, 40, across_blank_lines=True
    )


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
_DOCUMENT_WORDS = _words(
    """
    EMAIL EMAILS E-MAIL E-MAILS MAIL TELCON TELCONS TELECON MEMCON MEMCONS LETTER LETTERS
    REPORT REPORTS REPORTING DAILY POINTS IIR IIRS FBIS OSC DTG FAM FAH SVTC DVC DATED
    READOUT NOTE NOTES PAPER NONPAPER NON-PAPER MEMO MEMORANDUM CONVERSATION MEETING
    MEETINGS DISCUSSION DISCUSSIONS PHONE CALL FAX WEBSITE STATE-DOS UNSCR UNSC RES
    RESOLUTION INCSR TD TDX DOC
    """
)
_NOT_POST = _DOCUMENT_WORDS | _words(
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
        before = block[match.start() - 1 : match.start()]
        tokens.append(
            _Token(
                kind,
                match.group(kind),
                not before or before.isspace(),
                block[match.end() : match.end() + 2],
            )
        )
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
        for index, token in enumerate(self.tokens):
            following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            getattr(self, f"_on_{token.kind}")(token, following)
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
        glued = len(token.value) >= 3 and canonical_post(" ".join(self.words)) in _known_posts()
        return token.spaced or glued

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
    block = _ref_block(_head(text))
    if block is None:
        return []
    value = _strip_breaks(REDACTION_RE.sub(" ", block.value))
    own = (canonical_reference_id(reference_id) or reference_id) if reference_id else None
    ids: dict[str, None] = {}
    for ref_year, words, serial in _ReferenceReader(_ref_tokens(value), year).read():
        post = _reference_post(words)
        reference = post and make_reference_id(ref_year, post, serial)
        if reference and reference != own:
            ids[reference] = None
    return list(ids)


# ---------------------------------------------------------------------------
# E.O. 12958: DECL
# ---------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("JAN", "JANUARY"),
            ("FEB", "FEBRUARY"),
            ("MAR", "MARCH"),
            ("APR", "APRIL"),
            ("MAY",),
            ("JUN", "JUNE"),
            ("JUL", "JULY"),
            ("AUG", "AUGUST"),
            ("SEP", "SEPT", "SEPTEMBER"),
            ("OCT", "OCTOBER"),
            ("NOV", "NOVEMBER"),
            ("DEC", "DECEMBER"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mname>[A-Za-z]{3,9})\.?"
# The label that precedes a declassification date: ``DECL:``, a typo such as
# ``DECLl:``, ``Declassify on``, the 1970s ``GDS``/``ADS`` schedules, or the
# order number itself (``E.O. 12958: 03/24/2019``).
_DECL_RE = re.compile(
    r"(?:\bDECL[A-Z]{0,8}\b(?:[ \t]+ON\b)?|\b[GA]DS\b|\bE\.?[ \t]?O\.?[ \t]?1\d{4}\b)[ \t]*:?[ \t]*"
    r"(?:(?P<first>\d{1,4})[/.-](?P<second>\d{1,2})[/.-](?P<third>\d{2,4})(?!\d)"
    r"|(?P<compact>\d{8})(?!\d)"
    rf"|{_MONTH}[ \t]+(?P<mday>\d{{1,2}}),?[ \t]+(?P<myear>\d{{4}})"
    rf"|(?P<dday>\d{{1,2}})[ \t]+{_MONTH.replace('mname', 'dname')}[ \t]+(?P<dyear>\d{{4}}))",
    re.I,
)


def _full_year(year: int) -> int:
    if year >= 100:
        return year
    return 1900 + year if year >= 50 else 2000 + year


def _declassify_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if groups["compact"]:
        digits = groups["compact"]
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    elif groups["first"]:
        first, second, third = groups["first"], groups["second"], groups["third"]
        if len(first) == 4:
            year, month, day = int(first), int(second), int(third)
        else:
            month, day, year = int(first), int(second), _full_year(int(third))
    else:
        name = groups["mname"] or groups["dname"]
        month = _MONTHS.get(name.upper(), 0)
        day = int(groups["mday"] or groups["dday"])
        year = int(groups["myear"] or groups["dyear"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_declassify_on(text: str) -> dt.date | None:
    """The declassification date of the ``E.O. 12958`` (or ``13526``) line.

    Reads ``DECL: 01/13/2019``, ``DECL: 1/13/19``, ``DECL 20190113``,
    ``DECL: 2019/01/13``, ``E.O. 12958: 03/24/2019`` and ``Declassify on ...``.
    Dates are month first, as the State Department writes them.

    Returns
    -------
    datetime.date or None
        None for ``N/A``, markers that are not dates (``OADR``, ``X1``,
        ``25X1``, ``MR``), events (``10 YEARS AFTER ...``) and impossible dates
        (``02/30/2019``).
    """
    match = _DECL_RE.search(_head(text))
    return _declassify_date(match) if match else None


# ---------------------------------------------------------------------------
# Classified By
# ---------------------------------------------------------------------------

_CLASSIFIED_BY = _Label(
    re.compile(
        r"(?:\(\s?[A-Z/]{1,6}\s?\)[ \t]*)?"
        r"(?:\bClassified[ \t]+By\b[ \t]*:?[ \t]*(?:\(\s?[A-Z/]{1,6}\s?\)[ \t]*)?)+",
        re.I,
    ),
    "CLASSIFIED",
)
# Letters of a word that a wrapped line split ("REA\nSONS", "f\nor").
_SPLIT = r"[ \t]*\n?[ \t]*"
# The reasons end the names: "for reasons 1.4 (b) and (d)", "per 1.5", "1.4(C)",
# "BASED ON", "DUE TO"; typed with slips ("Resons", "F0R", "FR REASONS").
_REASON_RE = re.compile(
    rf"(?:\bf{_SPLIT}[o0]?{_SPLIT}r\s+)?\br{_SPLIT}(?:e{_SPLIT}a?|a){_SPLIT}s?{_SPLIT}[o0]{_SPLIT}n"
    rf"|\b1{_SPLIT}[.,/]{_SPLIT}[45]\b|\bper\b|\bunder[ \t]+section\b"
    r"|\bE\.?[ \t]?O\.?[ \t]?1\d{4}|\(\s?[a-h]\s?\)|\bbased\s+(?:[o0]n|upon)\b|\bdue\s+to\b",
    re.I,
)
# How far past the front matter the first paragraphs are searched.
_FIRST_PARAGRAPHS_CHARS = 3_000
# Where the statement ends at the latest: a blank line, the next field or
# paragraph, a rule.
_CLASSIFIED_BY_END_RE = re.compile(
    r"\n[ \t]*\n|\n[ \t]*(?:¶|\d{1,3}[ \t]*\.(?!\d)|\(" + MARKING + r"\)|SUMMARY\b)"
    r"|\b(?:REF(?:S|TELS?)?|TAGS?|SUBJ(?:ECT)?)[ \t]*:|-{3,}|(?<=[.)\] ])SUMMARY\b"
    r"|\bE\.?[ \t]?O\.?[ \t]?1\d{4}[ \t]*:",
    re.I,
)
# The reasons wrapped onto the next line: "FOR REASONS\n1.4 (B) AND (D)".
# A wrapped tail may also be the last letters alone ("(c).", "and (d).", "(b/d)."),
# which a paragraph opening with its marking ("(C) The minister ...") is not.
_REASON_TAIL_RE = re.compile(
    r"\n[ \t]*(?:(?:and|or|&)[ \t]+)?"
    r"(?:[a-z]{0,3}[ \t]?\d[ \t]?\.[ \t]?\d"
    r"|\(\s?[a-h](?:\s?[,/&]\s?(?:and\s)?[a-h])*\s?[),]"
    r"(?=[ \t]*(?:[.,;&(]|and\b|or\b|$)))",
    re.I | re.M,
)
# Words split by a wrapped line: "Blah\na" (lower case), "AFFAIR\nS" (capitals).
_WRAPPED_LOWER_RE = re.compile(r"(?<=[a-z])[ \t]*\n[ \t]*(?=[a-z]+\b)")
_WRAPPED_UPPER_RE = re.compile(r"(?<=[A-Z]{2})[ \t]*\n[ \t]*(?=[A-Z](?![\w.]))")
# An initial typed with a comma: "Luis G, Moreno".
_INITIAL_COMMA_RE = re.compile(r"(?<=[a-z] [A-Z]),(?= [A-Z][a-z])")
_NAME_CHUNK_SPLIT_RE = re.compile(r"[,;]|[ \t](?:and|AND|And|&|-)[ \t]|\?")

_TITLE_WORDS = _words(
    """
    ambassador amb ambassador-designate ambassador-at-large deputy chief mission dcm adcm
    charge chargé charg cda d'affaires d’affaires d,affaires d'affairs affaires affairs affair
    a.i a.i. ai political politics pol polcouns polcounselor polmc mc m-c polmil poloff polec
    ecopol econ economic economics econoff econcouns econmin ecmin econmincouns econmc
    polmincouns polmincons mincouns polchief minister minister-counselor counselor counsellor
    counsel couns coun min couselor councilor officer off conoff consul consular general congen
    cg principal po dpo regional rso director dir acting assistant secretary a/s das pdas senior
    adviser advisor under u/s bureau com head section unit internal leader coordinator
    coordinating interagency provincial development prt nas pas public diplomacy press attache
    attaché defense military management special envoy representative permanent delegate member
    chairman chair arms control chief-of-mission political-military security global executive
    vice deputy-chief ait usdel legatt legat ltc col lt cdr capt maj gen adm bg mg ltg sgt cpt
    office
    """
)
# Title words that slips of the keyboard are matched against ("Ambassaor").
_FUZZY_TITLES = _words(
    """
    ambassador counselor counsellor director minister secretary assistant political economic
    principal officer deputy affairs affaires coordinator attache representative
    minister-counselor
    """
)
# Words after which the next words name a place (``Embassy Bamako``).
_PLACE_OPENERS = _words(
    """
    embassy consulate consulate-general amembassy amconsul usmission department dept government
    """
)
# Words that are never names: offices, documents, the statement's own words.
_NOT_NAMES = _words(
    """
    state dos usg us u.s u.s. usa exec nara derived multiple sources source line added
    classification classified reason reasons text entire confidential secret unclassified
    region regions asia europe africa america americas central south north east west middle
    near eastern western southern northern pacific caribbean latin
    """
)
_BUREAUS = _words(
    """
    eur eap nea wha sca af io isn inr eeb pm drl oes ca ds inl prm ct dhs dod doe fbi cia usaid
    aid nsc osd jcs fo cjcs mtr ops ipc useu usnato usun irpo rpo cddea ecosoc vci afr cm
    """
)
_CONNECTORS = _words(
    """
    of for the by in to on at from with as a an
    """
)
_PARTICLES = _words(
    """
    de da del della di du dos das la le van von der den ter ten bin al el y
    """
)
_SUFFIXES = _words(
    """
    jr jr. sr sr. ii iii iv
    """
)
# Lower-case words that stand on their own rather than ending a wrapped name
# ("d" of "Charge d,Affaires").
_NOT_GLUED = _PARTICLES | _CONNECTORS | _TITLE_WORDS | {"d"}
_NAME_TOKEN_RE = re.compile(r"[\"'“]?[A-Z][A-Za-z0'’.\"”-]*")
_INITIAL_RE = re.compile(r"[A-Z0]\.|(?:[A-Z]\.){2,3}")
_ACRONYM_MAX = 5
_FUZZY_MIN = 6


@functools.cache
def _place_words() -> frozenset[str]:
    """Words of country names (:mod:`cablestats.tags`): a name never contains them."""
    countries = tags_table().query("kind == 'country'")["name"]
    return frozenset(word.lower() for name in countries for word in re.findall(r"[A-Za-z]+", name))


def _near(word: str, target: str, limit: int) -> bool:
    """Whether ``word`` is within ``limit`` edits (insert, delete, swap, change) of ``target``."""
    if abs(len(word) - len(target)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(target) + 1))
    for i, char in enumerate(word, 1):
        row = [i]
        for j, other in enumerate(target, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == target[j - 2] and word[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


# Officials' names and titles recur from cable to cable, and the fuzzy
# comparisons behind these word classes are the costliest step of reading a
# "Classified By" statement, so their answers are kept.
_WORD_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def _is_title(word: str) -> bool:
    """A title or role word, also misspelt (``Ambassaor``, ``COUNSEL0R``) or hyphenated."""
    word = word.replace("0", "o")
    if word in _TITLE_WORDS or any(part in _TITLE_WORDS for part in word.split("-") if part):
        return True
    if len(word) < _FUZZY_MIN:
        return len(word) >= 4 and word.isalpha() and _near(word, "chief", 1)  # "CIEF"
    if not word.isalpha():
        return False
    limit = 1 if len(word) < 8 else 2
    return any(
        (word[0] in title[:2] or word[1] == title[0]) and _near(word, title, limit)
        for title in _FUZZY_TITLES
    )


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def _word_class(token: str, mixed_case: bool, previous: str) -> str:
    """What a token of the statement is: name, initial, suffix, title, place, ..."""
    word = token.lower().strip(".,:;()'’")
    bare = token.strip(".,:;()\"'“”’")
    if not bare:
        return "break"
    if REDACTION_RE.fullmatch(bare):
        return "redacted"
    if _INITIAL_RE.fullmatch(token) and word not in _TITLE_WORDS:  # not "A.I."
        return "initial"
    if word in _SUFFIXES:
        return "suffix"
    if "/" in bare:
        return "title"
    if len(bare) == 1 and bare.isupper() and (mixed_case or word != "a"):
        return "letter"  # an initial without its full stop, or a stray letter
    if mixed_case and bare.isupper() and len(bare) <= _ACRONYM_MAX:
        return "title"
    if word in _BUREAUS and not mixed_case:  # in capitals; "Doe" is a name
        return "title"
    if word in _PLACE_OPENERS:
        return "opener"
    # A country's word after a name is a surname ("William Jordan").
    if word in _NOT_NAMES or (word in _place_words() and previous not in {"name", "initial"}):
        return "place"
    if word in _CONNECTORS:
        return "connector"
    if word in _PARTICLES:
        return "particle"
    if _is_title(word):
        return "title"
    if _NAME_TOKEN_RE.fullmatch(token) and not any(ch.isdigit() and ch != "0" for ch in token):
        return "place" if previous == "opener" else "name"
    return "break"


def _glue_wrapped(tokens: list[str], mixed_case: bool) -> list[str]:
    """Rejoin a name split inside a line: ``Michae l Corbin`` → ``Michael Corbin``."""
    glued: list[str] = []
    for token in tokens:
        if (
            glued
            and mixed_case
            and token[:1].islower()
            and "." not in token
            and token.lower() not in _NOT_GLUED
            and glued[-1][:1].isupper()
            and not _is_title(glued[-1].lower())
        ):
            glued[-1] += token
        else:
            glued.append(token)
    return glued


class _Run(NamedTuple):
    words: list[str]
    before: str  # class of the token before the run ("start" at the chunk start)
    after: str  # class of the token after it ("end" at the chunk end)


_NAME_PARTS = frozenset({"name", "initial", "suffix"})


def _name_runs(chunk: str, mixed_case: bool) -> list[_Run]:
    """Runs of name tokens in a chunk, with the kinds of token around them."""
    tokens = []
    for token in _glue_wrapped(chunk.replace(":", " ").split(), mixed_case):
        parts = [part for part in token.split("/") if part]
        # "A/S", "Pol/C" are roles; "DCM/Ted Osius", "EUR/RPM" two words each.
        tokens.extend([token] if min(map(len, parts), default=0) == 1 else parts)
    classes: list[str] = []
    for token in tokens:
        classes.append(_word_class(token, mixed_case, classes[-1] if classes else "start"))
    for index, kind in enumerate(classes):
        inside = 0 < index < len(classes) - 1
        if kind in {"letter", "particle"} and inside and classes[index + 1] == "name":
            classes[index] = "initial" if kind == "letter" else "particle-in"
    runs: list[_Run] = []
    index = 0
    while index < len(tokens):
        if classes[index] not in {"name", "initial"}:
            index += 1
            continue
        start = index
        while index < len(tokens) and classes[index] in _NAME_PARTS | {"particle-in"}:
            index += 1
        if any(kind == "name" for kind in classes[start:index]):
            before = classes[start - 1] if start else "start"
            after = classes[index] if index < len(tokens) else "end"
            runs.append(_Run(tokens[start:index], before, after))
    return runs


def _tidy_name(words: list[str]) -> str:
    name = " ".join(words).strip(",;:-")
    last = words[-1].rstrip("-")
    if name.endswith(".") and len(last.strip(".")) > 1 and last.lower() not in _SUFFIXES:
        name = name[:-1]
    return name


def _chunk_name(chunk: str, mixed_case: bool) -> tuple[str | None, bool]:
    """The name in one comma-separated part, and whether the part is only that name."""
    chosen = None
    for run in _name_runs(chunk, mixed_case):
        if "redacted" in (run.before, run.after):
            continue
        alone = run.before == "start" and run.after == "end"
        if len(run.words) == 1 and run.before != "title" and not alone:
            continue
        chosen = run
    if chosen is None:
        return None, False
    bare = chosen.before == "start" and chosen.after == "end"
    return _tidy_name(chosen.words), bare


def _suffix(chunk: str) -> str | None:
    """``Jr.``, ``III``: a suffix written after a comma; a stray full stop dropped."""
    if chunk.lower() not in _SUFFIXES and chunk.lower().rstrip(".") not in _SUFFIXES:
        return None
    return chunk if chunk.lower() in {"jr.", "sr."} else chunk.rstrip(".")


def _classified_by_names(statement: str) -> list[str]:
    """The names in a statement cut before its reasons."""
    statement = _WRAPPED_UPPER_RE.sub("", _WRAPPED_LOWER_RE.sub("", statement))
    statement = _INITIAL_COMMA_RE.sub(".", _collapse(statement))
    mixed_case = any(ch.islower() for ch in re.sub(r"\b(?:for|of|and|by|the)\b", "", statement))
    chunks = [chunk.strip() for chunk in _NAME_CHUNK_SPLIT_RE.split(statement)]
    chunks = [chunk for chunk in chunks if chunk]
    found = [_chunk_name(chunk, mixed_case) for chunk in chunks]
    names: list[str] = []
    for index, (name, bare) in enumerate(found):
        suffix = _suffix(chunks[index])
        if suffix:
            if names:
                names[-1] += ", " + suffix
            continue
        if name is None:
            continue
        following = [found_name for found_name, _ in found[index + 1 :]]
        if bare and index == 0 and " " not in name and any(following):
            if len(chunks) > 2 and found[1][1] and " " not in (found[1][0] or " "):
                # "Martinez, Vilma, Ambassador": surname first, then the given name.
                names.append(f"{found[1][0]} {name}")
                break
            continue  # "Economical and Political Chief Ike Reed": not a name
        names.append(name)
        if bare and index == 0:
            # "Name, Title, Office": what follows describes this person.
            suffix = _suffix(chunks[1]) if len(chunks) > 1 else None
            if suffix:
                names[-1] += ", " + suffix
            break
    return list(dict.fromkeys(names))


def _classified_by_statements(text: str) -> Iterator[str]:
    """The statements that open with ``Classified By``, the front matter's first.

    Past the front matter (``1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY
    ...``) a statement counts only with its reasons, so that prose saying
    "classified by" is not read.
    """
    head = _head(text)
    yield from (span.value for span in _classified_by_spans(head))
    first_paragraphs = "\n" + normalized(text)[: len(head) + _FIRST_PARAGRAPHS_CHARS]
    spans = _classified_by_spans(first_paragraphs, start=max(len(head) - 1, 0), with_reasons=True)
    yield from (span.value for span in spans)


def _classified_by_spans(
    text: str, *, start: int = 0, with_reasons: bool = False
) -> Iterator[_Span]:
    upper = _upper(text)
    found = upper.find("CLASSIFIED", start)
    while found >= 0:
        label = _CLASSIFIED_BY.pattern.match(text, found)
        if label:
            span, reasoned = _statement_span(text, label)
            if reasoned or not with_reasons:
                yield span
            found = upper.find("CLASSIFIED", label.end())
        else:
            found = upper.find("CLASSIFIED", found + 1)


def _statement_span(text: str, label: re.Match[str]) -> tuple[_Span, bool]:
    """The statement from its label to the end of its reasons, and whether it gives them.

    The span's value holds the names: the text between the label and the reasons.
    """
    limit = _CLASSIFIED_BY_END_RE.search(text, label.end())
    stop = limit.start() if limit else len(text)
    reason = _REASON_RE.search(text, label.end(), stop)
    if reason is None:
        return _Span(label.start(), stop, text[label.end() : stop]), False
    end = min(stop, _line_end(text, reason.end()))
    # The tail may sit past ``stop``: "(c)." on its own line looks like a marking.
    while wrapped := _REASON_TAIL_RE.match(text, end):
        end = _line_end(text, wrapped.end())
    return _Span(label.start(), end, text[label.end() : reason.start()]), True


def parse_classified_by(text: str) -> list[str]:
    """The names of the officials in the ``Classified By`` statement.

    Titles and roles (``Ambassador``, ``Deputy Chief of Mission``, ``DCM``,
    ``Charge d'Affaires, a.i.``, ``PolOff``, ``A/DCM``, ``Acting ...``, also
    misspelt: ``Ambassaor``), offices and places (``Embassy Bamako``,
    ``Department of State``, ``EUR/RPM``, ``Ambassador to Sudan``) and the
    reasons (``for reasons 1.4 (b) and (d)``) are left out; several officials
    (``Ambassador X and DCM Y``) give several names.  Names keep the case,
    initials and suffixes they are written with (``THOMAS W. SIMONS, JR.``);
    words split by a wrapped line are joined.  The statement is looked for in
    the front matter, then in the first paragraphs; one that names nobody
    (``CLASSIFIED BY LINE ADDED``) gives way to the next.

    Returns
    -------
    list of str
        ``["Peter Henry Barlerin"]``; empty when there is no such statement or
        it names nobody (``Classified By: Ambassador``, a redacted name).
    """
    for statement in _classified_by_statements(text):
        names = _classified_by_names(statement)
        if names:
            return names
    return []


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _classified_by_span(head: str) -> _Span | None:
    """The front matter's first ``Classified By`` statement."""
    return next(_classified_by_spans(head), None)


# ---------------------------------------------------------------------------
# Where the front matter ends
# ---------------------------------------------------------------------------

_OPENING_LINE_RE = re.compile(
    r"\n[ \t]*(?:(?:[A-Z]{1,2} ?){2}(?:[A-Z] ){3,}[A-Z][^\n]*"
    r"|(?:UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b[^\n]*"
    r"|E\.?[ \t]?O\.?[ \t]?\d{4,5}[^\n]*)",
    re.I,
)
_SPAN_FINDERS = (_tags_block, _subject_block, _ref_block, _classified_by_span)
_REPEATED_FIELD_RE = re.compile(r"\s*(?:TAGS?|SUBJ(?:ECT)?|REF(?:S|TELS?)?|CLASSIFIED)\b", re.I)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def front_matter_end(text: str) -> int:
    """Where the body starts in ``normalized(text)``: after the last front-matter field.

    The front-matter fields are the classification line, ``E.O.``, ``TAGS``,
    ``SUBJECT``, ``REF`` and ``Classified By`` with their continuation lines;
    text before the first of them (a routing header) goes with them, and so
    does a field written again just below them (a repeated ``SUBJECT``).  A
    fragment without any of them starts its body at 0.
    """
    head = _head(text)
    ends = [span.end for finder in _SPAN_FINDERS if (span := finder(head)) is not None]
    ends.extend(match.end() for match in _OPENING_LINE_RE.finditer(head))
    end = max(ends, default=1)
    for _ in range(len(_SPAN_FINDERS)):
        # A field written again after the others ("SUBJECT: ..." repeated
        # below "Classified By") still belongs to the front matter.
        rest = head[end:]
        repeated = _REPEATED_FIELD_RE.match(rest)
        if repeated is None:
            break
        spans = (finder(rest) for finder in _SPAN_FINDERS)
        ends = [span.end for span in spans if span is not None and span.start <= repeated.end()]
        if not ends:
            break
        end += max(ends)
    return end - 1  # the head starts with an added newline


# ---------------------------------------------------------------------------
# The closing lines: signer and what follows it
# ---------------------------------------------------------------------------


class Signoff(NamedTuple):
    """The end of a cable: where its content ends and who signed it."""

    content_end: int  # offset in ``normalized(text)`` where the signature or junk begins
    signer: str | None


# Lines after the signature that carry nothing: transmission markers, rules,
# classification repeats, page footers and truncation stubs.
_JUNK_LINE_RE = re.compile(
    r"(?:"
    r"[\W_]*"
    r"|BT|NNNN|#\d+|END[ \t]+(?:OF[ \t]+)?(?:CABLE[ \t]+)?(?:TEXT|MESSAGE)\.?"
    r"|MINIMIZE[ \t]+CONSIDERED\.?"
    r"|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|SENSITIVE|NOFORN|SIPDIS|(?:[A-Z] ){4,}[A-Z]"
    r"|LIMITED[ \t]+OFFICIAL[ \t]+USE)(?:[ \t]*/[^\n]*)?"
    r"|\d{4}[A-Z]+\d+\b[^\n]*"
    r"|PAGE[ \t]+\d+[ \t][^\n]*\d{6}Z"
    r"|NOTE(?:[ \t]+BY\b|[ \t]*:)[^\n]*"
    r"|Declassified/Released\b[^\n]*|Review[ \t]+\d{1,2}[ \t]+[A-Z]{3}[ \t]+\d{4}"
    r"|[A-Z][A-Z .'-]{0,40}[ \t]+\d{6,8}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}"
    r"|(?-i:[^a-z\n]{0,60})\.\.\."
    r"|ID:[ \t]*\d+|[^\n]*\bEL[ \t]+PA[IÍ]S\b[^\n]*|[^\n]{0,20}[ \t]@[ \t][^\n]{0,20}"
    r")",
    re.I,
)
# Notices that point to an embassy's classified web site, often wrapped over
# two lines and sometimes with the signer glued to their end.
_WEB_NOTICE_RE = re.compile(r"https?://|www\.|sgov\.gov|\.gov/|\bVisit\b|Web[ \t]?site", re.I)
_NAME_WORD = r"[A-Z][A-Za-z'’-]*[A-Za-z]"
_SIGNER_LINE_RE = re.compile(
    rf"(?P<name>(?:{_NAME_WORD}|[a-z][a-z'’-]+[a-z])(?:[ \t]+(?:{_NAME_WORD}|JR|Jr)\.?){{0,2}})"
    r"(?:[ \t]+\d{4}-\d{2}-\d{2})?[ \t]*(?P<stop>\.?)[ \t]*#*"
)
# A name glued to the end of the last sentence: one word (or two in capitals,
# ``LA LIME``), perhaps ``JR``, a stray full stop or the date of the copy.
_TRAILING_NAME_RE = re.compile(
    rf"\.?(?P<name>(?:[A-Z][A-Z'’-]+[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:JR|Jr)\.?)?)"
    r"(?:[ \t]+\d{4}-\d{2}-\d{2})?[ \t]*(?P<stop>\.?)[ \t]*$"
)
_SENTENCE_END_RE = re.compile(r"[.!?:;\"”'’)\]]$")
# "... END COMMENT THORNE": closing phrases end a sentence without a stop.
_CLOSING_WORD_RE = re.compile(r"(?:COMMENTS?|NOTE|TEXT|SUMMARY)$", re.I)
_ABBREVIATION_RE = re.compile(
    r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|Amb|St|Gen|Sen|Rep|No|Gov|Lt|Col|Capt|Adm|Maj|Prof)\.",
    re.I,
)
# Closing words, and common words that open a sentence cut short.
_NOT_SIGNERS = _words(
    """
    END COMMENT COMMENTS TEXT NOTE SUMMARY BT NNNN THANKS REGARDS CLASSIFIED UNCLASSIFIED
    CONFIDENTIAL SECRET SIPDIS NOFORN MINIMIZE CONSIDERED ACTION REQUEST BEGIN CONCLUSION
    THE A AN THIS THAT THESE THOSE IT ITS WE OUR HE SHE THEY THEIR HIS HER I IN ON AT
    FOR TO OF AND BUT OR AS IF WHEN WHILE WITH BY FROM NOT NO ALSO HOWEVER THERE
    """
)


# Closing junk lines are short; longer lines are content.
_JUNK_LINE_MAX_CHARS = 200


def _is_junk_line(line: str) -> bool:
    line = line.strip()
    return len(line) <= _JUNK_LINE_MAX_CHARS and bool(_JUNK_LINE_RE.fullmatch(line))


def _is_signer_name(name: str) -> bool:
    words = name.upper().replace(".", " ").split()
    return bool(words) and not any(word in _NOT_SIGNERS for word in words)


def _dedupe_words(name: str) -> str:
    """``KUBISKE KUBISKE`` (a signature printed twice) → ``KUBISKE``."""
    words = name.split()
    if len(words) == 2 and words[0].upper() == words[1].upper():
        return words[0]
    return name


def _closes_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, so that a capitalised word after it is not prose."""
    text = text.rstrip()
    last = text.rsplit(None, 1)[-1] if text else ""
    if _ABBREVIATION_RE.fullmatch(last):
        return False
    return bool(_SENTENCE_END_RE.search(last) or _CLOSING_WORD_RE.fullmatch(last))


def _trailing_signer(line: str) -> tuple[str, int] | None:
    """A name glued to the end of a sentence or of a web notice (``... Europe. Edelman``).

    Returns the name and where it starts in ``line``.  Only the end of the line
    is read: web copies put whole paragraphs on one line.
    """
    offset = max(0, len(line) - _LINE_TAIL_CHARS)
    line = line[offset:]
    match = _TRAILING_NAME_RE.search(line)
    if not match or match.start() == 0 or not line[match.start() - 1].isspace():
        return None
    name, before = match.group("name"), line[: match.start()]
    if " " in name and not _is_signer_name(name):
        # "END COMMENT EIKENBERRY": the first capitalised word belongs to the text.
        match = _TRAILING_NAME_RE.search(line, match.start("name") + name.index(" ") + 1)
        if not match:
            return None
        name, before = match.group("name"), line[: match.start()]
    if not _is_signer_name(name):
        return None
    opening = PARAGRAPH_START_RE.fullmatch("\n" + before)
    if opening and opening.group("marking"):
        return None  # "2. (U) Second.": the paragraph's only word
    if match.group("stop") and not name.isupper():
        return None  # "... went well. Second.": a sentence of one word
    # A name in capitals after prose in mixed case is a signature even when the
    # prose ends in an abbreviation ("... in the U.S. DANILOVICH").
    shouting = name.isupper() and any(ch.islower() for ch in before)
    if shouting or _closes_sentence(before) or _WEB_NOTICE_RE.search(before):
        return name, offset + match.start("name")
    return None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def signoff(text: str) -> Signoff:
    """The signer of ``text`` and where the content before the signature ends.

    The signer is the name line at the end (``MILOVANOVIC``, ``Stapleton``),
    found above transmission markers (``BT``, ``#0504``, ``NNNN``), rules,
    web-site notices and other closing junk, or the name that web copies glue
    to the last sentence (``... End Comment. KAIDANOW``).
    """
    full = normalized(text)
    offset = max(0, len(full) - _TAIL_CHARS)
    tail = full[offset:]
    end = len(tail)
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        line = tail[start:end]
        if start == 0 and offset > 0:
            break  # the window cut this line: it is not a closing line
        junk = _is_junk_line(line) or (
            _WEB_NOTICE_RE.search(line, max(0, len(line) - _LINE_TAIL_CHARS))
            and not _trailing_signer(line)
        )
        if not junk:
            break
        end = max(start - 1, 0)
    if end <= 0:
        return Signoff(offset, None)
    start = tail.rfind("\n", 0, end) + 1
    signer, position = _signer_in_line(tail[start:end], tail, start)
    content_end = start + position if signer else end
    above = _previous_line_start(tail, start)
    if signer and above is not None and _line_at(tail, above).upper() == signer.upper():
        content_end = above  # the signature printed twice, on lines of its own
    return Signoff(offset + _before_notices(tail, content_end), signer)


# A web-site notice from its first word to the end of its line, also when it
# follows the last sentence on the same line.
_NOTICE_RE = re.compile(
    r"(?:\bPlease[ \t]+)?\bVisit\b[^\n]*(?:Web[ \t]?site|Web[ \t]?page|classified|Portal)[^\n]*$"
    r"|(?:https?://|www\.)[^\n]*$",
    re.I,
)


def _before_notices(tail: str, end: int) -> int:
    """Move ``end`` up past the notices, blank and junk lines just above it."""
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        line = tail[start:end]
        notice = _NOTICE_RE.search(line, max(0, len(line) - _LINE_TAIL_CHARS))
        if notice:
            if line[: notice.start()].strip():
                return start + notice.start()  # prose precedes the notice on its line
        elif line.strip() and not _is_junk_line(line):
            return end
        end = start - 1 if start > 0 else 0
    return 0


def _signer_in_line(line: str, tail: str, line_start: int) -> tuple[str | None, int]:
    """The signer in the last line of content and where it starts in the line."""
    stripped = line.strip()
    whole = _SIGNER_LINE_RE.fullmatch(stripped)
    if whole and _is_signer_name(whole.group("name")):
        name = whole.group("name")
        previous = _previous_line(tail, line_start)
        closed = _previous_line_closed(previous) or previous.upper() == name.upper()
        if name.isupper() or (closed and (name[0].isupper() or not whole.group("stop"))):
            return _dedupe_words(name), line.find(stripped)
    trailing = _trailing_signer(line)
    return trailing if trailing else (None, 0)


def _previous_line_start(tail: str, line_start: int) -> int | None:
    """Where the last non-blank line before ``line_start`` starts."""
    end = line_start - 1
    while end > 0:
        start = tail.rfind("\n", 0, end) + 1
        if tail[start:end].strip():
            return start
        end = start - 1
    return None


def _line_at(tail: str, start: int) -> str:
    return tail[start : _line_end(tail, start)].strip()


def _previous_line(tail: str, line_start: int) -> str:
    """The last non-blank line before ``line_start``."""
    start = _previous_line_start(tail, line_start)
    return "" if start is None else _line_at(tail, start)


def _previous_line_closed(previous: str) -> bool:
    """Whether the line before a lone word ends a sentence, so that the word is a name."""
    return (
        not previous
        or previous.endswith(".")
        or _closes_sentence(previous)
        or _is_junk_line(previous)
        or bool(_WEB_NOTICE_RE.search(previous, max(0, len(previous) - _LINE_TAIL_CHARS)))
    )


def parse_signer(text: str) -> str | None:
    """The name that signs the cable on its last line.

    ``MILOVANOVIC``, ``PATTERSON``, ``LeBaron``: found above closing junk
    (blank lines, ``BT``, ``#0504``, ``NNNN``, ``Visit Embassy X's classified
    website: ...`` notices) or glued by a web copy to the last sentence
    (``... End Comment. KAIDANOW``).  A signature printed twice
    (``KUBISKE KUBISKE``, or on two lines) is read once.  A last word that is
    a paragraph or a sentence of its own (``2. (U) Noted.``, ``... well.
    Second.``) is not a signature.

    Returns
    -------
    str or None
        None when the cable ends in prose or in a closing phrase
        (``End Comment``).
    """
    return signoff(text).signer


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------

_SUMMARY_KINDS = (
    r"COMMENTS?|ACTION[ \t]+REQUESTS?|ACTION|INTRODUCTION|BACKGROUND|RECOMMENDATIONS?"
    r"|ANALYSIS|CONCLUSIONS?|OVERVIEW|TABLE[ \t]+OF[ \t]+CONTENTS|KEY[ \t]+POINTS|HIGHLIGHTS"
)
# "SUMMARY" is found as a plain substring of the upper-cased body (much faster
# than a case-insensitive search); these patterns then check what surrounds it.
# Before it on its line: a paragraph opening ("1. (C) Summary:"), nothing (a
# "Summary" heading), dashes ("------- SUMMARY -------") or "BEGIN".
_SUMMARY_PREFIX_RE = re.compile(
    r"[ \t]*(?:¶[ \t]*)?(?:\d{1,3}[ \t]*[.,)][ \t]*)?"
    rf"(?:\(?[ \t]*(?:{MARKING})[ \t]*\)[ \t]*)?(?:-+[ \t]*)?"
    r"(?:(?:INTRODUCTION|BACKGROUND|OVERVIEW)[ \t]+(?:AND|&)[ \t]+)?"
    r"|.*(?:-{3,}|\bBEGIN)[ \t]*",
    re.I,
)
_BEGIN_BEFORE_RE = re.compile(r"\bBEGIN[ \t]+$")
_END_BEFORE_RE = re.compile(r"[(\[-]*[ \t]*\bEND\s+(?:OF\s+)?$")
# The label itself, followed by punctuation or the end of its line.
_SUMMARY_LABEL_RE = re.compile(
    r"SUMMARY(?:[ \t]*(?:AND|&|/)[ \t]*(?:" + _SUMMARY_KINDS + r"))?(?![\w-])"
    r"(?P<open>(?=[ \t]*(?:[:.,=\-‐–—]|\n|$)))?[ \t]*[:.,\-‐–—]*",
    re.I,
)
# A cable says "summary" a few times at most; junk that repeats it is not
# searched to its end.
_SUMMARY_MAX_TRIES = 50
# How far before "SUMMARY" its "END" may be ("END\nSUMMARY").
_END_CHARS = 20
# How far before "SUMMARY" its opening words may start.
_SUMMARY_PREFIX_CHARS = 80


def _summary_start(body: str, upper: str) -> int | None:
    """Where the summary's text starts: after its label and the opening around it."""
    found = upper.find("SUMMARY")
    for _ in range(_SUMMARY_MAX_TRIES):
        if found < 0:
            break
        line_start = max(body.rfind("\n", 0, found) + 1, found - _SUMMARY_PREFIX_CHARS)
        label = _SUMMARY_LABEL_RE.match(body, found)
        begun = _BEGIN_BEFORE_RE.search(upper, line_start, found)
        ended = _END_BEFORE_RE.search(upper, max(0, found - _END_CHARS), found)
        opening = _SUMMARY_PREFIX_RE.fullmatch(body, line_start, found)
        if label and opening and not ended and (label.group("open") is not None or begun):
            opening_text = _SUMMARY_TEXT_START_RE.match(body, label.end())
            begin = opening_text.end() if opening_text else label.end()
            # A heading "SUMMARY" over a paragraph that opens "Summary:" again.
            again = upper.startswith("SUMMARY", begin) and _SUMMARY_LABEL_RE.match(body, begin)
            return again.end() if again and again.group("open") is not None else begin
        found = upper.find("SUMMARY", found + 1)
    return None


def _summary_end(body: str, upper: str, begin: int) -> int | None:
    """Where ``End Summary`` (or ``(END SUMMARY)``) starts after ``begin``."""
    found = upper.find("SUMMARY", begin, begin + _SUMMARY_MAX_CHARS)
    for _ in range(_SUMMARY_MAX_TRIES):
        if found < 0:
            break
        ended = _END_BEFORE_RE.search(upper, max(begin, found - _END_CHARS), found)
        if ended:
            return ended.start()
        found = upper.find("SUMMARY", found + 1, begin + _SUMMARY_MAX_CHARS)
    return None


# Without an end marker the summary is its paragraph: it stops at the next
# numbered paragraph, a rule or a blank line.
_PARAGRAPH_END_RE = re.compile(
    rf"{PARAGRAPH_START_RE.pattern}|\n[ \t]*\n|{RULE_LINE_RE.pattern}|---|===|‐‐‐", re.I
)
_SUMMARY_TEXT_START_RE = re.compile(
    r"[\s=\-‐–—]*(?:¶[ \t]*)?(?:\d{1,3}[ \t]*[.,)](?!\d)[ \t]*)?"
    rf"(?:\([ \t]*(?:{MARKING})[ \t]*\)[ \t]*)?",
    re.I,
)
# The opening of the body's first paragraph: blank lines, number, marking.
_FIRST_TEXT_RE = re.compile(
    rf"\s*(?:¶[ \t]*)?(?:\d{{1,3}}[ \t]*[.,)][ \t]*)?(?:\([ \t]*(?:{MARKING})[ \t]*\)[ \t]*)?", re.I
)
# Summaries longer than this have lost their end marker.
_SUMMARY_MAX_CHARS = 20_000


def _clean_summary(text: str) -> str:
    text = "\n" + text
    text = PARAGRAPH_START_RE.sub(lambda m: "\n", text)
    text = MARKED_LINE_RE.sub("\n", text)
    text = RULE_LINE_RE.sub("\n", text)
    return _collapse(remove_page_breaks(text).replace("¶", " "))


def parse_summary(text: str) -> str | None:
    """The cable's summary, between ``Summary:`` and ``End Summary``.

    Opening markers: ``Summary:``, ``SUMMARY.``, ``Summary and Comment:``,
    ``SUMMARY AND ACTION REQUEST:``, ``BEGIN SUMMARY``, a ``Summary`` heading;
    closing markers: ``End Summary``, ``END SUMMARY AND COMMENT``,
    ``(END SUMMARY)``.  Without a closing marker the summary is the paragraph
    that opens with ``Summary``.  Paragraph numbers, markings, page breaks,
    rules and web artefacts are removed and whitespace is collapsed.

    Returns
    -------
    str or None
        None when the cable has no summary or the summary is empty.
    """
    full = normalized(text)
    body_start = front_matter_end(text)
    content_end = max(signoff(text).content_end, body_start)
    body = "\n" + full[body_start:content_end]
    upper = _upper(body)
    begin = _summary_start(body, upper)
    if begin is None:
        # "End Summary" without its opening: the summary is the first paragraph on.
        first = PARAGRAPH_START_RE.search(body)
        begin = first.end() if first else _FIRST_TEXT_RE.match(body).end()
        end = _summary_end(body, upper, begin)
        if end is None:
            return None
        return _clean_summary(body[begin:end]) or None
    end = _summary_end(body, upper, begin)
    if end is None:
        paragraph_end = _PARAGRAPH_END_RE.search(body, begin)
        end = paragraph_end.start() if paragraph_end else len(body)
    summary = _clean_summary(body[begin:end])
    return summary or None
