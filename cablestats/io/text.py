"""Raw cable text files: the whole file is one cable, routing header and all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cablestats.io.files import inner_name, read_text
from cablestats.io.raw import RawCable
from cablestats.parse import canonical_reference_id

__all__ = ["iter_text"]


def iter_text(path: Path) -> Iterator[RawCable]:
    """The one cable of a text file.

    The parser derives the reference id from the text; a file named like an id
    (``09BAMAKO504.txt``) supplies it when the text cannot, as with cables
    copied from a web page without their routing header.
    """
    text, notes = read_text(path)
    stem = inner_name(path).stem
    yield RawCable(
        text=text,
        source=str(path),
        fallback_id=canonical_reference_id(stem, aliases=False),
        notes=notes,
    )
