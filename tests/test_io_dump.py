"""Text dumps: the plain layout, the envelope layout, empty and partial extracts."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablestats as cs
from cablestats.io import detect_format, iter_cables
from cablestats.io.dump import iter_dump, looks_like_dump, parse_dump
from tests.fixtures_io import RAW_CABLE, dump_text, envelope_dump_text, utc


@pytest.fixture(scope="module")
def dumps(shared_data: Path) -> dict[str, cs.Cable]:
    folder = shared_data / "cablegate-txt"
    return {cable.reference_id: cable for cable in iter_cables(folder)}


def test_every_real_dump_is_read_and_detected(dumps, shared_data):
    assert set(dumps) == {"01STATE176819", "02ANKARA8150", "02BOGOTA1025"}
    for path in (shared_data / "cablegate-txt").iterdir():
        assert detect_format(path) == "dump"


def test_empty_extract_is_a_record_with_an_empty_body(dumps):
    cable = dumps["01STATE176819"]
    assert cable.body == "" and cable.paragraphs == ()
    assert cable.created == utc(2001, 10, 11)  # the calendar date, not 22:00 the day before
    assert (cable.classification, cable.origin) == ("CONFIDENTIAL", "Secretary of State")
    assert cable.subject == "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)"


def test_partial_extract_note_is_dropped(shared_data):
    [raw] = iter_dump(shared_data / "cablegate-txt" / "02ANKARA8150.txt")
    assert raw.text.startswith("UNCLAS ANKARA 008150")
    assert "partial extract" not in raw.text
    assert raw.created == utc(2002, 11, 13)


def test_envelope_gives_its_date_id_and_references(dumps, shared_data):
    cable = dumps["02BOGOTA1025"]
    assert cable.created == utc(2002, 2, 4, 11, 52)
    assert {"02BOGOTA879", "02BOGOTA918"} <= set(cable.references)
    [raw] = iter_dump(shared_data / "cablegate-txt" / "02BOGOTA1025.txt")
    assert raw.text.startswith("P 041152Z FEB 02\nFM AMEMBASSY BOGOTA\n")
    for envelope_part in ("id: 2446", "refid:", "header ends", "CABLE ENDS"):
        assert envelope_part not in raw.text
    assert "\n\nC O N F I D E N T I A L SECTION 01 OF 02 BOGOTA 001025" in raw.text


def test_envelope_values_win_over_the_first_lines():
    header, text = RAW_CABLE.split("\n\n", 1)
    content = envelope_dump_text(
        header=header, text=text, date="3/2/2009 12:00", destination="09TESTVILLE7|08STATE123"
    )
    raw = parse_dump(content, source="x.txt")
    assert raw.created == utc(2009, 3, 2, 12, 0)
    assert raw.references == ("09TESTVILLE7", "08STATE123")
    assert raw.text == f"{header}\n\n{text.strip(chr(10))}"


def test_plain_dump_keeps_its_text_and_metadata():
    raw = parse_dump(dump_text(), source="x.txt")
    assert raw.text == RAW_CABLE
    assert (raw.reference_id, raw.subject, raw.origin) == (
        "09TESTVILLE42",
        "A TEST CABLE",
        "Embassy Testville",
    )
    assert raw.created == utc(2009, 3, 2)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("09A1\nsubject\n", "5 metadata lines, found 3"),
        (dump_text(date="yesterday"), "line 3 should be a date"),
    ],
)
def test_malformed_dumps_say_what_is_wrong(tmp_path, content, expected):
    path = tmp_path / "09A1.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.warns(cs.CableParseWarning, match=expected):
        assert list(iter_cables(path, format="dump")) == []


def test_dump_detection_needs_an_id_and_a_date_line():
    assert looks_like_dump(dump_text())
    assert not looks_like_dump(RAW_CABLE)
    assert not looks_like_dump(dump_text(reference_id="Dear diary"))
