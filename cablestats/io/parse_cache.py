"""Parsed cables kept on disk, so that re-reading a source parses only what is new.

Parsing is the slow part of reading; the files are not.  So a read with a cache
still takes every file apart, but each raw cable is looked up by a hash of its
content (text and what its container said, :class:`~cablestats.io.raw.RawCable`)
and of the parser's code, and only the cables not found are parsed.  When a
folder gains 100 files, or ``cables.csv`` gains 100 rows, those 100 are parsed
and everything else comes from the cache.

Layout: ``<directory>/cables-<parser fingerprint>/part-*.parquet``.  Each read
that parsed something adds one part: the own store's Arrow schema plus a
``cache_key`` column, written atomically, so two runs sharing a cache never see
half a part.  Parts of another parser version can never match again and are
removed when a part is written; many small parts are merged into one.

A hand-written cache rather than a generic one (joblib's ``Memory``,
``diskcache``): those key whole function calls, and what is needed here is one
entry per cable, looked up in bulk and stored in the same columnar format as
the cables themselves.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import secrets
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from cablestats.errors import CablestatsWarning
from cablestats.fingerprint import code_fingerprint, new_hash
from cablestats.io.atomic import atomic_open
from cablestats.io.frame import ROW_COLUMNS
from cablestats.io.parquet import CABLE_SCHEMA
from cablestats.io.raw import RawCable

__all__ = ["CacheStats", "ParseCache"]

_KEY = "cache_key"
_SCHEMA = CABLE_SCHEMA.append(pa.field(_KEY, pa.binary()))
#: Parts beyond this many are merged into one when a part is written.
_MAX_PARTS = 16
#: Rows converted between Arrow and Python at a time: a whole archive held in both at once
#: would need twice the memory of its frame.
_BATCH_ROWS = 10_000
#: The code whose change makes parsed cables stale: parsers, records, reference tables.
_PARSER_CODE = ("parse", "cable.py", "tags.py", "data", "io/raw.py", "io/frame.py")

Row = tuple[Any, ...]


@dataclasses.dataclass
class CacheStats:
    """What one read did: cables taken from the cache and cables parsed."""

    reused: int = 0
    parsed: int = 0


class ParseCache:
    """A folder of parsed cables, keyed by content; pass it to :func:`cablestats.read_cables`.

    Parameters
    ----------
    directory
        The cache folder (created when needed).  Several sources, and several
        processes, may share one.

    Attributes
    ----------
    stats
        :class:`CacheStats` of the last read that used this cache.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.stats = CacheStats()
        self._rows: dict[bytes, Row] | None = None
        self._new: dict[bytes, Row] = {}

    def __repr__(self) -> str:
        return f"<ParseCache {str(self.directory)!r}>"

    @property
    def folder(self) -> Path:
        """Where parts of the running parser's version live."""
        return self.directory / f"cables-{code_fingerprint(*_PARSER_CODE)[:16]}"

    # -------------------------------------------------------------- lookups

    @staticmethod
    def key(raw: RawCable) -> bytes:
        """Content hash of a raw cable: its text and every field its container gave."""
        digest = new_hash()
        digest.update(raw.text.encode("utf-8", "surrogatepass"))
        for field in dataclasses.fields(raw):
            if field.name != "text":
                digest.update(f"\x1f{getattr(raw, field.name)!r}".encode("utf-8", "surrogatepass"))
        return digest.digest()

    def get(self, key: bytes) -> Row | None:
        """The row (:func:`~cablestats.io.frame.cable_row`) of a cable parsed before, if any.

        A row found counts as reused in :attr:`stats`.
        """
        row = self._stored.get(key) or self._new.get(key)
        if row is not None:
            self.stats.reused += 1
        return row

    def put(self, key: bytes, row: Row) -> None:
        """Remember a newly parsed cable until :meth:`flush`; it counts as parsed in ``stats``."""
        self._new[key] = row
        self.stats.parsed += 1

    # -------------------------------------------------------------- storage

    def _parts(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet"))

    def _read_part(self, path: Path) -> dict[bytes, Row]:
        rows: dict[bytes, Row] = {}
        try:
            with pq.ParquetFile(path) as part:
                for batch in part.iter_batches(_BATCH_ROWS, columns=list(_SCHEMA.names)):
                    columns = [batch.column(name).to_pylist() for name in ROW_COLUMNS]
                    keys = batch.column(_KEY).to_pylist()
                    rows.update(zip(keys, zip(*columns, strict=True), strict=True))
        except FileNotFoundError:  # merged away by another run meanwhile
            return {}
        except (pa.ArrowException, OSError) as error:
            message = f"cache part {path} is damaged and is ignored ({error})"
            warnings.warn(CablestatsWarning(message), stacklevel=4)
            return {}
        return rows

    @property
    def _stored(self) -> dict[bytes, Row]:
        """Every cached row on disk, read on first use."""
        if self._rows is None:
            self._rows = {}
            for part in self._parts():
                self._rows.update(self._read_part(part))
        return self._rows

    def _write_part(self, rows: dict[bytes, Row]) -> Path:
        path = self.folder / f"part-{time.time_ns():020d}-{secrets.token_hex(4)}.parquet"
        entries = iter(rows.items())
        with (
            atomic_open(path, "wb") as file,
            pq.ParquetWriter(file, _SCHEMA, compression="zstd") as writer,
        ):
            while batch := list(itertools.islice(entries, _BATCH_ROWS)):
                columns: dict[str, list[Any]] = {
                    name: [row[i] for _, row in batch] for i, name in enumerate(ROW_COLUMNS)
                }
                columns[_KEY] = [key for key, _ in batch]
                writer.write_table(pa.Table.from_pydict(columns, schema=_SCHEMA))
        return path

    def flush(self) -> None:
        """Write the cables parsed since the last flush as a new part (atomically)."""
        if not self._new:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._write_part(self._new)
        if self._rows is not None:
            self._rows.update(self._new)
        self._new = {}
        self._drop_other_versions()
        parts = self._parts()
        if len(parts) > _MAX_PARTS:
            self._merge(parts)

    def _merge(self, parts: list[Path]) -> None:
        merged: dict[bytes, Row] = {}
        for part in parts:
            merged.update(self._read_part(part))
        self._write_part(merged)
        for part in parts:
            with contextlib.suppress(FileNotFoundError):
                part.unlink()

    def _drop_other_versions(self) -> None:
        for folder in self.directory.glob("cables-*"):
            if folder != self.folder and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)

    def clear(self) -> None:
        """Remove every cached cable."""
        for folder in self.directory.glob("cables-*"):
            shutil.rmtree(folder, ignore_errors=True)
        self._rows = None
        self._new = {}

    def __len__(self) -> int:
        return len(self._stored.keys() | self._new.keys())

    @contextlib.contextmanager
    def reading(self) -> Iterator[ParseCache]:
        """Count one read and write what it parsed when it ends, even on an error."""
        self.stats = CacheStats()
        try:
            yield self
        finally:
            self.flush()
