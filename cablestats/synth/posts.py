"""The posts a synthetic archive sends from: names, routing indicators, regions.

Built from the post reference (:func:`cablestats.tags.posts_table`): every
post with an origin name and no ``alias_of``.  A post's ``sender`` is its
name on the ``FM`` line (``AMEMBASSY PORT AU PRINCE``), its ``place`` the name
on the classification line and in references (``PORT AU PRINCE 000123``,
which reference ids write ``PORTAUPRINCE``).  Routing indicators are made up
but look real: ``RUEH`` and two letters derived from the post's name, unique
within the directory; the Department keeps its real ``RUEHC``.
"""

from __future__ import annotations

import dataclasses
import functools
import zlib
from string import ascii_uppercase

from cablestats.parse.ids import normalize_post
from cablestats.synth.themes import cable_group
from cablestats.tags import country_region, posts_table, tag_name

__all__ = ["Post", "post_directory"]

_PREFIX = {"embassy": "AMEMBASSY", "consulate": "AMCONSUL"}

# FM lines and classification-line names of the posts that are neither
# embassies nor consulates.
_SENDERS = {
    "AITTAIPEI": ("AIT TAIPEI", "AIT TAIPEI"),
    "BASRAH": ("REO BASRAH", "BASRAH"),
    "CDGENEVA": ("USMISSION CD GENEVA", "CD GENEVA"),
    "FSCCHARLESTON": ("US OFFICE FSC CHARLESTON", "FSC CHARLESTON"),
    "FSINFATC": ("DIR FSINFATC", "FSINFATC"),
    "GENEVA": ("USMISSION GENEVA", "GENEVA"),
    "HAVANA": ("USINT HAVANA", "HAVANA"),
    "HILLAH": ("REO HILLAH", "HILLAH"),
    "IRANRPODUBAI": ("IRAN RPO DUBAI", "IRAN RPO DUBAI"),
    "KIRKUK": ("REO KIRKUK", "KIRKUK"),
    "MOSUL": ("REO MOSUL", "MOSUL"),
    "PARTO": ("USDEL SECRETARY", "PARTO"),
    "STATE": ("SECSTATE WASHDC", "STATE"),
    "UNESCOPARISFR": ("USMISSION UNESCO PARIS FR", "UNESCO PARIS FR"),
    "UNVIEVIENNA": ("USMISSION UNVIE VIENNA", "UNVIE VIENNA"),
    "USEUBRUSSELS": ("USEU BRUSSELS", "USEU BRUSSELS"),
    "USNATO": ("USMISSION USNATO", "USNATO"),
    "USOSCE": ("USMISSION USOSCE", "USOSCE"),
    "USTRGENEVA": ("USMISSION USTR GENEVA", "USTR GENEVA"),
    "USUNNEWYORK": ("USMISSION USUN NEW YORK", "USUN NEW YORK"),
}

#: The Department's routing indicator, which every post's TO line addresses.
DEPARTMENT_ROUTE = "RUEHC"


@dataclasses.dataclass(frozen=True)
class Post:
    """One sending post.

    ``country`` is its TAGS country code and ``country_name`` the name the
    text uses; both are ``None`` for posts that report on no single country.
    ``group`` is the prevalence group of :mod:`cablestats.synth.themes`.
    """

    post: str
    kind: str
    origin: str
    sender: str
    place: str
    route: str
    country: str | None
    country_name: str | None
    region: str | None
    group: str


def _names(post: str, kind: str, origin: str) -> tuple[str, str]:
    """(FM line name, classification-line name) of a post."""
    if post in _SENDERS:
        return _SENDERS[post]
    place = origin.split(" ", 1)[1].upper()
    if kind not in _PREFIX or normalize_post(place) != post:
        raise ValueError(f"no sender name known for post {post} ({kind}, {origin!r})")
    return f"{_PREFIX[kind]} {place}", place


def _routes(posts: list[str]) -> dict[str, str]:
    """Unique made-up routing indicators ``RUEHxx``, stable for a post name."""
    taken = {DEPARTMENT_ROUTE}
    routes = {}
    for post in posts:
        if post == "STATE":
            routes[post] = DEPARTMENT_ROUTE
            continue
        number = zlib.crc32(post.encode())
        while True:
            route = "RUEH" + ascii_uppercase[number % 26] + ascii_uppercase[number // 26 % 26]
            if route not in taken:
                break
            number += 1
        taken.add(route)
        routes[post] = route
    return routes


@functools.cache
def post_directory() -> dict[str, Post]:
    """Every post that can send a synthetic cable, by its name in reference ids."""
    table = posts_table()
    table = table[table["alias_of"].isna() & table["origin"].notna()].sort_index()
    routes = _routes(list(table.index))
    directory = {}
    for post, row in table.iterrows():
        sender, place = _names(post, row["kind"], row["origin"])
        country = row["country"] if isinstance(row["country"], str) else None
        region = country_region(country) if country else None
        directory[post] = Post(
            post=post,
            kind=row["kind"],
            origin=row["origin"],
            sender=sender,
            place=place,
            route=routes[post],
            country=country,
            country_name=tag_name(country) if country else None,
            region=region,
            group=cable_group(country, region),
        )
    return directory
