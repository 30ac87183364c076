"""The DataFrame form of cables, built one way whatever the source.

Every frame of cables (read from files or from a Parquet store) is built here,
so that frames from different sources compare equal and keep the same dtypes
whatever their content: ``created`` and ``released`` are
``datetime64[ns, UTC]`` (NaT when missing); every other column has ``object``
dtype and holds what :meth:`Cable.to_record` gives: ``str`` or ``None`` for
text (pandas' string inference would turn ``None`` into NaN, and an all-missing
column into another dtype), lists of ``str`` for ``caveats``, ``tags``,
``references``, ``classified_by`` and ``warnings``, lists of dicts for
``recipients``, ``info_recipients`` and ``paragraphs``, and
:class:`datetime.date` or ``None`` for ``declassify_on`` (a date, not a
timestamp, maps to Parquet's ``date32`` and back without change).
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping, Sequence

import pandas as pd

from cablestats.cable import CABLE_COLUMNS, Cable

__all__ = [
    "DATETIME_COLUMNS",
    "FIELD_TYPES",
    "ROW_COLUMNS",
    "FrameBuilder",
    "cable_row",
    "frame_from_columns",
]

#: Type hint of every :class:`Cable` field, by name.
FIELD_TYPES: dict[str, typing.Any] = typing.get_type_hints(Cable)

#: Columns held as ``datetime64[ns, UTC]``.
DATETIME_COLUMNS: tuple[str, ...] = tuple(
    name for name, hint in FIELD_TYPES.items() if dt.datetime in typing.get_args(hint)
)

_DATETIME_DTYPE = "datetime64[ns, UTC]"

#: The values of a row from :func:`cable_row`: the index, then every column.
ROW_COLUMNS: tuple[str, ...] = ("reference_id", *CABLE_COLUMNS)


def cable_row(cable: Cable) -> tuple[typing.Any, ...]:
    """The plain values of a cable (:meth:`Cable.to_record`) in :data:`ROW_COLUMNS` order.

    The compact form in which worker processes hand parsed cables back.
    """
    record = cable.to_record()
    return tuple(record[name] for name in ROW_COLUMNS)


def frame_from_columns(columns: Mapping[str, Sequence[typing.Any]]) -> pd.DataFrame:
    """Build the frame of cables from one list of plain values per field.

    Parameters
    ----------
    columns
        ``reference_id`` and every name in :data:`~cablestats.cable.CABLE_COLUMNS`,
        each a list of values as :meth:`Cable.to_record` gives them (timestamps
        and dates may also come as pandas or Arrow values).

    Returns
    -------
    pandas.DataFrame
        One row per cable; index ``reference_id``; columns ``CABLE_COLUMNS`` in
        order, with the dtypes described in this module's docstring.
    """
    index = pd.Index(columns["reference_id"], dtype=object, name="reference_id")
    data = {}
    for name in CABLE_COLUMNS:
        values = columns[name]
        if name in DATETIME_COLUMNS:
            stamps = pd.to_datetime(pd.Series(values, dtype=object), utc=True)
            data[name] = pd.Series(stamps.astype(_DATETIME_DTYPE).array, index=index)
        else:
            data[name] = pd.Series(values, dtype=object, index=index)
    return pd.DataFrame(data, index=index, columns=list(CABLE_COLUMNS))


class FrameBuilder:
    """Collects cables column by column, so that no list of records is ever held."""

    def __init__(self) -> None:
        self._columns: dict[str, list[typing.Any]] = {name: [] for name in ROW_COLUMNS}

    def add(self, cable: Cable) -> None:
        self.add_row(cable_row(cable))

    def add_row(self, row: Sequence[typing.Any]) -> None:
        """Add a cable given as :func:`cable_row` gives it."""
        for values, value in zip(self._columns.values(), row, strict=True):
            values.append(value)

    def frame(self) -> pd.DataFrame:
        """The frame of the cables added so far (see :func:`frame_from_columns`)."""
        return frame_from_columns(self._columns)
