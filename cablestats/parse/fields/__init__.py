"""Field parsers for a cable's front matter and its closing lines.

Every parser takes the text of a cable or of a fragment of one, raw or copied
from a web page (markup is normalised here, so :func:`normalize_text` need not
have run), and returns one field, or an empty value when the field is absent;
none of them raises on malformed input.

The front matter is the block between the classification line and the first
numbered paragraph: ``E.O. 12958: DECL: 01/13/2019``, ``TAGS:``, ``SUBJECT:``,
``REF:`` and ``Classified By:``.  Its parsers look only there, so a word such as
"tags" or "reference" in the prose is never taken for a field, and a megabyte
of junk costs no more than :data:`HEAD_CHARS` characters.  The summary and the
signer come from the body and from its last lines.

One module per job: :mod:`.frontmatter` (TAGS, SUBJECT, the declassification
date and where the front matter ends), :mod:`.references` (REF),
:mod:`.classified_by`, :mod:`.summary` and :mod:`.closing` (the signer), on
the shared text views of :mod:`.views`.  :func:`parse_cable` runs several
parsers on the same text, so the normalised text, the front matter and the
closing lines are computed once per text and kept in small caches.

Patterns that are searched across text and open with no literal for ``re`` to
jump to start with a lookahead of the characters their matches can start with
(``(?=[SRCE])``): ``re`` then turns most positions away at their first
character instead of trying every branch there.
"""

from cablestats.parse.fields.classified_by import parse_classified_by
from cablestats.parse.fields.closing import Signoff, parse_signer, signoff
from cablestats.parse.fields.frontmatter import (
    front_matter_end,
    parse_declassify_on,
    parse_subject,
    parse_tags,
)
from cablestats.parse.fields.references import parse_references
from cablestats.parse.fields.summary import parse_summary
from cablestats.parse.fields.views import HEAD_CHARS, normalized

__all__ = [
    "HEAD_CHARS",
    "Signoff",
    "front_matter_end",
    "normalized",
    "parse_classified_by",
    "parse_declassify_on",
    "parse_references",
    "parse_signer",
    "parse_subject",
    "parse_summary",
    "parse_tags",
    "signoff",
]
