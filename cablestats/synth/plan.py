"""The archive-wide plan: every cable's post, time, id, mixture and metadata, drawn at once.

Everything that ties cables together is decided here, with numpy, before any
text exists: which post sends each cable and when (from the real archive's
shape), serial numbers in date order per post and year, each cable's theme
mixture (a Dirichlet draw around the planted prevalence of its group and
month), its classification, precedence, whether it is an empty extract and
which earlier cables of its post it refers to.  The plan takes a few arrays
per cable, so a quarter of a million cables fit in a few tens of megabytes;
the text is written batch by batch from it.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Sequence

import numpy as np

from cablestats.synth.defects import EMPTY_EXTRACT_RATE
from cablestats.synth.posts import post_directory
from cablestats.synth.shape import ArchiveShape
from cablestats.synth.themes import GROUPS, Theme

__all__ = ["LEVELS", "Plan", "make_plan", "prevalence"]

#: Classification levels and their shares in Cablegate.
LEVELS: tuple[str, ...] = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
LEVEL_SHARES = (0.533, 0.405, 0.062)
#: Share of NOFORN cables among each level's cables (none are unclassified).
NOFORN_SHARES = (0.0, 0.046, 0.277)
#: Share of unclassified cables marked SENSITIVE (labelled FOR OFFICIAL USE ONLY).
SENSITIVE_SHARE = 0.434
#: Share of cables distributed through SIPDIS.
SIPDIS_SHARE = 0.9
#: Precedence letters of the date-time group and their shares.
PRECEDENCES = ("R", "P", "O", "Z")
PRECEDENCE_SHARES = (0.5, 0.33, 0.16, 0.01)
#: Sum of the Dirichlet parameters: lower means cables dominated by fewer themes.
CONCENTRATION = 1.2
#: Serials per real archived cable: the archive holds a fraction of all traffic,
#: and of the Department's far less.
SERIAL_GAP, DEPARTMENT_SERIAL_GAP = 4.0, 60.0
#: Chance that a cable has references, and their mean number when it has.
REFERENCE_SHARE, MEAN_REFERENCES = 0.7, 2.2
#: Mean distance, in the post's own cables, from a cable back to one it cites.
REFERENCE_REACH = 3.0


@dataclasses.dataclass(frozen=True)
class Plan:
    """Per-cable arrays, in chronological order (row ``i`` is the ``i``-th cable).

    ``minutes`` are minutes since 1970-01-01 UTC; ``period`` months since year
    0; ``years`` fractional years for the prevalence curves; ``group`` indexes
    :data:`~cablestats.synth.themes.GROUPS`; ``mixture`` has one column per
    theme; ``level`` indexes :data:`LEVELS`; ``references`` are row numbers of
    earlier cables, ``reference_start`` their offsets (CSR layout).
    """

    posts: np.ndarray
    minutes: np.ndarray
    period: np.ndarray
    years: np.ndarray
    serial: np.ndarray
    reference_ids: np.ndarray
    group: np.ndarray
    mixture: np.ndarray
    level: np.ndarray
    noforn: np.ndarray
    sensitive: np.ndarray
    sipdis: np.ndarray
    precedence: np.ndarray
    empty: np.ndarray
    references: np.ndarray
    reference_start: np.ndarray

    def cited(self, row: int) -> np.ndarray:
        """Rows of the cables that cable ``row`` refers to, oldest first."""
        return self.references[self.reference_start[row] : self.reference_start[row + 1]]


def prevalence(themes: Sequence[Theme], group: str, years: np.ndarray) -> np.ndarray:
    """Planted mean theme shares of a group at fractional ``years``: (len(years), themes)."""
    log_weights = np.column_stack([theme.log_weight(group, years) for theme in themes])
    weights = np.exp(log_weights - log_weights.max(axis=1, keepdims=True))
    return weights / weights.sum(axis=1, keepdims=True)


def _times(periods: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Random minutes within each month (minutes since 1970) and the fraction of the month."""
    years, months = periods // 12, periods % 12 + 1
    days = np.array([calendar.monthrange(y, m)[1] for y, m in zip(years, months, strict=True)])
    first = (
        ((years - 1970) * 12 + months - 1)
        .astype("datetime64[M]")
        .astype("datetime64[m]")
        .astype(np.int64)
    )
    offset = (rng.random(len(periods)) * days * 1440).astype(np.int64)
    return first + offset, offset / (days * 1440)


def _within_groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows grouped by key, keeping their order within a group.

    Returns the stable sort ``order``, and for each sorted position its rank
    within its group and the position where its group starts.
    """
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    first = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(len(keys)), 0))
    return order, np.arange(len(keys)) - start, start


def _serials(
    posts: np.ndarray, period: np.ndarray, fraction: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Serial numbers as the real posts would have given them: growing in date order.

    A cable's serial is about ``gap`` times the number of real cables its post
    had sent that year by then, so serials look real whatever the archive's
    size; ties are broken so that serials strictly increase within a post and
    year (rows are in date order).
    """
    gap = np.where(posts == "STATE", DEPARTMENT_SERIAL_GAP, SERIAL_GAP)
    position = ArchiveShape.year_position(posts, period, fraction)
    target = np.floor(gap * (position + rng.random(len(posts)))).astype(np.int64) + 1
    key = np.unique(
        np.char.add(posts.astype(str), (period // 12).astype(str)), return_inverse=True
    )[1]
    order, rank, _ = _within_groups(key)
    # Strictly increasing within a group: running maximum of (target - rank), plus rank;
    # the key offset keeps one group's maximum from leaking into the next.
    offset = key[order] * (int(target.max()) + len(order) + 1)
    rising = np.maximum.accumulate(target[order] - rank + offset) - offset + rank
    serial = np.empty_like(target)
    serial[order] = rising
    return serial


def _references(posts: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """For each cable, earlier cables of the same post it cites (CSR layout)."""
    n = len(posts)
    order, sorted_rank, sorted_start = _within_groups(posts)
    rank, start = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
    rank[order], start[order] = sorted_rank, sorted_start
    has = rng.random(n) < REFERENCE_SHARE
    counts = np.where(has, 1 + rng.poisson(MEAN_REFERENCES - 1, n), 0)
    citing = np.repeat(np.arange(n), counts)
    back = rng.geometric(1.0 / REFERENCE_REACH, len(citing))
    target_rank = rank[citing] - back
    keep = target_rank >= 0
    citing, target = citing[keep], order[start[citing[keep]] + target_rank[keep]]
    pairs = np.unique(np.column_stack([citing, target]), axis=0)  # sorted: oldest cited first
    reference_start = np.searchsorted(pairs[:, 0], np.arange(n + 1))
    return pairs[:, 1], reference_start


def _mixtures(
    themes: Sequence[Theme], group: np.ndarray, years: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    means = np.empty((len(group), len(themes)))
    for index, name in enumerate(GROUPS):
        rows = group == index
        if rows.any():
            means[rows] = prevalence(themes, name, years[rows])
    draws = rng.gamma(CONCENTRATION * means)
    totals = draws.sum(axis=1, keepdims=True)
    # A row of underflowed draws (possible only for vanishing shares) keeps its mean.
    return np.where(totals > 0, draws / np.where(totals > 0, totals, 1), means)


def make_plan(n_cables: int, *, start: str, end: str, themes: Sequence[Theme], seed: int) -> Plan:
    """Draw the plan of an archive of ``n_cables`` cables from ``start`` to ``end``."""
    rng = np.random.default_rng([seed, 0])
    posts, period = ArchiveShape.load(start, end).sample(n_cables, rng)
    minutes, fraction = _times(period, rng)
    order = np.lexsort((posts, minutes))
    posts, period, minutes, fraction = posts[order], period[order], minutes[order], fraction[order]
    years = (period + fraction) / 12.0
    calendar_year = period // 12
    serial = _serials(posts, period, fraction, rng)
    reference_ids = np.char.add(
        np.char.add(np.char.zfill((calendar_year % 100).astype(str), 2), posts.astype(str)),
        serial.astype(str),
    )
    directory = post_directory()
    group = np.array([GROUPS.index(directory[post].group) for post in posts], dtype=np.int64)
    level = rng.choice(len(LEVELS), size=n_cables, p=LEVEL_SHARES)
    references, reference_start = _references(posts, rng)
    return Plan(
        posts=posts,
        minutes=minutes,
        period=period,
        years=years,
        serial=serial,
        reference_ids=reference_ids,
        group=group,
        mixture=_mixtures(themes, group, years, rng),
        level=level,
        noforn=rng.random(n_cables) < np.take(NOFORN_SHARES, level),
        sensitive=(level == 0) & (rng.random(n_cables) < SENSITIVE_SHARE),
        sipdis=rng.random(n_cables) < SIPDIS_SHARE,
        precedence=rng.choice(len(PRECEDENCES), size=n_cables, p=PRECEDENCE_SHARES),
        empty=rng.random(n_cables) < EMPTY_EXTRACT_RATE,
        references=references,
        reference_start=reference_start,
    )
