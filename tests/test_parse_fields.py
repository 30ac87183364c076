"""Front matter and closing lines: tags, subject, references, DECL, Classified By, summary, signer.

The fragments below are short excerpts in the shapes met in real cables
(Cablegate pages, their Markdown and plain-text copies).  The second half
runs the parsers over the 962 real cable pages and checks what they find
against the pages themselves: the TAGS links, the text the names and serials
come from, and rates measured on that collection.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from pathlib import Path

import pytest
from hypothesis import given

from cablestats.io.html import CablePage
from cablestats.parse.fields import (
    parse_classified_by,
    parse_declassify_on,
    parse_references,
    parse_signer,
    parse_subject,
    parse_summary,
    parse_tags,
)
from cablestats.parse.ids import REFERENCE_ID_RE
from cablestats.tags import posts_table
from tests.fixtures_io import real_pages
from tests.strategies import cable_like_text


def _cases(cases: list[tuple]) -> dict:
    """``pytest.mark.parametrize`` arguments from ``(id, *values)`` rows."""
    return {"argvalues": [case[1:] for case in cases], "ids": [case[0] for case in cases]}


# ---------------------------------------------------------------------------
# TAGS
# ---------------------------------------------------------------------------

TAGS = [
    ("plain", "TAGS: PGOV PINS PINR PREL PTER ML", ["PGOV", "PINS", "PINR", "PREL", "PTER", "ML"]),
    ("markdown-links", "TAGS: [PGOV](#) [PINS](#) [ML](#)", ["PGOV", "PINS", "ML"]),
    ("html-links", "TAGS: <a href='/tag/PGOV_0.html'>PGOV</a> <a href='#'>ML</a>", ["PGOV", "ML"]),
    ("commas-trailing", "TAGS: EAID, PGOV, ECON,", ["EAID", "PGOV", "ECON"]),
    ("semicolons", "TAGS: EAID; PGOV; ECON", ["EAID", "PGOV", "ECON"]),
    ("no-colon", "TAGS PGOV PREL", ["PGOV", "PREL"]),
    ("singular", "TAG: PGOV", ["PGOV"]),
    ("lower-case", "tags: pgov prel", ["PGOV", "PREL"]),
    ("stray-spaces", "TAGS:  PGOV  PREL   KPAO ", ["PGOV", "PREL", "KPAO"]),
    ("duplicates", "TAGS: PGOV PGOV PREL", ["PGOV", "PREL"]),
    (
        "continued",
        "TAGS: PGOV PREL PTER\nKPAO ML\nSUBJECT: X",
        ["PGOV", "PREL", "PTER", "KPAO", "ML"],
    ),
    (
        "continued-after-comma",
        "TAGS: EAID, PGOV,\nPREL, ML\n\n1. (U) X",
        ["EAID", "PGOV", "PREL", "ML"],
    ),
    ("stops-at-blank-line", "TAGS: PGOV\n\nKPAO ML", ["PGOV"]),
    ("backslash-line-end", "TAGS: PGOV, PREL, ML\\\nSUBJECT: X", ["PGOV", "PREL", "ML"]),
    ("among-fields", "E.O. 12958: DECL: 01/13/2019\nTAGS: PGOV ML\nSUBJECT: MALI", ["PGOV", "ML"]),
    # Every word is a tag, as the archive's pages link them; glued codes are split.
    (
        "person-bracketed",
        "TAGS: OVIP (CLINTON, HILLARY) PREL",
        ["OVIP", "CLINTON", "HILLARY", "PREL"],
    ),
    ("person-bare", "TAGS: OVIP CLINTON HILLARY PREL", ["OVIP", "CLINTON", "HILLARY", "PREL"]),
    (
        "person-initial",
        "TAGS: OVIP (BIDEN, JOSEPH R.) PREL",
        ["OVIP", "BIDEN", "JOSEPH", "R", "PREL"],
    ),
    ("free-text", "TAGS: PGOV PREL KDEM HUMAN RIGHTS", ["PGOV", "PREL", "KDEM", "HUMAN", "RIGHTS"]),
    (
        "counter-terrorism",
        "TAGS: PREL PTER COUNTER TERRORISM",
        ["PREL", "PTER", "COUNTER", "TERRORISM"],
    ),
    ("glued-codes", "TAGS: PHUMBA PREL", ["PHUM", "BA", "PREL"]),
    ("misspelt-code-kept", "TAGS: MASS MOPPS", ["MASS", "MOPPS"]),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(TAGS))
def test_parse_tags(text: str, expected: list[str]) -> None:
    assert parse_tags(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. (C) The tags: PGOV were discussed.",
        "SUBJECT: X\n\n1. (C) Text.\n\nTAGS: PGOV",  # past the front matter
        "",
    ],
)
def test_parse_tags_ignores_prose(text: str) -> None:
    assert parse_tags(text) == []


def test_parse_tags_reads_only_the_tags_line() -> None:
    assert parse_tags("TAGS: PGOV\nSUBJECT: TAGS: NOT THESE") == ["PGOV"]


# ---------------------------------------------------------------------------
# SUBJECT
# ---------------------------------------------------------------------------

SUBJECTS = [
    ("plain", "SUBJECT: MALI FINDS NEW ALLIES\n\nREF: A. BAMAKO 445", "MALI FINDS NEW ALLIES"),
    (
        "wrapped",
        "SUBJECT: SCENESETTER FOR PM BERLUSCONI'S OCTOBER 31 MEETING\nWITH THE PRESIDENT\n\n\nX",
        "SCENESETTER FOR PM BERLUSCONI'S OCTOBER 31 MEETING WITH THE PRESIDENT",
    ),
    ("subj", "SUBJ: TURKEY: NEW CABINET", "TURKEY: NEW CABINET"),
    ("no-colon", "SUBJECT SPAIN: TIME TO DEFROST", "SPAIN: TIME TO DEFROST"),
    ("marking", "SUBJECT: (C) SPAIN: TIME TO DEFROST", "SPAIN: TIME TO DEFROST"),
    ("mixed-case", "Subject: Mali Finds New Allies", "Mali Finds New Allies"),
    ("stops-at-ref", "SUBJECT: FIRST LINE\nSECOND LINE\nREF: STATE 1", "FIRST LINE SECOND LINE"),
    ("stops-at-refs", "SUBJECT: X\nREFS: A. STATE 1", "X"),
    ("stops-at-classified-by", "SUBJECT: FIRST LINE\nClassified By: Ambassador X", "FIRST LINE"),
    ("stops-at-paragraph", "SUBJECT: FIRST LINE\n¶1. (C) Text", "FIRST LINE"),
    ("whitespace", "SUBJECT:  MANY    SPACES\n  HERE", "MANY SPACES HERE"),
    ("several-lines", "SUBJECT: TITLE THAT\nWRAPS\nTWICE\n\n1. (C) Body", "TITLE THAT WRAPS TWICE"),
    ("link-markup", "SUBJECT: [MALI](#) FINDS", "MALI FINDS"),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(SUBJECTS))
def test_parse_subject(text: str, expected: str) -> None:
    assert parse_subject(text) == expected


@pytest.mark.parametrize("text", ["TAGS: PGOV\n1. (C) The subject: is not a field.", ""])
def test_parse_subject_absent(text: str) -> None:
    assert parse_subject(text) is None


# ---------------------------------------------------------------------------
# REF
# ---------------------------------------------------------------------------

REFERENCES = [
    ("lettered", "REF: A. BAMAKO 445\n¶B. BAMAKO 460", ["09BAMAKO445", "09BAMAKO460"]),
    ("markdown-mark", "REF: A. BAMAKO 445\n[1](#)B. BAMAKO 460", ["09BAMAKO445", "09BAMAKO460"]),
    ("refs-with-year", "REFS: A. 08 STATE 1234\nB. BAMAKO 12", ["08STATE1234", "09BAMAKO12"]),
    ("letter-bracket", "REF: A) MADRID 3552 B) BRUSSELS 4080", ["09MADRID3552", "09BRUSSELS4080"]),
    (
        "letter-brackets",
        "REF: (A) STATE 165022 (B) MOSCOW 11500",
        ["09STATE165022", "09MOSCOW11500"],
    ),
    ("secstate", "REF: A) SECSTATE 2743 B) MADRID 307", ["09STATE2743", "09MADRID307"]),
    ("reftel", "REFTEL: HARARE 6584", ["09HARARE6584"]),
    ("and-previous", "REF: STATE 297614 AND PREVIOUS", ["09STATE297614"]),
    ("year-before", "REF: 07 TBILISI 1605", ["07TBILISI1605"]),
    ("year-after", "REF: TBILISI 1605 (07)", ["07TBILISI1605"]),
    ("four-digit-year", "REF: 2005 BUCHAREST 2550", ["05BUCHAREST2550"]),
    ("zero-padded", "REF: BOGOTA 00918", ["09BOGOTA918"]),
    ("port-au-prince", "REF: PORT AU PRINCE 123", ["09PORTAUPRINCE123"]),
    ("usun-new-york", "REF: USUN NEW YORK 456", ["09USUNNEWYORK456"]),
    ("ho-chi-minh-city", "REF: HO CHI MINH CITY 12", ["09HOCHIMINHCITY12"]),
    ("rio-de-janeiro", "REF: RIO DE JANEIRO 56", ["09RIODEJANEIRO56"]),
    (
        "mission-posts",
        "REF: A. USNATO 123 B. USEU BRUSSELS 456",
        ["09USNATO123", "09USEUBRUSSELS456"],
    ),
    (
        "notal",
        "REF: A. ABU DHABI 248 (NOTAL)\nB. ABU DHABI 176",
        ["09ABUDHABI248", "09ABUDHABI176"],
    ),
    ("serial-list", "REF: BAMAKO 445, 460", ["09BAMAKO445", "09BAMAKO460"]),
    ("serials-and", "REF: 08 STATE 1234 AND 1235", ["08STATE1234", "08STATE1235"]),
    ("one-line", "REF: A. STATE 183800 B. BRASILIA 1396", ["09STATE183800", "09BRASILIA1396"]),
    ("semicolons", "REF: BAMAKO 445; BAMAKO 460", ["09BAMAKO445", "09BAMAKO460"]),
    ("lower-case", "ref: bamako 445", ["09BAMAKO445"]),
    (
        "indented",
        "REF: A. 04 ABU DHABI 3243\n     B. ABU DHABI 409",
        ["04ABUDHABI3243", "09ABUDHABI409"],
    ),
    ("year-per-item", "REF: A. 08 STATE 1234 B. STATE 1234", ["08STATE1234", "09STATE1234"]),
    ("duplicates", "REF: A. STATE 1234 B. STATE 1234", ["09STATE1234"]),
    ("own-id-dropped", "REF: A. BAMAKO 504\nB. BAMAKO 460", ["09BAMAKO460"]),
    ("email-dropped", "REF: A. EMAIL OF 3/15 B. BAMAKO 445", ["09BAMAKO445"]),
    ("e-mail-item-dropped", "REF: A) MADRID 3552 C) SAINZ E-MAIL", ["09MADRID3552"]),
    (
        "cited-report-subject",
        "REF: A. PARIS 1501\n¶B. HOTR DC//USDAO PARIS (SUBJ: IIR 6 832\n0617 08)\n¶C. PARIS 1568",
        ["09PARIS1501", "09PARIS1568"],
    ),
    (
        "front-matter-only",
        "SUBJECT: X\n\nREF: STATE 12345\n\n1. (C) See STATE 999.",
        ["09STATE12345"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(REFERENCES))
def test_parse_references(text: str, expected: list[str]) -> None:
    assert parse_references(text, 2009, "09BAMAKO504") == expected


@pytest.mark.parametrize(
    "text",
    [
        "REF: IIR 6 871 0123 09",
        "REF: A. 3/15/09 DATE TELCON B. STATE-DOS EMAIL 3/16",
        "REF: MEMCON OF OCTOBER 12",
        "REF: OCTOBER 21 LETTER FROM MINISTER",
        "REF: FBIS 20090312",
        "REF: EMBASSY MADRID E-MAIL TO EUR/WE OF OCTOBER 14",
        "1. (C) As reported in BAMAKO 445, the minister left.",
        "",
    ],
)
def test_parse_references_drops_what_is_not_a_cable(text: str) -> None:
    assert parse_references(text, 2009) == []


# ---------------------------------------------------------------------------
# DECL
# ---------------------------------------------------------------------------

DECLASSIFY = [
    ("slashes", "E.O. 12958: DECL: 01/13/2019", dt.date(2019, 1, 13)),
    ("short-year", "DECL: 1/13/19", dt.date(2019, 1, 13)),
    ("compact", "E.O. 12958: DECL 20190113", dt.date(2019, 1, 13)),
    ("no-colon-after-order", "E.O. 12958 DECL: 12/31/2015", dt.date(2015, 12, 31)),
    ("eo-13526", "E.O. 13526: DECL: 01/13/2019", dt.date(2019, 1, 13)),
    ("year-first", "E.O. 13526: DECL: 2019/01/13", dt.date(2019, 1, 13)),
    ("no-stops", "EO 12958 DECL: 01/13/2019", dt.date(2019, 1, 13)),
    ("dashes", "E.O. 12958: DECL: 01-13-2019", dt.date(2019, 1, 13)),
    ("full-stops", "E.O. 12958: DECL: 1.13.2019", dt.date(2019, 1, 13)),
    ("no-spaces", "E.O.12958: DECL:01/13/2019", dt.date(2019, 1, 13)),
    ("month-name", "E.O. 12958: DECL: 13 JAN 2019", dt.date(2019, 1, 13)),
    ("month-name-first", "E.O. 12958: DECL: JANUARY 13, 2019", dt.date(2019, 1, 13)),
    ("reason-after", "E.O. 13526: DECL: 01/13/2019 (REASON 1.4 B)", dt.date(2019, 1, 13)),
    ("first-only", "E.O. 12958: DECL: 01/13/2019\n1. (C) DECL: 02/02/2020", dt.date(2019, 1, 13)),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(DECLASSIFY))
def test_parse_declassify_on(text: str, expected: dt.date) -> None:
    assert parse_declassify_on(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "E.O. 12958: N/A",
        "DECL: N/A",
        "E.O. 12958: DECL: OADR",
        "DECL: X1",
        "E.O. 12958: DECL: 25X1",
        "DECL: 10 YEARS AFTER CLOSURE",
        "E.O. 12958: DECL: 02/30/2019",
        "E.O. 12958: DECL: 13/13/2019",
        "E.O. 12958: DECL: 00/00/0000",
        "",
    ],
)
def test_parse_declassify_on_without_a_date(text: str) -> None:
    assert parse_declassify_on(text) is None


# ---------------------------------------------------------------------------
# Classified By
# ---------------------------------------------------------------------------

CLASSIFIED_BY = [
    (
        "seed",
        "Classified By: Deputy Chief of Mission Peter Henry Barlerin, Embassy Bamako,\n"
        "for reasons 1.4 (b) and (d).",
        ["Peter Henry Barlerin"],
    ),
    (
        "wrapped-after-title",
        "Classified By: Deputy Chief of Mission\nPeter Henry Barlerin, Embassy Bamako, for reasons",
        ["Peter Henry Barlerin"],
    ),
    (
        "capitals",
        "CLASSIFIED BY AMBASSADOR ANNE W. PATTERSON FOR REASONS: 1.5 (B) AND (D)",
        ["ANNE W. PATTERSON"],
    ),
    (
        "two-officials",
        "Classified By: Ambassador Vilma S. Martinez and DCM Tom Kelly for reasons 1.4 (b)",
        ["Vilma S. Martinez", "Tom Kelly"],
    ),
    (
        "comma-list",
        "Classified By: Ambassador Smith, Jones for reasons 1.4 (b)",
        ["Smith", "Jones"],
    ),
    (
        "charge-ai",
        "Classified By: Charge d'Affaires, a.i., Jonathan Farrar, for reasons 1.4(b) and (d)",
        ["Jonathan Farrar"],
    ),
    ("cda-ai", "Classified By: CDA, A.I. RON MCMULLEN FOR REASONS 1.4 (B,D)", ["RON MCMULLEN"]),
    (
        "political-counselor",
        "Classified By: Political Counselor Mark Tesone for reasons",
        ["Mark Tesone"],
    ),
    ("poloff", "Classified By: PolOff Jane Doe, reasons 1.4 (b) and (d)", ["Jane Doe"]),
    (
        "acting-dcm-slash",
        "Classified By: Acting DCM/Ted Osius for reasons 1.4 (b and d)",
        ["Ted Osius"],
    ),
    ("a-dcm", "Classified By: A/DCM Michael Hankey for reason 1.4(d)", ["Michael Hankey"]),
    (
        "acting-pol-c",
        "Classified By: Acting Pol/C Stanley A. Harsha for reasons 1.4 (b+d).",
        ["Stanley A. Harsha"],
    ),
    ("econ-counselor", "Classified By: Econ Counselor Jane Doe for reasons 1.4 b, d", ["Jane Doe"]),
    (
        "consul-general",
        "Classified By: Consul General Thomas Reott, reasons 1.4 (b)",
        ["Thomas Reott"],
    ),
    ("office-first", "Classified By: EUR/RPM: Jane Doe, Reasons 1.4 (b), (d)", ["Jane Doe"]),
    (
        "department",
        "Classified By: Department of State Director John Smith, reasons 1.4",
        ["John Smith"],
    ),
    (
        "misspelt-title",
        "Classified By: Ambassaor William Wood for reasons 1.4 (b) and (d)",
        ["William Wood"],
    ),
    (
        "country-surname",
        "Classified By: DCM William Jordan, reasons 1.4 (b) and (d)",
        ["William Jordan"],
    ),
    (
        "name-first-suffix",
        "CLASSIFIED BY: THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B) (D)",
        ["THOMAS W. SIMONS, JR."],
    ),
    (
        "initial-without-stop",
        "Classified By: Acting Director Patricia \n A McNerney for reasons 1.4 (b) and (d)",
        ["Patricia A McNerney"],
    ),
    (
        "in-first-paragraph",
        "1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY AMBASSADOR JOHN SMITH. REASONS 1.5 (B).",
        ["JOHN SMITH"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(CLASSIFIED_BY))
def test_parse_classified_by(text: str, expected: list[str]) -> None:
    assert parse_classified_by(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Classified By: Ambassador, for reasons 1.4 (b)",
        "Classified By: Ambassador XXXXXXXXXXXX for reasons 1.4 (b)",
        "Classified By: Derived from Multiple Sources",
        "SUBJECT: X\n\n1. (C) We classified by hand.",
        "",
    ],
)
def test_parse_classified_by_without_names(text: str) -> None:
    assert parse_classified_by(text) == []


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------

_HEAD = "SUBJECT: X\n\n"
_LEFT = "The minister left."
SUMMARIES = [
    ("colon", "1. (C) Summary: The minister left. End Summary.\n\n2. (C) More.", _LEFT),
    (
        "capitals",
        "1. (C) SUMMARY. THE MINISTER LEFT. END SUMMARY.\n\n2. More.",
        "THE MINISTER LEFT.",
    ),
    (
        "and-comment",
        "1. (C) Summary and Comment: The minister left.\nHe will return. "
        "End Summary and Comment.\n\n2. (C) More.",
        "The minister left. He will return.",
    ),
    (
        "action-request",
        "1. (SBU) SUMMARY AND ACTION REQUEST: Please act. END SUMMARY AND ACTION REQUEST.",
        "Please act.",
    ),
    ("begin-summary", "BEGIN SUMMARY: The minister left. END SUMMARY.\n\n1. More.", _LEFT),
    ("bracketed-end", "¶1. (C) Summary: The minister\nleft. (END SUMMARY)\n\n¶2. (C) More.", _LEFT),
    ("no-end-marker", "1. (C) Summary: The minister left.\n\n2. (C) He will return.", _LEFT),
    (
        "several-paragraphs",
        "1. (C) Summary: First part.\n\n2. (C) Second part. End Summary.\n\n3. (C) More.",
        "First part. Second part.",
    ),
    ("heading", "-------\nSUMMARY\n-------\n\n1. (C) The minister left. End summary.", _LEFT),
    (
        "page-break",
        "1. (C) Summary: The minister\nBAMAKO 00000504 002 OF 002\nleft. End Summary.",
        _LEFT,
    ),
    ("end-only", "1. (C) The minister left. End Summary.\n\n2. (C) More.", _LEFT),
    ("markdown-mark", "[1](#)1. (C) Summary: The minister left. End Summary.", _LEFT),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(SUMMARIES))
def test_parse_summary(text: str, expected: str) -> None:
    assert parse_summary(_HEAD + text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. (C) The minister left. This summary of talks is short.\n\n2. (C) More.",
        "1. (C) No summary here.",
        "1. (C) Summary: End Summary.",
    ],
)
def test_parse_summary_absent(text: str) -> None:
    assert parse_summary(_HEAD + text) is None


# ---------------------------------------------------------------------------
# Signer
# ---------------------------------------------------------------------------

_LAST = "1. (C) Text.\n"
SIGNERS = [
    ("plain", "MILOVANOVIC", "MILOVANOVIC"),
    ("blank-lines-after", "\nPATTERSON\n\n\n", "PATTERSON"),
    ("transmission-markers", "RICE\nBT\n#0504\nNNNN", "RICE"),
    (
        "after-web-notice",
        "Visit Embassy Bamako's classified website: http://www.state.sgov.gov/p/af/bamako\n"
        "MILOVANOVIC",
        "MILOVANOVIC",
    ),
    ("mixed-case", "LeBaron", "LeBaron"),
    ("after-end-comment", "End Comment.\nBUTENIS", "BUTENIS"),
    ("printed-twice", "KUBISKE KUBISKE", "KUBISKE"),
    ("glued-to-sentence", "The text ends here. KAIDANOW", "KAIDANOW"),
    ("classification-after", "MILOVANOVIC\n\nCONFIDENTIAL", "MILOVANOVIC"),
    ("printed-twice-on-lines", "MILOVANOVIC\n\nMILOVANOVIC", "MILOVANOVIC"),
    ("after-a-bare-number", "¶3. Koenig", "Koenig"),
]


@pytest.mark.parametrize(("text", "expected"), **_cases(SIGNERS))
def test_parse_signer(text: str, expected: str) -> None:
    assert parse_signer(_LAST + text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. (C) The minister left the country in a hurry.",
        "1. (C) Text. End Comment.",
        "1. (C) First.\n\n2. (U) Second.",  # a paragraph of one word
        "1. (C) The talks went well. Second.",  # a sentence of one word
        "",
    ],
)
def test_parse_signer_absent_when_the_cable_ends_in_prose(text: str) -> None:
    assert parse_signer(text) is None


# ---------------------------------------------------------------------------
# Every parser on any text
# ---------------------------------------------------------------------------

_PARSERS = {
    "tags": parse_tags,
    "subject": parse_subject,
    "references": lambda text: parse_references(text, 2009, "09BAMAKO504"),
    "declassify_on": parse_declassify_on,
    "classified_by": parse_classified_by,
    "summary": parse_summary,
    "signer": parse_signer,
}


@given(cable_like_text)
def test_parsers_never_raise(text: str) -> None:
    for parser in _PARSERS.values():
        parser(text)


_JUNK = {
    "repeated-labels": "TAGS: SUBJECT: REF: Classified By: E.O. 12958: DECL: " * 20_000,
    "one-long-line": "PGOV " * 200_000,
    "summaries": "Summary: End Summary. summary " * 35_000,
    "references": "REF: A. BAMAKO 445 B. " * 45_000,
    "names": "Classified By: Ambassador A. B. C. " * 30_000,
    "closing-lines": "MILOVANOVIC\nBT\n" * 70_000,
    "dashes": "-" * 1_000_000 + "x",
}


@pytest.mark.parametrize("junk", list(_JUNK.values()), ids=list(_JUNK))
def test_parsers_are_fast_on_a_megabyte_of_junk(junk: str) -> None:
    started = time.process_time()
    for parser in _PARSERS.values():
        parser(junk)
    assert time.process_time() - started < 1.0


# ---------------------------------------------------------------------------
# The seed cable 09BAMAKO504
# ---------------------------------------------------------------------------


def test_seed_fields(seed_cable_text: str) -> None:
    assert parse_tags(seed_cable_text) == ["PGOV", "PINS", "PINR", "PREL", "PTER", "ML"]
    assert parse_subject(seed_cable_text) == "MALI FINDS NEW ALLIES AGAINST AQIM"
    assert parse_references(seed_cable_text, 2009, "09BAMAKO504") == [
        "09BAMAKO445",
        "09BAMAKO460",
    ]
    assert parse_classified_by(seed_cable_text) == ["Peter Henry Barlerin"]
    assert parse_declassify_on(seed_cable_text) == dt.date(2019, 1, 13)
    assert parse_signer(seed_cable_text) == "MILOVANOVIC"


def test_seed_summary(seed_cable_text: str) -> None:
    summary = parse_summary(seed_cable_text)
    assert summary is not None
    assert summary.startswith("During a pause in Mali's offensive against Al Qaeda")
    assert summary.endswith("pursuing multiple alliances in the fight against Al Qaeda.")
    assert "Summary" not in summary and "\n" not in summary and "  " not in summary


# ---------------------------------------------------------------------------
# The 962 real cable pages
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(shared_data: Path) -> tuple[CablePage, ...]:
    return real_pages(shared_data / "cablegate-html")


def _front(page: CablePage) -> str:
    """The start of a page's body, where its front matter is."""
    return page.body[:4_000]


def _rate(hits: int, total: int) -> float:
    assert total > 0
    return hits / total


_TAGS_LINE_RE = re.compile(r"TAGS\b:?(.*?)&#x000A;")
_LINK_RE = re.compile(r"<a [^>]*>([^<]*)</a>")


def test_real_tags_match_the_tag_links(html_cable_paths: list[Path]) -> None:
    """The words of the tags start with the page's TAGS links (the first line's words).

    A page whose tags are repaired (``COUNTER TERRORISM``, ``MOPPS``, ``PECON``)
    differs from its links; they are a handful.
    """
    differing, linked = [], 0
    for path in html_cable_paths:
        page = path.read_text(encoding="utf-8")
        body = page[page.rfind("<code><pre>") :]
        line = _TAGS_LINE_RE.search(body)
        links = (
            [html.unescape(link).upper() for link in _LINK_RE.findall(line.group(1))]
            if line
            else []
        )
        if not links:
            continue
        linked += 1
        words = " ".join(parse_tags(html.unescape(body.replace("&#x000A;", "\n")))).replace(
            ",", " "
        )
        if words.split()[: len(links)] != " ".join(links).split():
            differing.append(path.stem)
    assert linked > 600
    assert len(differing) <= 5, differing


def test_real_tags_found_wherever_the_text_has_them(pages: tuple[CablePage, ...]) -> None:
    labelled = [page for page in pages if re.search(r"\bTAGS?\b", page.body, re.I)]
    assert len(labelled) == len(pages) - 1  # one page is truncated before its TAGS
    assert [page.reference_id for page in labelled if not parse_tags(page.body)] == []


def test_real_subjects_found_wherever_there_is_a_subject_line(
    pages: tuple[CablePage, ...],
) -> None:
    labelled = [page for page in pages if re.search(r"^SUBJ", _front(page), re.M | re.I)]
    assert len(labelled) > 940
    missing = [page.reference_id for page in labelled if not parse_subject(page.body)]
    assert missing == []
    for page in labelled:
        subject = parse_subject(page.body)
        assert subject == " ".join(subject.split()) and not subject.startswith("(")


def test_real_references_are_cable_ids_of_known_posts(pages: tuple[CablePage, ...]) -> None:
    known = set(posts_table().index)
    found = unknown = 0
    for page in pages:
        references = parse_references(page.body, page.created.year, page.reference_id)
        assert page.reference_id not in references
        assert len(set(references)) == len(references)
        for reference in references:
            match = REFERENCE_ID_RE.fullmatch(reference)
            assert match, reference
            # Its serial is written in the text, perhaps zero-padded.
            assert re.search(rf"\b0*{match.group(3)}\b", page.body), reference
            two_digits = int(match.group(1))
            year = (1900 if two_digits >= 50 else 2000) + two_digits
            assert year <= page.created.year, reference  # cables cite earlier cables
            found += 1
            unknown += match.group(2) not in known
    assert found > 1_100
    assert _rate(unknown, found) < 0.01


def test_real_reference_blocks_give_ids(pages: tuple[CablePage, ...]) -> None:
    """Most REF blocks cite cables; the others cite e-mails, IIRs and reports only."""
    labelled = [page for page in pages if re.search(r"^\s*REF", _front(page), re.M)]
    with_ids = [
        page
        for page in labelled
        if parse_references(page.body, page.created.year, page.reference_id)
    ]
    assert _rate(len(with_ids), len(labelled)) > 0.95


def test_real_declassification_dates(pages: tuple[CablePage, ...]) -> None:
    """Every DECL written with a date is read, and never before the cable was written."""
    dated = re.compile(r"DECL(?:ASSIFY)?[ \t]*(?:ON)?[ \t]*:?[ \t]*\d", re.I)
    labelled = [page for page in pages if dated.search(_front(page))]
    assert len(labelled) > 850
    for page in labelled:
        declassify_on = parse_declassify_on(page.body)
        assert declassify_on is not None, page.reference_id
        assert declassify_on.year >= page.created.year


_NOT_IN_NAMES = re.compile(
    r"\b(?:Ambassador|DCM|Charge|Counselor|Embassy|Department|reasons?|Officer)\b", re.I
)


def test_real_classified_by_names(pages: tuple[CablePage, ...]) -> None:
    labelled = [page for page in pages if "CLASSIFIED BY" in page.body[:6_000].upper()]
    named = [page for page in labelled if parse_classified_by(page.body)]
    assert _rate(len(named), len(labelled)) > 0.98
    written = 0
    for page in named:
        names = parse_classified_by(page.body)
        assert not any(_NOT_IN_NAMES.search(name) for name in names), names
        written += all(word.strip(".,") in page.body for name in names for word in name.split())
    # Names split by a wrapped line are joined, so a few are not written as such.
    assert _rate(written, len(named)) > 0.98


def test_real_summaries(pages: tuple[CablePage, ...]) -> None:
    """A cable that closes a summary has one; summaries are clean one-line prose."""
    closed = re.compile(r"END\s+(?:OF\s+)?SUMMARY", re.I)
    ending = [page for page in pages if closed.search(page.body)]
    assert len(ending) > 700
    assert [page.reference_id for page in ending if parse_summary(page.body) is None] == []
    for page in pages:
        summary = parse_summary(page.body)
        if summary is not None:
            assert not re.search(r"end summary|¶|\[1\]\(#\)|\n", summary, re.I), page.reference_id


def test_real_signers(pages: tuple[CablePage, ...]) -> None:
    signers = [parse_signer(page.body) for page in pages]
    found = [signer for signer in signers if signer is not None]
    # 31 of the 962 end in prose, a truncated page or an unsigned closing line.
    assert _rate(len(found), len(pages)) > 0.95
    assert all(re.fullmatch(r"[A-Za-z'’.-]+(?: [A-Za-z'’.-]+){0,2}", signer) for signer in found)
