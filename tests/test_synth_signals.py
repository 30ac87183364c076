"""Planted trends, bursts and theme curves show in the raw counts of the generated text."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

import cablestats.synth as synth
from cablestats.synth.signals import BURSTS, TRENDS

TOKEN_RE = re.compile(r"[a-z0-9]+")


@pytest.fixture(scope="module")
def counts() -> tuple[dict[int, int], dict[tuple[int, str], int], dict[str, Counter]]:
    """Tokens per year, planted-term counts per year, and per month, over 4,000 cables."""
    archive = synth.generate(4000, seed=21)
    planted = {t.term.lower() for t in archive.trends} | {b.term.lower() for b in archive.bursts}
    tokens: Counter = Counter()
    per_year: Counter = Counter()
    per_month: dict[str, Counter] = {}
    for cable in archive.iter_cables():
        words = TOKEN_RE.findall(cable.body.lower())
        year, month = cable.created.year, f"{cable.created:%Y-%m}"
        tokens[year] += len(words)
        month_counts = per_month.setdefault(month, Counter())
        month_counts["<tokens>"] += len(words)
        for word in words:
            if word in planted:
                per_year[year, word] += 1
                month_counts[word] += 1
    return tokens, per_year, per_month


@pytest.mark.parametrize("term", [trend.term for trend in TRENDS])
def test_trend_rate_ratio_shows_between_2005_and_2009(term, counts):
    tokens, per_year, _ = counts
    trend = next(t for t in TRENDS if t.term == term)
    rate = {year: per_year[year, term.lower()] / tokens[year] for year in (2005, 2009)}
    observed = rate[2009] / rate[2005]
    expected = trend.rate_ratio**4
    assert expected / 1.6 < observed < expected * 1.6, f"{term}: {observed:.2f} vs {expected:.2f}"


def test_trend_base_rate_holds_at_the_middle(counts):
    tokens, per_year, _ = counts
    flat = [t for t in TRENDS if t.direction == "flat"]
    total = sum(tokens.values())
    for trend in flat:
        rate = sum(per_year[year, trend.term.lower()] for year in tokens) / total * 1000
        assert rate == pytest.approx(trend.base_rate, rel=0.2)


def test_bursts_spike_in_their_months_only(counts):
    _, _, per_month = counts
    for burst in BURSTS:
        term = burst.term.lower()
        inside = [m for m in per_month if burst.start <= m <= burst.end]
        outside = [m for m in per_month if not burst.start <= m <= burst.end]
        rate_in = sum(per_month[m][term] for m in inside) / sum(
            per_month[m]["<tokens>"] for m in inside
        )
        rate_out = sum(per_month[m][term] for m in outside) / sum(
            per_month[m]["<tokens>"] for m in outside
        )
        assert rate_in > 30 * rate_out, burst.term
        assert rate_in * 1000 == pytest.approx(burst.peak_rate, rel=0.35)


def test_sahel_counterterrorism_rises_from_2007_with_its_partners():
    archive = synth.generate(12_000, start="2006-01", end="2009-12", seed=3)
    groups = archive.truth.cables["group"].to_numpy()
    sahel = np.flatnonzero(groups == "SAHEL")
    years = archive.plan.period[sahel] // 12
    share = archive.plan.mixture[sahel, 0]  # counterterrorism is the first theme
    assert share[years == 2009].mean() > 2.5 * share[years == 2006].mean()
    late = {
        archive.plan.reference_ids[row]
        for row, year in zip(sahel, years, strict=True)
        if year >= 2008
    }
    cables = [cable for cable in archive.iter_cables() if cable.reference_id in late]
    partners = {"ML", "AG", "MR", "NG", "FR"}
    tagged = np.mean([len(partners & set(cable.tags)) >= 2 for cable in cables])
    named = np.mean([bool(re.search(r"France|Mauritania|Niger\b", cable.body)) for cable in cables])
    assert len(cables) > 30 and tagged > 0.5 and named > 0.5


def test_every_theme_share_of_the_archive_changes_over_the_years():
    # Each theme has its own long-run rise, fall or bump, so its archive-wide
    # share is not flat and recovery of its share over time can be judged.
    archive = synth.generate(4000, start="2005-01", end="2009-12", seed=5)
    years = archive.plan.period // 12
    by_year = np.vstack([archive.plan.mixture[years == y].mean(axis=0) for y in range(2005, 2010)])
    change = by_year.max(axis=0) / by_year.min(axis=0)
    names = [theme.name for theme in archive.themes]
    assert (change > 1.5).all(), dict(zip(names, change.round(2), strict=True))
    peaks = {int(np.argmax(by_year[:, k])) for k in range(len(names))}
    assert len(peaks) >= 3  # themes peak in different years, not all together
