"""The on-disk layout of a fitted topic model, written atomically.

A model is a folder::

    model.json        parameters, fit settings, labels, format version
    vocab.json        terms in column order (checked against corpora on use)
    columns.npy       column numbers of the terms the topics were fitted on
    topic_word.npy    (n_topics, n_terms) topic-word distributions
    doc_topic.npy     (n_cables, n_topics) topic shares of the training cables
    eta.npy           seeded topic-word prior, when there is one
    cables.parquet    metadata of the training cables, index reference_id
    ...               the backend library's own files

The folder is assembled under a temporary name beside the target and renamed
into place, so a reader sees the old model or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cablestats.errors import StoreError

__all__ = ["FORMAT", "atomic_directory", "read_json", "write_json"]

#: Version of the layout; a reader refuses folders written in a newer one.
#: Format 2 added ``columns.npy`` (format 1 models were fitted on every term).
FORMAT = 2

#: The file that marks a folder as a cablestats model.
MANIFEST = "model.json"


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty temporary folder that replaces ``path`` when the block succeeds.

    Raises
    ------
    StoreError
        If ``path`` exists, is not empty and is not a cablestats model: it is
        never overwritten.
    """
    target = Path(path)
    if target.exists() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise StoreError(
            f"{target} exists and is not a cablestats model; choose an empty or new folder"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    temp.mkdir()
    try:
        yield temp
        if target.exists():
            old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
            target.rename(old)
            temp.rename(target)
            shutil.rmtree(old)
        else:
            temp.rename(target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as UTF-8 JSON."""
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path) -> Any:
    """Read a JSON file of a model folder, as a :class:`StoreError` when missing or damaged."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise StoreError(
            f"{path.parent} is not a cablestats model: {path.name} is missing"
        ) from error
    except (OSError, ValueError) as error:
        raise StoreError(f"{path} is damaged and cannot be read: {error}") from error
