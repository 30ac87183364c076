"""The Parquet store: exact round trips, format versions, damaged files, atomic writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cablestats as cs
from cablestats.cable import CABLE_COLUMNS
from cablestats.io import iter_cables, read_cables, write_cables
from cablestats.io.frame import FrameBuilder
from cablestats.io.parquet import CABLE_SCHEMA, FORMAT_VERSION
from tests.fixtures_io import real_frame, utc

CABLES = (
    cs.Cable(
        "09TESTVILLE42",
        created=utc(2009, 3, 2, 12, 0),
        origin="Embassy Testville",
        classification="SECRET",
        caveats=("NOFORN", "SIPDIS"),
        tags=("PREL", "PGOV"),
        subject="A TEST CABLE — ünïcode",
        references=("09TESTVILLE7",),
        classified_by=("A. Tester",),
        declassify_on=dt.date(2019, 3, 2),
        summary="Nothing happened.",
        signer="TESTER",
        sender="AMEMBASSY TESTVILLE",
        precedence="R",
        recipients=(cs.Recipient("RUEHC", "SECSTATE WASHDC", None, "0001"),),
        info_recipients=(
            cs.Recipient(None, "ECOWAS COLLECTIVE"),
            cs.Recipient("RUEHAS", "AMEMBASSY ALGIERS", "PRIORITY", "0002"),
        ),
        paragraphs=(cs.Paragraph(None, None, "Opening."), cs.Paragraph(1, "S//NF", "Text.")),
        body="Opening.\n\nText.",
        released=utc(2010, 11, 28, 18, 6),
        source="a.html",
        warnings=("summary: example",),
    ),
    cs.Cable("66BUENOSAIRES2481"),  # every optional field missing
)


def _frame(cables) -> pd.DataFrame:
    builder = FrameBuilder()
    for cable in cables:
        builder.add(cable)
    return builder.frame()


def test_store_round_trip_is_exact(tmp_path):
    frame = _frame(CABLES)
    path = write_cables(frame, tmp_path / "cables.parquet")
    again = read_cables(path)
    assert again.equals(frame)
    assert again.index.equals(frame.index) and again.index.name == "reference_id"
    assert list(again.columns) == list(CABLE_COLUMNS)
    assert dict(again.dtypes) == dict(frame.dtypes)
    assert str(again["created"].dtype) == "datetime64[ns, UTC]"
    assert again.loc["09TESTVILLE42", "declassify_on"] == dt.date(2019, 3, 2)
    assert again.loc["66BUENOSAIRES2481", "declassify_on"] is None


def test_iterating_a_store_gives_the_cables_written(tmp_path):
    path = write_cables(_frame(CABLES), tmp_path / "cables.parquet")
    assert tuple(iter_cables(path)) == CABLES


def test_real_cables_round_trip(shared_data, tmp_path):
    frame = real_frame(shared_data / "cablegate-html")
    path = write_cables(frame, tmp_path / "real.parquet")
    assert read_cables(path).equals(frame)
    assert list(iter_cables(path)) == list(iter_cables(shared_data / "cablegate-html"))


def test_an_empty_frame_round_trips(tmp_path):
    frame = _frame(())
    assert frame.empty and list(frame.columns) == list(CABLE_COLUMNS)
    assert read_cables(write_cables(frame, tmp_path / "empty.parquet")).equals(frame)


def test_schema_covers_every_field_and_carries_a_version(tmp_path):
    path = write_cables(_frame(CABLES), tmp_path / "cables.parquet")
    schema = pq.read_schema(path)
    assert schema.names == ["reference_id", *CABLE_COLUMNS]
    assert schema.metadata[b"cablestats.format_version"] == str(FORMAT_VERSION).encode()
    assert schema.field("paragraphs").type == CABLE_SCHEMA.field("paragraphs").type
    assert pa.types.is_date32(schema.field("declassify_on").type)


def _rewrite_version(path: Path, version: bytes) -> None:
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({b"cablestats.format_version": version}), path)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = write_cables(_frame(CABLES), tmp_path / "cables.parquet")
    _rewrite_version(path, str(FORMAT_VERSION + 1).encode())
    with pytest.raises(cs.StoreError, match=r"cables\.parquet.*newer cablestats"):
        read_cables(path)
    with pytest.raises(cs.StoreError, match="newer cablestats"):
        list(iter_cables(path, errors="ignore"))


def test_a_damaged_store_is_named(tmp_path):
    path = write_cables(_frame(CABLES), tmp_path / "cables.parquet")
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(cs.StoreError, match=r"cables\.parquet: damaged or not a Parquet file"):
        read_cables(path)
    with pytest.raises(OSError):  # StoreError is also an OSError
        next(iter_cables(path))


def test_other_parquet_files_are_not_stores(tmp_path):
    path = tmp_path / "other.parquet"
    pd.DataFrame({"a": [1]}).to_parquet(path)
    with pytest.raises(cs.StoreError, match=r"other\.parquet: not a cablestats store"):
        read_cables(path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f.reset_index(), "index must be 'reference_id'"),
        (lambda f: f.drop(columns=["body"]), r"missing: \['body'\]"),
        (lambda f: f.assign(year=1), r"not stored: \['year'\]"),
        (lambda f: pd.concat([f, f]), "repeated: 09TESTVILLE42"),
    ],
)
def test_frames_that_are_not_cables_are_refused_and_nothing_is_written(tmp_path, change, expected):
    with pytest.raises(ValueError, match=expected):
        write_cables(change(_frame(CABLES)), tmp_path / "cables.parquet")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_previous_store(tmp_path, monkeypatch):
    path = write_cables(_frame(CABLES[:1]), tmp_path / "cables.parquet")
    before = path.read_bytes()

    def half_write(table, where, **kwargs):
        where.write(b"PAR1 half")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", half_write)
    with pytest.raises(OSError, match="disk full"):
        write_cables(_frame(CABLES), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cables.parquet"]
