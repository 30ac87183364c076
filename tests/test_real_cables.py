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
# The TAGS block: the label's line, then continuation lines holding only upper-case codes.
_TAGS_BLOCK = re.compile(
    r"(?:^[ \t]*TAGS?\b:?|\bTAGS?:)((?:(?!SUBJ)[^\n])*"
    r"(?:\n(?![ \t]*(?:SUBJ|REF))[ \t]*[A-Z][A-Z0-9 ,;()-]*(?=\n|$))*)",
    re.I | re.M,
)


def page_metadata(path: Path) -> dict:
    """Reference ID, Created, Classification, Origin and TAGS links of one page."""
    page = path.read_text(encoding="utf-8")
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in _CELLS.findall(page)]
    body = page.split("<pre>")[2].replace("&#x000A;", "\n")
    tags_block = _TAGS_BLOCK.search(body)
    return {
        "reference_id": cells[0],
        "created": dt.datetime.strptime(cells[1], "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC),
        "classification": cells[3],
        "origin": cells[4],
        "tags_block": html.unescape(re.sub(r"<[^>]+>", "", tags_block.group(1)))
        if tags_block
        else "",
        "tags_labels": len(re.findall(r"^[ \t]*TAGS?\b", body, re.I | re.M)),
        "tag_links": [t.strip().upper() for t in _TAG_LINKS.findall(tags_block.group(1))]
        if tags_block
        else [],
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
    """Where the page linked its TAGS, the parsed tags are those links, in order, followed
    by the words of continuation lines (which the pages left unlinked)."""
    # A few pages repeat a routing header with its own TAGS line above the cable; the
    # cable's own front matter is what the parser reads, so those pages are left out.
    linked = expected[(expected["tag_links"].map(len) > 0) & (expected["tags_labels"] == 1)]
    assert len(linked) > 600
    mismatched = []
    for ref, row in linked.iterrows():
        continued = re.findall(r"[A-Z0-9-]+", row["tags_block"].upper().partition("\n")[2])
        want = list(dict.fromkeys(row["tag_links"] + continued))
        if list(parsed.at[ref, "tags"]) != want:
            mismatched.append((ref, list(parsed.at[ref, "tags"]), want))
    assert not mismatched, mismatched[:5]


def test_unlinked_tags_come_from_the_tags_line(parsed, expected):
    """Where the page linked nothing, every parsed tag is written on the TAGS line."""
    unlinked = expected[(expected["tag_links"].map(len) == 0) & (expected["tags_block"] != "")]
    assert len(unlinked) > 100
    for ref, block in unlinked["tags_block"].items():
        words = set(re.findall(r"[A-Z0-9-]+", block.upper()))
        tags = list(parsed.at[ref, "tags"])
        assert tags, ref
        assert all(set(tag.replace(",", " ").split()) <= words for tag in tags), (ref, tags)


def test_every_page_yields_a_body_and_a_subject(parsed, html_cable_paths):
    """Only pages truncated to their front matter (a few hundred characters) have no body."""
    empty = set(parsed.index[parsed["body"].str.len() == 0])
    sizes = {
        path.stem: len(path.read_text(encoding="utf-8").split("<pre>")[2])
        for path in html_cable_paths
    }
    assert len(empty) <= 10
    assert all(sizes[ref] < 1000 for ref in empty), {ref: sizes[ref] for ref in empty}
    assert parsed["subject"].notna().mean() > 0.98


def test_text_derived_identity_matches_the_page(html_cable_paths, expected):
    """Without the page's metadata, the text alone gives the same id and origin.

    Partial extracts carry no date-time group, so no id can be derived from their
    text; a few pages show another cable's text under their id (88BAGHDAD28 holds
    08STATE68250), so a small share of disagreement is the data's, not the parser's.
    """
    derived, mismatches = 0, []
    for path in html_cable_paths:
        page = path.read_text(encoding="utf-8")
        header, body = (
            html.unescape(re.sub(r"<[^>]+>", "", block.replace("&#x000A;", "\n")))
            for block in re.findall(r"<pre>(.*?)</pre>", page, re.S)
        )
        cable = cs.parse_cable(header + "\n\n" + body)
        if not cable.reference_id:
            continue
        derived += 1
        meta = expected.loc[path.stem]
        if cable.reference_id != path.stem or (cable.origin and cable.origin != meta["origin"]):
            mismatches.append((path.stem, cable.reference_id, cable.origin, meta["origin"]))
    assert derived >= 0.9 * len(html_cable_paths)
    assert len(mismatches) <= 0.01 * derived, mismatches[:10]
