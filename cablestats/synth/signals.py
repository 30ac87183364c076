"""Planted keyword trends and bursts, with known effect sizes.

A :class:`Trend` term occurs at ``base_rate`` per 1,000 tokens at the middle
of the archive's time span and its rate is multiplied by ``rate_ratio`` every
year (above one: rising; below: falling; exactly one: a flat control that a
trend detector should leave alone).  A :class:`Burst` term sits at a low
``base_rate`` except from ``start`` to ``end`` (months, inclusive), when it
jumps to ``peak_rate``.  The bursts are dated on real events, so only those
inside the archive's span are planted.  Neither kind of term is a theme term
or a pool word: its counts carry its planted signal and nothing else.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from cablestats.synth.shape import parse_month

__all__ = ["BURSTS", "TRENDS", "Burst", "Trend", "expected_counts"]


@dataclasses.dataclass(frozen=True)
class Trend:
    """A term whose rate changes by ``rate_ratio`` per year."""

    term: str
    rate_ratio: float
    base_rate: float = 0.4

    @property
    def direction(self) -> str:
        """``rising``, ``falling`` or ``flat``."""
        if self.rate_ratio > 1:
            return "rising"
        return "falling" if self.rate_ratio < 1 else "flat"


@dataclasses.dataclass(frozen=True)
class Burst:
    """A term that spikes from ``start`` to ``end`` (``YYYY-MM``, inclusive)."""

    term: str
    start: str
    end: str
    base_rate: float = 0.01
    peak_rate: float = 3.0


TRENDS: tuple[Trend, ...] = (
    Trend("piracy", 1.35),
    Trend("cybersecurity", 1.25),
    Trend("bloggers", 1.5),
    Trend("Saddam", 0.7),
    Trend("SARS", 0.75),
    Trend("anthrax", 0.85),
    Trend("roundtable", 1.0),
    Trend("luncheon", 1.0),
    Trend("workshop", 1.0),
    Trend("brochure", 1.0),
)

BURSTS: tuple[Burst, ...] = (
    Burst("tsunami", "2004-12", "2005-01"),
    Burst("cartoons", "2006-02", "2006-02"),
    Burst("cyclone", "2008-05", "2008-05"),
    Burst("H1N1", "2009-04", "2009-05"),
    Burst("earthquake", "2010-01", "2010-01"),
)


def expected_counts(
    periods: np.ndarray,
    tokens: np.ndarray,
    *,
    trends: tuple[Trend, ...],
    bursts: tuple[Burst, ...],
    reference_period: float,
) -> np.ndarray:
    """Expected occurrences of every planted term in every cable.

    Parameters
    ----------
    periods
        Each cable's month as months since year 0 (fractions allowed).
    tokens
        Each cable's expected number of tokens.
    trends, bursts
        The planted terms, trends first in the columns of the result.
    reference_period
        The month at which a trend's rate equals its ``base_rate``.

    Returns
    -------
    numpy.ndarray
        Shape (cables, trends + bursts).
    """
    per_token = np.asarray(tokens, dtype=float)[:, None] / 1000.0
    years = (np.asarray(periods, dtype=float)[:, None] - reference_period) / 12.0
    trend_rates = (
        np.array([[trend.base_rate for trend in trends]])
        * np.array([[trend.rate_ratio for trend in trends]]) ** years
    )
    burst_rates = np.empty((len(periods), len(bursts)))
    for column, burst in enumerate(bursts):
        inside = (periods >= parse_month(burst.start)) & (periods < parse_month(burst.end) + 1)
        burst_rates[:, column] = np.where(inside, burst.peak_rate, burst.base_rate)
    return per_token * np.hstack([trend_rates, burst_rates])
