"""Every real cable page parses, and its fields agree with the page's own metadata.

The expected values are pulled out of each page here with independent regexes
(not cablestats' reader), so that reader and test cannot share a mistake.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pandas as pd
import pytest

import cablestats as cs

_CELLS = re.compile(r"<td>\s*(.*?)\s*</td>", re.S)
_TAG_LINKS = re.compile(r"href='/tag/[^']*'>([^<]+)</a>")
_TAGS_LINE = re.compile(r"\bTAGS?\b:?(.*?)(?:\bSUBJECT\b|$)", re.M | re.I)


def tags_on_line(line: str) -> list[str]:
    """The page's linked TAGS; where it linked none, the words of the line (comma-separated
    items when there are commas, else space-separated), upper case, de-duplicated."""
    items = _TAG_LINKS.findall(line)
    if not items:
        plain = html.unescape(line)
        items = plain.split(",") if "," in plain else plain.split()
    return list(dict.fromkeys(item.strip().upper() for item in items if item.strip()))


def page_metadata(path: Path) -> dict:
    """Reference ID, Created, Classification, Origin and TAGS links of one page."""
    page = path.read_text(encoding="utf-8")
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in _CELLS.findall(page)]
    body = page.split("<pre>")[2].replace("&#x000A;", "\n")
    tags_line = _TAGS_LINE.search(body)
    return {
        "reference_id": cells[0],
        "created": dt.datetime.strptime(cells[1], "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC),
        "classification": cells[3],
        "origin": cells[4],
        "tags": tags_on_line(tags_line.group(1)) if tags_line else [],
    }


@pytest.fixture(scope="module")
def expected(html_cable_paths) -> pd.DataFrame:
    return pd.DataFrame([page_metadata(p) for p in html_cable_paths]).set_index("reference_id")


@pytest.fixture(scope="module")
def parsed(shared_data) -> pd.DataFrame:
    return cs.read_cables(shared_data / "cablegate-html", progress=False)


def test_all_962_pages_are_read(parsed, expected):
    assert len(expected) == 962
    assert sorted(parsed.index) == sorted(expected.index)


def test_created_classification_and_origin_equal_the_metadata_table(parsed, expected):
    parsed = parsed.loc[expected.index]
    assert (parsed["created"] == expected["created"]).all()
    assert (parsed["origin"] == expected["origin"]).all()
    labels = parsed["classification"] + parsed["caveats"].map(
        lambda caveats: "".join(
            f"//{c}" for c in caveats if c in {"NOFORN", "FOR OFFICIAL USE ONLY"}
        )
    )
    mismatched = labels[labels != expected["classification"]]
    assert mismatched.empty, mismatched.head().to_dict()


def test_tags_equal_the_links_on_the_tags_line(parsed, expected):
    parsed = parsed.loc[expected.index]
    mismatched = [
        (ref, list(parsed.at[ref, "tags"]), tags)
        for ref, tags in expected["tags"].items()
        if list(parsed.at[ref, "tags"]) != tags
    ]
    assert not mismatched, mismatched[:5]


def test_every_page_yields_a_body_and_a_subject(parsed):
    assert parsed["body"].str.len().gt(0).all()
    assert parsed["subject"].notna().mean() > 0.99


def test_text_derived_identity_matches_the_page(html_cable_paths, expected):
    """Without the page's metadata, the text alone gives the same id, class and origin."""
    mismatches = []
    for path in html_cable_paths:
        page = path.read_text(encoding="utf-8")
        header, body = (
            html.unescape(re.sub(r"<[^>]+>", "", block.replace("&#x000A;", "\n")))
            for block in re.findall(r"<pre>(.*?)</pre>", page, re.S)
        )
        cable = cs.parse_cable(header + "\n\n" + body)
        meta = expected.loc[path.stem]
        if cable.reference_id != path.stem or cable.origin != meta["origin"]:
            mismatches.append((path.stem, cable.reference_id, cable.origin, meta["origin"]))
    assert len(mismatches) <= 0.01 * len(html_cable_paths), mismatches[:10]
