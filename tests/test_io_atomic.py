"""Atomic writes: the target is complete or untouched, and no temporary file is left."""

from __future__ import annotations

import os
import stat

import pytest

from cablestats.io import CsvRow, atomic_open, write_cables_csv


def test_the_target_appears_with_the_content_written(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_open(target, "w", encoding="utf-8") as file:
        file.write("complete")
        assert not target.exists()  # nothing under the final name while writing
    assert target.read_text(encoding="utf-8") == "complete"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_an_error_leaves_the_previous_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="interrupted"), atomic_open(target) as file:
        file.write(b"half of the new")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.bin"]


def test_permissions_follow_the_umask_like_open(tmp_path):
    previous = os.umask(0o022)
    try:
        with atomic_open(tmp_path / "out.bin") as file:
            file.write(b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.bin").stat().st_mode) == 0o644


def test_only_whole_file_modes_are_accepted(tmp_path):
    with (
        pytest.raises(ValueError, match="mode must be 'w' or 'wb', received 'a'"),
        atomic_open(tmp_path / "out.txt", "a"),
    ):
        pass
    assert os.listdir(tmp_path) == []


def test_a_csv_whose_rows_fail_midway_is_never_half_written(tmp_path):
    def rows():
        yield CsvRow(1, None, "09A1", None, None, (), "H", "B")
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError, match="source went away"):
        write_cables_csv(rows(), tmp_path / "cables.csv")
    assert os.listdir(tmp_path) == []
