"""Render laid-out sections to one self-contained HTML file, and print it to PDF.

Templates and CSS ship inside the package and Jinja escapes every value
(autoescape on), so cable text (subjects, summaries) can never inject markup;
only chart SVG made by :mod:`cablestats.report.charts` is passed as safe
markup.  The HTML loads nothing from elsewhere.  PDF is printed by
WeasyPrint from the same HTML.  Both writers go through
:func:`cablestats.io.atomic.atomic_open`, so a report appears whole or not
at all.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup

from cablestats.errors import CablestatsError
from cablestats.io.atomic import atomic_open
from cablestats.report.layout import Section

__all__ = ["render_html", "write_html", "write_pdf"]


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("cablestats.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _css() -> str:
    return (
        importlib.resources.files("cablestats.report")
        .joinpath("templates", "report.css")
        .read_text(encoding="utf-8")
    )


def render_html(title: str, subtitle: str, sections: Sequence[Section], version: str) -> str:
    """The report as one HTML document (inline CSS and SVG, table of contents first)."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        subtitle=subtitle,
        sections=sections,
        # The style sheet is the package's own; escaping would break its selectors.
        css=Markup(_css()),
        version=version,
    )


def write_html(html: str, path: str | os.PathLike[str]) -> Path:
    """Write ``html`` to ``path`` atomically (its folder is created); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(target, "w", encoding="utf-8") as file:
        file.write(html)
    return target


def write_pdf(html: str, path: str | os.PathLike[str]) -> Path:
    """Print ``html`` to a PDF at ``path`` with WeasyPrint, atomically; returns the path.

    Raises
    ------
    cablestats.CablestatsError
        When WeasyPrint (or the Pango library it needs) is not installed.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise CablestatsError(
            "PDF output needs WeasyPrint and the Pango library: run "
            "`pip install 'weasyprint>=60'` and install Pango (Debian/Ubuntu: "
            f"`apt-get install libpango-1.0-0 libpangoft2-1.0-0`); cause: {error}"
        ) from error
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # No base URL, and a fetcher for data: URLs only (matplotlib embeds heatmaps as
    # data: PNGs): a report never loads anything from elsewhere.
    document = weasyprint.HTML(string=html, url_fetcher=_data_urls_only).render()
    with atomic_open(target, "wb") as file:
        document.write_pdf(file)
    return target


def _data_urls_only(url: str) -> dict[str, object]:
    if not url.startswith("data:"):
        raise ValueError(f"reports load no external resources (asked for {url})")
    import weasyprint

    return weasyprint.default_url_fetcher(url)
