"""Assemble a :class:`~cablestats.Cable` from the field parsers.

Page or CSV metadata, when a reader has it, takes precedence over what the
text says (``reference_id``, ``created``, ``origin``, ``classification``);
everything else comes from the text.  A field that cannot be found is recorded
in ``Cable.warnings``; under ``strict=True`` it raises :class:`CableParseError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from cablestats.cable import Cable
from cablestats.errors import CableParseError
from cablestats.parse.body import clean_body, parse_paragraphs
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
from cablestats.parse.ids import REFERENCE_ID_RE, canonical_reference_id, make_reference_id
from cablestats.parse.text import normalize_text

__all__ = ["parse_cable"]

T = TypeVar("T")

#: Caveats that a metadata label such as ``SECRET//NOFORN`` states when they apply,
#: in the order labels write them.
_LABEL_CAVEATS = ("NOFORN", "FOR OFFICIAL USE ONLY")


def _ordered_caveats(caveats: tuple[str, ...]) -> tuple[str, ...]:
    """Label caveats first, in label order, then the others as the text gives them.

    One order whatever the source, so that a cable read from its text and from its
    page or CSV row (which carry a label) gives equal records.
    """
    labelled = [c for c in _LABEL_CAVEATS if c in caveats]
    return tuple(dict.fromkeys((*labelled, *caveats)))


class _Collector:
    """Runs field parsers, turning their failures into warnings or errors."""

    def __init__(self, *, strict: bool, reference_id: str | None, source: str | None) -> None:
        self.strict = strict
        self.reference_id = reference_id
        self.source = source
        self.warnings: list[str] = []

    def warn(self, field: str, message: str) -> None:
        if self.strict:
            raise CableParseError(
                message, reference_id=self.reference_id, source=self.source, field=field
            )
        self.warnings.append(f"{field}: {message}")

    def run(self, field: str, parser: Callable[..., T], default: T, *args: object) -> T:
        """``parser(*args)``, or ``default`` with a warning when it fails."""
        try:
            return parser(*args)
        except CableParseError:
            raise
        except Exception as error:  # a parser bug must not lose the rest of the cable
            self.warn(field, f"could not be parsed ({type(error).__name__}: {error})")
            return default


def parse_cable(
    text: str,
    *,
    reference_id: str | None = None,
    strict: bool = False,
    created: dt.datetime | None = None,
    released: dt.datetime | None = None,
    origin: str | None = None,
    classification: str | None = None,
    source: str | None = None,
) -> Cable:
    """Parse the full text of one cable into a :class:`~cablestats.Cable`.

    Parameters
    ----------
    text
        Raw cable text: routing header (optional), classification line, front
        matter and body.  Web-to-text artefacts and link markup are tolerated.
    reference_id
        The id from a page or CSV row; otherwise derived from the date-time
        group's year and the classification line's post and serial.
    strict
        Raise :class:`~cablestats.CableParseError` instead of recording a
        warning when a field cannot be parsed.
    created, released, origin, classification
        Metadata from a page or CSV row; they take precedence over the text.
        ``classification`` may carry caveats (``SECRET//NOFORN``).
    source
        Where the text came from, for messages and ``Cable.source``.

    Returns
    -------
    Cable
        Never raises unless ``strict``: what could not be found is listed in
        ``Cable.warnings``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_cable expects text as str, received {type(text).__name__}")
    given_id = canonical_reference_id(reference_id, aliases=False) if reference_id else None
    if reference_id and not given_id:
        given_id = reference_id.strip()
    collect = _Collector(strict=strict, reference_id=given_id, source=source)

    text = collect.run("text", normalize_text, text, text)
    header, rest = collect.run("header", split_header, ("", text), text)
    has_text = not (_blank(rest) and _blank(header))

    dtg = collect.run("created", parse_dtg, None, header or text)
    created = _as_utc(created) or dtg
    if created is None and has_text:
        collect.warn("created", "no date-time group found")

    level, caveats = collect.run("classification", parse_classification, (None, ()), rest)
    if classification:
        given_level, given_caveats = split_classification(classification)
        level = given_level or level
        # The label decides the markings it can carry; the text adds the others (SIPDIS, EXDIS).
        caveats = (*given_caveats, *(c for c in caveats if c not in _LABEL_CAVEATS))
    caveats = _ordered_caveats(caveats)
    if level is None and has_text:
        collect.warn("classification", "no classification line found")

    serial = collect.run("reference_id", parse_serial, None, rest)
    ref_id = given_id
    if ref_id is None and serial and created:
        ref_id = make_reference_id(created.year, *serial)
    if ref_id is None:
        ref_id = ""
        collect.warn("reference_id", "no reference id given and none derivable from the text")
    collect.reference_id = ref_id or None

    year = _year_of(ref_id, created)
    sender = collect.run("sender", parse_sender, None, header)
    tags = collect.run("tags", parse_tags, [], rest)
    if not tags and has_text:
        collect.warn("tags", "no TAGS line found")
    subject = collect.run("subject", parse_subject, None, rest)
    references = (
        collect.run("references", parse_references, [], rest, year, ref_id or None)
        if year is not None
        else []
    )

    return Cable(
        reference_id=ref_id,
        created=created,
        origin=origin or collect.run("origin", origin_name, None, sender),
        classification=level,
        caveats=tuple(caveats),
        tags=tuple(tags),
        subject=subject,
        references=tuple(references),
        classified_by=tuple(collect.run("classified_by", parse_classified_by, [], rest)),
        declassify_on=collect.run("declassify_on", parse_declassify_on, None, rest),
        summary=collect.run("summary", parse_summary, None, rest),
        signer=collect.run("signer", parse_signer, None, rest),
        sender=sender,
        precedence=collect.run("precedence", parse_precedence, None, header),
        recipients=tuple(collect.run("recipients", parse_recipients, [], header)),
        info_recipients=tuple(collect.run("info_recipients", parse_info_recipients, [], header)),
        paragraphs=tuple(collect.run("paragraphs", parse_paragraphs, [], rest)),
        body=collect.run("body", clean_body, "", rest),
        released=_as_utc(released),
        source=source,
        warnings=tuple(collect.warnings),
    )


def _blank(text: str) -> bool:
    """Whether ``text`` holds only whitespace: ``not text.strip()`` without copying the text."""
    return not text or text.isspace()


def _as_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _year_of(reference_id: str, created: dt.datetime | None) -> int | None:
    """The cable's year, which resolves references that omit it (``BAMAKO 445``)."""
    if created is not None:
        return created.year
    match = REFERENCE_ID_RE.fullmatch(reference_id)
    if match:
        two_digits = int(match.group(1))
        return 1900 + two_digits if two_digits >= 50 else 2000 + two_digits
    return None
