"""WikiLeaks cable pages: read one, or render one in the same layout.

A page has a metadata table (``Reference ID``, ``Created``, ``Released``,
``Classification``, ``Origin``) followed by two ``<code><pre>`` blocks, the
routing header and the body, with newlines written as ``&#x000A;``, TAGS as
links and paragraph marks as ``<a id='par1' href='#par1'>¶</a>`` anchors.

The pages are machine-generated with one fixed layout, so a few regular
expressions take them apart about ten times faster than a full HTML parser,
which matters for a quarter of a million pages.  A parser would also be the
wrong tool: the generator did not escape cable text, so bodies hold bare
``&`` and stray ``<br>`` that an HTML parser would reinterpret.  For the same
reason only complete entity references (``&amp;``, ``&#x000A;``) are decoded;
:func:`html.unescape` would also turn a bare ``&not`` in ``R&notice`` into ``¬``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

from cablestats.errors import CableParseError
from cablestats.io.dates import format_page_date, parse_page_date
from cablestats.io.files import read_text
from cablestats.io.raw import RawCable, join_text

__all__ = ["CablePage", "iter_html", "parse_cable_page", "render_cable_page"]

_TABLE_RE = re.compile(r"<table class=['\"]cable['\"]>(.*?)</table>", re.S)
_HEAD_CELL_RE = re.compile(r"<th>(.*?)</th>", re.S)
_CELL_RE = re.compile(r"<td>(.*?)</td>", re.S)
_PRE_RE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
_ANY_TAG_RE = re.compile(r"<[^>]*>")
_LINK_TAG_RE = re.compile(r"</?a\b[^>]*>", re.I)
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# On the TAGS line: entities are kept whole, words become links.
_TAGS_LINE_RE = re.compile(r"^(TAGS\b:?)(.*)$", re.M)
_TAG_TOKEN_RE = re.compile(r"&#?\w+;|(\w+)")
_PARAGRAPH_MARK_RE = re.compile(r"¶(\w+)")


@dataclasses.dataclass(frozen=True, slots=True)
class CablePage:
    """What a cable page holds: the metadata table and the two text blocks."""

    reference_id: str
    created: dt.datetime | None
    released: dt.datetime | None
    classification: str | None
    origin: str | None
    header: str
    body: str


def _unescape(text: str) -> str:
    return _ENTITY_RE.sub(lambda match: html.unescape(match.group(0)), text)


def _cell_text(cell: str) -> str:
    return _unescape(_ANY_TAG_RE.sub("", cell)).strip()


def _block_text(block: str) -> str:
    return _unescape(_LINK_TAG_RE.sub("", block))


def parse_cable_page(page: str) -> CablePage:
    """Take a cable page apart.

    Parameters
    ----------
    page
        The page's HTML.

    Returns
    -------
    CablePage
        Metadata with dates as aware UTC datetimes, header and body as plain
        text (links reduced to their text, entities decoded).  Raises
        :class:`ValueError` saying what is missing when the page is not a
        cable page.
    """
    table = _TABLE_RE.search(page)
    if table is None:
        raise ValueError("no metadata table (<table class='cable'>) found")
    names = [_cell_text(cell) for cell in _HEAD_CELL_RE.findall(table.group(1))]
    values = [_cell_text(cell) for cell in _CELL_RE.findall(table.group(1))]
    if len(names) != len(values):
        raise ValueError(f"metadata table has {len(names)} headings but {len(values)} cells")
    meta = dict(zip(names, values, strict=True))
    if not meta.get("Reference ID"):
        raise ValueError("metadata table has no Reference ID")
    blocks = _PRE_RE.findall(page, table.end())
    if not blocks:
        raise ValueError("no <code><pre> text blocks after the metadata table")
    header, body = (blocks[0], blocks[1]) if len(blocks) > 1 else ("", blocks[0])
    dates = {}
    for name in ("Created", "Released"):
        try:
            dates[name] = parse_page_date(meta.get(name, ""))
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
    return CablePage(
        reference_id=meta["Reference ID"],
        created=dates["Created"],
        released=dates["Released"],
        classification=meta.get("Classification") or None,
        origin=meta.get("Origin") or None,
        header=_block_text(header),
        body=_block_text(body),
    )


def iter_html(path: Path) -> Iterator[RawCable]:
    """The one cable of a page file; the page's Created wins over the date-time group."""
    content, notes = read_text(path)
    try:
        page = parse_cable_page(content)
    except ValueError as error:
        raise CableParseError(f"not a cable page: {error}", source=str(path)) from None
    yield RawCable(
        text=join_text(page.header, page.body),
        source=str(path),
        reference_id=page.reference_id,
        created=page.created,
        released=page.released,
        origin=page.origin,
        classification=page.classification,
        notes=notes,
    )


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _link(href: str, text: str) -> str:
    return f"<a href='{_escape(href)}'>{_escape(text)}</a>" if text else ""


def _newlines(escaped: str) -> str:
    """Line breaks as the page's entities: a real page's ``<pre>`` holds one long line."""
    return escaped.replace("\r", "&#x000D;").replace("\n", "&#x000A;")


def _link_tags(line: re.Match[str]) -> str:
    def tag(token: re.Match[str]) -> str:
        word = token.group(1)
        return f"<a href='/tag/{word}_0.html'>{word}</a>" if word else token.group(0)

    return line.group(1) + _TAG_TOKEN_RE.sub(tag, line.group(2))


def _mark_paragraphs(mark: re.Match[str]) -> str:
    label = mark.group(1)
    return f"<a id='par{label}' href='#par{label}'>¶</a>{label}"


def render_cable_page(
    *,
    reference_id: str,
    created: dt.datetime | None,
    released: dt.datetime | None,
    classification: str | None,
    origin: str | None,
    header: str,
    body: str,
) -> str:
    """A cable page in the WikiLeaks layout, which :func:`parse_cable_page` reads back.

    All text is escaped; the first TAGS line's words become tag links and
    ``¶`` paragraph marks become anchors, as on real pages, so that readers
    meet the same markup in synthetic archives as in real ones.

    Returns
    -------
    str
        The page's HTML, for the caller to write where it wants.
    """
    created_text, released_text = format_page_date(created), format_page_date(released)
    cells = [
        _link(f"/cable/{created:%Y/%m}/{reference_id}.html" if created else "#", reference_id),
        _link(f"/date/{created:%Y-%m}_0.html", created_text) if created else "",
        _link(f"/reldate/{released:%Y-%m-%d}_0.html", released_text) if released else "",
        _link("/classification/", classification or ""),
        _link("/origin/", origin or ""),
    ]
    body_html = _TAGS_LINE_RE.sub(_link_tags, _escape(body), count=1)
    body_html = _newlines(_PARAGRAPH_MARK_RE.sub(_mark_paragraphs, body_html))
    headings = "".join(
        f"<th>{name}</th>\n"
        for name in ("Reference ID", "Created", "Released", "Classification", "Origin")
    )
    row = "".join(f"<td>\n{cell}\n</td>\n" for cell in cells)
    return (
        "<?xml version='1.0' encoding='utf-8' ?>\n"
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        "<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>\n"
        f"<head>\n<title>Cable Viewer: {_escape(reference_id)}</title>\n</head>\n"
        "<body>\n<div class='main'>\n<div class='pane big'>\n"
        f"<table class='cable'>\n<tr>\n{headings}</tr>\n<tr>\n{row}</tr>\n</table>\n"
        f"<code><pre>{_newlines(_escape(header))}</pre></code>\n"
        f"<code><pre>{body_html}</pre></code>\n"
        "</div>\n</div>\n</body>\n</html>\n"
    )
