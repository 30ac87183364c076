"""A batch of planned cables → drafts: text, TAGS, subject, addressees, front matter.

:class:`Assembler` holds what every batch shares (the lexicon with country
names and planted terms, the sentence bank, the addressing tables) and turns
rows of a :class:`~cablestats.synth.plan.Plan` into
:class:`~cablestats.synth.draft.Draft` objects.  Text comes from
:func:`~cablestats.synth.text.compose_paragraphs` in one call per batch,
counts from numpy in bulk; the few scalar choices left per cable
(:mod:`cablestats.synth.frontmatter`, :mod:`cablestats.synth.routing`) use a
:class:`random.Random` seeded from the batch's generator.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from cablestats.synth import frontmatter
from cablestats.synth.defects import choose_defects
from cablestats.synth.draft import Draft, Layout
from cablestats.synth.language import COUNTRIES
from cablestats.synth.people import chief_of_mission
from cablestats.synth.plan import LEVELS, PRECEDENCES, Plan
from cablestats.synth.posts import Post, post_directory
from cablestats.synth.routing import Addressing
from cablestats.synth.signals import Burst, Trend, expected_counts
from cablestats.synth.text import Lexicon, SentenceBank, compose_paragraphs
from cablestats.synth.themes import GROUPS, Theme

__all__ = ["Assembler"]

# Placeholder for the post's own country in partner tables.
_OWN = -1
#: Candidates per cable and theme for a ``{c}`` slot; divisible by 1–6 so that
#: partner lists of those lengths are sampled uniformly.
_COUNTRY_SLOTS = 60
#: Paragraphs of a cable's body: log-normal around this median, within bounds.
BODY_PARAGRAPHS_MEDIAN, BODY_PARAGRAPHS_SIGMA, BODY_PARAGRAPHS_RANGE = 8.0, 0.7, (1, 40)
#: Mean sentences of a body paragraph beyond the first.
EXTRA_SENTENCES = 5.5
SUMMARY_SHARE, COMMENT_SHARE = 0.75, 0.25
#: Share of posts writing ``TAGS PGOV, ML`` instead of ``TAGS: PGOV ML``.
COMMA_TAGS_SHARE = 0.3

#: Share of cables, by year, whose paragraphs are one line each (later years
#: reached WikiLeaks that way more often); years before 2007 have none.
UNWRAPPED_SHARES = {2007: 0.25, 2008: 0.45, 2009: 0.45, 2010: 0.5}
#: INFO addressees: none for this share of cables, else one plus a Poisson number.
NO_INFO_SHARE, MEAN_EXTRA_INFO = 0.1, 4.5


class Assembler:
    """Turns plan rows into drafts for an archive with given themes and planted terms.

    Parameters
    ----------
    plan
        The archive's plan.
    themes, trends, bursts
        What is planted.
    reference_period
        The month (months since year 0) at which trends have their base rate.
    seed
        The archive's seed, which also names the officers.
    """

    def __init__(
        self,
        plan: Plan,
        *,
        themes: Sequence[Theme],
        trends: Sequence[Trend],
        bursts: Sequence[Burst],
        reference_period: float,
        seed: int,
    ) -> None:
        self.plan, self.themes, self.seed = plan, tuple(themes), seed
        self.trends, self.bursts = tuple(trends), tuple(bursts)
        self.reference_period = reference_period
        self.directory = post_directory()
        self.addressing = Addressing(list(self.directory.values()))
        self.country_tags = {
            name: tag
            for theme in themes
            for part in theme.partners
            for name, tag in part.countries.items()
        } | {
            post.country_name: post.country for post in self.directory.values() if post.country_name
        }
        planted = [term.term for term in (*self.trends, *self.bursts)]
        names = sorted(self.country_tags) + list(COUNTRIES)
        self.lexicon = Lexicon.build(self.themes, [*names, *planted])
        self.bank = SentenceBank.build()
        self.planted_ids = np.array([self.lexicon.extra_id(term) for term in planted])
        self.fallback_ids = np.array([self.lexicon.extra_id(name) for name in COUNTRIES])
        self.tag_of_id = {
            self.lexicon.extra_id(name): tag for name, tag in self.country_tags.items()
        }
        self.country_names = {tag: name for name, tag in self.country_tags.items()}
        self.own_ids = {
            post.post: self.lexicon.extra_id(post.country_name)
            for post in self.directory.values()
            if post.country_name
        }
        self._partner_tables: dict[tuple[int, int], np.ndarray] = {}
        self.neighbours = {
            region: [
                frontmatter.title_case(p.place.lower())
                for p in self.directory.values()
                if p.region == region and p.kind == "embassy"
            ]
            for region in {p.region for p in self.directory.values()}
        }

    # -- countries -------------------------------------------------------------

    def _partner_table(self, group: int, period: int) -> np.ndarray:
        """Partner ids per theme for a group and month, :data:`_OWN` marking the own country."""
        key = (group, period)
        if key not in self._partner_tables:
            month = dt.date(period // 12, period % 12 + 1, 1)
            rows = []
            for theme in self.themes:
                partners = theme.partners_for(GROUPS[group], month)
                ids = [self.lexicon.extra_id(name) for name in partners]
                rows.append(np.resize(np.array([*ids, _OWN]), _COUNTRY_SLOTS))
            self._partner_tables[key] = np.stack(rows)
        return self._partner_tables[key]

    def _country_candidates(
        self, rows: np.ndarray, posts: list[Post], rng: np.random.Generator
    ) -> np.ndarray:
        """For each cable and theme, the country ids a ``{c}`` slot picks from.

        A theme's partners in the cable's group and month, and the post's own
        country (or, for posts in no country, a general name such as
        "the international community").
        """
        plan = self.plan
        table = np.stack(
            [self._partner_table(int(plan.group[row]), int(plan.period[row])) for row in rows]
        )
        fallback = self.fallback_ids[rng.integers(len(self.fallback_ids), size=len(rows))]
        own = np.array([self.own_ids.get(post.post, -1) for post in posts], dtype=np.int64)
        own = np.where(own >= 0, own, fallback)
        return np.where(table == _OWN, own[:, None, None], table)

    # -- batch -----------------------------------------------------------------

    def drafts(self, rows: np.ndarray, rng: np.random.Generator) -> list[Draft]:
        """Drafts for plan rows ``rows`` (consecutive), drawn with ``rng``."""
        plan = self.plan
        posts = [self.directory[post] for post in plan.posts[rows]]
        n = len(rows)
        body_counts = np.clip(
            np.round(rng.lognormal(np.log(BODY_PARAGRAPHS_MEDIAN), BODY_PARAGRAPHS_SIGMA, n)),
            *BODY_PARAGRAPHS_RANGE,
        ).astype(np.int64)
        has_summary = rng.random(n) < SUMMARY_SHARE
        has_comment = rng.random(n) < COMMENT_SHARE
        kinds = [
            [frontmatter.SUMMARY] * s + [frontmatter.BODY] * b + [frontmatter.COMMENT] * c
            for s, b, c in zip(
                has_summary.tolist(), body_counts.tolist(), has_comment.tolist(), strict=True
            )
        ]
        paragraph_cable = np.repeat(np.arange(n), [len(k) for k in kinds])
        flat_kinds = np.array([kind for cable in kinds for kind in cable])
        sentence_counts = np.where(
            flat_kinds == frontmatter.BODY,
            1 + rng.poisson(EXTRA_SENTENCES, len(flat_kinds)),
            rng.integers(1, 4, len(flat_kinds)),
        )
        per_cable = np.bincount(paragraph_cable, weights=sentence_counts, minlength=n)
        rates = expected_counts(
            plan.years[rows] * 12,
            per_cable * self.bank.tokens_per_sentence,
            trends=self.trends,
            bursts=self.bursts,
            reference_period=self.reference_period,
        )
        texts, mentions = compose_paragraphs(
            rng,
            mixtures=plan.mixture[rows],
            paragraph_cable=paragraph_cable,
            sentence_counts=sentence_counts,
            countries=self._country_candidates(rows, posts, rng),
            planted_rates=rates,
            planted_ids=self.planted_ids,
            lexicon=self.lexicon,
            bank=self.bank,
        )
        defects = choose_defects(rng, n)
        info_counts = np.where(
            rng.random(n) < NO_INFO_SHARE, 0, 1 + rng.poisson(MEAN_EXTRA_INFO, n)
        ).tolist()
        # Two theme terms per cable for its subject and headings, drawn in bulk.
        leading = plan.mixture[rows].argmax(axis=1)
        terms = self.lexicon.words[self.lexicon.draw(np.repeat(leading, 2), rng)].reshape(n, 2)
        scalar = random.Random(int(rng.integers(2**63)))
        drafts = []
        start = 0
        for i, row in enumerate(rows.tolist()):
            count = len(kinds[i])
            named = [
                self.tag_of_id[word]
                for word, _ in Counter(mentions[i].tolist()).most_common()
                if word in self.tag_of_id
            ]
            drafts.append(
                self._draft(
                    row,
                    posts[i],
                    kinds[i],
                    texts[start : start + count],
                    named,
                    terms[i].tolist(),
                    defects[i],
                    info_counts[i],
                    scalar,
                )
            )
            start += count
        return drafts

    # -- one cable -------------------------------------------------------------

    def _draft(
        self,
        row: int,
        post: Post,
        kinds: list[int],
        texts: list[str],
        named: list[str],
        terms: list[str],
        defects: frozenset[str],
        info_count: int,
        rng: random.Random,
    ) -> Draft:
        """One draft; ``named`` are TAGS of the countries the text names, most named first."""
        plan = self.plan
        created = dt.datetime.fromtimestamp(int(plan.minutes[row]) * 60, dt.UTC)
        if plan.empty[row]:
            # Empty extracts survive as text dumps, which date cables to the day.
            created = created.replace(hour=0, minute=0)
        level = LEVELS[plan.level[row]]
        caveats = tuple(
            caveat
            for caveat, flag in (
                ("NOFORN", plan.noforn[row]),
                ("SENSITIVE BUT UNCLASSIFIED", plan.sensitive[row]),
                ("SIPDIS", plan.sipdis[row]),
            )
            if flag
        )
        precedence = PRECEDENCES[plan.precedence[row]]
        mixture = plan.mixture[row]
        ranked = np.argsort(-mixture, kind="stable")[:2].tolist()
        chief = chief_of_mission(self.seed, post.post, created.year, created.month)
        station, relays = self.addressing.header_lines(post, rng)
        paragraphs, summary = frontmatter.paragraphs(
            level, caveats, kinds, texts, self.neighbours.get(post.region) or ["London"], rng
        )
        # Headings are placed among the composed paragraphs; an opening one shifts them.
        shift = len(paragraphs) - len(kinds)
        headings = {
            index + shift: text for index, text in frontmatter.headings(kinds, terms, rng).items()
        }
        comma_style = zlib.crc32(post.post.encode()) % 1000 < COMMA_TAGS_SHARE * 1000
        layout = Layout(
            tags_style="commas" if comma_style else "colon",
            eo_style="bare" if comma_style and zlib.crc32(post.post.encode()) % 2 else "colon",
            double_sipdis=rng.random() < 0.3,
            wrapped=rng.random() >= UNWRAPPED_SHARES.get(created.year, 0.0),
            section_lines=rng.randint(60, 100),
            headings=headings,
            relays=relays,
            station=station,
            defects=defects,
        )
        country = post.country_name or (self.country_names[named[0]] if named else "Demarche")
        return Draft(
            reference_id=str(plan.reference_ids[row]),
            serial=int(plan.serial[row]),
            post=post,
            created=created,
            classification=level,
            caveats=caveats,
            precedence=precedence,
            recipients=self.addressing.recipients(post, precedence, rng),
            info_recipients=self.addressing.info_recipients(
                post, created, precedence, info_count, rng
            ),
            tags=frontmatter.tags(self.themes, ranked, mixture[ranked[1]], post, named, rng),
            subject=frontmatter.subject(country, terms, rng),
            references=tuple(str(ref) for ref in plan.reference_ids[plan.cited(row)]),
            classified_by=frontmatter.classified_by(level, post, created, chief, self.seed, rng),
            declassify_on=frontmatter.declassify_on(level, created, rng),
            paragraphs=paragraphs,
            summary=summary,
            signer=chief.signature,
            layout=layout,
            empty=bool(plan.empty[row]),
        )
