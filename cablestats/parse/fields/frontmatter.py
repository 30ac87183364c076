"""The front matter's TAGS, SUBJECT and declassification date, and where it ends.

The front matter is the block between the classification line and the first
numbered paragraph: ``E.O. 12958: DECL: 01/13/2019``, ``TAGS:``, ``SUBJECT:``,
``REF:`` (:mod:`.references`) and ``Classified By:`` (:mod:`.classified_by`).
:func:`front_matter_end` says where the body after them starts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from cablestats.parse.fields.classified_by import classified_by_span
from cablestats.parse.fields.references import ref_block
from cablestats.parse.fields.views import (
    CACHE_SIZE,
    Label,
    Span,
    end_of_line,
    field_block,
    find_label,
    head_of,
    opens_field,
    strip_breaks,
)
from cablestats.parse.text import (
    MARKING,
    collapse_whitespace,
)
from cablestats.tags import tags_table

__all__ = [
    "front_matter_end",
    "parse_declassify_on",
    "parse_subject",
    "parse_tags",
]

# ---------------------------------------------------------------------------
# TAGS
#
# Each field's block is cached by head: its parser and front_matter_end both
# need it.
# ---------------------------------------------------------------------------

# ``TAGS:``, ``TAGS``, ``TAG``, ``Tags:`` at the start of a line; after other
# text on the line only with a colon, so that "tags" in running text is not a
# label; ``AGS:`` is a label that lost its first letter.
_TAGS_LABEL = Label(
    re.compile(r"\n[ \t]*(?i:TAGS?)\b[ \t]*:?|(?<![\w/])(?:(?i:TAGS?)|AGS)[ \t]*:"), "AG"
)
_TAGS_STOP_RE = re.compile(
    r"(?=[SRCE])(?:\b(?:SUBJ(?:ECT)?|REF(?:S|TELS?)?)[ \t]*[:.]"
    r"|\bClassified[ \t]+By\b|\bE\.?O\.?[ \t]?1\d{4})",
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
    if len(word) < 3 * _COUNTRY_LENGTH or not word.isalpha():
        return None  # most tags: four letters
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
        if not _TAG_WORD_RE.fullmatch(word) or word.isdigit() or word in _NOT_TAGS:
            continue
        if len(word) <= _CODE_LENGTH:
            tags.append(word)  # most tags, too short to be codes run together
        else:
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
        if opens_field(line):
            return False
        tokens = [token for token in _TAG_SPLIT_RE.split(line) if token]
        if not all(map(_LIST_TOKEN_RE.fullmatch, tokens)):
            return False
        if any(t.upper() in _NOT_TAGS for t in tokens):
            return False
        if previous.rstrip().endswith((",", ";")):
            return True
        listed = "," in line or ";" in line
        return upper and line == line.upper() and (listed or len(tokens) <= 3)

    return continues


@functools.lru_cache(maxsize=CACHE_SIZE)
def _tags_block(head: str) -> Span | None:
    label = find_label(head, _TAGS_LABEL)
    if not label:
        return None
    first_line = head[label.end() : end_of_line(head, label.end())]
    upper = first_line == first_line.upper()
    return field_block(head, label, _TAGS_STOP_RE, _continues_tags(upper), 6)


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
    block = _tags_block(head_of(text))
    if block is None:
        return []
    return list(dict.fromkeys(_tag_values(strip_breaks(block.value))))


# ---------------------------------------------------------------------------
# SUBJECT
# ---------------------------------------------------------------------------

_SUBJECT_LABEL = Label(
    re.compile(r"\n[ \t]*SUBJ(?:ECT)?\b[ \t]*[:.]?|(?<![\w/])SUBJ(?:ECT)?[ \t]*:", re.I), "SUBJ"
)
_SUBJECT_STOP_RE = re.compile(
    r"(?=[RCE])(?:REF(?:S|TELS?|\(S\))?[ \t]*:|\bClassified[ \t]+By\b|\bE\.?O\.?[ \t]?1\d{4})",
    re.I,
)
_LEADING_MARKING_RE = re.compile(rf"\s*\(\s*(?:{MARKING})\s*\)\s*", re.I)


def _continues_subject(line: str, previous: str) -> bool:
    """A subject goes on until a new field; a sentence under a subject in capitals ends it."""
    if opens_field(line):
        return False
    shouting = previous == previous.upper()
    return not (shouting and any(map(str.islower, line)))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _subject_block(head: str) -> Span | None:
    label = find_label(head, _SUBJECT_LABEL)
    if not label:
        return None
    return field_block(head, label, _SUBJECT_STOP_RE, _continues_subject, 6)


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
    block = _subject_block(head_of(text))
    if block is None:
        return None
    subject = collapse_whitespace(strip_breaks(block.value))
    marking = _LEADING_MARKING_RE.match(subject)
    if marking:
        subject = subject[marking.end() :]
    return subject or None


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
    r"(?=[DGAE])"
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
    match = _DECL_RE.search(head_of(text))
    return _declassify_date(match) if match else None


# ---------------------------------------------------------------------------
# Where the front matter ends
# ---------------------------------------------------------------------------

_OPENING_LINE_RE = re.compile(
    r"\n[ \t]*(?:(?:[A-Z]{1,2} ?){2}(?:[A-Z] ){3,}[A-Z][^\n]*"
    r"|(?:UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b[^\n]*"
    r"|E\.?[ \t]?O\.?[ \t]?\d{4,5}[^\n]*)",
    re.I,
)
_SPAN_FINDERS = (_tags_block, _subject_block, ref_block, classified_by_span)
_REPEATED_FIELD_RE = re.compile(r"\s*(?:TAGS?|SUBJ(?:ECT)?|REF(?:S|TELS?)?|CLASSIFIED)\b", re.I)


@functools.lru_cache(maxsize=CACHE_SIZE)
def front_matter_end(text: str) -> int:
    """Where the body starts in ``normalized(text)``: after the last front-matter field.

    The front-matter fields are the classification line, ``E.O.``, ``TAGS``,
    ``SUBJECT``, ``REF`` and ``Classified By`` with their continuation lines;
    text before the first of them (a routing header) goes with them, and so
    does a field written again just below them (a repeated ``SUBJECT``).  A
    fragment without any of them starts its body at 0.
    """
    head = head_of(text)
    spans = (finder(head) for finder in _SPAN_FINDERS)
    end = max((span.end for span in spans if span is not None), default=1)
    # An opening line counts only if it ends further down: each is a whole line, so the
    # search starts at the line that holds ``end``.
    for match in _OPENING_LINE_RE.finditer(head, max(head.rfind("\n", 0, end), 0)):
        end = max(end, match.end())
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
