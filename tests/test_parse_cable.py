"""parse_cable end to end: the seed cable, robustness, strictness."""

from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest
from hypothesis import given, settings

import cablestats as cs
from tests.strategies import cable_like_text


@pytest.fixture(scope="module")
def seed_cable(seed_cable_text: str) -> cs.Cable:
    return cs.parse_cable(seed_cable_text)


def test_seed_cable_identity(seed_cable):
    assert seed_cable.reference_id == "09BAMAKO504"
    assert seed_cable.created == dt.datetime(2009, 7, 29, 14, 19, tzinfo=dt.UTC)
    assert seed_cable.classification == "CONFIDENTIAL"
    assert "SIPDIS" in seed_cable.caveats
    assert seed_cable.origin == "Embassy Bamako"
    assert seed_cable.sender == "AMEMBASSY BAMAKO"
    assert seed_cable.precedence == "R"


def test_seed_cable_front_matter(seed_cable):
    assert seed_cable.tags == ("PGOV", "PINS", "PINR", "PREL", "PTER", "ML")
    assert seed_cable.subject == "MALI FINDS NEW ALLIES AGAINST AQIM"
    assert seed_cable.references == ("09BAMAKO445", "09BAMAKO460")
    assert seed_cable.classified_by == ("Peter Henry Barlerin",)
    assert seed_cable.declassify_on == dt.date(2019, 1, 13)
    assert seed_cable.signer == "MILOVANOVIC"
    assert seed_cable.summary.startswith("During a pause in Mali's offensive")
    assert seed_cable.summary.endswith("in the fight against Al Qaeda.")


def test_seed_cable_addressees(seed_cable):
    assert [r.name for r in seed_cable.recipients] == ["SECSTATE WASHDC"]
    assert seed_cable.recipients[0] == cs.Recipient("RUEHC", "SECSTATE WASHDC", None, "0599")
    info = [r.name for r in seed_cable.info_recipients]
    assert "ECOWAS COLLECTIVE" in info
    assert "AMEMBASSY ALGIERS" in info


def test_seed_cable_paragraphs_and_body(seed_cable):
    numbered = [p for p in seed_cable.paragraphs if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 9))
    assert [p.classification for p in numbered] == ["U", "C", "SBU", "SBU", "C", "C", "SBU", "C"]
    assert numbered[0].text == "Embassies Algiers and Tripoli have cleared on this message."
    body = seed_cable.body
    for artefact in ("[1](#)", "¶", "00000504 002 OF 002", "(SBU)", "SIPDIS", "TAGS"):
        assert artefact not in body
    assert "France presented Malian Minister of Defense" in body
    assert not seed_cable.warnings


def test_given_metadata_wins_over_the_text(seed_cable_text):
    cable = cs.parse_cable(
        seed_cable_text,
        reference_id="09BAMAKO504",
        created=dt.datetime(2009, 7, 29, 14, 1),
        classification="SECRET//NOFORN",
        origin="Embassy Bamako",
    )
    assert cable.created == dt.datetime(2009, 7, 29, 14, 1, tzinfo=dt.UTC)
    assert cable.classification == "SECRET"
    assert cable.caveats[0] == "NOFORN"


def test_empty_text_with_an_id_is_a_valid_empty_record():
    cable = cs.parse_cable("", reference_id="01STATE176819")
    assert cable.reference_id == "01STATE176819"
    assert cable.body == ""
    assert cable.paragraphs == ()


def test_text_without_identity_records_warnings_not_errors():
    cable = cs.parse_cable("Nothing here resembles a cable.")
    assert cable.reference_id == ""
    assert any(w.startswith("reference_id:") for w in cable.warnings)


def test_strict_raises_a_parse_error_naming_the_field():
    with pytest.raises(cs.CableParseError) as caught:
        cs.parse_cable("Nothing here resembles a cable.", strict=True, source="junk.txt")
    assert caught.value.field is not None
    assert "junk.txt" in str(caught.value)


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError, match="str"):
        cs.parse_cable(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(cable_like_text)
def test_parser_never_raises_unless_strict(text):
    cable = cs.parse_cable(text)
    assert isinstance(cable, cs.Cable)
    with contextlib.suppress(cs.CableParseError):
        cs.parse_cable(text, strict=True)


@pytest.mark.parametrize(
    "junk",
    [
        "A" * 1_000_000,
        "TAGS: " + "PGOV " * 200_000,
        "REF: " + "A. BAMAKO 445 " * 70_000,
        ("1. (C) " + "x" * 60 + "\n") * 15_000,
        "Classified By: " + "Ambassador " * 90_000,
        "SUBJECT: " + "(" * 1_000_000,
        " \n" * 500_000,
        "XXXX" * 250_000,
    ],
    ids=["letters", "tags", "refs", "paragraphs", "classified", "parens", "blank", "redacted"],
)
def test_a_megabyte_of_junk_parses_in_under_a_second(junk):
    start = time.process_time()
    cable = cs.parse_cable(junk)
    elapsed = time.process_time() - start
    assert isinstance(cable, cs.Cable)
    assert elapsed < 1.0, f"{elapsed:.2f} s of CPU: a regex backtracks"
