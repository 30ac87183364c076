"""Paragraphs and the clean body for modelling.

The body of a cable runs from the end of its front matter
(:func:`~cablestats.parse.fields.front_matter_end`) to its signature
(:func:`~cablestats.parse.fields.signoff`).  It is a series of numbered
paragraphs (``1. (C) text``, ``¶2. (SBU) text``) that may be preceded by an
unnumbered paragraph with a marking (``(U) This is a PRT cable``), cut by page
breaks (``BAMAKO 00000504 002 OF 002``) and by sub-headings set off by dashed
rules.  :func:`parse_paragraphs` returns the paragraphs as records and
:func:`clean_body` returns the prose for topic models and keyword counts.

Both come from one cached split of the body into its preamble (the text before
the first paragraph), its paragraphs and their sub-headings, since
:func:`~cablestats.parse.cable.parse_cable` asks for both.  The split reads
the body in as few passes as it can: one finds the paragraph openings and the
lines that may be rules together, and the paragraphs and headings are cleaned
together (:func:`_clean_joined`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from cablestats.cable import Paragraph
from cablestats.parse.fields import front_matter_end, normalized, signoff
from cablestats.parse.text import (
    CLASSIFICATION_ONLY,
    MARKED_LINE_RE,
    PARAGRAPH_START,
    RULE_CHARS,
    RULE_LINE_RE,
    collapse_plain,
    collapse_whitespace,
    plain_blanks,
    remove_page_breaks,
    remove_redactions,
)

__all__ = ["clean_body", "parse_paragraphs"]

# Numbers may skip (a redacted paragraph, a paragraph lost in a copy) but a
# marked or ¶-prefixed number further than this from the last one is a list
# item or a quoted cable, not the next paragraph.
_MAX_SKIP = 20
# A sub-heading is a short line: "Taking a Breather (To Make Friends)".
_HEADING_MAX_WORDS = 12
_TRAILING_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 100
# A line ends a sentence with one of these, perhaps inside quotes or brackets
# ("comment.)").
_SENTENCE_ENDS = (".", "!", "?", ";")
# What the lines that may be rules or delimited headings open with: a set, which
# the "" of a blank line is not in.
_LINE_OPENINGS = frozenset("-=_*~/")
# What a rule line is made of.
_RULE_LINE_CHARS = " \t" + RULE_CHARS
_HEADING_DELIMITERS = ("//", "--", "==")
# A line that may be a rule or a delimited heading (but not a "-- item").
_RULE_OPENING = r"(?:[-=][ \t]*){3}|//|--[^\n]*--[ \t]*(?=\n|$)|==[^\n]*==[ \t]*(?=\n|$)"
# Numbered paragraph openings and those lines, found in one pass over the
# body: most of what a pattern that opens with a newline costs is its try at
# each line, and no line is both.  The lookahead turns most lines away at their
# first character.
_LINE_MARK_RE = re.compile(
    rf"\n[ \t]*(?=[¶\d\-=/])(?:{PARAGRAPH_START}|(?P<rule>{_RULE_OPENING}))", re.I
)
# A sub-heading set off on its own line: //LATIN AMERICA//, -- Venezuela --,
# ------- Directly Engage -------.
_DELIMITED_HEADING_RE = re.compile(r"[ \t]*(?://|[-=]{2,})([^\n]{1,80}?)(?://|[-=]{2,})[ \t]*")
# The same glued to the end of the paragraph's last line by a web copy:
# "... End Summary. ------- Policy-Level Sensitivities -------".
_INLINE_HEADING_MAX_CHARS = 100
_TRAILING_INLINE_HEADING_RE = re.compile(
    rf"(?:(?<!-)-{{3,}}+|//)[^.!?\n]{{0,{_INLINE_HEADING_MAX_CHARS}}}$"
)
# Its dashes or slashes end within this many characters of the line's end.
_INLINE_HEADING_TAIL = _INLINE_HEADING_MAX_CHARS + len("---")
_HEADING_WORDS_RE = re.compile(r"(?<=[.!?\"”)])[ \t]+[^.!?\n]{1,80}$")
# Runs of rule characters inside a line, each with its character: most texts
# lack the rarer ones, and ``in`` finds one character far faster than ``re``
# searches the text.  Dashes and equals signs also mark sub-headings, so they
# are removed from each paragraph after its sub-headings are found; the rarer
# runs are removed from the whole body at once.
_DECORATIONS = tuple((char, re.compile(re.escape(char * 3) + "+")) for char in "-=")
_RARE_DECORATIONS = tuple((char, re.compile(re.escape(char * 3) + "+")) for char in "_*~")
# Lines that carry no prose: handling markings, transmission markers and the
# classification level that page breaks repeat, in one pattern so that the
# body is read once for all of them.  The lookahead turns most lines away at
# their first character, before the markings are tried one by one (``re``
# does not sort out branches that ignore case by their first letter).
_MARKER_LINE_RE = re.compile(
    rf"\n[ \t]*(?:(?-i:{CLASSIFICATION_ONLY})"
    r"|(?=[SNELB#])(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|BT|NNNN|#\d*"
    r"|END[ \t]+(?:OF[ \t]+)?(?:CABLE[ \t]+)?TEXT\.?))[ \t]*(?=\n|$)",
    re.I,
)
# Notices that point to an embassy's classified web site, and lines that are
# only a web address; found by a literal, removed with their line.
_NOTICE_LINE_RE = re.compile(
    r"[ \t]*(?:[\"“]?(?:Please[ \t]+)?Visit\b[^\n]*(?:Web[ \t]?site|Web[ \t]?page|Portal"
    r"|Intelink|classified)|\S*(?:://|www\.)\S*)[^\n]*",
    re.I,
)
# Each literal is looked for as a pattern: on the long, mostly non-ASCII text
# of a body, ``re`` finds a literal faster than ``str.find``.
_NOTICE_LITERALS = tuple(
    re.compile(re.escape(lit)) for lit in ("isit", "ISIT", "://", "www.", "WWW.")
)
# How far into its line a notice's literal lies at most (``  "Please Visit``,
# ``https://``); "visit" further in is prose.
_NOTICE_LITERAL_MAX_OFFSET = 16
# Handling words that web copies scatter through the text ("FOUR\nSIPDIS
# SCENARIOS"), but not inside a marking ("(S/NOFORN)").
_STRAY_WORDS = (re.compile("SIPDIS"), re.compile("NOFORN"))


def _stray_word(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    in_marking = text[start - 1 : start] == "/" or text[end : end + 1] == ")"
    return match.group() if in_marking else " "


_STRAY_HASH_RE = re.compile(r"(?<!\S)#(?!\w)")
_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")
_CLASSIFIED_BY_BLOCK_RE = re.compile(r"(?:\([A-Z/ ]{1,12}\)\s*)?Classified\s+By\b", re.I)
# What that pattern can open with (no other character folds to "c").
_CLASSIFIED_BY_BLOCK_OPENINGS = ("(", "C", "c")
_CLASSIFIED_BY_BLOCK_MAX_WORDS = 40
# Joins a body's pieces for cleaning: neither a blank nor a rule character.
_PIECE_SEPARATOR = "\x00"


class _Start(NamedTuple):
    """Where a paragraph opens in the body: its line, its text, number and marking."""

    line: int
    text: int
    number: int | None
    marking: str | None


class _Layout(NamedTuple):
    preamble: tuple[str, ...]  # blocks of text before the first paragraph
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[tuple[str, ...], ...]  # the sub-headings that follow each paragraph


# A few markings ("C", "SBU", "S//NF") open most paragraphs.
@functools.lru_cache(maxsize=256)
def _marking(raw: str | None) -> str | None:
    return " ".join(raw.split()).upper() if raw else None


def _drop_lines(text: str, literals: tuple[re.Pattern[str], ...], line_re: re.Pattern[str]) -> str:
    """Remove the lines that fully match ``line_re`` with one of ``literals`` near their start."""
    cuts = []
    for literal in literals:
        found = literal.search(text)
        while found:
            start = found.start()
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            near_start = start - line_start <= _NOTICE_LITERAL_MAX_OFFSET
            if near_start and line_re.fullmatch(text, line_start, line_end):
                cuts.append((line_start, line_end))
            found = literal.search(text, line_end)
    if not cuts:
        return text
    pieces, kept = [], 0
    for line_start, line_end in sorted(cuts):
        if line_start >= kept:
            pieces.append(text[kept:line_start])
            kept = line_end
    pieces.append(text[kept:])
    return "".join(pieces)


def _scrub(body: str) -> str:
    """Remove what is not prose anywhere in the body.

    Page breaks, redactions, handling words, transmission markers, web-site
    notices and lone ``#``.  The paragraph mark ``¶`` stays: it helps to find
    paragraphs and is removed with their numbers.
    """
    body = remove_redactions(remove_page_breaks(body, level_lines=False))
    for word in _STRAY_WORDS:
        body = word.sub(_stray_word, body)
    if "#" in body:
        body = _STRAY_HASH_RE.sub(" ", body)
    for char, decoration in _RARE_DECORATIONS:
        if char in body:
            body = decoration.sub(" ", body)
    body = _MARKER_LINE_RE.sub("\n", body)
    return _drop_lines(body, _NOTICE_LITERALS, _NOTICE_LINE_RE)


def _line_marks(body: str) -> tuple[list[_Start], list[int]]:
    """Paragraph openings, and the newlines of lines that may be rules or delimited headings.

    Paragraphs open at their numbers, and at one marked line before the first
    number (``(U) This is a PRT cable``).
    """
    starts: list[_Start] = []
    rules: list[int] = []
    last: int | None = None
    for match in _LINE_MARK_RE.finditer(body):
        pilcrow, digits, marking = match.group("pilcrow", "number", "marking")
        if digits is None:
            rules.append(match.start())
            continue
        # Numbers must go up, so that a numbered list stays in its paragraph.
        number = int(digits)
        follows = last is None or number == last + 1
        skips = last is not None and bool(pilcrow or marking) and last < number <= last + _MAX_SKIP
        if follows or skips:
            starts.append(_Start(match.start(), match.end(), number, _marking(marking)))
            last = number
    first_numbered = starts[0].line if starts else len(body)
    leading = [
        _Start(match.start(), match.end(), None, _marking(match.group("marking")))
        for match in MARKED_LINE_RE.finditer(body, 0, first_numbered)
    ]
    if starts:
        # Only the first marked line before the numbers opens a paragraph;
        # the lines after it belong to it.
        leading = leading[:1]
    return leading + starts, rules


@functools.lru_cache(maxsize=16)
def _layout(text: str) -> _Layout:
    full = normalized(text)
    start = front_matter_end(text)
    end = max(signoff(text).content_end, start)
    body = _scrub("\n" + full[start:end])
    starts, rules = _line_marks(body)
    preamble_end = starts[0].line if starts else len(body)
    # Whether pieces may take the faster collapse is settled once for the whole body.
    collapse = collapse_plain if plain_blanks(body) else collapse_whitespace
    preamble_text = _strip_decorations(RULE_LINE_RE.sub("\n", body[:preamble_end]))
    preamble = tuple(_blocks(preamble_text, collapse))
    # Each paragraph runs to the line that opens the next, the last to the end.
    ends = [opening.line for opening in starts[1:]] + [len(body)]
    with_rules = _holding_rules(starts, rules)
    split = [
        _split_headings(body[opening.text : end], index in with_rules)
        for index, (opening, end) in enumerate(zip(starts, ends, strict=False))
    ]
    pieces = [piece for paragraph, headings in split for piece in (paragraph, *headings)]
    if _PIECE_SEPARATOR in body:
        cleaned = [collapse(_strip_decorations(piece)) for piece in pieces]
    else:
        cleaned = _clean_joined(pieces, collapse)
    paragraphs = []
    paragraph_headings: list[tuple[str, ...]] = []
    position = 0
    for opening, (_, headings) in zip(starts, split, strict=True):
        paragraphs.append(Paragraph(opening.number, opening.marking, cleaned[position]))
        position += 1
        if headings:  # most paragraphs have none
            after = position + len(headings)
            paragraph_headings.append(tuple(filter(None, cleaned[position:after])))
            position = after
        else:
            paragraph_headings.append(())
    return _Layout(preamble, tuple(paragraphs), tuple(paragraph_headings))


def _holding_rules(starts: list[_Start], rules: list[int]) -> set[int]:
    """The indices of the paragraphs opening at ``starts`` that hold one of the newlines ``rules``.

    Each paragraph runs from its text to the line that opens the next.  An
    opening holds no newline but the one it starts with, so the paragraph that
    holds a rule is the last one to open above it (if any does).
    """
    lines = [opening.line for opening in starts]
    holding = (bisect.bisect_left(lines, rule) - 1 for rule in rules)
    return {index for index in holding if index >= 0}


def _clean_joined(pieces: list[str], collapse: Callable[[str], str]) -> list[str]:
    """``collapse(_strip_decorations(piece))`` for each piece, in one pass over all of them.

    Cleaning each of a body's paragraphs and headings on its own costs several
    calls apiece; joined by a character that neither step touches, they are
    cleaned at once.  The pieces must not hold that character.
    """
    if not pieces:
        return []
    joined = collapse(_strip_decorations(_PIECE_SEPARATOR.join(pieces)))
    return [piece.strip(" ") for piece in joined.split(_PIECE_SEPARATOR)]


def _strip_decorations(text: str) -> str:
    """Remove runs of dashes or equals signs and the paragraph mark."""
    if "¶" in text:
        text = text.replace("¶", " ")
    for char, decoration in _DECORATIONS:
        if char in text:
            text = decoration.sub(" ", text)
    return text


def _blocks(text: str, collapse: Callable[[str], str]) -> list[str]:
    """The blank-line separated blocks of ``text``, whitespace collapsed."""
    blocks = (collapse(block) for block in _BLOCK_SPLIT_RE.split(text))
    return [block for block in blocks if block]


# ---------------------------------------------------------------------------
# Sub-headings
# ---------------------------------------------------------------------------


def _is_rule(line: str) -> bool:
    """Whether ``line`` is a rule (:data:`RULE_LINE_RE`): blanks and three rule characters or more.

    String methods tell faster than the pattern, which takes a step per
    character of a long rule.
    """
    return not line.strip(_RULE_LINE_CHARS) and len(line) - line.count(" ") - line.count("\t") >= 3


def _delimited_heading(line: str) -> str | None:
    """The text of a line like ``//LATIN AMERICA//``, or None."""
    if line.lstrip()[:2] not in _HEADING_DELIMITERS:
        return None
    match = _DELIMITED_HEADING_RE.fullmatch(line)
    return match.group(1).strip(" -=/") if match else None


def _more_words_than(text: str, count: int) -> bool:
    """Whether ``text`` has more than ``count`` words, without splitting all of a long line."""
    return len(text.split(None, count)) > count


def _ends_sentence(line: str) -> bool:
    return line.rstrip().rstrip("\"”'’)]")[-1:] in _SENTENCE_ENDS


def _neighbour(lines: list[str], index: int, step: int) -> int | None:
    """The nearest non-blank line above (``step=-1``) or below (``step=1``) ``index``."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].strip():
            return index
        index += step
    return None


def _split_headings(raw: str, has_rules: bool) -> tuple[str, list[str]]:
    """A paragraph's text without its trailing sub-headings, and those sub-headings.

    A sub-heading is a short line next to a rule (``-----`` above or below),
    a line delimited like ``//LATIN AMERICA//`` or ``--- Directly Engage ---``,
    or a short unpunctuated line closing the paragraph's text (``POLICE``
    before the next paragraph).  They label the next section, not the
    paragraph they follow.  ``has_rules`` says whether ``raw`` holds a line that
    may be a rule or a delimited heading.  Text and headings still hold their rule
    characters and blanks (see :func:`_clean_joined`).
    """
    headings: list[str] = []
    if has_rules:
        raw = _drop_rules_and_headings(raw, headings)
    text = raw.rstrip()
    last_start = text.rfind("\n") + 1
    last = text[last_start:]
    # Most paragraphs end with a full stop, which no heading does.
    if last_start and last[-1:] not in _SENTENCE_ENDS and _may_be_heading(last):
        previous = text[:last_start].rstrip()
        if previous and _is_trailing_heading(last, previous[previous.rfind("\n") + 1 :]):
            headings.append(last)
            text = previous
            last_start = text.rfind("\n") + 1
            last = text[last_start:]
    # Only the end of a long line can hold such a heading.
    end_of_last = last[-_INLINE_HEADING_TAIL:]
    if "---" in end_of_last or "//" in end_of_last:
        line, heading = _split_inline_heading(last)
        text = text[:last_start] + line
        headings.extend([heading] if heading else [])
    return text, headings


def _drop_rules_and_headings(raw: str, headings: list[str]) -> str:
    """Remove rule lines and the headings next to them, collecting the headings."""
    lines = raw.split("\n")
    rules: list[int] = []
    dropped: set[int] = set()
    for index in _marked_lines(lines):
        line = lines[index]
        if _is_rule(line):
            rules.append(index)
            dropped.add(index)
            if not line.strip(" -="):
                continue  # a rule of dashes and equals signs, whose "heading" would be empty
        heading = _delimited_heading(line)
        if heading is not None:
            dropped.add(index)
            headings.append(heading)
    for rule in rules:
        above, below = _neighbour(lines, rule, -1), _neighbour(lines, rule, 1)
        for neighbour in (above, below):
            if neighbour is None or neighbour in dropped:
                continue
            line = lines[neighbour]
            # The cheaper test first: the line above a rule often ends a sentence.
            if not _ends_sentence(line) and not _more_words_than(line, _HEADING_MAX_WORDS):
                dropped.add(neighbour)
                headings.append(line)
            elif neighbour == above:
                # A web copy glues the heading to the sentence above its rule.
                lines[neighbour], heading = _split_heading_words(line)
                headings.extend([heading] if heading else [])
    for index in sorted(dropped, reverse=True):
        del lines[index]
    return "\n".join(lines)


def _marked_lines(lines: list[str]) -> list[int]:
    """Indices of the ``lines`` whose first non-blank character may open a rule.

    A step of this loop costs about what a pattern's try at each line would,
    and the paragraphs it reads are few and short.
    """
    return [index for index, line in enumerate(lines) if line.lstrip()[:1] in _LINE_OPENINGS]


def _may_be_heading(last: str) -> bool:
    """Whether a paragraph's last line may be a trailing heading, whatever the line above it.

    Most last lines end a sentence; this spares them the look at the line above.
    """
    last = last.strip()
    return last[:1].isalpha() and not _ends_sentence(last)


def _is_trailing_heading(last: str, previous: str) -> bool:
    """A short unpunctuated line after a finished sentence: ``POLICE``, ``Comment:``.

    ``last`` is a line that :func:`_may_be_heading`.
    """
    last, previous = last.strip(), previous.strip()
    if _more_words_than(last, _TRAILING_HEADING_MAX_WORDS):
        return False
    return _ends_sentence(previous) or _more_words_than(previous, _HEADING_MAX_WORDS)


def _split_inline_heading(line: str) -> tuple[str, str]:
    """Cut a sub-heading glued after the last sentence (``... work. --- Heading ---``)."""
    heading = _TRAILING_INLINE_HEADING_RE.search(line, max(0, len(line) - 2 * _HEADING_MAX_CHARS))
    if heading is None:
        return line, ""
    line, words = _split_heading_words(line[: heading.start()])
    return line, f"{words} {heading.group()}".strip()


def _split_heading_words(line: str) -> tuple[str, str]:
    """Split off the words after the last sentence of a line when they are a heading.

    ``... UNSCR 1244. Concerns about Russia`` → ``... UNSCR 1244.``,
    ``Concerns about Russia``.
    """
    words = _HEADING_WORDS_RE.search(line, max(0, len(line) - _HEADING_MAX_CHARS))
    if words and len(words.group().split()) <= _HEADING_MAX_WORDS:
        return line[: words.start()], words.group().strip()
    return line, ""


# ---------------------------------------------------------------------------
# Public parsers
# ---------------------------------------------------------------------------


def parse_paragraphs(text: str) -> list[Paragraph]:
    """The numbered paragraphs of a cable, and an unnumbered marked one before them.

    A paragraph opens with its number (``1.``, ``¶1.``, ``[1](#)1.`` in a web
    copy) and usually a marking (``(U)``, ``(C)``, ``(SBU)``, ``(S//NF)``,
    ``(C//REL ...)``); numbers must go up, so a numbered list inside a
    paragraph stays in its text.  A leading paragraph without a number but
    with a marking (``(U) This is a PRT cable``) has ``number=None``.

    The text has neither number nor marking; wrapped lines are joined and
    whitespace is collapsed.  Page breaks (``BAMAKO 00000504 002 OF 002``),
    redactions (``XXXXXXXXXXXX``) and dashed rules are dropped.  Sub-headings
    (the line between two rules, or a short unpunctuated line just before the
    next paragraph, such as ``Comment:`` or ``POLICE``) introduce the next
    section, so they are dropped from the paragraph they follow; they stay in
    :func:`clean_body`.  Lettered and dashed sub-paragraphs (``A.``, ``--``)
    belong to their paragraph.

    Returns
    -------
    list of Paragraph
        ``Paragraph(number, classification, text)`` in order; the marking
        is upper case without parentheses (``SBU``, ``S//NF``) or None.
    """
    return list(_layout(text).paragraphs)


def _is_classified_by_block(block: str) -> bool:
    """A paragraph that only states who classified the cable ("1. (U) Classified by ...")."""
    if not block.startswith(_CLASSIFIED_BY_BLOCK_OPENINGS):
        return False  # most blocks, spared the case-insensitive pattern
    return bool(_CLASSIFIED_BY_BLOCK_RE.match(block)) and (
        not _more_words_than(block, _CLASSIFIED_BY_BLOCK_MAX_WORDS)
    )


def clean_body(text: str) -> str:
    """The prose of a cable for modelling.

    Starts after the front matter (classification line, handling lines,
    ``E.O.``/``DECL``, ``TAGS``, ``SUBJECT``, ``REF`` and ``Classified By``
    blocks) and stops before the signer and the closing markers (``BT``,
    ``NNNN``, ``END TEXT``, web-site notices).  Paragraph numbers and
    markings, page breaks (``BAMAKO 00000504 002 OF 002``,
    ``SECTION 01 OF 02``), web artefacts (``[1](#)``, ``¶``, ``&#x000A;``,
    stray ``#``), redactions (``XXXXXXXXXXXX``), dashed rules and handling
    words (``SIPDIS``) are removed; sub-headings stay as text, each a block
    of its own.

    Returns
    -------
    str
        Paragraphs separated by a blank line, each on one line with its
        whitespace collapsed; ``""`` for an empty text.
    """
    layout = _layout(text)
    blocks = list(layout.preamble)
    for paragraph, headings in zip(layout.paragraphs, layout.headings, strict=True):
        blocks.append(paragraph.text)
        blocks.extend(headings)
    return "\n\n".join(block for block in blocks if block and not _is_classified_by_block(block))
