"""The own store: cables as Parquet, every field kept, nested values as Arrow lists and structs.

The Arrow schema is derived from the :class:`~cablestats.Cable` type hints, so
a field added to the record is stored without touching this module.  The
schema metadata carries a format version: a store written by a newer
cablestats, a damaged file or a Parquet file that is not a cablestats store
raises :class:`~cablestats.StoreError` naming the file, instead of giving a
frame with silently missing or misread columns.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import typing
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cablestats.cable import CABLE_COLUMNS, Cable
from cablestats.errors import StoreError
from cablestats.io.atomic import atomic_open
from cablestats.io.files import open_binary
from cablestats.io.frame import FIELD_TYPES, frame_from_columns

__all__ = ["CABLE_SCHEMA", "FORMAT_VERSION", "iter_store", "read_store", "write_cables"]

#: Version of the store layout, written into the schema metadata.
FORMAT_VERSION = 1
_VERSION_KEY = b"cablestats.format_version"
_BATCH_ROWS = 1024


def _arrow_type(hint: typing.Any) -> pa.DataType:
    """Arrow type of a record field's type hint (``str | None`` → nullable string)."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) is tuple:
        return pa.list_(_arrow_type(args[0]))
    if len(args) == 1:  # X | None: Arrow columns are nullable anyway
        return _arrow_type(args[0])
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return pa.struct(
            [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(hint)]
        )
    # datetime before date: a datetime is also a date.
    simple = {
        str: pa.string(),
        int: pa.int64(),
        dt.datetime: pa.timestamp("ns", tz="UTC"),
        dt.date: pa.date32(),
    }
    if hint in simple:
        return simple[hint]
    raise TypeError(f"no Arrow type for a Cable field of type {hint!r}")


#: Arrow schema of a store: ``reference_id`` then every Cable column.
CABLE_SCHEMA: pa.Schema = pa.schema(
    [pa.field(name, _arrow_type(FIELD_TYPES[name])) for name in ("reference_id", *CABLE_COLUMNS)]
)


def _check_frame(df: pd.DataFrame) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"write_cables expects the DataFrame read_cables returns, received {type(df).__name__}"
        )
    if df.index.name != "reference_id":
        raise ValueError(
            f"the index must be 'reference_id', as read_cables returns; received {df.index.name!r}"
        )
    missing = [name for name in CABLE_COLUMNS if name not in df.columns]
    extra = [name for name in df.columns if name not in CABLE_COLUMNS]
    if missing or extra:
        raise ValueError(
            "the columns must be those read_cables returns; "
            f"missing: {missing or 'none'}, not stored: {extra or 'none'} (drop them first)"
        )
    duplicated = df.index[df.index.duplicated()].unique()
    if len(duplicated):
        raise ValueError(
            f"reference ids must be unique; repeated: {', '.join(map(str, duplicated[:5]))}"
        )


def write_cables(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Store cables as Parquet, atomically.

    Parameters
    ----------
    df
        A frame as :func:`~cablestats.read_cables` returns: index
        ``reference_id`` (unique), columns ``CABLE_COLUMNS``.
    path
        The file to write; it appears only once complete.

    Returns
    -------
    Path
        ``path``.  :func:`~cablestats.read_cables` on it gives a frame equal to ``df``.
    """
    _check_frame(df)
    table = pa.Table.from_pandas(
        df.reset_index()[list(CABLE_SCHEMA.names)], schema=CABLE_SCHEMA, preserve_index=False
    )
    table = table.replace_schema_metadata({_VERSION_KEY: str(FORMAT_VERSION).encode()})
    target = Path(path)
    with atomic_open(target, "wb") as file:
        pq.write_table(table, file)
    return target


def _check_store(file: pq.ParquetFile, path: Path) -> None:
    metadata = file.schema_arrow.metadata or {}
    if _VERSION_KEY not in metadata:
        raise StoreError(
            f"{path}: not a cablestats store (no format version in its Parquet metadata)"
        )
    try:
        version = int(metadata[_VERSION_KEY])
    except ValueError:
        raise StoreError(
            f"{path}: unreadable store format version {metadata[_VERSION_KEY]!r}"
        ) from None
    if version > FORMAT_VERSION:
        raise StoreError(
            f"{path}: store format {version} was written by a newer cablestats; "
            f"this one reads up to format {FORMAT_VERSION}: upgrade cablestats"
        )
    missing = [name for name in CABLE_SCHEMA.names if name not in file.schema_arrow.names]
    if missing:
        raise StoreError(f"{path}: store lacks columns {', '.join(missing)}")


@contextlib.contextmanager
def _open_store(path: Path) -> Iterator[pq.ParquetFile]:
    """A checked store; Arrow and I/O errors while it is open become :class:`StoreError`."""
    try:
        with open_binary(path) as binary:
            file = pq.ParquetFile(binary)
            _check_store(file, path)
            yield file
    except StoreError:
        raise
    except (pa.ArrowException, OSError, EOFError) as error:
        raise StoreError(
            f"{path}: damaged or not a Parquet file ({type(error).__name__}: {error})"
        ) from error


def read_store(path: Path) -> pd.DataFrame:
    """The frame stored by :func:`write_cables`.

    Returns
    -------
    pandas.DataFrame
        Index ``reference_id``, columns ``CABLE_COLUMNS``, equal to the frame written.
    """
    with _open_store(path) as file:
        table = file.read(columns=list(CABLE_SCHEMA.names))
    return frame_from_columns({name: table.column(name).to_pylist() for name in CABLE_SCHEMA.names})


def iter_store(path: Path) -> Iterator[Cable]:
    """The stored cables one by one, a batch of rows in memory at a time."""
    with _open_store(path) as file:
        columns = list(CABLE_SCHEMA.names)
        for batch in file.iter_batches(batch_size=_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                yield Cable.from_record(record)
