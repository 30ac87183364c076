"""Paragraphs and the clean body.

The fragments are short, in the shapes of real cables; the second half runs
both parsers over the 962 real cable pages.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablestats.cable import Paragraph
from cablestats.io.html import CablePage
from cablestats.parse.body import (
    _is_rule,
    _marked_lines,
    _more_words_than,
    clean_body,
    parse_paragraphs,
)
from cablestats.parse.fields import parse_signer
from cablestats.parse.text import RULE_LINE_RE
from tests.fixtures_io import real_pages
from tests.strategies import cable_like_text

_HEAD = "SUBJECT: X\n\n"


def _paragraphs(text: str) -> list[tuple[int | None, str | None, str]]:
    return [(p.number, p.classification, p.text) for p in parse_paragraphs(_HEAD + text)]


# ---------------------------------------------------------------------------
# parse_paragraphs
# ---------------------------------------------------------------------------

PARAGRAPHS = [
    ("plain", "1. (C) First.\n\n2. (U) Second.", [(1, "C", "First."), (2, "U", "Second.")]),
    ("pilcrow", "¶1. (U) First.\n¶2. (SBU) Second.", [(1, "U", "First."), (2, "SBU", "Second.")]),
    (
        "markdown-mark",
        "[1](#)1. (U) First.\n\n[1](#)2. (C) Second.",
        [(1, "U", "First."), (2, "C", "Second.")],
    ),
    (
        "html-anchor",
        "<a id='par1' href='#par1'>¶</a>1. (U) First.\n<a id='par2' href='#par2'>¶</a>2. (C) Next.",
        [(1, "U", "First."), (2, "C", "Next.")],
    ),
    ("two-spaces", "1.  (SBU) Two spaces.", [(1, "SBU", "Two spaces.")]),
    ("comma-and-half-bracket", "1, (C) One.\n2. C) Two.", [(1, "C", "One."), (2, "C", "Two.")]),
    (
        "leading-unnumbered",
        "(U) This is a PRT cable.\n\n1. (C) First.",
        [(None, "U", "This is a PRT cable."), (1, "C", "First.")],
    ),
    (
        "markings",
        "1. (S//NF) a\n2. (C/NF) b\n3. (C//REL TO USA, NATO) c\n4. (S/NF) d\n5. (TS) e\n6. (sbu) f",
        [
            (1, "S//NF", "a"),
            (2, "C/NF", "b"),
            (3, "C//REL TO USA, NATO", "c"),
            (4, "S/NF", "d"),
            (5, "TS", "e"),
            (6, "SBU", "f"),
        ],
    ),
    ("no-marking", "1. Unmarked.\n2. (U) Marked.", [(1, None, "Unmarked."), (2, "U", "Marked.")]),
    (
        "wrapped",
        "1. (C) A line that\nwraps  onto   the next.",
        [(1, "C", "A line that wraps onto the next.")],
    ),
    (
        "page-break",
        "1. (C) Before the break\nBAMAKO 00000504 002 OF 002\nafter it.",
        [(1, "C", "Before the break after it.")],
    ),
    ("section-line", "1. (C) Before\nSECTION 02 OF 03\nafter.", [(1, "C", "Before after.")]),
    ("redaction", "1. (C) Met XXXXXXXXXXXX today.", [(1, "C", "Met today.")]),
    (
        "handling-words",
        "1. (C) Text\nSIPDIS\nmore text. (S/NOFORN) stays.",
        [(1, "C", "Text more text. (S/NOFORN) stays.")],
    ),
    (
        "sub-paragraphs",
        "1. (C) Points:\nA. first;\nB. second.\n-- a dash item\n- another\n\n2. (C) Next.",
        [(1, "C", "Points: A. first; B. second. -- a dash item - another"), (2, "C", "Next.")],
    ),
    (
        "numbered-list-inside",
        "3. (C) Points:\n1. first\n2. second\n\n4. (C) Next.",
        [(3, "C", "Points: 1. first 2. second"), (4, "C", "Next.")],
    ),
    ("marked-skip", "1. (C) a\n\n3. (C) b", [(1, "C", "a"), (3, "C", "b")]),
    ("unmarked-jump-is-text", "1. a\n\n15. b", [(1, None, "a 15. b")]),
    # Sub-headings introduce the next section: they are not the text of the
    # paragraph before them.
    (
        "ruled-heading",
        "1. (C) Text one.\n\n-----\nTaking a Breather\n-----\n\n2. (C) Text two.",
        [(1, "C", "Text one."), (2, "C", "Text two.")],
    ),
    (
        "slashed-heading",
        "1. (C) Text.\n\n//LATIN AMERICA//\n\n2. (C) More.",
        [(1, "C", "Text."), (2, "C", "More.")],
    ),
    (
        "dashed-heading",
        "1. (C) Text.\n\n--- Directly Engage ---\n\n2. (C) More.",
        [(1, "C", "Text."), (2, "C", "More.")],
    ),
    (
        "equals-heading",
        "1. (C) Text.\n\n==LATIN AMERICA==\n\n2. (C) More.\n\n== Europe ==\n3. (C) Last.",
        [(1, "C", "Text."), (2, "C", "More."), (3, "C", "Last.")],
    ),
    (
        "short-line-heading",
        "1. (C) Text ends here.\n\nPOLICE\n\n2. (C) More.",
        [(1, "C", "Text ends here."), (2, "C", "More.")],
    ),
    (
        "glued-heading",
        "1. (C) Text ends here. ------- Policy Sensitivities -------\n\n2. (C) More.",
        [(1, "C", "Text ends here."), (2, "C", "More.")],
    ),
    ("signer-and-markers", "1. (C) Last.\n\nMILOVANOVIC\nBT\nNNNN", [(1, "C", "Last.")]),
    # Blanks other than spaces and newlines take the slower exact collapse.
    (
        "tab-and-em-space",
        "1. (C) A\ttab and\u2003wide  space.",
        [(1, "C", "A tab and wide space.")],
    ),
    # The character that joins a body's pieces for cleaning stays in a text that holds it.
    (
        "nul-in-text",
        "1. (C) First\x00 part.\n\n2. (U) Second.",
        [(1, "C", "First\x00 part."), (2, "U", "Second.")],
    ),
    # A classification line left behind once a handling word is gone is not prose either.
    (
        "level-behind-handling-word",
        "1. (C) Text\nSIPDIS CONFIDENTIAL\nmore text.",
        [(1, "C", "Text more text.")],
    ),
    (
        "one-word-paragraph",
        "1. (C) First.\n\n2. (U) Second.",
        [(1, "C", "First."), (2, "U", "Second.")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in PARAGRAPHS], ids=[case[0] for case in PARAGRAPHS]
)
def test_parse_paragraphs(text: str, expected: list[tuple[int | None, str | None, str]]) -> None:
    assert _paragraphs(text) == expected


def test_parse_paragraphs_returns_paragraph_records() -> None:
    (paragraph,) = parse_paragraphs("1. (C) Text.")
    assert paragraph == Paragraph(1, "C", "Text.")


def test_parse_paragraphs_skips_the_front_matter() -> None:
    text = "TAGS: PGOV\nSUBJECT: X\n\nREF: A. BAMAKO 445\n\n1. (C) Body."
    assert _paragraphs(text) == [(1, "C", "Body.")]


@pytest.mark.parametrize("text", ["", "\n\n", "SUBJECT: ONLY A SUBJECT"])
def test_parse_paragraphs_of_no_body(text: str) -> None:
    assert parse_paragraphs(text) == []


# ---------------------------------------------------------------------------
# clean_body
# ---------------------------------------------------------------------------

CABLE = """\
R 291419Z JUL 09
FM AMEMBASSY TESTVILLE
TO RUEHC/SECSTATE WASHDC 0599

C O N F I D E N T I A L SECTION 01 OF 02 TESTVILLE 000042

SIPDIS
NOFORN

E.O. 12958: DECL: 01/13/2019
TAGS: [PGOV](#) [PREL](#)
SUBJECT: A TEST SUBJECT
WRAPPED

REF: A. TESTVILLE 41
[1](#)B. STATE 1234

Classified By: Ambassador Jane Doe, Embassy Testville,
for reasons 1.4 (b) and (d).

[1](#)1. (C) Summary: The first paragraph
wraps. End Summary.

-----
A Sub-Heading
-----

[1](#)2. (SBU) The second &#x000A;paragraph met XXXXXXXXXXXX and # stayed.
TESTVILLE 00000042 002 OF 002
It goes on.

Visit Testville's Classified Website: http://www.state.sgov.gov/p/testville
DOE
BT
#0042
NNNN
"""


def test_clean_body_keeps_the_prose_only() -> None:
    assert clean_body(CABLE) == (
        "Summary: The first paragraph wraps. End Summary.\n\n"
        "A Sub-Heading\n\n"
        "The second paragraph met and stayed. It goes on."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(U) This is a PRT cable.\n\n1. (C) First.", "This is a PRT cable.\n\nFirst."),
        ("1. (C) Text ends here.\n\nPOLICE\n\n2. (C) More.", "Text ends here.\n\nPOLICE\n\nMore."),
        ("1. (C) Text.\n\n//LATIN AMERICA//\n\n2. (C) More.", "Text.\n\nLATIN AMERICA\n\nMore."),
        ("1. (C) Text.\n\n==LATIN AMERICA==\n\n2. (C) More.", "Text.\n\nLATIN AMERICA\n\nMore."),
        ("1. (U) Classified by Ambassador Jane Doe, reasons 1.4 (d).\n\n2. (C) Text.", "Text."),
        ("1. (C) Last.\nEND TEXT.\nSMITH", "Last."),
        ("1. (C) Last.\n\nSMITH\n\nSMITH", "Last."),  # the signature printed twice
        # A field repeated below the others is front matter too.
        ("Classified By: Jane Doe, reasons 1.4 (d)\n\nSUBJECT: X AGAIN\n\n1. (C) Text.", "Text."),
        ("Just prose without markers.", "Just prose without markers."),
        ("", ""),
        # Headings next to rules, below a paragraph's prose.
        (
            "1. (C) The talks went on.\nThey ended late after a long day of talks in the old"
            " capital. Concerns about Russia\n-------\nThe minister said no.\n\n2. (C) More.",
            "The talks went on. They ended late after a long day of talks in the old capital."
            " The minister said no.\n\nConcerns about Russia\n\nMore.",
        ),
        (
            "1. (C) First line of text,\nsecond line ends.\n\n\nRight of Return\n"
            "---------------\n\n2. (C) More.",
            "First line of text, second line ends.\n\nRight of Return\n\nMore.",
        ),
        (
            "1. (C)\n-----\nHeading\n-----\nText follows.\n\n2. (C) More.",
            "Text follows.\n\nHeading\n\nMore.",
        ),
        ("1. (C) Text.\n-----\n=====\n\n2. (C) More.", "Text.\n\nMore."),
    ],
)
def test_clean_body(text: str, expected: str) -> None:
    assert clean_body(_HEAD + text) == expected


@given(cable_like_text)
def test_body_parsers_never_raise_and_agree(text: str) -> None:
    paragraphs = parse_paragraphs(text)
    body = clean_body(text)
    numbers = [paragraph.number for paragraph in paragraphs if paragraph.number is not None]
    assert numbers == sorted(set(numbers))
    assert "¶" not in body and not re.search(r"X{4}", body)


@given(st.text(alphabet=" \t\na-z", max_size=60), st.integers(min_value=0, max_value=15))
def test_more_words_than_counts_like_split(text: str, count: int) -> None:
    assert _more_words_than(text, count) == (len(text.split()) > count)


@given(st.text(alphabet=" \t\x0b-=_*~‐–—/a", max_size=8))
def test_is_rule_is_a_rule_line(line: str) -> None:
    assert _is_rule(line) == bool(RULE_LINE_RE.fullmatch("\n" + line))


@given(st.lists(st.text(alphabet=" \t-=_*~/ab", max_size=8), min_size=1, max_size=12))
def test_marked_lines_are_those_opening_with_a_rule_character(lines: list[str]) -> None:
    expected = [i for i, line in enumerate(lines) if line.lstrip()[:1] in tuple("-=_*~/")]
    assert _marked_lines(lines) == expected


_JUNK = {
    "paragraph-openings": "1. (C) 2. (S//NF)\n" * 55_000,
    "rules-and-headings": "-----\nHeading\n-----\n" * 50_000,
    "long-dash-run": "1. (C) Text " + "-" * 1_000_000,
    "page-breaks": "BAMAKO 00000504 002 OF 002\n" * 37_000,
    "slashes": "//" * 500_000,
    "one-line": "word " * 200_000,
}


@pytest.mark.parametrize("junk", list(_JUNK.values()), ids=list(_JUNK))
def test_body_parsers_are_fast_on_a_megabyte_of_junk(junk: str) -> None:
    started = time.process_time()
    parse_paragraphs(junk)
    clean_body(junk)
    assert time.process_time() - started < 1.0


# ---------------------------------------------------------------------------
# The seed cable 09BAMAKO504
# ---------------------------------------------------------------------------


def test_seed_paragraphs(seed_cable_text: str) -> None:
    paragraphs = parse_paragraphs(seed_cable_text)
    assert [paragraph.number for paragraph in paragraphs] == list(range(1, 9))
    assert [paragraph.classification for paragraph in paragraphs] == [
        "U",
        "C",
        "SBU",
        "SBU",
        "C",
        "C",
        "SBU",
        "C",
    ]
    assert paragraphs[0].text == "Embassies Algiers and Tripoli have cleared on this message."
    assert paragraphs[1].text.startswith("Summary: During a pause in Mali's offensive")
    for heading in ("Taking a Breather", "The French Deliver", "Comment:"):
        assert not any(heading in paragraph.text for paragraph in paragraphs)


def test_seed_body(seed_cable_text: str) -> None:
    body = clean_body(seed_cable_text)
    assert body.startswith("Embassies Algiers and Tripoli have cleared on this message.\n\n")
    headings = [
        "Taking a Breather (To Make Friends)",
        "New Focus on the Algiers Accords",
        "The French Deliver on a Commitment",
        "Comment:",
    ]
    blocks = body.split("\n\n")
    assert [block for block in blocks if block in headings] == headings
    for artefact in ("[1](#)", "¶", "BAMAKO 00000504", "002 OF 002", "MILOVANOVIC", "-----"):
        assert artefact not in body
    for front in ("TAGS", "SUBJECT", "Classified By", "E.O. 12958", "SIPDIS"):
        assert front not in body
    assert len(blocks) == 12  # eight paragraphs and four sub-headings


# ---------------------------------------------------------------------------
# The 962 real cable pages
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(shared_data: Path) -> tuple[CablePage, ...]:
    return real_pages(shared_data / "cablegate-html")


def test_real_paragraph_numbers_go_up(pages: tuple[CablePage, ...]) -> None:
    with_paragraphs = first_is_one = marked = total = 0
    for page in pages:
        paragraphs = parse_paragraphs(page.body)
        numbers = [paragraph.number for paragraph in paragraphs if paragraph.number is not None]
        assert numbers == sorted(set(numbers)), page.reference_id
        assert all(paragraph.text == " ".join(paragraph.text.split()) for paragraph in paragraphs)
        with_paragraphs += bool(numbers)
        first_is_one += bool(numbers) and numbers[0] == 1
        marked += sum(paragraph.classification is not None for paragraph in paragraphs)
        total += len(paragraphs)
    # Measured: 952 of 962 pages have numbered paragraphs (the others are
    # truncated or unnumbered), 943 of them start at 1, 97% of 10,010
    # paragraphs carry a marking (old cables mark none).
    assert with_paragraphs / len(pages) > 0.98
    assert first_is_one / with_paragraphs > 0.98
    assert marked / total > 0.95


_ARTEFACT_RE = re.compile(
    r"¶|\[1\]\(#\)|&#x000A;|<a\b|X{4}|x{4}"
    r"|^[ \t]*[A-Z][A-Z .'-]{0,40}[ \t]+\d{6,8}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}[ \t]*$"
    r"|^[ \t]*(?:SECTION \d+ OF \d+|BT|NNNN|SIPDIS|[-=_]{3,})[ \t]*$",
    re.M,
)


def test_real_bodies_are_clean(pages: tuple[CablePage, ...]) -> None:
    dirty = {}
    for page in pages:
        match = _ARTEFACT_RE.search(clean_body(page.body))
        if match:
            dirty[page.reference_id] = match.group()
    assert dirty == {}


def test_real_bodies_leave_out_front_matter_and_signer(pages: tuple[CablePage, ...]) -> None:
    empty, signed_at_end = [], []
    for page in pages:
        body = clean_body(page.body)
        if not body:
            empty.append(page.reference_id)
            continue
        assert not re.match(r"(?:TAGS|SUBJECT|E\.O\.|REF)\b", body), page.reference_id
        assert "\n\n\n" not in body
        signer = parse_signer(page.body)
        if signer and body.endswith(signer):
            signed_at_end.append(page.reference_id)
    # Seven pages hold only a truncated stub after their front matter.
    assert len(empty) <= 7, empty
    assert signed_at_end == []
