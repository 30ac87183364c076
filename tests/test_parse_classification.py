"""Classification line: level, caveats, post and serial, on the variants real cables carry."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cablestats.parse.classification import (
    find_classification_line,
    front_matter_start,
    parse_classification,
    parse_serial,
    split_classification,
)
from cablestats.parse.header import split_header
from cablestats.parse.ids import make_reference_id

FRONT = "\n\nE.O. 12958: DECL: 01/13/2019\nTAGS: PGOV ML\nSUBJECT: A SUBJECT\n"


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504", "CONFIDENTIAL"),
        ("CONFIDENTIAL", "CONFIDENTIAL"),
        ("CONFIDENTIAL SECTION 01 of 03 KUWAIT 000128", "CONFIDENTIAL"),
        ("S E C R E T STATE 012345", "SECRET"),
        ("SECRET//NOFORN", "SECRET"),
        ("UNCLAS ANKARA 008150", "UNCLASSIFIED"),
        ("UNCLAS E F T O", "UNCLASSIFIED"),
        ("UNCLAS SECTION 01 OF 03 PARIS 008983", "UNCLASSIFIED"),
        ("UNCLASSIFIED", "UNCLASSIFIED"),
        ("UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164", "UNCLASSIFIED"),
        ("LIMITED OFFICIAL USE", "LIMITED OFFICIAL USE"),
        ("LIMITED OFFICIAL USE STATE 123456", "LIMITED OFFICIAL USE"),
        ("TOP SECRET", "TOP SECRET"),
        ("T O P S E C R E T STATE 000123", "TOP SECRET"),
        # lower-cased copies
        ("S e c r e t state 068250", "SECRET"),
        ("C o n f i d e n t i a l section 01 of 04 ankara 000348", "CONFIDENTIAL"),
        # stray spaces and typing slips seen in real cables
        ("  C O N F I D E N T I A L  BAMAKO 000504", "CONFIDENTIAL"),
        ("S E C R E T        DOHA 00214", "SECRET"),
        ("CC O N F I D E N T I A L SECTION 01 OF 02 KABUL 000123", "CONFIDENTIAL"),
        ("CO N F I D E N T I A L SECTION 01 OF 02 KABUL 000123", "CONFIDENTIAL"),
        ("C ONFIDENTIAL SECTION 01 of 03 BAKU 000744", "CONFIDENTIAL"),
        ("O N F I D E N T I A L BAGHDAD 000290", "CONFIDENTIAL"),
        ("SS E C R E T PESHAWAR 000041", "SECRET"),
        ("E C R E T SECTION 01 OF 03 BAGHDAD 000146", "SECRET"),
        ("UUNCLAS MANAGUA 001002", "UNCLASSIFIED"),
    ],
)
def test_level_of_classification_line(line, level):
    assert parse_classification(line + FRONT)[0] == level


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SIPDIS\n\nE.O. 12958: DECL: 12/15/2027\nTAGS: ASEC",
        "Secret talks were held in Oslo.",
        "SECRETARY RICE MET THE MINISTER",
        "Confidential, the minister said, was the word.",
        "CONFIDENTIAL     PTQ1859",
        "ZNY CCCCC ZZH",
        "BAMAKO 00000504 002 OF 002",
        # a classification line below the front matter is the body's, not the cable's
        "E.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: X\n\nCONFIDENTIAL",
    ],
)
def test_no_classification_line(text):
    assert parse_classification(text)[0] is None
    assert parse_serial(text) is None


@pytest.mark.parametrize(
    ("text", "caveats"),
    [
        ("C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504\n\nSIPDIS\n", ("SIPDIS",)),
        ("SECRET//NOFORN", ("NOFORN",)),
        ("S E C R E T STATE 012345\n\nNOFORN\nSIPDIS\n", ("NOFORN", "SIPDIS")),
        ("S E C R E T X 000001\n\nSIPDIS\nNOFORN\nSIPDIS\n", ("SIPDIS", "NOFORN")),
        ("S E C R E T BOGOTA 000243 SIPDIS NOFORN", ("SIPDIS", "NOFORN")),
        ("S E C R E T X 000001\n\nNOFORN SIPDIS\n", ("NOFORN", "SIPDIS")),
        ("UNCLAS FOR OFFICIAL USE ONLY", ("FOR OFFICIAL USE ONLY",)),
        ("UNCLAS E F T O STATE 012345", ("EFTO",)),
        ("UNCLAS EFTO", ("EFTO",)),
        (
            "UNCLAS SECTION 01 OF 02 BRASILIA 001660\n\nSIPDIS\n\nSENSITIVE\n",
            ("FOR OFFICIAL USE ONLY", "SIPDIS", "SENSITIVE BUT UNCLASSIFIED"),
        ),
        (
            "UNCLAS X 000001\n\nSENSITIVE BUT UNCLASSIFIED\nSIPDIS\n",
            ("FOR OFFICIAL USE ONLY", "SENSITIVE BUT UNCLASSIFIED", "SIPDIS"),
        ),
        (
            "UNCLAS X 000001\n\nDEA SENSITIVE\nSIPDIS\n",
            ("FOR OFFICIAL USE ONLY", "DEA SENSITIVE", "SIPDIS"),
        ),
        ("S E C R E T STATE 000001\n\nEXDIS\n", ("EXDIS",)),
        ("S E C R E T STATE 000001 NODIS", ("NODIS",)),
        ("C O N F I D E N T I A L X 000001\n\nLIMDIS\n", ("LIMDIS",)),
        ("C O N F I D E N T I A L STATE 000001\n\nSTADIS\n", ("STADIS",)),
        ("SECRET//REL TO USA, AUS, GBR", ("REL TO USA, AUS, GBR",)),
        ("S E C R E T X 000001\n\nREL TO USA AND GBR\n", ("REL TO USA AND GBR",)),
        ("SECRET//NOFORN//ORCON", ("NOFORN", "ORCON")),
        ("C o n f i d e n t i a l x 000001\n\nSipdis\n", ("SIPDIS",)),
        # handling lines mixed with address lines, and trailing notes after a comma
        (
            "UNCLAS X 000001\n\nDEPARTMENT FOR SCA/FO\nNSC FOR WOOD\nSENSITIVE\nSIPDIS\n",
            ("FOR OFFICIAL USE ONLY", "SENSITIVE BUT UNCLASSIFIED", "SIPDIS"),
        ),
        ("S E C R E T X 000001\n\nNOFORN, NOT FOR INTERNET DISTRIBUTION\n", ("NOFORN",)),
        ("S E C R E T X 000001\n\nNOFORN\nSIPDIS, DEA HQ FOR HARRIGAN\n", ("NOFORN", "SIPDIS")),
        # a sentence that opens with a marking word is not a handling line
        ("UNCLAS X 000001\n\nSENSITIVE information was shared.\n", ()),
        ("C O N F I D E N T I A L X 000001\n\nSTATE FOR EUR/WE\n", ()),
    ],
)
def test_caveats_in_order_without_repeats(text, caveats):
    assert parse_classification(text + FRONT)[1] == caveats


def test_caveats_stop_at_the_front_matter():
    text = "C O N F I D E N T I A L X 000001\n\nSIPDIS\n" + FRONT + "\nNOFORN\nEXDIS\n"
    assert parse_classification(text) == ("CONFIDENTIAL", ("SIPDIS",))


@pytest.mark.parametrize(
    ("line", "serial"),
    [
        ("C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504", ("BAMAKO", 504)),
        ("UNCLAS ANKARA 008150", ("ANKARA", 8150)),
        ("SECRET STATE 012345", ("STATE", 12345)),
        ("S E C R E T STATE 012345", ("STATE", 12345)),
        ("C O N F I D E N T I A L SECTION 1 OF 2 TEHRAN 2069", ("TEHRAN", 2069)),
        ("UNCLASSIFIED BUENOS AIRES 2481", ("BUENOS AIRES", 2481)),
        ("C O N F I D E N T I A L PORT AU PRINCE 000123", ("PORT AU PRINCE", 123)),
        ("C O N F I D E N T I A L USUN NEW YORK 000456", ("USUN NEW YORK", 456)),
        ("UNCLAS HO CHI MINH CITY 000012", ("HO CHI MINH CITY", 12)),
        ("C O N F I D E N T I A L        ABU DHABI 02641", ("ABU DHABI", 2641)),
        ("S e c r e t state 068250", ("STATE", 68250)),
        ("C o n f i d e n t i a l section 01 of 04 ankara 000348", ("ANKARA", 348)),
        ("UNCLAS E F T O SECTION 01 OF 02 STATE 123456", ("STATE", 123456)),
        ("C O N F I D E N T I A L//NOFORN SECTION 01 OF 02 LONDON 001991", ("LONDON", 1991)),
        ("S E C R E T BOGOTA 000243 SIPDIS NOFORN", ("BOGOTA", 243)),
        # a copy that ran the front matter onto the classification line
        (
            "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000512  SIPDIS  "
            "STATE FOR EUR/RUS  E.O. 12958: DECL: 11/12/2019",
            ("MOSCOW", 512),
        ),
        # a text dump glues its notice to the line
        (
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.UNCLAS ANKARA 008150",
            ("ANKARA", 8150),
        ),
    ],
)
def test_post_and_serial(line, serial):
    assert parse_serial(line + FRONT) == serial


@pytest.mark.parametrize(
    ("line", "reference_id"),
    [
        ("C O N F I D E N T I A L PORT AU PRINCE 000575", "09PORTAUPRINCE575"),
        ("S E C R E T STATE 006423", "09STATE6423"),
        ("C O N F I D E N T I A L SECTION 01 OF 02 BAMAKO 000504", "09BAMAKO504"),
    ],
)
def test_serial_makes_the_reference_id(line, reference_id):
    assert make_reference_id(2009, *parse_serial(line)) == reference_id


def test_serial_comes_from_the_first_numbered_line():
    text = "CONFIDENTIAL\n\nC O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097\n" + FRONT
    assert parse_serial(text) == ("CAPE TOWN", 97)
    assert parse_classification(text)[0] == "CONFIDENTIAL"


def test_section_breaks_are_not_classification_lines():
    text = "SIPDIS\n\nBAMAKO 00000504 002 OF 002\n" + FRONT
    assert parse_serial(text) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("SECRET//NOFORN", ("SECRET", ("NOFORN",))),
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", ("UNCLASSIFIED", ("FOR OFFICIAL USE ONLY",))),
        ("CONFIDENTIAL", ("CONFIDENTIAL", ())),
        ("CONFIDENTIAL//NOFORN", ("CONFIDENTIAL", ("NOFORN",))),
        ("secret//noforn", ("SECRET", ("NOFORN",))),
        (" Secret // NoForn ", ("SECRET", ("NOFORN",))),
        ("TOP SECRET//NOFORN//ORCON", ("TOP SECRET", ("NOFORN", "ORCON"))),
        ("UNCLAS", ("UNCLASSIFIED", ())),
        ("LIMITED OFFICIAL USE", ("LIMITED OFFICIAL USE", ())),
        ("", (None, ())),
        ("RESTRICTED", (None, ())),
    ],
)
def test_split_classification(label, expected):
    assert split_classification(label) == expected


def test_find_classification_line_reports_position_and_parts():
    text = "HEADER\n\nS E C R E T SECTION 01 OF 02 STATE 012345\n\nSIPDIS\n"
    line = find_classification_line(text)
    assert text[line.start :].startswith("S E C R E T")
    assert text[line.end] == "\n"
    assert (line.level, line.post, line.serial, line.caveats) == ("SECRET", "STATE", 12345, ())
    assert find_classification_line(text, line.end) is None


def test_front_matter_start_finds_each_kind_and_falls_back_to_the_top():
    for opening in ("E.O. 12958: N/A", "EO 12958 DECL: 01/01/2019", "TAGS: PGOV", "SUBJ: X"):
        text = f"UNCLAS X 000001\n\n{opening}\n"
        assert text[front_matter_start(text) :].startswith(opening)
    assert front_matter_start("UNCLAS X 000001\n") == len("UNCLAS X 000001\n")


@pytest.mark.parametrize(
    "junk",
    [
        "S" * 1_000_000,
        "C O N F I D E N T I A L " * 40_000,
        ("SECRET//NOFORN//" + "A " * 50) * 8_000,
        "UNCLAS " + "A B " * 250_000 + "000001",
        "UNCLAS " + "A B " * 250_000,
    ],
    ids=["letters", "spaced-words", "caveat-segments", "long-post", "long-post-no-serial"],
)
def test_a_megabyte_of_junk_parses_quickly(junk):
    started = time.perf_counter()
    parse_classification(junk)
    parse_serial(junk)
    assert time.perf_counter() - started < 0.2


# --- real cables --------------------------------------------------------------------------


def test_seed_cable(seed_cable_text):
    rest = seed_cable_text[seed_cable_text.index("C O N F I D E N T I A L") :]
    assert parse_classification(rest) == ("CONFIDENTIAL", ("SIPDIS",))
    assert parse_serial(rest) == ("BAMAKO", 504)


@pytest.mark.parametrize(
    ("name", "serial", "level"),
    [
        ("02ANKARA8150.txt", ("ANKARA", 8150), "UNCLASSIFIED"),
        ("02BOGOTA1025.txt", ("BOGOTA", 1025), "CONFIDENTIAL"),
    ],
)
def test_text_dumps(shared_data: Path, name, serial, level):
    text = (shared_data / "cablegate-txt" / name).read_text(encoding="utf-8")
    rest = split_header(text)[1]
    assert parse_serial(rest) == serial
    assert parse_classification(rest)[0] == level
