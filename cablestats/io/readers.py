"""Reading cables from any supported source: one policy for errors, duplicates and progress.

Every format reader turns files into raw cables (or failures); this module
parses them (in worker processes for large inputs), applies the ``errors``
policy, keeps the first of two cables with the same reference id, shows
progress and builds the frame.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from cablestats.cable import Cable
from cablestats.errors import CableParseError, CableParseWarning, DuplicateCableWarning, StoreError
from cablestats.io.cablescsv import ESCAPES, detect_escape, iter_csv
from cablestats.io.csv_spans import can_split, parse_csv_spans
from cablestats.io.detect import ONE_CABLE_FORMATS, detect_format, format_by_name
from cablestats.io.dump import iter_dump
from cablestats.io.frame import ROW_COLUMNS, FrameBuilder, cable_row
from cablestats.io.html import iter_html
from cablestats.io.parquet import iter_store, read_store
from cablestats.io.parse_cache import ParseCache, Row
from cablestats.io.pool import Item, parse_in_order
from cablestats.io.raw import RawCable, ReadFailure
from cablestats.io.sources import Source, list_sources
from cablestats.io.text import iter_text
from cablestats.progress import show_progress, tqdm

__all__ = ["ERRORS", "iter_cables", "read_cables"]

#: Values accepted by ``errors=``.
ERRORS: tuple[str, ...] = ("warn", "raise", "ignore")

PathOrPaths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

_ROW_SOURCE = ROW_COLUMNS.index("source")

_ONE_CABLE_READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    "text": iter_text,
    "html": iter_html,
    "dump": iter_dump,
}


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; received {value!r}")


def _worker_count(n_jobs: int | None) -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if n_jobs is None or n_jobs == -1:
        return available or 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(
            f"n_jobs must be a positive number of processes, -1 or None (all cores); "
            f"received {n_jobs!r}"
        )
    return n_jobs


def _read_file(path: Path, format: str, csv_escape: str) -> Iterator[Item]:
    """The raw cables (or stored cables) of one file; failures of the file as a ReadFailure."""
    try:
        format = detect_format(path) if format == "auto" else format
        if format == "parquet":
            yield from iter_store(path)
        elif format == "csv":
            yield from iter_csv(path, escape=csv_escape)
        else:
            yield from _ONE_CABLE_READERS[format](path)
    except StoreError:
        raise  # a store is read whole or not at all: never a partial frame
    except CableParseError as error:
        yield ReadFailure.from_error(error)
    except (OSError, ValueError, EOFError) as error:
        yield ReadFailure(f"could not be read ({type(error).__name__}: {error})", str(path))


def _splits(source: Source, n_jobs: int) -> bool:
    """Whether the source is a ``cables.csv`` to read in spans (:mod:`~cablestats.io.csv_spans`)."""
    path, format = source
    try:
        format = detect_format(path) if format == "auto" else format
    except (OSError, ValueError):
        return False  # reported when it is read
    return format == "csv" and can_split(path, n_jobs)


def _csv_in_spans(
    path: Path, csv_escape: str, n_jobs: int, transform: Callable[[Cable], Any] | None
) -> Iterator[Any]:
    try:
        style = detect_escape(path) if csv_escape == "auto" else csv_escape
    except OSError as error:
        yield ReadFailure(f"could not be read ({type(error).__name__}: {error})", str(path))
        return
    yield from parse_csv_spans(path, style=style, n_jobs=n_jobs, transform=transform)


def _parsed(
    sources: list[Source],
    *,
    n_jobs: int,
    csv_escape: str,
    transform: Callable[[Cable], Any] | None,
) -> Iterator[Any]:
    """The parsed cables (or failures) of every source in order.

    A large ``cables.csv`` is read in spans by the workers themselves; the
    other files are read here and their raw cables parsed in the workers.
    """
    for in_spans, group in itertools.groupby(sources, key=lambda source: _splits(source, n_jobs)):
        if in_spans:
            for path, _ in group:
                yield from _csv_in_spans(path, csv_escape, n_jobs, transform)
        else:
            items = (item for source in group for item in _read_file(*source, csv_escape))
            yield from parse_in_order(items, n_jobs=n_jobs, transform=transform)


def _report(failure: ReadFailure, errors: str) -> None:
    if errors == "raise":
        raise failure.error()
    if errors == "warn":
        warnings.warn(CableParseWarning(f"{failure.error()}; skipped"), stacklevel=3)


def _named_format(source: Source) -> str | None:
    """The format given, or else the one the name says (``.txt`` may still be a dump)."""
    path, format = source
    return format_by_name(path) if format == "auto" else format


def _progress_total(sources: list[Source]) -> int | None:
    """Cables to expect, when every file holds exactly one."""
    formats = {_named_format(source) for source in sources}
    return len(sources) if formats <= ONE_CABLE_FORMATS else None


def _identity(result: Cable | tuple[Any, ...]) -> tuple[str, str | None]:
    """The reference id and source of a cable or of its :func:`cable_row`."""
    if isinstance(result, Cable):
        return result.reference_id, result.source
    return result[0], result[_ROW_SOURCE]


def _rows_with_cache(
    items: Iterator[Item], cache: ParseCache, n_jobs: int
) -> Iterator[Row | ReadFailure]:
    """Rows of the items in order: cached cables looked up, only the others parsed.

    The parser pulls items lazily (ahead, when in worker processes); each item
    pulled leaves a mark in ``pending`` (its key and cached row, if any), so
    when the parser hands back the result of a parsed item, the cached rows
    before it are the marks up to the first one without a row.
    """
    pending: collections.deque[tuple[bytes | None, Row | None]] = collections.deque()

    def uncached() -> Iterator[Item]:
        for item in items:
            key = cache.key(item) if isinstance(item, RawCable) else None
            row = cache.get(key) if key is not None else None
            pending.append((key, row))
            if row is None:
                yield item

    def cached_until_parsed() -> Iterator[Row]:
        while pending and pending[0][1] is not None:
            yield pending.popleft()[1]

    for result in parse_in_order(uncached(), n_jobs=n_jobs, transform=cable_row):
        yield from cached_until_parsed()
        key, _ = pending.popleft()
        if key is not None and not isinstance(result, ReadFailure):
            cache.put(key, result)
        yield result
    yield from cached_until_parsed()


def _cables(
    sources: list[Source],
    *,
    errors: str,
    n_jobs: int,
    progress: bool,
    csv_escape: str,
    rows: bool = False,
    cache: ParseCache | None = None,
) -> Iterator[Cable | tuple[Any, ...]]:
    """The cables in order, each reference id once; with ``rows``, their :func:`cable_row`.

    Rows are made where the cables are parsed, in the workers for large inputs,
    or taken from ``cache`` (with ``rows`` only).
    """
    if cache is not None:
        items = (item for path, format in sources for item in _read_file(path, format, csv_escape))
        results: Iterator[Any] = _rows_with_cache(items, cache, n_jobs)
    else:
        transform = cable_row if rows else None
        results = _parsed(sources, n_jobs=n_jobs, csv_escape=csv_escape, transform=transform)
    first_source: dict[str, str | None] = {}
    with tqdm(
        total=_progress_total(sources),
        unit=" cables",
        desc="reading cables",
        disable=not progress,
        file=sys.stderr,
    ) as bar:
        for result in results:
            bar.update()
            if isinstance(result, ReadFailure):
                _report(result, errors)
                continue
            reference_id, source = _identity(result)
            if reference_id in first_source:
                first = first_source[reference_id]
                message = f"{reference_id} appears again in {source}; kept the first, from {first}"
                warnings.warn(DuplicateCableWarning(message), stacklevel=2)
            else:
                first_source[reference_id] = source
                yield result


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the rows of a frame pile up.

    A frame of cables is millions of lists, dicts and strings that all live
    until the frame is built.  The collector would scan them again each time a
    few hundred more arrive, which makes taking rows back from the workers
    about three times slower; they hold no reference cycles, so pausing
    loses nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _prepare(source: PathOrPaths, *, format: str, errors: str, csv_escape: str) -> list[Source]:
    _check_choice("errors", errors, ERRORS)
    _check_choice("csv_escape", csv_escape, ESCAPES)
    return list_sources(source, format=format, quiet=errors == "ignore")


def iter_cables(
    source: PathOrPaths,
    *,
    format: str = "auto",
    errors: str = "warn",
    n_jobs: int | None = 1,
    progress: bool | None = False,
    csv_escape: str = "auto",
) -> Iterator[Cable]:
    """Cables from files, one at a time, in the order of the source.

    Parameters
    ----------
    source
        A file, a folder (read recursively in sorted order, skipping hidden
        files and, with a warning, files of unknown type) or an iterable of
        files and folders.  Files may be ``.gz``.
    format
        ``"auto"`` (from each file's name and, for ``.txt``, its first lines),
        ``"text"`` (raw cable text), ``"html"`` (WikiLeaks cable pages),
        ``"csv"`` (``cables.csv``), ``"dump"`` (text dumps) or ``"parquet"``
        (a store written by :func:`write_cables`).
    errors
        What to do with a cable or file that cannot be read, including a cable
        without a reference id: ``"warn"`` (a :class:`~cablestats.CableParseWarning`
        naming the file, line or id and why; the cable is skipped), ``"raise"``
        (:class:`~cablestats.CableParseError`) or ``"ignore"`` (skip silently).
        A damaged or too new store always raises :class:`~cablestats.StoreError`.
    n_jobs
        Worker processes for parsing large inputs; 1 (the default here) parses
        in this process, ``None`` or -1 use every core.
    progress
        Show a progress bar on stderr; ``None`` shows it in terminals and notebooks.
    csv_escape
        Quoting style of ``cables.csv`` files: ``"auto"``, ``"double"`` or ``"backslash"``.

    Yields
    ------
    Cable
        Each reference id once: a repeated id gives a
        :class:`~cablestats.DuplicateCableWarning` and the first cable is kept.

    Raises
    ------
    FileNotFoundError
        A path does not exist (raised at once, before anything is read).
    ValueError
        An unknown ``format``, ``errors`` or ``csv_escape`` value, or a file
        named explicitly whose type cannot be told from its name.
    """
    sources = _prepare(source, format=format, errors=errors, csv_escape=csv_escape)
    return _cables(
        sources,
        errors=errors,
        n_jobs=_worker_count(n_jobs),
        progress=show_progress(progress),
        csv_escape=csv_escape,
    )


def read_cables(
    source: PathOrPaths,
    *,
    format: str = "auto",
    errors: str = "warn",
    progress: bool | None = None,
    n_jobs: int | None = None,
    csv_escape: str = "auto",
    cache: ParseCache | str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Read cables from files into one frame.

    Parameters are those of :func:`iter_cables`, except that ``n_jobs=None``
    (the default) parses in every core when there are more than a couple of
    thousand cables, in a single process otherwise, and that ``progress=None``
    (the default) shows progress in terminals and notebooks.  Results are the
    same, in the same order, whatever ``n_jobs``.

    ``cache`` (a folder or a :class:`~cablestats.io.ParseCache`) keeps parsed
    cables on disk, keyed by a hash of each raw cable's content and of the
    parser's code: a later read parses only the cables it has not seen (new
    files, new rows of ``cables.csv``) and gives the same frame.  The
    ``ParseCache`` object's ``stats`` then say how many were reused and parsed.

    Returns
    -------
    pandas.DataFrame
        One row per cable in source order; index ``reference_id``; columns
        :data:`~cablestats.cable.CABLE_COLUMNS` in order, as
        :meth:`Cable.to_record` gives them: ``created`` and ``released`` are
        ``datetime64[ns, UTC]``; other columns have ``object`` dtype, with
        ``str`` or ``None`` for text, lists for ``caveats``, ``tags``,
        ``references``, ``classified_by`` and ``warnings``, lists of dicts for
        ``recipients``, ``info_recipients`` and ``paragraphs``, and
        :class:`datetime.date` or ``None`` for ``declassify_on``.  No cables
        give an empty frame with these columns.  A store written by
        :func:`write_cables` reads back equal to the frame written.
    """
    sources = _prepare(source, format=format, errors=errors, csv_escape=csv_escape)
    if len(sources) == 1 and _named_format(sources[0]) == "parquet":
        return read_store(sources[0][0])  # stored ids are unique: read it whole, fast
    if cache is not None and not isinstance(cache, ParseCache):
        cache = ParseCache(cache)
    builder = FrameBuilder()
    with (
        _collector_paused(),
        cache.reading() if cache is not None else contextlib.nullcontext(),
    ):
        rows = _cables(
            sources,
            errors=errors,
            n_jobs=_worker_count(n_jobs),
            progress=show_progress(progress),
            csv_escape=csv_escape,
            rows=True,
            cache=cache,
        )
        for row in rows:
            builder.add_row(row)
        return builder.frame()
