"""The unit every reader hands to the parser: cable text plus what the container said.

Readers only take files apart; :meth:`RawCable.parse` is the one place where a
reader's metadata meets :func:`~cablestats.parse_cable`.  Raw cables and
:class:`ReadFailure` are plain picklable records, so that parsing can run in
worker processes and failures can travel back without losing where they came
from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from cablestats.cable import Cable
from cablestats.errors import CableParseError
from cablestats.parse import canonical_reference_id, parse_cable

__all__ = ["RawCable", "ReadFailure", "join_text"]


def join_text(header: str, body: str) -> str:
    """Routing header, a blank line, then the body: how pages and CSV rows hold one cable."""
    return f"{header}\n\n{body}" if header else body


@dataclasses.dataclass(frozen=True, slots=True)
class RawCable:
    """Text of one cable as found in a file, with the metadata its container carried.

    ``reference_id``, ``created``, ``released``, ``origin`` and ``classification``
    come from a page's table, a CSV row or a dump's lines and take precedence over
    the text.  ``subject`` (a dump's subject line) is used only when the text has
    none; ``references`` (a CSV column, a dump's ``destination:``) are added to
    those found in the text.  ``fallback_id`` (a file named like a reference id)
    is used only when neither the metadata nor the text yields an id.  ``notes``
    are problems met while reading (bytes that were not UTF-8), added to
    ``Cable.warnings``.  ``line`` is the line a CSV row starts on.
    """

    text: str
    source: str
    line: int | None = None
    reference_id: str | None = None
    created: dt.datetime | None = None
    released: dt.datetime | None = None
    origin: str | None = None
    classification: str | None = None
    subject: str | None = None
    references: tuple[str, ...] = ()
    fallback_id: str | None = None
    notes: tuple[str, ...] = ()

    def parse(self) -> Cable:
        """Parse the text with the metadata; raise :class:`CableParseError` without an id."""
        cable = self._parse(self.reference_id)
        if not cable.reference_id and self.fallback_id:
            cable = self._parse(self.fallback_id)
        if not cable.reference_id:
            raise CableParseError(
                "no reference id: none given by the file and none found in the text",
                source=self.source,
                line=self.line,
                field="reference_id",
            )
        return self._complete(cable)

    def _parse(self, reference_id: str | None) -> Cable:
        return parse_cable(
            self.text,
            reference_id=reference_id,
            created=self.created,
            released=self.released,
            origin=self.origin,
            classification=self.classification,
            source=self.source,
        )

    def _complete(self, cable: Cable) -> Cable:
        """Fill in what only the container knew."""
        changes: dict[str, object] = {}
        if self.subject and not cable.subject:
            changes["subject"] = self.subject
        # Most containers list no references; the parsed ones hold no duplicates.
        if self.references:
            extra = [canonical_reference_id(ref) or ref.strip() for ref in self.references]
            references = tuple(dict.fromkeys((*cable.references, *filter(None, extra))))
            if references != cable.references:
                changes["references"] = references
        if self.notes:
            changes["warnings"] = (*cable.warnings, *self.notes)
        return dataclasses.replace(cable, **changes) if changes else cable


@dataclasses.dataclass(frozen=True, slots=True)
class ReadFailure:
    """A cable or file that could not be read: where, and why."""

    message: str
    source: str | None = None
    reference_id: str | None = None
    line: int | None = None
    field: str | None = None

    @classmethod
    def from_error(cls, error: CableParseError) -> ReadFailure:
        return cls(error.reason, error.source, error.reference_id, error.line, error.field)

    def error(self) -> CableParseError:
        """The failure as the exception ``errors="raise"`` raises."""
        return CableParseError(
            self.message,
            reference_id=self.reference_id,
            source=self.source,
            line=self.line,
            field=self.field,
        )
