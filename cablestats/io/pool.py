"""Parsing raw cables, in worker processes when there are enough of them to pay off.

Results come back in input order, so a parallel read gives the same frame as a
serial one.  A ``transform`` turns each cable into what the caller keeps (a
frame row) where it is parsed: rows of plain values travel back from a worker
much faster than :class:`~cablestats.Cable` objects, and the collecting
process, which also reads the files, has less to do.  Raw cables travel to the
workers in chunks of a few hundred, and only a few chunks per worker are in
flight at once: a 1.7 GB ``cables.csv`` streams through with bounded memory.
Small inputs stay in one process because starting workers costs more than
parsing a couple of thousand cables.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from cablestats.cable import Cable
from cablestats.errors import CableParseError
from cablestats.io.raw import RawCable, ReadFailure

__all__ = [
    "CHUNK_SIZE",
    "PARALLEL_THRESHOLD",
    "map_in_order",
    "parse_in_order",
    "parse_item",
    "parse_items",
]

#: Raw cables sent to a worker at a time.
CHUNK_SIZE = 250
#: Inputs with more cables than this are parsed in worker processes (when ``n_jobs`` > 1).
PARALLEL_THRESHOLD = 2000
# Chunks in flight per worker: enough to keep each busy while results are collected.
_CHUNKS_PER_WORKER = 2

Item = RawCable | Cable | ReadFailure
T = TypeVar("T")


def parse_item(item: Item) -> Cable | ReadFailure:
    """Parse a raw cable; cables (from a store) and failures pass through unchanged."""
    if not isinstance(item, RawCable):
        return item
    try:
        return item.parse()
    except CableParseError as error:
        return ReadFailure.from_error(error)
    except Exception as error:  # one cable that breaks the parser must not stop a batch
        message = f"could not be parsed ({type(error).__name__}: {error})"
        return ReadFailure(message, item.source, item.reference_id, item.line)


def _parse_and_transform(
    item: Item, transform: Callable[[Cable], T] | None
) -> Cable | T | ReadFailure:
    result = parse_item(item)
    if transform is None or isinstance(result, ReadFailure):
        return result
    return transform(result)


def parse_items(
    items: Iterable[Item], transform: Callable[[Cable], T] | None
) -> list[Cable | T | ReadFailure]:
    """Parse and transform items in this process (a worker's whole task)."""
    return [_parse_and_transform(item, transform) for item in items]


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def parse_in_order(
    items: Iterable[Item],
    *,
    n_jobs: int,
    chunk_size: int | None = None,
    threshold: int | None = None,
    transform: Callable[[Cable], T] | None = None,
) -> Iterator[Cable | T | ReadFailure]:
    """Parse ``items`` lazily, in order, in ``n_jobs`` processes for large inputs.

    Parameters
    ----------
    items
        Raw cables, cables and failures, consumed lazily.
    n_jobs
        Worker processes to use at most; 1 parses in this process.
    chunk_size
        Raw cables sent to a worker at a time; default :data:`CHUNK_SIZE`.
    threshold
        Inputs of at most this many items are parsed in this process; default
        :data:`PARALLEL_THRESHOLD`.
    transform
        Applied to each cable where it is parsed (a module-level function, so
        that it reaches the workers); failures are passed on unchanged.
    """
    chunk_size = chunk_size or CHUNK_SIZE
    threshold = PARALLEL_THRESHOLD if threshold is None else threshold
    items = iter(items)
    head = list(itertools.islice(items, threshold + 1)) if n_jobs > 1 else []
    if len(head) <= threshold:
        for item in itertools.chain(head, items):
            yield _parse_and_transform(item, transform)
        return
    tasks = ((chunk, transform) for chunk in _chunks(itertools.chain(head, items), chunk_size))
    for results in map_in_order(parse_items, tasks, n_jobs=n_jobs):
        yield from results


def map_in_order(
    function: Callable[..., T], tasks: Iterable[tuple[Any, ...]], *, n_jobs: int
) -> Iterator[T]:
    """``function(*task)`` for each task, in ``n_jobs`` worker processes, results in order.

    Tasks are taken lazily and only a few per worker are in flight, so memory
    stays bounded however many there are.
    """
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=n_jobs)
    try:
        pending: collections.deque[concurrent.futures.Future[T]] = collections.deque()
        for task in tasks:
            pending.append(pool.submit(function, *task))
            if len(pending) >= n_jobs * _CHUNKS_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
