"""Canonical cable reference ids: two-digit year, post, serial without leading zeros.

``09BAMAKO504`` is the 504th cable of 2009 from Bamako.  Posts are written
without spaces (``PORTAUPRINCE``); the Department's own cables use ``STATE``
whatever the header calls it (``SECSTATE WASHDC``).

Two levels of normalisation:

* :func:`make_reference_id` builds a cable's own id from its classification line
  and only removes spaces and leading zeros, so that it equals the id under which
  the archive filed the cable, typing slips included.
* :func:`canonical_post` and :func:`canonical_reference_id` also resolve the
  abbreviations and slips drafters used when citing other cables (``BKK``,
  ``RIO DE JAN``, ``HAGUE``, ``WELLINGOTN``), so that references point at the
  id the cited cable really has.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "POST_ALIASES",
    "REFERENCE_ID_RE",
    "canonical_post",
    "canonical_reference_id",
    "make_reference_id",
    "normalize_post",
]

#: A canonical id anywhere in text (word-bounded).
REFERENCE_ID_RE = re.compile(r"\b(\d{2})([A-Z][A-Z-]*[A-Z])(\d{1,7})\b")

_STATE_ALIASES = {"SECSTATE", "SECSTATEWASHDC", "STATEWASHDC", "SECSTATEWASHINGTONDC", "STATE"}

#: Abbreviations and misspellings of posts met in references, by the post's id form.
POST_ALIASES: dict[str, str] = {
    "BA": "BUENOSAIRES",
    "BEIJINJG": "BEIJING",
    "BISHTEK": "BISHKEK",
    "BKK": "BANGKOK",
    "BRASIIA": "BRASILIA",
    "BRASILA": "BRASILIA",
    "BRAZIL": "BRASILIA",
    "BRAZILIA": "BRASILIA",
    "CDCATLANTA": "CDCATLANTAGA",
    "HAGUE": "THEHAGUE",
    "HALIF": "HALIFAX",
    "HCMC": "HOCHIMINHCITY",
    "HOCHIMINH": "HOCHIMINHCITY",
    "HK": "HONGKONG",
    "KINSTON": "KINGSTON",
    "KUALALUMP": "KUALALUMPUR",
    "MADRIDSP": "MADRID",
    "MEXICOCITY": "MEXICO",
    "PANAM": "PANAMA",
    "PANANA": "PANAMA",
    "PAP": "PORTAUPRINCE",
    "PARISFR": "UNESCOPARISFR",
    "PAUP": "PORTAUPRINCE",
    "PHNOMPEN": "PHNOMPENH",
    "RIO": "RIODEJANEIRO",
    "RIODEJAN": "RIODEJANEIRO",
    "RIODEJANERIO": "RIODEJANEIRO",
    "RIODEJANIERO": "RIODEJANEIRO",
    "SANJSE": "SANJOSE",
    "SAOPAUL": "SAOPAULO",
    "SAOPAUO": "SAOPAULO",
    "SCOPAULO": "SAOPAULO",
    "SECDEFWASH": "SECDEF",
    "SECTATE": "STATE",
    "SECTSTATE": "STATE",
    "TRIPOLII": "TRIPOLI",
    "UNVIE": "UNVIEVIENNA",
    "USCUSTOMSA": "USCBP",
    "USDA": "USDAFAS",
    "USDOCWASHDC": "USDOC",
    "USEU": "USEUBRUSSELS",
    "USEUBRUSEELS": "USEUBRUSSELS",
    "USUN": "USUNNEWYORK",
    "USUNESCOPARISFR": "UNESCOPARISFR",
    "USUNNEYORK": "USUNNEWYORK",
    "USUNNY": "USUNNEWYORK",
    "VAT": "VATICAN",
    "WELLINGOTN": "WELLINGTON",
    "WELLLINGTON": "WELLINGTON",
}

# Debris that page conversion glued in front of a post: "EMBASSY", "SECTION 01 OF 02".
_POST_PREFIX = re.compile(r"^(?:EMBASSY|S?E?CTION\d{1,2}OF\d{1,2})")
_POST_SEPARATORS = re.compile(r"[\s.'’]+")
_CITED_ID = re.compile(r"\s*(\d{2})\s*([A-Za-z][A-Za-z0-9 .'-]*?)\s*0*(\d{1,7})\s*")
# The same posts are written in cable after cable, so their forms are kept.
_POST_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_POST_CACHE_SIZE)
def normalize_post(name: str) -> str:
    """Post as written in reference ids: upper case, no spaces or dots (``PORTAUPRINCE``)."""
    post = _POST_SEPARATORS.sub("", name.upper())
    return "STATE" if post in _STATE_ALIASES else post


@functools.lru_cache(maxsize=_POST_CACHE_SIZE)
def canonical_post(name: str) -> str:
    """A cited post as the archive files it: ``canonical_post("RIO DE JAN") == "RIODEJANEIRO"``."""
    post = _POST_PREFIX.sub("", normalize_post(name).replace("-", "")) or normalize_post(name)
    post = POST_ALIASES.get(post, post)
    return "STATE" if post in _STATE_ALIASES else post


def make_reference_id(year: int, post: str, serial: int | str) -> str:
    """``make_reference_id(2009, "BAMAKO", "000504") == "09BAMAKO504"``.

    ``year`` may be a four- or two-digit year.
    """
    number = int(str(serial).strip())
    return f"{int(year) % 100:02d}{normalize_post(post)}{number}"


def canonical_reference_id(raw: str, *, aliases: bool = True) -> str | None:
    """Canonical form of a cited id (spaces, leading zeros, post slips); None if not an id.

    ``canonical_reference_id("08 BKK 0023") == "08BANGKOK23"``.  With
    ``aliases=False`` the post is kept as written (for a cable's own id, which
    the archive files as typed).
    """
    match = _CITED_ID.fullmatch(raw)
    if not match:
        return None
    year, post, serial = match.groups()
    return make_reference_id(int(year), canonical_post(post) if aliases else post, serial)
