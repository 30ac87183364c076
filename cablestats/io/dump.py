"""Text dumps: one cable per file, five metadata lines, then the text.

Lines 1–5 are the reference id, subject, date, classification and origin name.
The date line (``Thu Oct 11 00:00:00 +0200 2001``) is a calendar date printed
at midnight in the dumper's local zone, so only the calendar date is kept, at
00:00 UTC.  Some dumps wrap the cable in an envelope (``id:``, ``date:``,
``refid:``, ``origin:``, ``classification:``, ``destination:``, ``header:``,
then ``header ends`` … ``CABLE ENDS``); its values are more precise and win.
``destination:`` lists, despite its name, the cables referred to.  Empty
extracts (metadata only) are valid records with an empty body.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from cablestats.errors import CableParseError
from cablestats.io.dates import parse_slash_date
from cablestats.io.files import read_text
from cablestats.io.raw import RawCable, join_text
from cablestats.parse.ids import REFERENCE_ID_RE

__all__ = ["iter_dump", "looks_like_dump", "parse_dump"]

_DATE_RE = re.compile(
    r"[A-Z][a-z]{2} (?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2}) \d{2}:\d{2}:\d{2} "
    r"[+-]\d{4} (?P<year>\d{4})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# The envelope's "id:" follows the last header line without a line break.
_ENVELOPE_RE = re.compile(
    r"id: *\d+\n(?P<fields>(?:[a-z]+:[^\n]*\n)*?)header:\n(?P<header>.*?)"
    r"\n-+ *header ends *-+\n(?P<text>.*?)(?:=+ *CABLE ENDS *=+\s*)?\Z",
    re.S,
)
_FIELD_RE = re.compile(r"^([a-z]+): ?(.*)$", re.M)
# The dumper's own note on partial extracts, glued to the first line of the cable.
_PARTIAL_RE = re.compile(
    r"\AThis record is a partial extract of the original cable\."
    r"(?: The full text of the original cable is not available\.)?[ \t]*"
)


def looks_like_dump(head: str) -> bool:
    """True when the first lines are a dump's: a reference id, then a subject, then a date."""
    lines = head.split("\n", 3)
    return (
        len(lines) >= 3
        and REFERENCE_ID_RE.fullmatch(lines[0].strip()) is not None
        and _DATE_RE.fullmatch(lines[2].strip()) is not None
    )


def _dump_date(text: str) -> dt.datetime:
    match = _DATE_RE.fullmatch(text.strip())
    if not match:
        raise ValueError(
            f"line 3 should be a date like 'Thu Oct 11 00:00:00 +0200 2001', received {text!r}"
        )
    month = _MONTHS[match["month"]]
    return dt.datetime(int(match["year"]), month, int(match["day"]), tzinfo=dt.UTC)


def parse_dump(content: str, *, source: str) -> RawCable:
    """Take one dump apart.

    Parameters
    ----------
    content
        The whole file as text.
    source
        The file, for messages and ``Cable.source``.

    Returns
    -------
    RawCable
        The cable text (envelope header and text joined by a blank line) with
        the metadata lines; raises :class:`CableParseError` when the first five
        lines are not a dump's.
    """
    lines = content.split("\n", 5)
    if len(lines) < 5:
        raise CableParseError(
            f"a text dump starts with 5 metadata lines, found {len(lines)}", source=source
        )
    reference_id, subject, date, classification, origin = (line.strip() for line in lines[:5])
    rest = lines[5] if len(lines) > 5 else ""
    try:
        created = _dump_date(date)
    except ValueError as error:
        raise CableParseError(str(error), source=source, line=3) from None
    references: tuple[str, ...] = ()
    envelope = _ENVELOPE_RE.search(rest)
    if envelope:
        fields = dict(_FIELD_RE.findall(envelope["fields"]))
        reference_id = fields.get("refid", "").strip() or reference_id
        origin = fields.get("origin", "").strip() or origin
        classification = fields.get("classification", "").strip() or classification
        try:
            created = parse_slash_date(fields.get("date", "")) or created
        except ValueError as error:
            raise CableParseError(f"envelope date: {error}", source=source) from None
        references = tuple(ref for ref in fields.get("destination", "").split("|") if ref.strip())
        text = join_text(envelope["header"].strip("\n"), envelope["text"].strip("\n"))
    else:
        text = _PARTIAL_RE.sub("", rest)
    return RawCable(
        text=text,
        source=source,
        reference_id=reference_id or None,
        created=created,
        origin=origin or None,
        classification=classification or None,
        subject=subject or None,
        references=references,
    )


def iter_dump(path: Path) -> Iterator[RawCable]:
    """The one cable of a dump file (a reader in the shape every format shares)."""
    content, notes = read_text(path)
    yield dataclasses.replace(parse_dump(content, source=str(path)), notes=notes)
