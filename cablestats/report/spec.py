"""Report specifications: what to read, filter, model and render, in one TOML file.

A specification is a TOML file such as ``reports/demo.toml``::

    title = "Sample archive"
    freq = "Q"                      # M, Q or Y: the period of every time series
    sections = ["overview", "topics", "themes", "trends", "methods"]

    [sources]
    paths = ["../data/sample"]      # relative to this file
    format = "auto"

    [filters]
    start = 2005-01-01              # or "2005-01-01"; cables on or after
    end = 2010-03-01                # cables before
    tags = ["PTER"]                 # cables carrying any of these TAGS
    posts = ["BAMAKO"]              # posts (or origins, "Embassy Bamako")

    [corpus]                        # options of cablestats.Corpus.from_cables
    min_df = 5

    [model]                         # options of cablestats.TopicModel
    n_topics = 8

    [themes]
    path = "themes.toml"            # relative to this file
    names = ["Counterterrorism partnerships"]   # empty or absent: all

    [outputs]
    dir = "out/demo"                # relative to this file
    formats = ["html", "pdf"]

It loads into frozen dataclasses.  Unknown keys, values of the wrong type,
unknown TAGS, sections or themes are :class:`~cablestats.SpecError` naming
the file and line and, for keys and names, the closest valid one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import inspect
import os
import re
import tomllib
import types
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cablestats import tags as tag_tables
from cablestats.errors import SpecError
from cablestats.report.layout import SECTIONS

__all__ = [
    "FORMATS",
    "FREQS",
    "FiltersSpec",
    "OutputsSpec",
    "ReportSpec",
    "SourcesSpec",
    "ThemesSpec",
    "check_theme_names",
    "corpus_option_names",
    "load_spec",
    "model_option_names",
]

#: Output formats a report can be written in.
FORMATS: tuple[str, ...] = ("html", "pdf")

#: Period lengths of a report's time series.
FREQS: tuple[str, ...] = ("M", "Q", "Y")

_TOP_KEYS = ("title", "freq", "top", "sections", "sources", "filters", "corpus", "model",
             "themes", "outputs")  # fmt: skip
_TABLES = ("sources", "filters", "corpus", "model", "themes", "outputs")


@dataclasses.dataclass(frozen=True)
class SourcesSpec:
    """Files or folders of cables and their format (as :func:`cablestats.read_cables`)."""

    paths: tuple[Path, ...]
    format: str = "auto"


@dataclasses.dataclass(frozen=True)
class FiltersSpec:
    """Which cables the report covers; ``None`` or empty means no limit."""

    start: dt.date | None = None
    end: dt.date | None = None
    tags: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class ThemesSpec:
    """A theme file and the themes to report (all when ``names`` is empty)."""

    path: Path
    names: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class OutputsSpec:
    """Where reports go and in which formats."""

    dir: Path
    formats: tuple[str, ...] = ("html",)


@dataclasses.dataclass(frozen=True)
class ReportSpec:
    """A whole report specification; ``path`` is the file it was read from."""

    path: Path
    title: str
    sources: SourcesSpec
    outputs: OutputsSpec
    freq: str = "Q"
    top: int = 10
    sections: tuple[str, ...] = SECTIONS
    filters: FiltersSpec = FiltersSpec()
    corpus: Mapping[str, Any] = dataclasses.field(
        default_factory=lambda: types.MappingProxyType({})
    )
    model: Mapping[str, Any] = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))
    themes: ThemesSpec | None = None


class _Lines:
    """Finds the line of a key in the TOML text, by the table it sits in."""

    _HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def of(self, key: str, table: str | None = None) -> int | None:
        current: str | None = None
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number, line in enumerate(self.lines, 1):
            header = self._HEADER.match(line)
            if header:
                current = header.group(1)
                if table is None and current == key:
                    return number
            elif current == table and pattern.match(line):
                return number
        return None


class _Reader:
    """Checks one specification file, raising SpecError with its file and line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.where = _Lines(text)

    def fail(self, message: str, key: str, table: str | None = None) -> SpecError:
        return SpecError(message, path=str(self.path), line=self.where.of(key, table))

    def keys(self, values: Mapping[str, Any], valid: Sequence[str], table: str | None) -> None:
        for key in values:
            if key not in valid:
                close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
                hint = f"did you mean {close[0]!r}? " if close else ""
                place = f"[{table}]" if table else "the top level"
                raise self.fail(
                    f"unknown key {key!r} in {place}; {hint}valid keys are {', '.join(valid)}",
                    key,
                    table,
                )

    def table(self, document: Mapping[str, Any], name: str) -> dict[str, Any]:
        value = document.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(f"{name!r} must be a table, written [{name}]", name)
        return value

    def strings(self, value: Any, key: str, table: str | None) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise self.fail(f"{key!r} must be a list of strings, received {value!r}", key, table)
        return tuple(items)

    def choice(self, value: Any, key: str, valid: Sequence[str], table: str | None = None) -> str:
        if value not in valid:
            close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise self.fail(
                f"{key!r} must be one of {', '.join(valid)}, received {value!r}{hint}", key, table
            )
        return value

    def date(self, value: Any, key: str) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(
                f"{key!r} must be a date such as 2009-01-31, received {value!r}", key, "filters"
            ) from None

    def path_of(self, value: Any, key: str, table: str) -> Path:
        if not isinstance(value, str) or not value:
            raise self.fail(f"{key!r} must be a path (a string), received {value!r}", key, table)
        return (self.path.parent / value).resolve()


def _options_of(callable_: Any) -> tuple[str, ...]:
    """Keyword parameters of a constructor, so new library options work in specs at once."""
    parameters = inspect.signature(callable_).parameters.values()
    return tuple(p.name for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))


def corpus_option_names() -> tuple[str, ...]:
    """Keys of ``[corpus]``: the parameters of :class:`cablestats.corpus.CableVectorizer`."""
    from cablestats.corpus import CableVectorizer

    return tuple(name for name in _options_of(CableVectorizer) if name != "progress")


def model_option_names() -> tuple[str, ...]:
    """Keys of ``[model]``: the parameters of :class:`cablestats.TopicModel`."""
    from cablestats.models import TopicModel

    return _options_of(TopicModel)


def load_spec(path: str | os.PathLike[str]) -> ReportSpec:
    """Read and check a report specification.

    Parameters
    ----------
    path
        A TOML file (see the module notes).  Relative paths inside it are
        read from the file's folder.

    Raises
    ------
    cablestats.SpecError
        For invalid TOML, unknown keys (with the closest valid key), wrong
        types, unknown TAGS, sections, formats or themes; the message names
        the file and line.
    FileNotFoundError
        When ``path`` does not exist.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11 keeps the position only in the message: "... (at line 3, column 9)"
        # or "... (at end of document)".
        found = re.search(r"\((?:at line (\d+), column \d+|at end of document)\)", str(error))
        message = str(error)[: found.start()].rstrip() if found else str(error)
        line = None
        if found:
            line = int(found.group(1)) if found.group(1) else max(1, len(text.splitlines()))
        raise SpecError(f"not valid TOML: {message}", path=str(path), line=line) from None
    read = _Reader(path, text)
    read.keys(document, _TOP_KEYS, None)
    sources = read.table(document, "sources")
    read.keys(sources, ("paths", "format"), "sources")
    if "paths" not in sources:
        raise read.fail("[sources] needs 'paths', the files or folders of cables", "sources")
    filters = read.table(document, "filters")
    read.keys(filters, tuple(f.name for f in dataclasses.fields(FiltersSpec)), "filters")
    corpus = read.table(document, "corpus")
    read.keys(corpus, corpus_option_names(), "corpus")
    model = read.table(document, "model")
    read.keys(model, model_option_names(), "model")
    themes = read.table(document, "themes") if "themes" in document else None
    outputs = read.table(document, "outputs")
    read.keys(outputs, ("dir", "formats"), "outputs")
    tags = tuple(
        t.strip().upper() for t in read.strings(filters.get("tags", []), "tags", "filters")
    )
    for tag in tags:
        if tag_tables.tag_kind(tag) == tag_tables.UNKNOWN:
            codes = list(tag_tables.tags_table().index)
            close = difflib.get_close_matches(tag, codes, n=1, cutoff=0.5)
            hint = f"; did you mean {tag_tables.describe(close[0])}?" if close else ""
            raise read.fail(f"unknown TAG {tag!r} in [filters] tags{hint}", "tags", "filters")
    title = document.get("title", path.stem.replace("_", " ").capitalize())
    if not isinstance(title, str):
        raise read.fail(f"'title' must be a string, received {title!r}", "title")
    top = document.get("top", 10)
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise read.fail(f"'top' must be a positive integer, received {top!r}", "top")
    sections = read.strings(document.get("sections", list(SECTIONS)), "sections", None)
    for section in sections:
        read.choice(section, "sections", SECTIONS)
    formats = read.strings(outputs.get("formats", ["html"]), "formats", "outputs")
    for name in formats:
        read.choice(name, "formats", FORMATS, "outputs")
    themes_spec = None
    if themes is not None:
        read.keys(themes, ("path", "names"), "themes")
        themes_spec = ThemesSpec(
            path=read.path_of(themes.get("path"), "path", "themes"),
            names=read.strings(themes.get("names", []), "names", "themes"),
        )
    return ReportSpec(
        path=path,
        title=title,
        freq=read.choice(document.get("freq", "Q"), "freq", FREQS),
        top=top,
        sections=sections,
        sources=SourcesSpec(
            paths=tuple(
                read.path_of(p, "paths", "sources")
                for p in read.strings(sources["paths"], "paths", "sources")
            ),
            format=read.strings(sources.get("format", "auto"), "format", "sources")[0],
        ),
        filters=FiltersSpec(
            start=read.date(filters.get("start"), "start"),
            end=read.date(filters.get("end"), "end"),
            tags=tags,
            posts=read.strings(filters.get("posts", []), "posts", "filters"),
        ),
        corpus=types.MappingProxyType(dict(corpus)),
        model=types.MappingProxyType(dict(model)),
        themes=themes_spec,
        outputs=OutputsSpec(
            dir=read.path_of(outputs.get("dir", "out"), "dir", "outputs"), formats=formats
        ),
    )


def check_theme_names(spec: ReportSpec, available: Sequence[str]) -> tuple[str, ...]:
    """The spec's theme names (all of ``available`` when it lists none), each checked.

    Raises
    ------
    cablestats.SpecError
        For a name not in the theme file, with the closest name.
    """
    if spec.themes is None:
        return ()
    reader = _Reader(spec.path, spec.path.read_text(encoding="utf-8"))
    for name in spec.themes.names:
        if name not in available:
            close = difflib.get_close_matches(name, available, n=1, cutoff=0.4)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise reader.fail(
                f"unknown theme {name!r} (not in {spec.themes.path.name}); {hint}"
                f"themes are {', '.join(map(repr, available))}",
                "names",
                "themes",
            )
    return spec.themes.names or tuple(available)
