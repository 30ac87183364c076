"""Who a synthetic cable is addressed to: TO and INFO blocks, relays, station line.

Posts send to the Department (``RUEHC/SECSTATE WASHDC``), with information
copies to their region's collective, neighbouring posts, Washington agencies
and the regional combatant command; the Department sends to posts.  The
routing indicators of Washington agencies and commands are the public ones;
posts use the made-up indicators of :mod:`cablestats.synth.posts`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from cablestats.cable import Recipient
from cablestats.synth.posts import DEPARTMENT_ROUTE, Post

__all__ = ["PRECEDENCE_WORDS", "Addressing"]

#: The word an addressee line carries for each precedence letter.
PRECEDENCE_WORDS = {"R": None, "P": "PRIORITY", "O": "IMMEDIATE", "Z": "FLASH"}

_COLLECTIVES = {
    "AF": ("RUEHZO", "AFRICAN UNION COLLECTIVE"),
    "EAP": ("RUEHZS", "ASEAN COLLECTIVE"),
    "EUR": ("RUCNMEM", "EU MEMBER STATES COLLECTIVE"),
    "NEA": ("RUEHEE", "ARAB LEAGUE COLLECTIVE"),
    "SCA": ("RUCNSAD", "SAARC COLLECTIVE"),
    "WHA": ("RUEHZI", "WESTERN HEMISPHERIC AFFAIRS DIPL POSTS"),
}
_AGENCIES = (
    ("RHEHNSC", "NSC WASHDC"),
    ("RUEAIIA", "CIA WASHDC"),
    ("RHEFDIA", "DIA WASHDC"),
    ("RUEKJCS", "SECDEF WASHDC"),
    ("RUEKJCS", "JOINT STAFF WASHDC"),
    ("RUCPDOC", "USDOC WASHDC"),
    ("RUEATRS", "DEPT OF TREASURY WASHDC"),
    ("RUEAWJA", "DEPT OF JUSTICE WASHDC"),
)
_COMMANDS = {
    "EUR": ("RHMFISS", "HQ USEUCOM VAIHINGEN GE"),
    "NEA": ("RHMFISS", "CDR USCENTCOM MACDILL AFB FL"),
    "SCA": ("RHMFISS", "CDR USCENTCOM MACDILL AFB FL"),
    "EAP": ("RHHMUNA", "CDR USPACOM HONOLULU HI"),
    "WHA": ("RHMFISS", "CDR USSOUTHCOM MIAMI FL"),
}
# Africa moved from European Command to Africa Command in October 2008.
_AFRICOM = ("RHMFISS", "HQ USAFRICOM STUTTGART GE")
_AFRICOM_FROM = dt.datetime(2008, 10, 1, tzinfo=dt.UTC)
_STATIONS = ("XRO", "XYZ", "XRM", "XRA", "XRB")


def _mcn(rng: random.Random) -> str:
    return f"{rng.randrange(1, 10000):04d}"


class Addressing:
    """Draws addressees for cables, given the posts that can be addressed.

    Methods take a :class:`random.Random`: a handful of scalar draws per cable
    cost far less there than through numpy.

    Parameters
    ----------
    posts
        Every post of the directory; embassies of a region are its neighbours.
    """

    def __init__(self, posts: Sequence[Post]) -> None:
        embassies = [post for post in posts if post.kind == "embassy"]
        self._by_region = {
            region: [post for post in embassies if post.region == region] for region in _COLLECTIVES
        }
        self._embassies = embassies

    def header_lines(self, post: Post, rng: random.Random) -> tuple[str, tuple[str, ...]]:
        """The station line (``VZCZCXRO9324``) and the relay indicators of the second line."""
        station = f"VZCZC{rng.choice(_STATIONS)}{rng.randrange(10000):04d}"
        neighbours = self._by_region.get(post.region or "", self._embassies)
        chosen = rng.sample(range(len(neighbours)), min(len(neighbours), rng.randint(1, 3)))
        return station, tuple(neighbours[i].route for i in sorted(chosen))

    def recipients(self, post: Post, precedence: str, rng: random.Random) -> tuple[Recipient, ...]:
        """The TO block: the Department for posts, one to four embassies for the Department."""
        word = PRECEDENCE_WORDS[precedence]
        if post.post != "STATE":
            return (Recipient(DEPARTMENT_ROUTE, "SECSTATE WASHDC", word, _mcn(rng)),)
        chosen = sorted(rng.sample(range(len(self._embassies)), rng.randint(1, 4)))
        return tuple(
            Recipient(self._embassies[i].route, self._embassies[i].sender, word, _mcn(rng))
            for i in chosen
        )

    def info_recipients(
        self, post: Post, created: dt.datetime, precedence: str, count: int, rng: random.Random
    ) -> tuple[Recipient, ...]:
        """The INFO block of ``count`` addressees at most.

        The region's collective, neighbouring embassies, Washington agencies and
        the regional command, in that order.
        """
        word = PRECEDENCE_WORDS[precedence] if rng.random() < 0.5 else None
        region = post.region
        found: list[Recipient] = []
        if region in _COLLECTIVES and count and rng.random() < 0.6:
            found.append(Recipient(*_COLLECTIVES[region], word))
        neighbours = [
            other for other in self._by_region.get(region or "", []) if other.post != post.post
        ]
        n_neighbours = min(len(neighbours), max(0, count - len(found) - 2))
        for i in sorted(rng.sample(range(len(neighbours)), n_neighbours)):
            found.append(Recipient(neighbours[i].route, neighbours[i].sender, word, _mcn(rng)))
        n_agencies = min(len(_AGENCIES), max(0, count - len(found) - 1))
        for i in sorted(rng.sample(range(len(_AGENCIES)), n_agencies)):
            found.append(Recipient(*_AGENCIES[i], word))
        command = _AFRICOM if region == "AF" and created >= _AFRICOM_FROM else None
        command = command or _COMMANDS.get(region or "", _COMMANDS["EUR"])
        if len(found) < count:
            found.append(Recipient(*command, word))
        return tuple(found)
