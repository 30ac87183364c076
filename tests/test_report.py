"""Reports: facts → layout → one self-contained HTML file, and PDF from the same HTML.

One small report is built per session from a synthetic archive (few topics,
few passes) whose cable subjects carry a script tag, so every test of the
rendered document also checks that cable text is escaped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import cablestats as cs
from cablestats.corpus import DEFAULT_META_COLUMNS, Corpus
from cablestats.models import TopicModel
from cablestats.report import SECTIONS, Report, charts
from cablestats.synth import generate

THEMES_TOML = Path(__file__).resolve().parents[1] / "reports" / "themes.toml"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(600, seed=3).write(tmp_path_factory.mktemp("archive"), progress=False)


@pytest.fixture(scope="module")
def report(archive: Path) -> Report:
    cables = cs.read_cables(archive, progress=False)
    cables["subject"] = SCRIPT + " " + cables["subject"].fillna("")
    meta = [*DEFAULT_META_COLUMNS, "summary"]
    corpus = Corpus.from_cables(cables, meta_columns=meta, min_df=3, progress=False)
    model = TopicModel(n_topics=4, passes=2, workers=1).fit(corpus, progress=False)
    themes = cs.load_themes(THEMES_TOML)
    return Report(
        cables,
        corpus=corpus,
        model=model,
        themes=[themes["Counterterrorism partnerships"], themes["Elections and democracy"]],
        title="Test report",
        freq="Y",
        sources=[str(archive)],
    )


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return report.html()


@pytest.fixture(scope="module")
def written(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report written as HTML and PDF into one folder (PDF only with WeasyPrint)."""
    folder = tmp_path_factory.mktemp("report")
    report.to_html(folder / "report.html")
    if _weasyprint_available():
        report.to_pdf(folder / "report.pdf")
    return folder


def _weasyprint_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def test_html_has_every_section_and_a_table_of_contents(html: str) -> None:
    toc = html[html.index('<nav id="contents"') : html.index("</nav>")]
    for section in (*SECTIONS, "theme-1", "theme-2"):
        assert f'<section id="{section}"' in html
        assert f'href="#{section}"' in toc
    assert "Counterterrorism partnerships" in toc


def test_html_loads_nothing_from_elsewhere(html: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html)
    assert "<link" not in html and "<img" not in html


def test_cable_text_is_escaped(html: str) -> None:
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html


def test_css_reaches_the_document_unescaped(html: str) -> None:
    assert "main > section + section" in html
    assert 'counter(page) " of " counter(pages)' in html
    assert "break-inside: avoid" in html


def test_codes_are_spelled_out(html: str) -> None:
    overview = html[html.index('<section id="overview"') : html.index('<section id="topics"')]
    names = re.findall(r"<td[^>]*>([A-Z]{2,5})</td><td[^>]*>([^<]+)</td>", overview)
    assert names, "the TAGS table lists codes with their names"
    assert all(name.strip() and name != "(unknown TAG)" for _, name in names)


def test_every_chart_is_inline_svg_with_unique_ids(html: str) -> None:
    assert html.count("<figure>") == html.count("<svg") - html.count('class="spark"')
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_charts_are_deterministic_and_labelled() -> None:
    counts = pd.DataFrame(
        {"SECRET": [1, 2, 3], "UNCLASSIFIED": [4, 5, 6]},
        index=pd.period_range("2009Q1", periods=3, freq="Q"),
    )
    first = charts.stacked_bars(
        counts, key="a", ylabel="cables per quarter", xlabel="quarter", legend_title="class"
    )
    second = charts.stacked_bars(
        counts, key="a", ylabel="cables per quarter", xlabel="quarter", legend_title="class"
    )
    assert first == second
    assert first.startswith("<svg") and "cables per quarter" in first and "quarter" in first
    assert 'id="a-' in first


def test_the_report_is_computed_once(report: Report) -> None:
    assert report.facts is report.facts
    assert report.html() == report.html()


def test_to_html_writes_the_document_atomically(report: Report, written: Path, html: str) -> None:
    assert (written / "report.html").read_text(encoding="utf-8") == html
    assert not list(written.glob(".*.tmp"))


def test_repr_html_isolates_the_document(report: Report) -> None:
    shown = report._repr_html_()
    assert shown.startswith("<iframe srcdoc=")
    assert SCRIPT not in shown
    assert repr(report).startswith("<Report 'Test report'")


def test_unknown_section_is_refused(archive: Path) -> None:
    cables = cs.read_cables(archive, progress=False)
    with pytest.raises(ValueError, match="sections must be among"):
        _ = Report(cables, sections=["overview", "summary"]).facts


def test_pdf_without_weasyprint_says_what_to_install(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(cs.CablestatsError, match="pip install 'weasyprint>=60'"):
        report.to_pdf(tmp_path / "report.pdf")
    assert not list(tmp_path.iterdir())


def test_pdf_holds_every_section(written: Path) -> None:
    if not _weasyprint_available():
        pytest.skip("WeasyPrint is not installed (pip install weasyprint)")
    pdf = (written / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not on PATH")
    text = subprocess.run(
        ["pdftotext", str(written / "report.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    for title in ("Overview", "Topics", "Themes", "Keyword trends", "Methods and provenance"):
        assert title in text
    assert re.search(r"Page 1 of \d+", text)
    assert SCRIPT in text  # shown as text, never run


def _ink(png: Path) -> float:
    """Share of the image's pixels that are clearly darker than paper."""
    from PIL import Image

    with Image.open(png) as image:
        gray = image.convert("L")
        return sum(gray.histogram()[:160]) / (gray.width * gray.height)


def test_pdf_pages_are_not_blank(written: Path, tmp_path: Path) -> None:
    if not _weasyprint_available():
        pytest.skip("WeasyPrint is not installed (pip install weasyprint)")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not on PATH")
    pytest.importorskip("PIL", reason="Pillow is needed to read the page images")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(written / "report.pdf"), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 3
    # Even the last page carries a few lines of text and the page number.
    assert all(_ink(page) > 0.0005 for page in pages)


def test_html_screenshot_is_not_blank(written: Path, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not on PATH")
    pytest.importorskip("PIL", reason="Pillow is needed to read the screenshot")
    png = tmp_path / "report.png"
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
            "--window-size=1280,4000", (written / "report.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    assert _ink(png) > 0.01


def test_a_report_without_corpus_or_model_builds_its_corpus(archive: Path) -> None:
    cables = cs.read_cables(archive, progress=False)
    report = Report(cables, sections=["overview", "topics", "methods"], freq="Y", progress=False)
    assert report.facts.topics is None  # no model given: the topics section is left out
    assert report.facts.methods.counts["cables modelled"] == f"{len(cables):,}"
    assert [section.id for section in report.layout] == ["overview", "methods"]
