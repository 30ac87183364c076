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
from cablestats.report.facts import strongest
from cablestats.synth import generate

REPORTS = Path(__file__).resolve().parents[1] / "reports"
THEMES_TOML = REPORTS / "themes.toml"
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


@pytest.fixture(scope="module")
def demo_written(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """reports/demo.toml run on the test archive, as ``cablestats report`` runs it.

    HTML, and PDF too when WeasyPrint can be used.
    """
    folder = tmp_path_factory.mktemp("demo")
    Report.run(
        REPORTS / "demo.toml",
        sources=[archive],
        out_dir=folder,
        formats=["html", "pdf"] if _weasyprint_available() else ["html"],
        cache=False,
        progress=False,
    )
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


def test_the_demo_reports_pdf_pages_are_not_blank(demo_written: Path, tmp_path: Path) -> None:
    if not _weasyprint_available():
        pytest.skip("WeasyPrint is not installed (pip install weasyprint)")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not on PATH")
    pytest.importorskip("PIL", reason="Pillow is needed to read the page images")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(demo_written / "report.pdf"), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 3
    # Even the last page carries a few lines of text and the page number.
    assert all(_ink(page) > 0.0005 for page in pages)


def _chromium() -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not on PATH")
    return chromium


def _headless(page: Path, profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", *arguments, page.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip


#: Chromium's own calls home, which its flags do not all silence; a page never makes them.
_BROWSER_HOSTS = re.compile(r"^https?://[^/]*\b(?:google\.com|googleapis\.com|gstatic\.com)/")


def _load(page: Path, profile: Path) -> tuple[list[str], list[str]]:
    """What a page asked for besides itself, and what it wrote to the console, in Chromium.

    Chromium's verbose log names every file and network request it starts and
    every console message.
    """
    log = _headless(page, profile, "--enable-logging=stderr", "--v=1", "--dump-dom").stderr
    requested = re.findall(r"(?:FileURLLoader::Start|NotifyBeforeURLRequest): (\S+)", log)
    others = [url for url in requested if url != page.as_uri() and not _BROWSER_HOSTS.match(url)]
    return others, re.findall(r":CONSOLE[^\]]*\] (.*)", log)


def test_the_loading_check_sees_requests_and_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<p>x</p><script>console.error("broken")</script><img src="missing.png">'
        '<img src="https://example.invalid/a.png">',
        encoding="utf-8",
    )
    requests, console = _load(page, tmp_path / "profile")
    assert (tmp_path / "missing.png").as_uri() in requests
    assert "https://example.invalid/a.png" in requests
    assert any("broken" in line for line in console)


def test_the_demo_report_loads_with_no_request_and_no_console_message(
    demo_written: Path, tmp_path: Path
) -> None:
    requests, console = _load(demo_written / "report.html", tmp_path / "profile")
    assert requests == []
    assert console == []


def test_the_demo_report_screenshot_shows_its_charts(demo_written: Path, tmp_path: Path) -> None:
    pytest.importorskip("PIL", reason="Pillow is needed to read the screenshot")
    png = tmp_path / "report.png"
    _headless(
        demo_written / "report.html",
        tmp_path / "profile",
        f"--screenshot={png}",
        "--window-size=1280,4000",
    )
    assert _ink(png) > 0.01
    from PIL import Image

    # The charts are drawn in colour (topic and region lines, bars): a page of text is grey.
    image = Image.open(png).convert("HSV")
    saturated = sum(image.getchannel("S").histogram()[80:]) / (image.width * image.height)
    assert saturated > 0.002


def test_the_demo_reports_themes_list_representative_cables(demo_written: Path) -> None:
    html = (demo_written / "report.html").read_text(encoding="utf-8")
    theme = html[html.index('<section id="theme-1"') : html.index('<section id="theme-2"')]
    table = theme[theme.index("Representative cables") :]
    rows = re.findall(r"<tr><td[^>]*>(\d{2}[A-Z]+\d+)</td><td[^>]*>(\d{4}-\d\d-\d\d)</td>", table)
    assert len(rows) == 3  # reference id and date of each


def test_a_report_without_corpus_or_model_builds_its_corpus(archive: Path) -> None:
    cables = cs.read_cables(archive, progress=False)
    report = Report(cables, sections=["overview", "topics", "methods"], freq="Y", progress=False)
    assert report.facts.topics is None  # no model given: the topics section is left out
    assert report.facts.methods.counts["cables modelled"] == f"{len(cables):,}"
    assert [section.id for section in report.layout] == ["overview", "methods"]


def test_repr_names_only_the_sections_shown(archive: Path) -> None:
    cables = cs.read_cables(archive, progress=False)
    shown = repr(Report(cables, sections=["overview", "topics", "themes", "trends"]))
    assert shown.endswith("sections overview, trends>")  # no model, no themes


def test_strongest_terms_are_ranked_by_the_cautious_end_of_their_interval() -> None:
    trends = pd.DataFrame(
        {
            "term": ["rare", "steady", "gone", "fading", "flat"],
            "direction": ["rising", "rising", "falling", "falling", "flat"],
            "rate_ratio": [1.6, 1.2, 0.5, 0.8, 1.0],
            "lo": [1.05, 1.15, 0.2, 0.75, 0.9],
            "hi": [2.4, 1.25, 0.95, 0.85, 1.1],
            "q": [0.04, 1e-9, 0.03, 1e-6, 0.9],
        }
    )
    assert strongest(trends, "rising", 5)["term"].tolist() == ["steady", "rare"]
    assert strongest(trends, "falling", 1)["term"].tolist() == ["fading"]


def test_a_report_made_from_objects_claims_no_run_time(report: Report, html: str) -> None:
    # Reading and modelling happened before the report was made: it cannot time them.
    assert report.facts.methods.run_seconds is None
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC\.", html)
