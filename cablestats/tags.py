"""The State Department's TAGS reference: what a tag means and where a post is.

Every cable carries TAGS (Traffic Analysis by Geography and Subject): subject
codes such as ``PTER``, program codes such as ``KDEM``, two-letter geographic
codes such as ``ML`` (FIPS 10-4 based, so ``ML`` is Mali and ``NI`` is Nigeria,
unlike ISO), region codes and organization codes such as ``NATO``.  Reports
spell codes out (``describe("PTER")``), stages group cables by country and by
the State Department's regional bureau (``country_region("ML") == "AF"``), and
the parser lists tags that are not in the reference (``unknown_tags``).

Posts are the senders named in reference ids (``BAMAKO`` in ``09BAMAKO504``);
:func:`post_info` gives a post's country, kind and the origin name used by the
WikiLeaks pages (``Embassy Bamako``).

Both tables ship as package data (``cablestats/data/tags.csv`` and
``posts.csv``, documented in ``cablestats/data/README.md``) and are read once,
on first use.  Codes are matched without regard to case or surrounding space;
an unknown code is kept and reported as kind ``"unknown"``, never dropped.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib.resources
import re
from collections.abc import Iterable

import pandas as pd

__all__ = [
    "BUREAUS",
    "POST_KINDS",
    "TAG_KINDS",
    "UNKNOWN",
    "PostInfo",
    "TagInfo",
    "country_region",
    "country_tags",
    "describe",
    "lookup",
    "post_country",
    "post_info",
    "posts_table",
    "region_name",
    "tag_kind",
    "tag_name",
    "tags_table",
    "unknown_tags",
]

#: Kinds of tag in the reference table.
TAG_KINDS: tuple[str, ...] = ("subject", "program", "country", "region", "organization")

#: Kind given to a code that is not in the reference table.
UNKNOWN = "unknown"

#: Kinds of post: ``mission`` is a mission to international organizations,
#: ``department`` the Department of State in Washington, ``other`` covers
#: interests sections, regional offices, delegations and domestic offices.
POST_KINDS: tuple[str, ...] = ("embassy", "consulate", "mission", "department", "other")

#: The State Department's regional bureaus, by the code used in the ``region``
#: column of the tag table.
BUREAUS: dict[str, str] = {
    "AF": "Africa",
    "EAP": "East Asia and Pacific",
    "EUR": "Europe and Eurasia",
    "NEA": "Near East",
    "SCA": "South and Central Asia",
    "WHA": "Western Hemisphere",
}

# A reference id as WikiLeaks writes it: two-digit year, post, serial number.
_REFERENCE_ID = re.compile(r"\d{2}([A-Z]+)\d+")


@dataclasses.dataclass(frozen=True, slots=True)
class TagInfo:
    """One TAGS code and what it stands for.

    ``kind`` is one of :data:`TAG_KINDS`, or :data:`UNKNOWN` with ``name``
    ``None`` for a code the reference does not hold.  ``region`` is the
    regional bureau (a key of :data:`BUREAUS`) of a country, else ``None``.
    """

    code: str
    kind: str
    name: str | None
    region: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class PostInfo:
    """A post that sends cables, as named in reference ids.

    ``country`` is the TAGS country code of the country the post is in;
    ``None`` for posts that report on no single country (the Department,
    missions to international organizations, travelling delegations).
    ``origin`` is the sender's name on the WikiLeaks pages, ``None`` where it
    is not known.
    """

    post: str
    country: str | None
    kind: str
    origin: str | None


def lookup(code: str) -> TagInfo:
    """What a tag code stands for; unknown codes come back as kind ``"unknown"``.

    >>> lookup(" ml ")
    TagInfo(code='ML', kind='country', name='Mali', region='AF')
    """
    key = _normalize(code)
    return _tags().get(key) or TagInfo(key, UNKNOWN, None, None)


def tag_name(code: str) -> str | None:
    """The name of a tag (``PTER`` -> ``Terrorists and Terrorism``), ``None`` if unknown."""
    return lookup(code).name


def tag_kind(code: str) -> str:
    """The kind of a tag: one of :data:`TAG_KINDS`, or ``"unknown"``."""
    return lookup(code).kind


def describe(code: str) -> str:
    """A code with its name for reports, ``PTER (Terrorists and Terrorism)``.

    An unknown code is returned as it is (normalized), so a report shows what
    the cable said rather than nothing.
    """
    info = lookup(code)
    return f"{info.code} ({info.name})" if info.name else info.code


def country_tags(tags: Iterable[str]) -> list[str]:
    """The country codes among ``tags``, normalized, in order, each once."""
    return _unique(code for code in _codes(tags) if tag_kind(code) == "country")


def unknown_tags(tags: Iterable[str]) -> list[str]:
    """The codes among ``tags`` that the reference does not hold, in order, each once.

    Empty strings are skipped: they are gaps in a tag line, not tags.
    """
    return _unique(code for code in _codes(tags) if tag_kind(code) == UNKNOWN)


def country_region(code: str) -> str | None:
    """The regional bureau of a country code (``ML`` -> ``AF``).

    ``None`` for codes that are not countries, and for the United States,
    which no regional bureau covers.
    """
    return lookup(code).region


def region_name(bureau: str) -> str:
    """The name of a regional bureau (``AF`` -> ``Africa``).

    Raises
    ------
    ValueError
        If ``bureau`` is not one of the keys of :data:`BUREAUS`.
    """
    key = _normalize(bureau)
    if key not in BUREAUS:
        raise ValueError(
            f"bureau must be one of {', '.join(BUREAUS)}; received {bureau!r}. "
            "Country codes such as 'ML' give their bureau through country_region()."
        )
    return BUREAUS[key]


def post_info(post: str) -> PostInfo | None:
    """The post behind a post name, an origin name or a reference id.

    Accepts ``BAMAKO``, ``Embassy Bamako`` or ``09BAMAKO504``, in any case.
    Misspelled posts seen in reference ids (``BANGOK``) resolve to the post
    they stand for.  Returns ``None`` when nothing matches.
    """
    posts = _posts()
    key = _normalize(post)
    if key not in posts:
        match = _REFERENCE_ID.fullmatch(key)
        key = _origins().get(" ".join(key.split())) or (match.group(1) if match else key)
    return posts.get(key)


def post_country(post: str) -> str | None:
    """The TAGS country code of a post (see :func:`post_info` for accepted forms)."""
    info = post_info(post)
    return info.country if info else None


def tags_table() -> pd.DataFrame:
    """The tag reference as a table.

    Returns
    -------
    pandas.DataFrame
        Index ``code``; columns ``kind``, ``name``, ``region`` (bureau, countries
        only) and ``source`` (where the name comes from, see the data README).
    """
    return _table("tags.csv", "code").copy()


def posts_table() -> pd.DataFrame:
    """The post reference as a table, one row for each post seen in reference ids.

    Returns
    -------
    pandas.DataFrame
        Index ``post``; columns ``country``, ``kind``, ``origin``, ``alias_of``
        (the post a misspelled or prefixed post stands for) and ``note`` (why a
        post has no country, or what is special about it).
    """
    return _table("posts.csv", "post").copy()


def _normalize(code: str) -> str:
    return code.strip().upper()


def _codes(tags: Iterable[str]) -> Iterable[str]:
    return (code for code in map(_normalize, tags) if code)


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def _rows(filename: str) -> list[dict[str, str | None]]:
    """The rows of a package CSV, with empty cells as ``None``."""
    resource = importlib.resources.files("cablestats").joinpath("data", filename)
    with resource.open(encoding="utf-8", newline="") as handle:
        return [
            {key: value or None for key, value in row.items()} for row in csv.DictReader(handle)
        ]


@functools.cache
def _table(filename: str, index: str) -> pd.DataFrame:
    """A package CSV as a frame, built once; callers get copies so it stays intact."""
    return pd.DataFrame(_rows(filename)).set_index(index)


@functools.cache
def _tags() -> dict[str, TagInfo]:
    return {
        row["code"]: TagInfo(row["code"], row["kind"], row["name"], row["region"])
        for row in _rows("tags.csv")
    }


@functools.cache
def _posts() -> dict[str, PostInfo]:
    """Posts by name; a misspelled post maps to the record of the post it stands for."""
    rows = _rows("posts.csv")
    canonical = {
        row["post"]: PostInfo(row["post"], row["country"], row["kind"], row["origin"])
        for row in rows
        if not row["alias_of"]
    }
    return {row["post"]: canonical[row["alias_of"] or row["post"]] for row in rows}


@functools.cache
def _origins() -> dict[str, str]:
    """Upper-case origin names to posts; the first post listed wins a shared name."""
    origins: dict[str, str] = {}
    for info in _posts().values():
        if info.origin:
            origins.setdefault(info.origin.upper(), info.post)
    return origins
