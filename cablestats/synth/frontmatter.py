"""Per-cable choices around the prose: subject, TAGS, paragraphs, headings, classifier.

Each function makes a few scalar random choices with a :class:`random.Random`
(far cheaper per call than numpy) from what the batch already drew: the
cable's theme ranking, the countries its text names, its paragraph texts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from cablestats.cable import Paragraph
from cablestats.synth.draft import ClassifiedBy
from cablestats.synth.people import CLASSIFIER_TITLES, Officer, deputy, person
from cablestats.synth.posts import Post
from cablestats.synth.themes import Theme

__all__ = [
    "BODY",
    "COMMENT",
    "SUMMARY",
    "classified_by",
    "declassify_on",
    "headings",
    "paragraphs",
    "subject",
    "tags",
    "title_case",
]

#: Paragraph kinds, in the order a cable holds them.
SUMMARY, BODY, COMMENT = 0, 1, 2

OPENING_SHARE, HEADINGS_SHARE = 0.12, 0.6

# Paragraph markings by (level or SENSITIVE, NOFORN): markings and their weights.
_MARKINGS = {
    ("UNCLASSIFIED", False): (("U",), (1.0,)),
    ("SENSITIVE", False): (("SBU", "U"), (0.8, 0.2)),
    ("CONFIDENTIAL", False): (("C", "SBU", "U"), (0.7, 0.2, 0.1)),
    ("CONFIDENTIAL", True): (("C", "C/NF", "SBU"), (0.5, 0.3, 0.2)),
    ("SECRET", False): (("S", "C", "SBU", "U"), (0.55, 0.3, 0.1, 0.05)),
    ("SECRET", True): (("S/NF", "S", "C", "SBU"), (0.5, 0.2, 0.25, 0.05)),
}
_SUBJECTS = (
    "{c}: {t} ON THE AGENDA",
    "{c}: NEW PUSH ON {t}",
    "{c}: GOVERNMENT VIEWS ON {t} AND {u}",
    "{c} PRESSES FOR PROGRESS ON {t}",
    "{c}: {t} UPDATE",
    "{c}: MINISTER DISCUSSES {t} WITH AMBASSADOR",
    "{c}: CONCERNS OVER {t}",
    "{c}: SLOW PROGRESS ON {t}",
    "{c}: MIXED SIGNALS ON {t}",
    "{c}: OPPOSITION CRITICIZES {t}",
    "{c}: READOUT OF TALKS ON {t} AND {u}",
    "SCENESETTER: {t} AND {u} IN {c}",
)
_HEADINGS = ("{t} on the Agenda", "Background", "Views on {t}", "{t} and {u}", "Next Steps")
_OPENINGS = (
    "This is an action request; please see paragraph {k}.",
    "Embassies {a} and {b} have cleared on this message.",
    "This message has been coordinated with the country team.",
)
# E.O. 12958 as amended in March 2003 moved the reasons from section 1.5 to 1.4.
_REASONS_OLD = ("1.5 (b) and (d)", "1.5 (b), (d)")
_REASONS = ("1.4 (b) and (d)", "1.4 (b), (d)", "1.4 (d)", "1.4 (b/d)", "1.4 (c)")
_REASONS_FROM = dt.datetime(2003, 3, 25, tzinfo=dt.UTC)


def title_case(text: str) -> str:
    """Capitalise each word's first letter, leaving acronyms alone."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


def tags(
    themes: Sequence[Theme],
    ranked: Sequence[int],
    second_share: float,
    post: Post,
    named: Sequence[str],
    rng: random.Random,
) -> tuple[str, ...]:
    """Subject tags of the leading themes, then the post's and the named countries' tags.

    ``ranked`` orders the themes by share; ``named`` are the TAGS of the
    countries the text names, most often named first.
    """
    first = themes[ranked[0]]
    found = list(first.tags[: 2 + (rng.random() < 0.3)])
    if second_share >= 0.2:
        found.append(themes[ranked[1]].tags[0])
    if post.country:
        found.append(post.country)
    found += named[:4]
    return tuple(dict.fromkeys(found))


def subject(country: str, terms: Sequence[str], rng: random.Random) -> str:
    """A subject line about ``country`` and two terms of the leading theme, in capitals."""
    return rng.choice(_SUBJECTS).format(c=country, t=terms[0], u=terms[1]).upper()


def headings(kinds: Sequence[int], terms: Sequence[str], rng: random.Random) -> dict[int, str]:
    """Headings before some body paragraphs (not the first), in most longer cables."""
    body = [index for index, kind in enumerate(kinds) if kind == BODY][1:]
    if len(body) < 3 or rng.random() >= HEADINGS_SHARE:
        return {}
    chosen = sorted(rng.sample(body, min(len(body), rng.randint(2, 4))))
    return {
        index: title_case(rng.choice(_HEADINGS).format(t=terms[0], u=terms[1])) for index in chosen
    }


def _markings(
    level: str, caveats: Sequence[str], count: int, rng: random.Random
) -> list[str | None]:
    sensitive = "SENSITIVE BUT UNCLASSIFIED" in caveats
    key = ("SENSITIVE" if sensitive else level, "NOFORN" in caveats)
    options, weights = _MARKINGS[key]
    if key == ("UNCLASSIFIED", False) and rng.random() < 0.5:
        return [None] * count  # many unclassified cables mark no paragraph
    return rng.choices(options, weights, k=count)


def paragraphs(
    level: str,
    caveats: Sequence[str],
    kinds: Sequence[int],
    texts: Sequence[str],
    neighbours: Sequence[str],
    rng: random.Random,
) -> tuple[tuple[Paragraph, ...], str | None]:
    """Numbered, marked paragraphs and the summary's text (``None`` without one).

    ``kinds`` and ``texts`` give each composed paragraph; a short opening
    paragraph (action request, clearances), sometimes unnumbered, may come
    first; ``neighbours`` names the embassies that clear.
    """
    marks = _markings(level, caveats, len(kinds) + 1, rng)
    found: list[Paragraph] = []
    summary = None
    if rng.random() < OPENING_SHARE:
        opening = rng.choice(_OPENINGS).format(
            k=len(kinds), a=rng.choice(neighbours), b=rng.choice(neighbours)
        )
        numbered = rng.random() < 0.8 or marks[0] is None
        found.append(Paragraph(1 if numbered else None, marks[0], opening))
    number = 1 if not found else (found[0].number or 0) + 1
    for kind, text, mark in zip(kinds, texts, marks[1:], strict=True):
        if kind == SUMMARY:
            summary = text
            text = f"Summary: {text} End Summary."
        elif kind == COMMENT:
            text = f"Comment: {text} End Comment."
        found.append(Paragraph(number, mark, text))
        number += 1
    return tuple(found), summary


def classified_by(
    level: str, post: Post, created: dt.datetime, chief: Officer, seed: int, rng: random.Random
) -> ClassifiedBy | None:
    """Who classified the cable and why; ``None`` for unclassified cables."""
    if level == "UNCLASSIFIED":
        return None
    reasons = rng.choice(_REASONS if created >= _REASONS_FROM else _REASONS_OLD)
    roll = rng.random()
    if roll < 0.5 or post.post == "STATE":
        title, name = ("Secretary" if post.post == "STATE" else "Ambassador"), chief.name
    elif roll < 0.75:
        title, name = "Deputy Chief of Mission", deputy(seed, post.post, created.year).name
    else:
        title = rng.choice(CLASSIFIER_TITLES)
        name = person(seed, post.post, title, created.year).name
    return ClassifiedBy(title, name, reasons)


def declassify_on(level: str, created: dt.datetime, rng: random.Random) -> dt.date | None:
    """Declassification date: mostly ten years on; ``None`` for unclassified cables."""
    if level == "UNCLASSIFIED":
        return None
    years = rng.choices((10, 25, 5), (0.8, 0.1, 0.1))[0]
    day = created.date()
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
