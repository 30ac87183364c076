"""Dates as cable containers write them, read as timezone-aware UTC datetimes.

Pages write ``2009-03-19 13:01``, ``cables.csv`` and dump envelopes write
``3/19/2009 13:01`` (month first, no zero padding); neither names a zone, and
Cablegate's times are UTC.  Seconds, which the real files never carry, are
written and read when present so that synthetic archives round-trip exactly.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["format_page_date", "format_slash_date", "parse_page_date", "parse_slash_date"]

_TIME = r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
_PAGE_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME)
_SLASH_RE = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})" + _TIME)


def _parse(text: str, pattern: re.Pattern[str], example: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    match = pattern.fullmatch(text)
    problem = "not in this layout"
    if match:
        parts = {name: int(value or 0) for name, value in match.groupdict().items()}
        try:
            return dt.datetime(**parts, tzinfo=dt.UTC)
        except ValueError as error:  # e.g. month 31
            problem = str(error)
    raise ValueError(f"expected a date like {example}, received {text!r} ({problem})")


def _as_utc(value: dt.datetime) -> dt.datetime:
    """Naive datetimes are taken as UTC, like the containers' own dates."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _clock(value: dt.datetime) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def parse_page_date(text: str) -> dt.datetime | None:
    """``2009-03-19 13:01`` → aware UTC datetime; empty → None; anything else → ValueError."""
    return _parse(text, _PAGE_RE, "2009-03-19 13:01")


def format_page_date(value: dt.datetime | None) -> str:
    """Inverse of :func:`parse_page_date`."""
    if value is None:
        return ""
    value = _as_utc(value)
    return f"{value:%Y-%m-%d} {_clock(value)}"


def parse_slash_date(text: str) -> dt.datetime | None:
    """``3/19/2009 13:01`` (month first) → aware UTC datetime; empty → None."""
    return _parse(text, _SLASH_RE, "3/19/2009 13:01")


def format_slash_date(value: dt.datetime | None) -> str:
    """Inverse of :func:`parse_slash_date`."""
    if value is None:
        return ""
    value = _as_utc(value)
    return f"{value.month}/{value.day}/{value.year} {_clock(value)}"
