"""Who signs and classifies synthetic cables: made-up officers with plausible names.

Each post has a succession of chiefs of mission, one every three years from
a post-specific offset, drawn from common American first names and surnames;
the cable's signer is its chief's surname in capitals, as on real cables.
The Department's cables are signed by the Secretaries of State of the day.
Names are a function of the seed, the post and the term, so the same post
keeps its ambassador across the cables of one archive.
"""

from __future__ import annotations

import dataclasses
import functools
import zlib

import numpy as np

__all__ = ["CLASSIFIER_TITLES", "Officer", "chief_of_mission", "deputy", "person"]

FIRST_NAMES = (
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
    "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
    "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa",
    "Matthew", "Margaret", "Anthony", "Sandra", "Mark", "Ashley", "Donald", "Kimberly",
    "Steven", "Emily", "Paul", "Donna", "Andrew", "Michelle", "Joshua", "Carol",
    "Kenneth", "Amanda", "Kevin", "Melissa", "Brian", "Deborah", "George", "Stephanie",
    "Edward", "Rebecca", "Ronald", "Sharon", "Timothy", "Laura", "Jason", "Cynthia",
    "Jeffrey", "Kathleen", "Gregory", "Amy", "Peter", "Gillian", "Douglas", "Maura",
)  # fmt: skip

SURNAMES = (
    "Anderson", "Bennett", "Brooks", "Caldwell", "Carver", "Chandler", "Collins", "Crawford",
    "Dalton", "Dawson", "Donovan", "Ellison", "Emerson", "Fairbanks", "Fletcher", "Foster",
    "Garrison", "Gilmore", "Graham", "Hadley", "Halloran", "Harmon", "Hastings", "Hawkins",
    "Holloway", "Hutchins", "Jennings", "Kendall", "Kessler", "Langford", "Lawson", "Lindqvist",
    "Lowell", "Maddox", "Marsh", "McAllister", "Mercer", "Merriweather", "Montgomery", "Nolan",
    "Novak", "Oakley", "Pemberton", "Prescott", "Quinlan", "Radcliffe", "Redmond",
    "Rowland", "Sanderson", "Sheridan", "Sinclair", "Stafford", "Sutherland", "Thornton",
    "Underwood", "Vance", "Wakefield", "Whitaker", "Whitfield", "Winslow", "Yates",
    "Zielinski", "Abernathy", "Baptiste", "Castellano", "Delgado", "Esposito", "Fitzgerald",
    "Gallagher", "Hernandez", "Iverson", "Jablonski", "Kowalczyk", "Lindstrom", "Marchetti",
    "Nakamura", "Okafor", "Petrakis", "Rasmussen", "Santangelo", "Takahashi", "Vasquez",
    "Wojcik", "Yamamoto", "Kaminski", "Brennan", "Gutierrez", "Lombardi", "Moriarty",
)  # fmt: skip

#: Secretaries of State and the first month of their term (``YYYY-MM``).
SECRETARIES = (
    ("2001-01", "Colin L. Powell"),
    ("2005-01", "Condoleezza Rice"),
    ("2009-01", "Hillary Rodham Clinton"),
)

#: Titles of officers other than the chief and deputy who classify cables.
CLASSIFIER_TITLES = (
    "Political Counselor",
    "Economic Counselor",
    "Pol/Econ Chief",
    "Political Officer",
    "Consul General",
    "Acting Political Counselor",
)

#: Years a chief of mission stays at post.
TERM_YEARS = 3


@dataclasses.dataclass(frozen=True)
class Officer:
    """A named officer: ``name`` as written in ``Classified By`` lines, ``surname`` as signed."""

    name: str
    surname: str

    @property
    def signature(self) -> str:
        """The last line of a cable: the surname in capitals."""
        return self.surname.upper()


@functools.lru_cache(maxsize=65536)
def person(seed: int, *key: object) -> Officer:
    """A made-up officer, the same for the same seed and key."""
    rng = np.random.default_rng([seed, zlib.crc32(repr(key).encode())])
    first = FIRST_NAMES[rng.integers(len(FIRST_NAMES))]
    initial = chr(ord("A") + int(rng.integers(26)))
    surname = SURNAMES[rng.integers(len(SURNAMES))]
    return Officer(f"{first} {initial}. {surname}", surname)


def chief_of_mission(seed: int, post: str, year: int, month: int) -> Officer:
    """The post's chief of mission in that month (the Secretary for the Department)."""
    if post == "STATE":
        key = f"{year:04d}-{month:02d}"
        name = [name for start, name in SECRETARIES if start <= key][-1:] or [SECRETARIES[0][1]]
        return Officer(name[0], name[0].split()[-1])
    offset = zlib.crc32(post.encode()) % TERM_YEARS
    return person(seed, post, (year + offset) // TERM_YEARS)


def deputy(seed: int, post: str, year: int) -> Officer:
    """The post's deputy chief of mission, who changes every two years."""
    return person(seed, post, "deputy", year // 2)
