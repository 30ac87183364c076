"""cables.csv: round trips with the real pages, quoting styles, damaged rows, streaming."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import cablestats as cs
from cablestats.io import CsvRow, iter_cables, read_cables, write_cables_csv
from cablestats.io.cablescsv import iter_csv
from cablestats.io.raw import RawCable
from tests.fixtures_io import (
    RAW_CABLE,
    csv_rows,
    gzip_copy,
    real_frame,
    real_pages,
    strip_container_fields,
    utc,
    without_container_fields,
)

HEADER, BODY = RAW_CABLE.split("\n\n", 1)


@pytest.fixture(scope="module")
def html_dir(shared_data: Path) -> Path:
    return shared_data / "cablegate-html"


@pytest.fixture(scope="module")
def real_csv(html_dir: Path, tmp_path_factory) -> Path:
    """cables.csv holding the 962 real pages, references from the parsed pages."""
    references = real_frame(html_dir)["references"].tolist()
    rows = csv_rows(real_pages(html_dir), references)
    return write_cables_csv(rows, tmp_path_factory.mktemp("csv") / "cables.csv")


def _row(row_id: int = 1, reference_id: str = "09TESTVILLE42", **changes) -> CsvRow:
    row = CsvRow(
        row_id,
        utc(2009, 3, 2, 13, 1),
        reference_id,
        "Embassy Testville",
        "CONFIDENTIAL",
        ["09TESTVILLE7"],
        HEADER,
        BODY,
    )
    return row._replace(**changes)


def test_csv_built_from_pages_reads_as_the_pages(real_csv, html_dir):
    from_pages = real_frame(html_dir)
    from_csv = read_cables(real_csv, n_jobs=1, progress=False)
    assert without_container_fields(from_csv).equals(without_container_fields(from_pages))
    assert from_csv["released"].isna().all()  # cables.csv has no release date


def test_csv_built_from_pages_gives_equal_cable_records(real_csv, html_dir):
    from_pages = iter_cables(html_dir)
    from_csv = iter_cables(real_csv)
    for page_cable, csv_cable in zip(from_pages, from_csv, strict=True):
        assert strip_container_fields(csv_cable) == strip_container_fields(page_cable)
        assert csv_cable.source == str(real_csv)


def test_written_file_has_the_distribution_layout(tmp_path):
    path = write_cables_csv([_row(body='he said "no"\nthen left')], tmp_path / "cables.csv")
    content = path.read_text(encoding="utf-8")
    assert content.startswith(
        '"1","3/2/2009 13:01","09TESTVILLE42","Embassy Testville",'
        '"CONFIDENTIAL","09TESTVILLE7","R 021200Z'
    )
    assert content.endswith('"he said ""no""\nthen left"\n')


def test_rows_read_with_metadata_and_references(tmp_path):
    path = write_cables_csv(
        [_row(references=["09TESTVILLE7", "08 STATE 0123"])], tmp_path / "c.csv"
    )
    [raw] = iter_csv(path)
    assert isinstance(raw, RawCable)
    assert raw.text == f"{HEADER}\n\n{BODY}"
    assert (raw.reference_id, raw.origin, raw.classification, raw.line) == (
        "09TESTVILLE42",
        "Embassy Testville",
        "CONFIDENTIAL",
        1,
    )
    assert raw.created == utc(2009, 3, 2, 13, 1)
    [cable] = iter_cables(path)
    assert {"09TESTVILLE7", "08STATE123"} <= set(cable.references)


# Both quoting styles of real copies, each holding a quote and a backslash in the body.
_ROW_START = '"1","3/2/2009 13:01","09A1","Embassy A","SECRET","","H",'
DOUBLE_STYLE = _ROW_START + '"say ""hi"" to C:\\DOCS\\"\n'
BACKSLASH_STYLE = _ROW_START + '"say \\"hi\\" to C:\\\\DOCS\\\\"\n'


@pytest.mark.parametrize("content", [DOUBLE_STYLE, BACKSLASH_STYLE], ids=["double", "backslash"])
@pytest.mark.parametrize("escape", ["auto", "forced"])
def test_both_quoting_styles_read_the_same(tmp_path, content, escape):
    path = tmp_path / "cables.csv"
    path.write_text(content, encoding="utf-8")
    style = "backslash" if content == BACKSLASH_STYLE else "double"
    [raw] = iter_csv(path, escape=style if escape == "forced" else "auto")
    assert raw.text == 'H\n\nsay "hi" to C:\\DOCS\\'


def test_reading_a_style_as_the_other_would_mangle_it(tmp_path):
    path = tmp_path / "cables.csv"
    path.write_text(DOUBLE_STYLE, encoding="utf-8")
    [raw] = iter_csv(path, escape="backslash")
    assert raw.text != 'H\n\nsay "hi" to C:\\DOCS\\'  # why the style is detected


def test_python_backslash_writer_output_is_detected(tmp_path):
    import csv

    path = tmp_path / "cables.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, doublequote=False, escapechar="\\")
        row = _row(body='a "b" \\ c\nd')._replace(created="3/2/2009 13:01", references="")
        writer.writerow(list(row))
    [raw] = iter_csv(path)
    assert raw.text.endswith('a "b" \\ c\nd')


def test_damaged_rows_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "cables.csv"
    path.write_text(
        '"1","3/2/2009 13:01","09A1","","","","H","first\nbody"\n'  # lines 1-2
        '"2","3/2/2009 13:01","09BAD1"\n'  # line 3: three columns
        '"3","31/31/2009","09BAD2","","","","H","B"\n'  # line 4: no such date
        '"4","3/2/2009 13:01","09A4","","","","H","last"\n\n',  # line 5, then a blank line
        encoding="utf-8",
    )
    with pytest.warns(cs.CableParseWarning) as caught:
        frame = read_cables(path, progress=False)
    assert list(frame.index) == ["09A1", "09A4"]
    messages = [str(warning.message) for warning in caught]
    assert any(
        "09BAD1 in" in m and "line 3" in m and "expected 8 columns, found 3" in m for m in messages
    )
    assert any("09BAD2 in" in m and "line 4" in m and "31/31/2009" in m for m in messages)


def test_a_csv_of_another_shape_is_reported_once(tmp_path):
    path = tmp_path / "cable2month.csv"
    path.write_text("reference_id,month\n09A1,2009-03\n09A2,2009-04\n", encoding="utf-8")
    with pytest.warns(cs.CableParseWarning, match="not a cables.csv: expected 8 columns") as caught:
        frame = read_cables(path, progress=False)
    assert len(caught) == 1 and frame.empty


def test_errors_raise_names_the_row(tmp_path):
    path = write_cables_csv([_row(1, "09A1"), _row(2, "09A2", created=None)], tmp_path / "c.csv")
    path.write_text(path.read_text(encoding="utf-8").replace('"2",""', '"2","soon"'), "utf-8")
    with pytest.raises(cs.CableParseError) as caught:
        read_cables(path, errors="raise", progress=False)
    assert (caught.value.reference_id, caught.value.field) == ("09A2", "created")
    assert caught.value.source == str(path) and caught.value.line > 1


def test_crlf_files_and_gzip_read_like_plain_ones(tmp_path):
    plain = write_cables_csv([_row(1, "09A1"), _row(2, "09A2")], tmp_path / "cables.csv")
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(plain.read_bytes().replace(b"\n", b"\r\n"))
    compressed = gzip_copy(plain, tmp_path / "cables.csv.gz")
    expected = [raw.text for raw in iter_csv(plain)]
    assert [raw.text for raw in iter_csv(crlf)] == expected
    assert [raw.text for raw in iter_csv(compressed)] == expected


def test_bytes_that_are_not_utf8_are_replaced_and_reported(tmp_path):
    path = write_cables_csv([_row(body="caf\u00e9 BODY")], tmp_path / "cables.csv")
    path.write_bytes(path.read_bytes().replace("é".encode(), b"\xe9"))  # a Latin-1 byte
    [raw] = iter_csv(path)
    assert raw.text.endswith("caf\ufffd BODY")
    [cable] = iter_cables(path)
    assert any("not UTF-8" in warning for warning in cable.warnings)


def _synthetic_rows(pages, n: int):
    """n rows repeating the real pages with new, unique ids (``09SYNTH1``, ...)."""
    for number in range(1, n + 1):
        page = pages[(number - 1) % len(pages)]
        new_id = f"{page.reference_id[:2]}SYNTH{number}"
        yield CsvRow(
            number,
            page.created,
            new_id,
            page.origin,
            page.classification,
            (),
            page.header,
            page.body,
        )


@pytest.fixture(scope="module")
def large_csv(html_dir, tmp_path_factory) -> Path:
    pages = real_pages(html_dir)
    return write_cables_csv(_synthetic_rows(pages, 5000), tmp_path_factory.mktemp("big") / "c.csv")


def test_a_large_csv_streams_through_two_processes_in_order(large_csv, html_dir):
    frame = read_cables(large_csv, n_jobs=2, progress=False)
    pages = real_pages(html_dir)
    assert len(frame) == 5000
    assert list(frame.index[:3]) == [
        f"{page.reference_id[:2]}SYNTH{n}" for n, page in enumerate(pages[:3], 1)
    ]
    originals = real_frame(html_dir)
    for position in (0, 961, 962, 4999):
        copy, original = frame.iloc[position], originals.iloc[position % len(pages)]
        for column in ("created", "origin", "classification", "tags", "subject", "body"):
            assert copy[column] == original[column], (position, column)


def test_csv_rows_are_streamed_not_held(large_csv):
    size = large_csv.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_csv(large_csv))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000
    assert size > 20_000_000
    assert peak < size / 10
