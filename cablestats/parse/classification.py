"""Classification line: level, caveats, post and serial.

After the routing header a cable opens with its classification line,
``C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504``: the level (spelled
out, spaced, abbreviated as ``UNCLAS``, lower-cased by some copies or mistyped
as ``CC O N F I D E N T I A L`` or ``SS E C R E T``), the section, and the
post and serial that make the reference id.  Handling markings (``SIPDIS``,
``NOFORN``, ``SENSITIVE``) follow on that line or on the lines below it, before
the front matter (``E.O. 12958``, ``TAGS``, ``SUBJECT``).

Every search here is bounded by the front matter or by :data:`TOP_CHARS`, so
that a megabyte of junk costs no more than the top of a cable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from cablestats.parse.text import LinePattern

__all__ = [
    "EO_LINE_RE",
    "TOP_CHARS",
    "ClassificationLine",
    "classification_lines",
    "find_classification_line",
    "front_matter_start",
    "parse_classification",
    "parse_serial",
    "split_classification",
]

#: How far into a text the header and classification searches look when no
#: front matter bounds them; real routing headers and openings are far shorter.
TOP_CHARS = 32_000

# One level word, optionally spaced out letter by letter.  The first letter
# may be doubled (``SS E C R E T``, ``UUNCLAS``) or lost (``E C R E T``,
# ``O N F I D E N T I A L``): typing slips that real cables carry.
_LEVELS = (
    r"T ?O ?P[ \t]+S ?E ?C ?R ?E ?T"
    r"|(?:S{1,2} ?)?E ?C ?R ?E ?T"
    r"|(?:C{1,2} ?)?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"
    r"|U{1,2} ?N ?C ?L ?A ?S(?: ?S ?I ?F ?I ?E ?D)?"
    r"|L ?I ?M ?I ?T ?E ?D[ \t]+O ?F ?F ?I ?C ?I ?A ?L[ \t]+U ?S ?E"
)
# A line that starts with a level word.  Text dumps glue their "partial
# extract" notice to the classification line, so that notice may come first.
# The lookahead turns most lines away at their first letter, before the
# branches of the levels are tried one by one.
_CANDIDATE = (
    r"(?=[ \t]*[TSECOUL])"
    r"[ \t]*(?:This record is a partial extract[^\n]*?not available\.[ \t]*)?"
    rf"(?P<level>{_LEVELS})(?![A-Za-z])(?P<rest>[^\n]*)"
)
_CANDIDATE_RE = LinePattern.compile(_CANDIDATE, re.I)
_EO = r"E\.?[ \t]?O\.?[ \t]*\d{4,5}"
#: An ``E.O. 12958`` line: the first line of a cable's front matter that no
#: export or envelope in front of the routing header imitates.
EO_LINE_RE = re.compile(rf"\n[ \t]*{_EO}", re.I)
# Any front-matter line; the leading newline lets ``re`` jump from line to line.
_FRONT_MATTER_RE = re.compile(rf"\n[ \t]*(?:{_EO}|TAGS?\b|SUBJ(?:ECT)?\b)", re.I)

# Handling markings, each with the name it is recorded under.  Longer phrases
# come first so that ``SENSITIVE BUT UNCLASSIFIED`` is not read as ``SENSITIVE``.
_MARKINGS: tuple[tuple[str, str], ...] = (
    (r"DEA[ \t]+SENSITIVE", "DEA SENSITIVE"),
    (r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED|SENSITIVE|SBU", "SENSITIVE BUT UNCLASSIFIED"),
    (r"FOR[ \t]+OFFICIAL[ \t]+USE[ \t]+ONLY|FOUO", "FOR OFFICIAL USE ONLY"),
    (r"N ?O ?F ?O ?R ?N", "NOFORN"),
    (r"S ?I ?P ?D ?I ?S", "SIPDIS"),
    (r"E ?F ?T ?O", "EFTO"),
    (r"E ?X ?D ?I ?S", "EXDIS"),
    (r"N ?O ?D ?I ?S", "NODIS"),
    (r"L ?I ?M ?D ?I ?S", "LIMDIS"),
    (r"S ?T ?A ?D ?I ?S", "STADIS"),
)
#: Markings that make an unclassified cable ``FOR OFFICIAL USE ONLY`` in the archive's labels.
_SENSITIVE = frozenset({"SENSITIVE BUT UNCLASSIFIED", "DEA SENSITIVE"})
_MARKING_NAMES = {f"m{index}": name for index, (_, name) in enumerate(_MARKINGS)}
_MARKING_RE = re.compile(
    r"[ \t,;/]*(?:"
    + "|".join(f"(?P<m{index}>{pattern})" for index, (pattern, _) in enumerate(_MARKINGS))
    # Releasability runs to the end of its segment: REL TO USA, AUS, GBR
    + r"|(?P<rel>REL(?:EASABLE)?[ \t]+TO[ \t]+[^/\n]*[^/\s])"
    # Any other control marking written as a //-segment: SECRET//ORCON
    + r"|(?<=//)(?P<other>[A-Z]+(?:[ \t]+[A-Z]+)*?)(?=[ \t]*(?://|$))"
    + r")(?![A-Za-z])",
    re.I,
)
# Handling lines sit within a few address lines of the classification line;
# looking no further keeps a cable without front matter from being combed whole.
_HANDLING_CHARS = 2_000
_SECTION_RE = re.compile(r"[ \t]*SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+", re.I)
# Post as written (letters, spaces, dots, apostrophes, hyphens) and serial.
_POST_SERIAL_RE = re.compile(
    r"[ \t]+(?P<post>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*)*?)[ \t]+(?P<serial>\d{1,7})(?!\d)",
    re.I,
)
# Labels name their level plainly; the text's abbreviation is accepted too.
_LABEL_LEVELS = {
    "TOP SECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
}


class ClassificationLine(NamedTuple):
    """A classification line found in a text.

    ``start`` is the offset of the level word and ``end`` that of the line's
    end; ``level`` is canonical (``CONFIDENTIAL``), ``caveats`` the markings on
    the line itself, ``post`` and ``serial`` are ``None`` on a line without
    them (``SECRET//NOFORN``).
    """

    start: int
    end: int
    level: str
    caveats: tuple[str, ...]
    post: str | None
    serial: int | None


def front_matter_start(text: str, start: int = 0) -> int:
    """Offset of the first front-matter line (``E.O.``, ``TAGS``, ``SUBJECT``) after ``start``.

    Without one, the end of the top of the text (``start + TOP_CHARS``, at most
    ``len(text)``), so callers can use it as the end of a bounded search.
    """
    limit = min(len(text), start + TOP_CHARS)
    match = _FRONT_MATTER_RE.search(text, max(start - 1, 0), limit)
    return match.start() + 1 if match else limit


def classification_lines(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, ClassificationLine]]:
    """The classification lines that begin in ``text[start:end]``, each after its line's offset.

    A line counts when it starts with a level word and holds nothing else but
    markings (``SECRET//NOFORN``, ``UNCLAS E F T O``) or continues with an
    optional section and the post and serial; a sentence that happens to start
    with "Secret" does not.
    """
    end = len(text) if end is None else end
    for match in _CANDIDATE_RE.finditer(text, start, end):
        line = _read_line(match)
        if line is not None:
            # Matches after the first line open with the newline before the line.
            newline = match.re is _CANDIDATE_RE.after_newline
            yield (match.start() + 1 if newline else match.start()), line


def find_classification_line(
    text: str, start: int = 0, end: int | None = None, *, with_serial: bool = False
) -> ClassificationLine | None:
    """The first classification line that begins in ``text[start:end]``.

    :func:`classification_lines` says which lines count; with ``with_serial``
    only those that carry a post and serial do.
    """
    for _, line in classification_lines(text, start, end):
        if line.serial is not None or not with_serial:
            return line
    return None


# parse_cable asks parse_classification and parse_serial about the same text.
@functools.lru_cache(maxsize=16)
def _opening(text: str) -> tuple[int, ClassificationLine | None, ClassificationLine | None]:
    """Front matter start, first classification line above it, first such line with a serial."""
    stop = front_matter_start(text)
    line = find_classification_line(text, 0, stop)
    if line is None or line.serial is not None:
        return stop, line, line
    return stop, line, find_classification_line(text, line.end, stop, with_serial=True)


def _read_line(match: re.Match[str]) -> ClassificationLine | None:
    """Interpret the text after a level word; None when it is not a classification line."""
    read = _read_rest(match.group("rest"))
    if read is None:
        return None
    caveats, post, serial = read
    return ClassificationLine(
        start=match.start("level"),
        end=match.end(),
        level=_level_name(match.group("level")),
        caveats=caveats,
        post=post,
        serial=serial,
    )


# split_header, parse_classification and parse_serial read the same line in turn.
@functools.lru_cache(maxsize=64)
def _read_rest(rest: str) -> tuple[tuple[str, ...], str | None, int | None] | None:
    """Caveats, post and serial in what follows a level word; None if that is no such line."""
    caveats, position = _markings(rest, 0)
    post = serial = None
    section = _SECTION_RE.match(rest, position)
    numbered = _POST_SERIAL_RE.match(rest, section.end() if section else position)
    if numbered:
        post = " ".join(numbered.group("post").upper().split())
        serial = int(numbered.group("serial"))
        trailing, position = _markings(rest, numbered.end())
        caveats += trailing
    elif section:
        return None
    # After a serial anything may follow (some copies run the front matter
    # onto the line); without one only markings may.
    if serial is None and rest[position:].strip():
        return None
    return caveats, post, serial


def _level_name(written: str) -> str:
    """Canonical level for a level word as written (spaced, doubled, abbreviated)."""
    letters = "".join(written.split()).upper()
    if letters.startswith("TOP"):
        return "TOP SECRET"
    if letters.endswith("ECRET"):
        return "SECRET"
    if letters.endswith("ONFIDENTIAL"):
        return "CONFIDENTIAL"
    if letters.startswith("LIMITED"):
        return "LIMITED OFFICIAL USE"
    return "UNCLASSIFIED"


def _markings(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """Markings that follow one another from ``position``, and where they stop."""
    found: list[str] = []
    while match := _MARKING_RE.match(text, position):
        name = match.lastgroup
        if name == "rel":
            found.append("REL TO " + " ".join(match.group("rel").upper().split()[2:]))
        elif name == "other":
            found.append(" ".join(match.group("other").upper().split()))
        else:
            found.append(_MARKING_NAMES[str(name)])
        position = match.end()
    return tuple(found), position


def parse_classification(text: str) -> tuple[str | None, tuple[str, ...]]:
    """(classification, caveats) from the top of a cable's text.

    Parameters
    ----------
    text
        Cable text from the classification line on (the ``rest`` of
        :func:`~cablestats.parse.split_header`); the line is searched for
        before the front matter, so a leading line or two of other text is fine.

    Returns
    -------
    tuple
        The canonical level (``TOP SECRET``, ``SECRET``, ``CONFIDENTIAL``,
        ``LIMITED OFFICIAL USE``, ``UNCLASSIFIED``) or ``None`` when there is
        no classification line, and the caveats in order of appearance without
        repeats: those on the line (``//NOFORN``, ``E F T O``) and those that
        open the handling lines below it (``SIPDIS``, ``NOFORN``, ``EXDIS``,
        ``REL TO USA, GBR``).  The ``SENSITIVE`` marking is recorded as
        ``SENSITIVE BUT UNCLASSIFIED``, the designation it stands for; an
        unclassified cable so marked also gets ``FOR OFFICIAL USE ONLY``, the
        caveat under which WikiLeaks' labels file it, so that the text alone and
        the text with its page label give the same caveats.
    """
    stop, line, _ = _opening(text)
    found = list(line.caveats) if line else []
    position = line.end if line else 0
    for handling in text[position : min(stop, position + _HANDLING_CHARS)].split("\n"):
        markings, end = _markings(handling, 0)
        # "NOFORN, NOT FOR INTERNET DISTRIBUTION" is a handling line,
        # "SENSITIVE information ..." the start of a sentence.
        if not handling[end:].strip() or handling[end:].lstrip()[0] in ",;":
            found.extend(markings)
    level = line.level if line else None
    if level == "UNCLASSIFIED" and _SENSITIVE.intersection(found):
        found.insert(0, "FOR OFFICIAL USE ONLY")
    return level, tuple(dict.fromkeys(found))


def split_classification(label: str) -> tuple[str | None, tuple[str, ...]]:
    """(classification, caveats) from a metadata label such as ``SECRET//NOFORN``.

    Parameters
    ----------
    label
        A classification as page metadata and CSV rows write it: the level,
        then caveats after ``//`` (``UNCLASSIFIED//FOR OFFICIAL USE ONLY``).
        Case and spacing do not matter.

    Returns
    -------
    tuple
        The canonical level, or ``None`` for an empty or unknown label, and the
        caveats in order, upper case.
    """
    level, *caveats = (" ".join(part.split()).upper() for part in label.split("//"))
    return _LABEL_LEVELS.get(level), tuple(caveat for caveat in caveats if caveat)


def parse_serial(text: str) -> tuple[str, int] | None:
    """(post, serial) of the classification line, e.g. ``("BAMAKO", 504)``.

    Parameters
    ----------
    text
        Cable text from the classification line on, as for
        :func:`parse_classification`.

    Returns
    -------
    tuple or None
        The post as written, upper case with single spaces
        (``PORT AU PRINCE``; :func:`~cablestats.parse.make_reference_id`
        removes them) and the serial as a number; ``None`` when no
        classification line before the front matter carries them.  Section
        breaks (``BAMAKO 00000504 002 OF 002``) are not classification lines.
    """
    line = _opening(text)[2]
    if line is None or line.post is None or line.serial is None:
        return None
    return line.post, line.serial
