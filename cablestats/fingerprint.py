"""Content hashes that key the caches: of code, of settings and of frames of cables.

A cached result may be reused only when everything it was computed from is
unchanged, so every key is a hash of content, never of names, sizes or times:

- :func:`code_fingerprint` hashes the source files (and package data) of the
  stages that computed a result, so a changed parser or model invalidates what
  the old one produced, without a version number anyone has to remember to bump;
- :func:`value_digest` hashes settings (numbers, strings, dates, lists and
  mappings, in a canonical JSON form, so that key order does not matter);
- :func:`frame_digest` hashes the content of a frame of cables, so that the
  same cables give the same key whether they were just parsed or read from a
  cache (object identity and pickling details play no part).

BLAKE2b (``hashlib``) is fast, in the standard library, and 16-byte digests
make accidental collisions out of the question for caches of this size.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["DIGEST_SIZE", "code_fingerprint", "frame_digest", "new_hash", "value_digest"]

#: Bytes in every digest (32 hexadecimal characters).
DIGEST_SIZE = 16

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = (".py", ".csv", ".gz", ".txt", ".json", ".j2", ".css")


def new_hash() -> hashlib.blake2b:
    """An empty hash of the kind every key uses."""
    return hashlib.blake2b(digest_size=DIGEST_SIZE)


@functools.cache
def code_fingerprint(*parts: str) -> str:
    """Hash of the package version and of the files of ``parts`` of the package.

    Parameters
    ----------
    parts
        Paths inside the package, each a module file or a folder, such as
        ``"parse"``, ``"cable.py"`` or ``"data"``; folders are read recursively.

    Returns
    -------
    str
        A hexadecimal digest that changes whenever one of those files does.
    """
    from cablestats import __version__

    digest = new_hash()
    digest.update(__version__.encode())
    for part in parts:
        root = _PACKAGE / part
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.suffix in _SOURCE_SUFFIXES and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(_PACKAGE)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def _canonical(value: Any) -> Any:
    """A JSON-ready form of a setting with one spelling per value."""
    if isinstance(value, Mapping):
        return {str(key): _canonical(value[key]) for key in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_canonical(item) for item in value)
    if isinstance(value, (dt.date, Path)):
        return str(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def value_digest(*values: Any) -> str:
    """Hash of settings: JSON-like values, mappings compared regardless of key order."""
    text = json.dumps(_canonical(list(values)), sort_keys=True, default=repr)
    digest = new_hash()
    digest.update(text.encode())
    return digest.hexdigest()


def _update_with_values(digest: hashlib.blake2b, values: Iterable[Any]) -> None:
    for value in values:
        # Text, the bulk of a frame of cables, is hashed as its bytes; other values
        # (None, lists, dicts of plain values, dates) by their repr, which is
        # deterministic for them.
        text = value if isinstance(value, str) else repr(value)
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")


def frame_digest(frame: pd.DataFrame) -> str:
    """Hash of a frame's index, column names and every value.

    Equal frames hash equal however they were built; datetime columns are
    hashed as their nanosecond values.
    """
    digest = new_hash()
    _update_with_values(digest, [list(frame.columns), frame.index.name])
    _update_with_values(digest, frame.index)
    for name in frame.columns:
        column = frame[name]
        digest.update(f"\x1e{name}".encode())
        if isinstance(column.dtype, pd.DatetimeTZDtype) or np.issubdtype(
            column.dtype, np.datetime64
        ):
            digest.update(column.to_numpy(dtype="datetime64[ns]").view("int64").tobytes())
        else:
            _update_with_values(digest, column.tolist())
    return digest.hexdigest()
