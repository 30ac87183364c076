"""Atomic writes: a file appears complete under its final name, or not at all.

Outputs are written to a temporary file in the target's folder and renamed
into place with :func:`os.replace`, which is atomic on one file system.  A
failure while writing removes the temporary file and leaves any previous
version of the target untouched, so an interrupted run never leaves a
half-written store or CSV behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_open"]


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it to ``path`` when the block succeeds.

    Parameters
    ----------
    path
        The final file.  Its folder must exist.
    mode
        ``"wb"`` or ``"w"`` (text); other keyword arguments (``encoding``,
        ``newline``) go to :func:`open`.

    Yields
    ------
    file object
        Write to it inside the ``with`` block.  On an exception the temporary
        file is deleted and the exception propagates.
    """
    if mode not in ("w", "wb"):
        raise ValueError(
            f"atomic_open writes whole files: mode must be 'w' or 'wb', received {mode!r}"
        )
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 lets the umask decide the permissions, as for a plain open(),
    # unlike tempfile, which would leave the renamed target readable by its owner only.
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            opened = os.fdopen(descriptor, mode, **kwargs)
        except BaseException:
            os.close(descriptor)
            raise
        with opened as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
