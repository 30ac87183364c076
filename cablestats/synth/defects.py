"""Realistic defects that readers must tolerate, planted at realistic rates.

Real cables carry slips that change nothing a reader should return: a TAGS
line without its colon (``TAGS PGOV PREL ML``) or in lower case (``Tags:
pgov, prel, ml``), tags continued on the next line, stray spaces in the
front matter.  Empty extracts (metadata only, no text) are records too; they
are chosen in :mod:`cablestats.synth.plan` because they change the record.
:data:`DEFECT_RATES` gives each defect's share of cables; a cable may carry
several.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["DEFECTS", "DEFECT_RATES", "EMPTY_EXTRACT_RATE", "apply_defects", "choose_defects"]

#: Share of cables carrying each text defect.
DEFECT_RATES: dict[str, float] = {
    "tags_no_colon": 0.02,
    "tags_continued": 0.02,
    "tags_lower_case": 0.005,
    "stray_spaces": 0.02,
}

#: Share of cables that are empty extracts (metadata only).
EMPTY_EXTRACT_RATE = 0.003

DEFECTS: tuple[str, ...] = tuple(DEFECT_RATES)

_TAGS_LINE_RE = re.compile(r"^TAGS:? (.*)$", re.M)
_SUBJECT_LINE_RE = re.compile(r"^SUBJECT: ", re.M)


def choose_defects(rng: np.random.Generator, n: int) -> list[frozenset[str]]:
    """The defects of each of ``n`` cables, drawn independently at :data:`DEFECT_RATES`."""
    rates = np.array(list(DEFECT_RATES.values()))
    hits = rng.random((n, len(rates))) < rates
    names = np.array(DEFECTS, dtype=object)
    return [frozenset(names[row]) if row.any() else frozenset() for row in hits]


def _tags(line: str) -> list[str]:
    return [tag for tag in re.split(r"[\s,]+", line) if tag]


def apply_defects(text: str, defects: frozenset[str]) -> str:
    """``text`` (a rendered body) with ``defects`` applied to its front matter."""
    if not defects:
        return text
    match = _TAGS_LINE_RE.search(text)
    if match:
        tags = _tags(match.group(1))
        separator = ", " if "," in match.group(1) else " "
        keyword = "TAGS" if "tags_no_colon" in defects else "TAGS:"
        if "tags_lower_case" in defects:
            keyword, tags, separator = "Tags:", [tag.lower() for tag in tags], ", "
        if "stray_spaces" in defects:
            keyword, separator = keyword + " ", separator + " "
        line = f"{keyword} {separator.join(tags)}"
        if "tags_continued" in defects and len(tags) > 1:
            # A wrapped TAGS line carries its last few tags over.
            cut = len(tags) - min(3, len(tags) - 1)
            comma = separator.rstrip() if separator.strip() else ""
            line = f"{keyword} {separator.join(tags[:cut])}{comma}\n{separator.join(tags[cut:])}"
        text = text[: match.start()] + line + text[match.end() :]
    if "stray_spaces" in defects:
        text = _SUBJECT_LINE_RE.sub("SUBJECT:  ", text, count=1)
    return text
