"""``cables.csv``, the full Cablegate distribution: stream rows in, write rows out.

No header row; eight columns: row id, date (``12/28/1966 07:03``), reference
id, origin, classification, references (comma separated ids), routing header,
body.  The real file is 1.7 GB, so rows are streamed one at a time and never
held together; workers can each read a span of one large file
(:mod:`cablestats.io.csv_spans`).

Two quoting styles circulate.  The RFC 4180 style doubles a quote inside a
field (``""``); copies exported from MySQL escape it with a backslash (``\\"``)
and escape backslashes too (``\\\\``).  Read with the wrong setting, one style
silently mangles the other (a backslash reader drops every lone ``\\``; a
doubling reader leaves ``\\`` in and can split fields), so the style is
detected from the first megabyte: a backslash-quote followed by more field
text (``\\"w``) cannot occur in the doubling style.  ``escape=`` forces one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from cablestats.errors import CableParseError
from cablestats.io.atomic import atomic_open
from cablestats.io.dates import format_slash_date, parse_slash_date
from cablestats.io.files import open_binary, repair_text
from cablestats.io.raw import RawCable, ReadFailure, join_text

__all__ = [
    "ESCAPES",
    "TEXT_OPTIONS",
    "CsvRow",
    "LineCount",
    "decode_text",
    "detect_escape",
    "iter_csv",
    "read_rows",
    "write_cables_csv",
]

#: Values accepted by ``escape=``.
ESCAPES: tuple[str, ...] = ("auto", "double", "backslash")

N_COLUMNS = 8

# Real bodies exceed the csv module's default limit of 128 KiB per field.
_FIELD_LIMIT = 2**31 - 1
_SNIFF_BYTES = 1 << 20
# A backslash-quote followed by field text: only the backslash style writes it.
_BACKSLASH_QUOTE_RE = re.compile(r'\\"[^,\r\n"]')
#: How the file's bytes are read as text.  surrogateescape keeps undecodable bytes visible so
#: that repair_text can report them; lines end at ``\n`` only (a stray ``\r`` stays inside its
#: line), so that lines are the same however the file is cut up.
TEXT_OPTIONS: dict[str, str] = {"encoding": "utf-8", "errors": "surrogateescape", "newline": "\n"}


class CsvRow(NamedTuple):
    """One row of ``cables.csv``; plain 8-tuples in this order are accepted too."""

    row_id: int | str
    created: dt.datetime | None
    reference_id: str
    origin: str | None
    classification: str | None
    references: Sequence[str]
    header: str
    body: str


def write_cables_csv(rows: Iterable[CsvRow], path: str | os.PathLike[str]) -> Path:
    """Write rows in the ``cables.csv`` layout, atomically.

    Every field is quoted and quotes are doubled (RFC 4180), as in the real
    distribution; dates are written ``M/D/YYYY HH:MM`` in UTC.

    Parameters
    ----------
    rows
        :class:`CsvRow` records or 8-tuples in the same order.
    path
        The file to write; it appears only once complete.

    Returns
    -------
    Path
        ``path``.
    """
    target = Path(path)
    with atomic_open(target, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for values in rows:
            row = CsvRow(*values)
            writer.writerow(
                [
                    row.row_id,
                    format_slash_date(row.created),
                    row.reference_id,
                    row.origin or "",
                    row.classification or "",
                    ",".join(row.references),
                    row.header,
                    row.body,
                ]
            )
    return target


def decode_text(data: bytes) -> str:
    """Bytes of a ``cables.csv`` as text, as :data:`TEXT_OPTIONS` says."""
    return data.decode(TEXT_OPTIONS["encoding"], TEXT_OPTIONS["errors"])


def detect_escape(path: Path) -> str:
    """The quoting style of a ``cables.csv``, from its first megabyte."""
    with open_binary(path) as binary:
        sample = decode_text(binary.read(_SNIFF_BYTES))
    return "backslash" if _BACKSLASH_QUOTE_RE.search(sample) else "double"


def _row_cable(fields: list[str], *, source: str, line: int) -> RawCable | ReadFailure:
    notes: tuple[str, ...] = ()
    repaired = []
    for field in fields:
        if "\r" in field:  # a fast scan; replace() searches slowly through non-ASCII text
            field = field.replace("\r\n", "\n")
        value, field_notes = repair_text(field)
        repaired.append(value)
        notes = notes or field_notes
    _, date, reference_id, origin, classification, references, header, body = repaired
    reference_id = reference_id.strip()
    try:
        created = parse_slash_date(date)
    except ValueError as error:
        return ReadFailure(str(error), source, reference_id or None, line, "created")
    return RawCable(
        text=join_text(header, body),
        source=source,
        line=line,
        reference_id=reference_id or None,
        created=created,
        origin=origin.strip() or None,
        classification=classification.strip() or None,
        references=tuple(ref.strip() for ref in references.split(",") if ref.strip()),
        notes=notes,
    )


def iter_csv(path: Path, *, escape: str = "auto") -> Iterator[RawCable | ReadFailure]:
    """Stream the cables of a ``cables.csv`` (``.gz`` too), one row at a time.

    Parameters
    ----------
    path
        The file.
    escape
        ``"auto"`` (detect), ``"double"`` (RFC 4180) or ``"backslash"``.

    Yields
    ------
    RawCable or ReadFailure
        One per row; a row with the wrong number of columns, a bad date or
        broken quoting is a :class:`ReadFailure` with its line, and reading
        goes on.  A first row without eight columns means the file is not a
        ``cables.csv`` at all: :class:`CableParseError` is raised instead of
        reporting every row.
    """
    if escape not in ESCAPES:
        raise ValueError(f"escape must be one of {', '.join(ESCAPES)}; received {escape!r}")
    style = detect_escape(path) if escape == "auto" else escape
    with open_binary(path) as binary:
        lines = io.TextIOWrapper(binary, **TEXT_OPTIONS)
        yield from read_rows(lines, style=style, source=str(path), first=True)


class LineCount:
    """Lines that :func:`read_rows` has taken so far."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines = 0


def read_rows(
    lines: Iterable[str],
    *,
    style: str,
    source: str,
    first: bool = False,
    line_limit: int | None = None,
    count: LineCount | None = None,
) -> Iterator[RawCable | ReadFailure]:
    """The rows of a ``cables.csv`` from lines that begin at a row start.

    Parameters
    ----------
    lines
        The file's lines, split at ``\\n`` only (see :data:`TEXT_OPTIONS`).
    style
        ``"double"`` or ``"backslash"``.
    source
        The file's name, for records and failures.
    first
        The lines begin the file: a first row without eight columns raises
        :class:`CableParseError` (not a ``cables.csv``).
    line_limit
        Stop before a row that would start on this line or a later one
        (the first line is line 0).
    count
        Kept up to date with the lines taken; line numbers in records and
        failures count from the first line given (line 1).
    """
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    escapechar = "\\" if style == "backslash" else None
    reader = csv.reader(lines, doublequote=True, escapechar=escapechar)
    count = count or LineCount()
    while line_limit is None or reader.line_num < line_limit:
        line = reader.line_num + 1
        try:
            fields = next(reader, None)
        except csv.Error as error:
            count.lines = reader.line_num
            yield ReadFailure(f"broken CSV quoting ({error})", source, line=line)
            continue
        count.lines = reader.line_num
        if fields is None:
            return
        if not fields:  # blank line, e.g. a trailing newline
            continue
        if len(fields) != N_COLUMNS:
            message = f"expected {N_COLUMNS} columns, found {len(fields)}"
            if first:
                raise CableParseError(f"not a cables.csv: {message}", source=source, line=line)
            yield ReadFailure(message, source, fields[2] if len(fields) > 2 else None, line)
            continue
        first = False
        yield _row_cable(fields, source=source, line=line)
