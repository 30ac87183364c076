"""Text → Cable: pure functions of text, no files.

The field parsers each take the text of a cable (or a fragment of one) and
return one field; :func:`parse_cable` assembles them into a :class:`~cablestats.Cable`.
"""

from cablestats.parse.body import clean_body, parse_paragraphs
from cablestats.parse.cable import parse_cable
from cablestats.parse.classification import (
    parse_classification,
    parse_serial,
    split_classification,
)
from cablestats.parse.fields import (
    parse_classified_by,
    parse_declassify_on,
    parse_references,
    parse_signer,
    parse_subject,
    parse_summary,
    parse_tags,
)
from cablestats.parse.header import (
    origin_name,
    parse_dtg,
    parse_info_recipients,
    parse_precedence,
    parse_recipients,
    parse_sender,
    split_header,
)
from cablestats.parse.ids import canonical_reference_id, make_reference_id

__all__ = [
    "canonical_reference_id",
    "clean_body",
    "make_reference_id",
    "origin_name",
    "parse_cable",
    "parse_classification",
    "parse_classified_by",
    "parse_declassify_on",
    "parse_dtg",
    "parse_info_recipients",
    "parse_paragraphs",
    "parse_precedence",
    "parse_recipients",
    "parse_references",
    "parse_sender",
    "parse_serial",
    "parse_signer",
    "parse_subject",
    "parse_summary",
    "parse_tags",
    "split_classification",
    "split_header",
]
