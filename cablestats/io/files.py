"""Opening cable files: ``.gz`` transparently, text decoded as UTF-8 without losing a file.

Archives come from many hands; one stray byte that is not UTF-8 should not cost
a whole file or a 1.7 GB CSV.  Such bytes are replaced with U+FFFD and the
replacement is reported, so that the damage is visible in ``Cable.warnings``.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import IO

__all__ = [
    "UNDECODABLE_NOTE",
    "inner_name",
    "inner_suffix",
    "open_binary",
    "read_text",
    "repair_text",
]

#: The note added to a cable whose bytes were not all UTF-8.
UNDECODABLE_NOTE = "text: bytes that are not UTF-8 were replaced with U+FFFD"

# Bytes that UTF-8 could not decode, as left by errors="surrogateescape".
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def _is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def inner_name(path: Path) -> Path:
    """The name without ``.gz``: ``09BAMAKO504.txt.gz`` → ``09BAMAKO504.txt``."""
    return Path(path.stem if _is_gzip(path) else path.name)


def inner_suffix(path: Path) -> str:
    """The suffix that tells the format, looking through ``.gz``: ``a.csv.gz`` → ``.csv``."""
    return inner_name(path).suffix.lower()


def open_binary(path: Path) -> IO[bytes]:
    """Open for reading bytes, decompressing ``.gz`` on the fly."""
    if _is_gzip(path):
        return gzip.open(path, "rb")
    return path.open("rb")


def repair_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Replace bytes escaped by ``surrogateescape`` with U+FFFD; say so when there were any."""
    if text.isascii():  # a flag of the string, so most fields skip the search
        return text, ()
    try:  # escaped bytes are lone surrogates, which UTF-8 cannot encode: a fast C check
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text, ()
    repaired, count = _ESCAPED_BYTE_RE.subn("\ufffd", text)
    return repaired, (UNDECODABLE_NOTE,) if count else ()


def read_text(path: Path) -> tuple[str, tuple[str, ...]]:
    """Whole file as text (``\\r\\n`` read as ``\\n``) and the notes :func:`repair_text` made."""
    with open_binary(path) as file:
        data = file.read()
    text = data.decode("utf-8", errors="surrogateescape")
    return repair_text(text.replace("\r\n", "\n"))
