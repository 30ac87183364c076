"""Which format a cable file is in, from its name and, for ``.txt``, its first lines.

Names decide (``.txt``, ``.html``, ``.csv``, ``.parquet``, each optionally
``.gz``) because they are cheap and reliable in real archives; only ``.txt``
needs a look inside, to tell a text dump (id, subject and date lines first)
from a raw cable.  Anything else is unknown: folders skip it with a warning.
"""

from __future__ import annotations

from pathlib import Path

from cablestats.io.dump import looks_like_dump
from cablestats.io.files import inner_suffix, open_binary

__all__ = ["FORMATS", "ONE_CABLE_FORMATS", "detect_format", "format_by_name"]

#: Format names accepted by ``format=`` (besides ``"auto"``).
FORMATS: tuple[str, ...] = ("text", "html", "csv", "dump", "parquet")
#: Formats that hold exactly one cable per file.
ONE_CABLE_FORMATS: frozenset[str] = frozenset({"text", "html", "dump"})

_BY_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
# Enough bytes for a dump's five metadata lines.
_SNIFF_BYTES = 4096


def format_by_name(path: Path) -> str | None:
    """The format the name says (``.txt`` says ``"text"``, dump or not), or None."""
    return _BY_SUFFIX.get(inner_suffix(path))


def detect_format(path: Path) -> str | None:
    """The format of ``path`` (one of :data:`FORMATS`), or None when unknown.

    Reads the first few kilobytes of a ``.txt`` file, so it may raise :class:`OSError`.
    """
    format = format_by_name(path)
    if format == "text":
        with open_binary(path) as file:
            head = file.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
        return "dump" if looks_like_dump(head.replace("\r\n", "\n")) else "text"
    return format
