"""Readers and writers for every format cables come in.

``iter_cables`` / ``read_cables`` read raw cable text, WikiLeaks cable pages,
``cables.csv``, text dumps and the Parquet store (each optionally ``.gz``);
``write_cables`` writes the store; a ``ParseCache`` lets repeated reads parse
only new cables.  ``render_cable_page`` and
``write_cables_csv`` write the other formats, for synthetic archives and tests.
"""

from __future__ import annotations

from cablestats.io.atomic import atomic_open
from cablestats.io.cablescsv import CsvRow, write_cables_csv
from cablestats.io.detect import FORMATS, detect_format
from cablestats.io.html import CablePage, parse_cable_page, render_cable_page
from cablestats.io.parquet import write_cables
from cablestats.io.parse_cache import CacheStats, ParseCache
from cablestats.io.raw import RawCable
from cablestats.io.readers import ERRORS, iter_cables, read_cables

__all__ = [
    "ERRORS",
    "FORMATS",
    "CablePage",
    "CacheStats",
    "CsvRow",
    "ParseCache",
    "RawCable",
    "atomic_open",
    "detect_format",
    "iter_cables",
    "parse_cable_page",
    "read_cables",
    "render_cable_page",
    "write_cables",
    "write_cables_csv",
]
