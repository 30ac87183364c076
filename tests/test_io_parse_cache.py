"""A read with a parse cache gives the same frame as without, and parses only new cables."""

from __future__ import annotations

import itertools
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import cablestats as cs
from cablestats.errors import CableParseWarning, CablestatsWarning
from cablestats.io import ParseCache, RawCable
from cablestats.io import parse_cache as cache_module
from cablestats.io import pool as pool_module
from cablestats.synth import generate
from cablestats.synth.writers import write_csv, write_files

N_CABLES = 500
N_NEW = 100


@pytest.fixture(scope="module")
def archive():
    return generate(N_CABLES, seed=11)


@pytest.fixture(scope="module")
def full_text(archive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full")
    write_files(archive.iter_drafts(), folder, "text")
    return folder


@pytest.fixture(scope="module")
def fresh(full_text: Path) -> pd.DataFrame:
    """The archive read without a cache."""
    return cs.read_cables(full_text, progress=False)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def _copy(files: list[Path], root: Path, target: Path) -> None:
    for file in files:
        destination = target / file.relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)


def test_a_cached_read_equals_a_fresh_one_and_parses_nothing_again(
    full_text: Path, fresh: pd.DataFrame, tmp_path: Path
) -> None:
    first = ParseCache(tmp_path / "cache")
    pd.testing.assert_frame_equal(cs.read_cables(full_text, progress=False, cache=first), fresh)
    assert (first.stats.reused, first.stats.parsed) == (0, N_CABLES)

    again = ParseCache(tmp_path / "cache")  # a later run: a new object on the same folder
    pd.testing.assert_frame_equal(cs.read_cables(full_text, progress=False, cache=again), fresh)
    assert (again.stats.reused, again.stats.parsed) == (N_CABLES, 0)
    assert len(again) == N_CABLES


def test_parts_are_written_and_read_in_batches_without_losing_a_row(
    full_text: Path, fresh: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "_BATCH_ROWS", 37)  # a part of 500 rows: 14 batches
    cs.read_cables(full_text, progress=False, cache=tmp_path / "cache")
    [part] = (tmp_path / "cache").rglob("part-*.parquet")
    assert pq.ParquetFile(part).metadata.num_row_groups == 14
    again = ParseCache(tmp_path / "cache")
    pd.testing.assert_frame_equal(cs.read_cables(full_text, progress=False, cache=again), fresh)
    assert (again.stats.reused, again.stats.parsed) == (N_CABLES, 0)


def test_adding_100_cables_to_a_folder_parses_only_those(
    full_text: Path, fresh: pd.DataFrame, tmp_path: Path
) -> None:
    files = _files(full_text)
    new = set(files[1::5][:N_NEW])  # spread through the archive, not only at its end
    source = tmp_path / "source"
    _copy([f for f in files if f not in new], full_text, source)
    cache = ParseCache(tmp_path / "cache")
    before = cs.read_cables(source, progress=False, cache=cache)
    assert len(before) == N_CABLES - N_NEW

    _copy(sorted(new), full_text, source)
    grown = cs.read_cables(source, progress=False, cache=cache)
    assert (cache.stats.reused, cache.stats.parsed) == (N_CABLES - N_NEW, N_NEW)
    pd.testing.assert_frame_equal(grown, cs.read_cables(source, progress=False))
    assert grown.index.equals(fresh.index)


def test_adding_100_rows_to_cables_csv_parses_only_those(archive, tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    write_csv(itertools.islice(archive.iter_drafts(), N_CABLES - N_NEW), path)
    cache = ParseCache(tmp_path / "cache")
    cs.read_cables(path, progress=False, cache=cache)
    assert cache.stats.parsed == N_CABLES - N_NEW

    write_csv(archive.iter_drafts(), path)
    grown = cs.read_cables(path, progress=False, cache=cache)
    assert (cache.stats.reused, cache.stats.parsed) == (N_CABLES - N_NEW, N_NEW)
    pd.testing.assert_frame_equal(grown, cs.read_cables(path, progress=False))


def test_an_edited_cable_is_parsed_again(full_text: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(full_text, source)
    cache = ParseCache(tmp_path / "cache")
    cs.read_cables(source, progress=False, cache=cache)
    edited = next(f for f in _files(source) if "SUBJECT: " in f.read_text(encoding="utf-8"))
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("SUBJECT: ", "SUBJECT: EDITED ", 1), encoding="utf-8")
    frame = cs.read_cables(source, progress=False, cache=cache)
    assert (cache.stats.reused, cache.stats.parsed) == (N_CABLES - 1, 1)
    assert frame.loc[edited.stem, "subject"].startswith("EDITED ")


def test_the_key_covers_what_the_container_said() -> None:
    raw = RawCable("SUBJECT: X", source="a.csv", line=3)
    assert ParseCache.key(raw) == ParseCache.key(RawCable("SUBJECT: X", source="a.csv", line=3))
    assert ParseCache.key(raw) != ParseCache.key(RawCable("SUBJECT: X", source="b.csv", line=3))
    assert ParseCache.key(raw) != ParseCache.key(
        RawCable("SUBJECT: X", source="a.csv", line=3, classification="SECRET")
    )
    assert ParseCache.key(raw) != ParseCache.key(RawCable("SUBJECT: Y", source="a.csv", line=3))


def test_failures_are_reported_again_and_order_is_kept(full_text: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(full_text, source)
    broken = _files(source)[3]
    broken.write_text("no id anywhere\n", encoding="utf-8")
    broken.rename(broken.with_name("unnamed.txt"))  # no id from the file name either
    cache = ParseCache(tmp_path / "cache")
    with pytest.warns(CableParseWarning, match="unnamed.txt"):
        first = cs.read_cables(source, progress=False, cache=cache)
    with pytest.warns(CableParseWarning, match="unnamed.txt"):
        second = cs.read_cables(source, progress=False, cache=cache)
    assert len(first) == N_CABLES - 1
    pd.testing.assert_frame_equal(second, first)


def test_cached_and_parsed_cables_interleave_in_order_across_workers(
    full_text: Path, fresh: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(full_text)
    source = tmp_path / "source"
    _copy(files[::3], full_text, source)
    cache = ParseCache(tmp_path / "cache")
    cs.read_cables(source, progress=False, cache=cache, n_jobs=1)
    _copy(files, full_text, source)
    # Small chunks in two worker processes: parsed results come back while cached
    # rows wait in between.
    monkeypatch.setattr(pool_module, "PARALLEL_THRESHOLD", 20)
    monkeypatch.setattr(pool_module, "CHUNK_SIZE", 7)
    frame = cs.read_cables(source, progress=False, cache=cache, n_jobs=2)
    assert cache.stats.reused == len(files[::3])
    assert cache.stats.parsed == N_CABLES - len(files[::3])
    pd.testing.assert_frame_equal(frame, cs.read_cables(source, progress=False, n_jobs=1))
    assert frame.index.equals(fresh.index)


def test_a_damaged_part_is_ignored_with_a_warning(
    full_text: Path, fresh: pd.DataFrame, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    cs.read_cables(full_text, progress=False, cache=cache)
    (part,) = cache.folder.glob("part-*.parquet")
    part.write_bytes(b"not parquet")
    again = ParseCache(tmp_path / "cache")
    with pytest.warns(CablestatsWarning, match="damaged"):
        frame = cs.read_cables(full_text, progress=False, cache=again)
    assert again.stats.parsed == N_CABLES
    pd.testing.assert_frame_equal(frame, fresh)


def test_parts_of_another_parser_version_are_removed(full_text: Path, tmp_path: Path) -> None:
    stale = tmp_path / "cache" / "cables-0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "part-1.parquet").write_bytes(b"old")
    cache = ParseCache(tmp_path / "cache")
    cs.read_cables(full_text, progress=False, cache=cache)
    assert not stale.exists()
    assert cache.folder.is_dir()


def test_many_parts_are_merged_into_one(
    full_text: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cablestats.io import parse_cache

    monkeypatch.setattr(parse_cache, "_MAX_PARTS", 3)
    files = _files(full_text)
    source = tmp_path / "source"
    cache = ParseCache(tmp_path / "cache")
    for step in range(4):  # four reads that each parse something new
        _copy(files[step::4], full_text, source)
        cs.read_cables(source, progress=False, cache=cache)
    assert len(list(cache.folder.glob("part-*.parquet"))) == 1
    again = ParseCache(tmp_path / "cache")
    cs.read_cables(source, progress=False, cache=again)
    assert (again.stats.reused, again.stats.parsed) == (N_CABLES, 0)


def test_a_read_that_stops_on_an_error_keeps_what_it_parsed(
    full_text: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source"
    shutil.copytree(full_text, source)
    (sorted(source.rglob("*.txt"))[-1]).with_name("zz-unnamed.txt").write_text("junk\n")
    cache = ParseCache(tmp_path / "cache")
    with pytest.raises(cs.CableParseError):
        cs.read_cables(source, progress=False, cache=cache, errors="raise")
    again = ParseCache(tmp_path / "cache")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CableParseWarning)
        cs.read_cables(source, progress=False, cache=again)
    assert again.stats.parsed < N_CABLES  # what the stopped read parsed was kept
