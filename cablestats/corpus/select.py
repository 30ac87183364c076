"""Boolean masks over corpus metadata: by tag, date, origin and country.

Each function takes the metadata frame of a corpus and returns a numpy
boolean array with one entry per cable; :meth:`Corpus.filter` combines them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from cablestats.tags import country_tags, post_country

__all__ = ["as_utc", "countries_mask", "dates_mask", "origins_mask", "tags_mask", "wanted"]

DateLike = str | dt.date | dt.datetime | pd.Timestamp


def wanted(values: str | Iterable[str], name: str) -> frozenset[str]:
    """The requested values of a filter argument, upper-cased (one string or a list)."""
    items = [values] if isinstance(values, str) else list(values)
    if not all(isinstance(item, str) for item in items):
        raise TypeError(f"{name} takes a string or a list of strings, received {values!r}")
    return frozenset(item.strip().upper() for item in items)


def _column(meta: pd.DataFrame, name: str) -> pd.Series:
    if name not in meta.columns:
        raise KeyError(f"the corpus metadata has no {name!r} column, needed for this filter")
    return meta[name]


def _codes(values: object) -> list[str]:
    """The tags of one cable as a list (a missing value has none)."""
    return [] if values is None or isinstance(values, float) else list(values)


def tags_mask(meta: pd.DataFrame, tags: str | Iterable[str]) -> np.ndarray:
    """Cables carrying any of ``tags`` (TAGS codes, any case)."""
    requested = wanted(tags, "tags")
    return np.fromiter(
        (
            not requested.isdisjoint(code.upper() for code in _codes(values))
            for values in _column(meta, "tags")
        ),
        dtype=bool,
        count=len(meta),
    )


def as_utc(value: DateLike, name: str) -> pd.Timestamp:
    """A date argument as a UTC timestamp; a naive date or time is read as UTC."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"{name} must be a date such as '2009-01-31', received {value!r}"
        ) from error
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def dates_mask(
    meta: pd.DataFrame, start: DateLike | None = None, end: DateLike | None = None
) -> np.ndarray:
    """Cables created at or after ``start`` and before ``end`` (undated cables never match)."""
    created = _column(meta, "created")
    mask = np.array(created.notna(), dtype=bool)  # a writable copy
    if start is not None:
        mask &= (created >= as_utc(start, "start")).to_numpy()
    if end is not None:
        mask &= (created < as_utc(end, "end")).to_numpy()
    return mask


def origins_mask(meta: pd.DataFrame, origins: str | Iterable[str]) -> np.ndarray:
    """Cables sent from any of ``origins`` (origin names such as ``Embassy Bamako``, any case)."""
    requested = wanted(origins, "origins")
    origin = _column(meta, "origin")
    return origin.str.strip().str.upper().isin(requested).fillna(False).to_numpy(dtype=bool)


def countries_mask(meta: pd.DataFrame, countries: str | Iterable[str]) -> np.ndarray:
    """Cables about or from any of ``countries``: a country TAG, or the country of the post.

    ``countries`` are TAGS country codes (``ML`` for Mali, ``IR`` for Iran).
    """
    requested = wanted(countries, "countries")
    origins = _column(meta, "origin")
    by_origin = {origin: post_country(origin) for origin in origins.dropna().unique()}
    return np.fromiter(
        (
            by_origin.get(origin) in requested
            or not requested.isdisjoint(country_tags(_codes(values)))
            for origin, values in zip(origins, _column(meta, "tags"), strict=True)
        ),
        dtype=bool,
        count=len(meta),
    )
