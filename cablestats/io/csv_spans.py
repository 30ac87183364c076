"""Reading one large ``cables.csv`` in worker processes, each taking its own span of bytes.

Handing rows to workers from one reading process makes that process split
all 1.7 GB of CSV line by line and send every raw cable to a worker: on two
cores, that is time the parsing needs.  Instead the file is cut into spans
of a few megabytes; each worker opens the file itself, skips to the first
line that looks like a row start (``"123","3/19/2009 13:01","``) at or after
its span's first byte, decodes the span in one piece and reads whole rows
until the next row would start past the span's end.  Only parsed rows
travel back.

A line inside a cable's body could look like a row start.  The spans are
therefore checked where they meet: each worker says where its first row began
and where its last row ended, and a span whose first row does not begin where
the previous span's rows ended is read again, in this process, from that true
row start.  A span lying wholly inside one long row is skipped.  The result is
row for row what a single reader gives, line numbers included.

A compressed file cannot be entered in the middle; it is read by one process
as before (see :mod:`cablestats.io.readers`).
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from cablestats.cable import Cable
from cablestats.errors import CableParseError
from cablestats.io.cablescsv import TEXT_OPTIONS, LineCount, decode_text, read_rows
from cablestats.io.pool import map_in_order, parse_items
from cablestats.io.raw import ReadFailure

__all__ = ["SPAN_BYTES", "SPLIT_THRESHOLD", "can_split", "parse_csv_spans"]

#: Bytes of ``cables.csv`` a worker reads at a time: about 600 real cables.
SPAN_BYTES = 4 << 20
#: Files smaller than this are read by one process (a couple of thousand cables).
SPLIT_THRESHOLD = 16 << 20

# The start of a row: a quoted row number, then a quoted (possibly empty) date.
_ROW_START_RE = re.compile(rb'"\d+","[\d/: ]*","')


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """What a worker read of one span: where its rows began and ended, and the results.

    ``first`` is the byte offset of the first row (None when no row starts in
    the span), ``stop`` the offset just after the last row, ``lines`` the lines
    from ``first`` to ``stop``; line numbers in ``results`` count from ``first``.
    ``fatal`` is set when the file cannot be read as a ``cables.csv`` at all.
    """

    end: int
    first: int | None
    stop: int
    lines: int
    results: list[Any]
    fatal: ReadFailure | None = None


def can_split(path: Path, n_jobs: int) -> bool:
    """Whether reading ``path`` in spans pays off: several workers, a large uncompressed file."""
    if n_jobs < 2 or path.suffix.lower() == ".gz":
        return False
    try:
        return path.stat().st_size >= SPLIT_THRESHOLD
    except OSError:
        return False  # reported when it is read


def _first_row_start(binary: IO[bytes], start: int, end: int) -> int | None:
    """The offset of the first line at or after ``start`` (and before ``end``) that starts a row."""
    if start > 0:
        binary.seek(start - 1)
        binary.readline()  # the rest of the line holding ``start`` (a newline at a line start)
    offset = binary.tell()
    while offset < end:
        line = binary.readline()
        if not line:
            return None
        if _ROW_START_RE.match(line):
            return offset
        offset += len(line)
    return None


def read_span(
    path: Path,
    start: int,
    end: int,
    style: str,
    transform: Callable[[Cable], Any] | None,
    *,
    exact: bool = False,
) -> Span:
    """Parse the rows that start in ``[start, end)`` of a ``cables.csv`` (a worker's task).

    With ``exact``, ``start`` is known to be a row start and is not searched
    for; so is the start of the file.
    """
    source = str(path)
    try:
        with path.open("rb") as binary:
            first = start if exact or start == 0 else _first_row_start(binary, start, end)
            if first is None:
                return Span(end, None, start, 0, [])
            binary.seek(first)
            results, stop, lines = _parse_from(binary, first, end, style, transform, source)
    except CableParseError as error:
        return Span(end, start, start, 0, [], ReadFailure.from_error(error))
    except OSError as error:
        message = f"could not be read ({type(error).__name__}: {error})"
        return Span(end, start, start, 0, [], ReadFailure(message, source))
    return Span(end, first, stop, lines, results)


def _parse_from(
    binary: IO[bytes],
    first: int,
    end: int,
    style: str,
    transform: Callable[[Cable], Any] | None,
    source: str,
) -> tuple[list[Any], int, int]:
    """Rows from ``first`` (the file's position) that start before ``end``: (results, stop, lines).

    The span is read and decoded in one piece of whole lines, up to the end of
    the line holding byte ``end - 1``: rows start on its lines and no others.
    The last row may run on past it, into lines read from the file one by
    one, so that the file's position is where the rows taken end.
    """
    piece = binary.read(end - first)
    if not piece.endswith(b"\n"):
        piece += binary.readline()
    line_limit = piece.count(b"\n", 0, end - first - 1) + 1
    lines = itertools.chain(
        io.StringIO(decode_text(piece), newline=TEXT_OPTIONS["newline"]), map(decode_text, binary)
    )
    count = LineCount()
    rows = read_rows(
        lines, style=style, source=source, first=first == 0, line_limit=line_limit, count=count
    )
    return parse_items(rows, transform), binary.tell(), count.lines


def _numbered(results: list[Any], lines_before: int) -> Iterator[Any]:
    """Results with the lines of failures counted from the start of the file."""
    for result in results:
        if isinstance(result, ReadFailure) and result.line is not None:
            result = dataclasses.replace(result, line=result.line + lines_before)
        yield result


def parse_csv_spans(
    path: Path,
    *,
    style: str,
    n_jobs: int,
    transform: Callable[[Cable], Any] | None = None,
    span_bytes: int | None = None,
) -> Iterator[Any]:
    """Parse every row of a ``cables.csv`` in ``n_jobs`` worker processes, in file order.

    Parameters
    ----------
    path
        An uncompressed ``cables.csv``.
    style
        Its quoting style, ``"double"`` or ``"backslash"``.
    n_jobs
        Worker processes.
    transform
        Applied to each parsed cable in the worker (see
        :func:`~cablestats.io.pool.parse_in_order`).
    span_bytes
        Bytes per span; default :data:`SPAN_BYTES`.

    Yields
    ------
    Cable, transformed cable or ReadFailure
        What one reader of the whole file would give, in the same order.  A
        file that is not a ``cables.csv`` gives one :class:`ReadFailure`.
    """
    span_bytes = span_bytes or SPAN_BYTES
    size = os.path.getsize(path)
    tasks = (
        (path, start, min(start + span_bytes, size), style, transform)
        for start in range(0, size, span_bytes)
    )
    position = lines_before = 0  # where the rows read so far end
    for span in map_in_order(read_span, tasks, n_jobs=n_jobs):
        if position >= span.end:
            continue  # inside a row that an earlier span read whole
        if span.fatal is None and span.first != position:
            # It began at a line that only looked like a row start.
            span = read_span(path, position, span.end, style, transform, exact=True)
        if span.fatal is not None:
            yield span.fatal
            return
        yield from _numbered(span.results, lines_before)
        position, lines_before = span.stop, lines_before + span.lines
