"""One synthetic cable before rendering: its record fields plus how it is laid out.

A :class:`Draft` holds everything :mod:`cablestats.synth.render` needs to
write the cable and everything :meth:`Draft.to_cable` needs to state what a
reader must find in it.  Layout choices that leave no trace in the record
(a post's TAGS style, doubled ``SIPDIS`` lines, rules around headings) and the
planted defects live in :class:`Layout`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from cablestats.cable import Cable, Paragraph, Recipient
from cablestats.synth.posts import Post

__all__ = ["ClassifiedBy", "Draft", "Layout"]


@dataclasses.dataclass(frozen=True)
class ClassifiedBy:
    """A ``Classified By`` line: who (title and name), and the reasons."""

    title: str
    name: str
    reasons: str

    @property
    def line(self) -> str:
        """The line as the cable writes it (before wrapping)."""
        return f"Classified By: {self.title} {self.name} for reasons {self.reasons}."


@dataclasses.dataclass(frozen=True)
class Layout:
    """How a cable is laid out, where the record does not show it.

    ``double_sipdis`` repeats a lone ``SIPDIS`` line, as 2006 cables do;
    ``wrapped`` is false for cables whose paragraphs are one line each, as
    many later cables reached WikiLeaks.
    ``tags_style`` is ``"colon"`` (``TAGS: PGOV ML``) or ``"commas"`` (``TAGS
    PGOV, ML``, as some posts write it); ``eo_style`` ``"colon"`` (``E.O.
    12958: DECL: ...``) or ``"bare"`` (``EO 12958 DECL: ...``).
    ``section_lines`` is the number of lines per transmission section;
    ``headings`` maps paragraph indices to the section heading before them;
    ``defects`` names the planted defects (see :mod:`cablestats.synth.defects`).
    """

    tags_style: str = "colon"
    eo_style: str = "colon"
    double_sipdis: bool = False
    wrapped: bool = True
    section_lines: int = 110
    headings: dict[int, str] = dataclasses.field(default_factory=dict)
    relays: tuple[str, ...] = ()
    station: str = "VZCZCXRO0001"
    defects: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True)
class Draft:
    """A synthetic cable: record fields, the post that sends it and its layout.

    ``empty`` marks an empty extract: only the metadata survives (a dump's
    five lines, a page's table, a CSV row's columns), so its caveats are those
    of its label.
    """

    reference_id: str
    serial: int
    post: Post
    created: dt.datetime
    classification: str
    caveats: tuple[str, ...]
    precedence: str
    recipients: tuple[Recipient, ...]
    info_recipients: tuple[Recipient, ...]
    tags: tuple[str, ...]
    subject: str | None
    references: tuple[str, ...]
    classified_by: ClassifiedBy | None
    declassify_on: dt.date | None
    paragraphs: tuple[Paragraph, ...]
    summary: str | None
    signer: str | None
    layout: Layout
    empty: bool = False

    @property
    def label(self) -> str:
        """The classification as page metadata and CSV rows write it (``SECRET//NOFORN``)."""
        if "NOFORN" in self.caveats:
            return f"{self.classification}//NOFORN"
        if "SENSITIVE BUT UNCLASSIFIED" in self.caveats:
            return f"{self.classification}//FOR OFFICIAL USE ONLY"
        return self.classification

    @property
    def record_caveats(self) -> tuple[str, ...]:
        """The caveats a reader returns: label caveats first (``NOFORN``, then the
        ``FOR OFFICIAL USE ONLY`` that a sensitive unclassified cable is filed
        under), then the handling lines in the order the text gives them."""
        sensitive = (
            self.classification == "UNCLASSIFIED" and "SENSITIVE BUT UNCLASSIFIED" in self.caveats
        )
        labelled = ("NOFORN",) if "NOFORN" in self.caveats else ()
        labelled += ("FOR OFFICIAL USE ONLY",) if sensitive else ()
        return tuple(dict.fromkeys((*labelled, *self.caveats)))

    def to_cable(self) -> Cable:
        """The record a reader must return for this cable, whatever the format."""
        if self.empty:
            return Cable(
                reference_id=self.reference_id,
                created=self.created,
                origin=self.post.origin,
                classification=self.classification,
                caveats=tuple(self.label.split("//")[1:]),
            )
        return Cable(
            reference_id=self.reference_id,
            created=self.created,
            origin=self.post.origin,
            classification=self.classification,
            caveats=self.record_caveats,
            tags=self.tags,
            subject=self.subject,
            references=self.references,
            classified_by=(self.classified_by.name,) if self.classified_by else (),
            declassify_on=self.declassify_on,
            summary=self.summary,
            signer=self.signer,
            sender=self.post.sender,
            precedence=self.precedence,
            recipients=self.recipients,
            info_recipients=self.info_recipients,
            paragraphs=self.paragraphs,
            body=self.body,
        )

    @property
    def body(self) -> str:
        """The clean text for modelling: paragraph texts, and headings, one block each."""
        headings = self.layout.headings
        blocks = []
        for index, paragraph in enumerate(self.paragraphs):
            if index in headings:
                blocks.append(headings[index])
            blocks.append(paragraph.text)
        return "\n\n".join(blocks)
