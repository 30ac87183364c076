"""Routing header: where it ends, date-time group, precedence, sender, addressees.

A telegram's routing header precedes its classification line::

    VZCZCXRO9324
    RR RUEHPA
    DE RUEHBP #0504/01 2101419
    ZNY CCCCC ZZH
    R 291419Z JUL 09
    FM AMEMBASSY BAMAKO
    TO RUEHC/SECSTATE WASHDC 0599
    INFO RUEHZK/ECOWAS COLLECTIVE
    RUEHAS/AMEMBASSY ALGIERS 0666

Older copies give only the date-time group, ``FM``, ``TO`` and ``INFO`` lines;
copies taken from other systems put mail-export notices, distribution lists
(``INFO LOG-00 EEB-00 ...``) or a repeat of the header in front of or behind
it.  The routing block that counts is the ``FM``/``TO`` block closest above
the classification line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from cablestats.cable import Recipient
from cablestats.parse.classification import (
    EO_LINE_RE,
    TOP_CHARS,
    ClassificationLine,
    classification_lines,
    find_classification_line,
    front_matter_start,
)
from cablestats.parse.text import LinePattern
from cablestats.tags import post_info

__all__ = [
    "origin_name",
    "parse_dtg",
    "parse_info_recipients",
    "parse_precedence",
    "parse_recipients",
    "parse_sender",
    "split_header",
]

# The sender line, and the same line when a TO line follows it, which is how a
# routing block starts; "FM Lavrov said ..." in a body has no TO line after it.
_FM_RE = LinePattern.compile(r"[ \t]*FM[ \t]+(?P<sender>[^\n]*)")
_FM_TO_RE = LinePattern.compile(r"[ \t]*FM[ \t]+[^\n]*\n(?:[ \t]*\n)*[ \t]*TO\b")
# A blank line, BT or a field line ("TAGS:", which some copies run on after
# the addressees) closes the addressee block.
_BLOCK_END_RE = re.compile(r"\n[ \t]*(?:(?:BT[ \t]*)?(?=\n|\Z)|[A-Za-z]+:)")

_MONTH_NAMES = (
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
    "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
)  # fmt: skip
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: number for name, number in _MONTHS.items()})
# "R 291419Z JUL 09": precedence (two letters when action and info addressees
# differ, "O P"), day, hour, minute, Z for UTC, month, year.  Copies also give
# it bare ("201247Z Jan 04") or spelled out as web pages print it
# ("Tuesday, 20 January 2004, 09:44").
_DTG_RE = LinePattern.compile(
    r"[ \t]*(?:"
    r"(?:(?P<precedence>[ZOPRYW]{1,2})(?:[ \t]+[ZOPRYW]{1,2})?[ \t]+)?"
    r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)Z[ \t]+"
    r"(?P<month>[A-Za-z]{3})[ \t]+(?P<year>\d{4}|\d\d)(?!\d)"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[ \t]*(?P<long_day>\d{1,2})[ \t]+"
    r"(?P<long_month>[A-Za-z]{3,9})[ \t]+(?P<long_year>\d{4}),[ \t]*"
    r"(?P<long_hour>\d{1,2}):(?P<long_minute>\d\d)"
    r")"
)

# One addressee line: [TO|INFO|XMT] [ROUTE/]NAME [PRECEDENCE] [MCN], as in
# "TO RUEHC/SECSTATE WASHDC PRIORITY 0599" or "ZEN/AMEMBASSY RIGA NIACT IMMEDIATE 0612-0615".
# The name grows a word at a time until the rest of the line is precedence and MCN.
_ADDRESSEE_RE = re.compile(
    r"^[ \t]*(?:(?P<keyword>TO|INFO|XMT)\b[ \t]*)?"
    r"(?:(?P<route>R[A-Z]{3,6}|ZEN)/)?"
    r"(?P<name>\S+(?:[ \t]+\S+)*?)?"
    r"(?:[ \t]+(?P<precedence>(?:NIACT[ \t]+)?IMMEDIATE|PRIORITY|ROUTINE|FLASH|CRITIC))?"
    r"(?:[ \t]+(?P<mcn>\d{1,5}(?:-\d{1,5})?))?[ \t\r]*$",
    re.M,
)
_BLOCK_START_RE = re.compile(r"^[ \t]*(?:TO|INFO)[ \t]", re.M)
_PAGE_RE = re.compile(r"PAGE[ \t]+\d+\b")
# Where a second addressee or block starts on the same line, in headers that
# lost their line breaks: at a routing indicator, a post's prefix or INFO/XMT.
_NEXT_ADDRESSEE_RE = re.compile(
    r"[ \t](?=R[A-Z]{3,6}/|ZEN/|(?:AMEMBASSY|AMCONSUL|USMISSION|SECSTATE|INFO|XMT)[ \t])"
)

# Senders whose WikiLeaks origin follows no prefix rule.
_ORIGINS = {
    "SECSTATE WASHDC": "Secretary of State",
    "SECSTATE WASHINGTON DC": "Secretary of State",
    "USMISSION USNATO": "Mission USNATO",
    "USMISSION USOSCE": "Mission USOSCE",
    "USMISSION UNESCO PARIS": "Mission UNESCO",
    "USMISSION UNVIE VIENNA": "UNVIE",
    "USMISSION USUN NEW YORK": "USUN New York",
    "USUN NEW YORK": "USUN New York",
    "USEU BRUSSELS": "USEU Brussels",
    "USINT HAVANA": "US Interests Section Havana",
    "RPO DUBAI": "Iran RPO Dubai",
    "IRAN RPO DUBAI": "Iran RPO Dubai",
}
_ORIGIN_PREFIXES = {"AMEMBASSY": "Embassy", "AMCONSUL": "Consulate", "USMISSION": "Mission"}


def split_header(text: str) -> tuple[str, str]:
    """Split raw cable text into its routing header and the rest.

    Parameters
    ----------
    text
        Raw cable text, header (if any) first.

    Returns
    -------
    tuple of str
        ``(header, rest)``.  ``rest`` starts at the classification line
        (``C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504``); ``header``
        is everything before it, stripped, including notices that copies put in
        front of the classification line.  Without a classification line,
        ``rest`` starts after the routing block; text with neither gives
        ``("", text)``, and so does text whose classification line comes first.
    """
    limit = min(len(text), TOP_CHARS)
    # The routing block lies above the front matter; an FM line below it is
    # quoted or repeated in the body.
    front = EO_LINE_RE.search(text, 0, limit)
    routing = _routing_block(text, front.start() if front else limit)
    if routing is None:
        line = find_classification_line(text, 0, front_matter_start(text))
        if line is None:
            return "", text
        cut = line.start
    else:
        block_end, numbered, above = routing
        if numbered is None:
            line = find_classification_line(text, block_end, front_matter_start(text, block_end))
        else:
            # The search for the numbered line read the lines above it already; only an
            # unnumbered classification line among them comes first.
            line = next((found for begin, found in above if begin >= block_end), numbered)
        cut = line.start if line else block_end
    header = text[:cut].strip()
    if not header:
        return "", text
    return header, text[cut:].lstrip()


def _routing_block(
    text: str, end: int
) -> tuple[int, ClassificationLine | None, list[tuple[int, ClassificationLine]]] | None:
    """End of the routing block nearest the classification line, and that line if numbered.

    Copies may hold a header twice or put export notices with a classification
    line of their own in front of it, so the block that counts is the last one
    before the first classification line with a serial that follows a block.
    The classification lines without a serial passed over on the way come
    third, after where each line begins (:func:`classification_lines`).
    """
    first = _FM_TO_RE.search(text, 0, end)
    if first is None:
        return None
    numbered = None
    above: list[tuple[int, ClassificationLine]] = []
    for begin, line in classification_lines(text, first.end(), end):
        if line.serial is not None:
            numbered = line
            break
        above.append((begin, line))
    bound = numbered.start if numbered else end
    last = _last_match(_FM_TO_RE, text, first.start(), bound) or first
    closing = _BLOCK_END_RE.search(text, last.end(), bound)
    block_end = closing.start() if closing else bound
    # Lines that begin before ``block_end`` end before it: they were read whole above.
    unnumbered = next((line for begin, line in above if last.end() <= begin < block_end), None)
    return (unnumbered.start if unnumbered else block_end), numbered, above


def _last_match(
    pattern: LinePattern, text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """The last match of ``pattern`` on the lines that begin in ``text[start:end]``."""
    last = None
    for last in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return last


def parse_dtg(text: str) -> dt.datetime | None:
    """The date-time group as an aware UTC datetime.

    Parameters
    ----------
    text
        A routing header, or a cable's text when it has none; only the top,
        above the ``E.O.`` line, is searched.

    Returns
    -------
    datetime or None
        The first valid date-time group: ``R 291419Z JUL 09`` is 2009-07-29
        14:19 UTC.  Two-digit years pivot at 1950 (``66`` is 1966, ``09`` is
        2009).  The bare form (``201247Z Jan 04``) and the long form of web
        pages (``Tuesday, 20 January 2004, 09:44``) count too.  ``None`` when
        there is none or none is a real date; never raises.
    """
    limit = min(len(text), TOP_CHARS)
    front = EO_LINE_RE.search(text, 0, limit)
    for match in _DTG_RE.finditer(text, 0, front.start() if front else limit):
        moment = _moment(match)
        if moment is not None:
            return moment
    return None


def _moment(match: re.Match[str]) -> dt.datetime | None:
    """The datetime a date-time group match stands for; None if it is no real date."""
    prefix = "" if match.group("day") else "long_"
    day, month, year, hour, minute = (
        match.group(prefix + name) for name in ("day", "month", "year", "hour", "minute")
    )
    number = _MONTHS.get(month.upper())
    if number is None:
        return None
    full_year = int(year) if len(year) == 4 else _pivot(int(year))
    try:
        return dt.datetime(full_year, number, int(day), int(hour), int(minute), tzinfo=dt.UTC)
    except ValueError:
        return None


def _pivot(two_digits: int) -> int:
    """Cables run from 1966 to 2010: 50-99 are the 1900s, 00-49 the 2000s."""
    return 1900 + two_digits if two_digits >= 50 else 2000 + two_digits


def parse_precedence(header_text: str) -> str | None:
    """Precedence letter of the date-time group line: R, P, O or Z (also Y, W).

    ``O P 131528Z MAY 08`` has an action (``O``) and an info precedence; the
    action precedence is returned.  ``None`` without a date-time group line
    that gives one.
    """
    limit = min(len(header_text), TOP_CHARS)
    for match in _DTG_RE.finditer(header_text, 0, limit):
        if match.group("precedence"):
            return match.group("precedence")[0]
    return None


def parse_sender(header_text: str) -> str | None:
    """The ``FM`` line's addressee, e.g. ``AMEMBASSY BAMAKO``; ``None`` without one.

    The last ``FM`` line of the header counts: copies that repeat the header
    put the repeat nearest the classification line.
    """
    last = _sender_line(header_text)
    sender = " ".join(last.group("sender").split()) if last else ""
    return sender or None


# parse_sender and the addressees both start from the header's last FM line.
@functools.lru_cache(maxsize=8)
def _sender_line(header_text: str) -> re.Match[str] | None:
    """The header's last ``FM`` line."""
    return _last_match(_FM_RE, header_text)


def parse_recipients(header_text: str) -> list[Recipient]:
    """Addressees of the ``TO`` block, one :class:`~cablestats.Recipient` each.

    ``RUEHC/SECSTATE WASHDC PRIORITY 0599`` gives
    ``Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "0599")``; route,
    precedence and message control number are ``None`` where the line has
    none.  The block runs from ``TO`` to ``INFO``, ``BT``, a blank line, a
    field line (``TAGS:``) or the classification line; page-break lines are
    skipped.
    """
    return list(_addressees(header_text)[0])


def parse_info_recipients(header_text: str) -> list[Recipient]:
    """Addressees of the ``INFO`` block, read as in :func:`parse_recipients`.

    Addressees after ``XMT`` are excepted from a collective, not sent to, and
    are left out.
    """
    return list(_addressees(header_text)[1])


# Both addressee lists come from one pass; parse_cable asks for them in turn.
@functools.lru_cache(maxsize=8)
def _addressees(header_text: str) -> tuple[tuple[Recipient, ...], tuple[Recipient, ...]]:
    """(TO, INFO) addressees of the header's last routing block."""
    sender = _sender_line(header_text)
    if sender is not None:
        start = sender.end()
    else:
        # A fragment without its FM line starts at its first TO or INFO line.
        first = _BLOCK_START_RE.search(header_text)
        if first is None:
            return (), ()
        start = first.start()
    closing = _BLOCK_END_RE.search(header_text, start)
    end = closing.start() if closing else len(header_text)
    line = find_classification_line(header_text, start, end)
    block = header_text[start : line.start if line else end]
    blocks: dict[str, list[Recipient]] = {"TO": [], "INFO": [], "XMT": []}
    current: list[Recipient] | None = None
    for match in _ADDRESSEE_RE.finditer(_NEXT_ADDRESSEE_RE.sub("\n", block)):
        keyword, route, name, precedence, mcn = match.groups()
        if keyword:
            current = blocks[keyword]
        # The startswith test spares most names the pattern.
        if current is None or name is None or (name.startswith("PAGE") and _PAGE_RE.match(name)):
            continue
        if precedence and " " in precedence:
            precedence = " ".join(precedence.split())  # NIACT IMMEDIATE
        if "\t" in name or "  " in name:
            name = " ".join(name.split())  # words are split by tabs and spaces only
        current.append(Recipient(route, name, precedence, mcn))
    return tuple(blocks["TO"]), tuple(blocks["INFO"])


def origin_name(sender: str | None) -> str | None:
    """WikiLeaks-style origin for a sender, as the pages' metadata table writes it.

    Parameters
    ----------
    sender
        The ``FM`` addressee (:func:`parse_sender`).

    Returns
    -------
    str or None
        ``AMEMBASSY BAMAKO`` → ``Embassy Bamako``, ``AMCONSUL RIO DE JANEIRO``
        → ``Consulate Rio De Janeiro``, ``USMISSION GENEVA`` → ``Mission
        Geneva``; the Department and missions with names of their own from a
        table (``SECSTATE WASHDC`` → ``Secretary of State``, ``USMISSION
        USNATO`` → ``Mission USNATO``, ``USINT HAVANA`` → ``US Interests
        Section Havana``).  Other senders are returned as written, as
        WikiLeaks does for them; ``None`` for no sender.
    """
    if sender is None or not sender.strip():
        return None
    name = " ".join(sender.upper().split())
    if name in _ORIGINS:
        return _ORIGINS[name]
    prefix, _, post = name.partition(" ")
    if prefix in _ORIGIN_PREFIXES and post and prefix != "USMISSION":
        return f"{_ORIGIN_PREFIXES[prefix]} {post.title()}"
    # Missions, offices and sections (USMISSION UNESCO PARIS FR, REO BASRAH, AIT TAIPEI)
    # carry names of their own: the posts reference knows them.
    for candidate in (post, name):
        info = post_info(candidate.replace(" ", "")) if candidate else None
        if info is not None and info.origin:
            return info.origin
    if prefix in _ORIGIN_PREFIXES and post:
        return f"{_ORIGIN_PREFIXES[prefix]} {post.title()}"
    return name
