"""Canonical cable reference ids: two-digit year, post, serial without leading zeros.

``09BAMAKO504`` is the 504th cable of 2009 from Bamako.  Posts are written
without spaces (``PORTAUPRINCE``); the Department's own cables use ``STATE``
whatever the header calls it (``SECSTATE WASHDC``).
"""

from __future__ import annotations

import re

__all__ = ["REFERENCE_ID_RE", "canonical_reference_id", "make_reference_id", "normalize_post"]

#: A canonical id anywhere in text (word-bounded).
REFERENCE_ID_RE = re.compile(r"\b(\d{2})([A-Z][A-Z-]*[A-Z])(\d{1,7})\b")

_STATE_ALIASES = {"SECSTATE", "SECSTATEWASHDC", "STATEWASHDC", "SECSTATEWASHINGTONDC", "STATE"}


def normalize_post(name: str) -> str:
    """Post as written in reference ids: upper case, no spaces or dots (``PORTAUPRINCE``)."""
    post = re.sub(r"[\s.'’]+", "", name.upper())
    return "STATE" if post in _STATE_ALIASES else post


def make_reference_id(year: int, post: str, serial: int | str) -> str:
    """``make_reference_id(2009, "BAMAKO", "000504") == "09BAMAKO504"``.

    ``year`` may be a four- or two-digit year.
    """
    number = int(str(serial).strip())
    return f"{int(year) % 100:02d}{normalize_post(post)}{number}"


def canonical_reference_id(raw: str) -> str | None:
    """Canonical form of an id typed with spaces or leading zeros; None if it is not one."""
    match = re.fullmatch(r"\s*(\d{2})\s*([A-Za-z][A-Za-z .'-]*?)\s*0*(\d{1,7})\s*", raw)
    if not match:
        return None
    year, post, serial = match.groups()
    return make_reference_id(int(year), post, serial)
