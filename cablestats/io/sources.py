"""What to read: a file, a folder (recursively) or a list of them, as (path, format) pairs.

Everything a user could get wrong about the source itself (a missing path, an
unknown format name, a file of unknown type named explicitly) is checked here,
before any cable is read, so that a mistake is reported at once rather than
after an hour of parsing.
"""

from __future__ import annotations

import errno
import os
import warnings
from collections.abc import Iterable
from pathlib import Path

from cablestats.errors import CableParseWarning
from cablestats.io.detect import FORMATS, format_by_name

__all__ = ["Source", "list_sources"]

#: A path and its format name, or ``"auto"`` to detect it when the file is read.
Source = tuple[Path, str]

_KNOWN = ".txt, .html, .csv or .parquet, each optionally .gz"

#: Files that sit beside cables in an archive folder and are skipped without a word:
#: metadata such as a synthetic archive's ``truth.json``.
_COMPANIONS = frozenset({".json", ".toml", ".yaml", ".yml"})


def _paths(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(source, (str, os.PathLike)):
        return [Path(source)]
    return [Path(item) for item in source]


def _folder_files(folder: Path, format: str, *, quiet: bool) -> list[Source]:
    """Files under ``folder``, sorted; hidden ones and, under ``"auto"``, unknown ones skipped."""
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.is_file():
            continue
        if format == "auto" and format_by_name(path) is None:
            if not quiet and path.suffix.lower() not in _COMPANIONS:
                message = f"{path}: skipped, not a cable file (expected {_KNOWN})"
                warnings.warn(CableParseWarning(message), stacklevel=5)
            continue
        found.append((path, format))
    return found


def list_sources(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    format: str,
    quiet: bool,
) -> list[Source]:
    """Expand ``source`` into the files to read, in order.

    Parameters
    ----------
    source
        A file, a folder or an iterable of files and folders.
    format
        ``"auto"`` or a name in :data:`~cablestats.io.detect.FORMATS`; applies to every file.
    quiet
        Do not warn about skipped files (``errors="ignore"``).

    Returns
    -------
    list of (Path, str)
        Each file with ``format``.  Raises :class:`FileNotFoundError` for a
        missing path and :class:`ValueError` for an unknown format name or an
        explicitly named file whose type cannot be told from its name.
    """
    if format != "auto" and format not in FORMATS:
        allowed = ", ".join(("auto", *FORMATS))
        raise ValueError(f"format must be one of {allowed}; received {format!r}")
    sources: list[Source] = []
    for path in _paths(source):
        if path.is_dir():
            sources += _folder_files(path, format, quiet=quiet)
        elif path.exists():
            if format == "auto" and format_by_name(path) is None:
                raise ValueError(
                    f"cannot tell the format of {path} from its name (expected {_KNOWN}); "
                    f"pass format= one of {', '.join(FORMATS)}"
                )
            sources.append((path, format))
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or folder", str(path))
    return sources
