"""Lay report facts out as sections of blocks: figures, tables, key-value lists, notes.

The layout decides what a reader sees and in which order; it draws the charts
(:mod:`cablestats.report.charts`) and turns frames into rows of display
strings.  Everything that came from a cable stays a plain string here: the
templates escape it.  Only chart SVG, made by this package, is marked safe.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
from markupsafe import Markup

from cablestats.report import charts
from cablestats.report.facts import (
    MIN_PERIOD_CABLES,
    MethodsFacts,
    OverviewFacts,
    ReportFacts,
    ThemeFacts,
    TopicFacts,
    TrendFacts,
)

__all__ = ["SECTIONS", "Columns", "Figure", "KeyValues", "Note", "Section", "Table", "lay_out"]

#: Sections a report can hold, in the order they appear.
SECTIONS: tuple[str, ...] = ("overview", "topics", "themes", "trends", "methods")

#: Columns whose values read badly when broken across lines.
_NOWRAP = frozenset({"reference_id", "date", "year", "term", "TAG"})

_FREQ_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}


@dataclasses.dataclass(frozen=True)
class Figure:
    """A chart (inline SVG made by :mod:`~cablestats.report.charts`) with a caption."""

    svg: Markup
    caption: str
    kind: str = "figure"


@dataclasses.dataclass(frozen=True)
class Table:
    """A table of display strings; cells may be :class:`Markup` (sparklines).

    ``numeric`` and ``nowrap`` hold one flag per column: right-aligned figures,
    and values that must not break across lines.
    """

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    numeric: tuple[bool, ...]
    nowrap: tuple[bool, ...]
    kind: str = "table"


@dataclasses.dataclass(frozen=True)
class KeyValues:
    """Labelled values, such as settings or package versions."""

    caption: str
    items: tuple[tuple[str, str], ...]
    kind: str = "keyvalues"


@dataclasses.dataclass(frozen=True)
class Note:
    """A paragraph of text."""

    text: str
    kind: str = "note"


@dataclasses.dataclass(frozen=True)
class Columns:
    """Blocks shown side by side (short tables that would waste a page one under another)."""

    blocks: tuple[Figure | Table | KeyValues | Note, ...]
    kind: str = "columns"


Block = Figure | Table | KeyValues | Note | Columns


@dataclasses.dataclass(frozen=True)
class Section:
    """A titled part of the report; ``subsections`` nest one level (themes)."""

    id: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()


def _table(
    caption: str,
    frame: pd.DataFrame,
    formats: dict[str, str] | None = None,
    charts_column: tuple[str, list[Markup]] | None = None,
) -> Table:
    """Display strings of ``frame``; ``charts_column`` appends a column of SVG cells."""
    formats = formats or {}
    rows = tuple(
        tuple(
            value if isinstance(value, Markup)
            else "" if value is None or (isinstance(value, float) and pd.isna(value))
            else format(value, formats[column]) if column in formats
            else str(value)
            for column, value in zip(frame.columns, row, strict=True)
        )
        for row in frame.itertuples(index=False, name=None)
    )  # fmt: skip
    numeric = tuple(pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns)
    columns = tuple(map(str, frame.columns))
    if charts_column is not None:
        name, cells = charts_column
        rows = tuple((*row, cell) for row, cell in zip(rows, cells, strict=True))
        columns, numeric = (*columns, name), (*numeric, False)
    return Table(caption, columns, rows, numeric, tuple(c in _NOWRAP for c in columns))


def _overview(facts: OverviewFacts, unit: str) -> Section:
    span = (
        f"{facts.first:%d %B %Y} to {facts.last:%d %B %Y}" if facts.first is not None else "undated"
    )
    blocks: list[Block] = [
        Note(
            f"{facts.n_cables:,} cables from {span}; "
            f"{facts.n_with_warnings:,} were parsed only in part."
        )
    ]
    if len(facts.by_class):
        breakdowns = (
            (facts.by_class, "by-class", "classification", "classification"),
            (facts.by_region, "by-region", "regional bureau of the post",
             "the regional bureau of the sending post"),
        )  # fmt: skip
        for frame, key, legend, caption in breakdowns:
            chart = charts.stacked_bars(
                frame,
                key=key,
                ylabel=f"cables per {unit}",
                xlabel=f"{unit} the cable was sent",
                legend_title=legend,
            )
            blocks.append(Figure(Markup(chart), f"Cables per {unit} by {caption}."))
    blocks.append(
        Columns(
            (
                _table("Busiest posts", facts.top_posts.rename(columns={"origin": "post"})),
                _table(
                    "Most frequent TAGS",
                    facts.top_tags.rename(columns={"tag": "TAG", "name": "meaning"}),
                ),
            )
        )
    )
    return Section("overview", "Overview", tuple(blocks))


def _topics(facts: TopicFacts, unit: str) -> Section:
    blocks: list[Block] = [
        _table("Most probable terms of each topic", facts.top_terms),
        Figure(
            Markup(
                charts.small_multiples(
                    facts.prevalence,
                    key="topic-prevalence",
                    panel="topic",
                    ylabel="mean topic share of cables (%)",
                    xlabel=f"{unit} the cable was sent",
                )
            ),
            "Topic prevalence over time: mean share of each topic in the cables of each "
            f"{unit}; bands are 95% bootstrap intervals; {unit}s with fewer than "
            f"{MIN_PERIOD_CABLES} cables are left out.",
        ),
    ]
    if facts.by_tag.shape[1]:
        blocks.append(
            Figure(
                Markup(
                    charts.heatmap(
                        facts.by_tag,
                        key="topic-tag",
                        xlabel="TAG carried by the cable",
                        ylabel="topic",
                        colorbar="mean topic share",
                    )
                ),
                "Topics by TAG: mean share of each topic among the cables carrying each TAG.",
            )
        )
    return Section("topics", "Topics", tuple(blocks))


def _theme(facts: ThemeFacts, number: int, unit: str) -> Section:
    tags = ", ".join(facts.tags) or "none"
    blocks: list[Block] = [
        Note(f"{facts.description} TAGS: {tags}. {facts.n_members:,} cables belong to the theme.")
    ]
    if facts.n_members and len(facts.prevalence):
        blocks.append(
            Figure(
                Markup(
                    charts.small_multiples(
                        facts.prevalence,
                        key=f"theme-{number}",
                        panel="region",
                        ylabel="share of the region's cables (%)",
                        xlabel=f"{unit} the cable was sent",
                    )
                ),
                f"Share of cables in the theme per {unit}, by the regional bureau of the "
                f"sending post; bands are 95% Wilson intervals; {unit}s with fewer than "
                f"{MIN_PERIOD_CABLES} cables from the region are left out.",
            )
        )
    if len(facts.partners):
        blocks.append(
            _table(
                "Partner network: the country pairs most often named together in the theme's "
                "cables, per year (cables, and their share of the year's member cables)",
                facts.partners,
            )
        )
    if len(facts.rising):
        blocks.append(
            _table(
                "Terms rising within the theme (rate ratio per year, FDR q-value)",
                facts.rising,
                {"rate_ratio": ".2f", "q": ".2g"},
            )
        )
    if len(facts.representative):
        cables = facts.representative.copy()
        if "created" in cables:
            cables["created"] = pd.to_datetime(cables["created"]).dt.strftime("%Y-%m-%d")
        # A column no cable fills (summaries are often missing) only takes room.
        cables = cables.loc[:, cables.replace("", None).notna().any()]
        cables = cables.rename(columns={"created": "date", "origin": "post"})
        blocks.append(_table("Representative cables", cables))
    return Section(f"theme-{number}", facts.name, tuple(blocks))


def _trends(facts: TrendFacts, unit: str) -> Section:
    def terms(caption: str, frame: pd.DataFrame) -> Table:
        # SVG cells go beside the frame: a pandas string column would drop their Markup type.
        sparks = [Markup(charts.sparkline(rates or ())) for rates in frame["rates"]]
        return _table(
            caption,
            frame.drop(columns="rates"),
            {"rate_ratio": ".2f", "q": ".2g"},
            (f"share of cables per {unit}", sparks),
        )

    blocks: list[Block] = [
        Note(
            f"{facts.n_tested:,} terms were tested for a trend in the share of cables that "
            "mention them (Poisson or negative binomial GLM, Benjamini–Hochberg q-values). "
            "Rate ratio: change per year. Terms are ranked by the end of its 95% interval "
            "nearest to no change, so that a rare term's uncertain estimate does not outrank "
            "a well-measured one."
        ),
        terms("Rising terms", facts.rising),
        terms("Falling terms", facts.falling),
    ]
    if len(facts.bursts):
        blocks.append(
            Figure(
                Markup(
                    charts.bursts_timeline(
                        facts.bursts, key="bursts", xlabel=f"{unit} the cable was sent"
                    )
                ),
                "Bursts (Kleinberg) of the trending terms; darker bars are stronger burst levels.",
            )
        )
    return Section("trends", "Keyword trends", tuple(blocks))


def _methods(facts: MethodsFacts) -> Section:
    return Section(
        "methods",
        "Methods and provenance",
        (
            KeyValues("Sources", tuple((str(i + 1), s) for i, s in enumerate(facts.sources))),
            KeyValues("Counts", tuple(facts.counts.items())),
            KeyValues("Filters", tuple(facts.filters.items())),
            KeyValues("Corpus options", tuple(facts.corpus.items())),
            KeyValues("Topic model", tuple(facts.model.items())),
            *((KeyValues("This run", tuple(facts.run.items())),) if facts.run else ()),
            Note(
                "Package versions: "
                + ", ".join(f"{name} {version}" for name, version in facts.versions.items())
                + f". Generated {facts.generated}"
                + (f" in {facts.run_seconds:.1f} s." if facts.run_seconds is not None else ".")
            ),
        ),
    )


def lay_out(facts: ReportFacts) -> tuple[Section, ...]:
    """The sections of the report, in :data:`SECTIONS` order, for the facts computed."""
    unit = _FREQ_NAMES.get(facts.freq, "period")
    sections: list[Section] = []
    if facts.overview is not None:
        sections.append(_overview(facts.overview, unit))
    if facts.topics is not None:
        sections.append(_topics(facts.topics, unit))
    if facts.themes:
        themes = tuple(_theme(theme, n, unit) for n, theme in enumerate(facts.themes, 1))
        sections.append(Section("themes", "Themes", (), themes))
    if facts.trends is not None:
        sections.append(_trends(facts.trends, unit))
    sections.append(_methods(facts.methods))
    return tuple(sections)
