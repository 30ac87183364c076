"""Typed records for one cable and its parts.

Records are frozen: a changed cable is a new cable (``dataclasses.replace``).
Sequence fields are tuples so that records hash and compare by value.
:func:`Cable.to_record` / :func:`Cable.from_record` convert to and from plain
Python values (lists and dicts), the form used for DataFrame rows and Parquet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

__all__ = ["CABLE_COLUMNS", "Cable", "Paragraph", "Recipient"]


@dataclasses.dataclass(frozen=True, slots=True)
class Recipient:
    """One addressee of a cable, as in ``RUEHC/SECSTATE WASHDC PRIORITY 0599``.

    ``route`` is the routing indicator (``RUEHC``), ``name`` the addressee
    (``SECSTATE WASHDC``), ``precedence`` an explicit precedence word given for
    this addressee (``PRIORITY``, ``IMMEDIATE``, ``ROUTINE``, ``FLASH``) and
    ``mcn`` the message control number (``0599``).
    """

    route: str | None
    name: str
    precedence: str | None = None
    mcn: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered (or leading unnumbered) paragraph with its classification marking.

    ``number`` is ``None`` for an unnumbered paragraph; ``classification`` is the
    marking without parentheses (``U``, ``C``, ``SBU``, ``S//NF``) or ``None``.
    """

    number: int | None
    classification: str | None
    text: str


@dataclasses.dataclass(frozen=True, slots=True)
class Cable:
    """One diplomatic cable, parsed.

    Dates are timezone-aware UTC datetimes (``created``, ``released``) or plain
    dates (``declassify_on``).  ``body`` is the clean text for modelling: no
    routing header, boilerplate, paragraph markings, section breaks, redaction
    strings or web-to-text artefacts.  ``warnings`` lists what could not be
    parsed; an empty tuple means every field was found or legitimately absent.
    """

    reference_id: str
    created: dt.datetime | None = None
    origin: str | None = None
    classification: str | None = None
    caveats: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    subject: str | None = None
    references: tuple[str, ...] = ()
    classified_by: tuple[str, ...] = ()
    declassify_on: dt.date | None = None
    summary: str | None = None
    signer: str | None = None
    sender: str | None = None
    precedence: str | None = None
    recipients: tuple[Recipient, ...] = ()
    info_recipients: tuple[Recipient, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    body: str = ""
    released: dt.datetime | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        when = self.created.strftime("%Y-%m-%d %H:%M") if self.created else "undated"
        return (
            f"<Cable {self.reference_id} {when} {self.classification or '?'} "
            f"{self.origin or '?'}: {self.subject or '(no subject)'}>"
        )

    def to_record(self) -> dict[str, Any]:
        """Plain values (lists, dicts) for a DataFrame row or a Parquet record."""
        # Field names and the nested records' keys are looked up once (see
        # below): ``dataclasses.fields`` and ``asdict`` cost more than the
        # copying itself, and frames are built from hundreds of thousands of
        # cables.
        record = {}
        for name in _CABLE_FIELDS:
            value = getattr(self, name)
            if name in _NESTED_FIELDS:
                keys = _NESTED_FIELDS[name]
                value = [{key: getattr(item, key) for key in keys} for item in value]
            elif isinstance(value, tuple):
                value = list(value)
            record[name] = value
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Cable:
        """Inverse of :meth:`to_record`; accepts arrays and timestamps from pandas."""
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            if field.name not in record:
                continue
            value = _plain(record[field.name])
            if field.name in _NESTED:
                item_type = _NESTED[field.name]
                value = tuple(item_type(**_plain_mapping(item)) for item in value or ())
            elif field.name in _TUPLES:
                value = tuple(value) if value is not None else ()
            elif field.name in _DATETIMES:
                value = _as_utc(value)
            elif field.name == "declassify_on":
                value = _as_date(value)
            values[field.name] = value
        return cls(**values)


_NESTED = {"recipients": Recipient, "info_recipients": Recipient, "paragraphs": Paragraph}
# The names of the fields, and of the fields of each nested record, in order.
_CABLE_FIELDS = tuple(f.name for f in dataclasses.fields(Cable))
_NESTED_FIELDS = {
    name: tuple(f.name for f in dataclasses.fields(item_type))
    for name, item_type in _NESTED.items()
}
_TUPLES = {"caveats", "tags", "references", "classified_by", "warnings"}
_DATETIMES = {"created", "released"}

#: Columns of the DataFrame returned by ``read_cables``, in order (the index is
#: ``reference_id``).
CABLE_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Cable) if f.name != "reference_id"
)


def _plain(value: Any) -> Any:
    """Turn numpy arrays, pandas NA and timestamps into plain Python values."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    try:
        if value is not None and not isinstance(value, (list, tuple, dict)) and value != value:
            return None  # NaN / NaT / pd.NA
    except (TypeError, ValueError):
        pass
    return value


def _plain_mapping(item: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _plain(value) for key, value in dict(item).items()}


def _as_utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    raise TypeError(f"expected a datetime, received {type(value).__name__}")


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"expected a date, received {type(value).__name__}")
