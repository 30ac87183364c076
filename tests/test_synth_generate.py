"""Generating archives: determinism, the real archive's shape, options and their errors."""

from __future__ import annotations

import hashlib
import itertools

import numpy as np
import pandas as pd
import pytest

import cablestats.synth as synth
from cablestats.parse.ids import REFERENCE_ID_RE
from cablestats.synth.plan import LEVELS
from cablestats.synth.shape import ArchiveShape, parse_month


def _digest(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_same_seed_same_cables():
    first = synth.generate(150, seed=3).cables
    assert first == synth.generate(150, seed=3).cables


def test_other_seed_other_cables():
    first = [cable.reference_id for cable in synth.generate(150, seed=3).cables]
    assert first != [cable.reference_id for cable in synth.generate(150, seed=4).cables]


def test_same_seed_same_files(tmp_path):
    archive = synth.generate(120, seed=5)
    one = archive.write(tmp_path / "one", "text", progress=False)
    two = synth.write_archive(tmp_path / "two", 120, format="text", seed=5, progress=False)
    assert _digest(one) == _digest(two)


def test_cables_are_made_lazily():
    """Streaming: asking for a few drafts of a big archive does not make them all."""
    archive = synth.generate(200_000, seed=0)
    first = list(itertools.islice(archive.iter_drafts(), 3))
    assert [draft.reference_id for draft in first] == list(archive.plan.reference_ids[:3])


def test_reference_ids_are_unique_and_canonical():
    archive = synth.generate(3000, seed=1)
    ids = [cable.reference_id for cable in archive.iter_cables()]
    assert len(set(ids)) == len(ids)
    assert all(REFERENCE_ID_RE.fullmatch(reference_id) for reference_id in ids)
    years = [int(reference_id[:2]) for reference_id in ids]
    assert years == sorted(years)  # archive order is date order


def test_references_point_to_earlier_cables_of_the_same_post():
    archive = synth.generate(3000, seed=1)
    seen: dict[str, str] = {}
    cited = 0
    for cable in archive.iter_cables():
        post = cable.reference_id[2:].rstrip("0123456789")
        for reference in cable.references:
            cited += 1
            assert reference in seen, f"{cable.reference_id} cites {reference}, not earlier"
            assert seen[reference] == post
        seen[cable.reference_id] = post
    assert cited > 500


def test_posts_and_months_follow_the_real_archive():
    shape = ArchiveShape.load("2001-01", "2010-02")
    archive = synth.generate(20_000, seed=2)
    plan = archive.plan
    table = shape.table.set_index(["post", "period"])["count"]
    pairs = pd.MultiIndex.from_arrays([plan.posts, plan.period])
    assert table.reindex(pairs).notna().all(), "a cable from a post and month without real cables"
    real_years = shape.table.groupby(shape.table["period"] // 12)["count"].sum()
    real_share = real_years / real_years.sum()
    synthetic_share = pd.Series(plan.period // 12).value_counts(normalize=True)
    difference = synthetic_share.reindex(real_share.index, fill_value=0) - real_share
    assert difference.abs().max() < 0.01
    real_posts = shape.table.groupby("post")["count"].sum().nlargest(5).index
    top_posts = pd.Series(plan.posts).value_counts().nlargest(12).index
    assert set(real_posts) <= set(top_posts)


def test_window_and_classification_mix():
    archive = synth.generate(5000, start="2007-01", end="2007-12", seed=4)
    months = archive.plan.period
    assert months.min() >= parse_month("2007-01") and months.max() <= parse_month("2007-12")
    shares = np.bincount(archive.plan.level, minlength=3) / len(months)
    assert dict(zip(LEVELS, shares.round(2), strict=True)) == pytest.approx(
        {"UNCLASSIFIED": 0.53, "CONFIDENTIAL": 0.40, "SECRET": 0.06}, abs=0.03
    )
    cables = archive.cables
    noforn = sum("NOFORN" in cable.caveats for cable in cables) / len(cables)
    sipdis = sum("SIPDIS" in cable.caveats for cable in cables) / len(cables)
    assert 0.02 < noforn < 0.05 and sipdis > 0.8


def test_bursts_outside_the_window_are_not_planted():
    archive = synth.generate(50, start="2008-01", end="2008-12", seed=0)
    assert [burst.term for burst in archive.bursts] == ["cyclone"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"n_cables": 0}, "n_cables must be a positive integer"),
        ({"n_cables": 10, "start": "2009-13"}, "month must be 01..12"),
        ({"n_cables": 10, "start": "2009"}, "expected a month like '2009-07'"),
        ({"n_cables": 10, "start": "2010-01", "end": "2009-01"}, "start must not be after end"),
        ({"n_cables": 10, "start": "1950-01", "end": "1950-12"}, "no cables from 1950-01"),
    ],
)
def test_bad_options_are_named(arguments, message):
    with pytest.raises(ValueError, match=message):
        synth.generate(**arguments)


def test_unknown_format_is_named(tmp_path):
    with pytest.raises(ValueError, match="format must be one of text, html, csv; received 'xml'"):
        synth.generate(5).write(tmp_path, "xml")
