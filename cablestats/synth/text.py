"""Paragraph text from sentence templates, drawn in bulk.

A template is a sentence of cable prose with slots (``{t}``, ``{p}``, ...;
see :mod:`cablestats.synth.language`).  For a batch of cables everything
random is drawn with numpy at once: each paragraph's theme, each sentence's
theme (the paragraph's, or a fresh draw from the cable's mixture), template
and slot words; planted trend and burst terms then replace randomly chosen
theme or noun slots.  Only the final ``str.format`` runs once per sentence in
Python.  Slot words come from one :class:`Lexicon` whose blocks (one per
theme, one per pool) are sampled with a single ``searchsorted`` over stacked
cumulative weights.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from cablestats.synth.language import POOL_NAMES, POOLS
from cablestats.synth.themes import Theme, zipf_weights

__all__ = ["TAILS", "TEMPLATES", "Lexicon", "SentenceBank", "compose_paragraphs"]

#: Probability that a sentence keeps its paragraph's theme rather than drawing its own.
PARAGRAPH_COHERENCE = 0.7

TEMPLATES: tuple[str, ...] = (
    "{p} {v} that the {t} remained {e} {g} for the government.",
    "{d}, {p} met with {p} to discuss {t} and {t}.",
    "According to {p}, the {a} {g} on {t} will be presented to the cabinet {d}.",
    "{p} {v} that {c} was prepared to {b} the {t} if the {g} allowed.",
    "The {g} reflects {a} {g} about {t} in {c}.",
    "We expect the {t} issue to come up again during the {a} {g}.",
    "{p} {v} Poloff that {t} had become the {a} {g} of the ministry.",
    "In {e} {g} with the Ambassador, {p} {v} that the government would {b} its {t} efforts.",
    "Post will continue to {b} the {t} question and report further developments.",
    "{n} rounds of talks on {t} have been held since the beginning of the year.",
    "The {a} {t} program, funded at {n} million dollars, is expected to {b} the {g}.",
    "{p} asked for U.S. help to {b} the {t} and the {t}.",
    "It remains unclear whether the {g} will {b} the {t} before the end of the year.",
    "Embassy officers raised {t} with {p} {d}.",
    "{p} characterized the {g} as {a} but {v} that {t} would take time.",
    "Press reports indicate that {c} has offered to {b} {t} in the region.",
    "The {g} has not yet decided how to {b} the {a} {t}.",
    "Without {a} {g}, {p} {v}, the {t} would not succeed.",
    "Post recommends that Washington {b} the {t} at the next {g}.",
    "{p} welcomed U.S. {g} on {t} and {v} that {c} valued the partnership.",
    "There is {a} {g} within the ministry over {t}.",
    "The {t} is likely to remain {e} {g} in relations with {c}.",
    "{p} {v} that the {g} had made {a} progress on {t}.",
    "On {t}, {p} was more cautious.",
    "Contacts {v} that {t} and {t} dominate the {a} {g}.",
    "The government has allocated {n} million dollars to {t} this year.",
    "{p} pressed for {e} {g} on {t} with {c}.",
    "We will follow up with {p} on the {t} and the {g}.",
    "This {g} marks {e} shift in the government's approach to {t}.",
    "Asked about {t}, {p} {v} that the matter was under {a} review.",
    "{c} and {c} agreed to {b} their cooperation on {t}.",
    "The {a} {g} underscores the importance of {t} for {c}.",
    "Officials from {c} briefed {p} on {t} {d}.",
    "The ministry's {g} on {t} was published {d}.",
    "{p} {v} that {n} {t} cases were under review.",
    "As reported in reftel, the {t} has been {e} {g} for some time.",
    "The Ambassador urged {p} to {b} the {t} without delay.",
    "{p} expressed frustration with the slow pace of {t}.",
    "Despite {a} {g}, {t} remains a top priority for {c}.",
    "{p} {v} that the {t} was linked to the {a} {g}.",
    "Econoff and Poloff discussed {t} with {p} {d}.",
    "The {g} covered {t}, {t} and {t}.",
    "{p} thanked the United States for its support on {t}.",
    "Ministry officials hope to {b} the {t} by the end of the year.",
    "{e} {g} from {c} is expected to arrive {d} to discuss {t}.",
    "{p} {v} that the {t} would not affect the {g}.",
    "Informed observers believe the {t} could {b} the {a} {g}.",
    "The question of {t} was not raised during the {g}.",
    "{p} described {t} as {e} problem for {c}.",
    "In response, {p} {v} that the government intends to {b} the {g} on {t}.",
    "The {a} debate over {t} has intensified in recent weeks.",
    "Post has repeatedly raised {t} with the {g}.",
    "We have no independent confirmation of the {t} figures.",
    "Local media gave {a} coverage to the {t}.",
    "{p} {v} that {c} would need {a} {g} to {b} the {t}.",
    "The Embassy will continue to engage {p} on {t}.",
    "{p} agreed that {t} should be on the agenda of the {a} {g}.",
    "Several questions about the {g} remain before the {t} can be finalized.",
    "{p} promised to {b} the {t} and to keep the Embassy informed.",
    "{p} {v} that {t} in {c} had improved, though {a} {g} persisted.",
    "Much of the {g} focused on {t}, where {c} has {e} stake.",
    "By most accounts, the {t} has become more {a} since the {g}.",
    "{p}, who has long followed {t}, {v} that little had changed.",
    "The {g} is {e} test of the government's commitment to {t}.",
    "{p} was blunt: the {t} cannot move forward without {g}.",
    "Turning to {t}, {p} {v} that the {g} was {a}.",
    "We understand that {c} is also weighing its options on {t}.",
    "The {a} figures on {t}, if accurate, point to {e} {g}.",
    "{p} declined to say whether {c} would {b} the {t}.",
    "Embassy will report septel on the {t} and the {a} {g}.",
    "{p} {v} that the {g} would {b} {t} within {n} months.",
    "Officials privately concede that the {t} has stalled.",
    "Opposition figures have seized on the {t} to {b} the {g}.",
    "{p} hinted that the {t} was tied to {g} with {c}.",
    "Poloff reminded {p} of U.S. views on {t}.",
    "Critics in the {g} have questioned the government's handling of {t}.",
    "The {t} and the {t} were the main topics of the {g}.",
    "{p} {v} that {c} saw {t} as {e} matter.",
    "In {a} terms, the {t} has so far produced {a} results.",
    "For now, {p} appears content to {b} the {t} quietly.",
)


#: Clauses appended to a share :data:`TAIL_SHARE` of sentences, before the full stop.
TAILS: tuple[str, ...] = (
    ", according to {p}",
    ", {p} {v}",
    ", and {p} expects further {g} on {t} {d}",
    " despite {e} {g} over {t}",
    ", a point {p} repeated several times during the {g}",
    " as part of {e} {g} with {c}",
    ", although {p} cautioned that the {t} remains {a}",
    " in the wake of the {a} {g}",
    ", which {p} described as {e} {g}",
    ", in line with the {a} {g} on {t}",
    " and pledged to {b} the {g} on {t} {d}",
    ", while {p} sought {e} {g} on the {t}",
)
TAIL_SHARE = 0.6


def _compile(template: str) -> tuple[str, tuple[str, ...]]:
    """``"{p} said {t}."`` → (``"{} said {}."``, ``("p", "t")``)."""
    kinds = tuple(re.findall(r"\{(\w)\}", template))
    return re.sub(r"\{\w\}", "{}", template), kinds


@dataclasses.dataclass(frozen=True)
class Lexicon:
    """Every word a slot can take, in blocks: one per theme, one per pool, then extras.

    ``words`` holds the strings; ``cumulative`` stacks each block's cumulative
    weights shifted by the block's index, so that the word of block ``k`` for
    a uniform ``u`` is ``searchsorted(cumulative, k + u)``.  Extras (countries,
    planted terms) have no weights: callers address them by id.
    """

    words: np.ndarray
    cumulative: np.ndarray
    block_end: np.ndarray
    n_themes: int
    extras: dict[str, int]

    @classmethod
    def build(cls, themes: Sequence[Theme], extras: Sequence[str]) -> Lexicon:
        """Blocks for ``themes`` (their Zipf weights) and the pools, then ``extras``."""
        blocks = [(theme.terms, theme.weights) for theme in themes]
        blocks += [(POOLS[name], zipf_weights(len(POOLS[name]), 1.0)) for name in POOL_NAMES]
        words: list[str] = []
        cumulative: list[np.ndarray] = []
        for index, (terms, weights) in enumerate(blocks):
            words += terms
            cumulative.append(np.cumsum(weights) + index)
        stacked = np.concatenate(cumulative)
        block_end = np.cumsum([len(terms) for terms, _ in blocks])
        return cls(
            words=np.array([*words, *extras], dtype=object),
            cumulative=stacked,
            block_end=block_end,
            n_themes=len(themes),
            extras={word: len(words) + index for index, word in enumerate(extras)},
        )

    def extra_id(self, word: str) -> int:
        """The id of an extra word (a country or planted term)."""
        try:
            return self.extras[word]
        except KeyError:
            raise KeyError(f"{word!r} is not an extra word of this lexicon") from None

    def draw(self, blocks: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """One word id from each block in ``blocks`` (theme ``k`` is block ``k``)."""
        ids = np.searchsorted(self.cumulative, blocks + rng.random(len(blocks)), side="right")
        # Rounding can push a draw at u ≈ 1 one past its block.
        return np.minimum(ids, self.block_end[blocks] - 1)


@dataclasses.dataclass(frozen=True)
class SentenceBank:
    """Sentences compiled to ``str.format`` strings, with their slot kinds as codes.

    Every template appears alone and with each of :data:`TAILS` appended;
    ``weights`` give a template alone ``1 - TAIL_SHARE`` of its share.  Slot
    codes: ``-1`` theme term, ``-2`` country, ``0..`` pool index in
    :data:`~cablestats.synth.language.POOL_NAMES`.
    """

    formats: tuple[str, ...]
    codes: np.ndarray
    n_slots: np.ndarray
    capitalize: np.ndarray
    weights: np.ndarray
    tokens_per_sentence: float

    THEME: ClassVar[int] = -1
    COUNTRY: ClassVar[int] = -2

    @classmethod
    def build(
        cls, templates: Sequence[str] = TEMPLATES, tails: Sequence[str] = TAILS
    ) -> SentenceBank:
        sentences = [(template, 1.0 - TAIL_SHARE) for template in templates] + [
            (template[:-1] + tail + template[-1], TAIL_SHARE / len(tails))
            for template in templates
            for tail in tails
        ]
        compiled = [_compile(template) for template, _ in sentences]
        width = max(len(kinds) for _, kinds in compiled)
        codes = np.full((len(compiled), width), -3, dtype=np.int64)
        code_of = {"t": cls.THEME, "c": cls.COUNTRY} | {
            name: index for index, name in enumerate(POOL_NAMES)
        }
        for row, (_, kinds) in enumerate(compiled):
            codes[row, : len(kinds)] = [code_of[kind] for kind in kinds]
        weights = np.array([weight for _, weight in sentences])
        weights /= weights.sum()
        # Slots add about one and a half words each (multi-word terms, actors).
        tokens = [len(fmt.split()) + 0.5 * len(kinds) for fmt, kinds in compiled]
        return cls(
            formats=tuple(fmt for fmt, _ in compiled),
            codes=codes,
            n_slots=np.array([len(kinds) for _, kinds in compiled]),
            capitalize=np.array([fmt.startswith("{") for fmt, _ in compiled]),
            weights=weights,
            tokens_per_sentence=float(np.dot(tokens, weights)),
        )


def _draw_categorical(weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One category per row of ``weights`` (rows sum to one)."""
    cumulative = np.cumsum(weights, axis=1)
    draws = rng.random(len(weights))[:, None] * cumulative[:, -1:]
    return np.minimum((draws > cumulative).sum(axis=1), weights.shape[1] - 1)


def compose_paragraphs(
    rng: np.random.Generator,
    *,
    mixtures: np.ndarray,
    paragraph_cable: np.ndarray,
    sentence_counts: np.ndarray,
    countries: np.ndarray,
    planted_rates: np.ndarray,
    planted_ids: np.ndarray,
    lexicon: Lexicon,
    bank: SentenceBank,
) -> tuple[list[str], list[np.ndarray]]:
    """The text of every paragraph of a batch of cables, and the countries each names.

    Parameters
    ----------
    rng
        The batch's random generator.
    mixtures
        Theme mixture of each cable, shape (cables, themes).
    paragraph_cable, sentence_counts
        For each paragraph, in order, the cable it belongs to and its number
        of sentences.
    countries
        Word ids of the countries a ``{c}`` slot may name, shape (cables,
        themes, k): for each cable and theme, ``k`` candidates drawn
        uniformly (repeat ids to weight them).
    planted_rates
        Expected occurrences of each planted term in each cable, shape
        (cables, planted terms).
    planted_ids
        Word ids of the planted terms.

    Returns
    -------
    paragraphs : list of str
        One string per paragraph, sentences joined by single spaces.
    mentions : list of numpy.ndarray
        For each cable, the word ids of the countries its ``{c}`` slots name.
    """
    n_cables = len(mixtures)
    n_paragraphs = len(paragraph_cable)
    paragraph_theme = _draw_categorical(mixtures[paragraph_cable], rng)
    sentence_paragraph = np.repeat(np.arange(n_paragraphs), sentence_counts)
    sentence_cable = paragraph_cable[sentence_paragraph]
    fresh = _draw_categorical(mixtures[sentence_cable], rng)
    keep = rng.random(len(sentence_paragraph)) < PARAGRAPH_COHERENCE
    sentence_theme = np.where(keep, paragraph_theme[sentence_paragraph], fresh)
    template = rng.choice(len(bank.formats), size=len(sentence_paragraph), p=bank.weights)

    n_slots = bank.n_slots[template]
    slot_sentence = np.repeat(np.arange(len(template)), n_slots)
    slot_position = np.arange(len(slot_sentence)) - np.repeat(np.cumsum(n_slots) - n_slots, n_slots)
    codes = bank.codes[template[slot_sentence], slot_position]
    slot_cable = sentence_cable[slot_sentence]
    slot_theme = sentence_theme[slot_sentence]

    ids = np.empty(len(codes), dtype=np.int64)
    drawn = codes != bank.COUNTRY
    blocks = np.where(codes == bank.THEME, slot_theme, lexicon.n_themes + codes)
    ids[drawn] = lexicon.draw(blocks[drawn], rng)
    country = ~drawn
    pick = rng.integers(countries.shape[2], size=int(country.sum()))
    ids[country] = countries[slot_cable[country], slot_theme[country], pick]

    _plant(rng, ids, codes, slot_cable, n_cables, planted_rates, planted_ids, bank)

    words = lexicon.words[ids].tolist()
    formats = bank.formats
    capitalize = bank.capitalize[template].tolist()
    sentences = []
    start = 0
    for tmpl, count, cap in zip(template.tolist(), n_slots.tolist(), capitalize, strict=True):
        sentence = formats[tmpl].format(*words[start : start + count])
        start += count
        sentences.append(sentence[0].upper() + sentence[1:] if cap else sentence)
    bounds = np.concatenate([[0], np.cumsum(sentence_counts)]).tolist()
    paragraphs = [" ".join(sentences[bounds[i] : bounds[i + 1]]) for i in range(n_paragraphs)]
    named = slot_cable[country]  # in cable order, as slots are
    mentions = np.split(ids[country], np.searchsorted(named, np.arange(1, n_cables)))
    return paragraphs, mentions


def _plant(
    rng: np.random.Generator,
    ids: np.ndarray,
    codes: np.ndarray,
    slot_cable: np.ndarray,
    n_cables: int,
    rates: np.ndarray,
    planted_ids: np.ndarray,
    bank: SentenceBank,
) -> None:
    """Put planted terms into theme and noun slots, a Poisson number per cable and term."""
    counts = rng.poisson(rates)
    if not counts.any():
        return
    noun = POOL_NAMES.index("g")
    candidates = np.flatnonzero((codes == bank.THEME) | (codes == noun))
    candidate_cable = slot_cable[candidates]
    first = np.searchsorted(candidate_cable, np.arange(n_cables))
    available = np.searchsorted(candidate_cable, np.arange(n_cables), side="right") - first
    cable, term = np.nonzero(counts)
    repeats = counts[cable, term]
    cable, term = np.repeat(cable, repeats), np.repeat(term, repeats)
    usable = available[cable] > 0
    cable, term = cable[usable], term[usable]
    offset = (rng.random(len(cable)) * available[cable]).astype(np.int64)
    ids[candidates[first[cable] + offset]] = planted_ids[term]
