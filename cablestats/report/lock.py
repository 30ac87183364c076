"""One run at a time per output folder: a scheduled report never clobbers another.

Two runs of one specification (a slow Monday run still going when the next
starts, or a person running it by hand meanwhile) write the same files.  Each
run holds an operating-system file lock on ``<output folder>/.cablestats.lock``
while it builds and writes; the lock goes away with the process, so a killed
run never leaves a stale lock behind.  ``filelock`` provides the lock on every
platform.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import filelock

from cablestats.errors import RunLockedError

__all__ = ["LOCK_NAME", "run_lock"]

#: File in the output folder that runs lock.
LOCK_NAME = ".cablestats.lock"


@contextlib.contextmanager
def run_lock(out_dir: str | os.PathLike[str], *, wait: float = 0) -> Iterator[Path]:
    """Hold the lock of ``out_dir`` for the block (the folder is created when needed).

    Parameters
    ----------
    out_dir
        The output folder of the run.
    wait
        Seconds to wait for another run to finish; 0 gives up at once.

    Raises
    ------
    RunLockedError
        When another run still holds the lock after ``wait`` seconds.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    lock = filelock.FileLock(path, timeout=max(wait, 0))
    try:
        lock.acquire()
    except filelock.Timeout:
        waited = f" after waiting {wait:g} s" if wait > 0 else ""
        raise RunLockedError(
            f"another cablestats run is writing to {folder} (it holds {path}){waited}; "
            "let it finish, or pass --wait SECONDS to wait for it"
        ) from None
    try:
        yield path
    finally:
        lock.release()
