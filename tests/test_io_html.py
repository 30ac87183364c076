"""WikiLeaks cable pages: taking real pages apart, rendering pages that read back the same."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pytest

import cablestats as cs
from cablestats.io import CablePage, parse_cable_page, read_cables, render_cable_page
from tests.fixtures_io import RAW_CABLE, real_pages, utc


@pytest.fixture(scope="module")
def pages(shared_data: Path) -> tuple[CablePage, ...]:
    return real_pages(shared_data / "cablegate-html")


def test_every_real_page_gives_metadata_and_plain_text(pages, html_cable_paths):
    assert len(pages) == len(html_cable_paths) == 962
    for page, path in zip(pages, html_cable_paths, strict=True):
        assert page.reference_id == path.stem
        assert page.created is not None and page.created.strftime("%Y/%m") in path.as_posix()
        assert page.released is not None and page.classification and page.origin
        for text in (page.header, page.body):
            assert "<a " not in text and "</a>" not in text
            assert "&#x000A;" not in text
        assert "\n" in page.body


def test_tags_links_and_paragraph_marks_keep_their_text(pages):
    first = pages[0]  # 66BUENOSAIRES2481
    assert "TAGS: EFIS PBTS AR\n" in first.body
    assert "\n¶1.  PRESS REPORTS" in first.body


def test_page_created_wins_over_the_date_time_group(pages):
    first = pages[0]
    assert first.header.startswith("P R 281848Z DEC 66")  # the DTG says 18:48
    assert first.created == utc(1966, 12, 28, 18, 6)
    assert first.released == utc(2010, 11, 28, 18, 6)


def test_bare_ampersands_of_real_pages_are_kept(pages):
    bodies = "".join(page.body for page in pages)
    assert " & " in bodies and "R&D;" in bodies  # not unescaped into other characters


def test_real_pages_render_and_read_back_unchanged(pages):
    for page in pages:
        assert parse_cable_page(render_cable_page(**dataclasses.asdict(page))) == page


def test_rendered_page_escapes_text_and_links_tags():
    page = CablePage(
        reference_id="09TESTVILLE42",
        created=utc(2009, 3, 2, 12, 0, 30),
        released=None,
        classification="SECRET//NOFORN",
        origin="Embassy <Testville> & Co",
        header="R 021200Z MAR 09\r\nFM AMEMBASSY TESTVILLE",
        body="TAGS: PREL, PGOV\n¶1. <script>alert('x')</script> &amp; &not R&notice \"q\"",
    )
    rendered = render_cable_page(**dataclasses.asdict(page))
    assert "<script>" not in rendered and "<Testville>" not in rendered
    assert "<a href='/tag/PREL_0.html'>PREL</a>, <a href='/tag/PGOV_0.html'>PGOV</a>" in rendered
    assert "<a id='par1' href='#par1'>¶</a>1." in rendered
    assert parse_cable_page(rendered) == page


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<html><body>no table</body></html>", "no metadata table"),
        (
            "<table class='cable'><tr><th>Created</th></tr><tr><td>x</td></tr></table>",
            "no Reference ID",
        ),
        (
            "<table class='cable'><tr><th>Reference ID</th></tr><tr><td>09X1</td></tr></table>",
            "no <code><pre>",
        ),
        (
            "<table class='cable'><tr><th>Reference ID</th><th>Created</th></tr><tr><td>09X1</td>"
            "<td>yesterday</td></tr></table><code><pre>x</pre></code>",
            "Created: expected",
        ),
    ],
)
def test_pages_that_are_not_cable_pages_say_what_is_missing(page, expected):
    with pytest.raises(ValueError, match=expected):
        parse_cable_page(page)


def test_reading_a_rendered_page_passes_its_metadata_to_the_parser(tmp_path):
    header, body = RAW_CABLE.split("\n\n", 1)
    page = render_cable_page(
        reference_id="09TESTVILLE42",
        created=utc(2009, 3, 2, 13, 1),
        released=utc(2010, 11, 28, 18, 6),
        classification="SECRET//NOFORN",
        origin="Embassy Testville",
        header=header,
        body=body,
    )
    (tmp_path / "09TESTVILLE42.html").write_text(page, encoding="utf-8")
    [cable] = cs.iter_cables(tmp_path)
    assert cable.reference_id == "09TESTVILLE42"
    assert cable.created == utc(2009, 3, 2, 13, 1)  # the page's, not the DTG's 12:00
    assert cable.released == utc(2010, 11, 28, 18, 6)
    assert (cable.classification, cable.origin) == ("SECRET", "Embassy Testville")
    assert "NOFORN" in cable.caveats
    assert cable.source == str(tmp_path / "09TESTVILLE42.html")


def test_a_broken_page_is_reported_with_its_file(tmp_path):
    (tmp_path / "09BROKEN1.html").write_text("<html>truncated", encoding="utf-8")
    with pytest.warns(cs.CableParseWarning, match=r"09BROKEN1\.html: not a cable page"):
        frame = read_cables(tmp_path, progress=False)
    assert frame.empty


def test_real_page_frame_has_page_metadata(html_cable_paths, pages):
    with warnings.catch_warnings():
        warnings.simplefilter("error", cs.CablestatsWarning)  # no page may be skipped
        frame = read_cables(html_cable_paths[:20], n_jobs=1, progress=False)
    assert list(frame.index) == [page.reference_id for page in pages[:20]]
    assert list(frame["created"]) == [page.created for page in pages[:20]]
    assert list(frame["released"]) == [page.released for page in pages[:20]]
    assert list(frame["origin"]) == [page.origin for page in pages[:20]]
