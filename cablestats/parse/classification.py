"""Classification line: level, caveats, post and serial.  (to be written)"""

from __future__ import annotations


def parse_classification(text: str) -> tuple[str | None, tuple[str, ...]]:
    """(classification, caveats) from the top of a cable's text."""
    raise NotImplementedError


def split_classification(label: str) -> tuple[str | None, tuple[str, ...]]:
    """(classification, caveats) from a label such as ``SECRET//NOFORN``."""
    raise NotImplementedError


def parse_serial(text: str) -> tuple[str, int] | None:
    """(post, serial) of the classification line, e.g. ("BAMAKO", 504)."""
    raise NotImplementedError
