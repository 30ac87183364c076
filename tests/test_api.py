"""The public front door matches the documented contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import cablestats as cs
import cablestats.parse as parse

#: Names of the public API contract (DESIGN.md) that exist at this stage.
DOCUMENTED = {
    "Cable",
    "CableVectorizer",
    "Corpus",
    "Paragraph",
    "Recipient",
    "parse_cable",
    "iter_cables",
    "read_cables",
    "write_cables",
    "TopicModel",
    "Report",
    "select_n_topics",
    "Theme",
    "UnknownTermError",
    "bursts",
    "emerging_terms",
    "keyword_trends",
    "load_themes",
    "partner_network",
    "term_series",
    "CablestatsError",
    "CableParseError",
    "CablestatsWarning",
    "CableParseWarning",
    "DuplicateCableWarning",
    "RunLockedError",
    "SpecError",
    "StoreError",
}

#: Field parsers and their documented parameters.
FIELD_PARSERS = {
    "parse_tags": ["text"],
    "parse_subject": ["text"],
    "parse_references": ["text", "year", "reference_id"],
    "parse_declassify_on": ["text"],
    "parse_classified_by": ["text"],
    "parse_summary": ["text"],
    "parse_signer": ["text"],
    "parse_recipients": ["header_text"],
    "parse_info_recipients": ["header_text"],
}


def test_all_is_exactly_the_documented_names():
    assert set(cs.__all__) == DOCUMENTED
    for name in cs.__all__:
        assert hasattr(cs, name), name


def test_field_parsers_have_documented_signatures():
    for name, params in FIELD_PARSERS.items():
        signature = inspect.signature(getattr(parse, name))
        assert list(signature.parameters) == params, name
    assert inspect.signature(parse.parse_references).parameters["reference_id"].default is None


def test_parse_cable_keywords_are_keyword_only():
    signature = inspect.signature(cs.parse_cable)
    for name in ("reference_id", "strict"):
        assert signature.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.parameters["strict"].default is False


def test_readers_take_documented_keywords():
    for reader in (cs.iter_cables, cs.read_cables):
        parameters = inspect.signature(reader).parameters
        assert parameters["format"].default == "auto"
        assert parameters["errors"].default == "warn"
    assert inspect.signature(cs.read_cables).parameters["progress"].default is None


def test_cable_has_documented_fields_and_is_frozen():
    names = {field.name for field in dataclasses.fields(cs.Cable)}
    documented = {
        "reference_id", "created", "origin", "classification", "caveats", "tags", "subject",
        "references", "classified_by", "declassify_on", "summary", "signer", "sender",
        "precedence", "recipients", "info_recipients", "paragraphs", "body", "source",
        "warnings",
    }  # fmt: skip
    assert documented <= names
    cable = cs.Cable("09BAMAKO504")
    try:
        cable.subject = "changed"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Cable must be frozen")


def test_cable_record_round_trip_keeps_every_field():
    cable = cs.Cable(
        "09BAMAKO504",
        created=dt.datetime(2009, 7, 29, 14, 19, tzinfo=dt.UTC),
        classification="CONFIDENTIAL",
        caveats=("SIPDIS",),
        tags=("PTER", "ML"),
        declassify_on=dt.date(2019, 1, 13),
        recipients=(cs.Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "0599"),),
        paragraphs=(cs.Paragraph(1, "U", "Cleared."), cs.Paragraph(None, None, "x")),
        warnings=("tags: example",),
    )
    record = cable.to_record()
    assert record["tags"] == ["PTER", "ML"]
    assert record["recipients"][0]["mcn"] == "0599"
    assert cs.Cable.from_record(record) == cable


def test_parse_error_is_a_value_error_that_says_where():
    error = cs.CableParseError("no TAGS line", reference_id="09BAMAKO504", source="a.txt",
                               field="tags")  # fmt: skip
    assert isinstance(error, ValueError)
    assert str(error) == "09BAMAKO504 in a.txt: tags: no TAGS line"
