"""cablestats: parse, model and report on archives of diplomatic cables.

The front door re-exports exactly the names of the public API contract::

    import cablestats as cs
    df = cs.read_cables("cables/")           # one row per cable, index reference_id
    cable = cs.parse_cable(text)             # one typed record
"""

from cablestats.cable import Cable, Paragraph, Recipient
from cablestats.corpus import CableVectorizer, Corpus
from cablestats.errors import (
    CableParseError,
    CableParseWarning,
    CablestatsError,
    CablestatsWarning,
    DuplicateCableWarning,
    SpecError,
    StoreError,
)
from cablestats.io import iter_cables, read_cables, write_cables
from cablestats.models import TopicModel, select_n_topics
from cablestats.parse import parse_cable

__version__ = "0.1.0"

__all__ = [
    "Cable",
    "CableParseError",
    "CableParseWarning",
    "CableVectorizer",
    "CablestatsError",
    "CablestatsWarning",
    "Corpus",
    "DuplicateCableWarning",
    "Paragraph",
    "Recipient",
    "SpecError",
    "StoreError",
    "TopicModel",
    "iter_cables",
    "parse_cable",
    "read_cables",
    "select_n_topics",
    "write_cables",
]
