"""A draft → raw cable text: routing header and body, laid out like real telegrams.

The header has the teletype preamble (``VZCZC`` station line, relay line,
``DE`` line with the sender's routing indicator, serial and filing time,
``ZNY CCCCC ZZH``), the date-time group and the ``FM``/``TO``/``INFO``
block.  The body starts at the classification line and holds handling
markings, the front matter (``E.O. 12958``, ``TAGS``, ``SUBJECT``, ``REF``,
``Classified By``), numbered paragraphs with markings, section headings
between rules, section breaks (``BAMAKO 00000504 002 OF 002``) every
``section_lines`` lines and the signer's surname on the last line.  Prose is
wrapped at :data:`WIDTH` columns, as the cable viewer shows it.
"""

from __future__ import annotations

import math
import re

from cablestats.cable import Recipient
from cablestats.synth.defects import apply_defects
from cablestats.synth.draft import Draft

__all__ = ["WIDTH", "render_body", "render_header", "wrap"]

#: Column at which prose is wrapped.
WIDTH = 64

_WRAP_RE = re.compile(rf"(\S.{{0,{WIDTH - 1}}})(?: +|$)")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_SPACED = {"CONFIDENTIAL": "C O N F I D E N T I A L", "SECRET": "S E C R E T"}
_TRAFFIC = {
    "UNCLASSIFIED": "ZNR UUUUU ZZH",
    "CONFIDENTIAL": "ZNY CCCCC ZZH",
    "SECRET": "ZNY SSSSS ZZH",
}
_HANDLING = {"NOFORN": "NOFORN", "SENSITIVE BUT UNCLASSIFIED": "SENSITIVE", "SIPDIS": "SIPDIS"}
# E.O. 13526 replaced E.O. 12958 at the end of 2009.
_NEW_ORDER_FROM = (2009, 12, 29)


def wrap(text: str) -> list[str]:
    """Greedy line wrapping at spaces, at :data:`WIDTH` columns (no word is that long)."""
    return _WRAP_RE.findall(text)


def _addressee(recipient: Recipient) -> str:
    parts = [f"{recipient.route}/{recipient.name}" if recipient.route else recipient.name]
    parts += [part for part in (recipient.precedence, recipient.mcn) if part]
    return " ".join(parts)


def render_header(draft: Draft) -> str:
    """The routing header, from the station line to the last ``INFO`` addressee."""
    created = draft.created
    julian = created.timetuple().tm_yday
    lines = [
        draft.layout.station,
        " ".join([draft.precedence * 2, *draft.layout.relays]),
        f"DE {draft.post.route} #{draft.serial % 10000:04d}/01 {julian:03d}{created:%H%M}",
        _TRAFFIC[draft.classification],
        f"{draft.precedence} {created:%d%H%M}Z {_MONTHS[created.month - 1]} {created:%y}",
        f"FM {draft.post.sender}",
    ]
    for keyword, block in (("TO", draft.recipients), ("INFO", draft.info_recipients)):
        for index, recipient in enumerate(block):
            lines.append(
                f"{keyword} {_addressee(recipient)}" if index == 0 else _addressee(recipient)
            )
    return "\n".join(lines)


def _classification_line(draft: Draft, sections: int) -> str:
    level = _SPACED.get(draft.classification, "UNCLAS")
    section = f" SECTION 01 OF {sections:02d}" if sections > 1 else ""
    return f"{level}{section} {draft.post.place} {draft.serial:06d}"


def _handling_lines(draft: Draft) -> list[str]:
    markings = [_HANDLING[caveat] for caveat in draft.caveats]
    if draft.layout.double_sipdis and markings == ["SIPDIS"]:
        return ["SIPDIS", "", *markings]
    return markings


def _eo_line(draft: Draft) -> str:
    created = draft.created
    order = "13526" if (created.year, created.month, created.day) >= _NEW_ORDER_FROM else "12958"
    decl = f"DECL: {draft.declassify_on:%m/%d/%Y}" if draft.declassify_on else "N/A"
    if draft.layout.eo_style == "bare":
        return f"EO {order} {decl}"
    return f"E.O. {order}: {decl}"


def _tags_line(draft: Draft) -> str:
    if draft.layout.tags_style == "commas":
        return f"TAGS {', '.join(draft.tags)}"
    return f"TAGS: {' '.join(draft.tags)}"


def _reference_lines(draft: Draft) -> list[str]:
    year = draft.created.year % 100
    written = []
    for reference in draft.references:
        ref_year = int(reference[:2])
        serial = int(re.search(r"\d+$", reference).group())
        prefix = "" if ref_year == year else f"{ref_year:02d} "
        written.append(f"{prefix}{draft.post.place} {serial}")
    if len(written) == 1:
        return [f"REF: {written[0]}"]
    letters = [f"{chr(ord('A') + index)}. {ref}" for index, ref in enumerate(written)]
    return [f"REF: {letters[0]}", *(f"     {line}" for line in letters[1:])]


def _front_matter(draft: Draft) -> list[str]:
    lines = [_eo_line(draft), _tags_line(draft), *wrap(f"SUBJECT: {draft.subject}"), ""]
    if draft.references:
        lines += [*_reference_lines(draft), ""]
    if draft.classified_by:
        lines += [*wrap(draft.classified_by.line), ""]
    return lines


def _paragraph_lines(draft: Draft) -> list[str]:
    lines: list[str] = []
    headings = draft.layout.headings
    for index, paragraph in enumerate(draft.paragraphs):
        if index in headings:
            rule = "-" * len(headings[index])
            lines += [rule, headings[index], rule, ""]
        opening = f"{paragraph.number}. " if paragraph.number is not None else ""
        if paragraph.classification:
            opening += f"({paragraph.classification}) "
        text = opening + paragraph.text
        lines += [*(wrap(text) if draft.layout.wrapped else [text]), ""]
    return lines


def render_body(draft: Draft) -> str:
    """The cable from its classification line to the signer, with planted defects."""
    top = _handling_lines(draft)
    rest = ["", *_front_matter(draft), *_paragraph_lines(draft)]
    if draft.signer:
        rest.append(draft.signer)
    per_section = draft.layout.section_lines
    sections = max(1, math.ceil((len(top) + len(rest)) / per_section))
    lines = [_classification_line(draft, sections), "", *top, *rest]
    for section in range(sections, 1, -1):
        at = (section - 1) * per_section
        stamp = f"{draft.post.place} {draft.serial:08d} {section:03d} OF {sections:03d}"
        lines[at:at] = ["", stamp, ""]
    return apply_defects("\n".join(lines), draft.layout.defects)
