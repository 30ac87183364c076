"""Parsing raw cables, in worker processes when there are enough of them to pay off.

Results come back in input order, so a parallel read gives the same frame as a
serial one.  Raw cables travel to the workers in chunks of a few hundred, and
only a few chunks per worker are in flight at once: a 1.7 GB ``cables.csv``
streams through with bounded memory.  Small inputs stay in one process because
starting workers costs more than parsing a couple of thousand cables.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
from collections.abc import Iterable, Iterator

from cablestats.cable import Cable
from cablestats.errors import CableParseError
from cablestats.io.raw import RawCable, ReadFailure

__all__ = ["CHUNK_SIZE", "PARALLEL_THRESHOLD", "parse_in_order", "parse_item"]

#: Raw cables sent to a worker at a time.
CHUNK_SIZE = 250
#: Inputs with more cables than this are parsed in worker processes (when ``n_jobs`` > 1).
PARALLEL_THRESHOLD = 2000
# Chunks in flight per worker: enough to keep each busy while results are collected.
_CHUNKS_PER_WORKER = 2

Item = RawCable | Cable | ReadFailure


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


def _parse_chunk(chunk: list[Item]) -> list[Cable | ReadFailure]:
    return [parse_item(item) for item in chunk]


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def parse_in_order(
    items: Iterable[Item],
    *,
    n_jobs: int,
    chunk_size: int | None = None,
    threshold: int | None = None,
) -> Iterator[Cable | ReadFailure]:
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
    """
    chunk_size = chunk_size or CHUNK_SIZE
    threshold = PARALLEL_THRESHOLD if threshold is None else threshold
    items = iter(items)
    head = list(itertools.islice(items, threshold + 1)) if n_jobs > 1 else []
    if len(head) <= threshold:
        yield from map(parse_item, itertools.chain(head, items))
        return
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=n_jobs)
    try:
        pending: collections.deque[concurrent.futures.Future[list[Cable | ReadFailure]]]
        pending = collections.deque()
        for chunk in _chunks(itertools.chain(head, items), chunk_size):
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= n_jobs * _CHUNKS_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
