"""A large cables.csv read in spans by the workers gives what one reader gives, row for row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cablestats as cs
from cablestats.io import CsvRow, write_cables_csv
from cablestats.io import csv_spans as spans_module
from cablestats.io.cablescsv import iter_csv
from cablestats.io.csv_spans import parse_csv_spans, read_span
from cablestats.io.frame import cable_row
from cablestats.io.pool import parse_item
from cablestats.io.raw import ReadFailure
from tests.fixtures_io import RAW_CABLE, utc

HEADER, BODY = RAW_CABLE.split("\n\n", 1)
# Quotes inside a field are doubled or escaped, so no line inside a well-formed row looks like
# a row start; a file with broken quoting can have one, and a span beginning on it starts wrongly.
FAKE_ROW_START = '"77","3/2/2009 13:01","09FAKE1","x'
_FAKE_MARK = "FAKE-ROW-START-HERE"
_LATIN1_MARK = "LATIN-1-BYTE-HERE"


def _archive(
    path: Path, n: int, *, fake_every: int = 0, long_every: int = 0, crlf: bool = False
) -> Path:
    """A cables.csv of n cables; some with a broken line that looks like a row start."""
    rows = []
    for number in range(1, n + 1):
        # Characters of two and three bytes, so that characters and bytes are counted apart.
        body = f"{BODY}\nCable number {number}, caf\u00e9 \u2013 {_LATIN1_MARK * (number % 5 == 0)}"
        if fake_every and number % fake_every == 0:
            body += f"\n{_FAKE_MARK}\nmore text"
        if long_every and number % long_every == 0:
            body += "\nFILLER LINE OF A LONG CABLE." * 400  # longer than several small spans
        created = utc(2009, 3, 2, 13, number % 60)
        rows.append(CsvRow(number, created, f"09TESTVILLE{number}", "", "", (), HEADER, body))
    write_cables_csv(rows, path)
    data = path.read_bytes().replace(_FAKE_MARK.encode(), FAKE_ROW_START.encode())
    data = data.replace(_LATIN1_MARK.encode(), b"na\xefve")  # not UTF-8
    path.write_bytes(data.replace(b"\n", b"\r\n") if crlf else data)
    return path


def _serial(path: Path) -> list:
    """What one process reading the whole file gives (a file that is no cables.csv: a failure)."""
    results = []
    try:
        for item in iter_csv(path):
            results.append(_comparable(parse_item(item)))
    except cs.CableParseError as error:
        results.append(ReadFailure.from_error(error))
    return results


def _comparable(result):
    return result if isinstance(result, ReadFailure) else cable_row(result)


def _in_spans(path: Path, span_bytes: int, n_jobs: int = 2) -> list:
    results = parse_csv_spans(
        path, style="double", n_jobs=n_jobs, transform=cable_row, span_bytes=span_bytes
    )
    return list(results)


def test_spans_give_the_rows_of_one_reader(tmp_path):
    path = _archive(tmp_path / "cables.csv", 300)
    expected = _serial(path)
    assert len(expected) == 300
    assert sum(bool(row[-1]) for row in expected) == 60  # the rows with a byte that is not UTF-8
    assert _in_spans(path, span_bytes=7_000) == expected


@pytest.mark.parametrize("span_bytes", [1_000, 1_237, 4_096, None])
def test_in_a_well_formed_file_every_span_starts_where_the_last_one_stopped(tmp_path, span_bytes):
    """The workers agree on row boundaries by themselves: nothing has to be read twice."""
    path = _archive(tmp_path / "cables.csv", 80, long_every=9, crlf=span_bytes == 1_237)
    size = path.stat().st_size
    if span_bytes is None:  # spans that end exactly where the second row starts
        span_bytes = path.read_bytes().index(b'\n"2","') + 1
    spans = [
        read_span(path, start, min(start + span_bytes, size), "double", None)
        for start in range(0, size, span_bytes)
    ]
    position = 0
    for span in spans:
        if position < span.end:
            assert span.first == position
            position = span.stop
    assert position == size
    assert sum(len(span.results) for span in spans) == 80


def test_a_span_starting_at_a_fake_row_start_is_read_again_from_the_true_one(tmp_path):
    path = _archive(tmp_path / "cables.csv", 200, fake_every=3)
    fake = path.read_bytes().index(FAKE_ROW_START.encode())
    span = read_span(path, fake - 5, fake + 20_000, "double", cable_row)
    assert span.first == fake  # the worker took the broken line for a row start...
    expected = _serial(path)
    assert sum(isinstance(result, ReadFailure) for result in expected) > 10
    assert _in_spans(path, span_bytes=3_000) == expected  # ...and the check caught it


def test_spans_inside_one_long_row_are_skipped(tmp_path):
    path = _archive(tmp_path / "cables.csv", 60, long_every=7)
    assert _in_spans(path, span_bytes=2_500) == _serial(path)


def test_failures_keep_the_line_numbers_of_one_reader(tmp_path):
    path = _archive(tmp_path / "cables.csv", 120)
    lines = path.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
    starts = [n for n, line in enumerate(lines) if line.startswith('"')]
    lines[starts[50]] = '"51","3/2/2009 13:01","09BAD1"'  # three columns; the body follows
    lines[starts[90]] = lines[starts[90]].replace("3/2/2009", "31/31/2009")
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogateescape")
    expected = _serial(path)
    failures = [result for result in expected if isinstance(result, ReadFailure)]
    assert len(failures) >= 2
    assert _in_spans(path, span_bytes=4_000) == expected


def test_a_csv_of_another_shape_gives_one_failure(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("reference_id,month\n" + "09A1,2009-03\n" * 2_000, encoding="utf-8")
    [failure] = _in_spans(path, span_bytes=1_000)
    assert "not a cables.csv" in failure.message


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n=st.integers(1, 60),
    fake_every=st.integers(0, 4),
    long_every=st.integers(0, 9),
    span_bytes=st.integers(200, 20_000),
    crlf=st.booleans(),
)
def test_any_span_size_gives_the_rows_of_one_reader(
    tmp_path, n, fake_every, long_every, span_bytes, crlf
):
    path = _archive(tmp_path / "c.csv", n, fake_every=fake_every, long_every=long_every, crlf=crlf)
    assert _in_spans(path, span_bytes=span_bytes) == _serial(path)


def test_read_cables_reads_a_large_csv_in_spans_like_one_process(tmp_path, monkeypatch):
    path = _archive(tmp_path / "cables.csv", 400)
    one_process = cs.read_cables(path, n_jobs=1, progress=False)
    monkeypatch.setattr(spans_module, "SPLIT_THRESHOLD", 10_000)
    monkeypatch.setattr(spans_module, "SPAN_BYTES", 20_000)
    read_spans = []
    original = spans_module.parse_csv_spans

    def counting(*args, **kwargs):
        read_spans.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr("cablestats.io.readers.parse_csv_spans", counting)
    two_processes = cs.read_cables(path, n_jobs=2, progress=False)
    assert read_spans == [path]
    assert two_processes.equals(one_process)


@pytest.mark.parametrize("name", ["cables.csv.gz", "small.csv"])
def test_compressed_and_small_files_are_not_split(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"x" * 100)
    assert not spans_module.can_split(path, 2)
