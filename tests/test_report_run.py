"""Scheduled runs: a cache keyed by content, and a lock on the output folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import cablestats as cs
from cablestats.cli import EXIT_BUSY, app
from cablestats.fingerprint import frame_digest, value_digest
from cablestats.report import RunCache, run_lock
from cablestats.synth import generate
from cablestats.synth.writers import write_files

N_CABLES = 400
N_NEW = 100


@pytest.fixture(scope="module")
def full_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full")
    write_files(generate(N_CABLES + N_NEW, seed=5).iter_drafts(), folder, "text")
    return folder


@pytest.fixture()
def source(full_archive: Path, tmp_path: Path) -> tuple[Path, list[Path]]:
    """A source folder holding all but 100 of the archive's cables, and those 100."""
    files = sorted(full_archive.rglob("*.txt"))
    held_back = files[2::5][:N_NEW]
    folder = tmp_path / "cables"
    for file in files:
        if file not in held_back:
            target = folder / file.relative_to(full_archive)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    return folder, held_back


def _spec(tmp_path: Path, source: Path, n_topics: int = 3) -> Path:
    path = tmp_path / "weekly.toml"
    path.write_text(
        f'title = "Weekly"\nfreq = "Y"\nsections = ["overview", "topics", "methods"]\n'
        f'[sources]\npaths = ["{source}"]\n[corpus]\nmin_df = 3\n'
        f"[model]\nn_topics = {n_topics}\npasses = 2\nworkers = 1\n"
        f'[outputs]\ndir = "out"\nformats = ["html"]\n',
        encoding="utf-8",
    )
    return path


def test_an_unchanged_spec_reuses_cables_corpus_and_model(source, tmp_path: Path) -> None:
    folder, _ = source
    spec = _spec(tmp_path, folder)
    first = RunCache(tmp_path / "cache")
    (written,) = cs.Report.run(spec, cache=first, progress=False)
    assert first.events["cables"] == f"0 from the cache, {N_CABLES:,} parsed"
    assert first.events["corpus"] == first.events["topic model"] == "computed and cached"
    html_first = written.read_text(encoding="utf-8")

    second = RunCache(tmp_path / "cache")
    report = cs.Report.from_spec(spec, cache=second, progress=False)
    assert second.events["cables"] == f"{N_CABLES:,} from the cache, 0 parsed"
    assert second.events["corpus"] == second.events["topic model"] == "from the cache"
    # The reused model gives the report the same topics, and says where it came from.
    fresh = cs.Report.from_spec(spec, cache=False, progress=False)
    pd.testing.assert_frame_equal(report.facts.topics.top_terms, fresh.facts.topics.top_terms)
    assert "computed and cached" in html_first
    assert report.facts.methods.run_seconds > 0  # a run times itself from the first read
    assert "from the cache" in report.html()


def test_adding_100_cables_parses_only_those(source, tmp_path: Path) -> None:
    folder, held_back = source
    spec = _spec(tmp_path, folder)
    cache = RunCache(tmp_path / "cache")
    cs.Report.from_spec(spec, cache=cache, progress=False)
    root = held_back[0].parents[2]
    for file in held_back:
        target = folder / file.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    report = cs.Report.from_spec(spec, cache=cache, progress=False)
    assert cache.cables.stats.parsed == N_NEW
    assert cache.events["cables"] == f"{N_CABLES:,} from the cache, {N_NEW} parsed"
    assert cache.events["corpus"] == "computed and cached"  # the cables changed
    assert len(report.cables) == N_CABLES + N_NEW


def test_new_model_options_refit_the_model_but_reuse_the_corpus(source, tmp_path: Path) -> None:
    folder, _ = source
    cache = RunCache(tmp_path / "cache")
    cs.Report.from_spec(_spec(tmp_path, folder, n_topics=3), cache=cache, progress=False)
    report = cs.Report.from_spec(_spec(tmp_path, folder, n_topics=4), cache=cache, progress=False)
    assert cache.events["corpus"] == "from the cache"
    assert cache.events["topic model"] == "computed and cached"
    assert report.model.n_topics == 4


def test_without_a_cache_nothing_is_kept(source, tmp_path: Path, monkeypatch) -> None:
    folder, _ = source
    monkeypatch.setenv("CABLESTATS_CACHE_DIR", str(tmp_path / "default-cache"))
    report = cs.Report.from_spec(_spec(tmp_path, folder), cache=False, progress=False)
    assert not (tmp_path / "default-cache").exists()
    assert "This run" not in report.html()


def test_the_default_cache_folder_comes_from_the_environment(
    source, tmp_path: Path, monkeypatch
) -> None:
    folder, _ = source
    monkeypatch.setenv("CABLESTATS_CACHE_DIR", str(tmp_path / "default-cache"))
    cs.Report.from_spec(_spec(tmp_path, folder), progress=False)
    assert list((tmp_path / "default-cache").glob("cables-*/part-*.parquet"))
    assert len(list((tmp_path / "default-cache" / "models").iterdir())) == 1


def test_a_second_run_of_a_locked_spec_stops_with_a_clear_error(source, tmp_path: Path) -> None:
    folder, _ = source
    spec = _spec(tmp_path, folder)
    with run_lock(tmp_path / "out"), pytest.raises(cs.RunLockedError, match="--wait"):
        cs.Report.run(spec, cache=False, progress=False)
    assert not (tmp_path / "out" / "report.html").exists()


def test_a_run_waits_for_the_lock_when_asked(tmp_path: Path) -> None:
    held = threading.Event()

    def hold_briefly() -> None:
        with run_lock(tmp_path):
            held.set()
            time.sleep(0.5)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    held.wait()
    started = time.perf_counter()
    with run_lock(tmp_path, wait=30):
        waited = time.perf_counter() - started
    holder.join()
    assert waited >= 0.2


def test_the_command_line_exits_75_while_another_process_holds_the_lock(
    source, tmp_path: Path
) -> None:
    folder, _ = source
    spec = _spec(tmp_path, folder)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom cablestats.report import run_lock\n"
            f"with run_lock({str(tmp_path / 'out')!r}):\n"
            "    print('held', flush=True)\n    time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = CliRunner(env={"NO_COLOR": "1"}).invoke(app, ["report", str(spec), "-q"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == EXIT_BUSY, result.output
    assert result.stderr.startswith("cablestats: another cablestats run is writing to")


def test_the_command_line_says_what_came_from_the_cache(source, tmp_path: Path) -> None:
    folder, _ = source
    spec = _spec(tmp_path, folder)
    runner = CliRunner(env={"NO_COLOR": "1"})
    arguments = ["report", str(spec), "--cache-dir", str(tmp_path / "cache")]
    assert runner.invoke(app, [*arguments, "-q"]).exit_code == 0
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"report written to {tmp_path / 'out' / 'report.html'}"
    assert f"cables: {N_CABLES:,} from the cache, 0 parsed" in result.stderr
    assert "topic model: from the cache" in result.stderr


def test_settings_digests_ignore_key_order_and_see_every_value() -> None:
    assert value_digest({"a": 1, "b": [1, 2]}) == value_digest({"b": [1, 2], "a": 1})
    assert value_digest({"a": 1}) != value_digest({"a": 2})
    assert value_digest({"a": (1, 2)}) == value_digest({"a": [1, 2]})


def test_frame_digests_see_content_not_identity() -> None:
    frame = pd.DataFrame(
        {"tags": [["PTER", "ML"], ["PGOV"]], "created": pd.to_datetime(["2009-07-29"] * 2)},
        index=pd.Index(["09BAMAKO504", "09BAMAKO505"], name="reference_id"),
    )
    copy = frame.copy(deep=True)
    copy["tags"] = [["PTER", "ML"], ["PGOV"]]  # equal lists, other objects
    assert frame_digest(frame) == frame_digest(copy)
    copy.loc["09BAMAKO505", "tags"] = ["PREL"]
    assert frame_digest(frame) != frame_digest(copy)
    later = frame.assign(created=frame["created"] + pd.Timedelta(minutes=1))
    assert frame_digest(frame) != frame_digest(later)
