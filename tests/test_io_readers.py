"""iter_cables / read_cables: detection, folders, errors, duplicates, parallelism, progress."""

from __future__ import annotations

import concurrent.futures
import itertools
import warnings
from pathlib import Path

import pytest

import cablestats as cs
from cablestats.cable import CABLE_COLUMNS
from cablestats.io import (
    CsvRow,
    detect_format,
    iter_cables,
    read_cables,
    render_cable_page,
    write_cables,
    write_cables_csv,
)
from cablestats.io import pool as pool_module
from cablestats.io import raw as raw_module
from cablestats.io.pool import parse_in_order
from cablestats.io.raw import RawCable, ReadFailure
from tests.fixtures_io import RAW_CABLE, dump_text, gzip_copy, real_frame, utc

HEADER, BODY = RAW_CABLE.split("\n\n", 1)


def _page(reference_id: str) -> str:
    return render_cable_page(
        reference_id=reference_id,
        created=utc(2009, 3, 2, 13, 1),
        released=None,
        classification="CONFIDENTIAL",
        origin="Embassy Testville",
        header=HEADER,
        body=BODY,
    )


def _write_every_format(folder: Path) -> dict[str, Path]:
    """One file per format, each holding a cable with its own id."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "text": folder / "09TESTVILLE42.txt",
        "dump": folder / "dump.txt",
        "html": folder / "page.html",
        "csv": folder / "cables.csv",
        "parquet": folder / "store.parquet",
    }
    files["text"].write_text(RAW_CABLE, encoding="utf-8")
    files["dump"].write_text(dump_text(reference_id="09DUMP1"), encoding="utf-8")
    files["html"].write_text(_page("09PAGE1"), encoding="utf-8")
    row = CsvRow(
        1, utc(2009, 3, 2, 13, 1), "09CSV1", "Embassy Testville", "SECRET", (), HEADER, BODY
    )
    write_cables_csv([row], files["csv"])
    write_cables(read_cables(files["html"]).rename(index={"09PAGE1": "09STORE1"}), files["parquet"])
    return files


EXPECTED_IDS = {
    "text": "09TESTVILLE42",
    "dump": "09DUMP1",
    "html": "09PAGE1",
    "csv": "09CSV1",
    "parquet": "09STORE1",
}


@pytest.fixture
def every_format(tmp_path) -> dict[str, Path]:
    return _write_every_format(tmp_path / "formats")


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gz"])
@pytest.mark.parametrize("format", sorted(EXPECTED_IDS))
def test_every_format_is_detected_and_read(every_format, tmp_path, format, compressed):
    path = every_format[format]
    if compressed:
        path = gzip_copy(path, tmp_path / f"{path.name}.gz")
    assert detect_format(path) == format
    [cable] = iter_cables(path)
    assert cable.reference_id == EXPECTED_IDS[format]
    assert cable.origin == "Embassy Testville"


def test_a_folder_mixing_formats_is_read_in_sorted_order(tmp_path):
    folder = tmp_path / "archive"
    _write_every_format(folder / "b")
    (folder / "a").mkdir()
    (folder / "a" / "09AFIRST1.html").write_text(_page("09AFIRST1"), encoding="utf-8")
    (folder / ".hidden.txt").write_text("not a cable", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "09HIDDEN1.txt").write_text(RAW_CABLE, encoding="utf-8")
    (folder / "README.md").write_text("about", encoding="utf-8")
    (folder / "truth.json").write_text("{}", encoding="utf-8")  # metadata: skipped silently
    with pytest.warns(cs.CableParseWarning, match=r"README\.md: skipped, not a cable file") as w:
        frame = read_cables(folder, progress=False)
    assert len(w) == 1
    # a/09AFIRST1.html, then b/: 09TESTVILLE42.txt, cables.csv, dump.txt, page.html, store.parquet
    assert list(frame.index) == [
        "09AFIRST1",
        "09TESTVILLE42",
        "09CSV1",
        "09DUMP1",
        "09PAGE1",
        "09STORE1",
    ]
    assert list(frame.columns) == list(CABLE_COLUMNS)


def test_a_list_of_paths_is_read_in_its_order(every_format):
    frame = read_cables([every_format["html"], every_format["dump"]], progress=False)
    assert list(frame.index) == ["09PAGE1", "09DUMP1"]


def test_damaged_files_in_a_batch_are_named_and_the_rest_is_read(every_format, tmp_path):
    folder = every_format["html"].parent
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    (folder / "broken.html").write_text("<html>", encoding="utf-8")
    with pytest.warns(cs.CableParseWarning) as caught:
        frame = read_cables(folder, progress=False)
    messages = " | ".join(str(w.message) for w in caught)
    assert "broken.txt.gz" in messages and "broken.html: not a cable page" in messages
    assert set(frame.index) == set(EXPECTED_IDS.values())


def test_a_cable_without_reference_id_is_unreadable(tmp_path):
    (tmp_path / "notes.txt").write_text("just some notes\n", encoding="utf-8")
    with pytest.warns(cs.CableParseWarning, match=r"notes\.txt: reference_id: no reference id"):
        assert read_cables(tmp_path, progress=False).empty
    with pytest.raises(cs.CableParseError) as caught:
        list(iter_cables(tmp_path, errors="raise"))
    assert caught.value.source == str(tmp_path / "notes.txt")
    assert caught.value.field == "reference_id"


def test_errors_ignore_is_silent(tmp_path):
    (tmp_path / "notes.txt").write_text("just some notes\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("about", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(iter_cables(tmp_path, errors="ignore")) == []


def test_a_parser_crash_costs_one_cable_only(tmp_path, monkeypatch):
    (tmp_path / "09TESTVILLE42.txt").write_text(RAW_CABLE, encoding="utf-8")
    (tmp_path / "09CRASH1.txt").write_text("CRASH\n" + RAW_CABLE, encoding="utf-8")
    real_parse = raw_module.parse_cable

    def fragile(text, **kwargs):
        if text.startswith("CRASH"):
            raise RuntimeError("parser bug")
        return real_parse(text, **kwargs)

    monkeypatch.setattr(raw_module, "parse_cable", fragile)
    with pytest.warns(cs.CableParseWarning, match=r"09CRASH1\.txt.*RuntimeError: parser bug"):
        frame = read_cables(tmp_path, progress=False)
    assert list(frame.index) == ["09TESTVILLE42"]


def test_a_repeated_reference_id_is_warned_and_the_first_kept(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.txt"
    first.write_text(_page("09TESTVILLE42"), encoding="utf-8")
    second.write_text(dump_text(), encoding="utf-8")  # also 09TESTVILLE42
    with pytest.warns(cs.DuplicateCableWarning, match=r"09TESTVILLE42 appears again in .*b\.txt"):
        frame = read_cables(tmp_path, progress=False)
    assert list(frame.index) == ["09TESTVILLE42"]
    assert frame.loc["09TESTVILLE42", "source"] == str(first)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"format": "pdf"},
            "format must be one of auto, text, html, csv, dump, parquet; received 'pdf'",
        ),
        ({"errors": "skip"}, "errors must be one of warn, raise, ignore; received 'skip'"),
        ({"csv_escape": "x"}, "csv_escape must be one of auto, double, backslash"),
        ({"n_jobs": 0}, "n_jobs must be a positive number"),
    ],
)
def test_bad_options_are_refused_at_once(every_format, options, expected):
    with pytest.raises(ValueError, match=expected):
        iter_cables(every_format["html"], **options)
    with pytest.raises(ValueError, match=expected):
        read_cables(every_format["html"], **options)


def test_a_missing_path_is_named_at_once(tmp_path):
    missing = tmp_path / "nowhere" / "cables.csv"
    with pytest.raises(FileNotFoundError) as caught:
        iter_cables([tmp_path, missing])
    assert caught.value.filename == str(missing)


def test_a_named_file_of_unknown_type_needs_a_format(tmp_path):
    path = tmp_path / "09TESTVILLE42.cable"
    path.write_text(RAW_CABLE, encoding="utf-8")
    with pytest.raises(ValueError, match=r"cannot tell the format of .*\.cable.*pass format="):
        iter_cables(path)
    [cable] = iter_cables(path, format="text")
    assert cable.reference_id == "09TESTVILLE42"


def test_no_cables_give_an_empty_frame_with_the_columns(tmp_path):
    frame = read_cables(tmp_path, progress=False)
    assert frame.empty and list(frame.columns) == list(CABLE_COLUMNS)
    assert frame.index.name == "reference_id"
    assert str(frame["created"].dtype) == "datetime64[ns, UTC]"


def test_progress_goes_to_stderr_only_when_asked(every_format, capsys):
    read_cables(every_format["html"], progress=True)
    assert "reading cables" in capsys.readouterr().err
    read_cables(every_format["html"], progress=False)
    read_cables(every_format["html"])  # not a terminal here
    assert capsys.readouterr().err == ""


def test_two_processes_give_the_same_frame_as_one(shared_data, monkeypatch):
    started = []

    class RecordingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", RecordingPool)
    monkeypatch.setattr(pool_module, "PARALLEL_THRESHOLD", 200)  # 962 pages exceed it
    monkeypatch.setattr(pool_module, "CHUNK_SIZE", 100)
    parallel = read_cables(shared_data / "cablegate-html", n_jobs=2, progress=False)
    assert started == [2]
    assert parallel.equals(real_frame(shared_data / "cablegate-html"))


def test_parallel_parsing_reads_ahead_only_a_few_chunks():
    consumed = 0

    def raw_cables():
        nonlocal consumed
        for number in itertools.count(1):
            consumed += 1
            yield RawCable(RAW_CABLE, source="x", reference_id=f"09TESTVILLE{number}")

    results = parse_in_order(raw_cables(), n_jobs=2, chunk_size=10, threshold=20)
    first_ids = [cable.reference_id for cable in itertools.islice(results, 30)]
    assert first_ids == [f"09TESTVILLE{number}" for number in range(1, 31)]
    assert consumed <= 21 + 2 * 2 * 10 + 10  # the head, the chunks in flight, one being cut
    results.close()


def test_small_inputs_are_parsed_without_workers(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker process expected for a small input")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    items = [RawCable(RAW_CABLE, source="x", reference_id="09A1"), ReadFailure("bad", "y")]
    assert [type(result) for result in parse_in_order(items, n_jobs=2)] == [cs.Cable, ReadFailure]
