"""A synthetic archive reads back field for field, in every format it is written in.

One small archive is written as raw text, WikiLeaks pages and ``cables.csv``,
read with ``cs.read_cables`` and compared with the generator's records, one
test per format and field so that a failure names both.  The few pairs that
fail because of known reader limitations are marked ``xfail`` with the
reason, and turn into XPASS once the reader is fixed.
"""

from __future__ import annotations

import dataclasses

import pytest

import cablestats as cs
import cablestats.synth as synth
from cablestats.synth.defects import DEFECT_RATES

N_CABLES = 200
SEED = 7

#: Fields a reader must return exactly as generated.
FIELDS = (
    "reference_id",
    "created",
    "origin",
    "classification",
    "caveats",
    "tags",
    "subject",
    "references",
    "classified_by",
    "declassify_on",
    "summary",
    "signer",
    "sender",
    "precedence",
    "recipients",
    "info_recipients",
    "paragraphs",
    "body",
)

# Reader limitations met by realistic synthetic cables, by (format, field); "*" is every format.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _cases():
    for format in synth.FORMATS:
        for field in FIELDS:
            gap = KNOWN_GAPS.get((format, field)) or KNOWN_GAPS.get(("*", field))
            marks = [pytest.mark.xfail(reason=gap, strict=False)] if gap else []
            yield pytest.param(format, field, marks=marks, id=f"{format}-{field}")


@pytest.fixture(scope="module")
def archive() -> synth.SyntheticArchive:
    return synth.generate(N_CABLES, seed=SEED)


@pytest.fixture(scope="module")
def expected(archive) -> dict[str, cs.Cable]:
    return {cable.reference_id: cable for cable in archive.iter_cables()}


@pytest.fixture(scope="module")
def read_back(archive, tmp_path_factory) -> dict[str, dict[str, cs.Cable]]:
    """Records read from the archive written in each format, by format and reference id."""
    found = {}
    for format in synth.FORMATS:
        folder = archive.write(tmp_path_factory.mktemp(format), format, progress=False)
        frame = cs.read_cables(folder, errors="raise", progress=False)
        found[format] = {
            reference_id: cs.Cable.from_record({"reference_id": reference_id, **row})
            for reference_id, row in zip(frame.index, frame.to_dict("records"), strict=True)
        }
    return found


@pytest.mark.parametrize("format", synth.FORMATS)
def test_every_cable_is_read_back(format, read_back, expected):
    assert sorted(read_back[format]) == sorted(expected)


@pytest.mark.parametrize(("format", "field"), list(_cases()))
def test_field_reads_back_exactly(format, field, read_back, expected):
    found = read_back[format]
    wrong = [
        (reference_id, getattr(cable, field), getattr(found[reference_id], field))
        for reference_id, cable in expected.items()
        if reference_id in found and getattr(cable, field) != getattr(found[reference_id], field)
    ]
    assert not wrong, f"{len(wrong)} of {len(expected)} cables differ, first: {wrong[0]!r}"


def test_fields_cover_the_record():
    """Every field of a cable but bookkeeping is compared."""
    bookkeeping = {"released", "source", "warnings"}
    assert set(FIELDS) == {field.name for field in dataclasses.fields(cs.Cable)} - bookkeeping


def test_archive_holds_empty_extracts_and_defects():
    """The archive under test exercises what readers must tolerate."""
    drafts = list(synth.generate(2000, seed=SEED).iter_drafts())
    assert any(draft.empty for draft in drafts)
    planted = set().union(*(draft.layout.defects for draft in drafts))
    assert planted == set(DEFECT_RATES)
