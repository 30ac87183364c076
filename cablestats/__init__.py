"""cablestats: parse, model and report on archives of diplomatic cables.

The front door re-exports exactly the names of the public API contract::

    import cablestats as cs
    df = cs.read_cables("cables/")           # one row per cable, index reference_id
    cable = cs.parse_cable(text)             # one typed record
"""

import importlib
from typing import TYPE_CHECKING

from cablestats.cable import Cable, Paragraph, Recipient
from cablestats.errors import (
    CableParseError,
    CableParseWarning,
    CablestatsError,
    CablestatsWarning,
    DuplicateCableWarning,
    RunLockedError,
    SpecError,
    StoreError,
    UnknownTermError,
)
from cablestats.io import iter_cables, read_cables, write_cables
from cablestats.parse import parse_cable

if TYPE_CHECKING:
    from cablestats.corpus import CableVectorizer, Corpus
    from cablestats.models import TopicModel, select_n_topics
    from cablestats.report import Report
    from cablestats.themes import Theme, load_themes, partner_network
    from cablestats.trends import bursts, emerging_terms, keyword_trends, term_series

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
    "Report",
    "RunLockedError",
    "SpecError",
    "StoreError",
    "Theme",
    "TopicModel",
    "UnknownTermError",
    "bursts",
    "emerging_terms",
    "iter_cables",
    "keyword_trends",
    "load_themes",
    "parse_cable",
    "partner_network",
    "read_cables",
    "select_n_topics",
    "term_series",
    "write_cables",
]

# The modelling stages pull in gensim, scikit-learn and statsmodels; they load on
# first use so that reading and parsing cables (and the command line) start fast.
_LAZY = {
    "CableVectorizer": "cablestats.corpus",
    "Corpus": "cablestats.corpus",
    "Report": "cablestats.report",
    "TopicModel": "cablestats.models",
    "select_n_topics": "cablestats.models",
    "Theme": "cablestats.themes",
    "load_themes": "cablestats.themes",
    "partner_network": "cablestats.themes",
    "bursts": "cablestats.trends",
    "emerging_terms": "cablestats.trends",
    "keyword_trends": "cablestats.trends",
    "term_series": "cablestats.trends",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'cablestats' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
