"""Small inputs for the io tests, built from the real cable pages or written by hand.

Expensive results (the 962 real pages taken apart, the frame read from them)
are cached per path, so that every io test module shares one copy per session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

import cablestats as cs
from cablestats.io import CablePage, CsvRow, parse_cable_page, read_cables

#: A raw cable in the shape the field parsers expect (written for the tests, not a real cable).
RAW_CABLE = """\
R 021200Z MAR 09
FM AMEMBASSY TESTVILLE
TO RUEHC/SECSTATE WASHDC 0001

C O N F I D E N T I A L TESTVILLE 000042

SIPDIS

E.O. 12958: DECL: 03/02/2019
TAGS: PREL PGOV
SUBJECT: A TEST CABLE

Classified By: Ambassador A. Tester for reasons 1.4 (b) and (d).

1. (C) Summary: nothing happened. End summary.

TESTER
"""

#: Fields of :class:`Cable` that the containers know nothing of or set differently:
#: ``source`` (the file) and ``released`` (only pages carry it).
CONTAINER_FIELDS = ("source", "released")


@functools.cache
def real_pages(html_dir: Path) -> tuple[CablePage, ...]:
    """The real cable pages taken apart, sorted by path."""
    paths = sorted(html_dir.rglob("*.html"))
    return tuple(parse_cable_page(path.read_text(encoding="utf-8")) for path in paths)


@functools.cache
def real_frame(html_dir: Path) -> pd.DataFrame:
    """The real cable pages read with :func:`read_cables` (one process, no progress)."""
    return read_cables(html_dir, n_jobs=1, progress=False)


def csv_rows(pages: Iterable[CablePage], references: Sequence[Sequence[str]]) -> list[CsvRow]:
    """``cables.csv`` rows holding the pages: header pre → column 7, body → 8, metadata → 2–5."""
    return [
        CsvRow(
            row_id,
            page.created,
            page.reference_id,
            page.origin,
            page.classification,
            refs,
            page.header,
            page.body,
        )
        for row_id, (page, refs) in enumerate(zip(pages, references, strict=True), 1)
    ]


def without_container_fields(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without the columns that depend on the container (see CONTAINER_FIELDS)."""
    return frame.drop(columns=list(CONTAINER_FIELDS))


def strip_container_fields(cable: cs.Cable) -> cs.Cable:
    return dataclasses.replace(cable, **dict.fromkeys(CONTAINER_FIELDS))


def gzip_copy(path: Path, target: Path) -> Path:
    """A ``.gz`` copy of ``path`` at ``target``."""
    with path.open("rb") as source, gzip.open(target, "wb") as compressed:
        shutil.copyfileobj(source, compressed)
    return target


def dump_text(
    *,
    reference_id: str = "09TESTVILLE42",
    subject: str = "A TEST CABLE",
    date: str = "Mon Mar 02 00:00:00 +0100 2009",
    classification: str = "CONFIDENTIAL",
    origin: str = "Embassy Testville",
    text: str = RAW_CABLE,
) -> str:
    """A text dump in the plain layout: five metadata lines, then the text."""
    return "\n".join([reference_id, subject, date, classification, origin, text])


def envelope_dump_text(*, header: str, text: str, date: str, destination: str) -> str:
    """A text dump in the envelope layout, with the header also printed before ``id:``."""
    return (
        f"09TESTVILLE42\nA TEST CABLE\nMon Mar 02 00:00:00 +0100 2009\nCONFIDENTIAL\n"
        f"Embassy Testville\n{header}id: 17\ndate: {date}\nrefid: 09TESTVILLE42\n"
        f"origin: Embassy Testville\nclassification: CONFIDENTIAL\n"
        f"destination: {destination}\nheader:\n{header}\n\n\n"
        f"----------------- header ends ----------------\n\n{text}\n\n"
        f"=======================CABLE ENDS============================\n"
    )


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)
