"""The rendered HTML of a fixed layout, compared with a golden file.

The layout is built by hand (no model, no clock, no package versions), so the
document is byte-for-byte stable; a change to the templates or the style
sheet shows up here as a diff to review.  After an intended change, rewrite
the golden file with ``CABLESTATS_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from cablestats.report.layout import Columns, Figure, KeyValues, Note, Section, Table
from cablestats.report.render import render_html

GOLDEN = Path(__file__).with_name("test_report_golden.html")

SECTIONS = (
    Section(
        "overview",
        "Overview",
        (
            Note("3 cables from 2009; subject <script>alert(1)</script> & co."),
            Figure(Markup('<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>'), "A."),
            Columns(
                (
                    Table(
                        "Posts",
                        ("post", "cables"),
                        (("Embassy Bamako", "2"),),
                        (False, True),
                        (False, False),
                    ),
                    Table(
                        "TAGS", ("TAG", "meaning"), (("ML", "Mali"),), (False, False), (True, False)
                    ),
                )
            ),
        ),
    ),
    Section(
        "themes",
        "Themes",
        subsections=(Section("theme-1", "Counterterrorism <partnerships>", (Note("None."),)),),
    ),
    Section("methods", "Methods and provenance", (KeyValues("Counts", (("cables", "3"),)),)),
)


def test_rendered_html_matches_the_golden_file() -> None:
    rendered = render_html("Golden <report>", "Fixed subtitle.", SECTIONS, "0.0.0")
    if os.environ.get("CABLESTATS_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_golden_file_escapes_cable_text() -> None:
    golden = GOLDEN.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in golden
    assert "Counterterrorism &lt;partnerships&gt;" in golden
    assert "<script>" not in golden
