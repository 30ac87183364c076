"""The summary, between ``Summary:`` and ``End Summary``.

It is looked for in the body, between the end of the front matter
(:func:`~.frontmatter.front_matter_end`) and the signature
(:func:`~.closing.signoff`).
"""

from __future__ import annotations

import re

from cablestats.parse.fields.closing import signoff
from cablestats.parse.fields.frontmatter import front_matter_end
from cablestats.parse.fields.views import (
    ascii_upper,
    normalized,
)
from cablestats.parse.text import (
    MARKED_LINE_RE,
    MARKING,
    PARAGRAPH_START_RE,
    RULE_LINE_RE,
    collapse_whitespace,
    remove_page_breaks,
)

__all__ = [
    "parse_summary",
]

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
# The first part of a body converted to capitals; a summary mostly sits near the top.
_FIRST_CHUNK_CHARS = 2_048


class _Capitals:
    """``ascii_upper(body)``, converted from the start only as far as it is read.

    The search for "SUMMARY" mostly ends near the top of the body, so most of a
    long body is never converted.  ``text`` is the part converted so far.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.text = ""

    def cover(self, end: int) -> None:
        """Convert at least up to ``end``, in chunks that double in size."""
        if end > len(self.text):
            chunk_end = max(end, 2 * len(self.text), _FIRST_CHUNK_CHARS)
            self.text += ascii_upper(self.body[len(self.text) : chunk_end])

    def find(self, word: str, start: int, end: int | None = None) -> int:
        """``ascii_upper(body).find(word, start, end)``."""
        end = len(self.body) if end is None else min(end, len(self.body))
        while True:
            found = self.text.find(word, start, end)
            if found >= 0 or len(self.text) >= end:
                return found
            # A word may straddle the end of the converted part.
            start = max(start, len(self.text) - len(word) + 1)
            self.cover(len(self.text) + 1)


def _opening_label(body: str, upper: str, found: int) -> re.Match[str] | None:
    """The label at ``found`` (a "SUMMARY") if it opens the summary; ``upper`` covers it.

    The cheaper tests come first, and each runs only if the ones before pass.
    """
    label = _SUMMARY_LABEL_RE.match(body, found)
    if label is None:
        return None
    line_start = max(body.rfind("\n", 0, found) + 1, found - _SUMMARY_PREFIX_CHARS)
    if not _SUMMARY_PREFIX_RE.fullmatch(body, line_start, found):
        return None
    if _END_BEFORE_RE.search(upper, max(0, found - _END_CHARS), found):
        return None
    if label.group("open") is None and not _BEGIN_BEFORE_RE.search(upper, line_start, found):
        return None
    return label


def _summary_start(body: str, capitals: _Capitals) -> int | None:
    """Where the summary's text starts: after its label and the opening around it."""
    found = capitals.find("SUMMARY", 0)
    for _ in range(_SUMMARY_MAX_TRIES):
        if found < 0:
            break
        label = _opening_label(body, capitals.text, found)
        if label:
            opening_text = _SUMMARY_TEXT_START_RE.match(body, label.end())
            begin = opening_text.end() if opening_text else label.end()
            # A heading "SUMMARY" over a paragraph that opens "Summary:" again.
            capitals.cover(begin + len("SUMMARY"))
            repeated = capitals.text.startswith("SUMMARY", begin)
            again = repeated and _SUMMARY_LABEL_RE.match(body, begin)
            return again.end() if again and again.group("open") is not None else begin
        found = capitals.find("SUMMARY", found + 1)
    return None


def _summary_end(body: str, capitals: _Capitals, begin: int) -> int | None:
    """Where ``End Summary`` (or ``(END SUMMARY)``) starts after ``begin``."""
    found = capitals.find("SUMMARY", begin, begin + _SUMMARY_MAX_CHARS)
    for _ in range(_SUMMARY_MAX_TRIES):
        if found < 0:
            break
        ended = _END_BEFORE_RE.search(capitals.text, max(begin, found - _END_CHARS), found)
        if ended:
            return ended.start()
        found = capitals.find("SUMMARY", found + 1, begin + _SUMMARY_MAX_CHARS)
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
    text = PARAGRAPH_START_RE.sub("\n", text)
    text = MARKED_LINE_RE.sub("\n", text)
    text = RULE_LINE_RE.sub("\n", text)
    return collapse_whitespace(remove_page_breaks(text).replace("¶", " "))


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
    capitals = _Capitals(body)
    begin = _summary_start(body, capitals)
    if begin is None:
        # "End Summary" without its opening: the summary is the first paragraph on.
        first = PARAGRAPH_START_RE.search(body)
        begin = first.end() if first else _FIRST_TEXT_RE.match(body).end()
        end = _summary_end(body, capitals, begin)
        if end is None:
            return None
        return _clean_summary(body[begin:end]) or None
    end = _summary_end(body, capitals, begin)
    if end is None:
        paragraph_end = _PARAGRAPH_END_RE.search(body, begin)
        end = paragraph_end.start() if paragraph_end else len(body)
    summary = _clean_summary(body[begin:end])
    return summary or None
