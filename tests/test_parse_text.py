"""Text normalisation and the shared layout patterns.

The second half runs :func:`normalize_text` over the body blocks of the 962
real cable pages, markup and all, and compares it with the page reader's
plain text.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablestats.io.html import parse_cable_page
from cablestats.parse.text import (
    MARKED_LINE_RE,
    OTHER_BLANKS,
    PARAGRAPH_START_RE,
    RULE_LINE_RE,
    SECTION_BREAK_LINE_RE,
    LinePattern,
    collapse_plain,
    collapse_whitespace,
    normalize_text,
    plain_blanks,
    remove_page_breaks,
    remove_redactions,
)
from tests.strategies import cable_like_text

# ---------------------------------------------------------------------------
# normalize_text
# ---------------------------------------------------------------------------

NORMALIZED = [
    ("crlf", "TAGS: PGOV\r\nSUBJECT: X\r\n", "TAGS: PGOV\nSUBJECT: X\n"),
    ("lone-cr", "TAGS: PGOV\rSUBJECT: X", "TAGS: PGOV\nSUBJECT: X"),
    ("trailing-blanks", "SUBJECT: X  \t\n1. (C) Text. \n", "SUBJECT: X\n1. (C) Text.\n"),
    ("nbsp", "SUBJECT:\xa0X\xa0\nBODY", "SUBJECT: X\nBODY"),
    ("markdown-tag", "TAGS: [PGOV](#) [PREL](#)", "TAGS: PGOV PREL"),
    ("markdown-paragraph-mark", "[1](#)2. (C) Text", "¶2. (C) Text"),
    (
        "markdown-mark-before-letter",
        "REF: A. BAMAKO 445\n[1](#)B. BAMAKO 460",
        "REF: A. BAMAKO 445\n¶B. BAMAKO 460",
    ),
    ("markdown-link-elsewhere", "see [the site](http://example.org/x) now", "see the site now"),
    ("markdown-number-not-a-mark", "[1](#) and more", "1 and more"),
    ("html-tag-link", "TAGS: <a href='/tag/PGOV_0.html'>PGOV</a>", "TAGS: PGOV"),
    ("html-paragraph-anchor", "<a id='par1' href='#par1'>¶</a>1. (U) Text", "¶1. (U) Text"),
    ("escaped-newline-entity", "TAGS: PGOV&#x000A;SUBJECT: X", "TAGS: PGOV\nSUBJECT: X"),
    ("decimal-newline-entity", "A&#10;B", "A\nB"),
    ("entities", "AT&amp;T &lt;40 &gt; &quot;x&quot; &#39;y&#39;", "AT&T <40 > \"x\" 'y'"),
    # A decoded viewer tag is markup again, and goes: the result stays a fixed point.
    ("escaped-viewer-tag", "a &lt;br&gt; b", "a  b"),
    ("double-escaped", "AT&amp;amp;T", "AT&T"),
    ("unknown-entity-kept", "R&D &copy; &foo;", "R&D &copy; &foo;"),
    ("break-tag", "line one<br/>line two<BR>", "line oneline two"),
    ("emphasis", "<strong>SUBJECT</strong>: <em>X</em>", "SUBJECT: X"),
    ("less-than-in-prose", "turnout < 40 percent and > 20", "turnout < 40 percent and > 20"),
    ("backslash-line-ends", "TAGS: PGOV \\\nSUBJECT: X \\\n", "TAGS: PGOV\nSUBJECT: X\n"),
    ("literal-backslash-n", "TAGS: PGOV\\nSUBJECT: X", "TAGS: PGOV\nSUBJECT: X"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in NORMALIZED], ids=[case[0] for case in NORMALIZED]
)
def test_normalize_text_variants(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize("text", [case[1] for case in NORMALIZED], ids=[c[0] for c in NORMALIZED])
def test_normalize_text_is_idempotent_on_variants(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


_MARKUP = st.sampled_from(
    [
        "[PGOV](#)",
        "[1](#)",
        "<a href='/tag/PGOV_0.html'>PGOV</a>",
        "<a id='par1' href='#par1'>¶</a>",
        "&#x000A;",
        "&amp;",
        "&amp;lt;",
        "\r\n",
        "\r",
        "\xa0",
        "\\",
        "\\n",
        " ",
        "[",
        "](#)",
        "<a href='#'>",
        "</a>",
    ]
)


@given(st.lists(st.one_of(_MARKUP, cable_like_text, st.text(max_size=5)), max_size=30).map("".join))
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(cable_like_text)
def test_normalize_text_leaves_no_carriage_returns_or_trailing_blanks(text: str) -> None:
    normalized = normalize_text(text)
    assert "\r" not in normalized
    assert "\xa0" not in normalized
    assert all(line == line.rstrip(" \t") for line in normalized.split("\n"))


def test_normalize_text_of_a_megabyte_of_markup_is_fast() -> None:
    junk = "[1](#)[[PGOV](#)](#)<a href='x'>&amp;amp;lt;</a>\\ \xa0 \r\n" * 20_000
    started = time.process_time()
    normalize_text(junk)
    assert time.process_time() - started < 1.0


# ---------------------------------------------------------------------------
# Layout patterns
# ---------------------------------------------------------------------------

PARAGRAPH_OPENINGS = [
    ("plain", "1. (C) Text", "1", "C"),
    ("pilcrow", "¶12. (SBU) Text", "12", "SBU"),
    ("no-space", "3.(U) Text", "3", "U"),
    ("two-spaces", "1.  (SBU) Text", "1", "SBU"),
    ("caveats", "4. (S//NF) Text", "4", "S//NF"),
    ("release", "5. (C//REL TO USA, NATO) Text", "5", "C//REL TO USA, NATO"),
    ("comma-for-stop", "6, (C) Text", "6", "C"),
    ("no-marking", "7. Text", "7", None),
    ("half-parenthesis", "8. C) Text", "8", "C"),
    ("lower-case", "9. (sbu) Text", "9", "sbu"),
]


@pytest.mark.parametrize(
    ("line", "number", "marking"),
    [case[1:] for case in PARAGRAPH_OPENINGS],
    ids=[case[0] for case in PARAGRAPH_OPENINGS],
)
def test_paragraph_start_re(line: str, number: str, marking: str | None) -> None:
    match = PARAGRAPH_START_RE.match("\n" + line)
    assert match is not None
    assert (match.group("number"), match.group("marking")) == (number, marking)


@pytest.mark.parametrize("line", ["1.4 (b) and (d)", "2009. Text", "A. Text", "(C) Text"])
def test_paragraph_start_re_rejects(line: str) -> None:
    assert PARAGRAPH_START_RE.match("\n" + line) is None


@pytest.mark.parametrize(
    ("line", "marking"),
    [("(U) This is a PRT cable.", "U"), ("¶(C) Text", "C"), ("(S/NF) Text", "S/NF")],
)
def test_marked_line_re(line: str, marking: str) -> None:
    match = MARKED_LINE_RE.match("\n" + line)
    assert match is not None and match.group("marking") == marking


@pytest.mark.parametrize(
    "line", ["-----", "- - - - -", "=====", "_____", "*****", "———", "  ---  "]
)
def test_rule_line_re(line: str) -> None:
    assert RULE_LINE_RE.fullmatch("\n" + line)


@pytest.mark.parametrize("line", ["--", "-- Venezuela --", "--- text"])
def test_rule_line_re_rejects(line: str) -> None:
    assert RULE_LINE_RE.fullmatch("\n" + line) is None


def test_rule_line_re_on_a_long_run_that_does_not_end_its_line_is_fast() -> None:
    text = "\n" + "-" * 1_000_000 + "x"
    started = time.process_time()
    assert RULE_LINE_RE.search(text) is None
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(
    "line",
    [
        "BAMAKO 00000504 002 OF 002",
        "RANGOON 00000355 001.6 OF 003",
        "PORT AU PRINCE 00001234 002 OF 004",
        "SECTION 01 OF 02",
        "C O N F I D E N T I A L SECTION 02 OF 03 BAMAKO 000504",
        "UNCLAS SECTION 01 OF 02 STATE 012345",
    ],
)
def test_section_break_line_re(line: str) -> None:
    assert SECTION_BREAK_LINE_RE.match("\n" + line)


# ---------------------------------------------------------------------------
# Line patterns
# ---------------------------------------------------------------------------

_LINE_PATTERNS = [r"[ \t]*(?P<word>FM|TO)\b[^\n]*", r"(?P<word>a+)b?", r"[ \t]*(?P<word>\d\d)Z"]


@given(
    st.sampled_from(_LINE_PATTERNS),
    st.text(alphabet="ab \t\nFMTOZ0123", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
)
def test_line_pattern_finds_the_lines_of_a_multiline_caret(
    pattern: str, text: str, start: int, end: int
) -> None:
    expected = re.compile("^" + pattern, re.M).finditer(text, start, end)
    found = LinePattern.compile(pattern).finditer(text, start, end)
    # Matches after the first line open at their newline; groups and ends agree.
    assert [(m.span("word"), m.end()) for m in found] == [
        (m.span("word"), m.end()) for m in expected
    ]


@given(
    st.sampled_from(_LINE_PATTERNS),
    st.text(alphabet="ab \t\nFMTOZ0123", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
)
def test_line_pattern_search_finds_the_first_match(
    pattern: str, text: str, start: int, end: int | None
) -> None:
    line_pattern = LinePattern.compile(pattern)
    first = next(line_pattern.finditer(text, start, end), None)
    found = line_pattern.search(text, start, end)
    assert (found.span() if found else None) == (first.span() if first else None)


def test_line_pattern_search_and_flags() -> None:
    pattern = LinePattern.compile(r"fm[ \t]+(?P<sender>\S+)", re.I)
    assert pattern.search("FM ONE\nFM TWO").group("sender") == "ONE"
    assert pattern.search("FM ONE\nFM TWO", 1).group("sender") == "TWO"
    assert pattern.search("xFM ONE") is None


# ---------------------------------------------------------------------------
# Collapsing whitespace
# ---------------------------------------------------------------------------


def test_other_blanks_are_all_that_split_splits_on_but_space_and_newline() -> None:
    blanks = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(OTHER_BLANKS) == blanks - {" ", "\n"}


@pytest.mark.parametrize(
    ("text", "plain"), [("a b\nc", True), ("a\tb", False), ("a\u2003b", False)]
)
def test_plain_blanks(text: str, plain: bool) -> None:
    assert plain_blanks(text) is plain


@given(st.text(alphabet=" \na-z.¶’", max_size=600))
def test_collapse_plain_is_split_and_join(text: str) -> None:
    assert collapse_plain(text) == " ".join(text.split())


@given(st.text(max_size=600) | st.text(alphabet=" \n\t\u2003\x1fab", max_size=600))
def test_collapse_whitespace_is_split_and_join(text: str) -> None:
    assert collapse_whitespace(text) == " ".join(text.split())


# ---------------------------------------------------------------------------
# Page breaks and redactions
# ---------------------------------------------------------------------------

PAGE_BREAKS = [
    (
        "break-line",
        "first half\nBAMAKO 00000504 002 OF 002\nsecond half",
        "first half\n\nsecond half",
    ),
    ("section-line", "text\nSECTION 02 OF 03\nmore", "text\n\nmore"),
    ("classification-line", "text\nCONFIDENTIAL\nmore", "text\n\nmore"),
    ("spaced-classification", "text\nS E C R E T\nmore", "text\n\nmore"),
    (
        "glued-break",
        "TO WASHINGTON BRASILIA 00000351 001.2 OF 003 AND BACK",
        "TO WASHINGTON AND BACK",
    ),
    ("teletype-page", "end of PAGE 02 HARARE 06677 01 OF 03 291400Z page", "end of page"),
    ("numbers-in-prose", "In 2009 some 00123 of 456 voted", "In 2009 some 00123 of 456 voted"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in PAGE_BREAKS], ids=[case[0] for case in PAGE_BREAKS]
)
def test_remove_page_breaks(text: str, expected: str) -> None:
    assert re.sub(" +", " ", remove_page_breaks(text)) == expected


def test_remove_page_breaks_can_leave_classification_lines_to_its_caller() -> None:
    text = "text\nCONFIDENTIAL\nBAMAKO 00000504 002 OF 002\nmore"
    assert remove_page_breaks(text, level_lines=False) == "text\nCONFIDENTIAL\n\nmore"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("met XXXXXXXXXXXX today", "met   today"),
        ("met xxxxx today", "met   today"),
        ("met [SOURCE REMOVED] today", "met   today"),
        ("met [Source removed] today", "met   today"),
        ("XXX and Xmas stay", "XXX and Xmas stay"),
    ],
)
def test_remove_redactions(text: str, expected: str) -> None:
    assert remove_redactions(text) == expected


# ---------------------------------------------------------------------------
# The 962 real cable pages
# ---------------------------------------------------------------------------

_PRE_RE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)


def _raw_body(page: str) -> str:
    """The body block of a cable page as written: escaped newlines, links and all."""
    return _PRE_RE.findall(page)[-1]


@pytest.fixture(scope="module")
def raw_pages(html_cable_paths: list[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in html_cable_paths]


def test_real_bodies_normalize_like_the_page_reader(raw_pages: list[str]) -> None:
    """The page's markup, removed by normalize_text, gives the reader's plain text."""
    assert len(raw_pages) == 962
    differing = [
        parse_cable_page(page).reference_id
        for page in raw_pages
        if normalize_text(_raw_body(page)) != normalize_text(parse_cable_page(page).body)
    ]
    assert differing == []


def test_real_bodies_lose_all_markup(raw_pages: list[str]) -> None:
    leftovers = re.compile(r"&#x000A;|<a\b|</a>|\r|[ \t]$", re.M)
    dirty = [page[:80] for page in raw_pages if leftovers.search(normalize_text(_raw_body(page)))]
    assert dirty == []


def test_real_bodies_normalize_idempotently(raw_pages: list[str]) -> None:
    for page in raw_pages:
        once = normalize_text(_raw_body(page))
        assert normalize_text(once) == once
