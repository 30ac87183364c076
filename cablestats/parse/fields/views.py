"""Text views and helpers that the field parsers share.

The field parsers read the same few views of a text: the text without web
markup (:func:`normalized`), its front matter (:func:`head_of`) and the same in
capitals (:func:`head_upper`); :func:`~cablestats.parse.parse_cable` runs
several parsers on one text, so each view is computed once and kept in a small
cache.  A front-matter field is found by its label (:func:`find_label`) and
read with its continuation lines (:func:`field_block`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from cablestats.parse.text import (
    CLASSIFICATION_ONLY,
    MARKING,
    PAGE_HEADER_RE,
    SECTION_BREAK_LINE_RE,
    clean_markup,
    remove_page_breaks,
)

__all__ = [
    "CACHE_SIZE",
    "HEAD_CHARS",
    "Label",
    "Span",
    "ascii_upper",
    "end_of_line",
    "field_block",
    "find_label",
    "head_of",
    "head_upper",
    "normalized",
    "opens_field",
    "strip_breaks",
    "word_set",
]

#: How much of a text can hold front matter; the longest real openings (long
#: reference lists, many addressee lines) stay well below it.
HEAD_CHARS = 12_000
#: Size of the caches of per-text views and blocks: parse_cable asks about one
#: text at a time.
CACHE_SIZE = 16


@functools.lru_cache(maxsize=CACHE_SIZE)
def normalized(text: str) -> str:
    """``text`` without web markup (:func:`clean_markup`), cached for the parsers that share it."""
    return clean_markup(text)


# The first numbered paragraph ends the front matter: at a line start, or glued
# to the reasons of a one-line opening ("REASON: 1.4 (b), (d) 1. (C) Summary"),
# where the match is the stop before it.  The pattern opens with the class of
# both branches' first characters, which ``re`` skips to, and a lookbehind then
# picks the branch.
_FIRST_PARAGRAPH_RE = re.compile(
    r"[\n.)\]](?:(?<=\n)[ \t]*(?:¶[ \t]*)?\d{1,3}[ \t]*"
    rf"(?:\.(?!\d)|,(?=[ \t]*\({MARKING}\)))"
    rf"|(?<=[.)\]])(?=[ \t]+1[ \t]*[.,][ \t]*\({MARKING}\)))",
    re.I,
)


@functools.lru_cache(maxsize=CACHE_SIZE)
def head_of(text: str) -> str:
    """The front matter: ``"\\n"`` + normalised text up to the first numbered paragraph."""
    head = "\n" + normalized(text)[:HEAD_CHARS]
    first = _FIRST_PARAGRAPH_RE.search(head)
    if first is None:
        return head
    return head[: first.start() if head[first.start()] == "\n" else first.start() + 1]


def word_set(text: str) -> frozenset[str]:
    """A set of words written as a block of text, for the parsers' word lists."""
    return frozenset(text.split())


def end_of_line(text: str, position: int) -> int:
    """Where the line holding ``position`` ends: its newline, or the end of ``text``."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


class Span(NamedTuple):
    """Where a front-matter field sits in the head and the text that holds its value."""

    start: int
    end: int
    value: str


class Label(NamedTuple):
    """A field label: its pattern and an upper-case literal that every match holds.

    Labels are found by looking for the literal in the upper-cased head (a
    plain substring search) and matching the pattern on those lines only,
    which is much faster than a case-insensitive search of the whole head.
    """

    pattern: re.Pattern[str]
    literal: str


def ascii_upper(text: str) -> str:
    """``text`` in capitals, each non-ASCII character as ``?``.

    Positions match ``text`` (``"ß".upper()`` would be two letters), and the
    ASCII path of :meth:`str.upper` is several times faster.
    """
    return text.encode("ascii", "replace").decode("ascii").upper()


@functools.lru_cache(maxsize=CACHE_SIZE)
def head_upper(head: str) -> str:
    """:func:`ascii_upper` of a front matter (:func:`head_of`), which each label is looked for in.

    Only this view is cached: a cache of the others, made afresh by one caller
    each, would cost a hash of the whole text and never be hit.
    """
    return ascii_upper(head)


def find_label(head: str, label: Label) -> re.Match[str] | None:
    """The first match of ``label`` in ``head``."""
    upper = head_upper(head)
    found = upper.find(label.literal)
    while found >= 0:
        line_start = max(head.rfind("\n", 0, found), 0)  # patterns may open on the newline
        line_end = end_of_line(head, found)
        match = label.pattern.search(head, line_start, line_end)
        if match:
            return match
        found = upper.find(label.literal, line_end)
    return None


def field_block(
    head: str,
    match: re.Match[str],
    first_line_stop: re.Pattern[str],
    continues: Callable[[str, str], bool],
    max_lines: int,
    *,
    across_blank_lines: bool = False,
) -> Span:
    """The value of the field whose label is ``match``, with its continuation lines.

    The value runs from the label to the end of its line (or to
    ``first_line_stop``) and then over following lines while
    ``continues(line, previous_line)`` accepts them; page-break lines in
    between are skipped, and so are blank lines if ``across_blank_lines``
    (a line after them must still be accepted).
    """
    first_end = end_of_line(head, match.end())
    stop = first_line_stop.search(head, match.end(), first_end)
    if stop:
        return Span(match.start(), stop.start(), head[match.end() : stop.start()])
    parts = [head[match.end() : first_end]]
    end = line_end = first_end
    taken = 0
    while line_end < len(head):  # at the newline before the next line
        start = line_end + 1
        line_end = end_of_line(head, start)
        line = head[start:line_end]
        if _is_break_line(head, start, line_end) or (across_blank_lines and not line.strip()):
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
    return Span(match.start(), end, "\n".join(parts))


_BREAK_LINE_RE = re.compile(
    rf"{SECTION_BREAK_LINE_RE.pattern}|\n[ \t]*{PAGE_HEADER_RE.pattern}$"
    rf"|\n[ \t]*(?:{CLASSIFICATION_ONLY})[ \t]*$"
)


def _is_break_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]``, which follows a newline, is a page-break line."""
    return bool(_BREAK_LINE_RE.fullmatch(text, start - 1, end))


def strip_breaks(text: str) -> str:
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


def opens_field(line: str) -> bool:
    """Whether a line ends the value before it: blank, punctuation only, or a new field."""
    return not any(map(str.isalnum, line)) or bool(_NEXT_FIELD_RE.match(line))
