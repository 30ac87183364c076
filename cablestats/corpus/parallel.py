"""Worker processes: an ordered, bounded map over chunks of documents.

Tokenizing is pure Python and holds the interpreter lock, so the corpus uses
processes, not threads.  At most two tasks per worker are in flight, which
bounds the memory held by texts on their way to the workers and by results on
their way back, however large the archive.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["WorkerPool", "available_cores", "resolve_n_jobs"]

T = TypeVar("T")


def available_cores() -> int:
    """CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def resolve_n_jobs(n_jobs: int | None) -> int:
    """``None`` or ``-1`` → every available core; a positive int → that many processes."""
    if n_jobs is None or n_jobs == -1:
        return available_cores()
    if isinstance(n_jobs, int) and not isinstance(n_jobs, bool) and n_jobs >= 1:
        return n_jobs
    raise ValueError(f"n_jobs must be None, -1 or an int >= 1, received {n_jobs!r}")


class WorkerPool:
    """A context manager running tasks in ``n_jobs`` processes (in this one when ``n_jobs == 1``).

    Workers are forked where the platform allows it: they start in
    milliseconds and inherit the imported modules.  The parent's objects are
    moved out of the garbage collector's reach (:func:`gc.freeze`) while
    workers fork, so that a collection in a worker does not touch, and
    thereby copy, every page of the parent's heap.
    """

    def __init__(self, n_jobs: int) -> None:
        self.n_jobs = n_jobs
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        if self.n_jobs > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            gc.freeze()
            self._executor = ProcessPoolExecutor(self.n_jobs, mp_context=context)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            gc.unfreeze()

    def imap(self, function: Callable[..., T], tasks: Iterable[tuple[Any, ...]]) -> Iterator[T]:
        """``function(*task)`` for each task, yielded in task order."""
        if self._executor is None:
            for task in tasks:
                yield function(*task)
            return
        window = 2 * self.n_jobs
        pending: collections.deque[Future[T]] = collections.deque()
        for task in tasks:
            pending.append(self._executor.submit(function, *task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
