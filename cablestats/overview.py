"""A first look at an archive: counts by year, classification, post and TAG.

This is what ``cablestats demo`` prints and what the overview section of a
report starts from.  It only counts what :func:`cablestats.read_cables` returned.
"""

from __future__ import annotations

import dataclasses
import html

import pandas as pd

from cablestats import tags as tag_tables

__all__ = ["ArchiveOverview", "archive_overview"]


@dataclasses.dataclass(frozen=True)
class ArchiveOverview:
    """Counts that describe an archive.

    Attributes
    ----------
    n_cables, n_with_warnings
        Cables read, and how many of them were parsed only in part.
    by_year
        Columns ``year``, ``cables``.
    by_classification
        Columns ``classification``, ``cables``, ``share`` (0–1).
    top_origins
        Columns ``origin``, ``cables``: the busiest posts.
    top_tags
        Columns ``tag``, ``name``, ``kind``, ``cables``: TAGS by the number of
        cables carrying them, spelled out (``PTER`` → Terrorists and Terrorism).
    """

    n_cables: int
    n_with_warnings: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    by_year: pd.DataFrame
    by_classification: pd.DataFrame
    top_origins: pd.DataFrame
    top_tags: pd.DataFrame

    def __repr__(self) -> str:
        span = f"{self.first:%Y-%m} to {self.last:%Y-%m}" if self.first is not None else "undated"
        return f"<ArchiveOverview {self.n_cables:,} cables, {span}>"

    def _tables(self) -> list[tuple[str, pd.DataFrame]]:
        return [
            ("Cables by year", self.by_year),
            ("Cables by classification", self.by_classification),
            ("Top posts", self.top_origins),
            ("Top TAGS", self.top_tags),
        ]

    def to_text(self) -> str:
        """Plain-text tables for a terminal."""
        lines = [repr(self)[1:-1]]
        if self.n_with_warnings:
            lines.append(f"{self.n_with_warnings:,} cables parsed only in part (see `warnings`)")
        for title, table in self._tables():
            lines += ["", title, table.to_string(index=False)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f"<h4>{html.escape(repr(self)[1:-1])}</h4>"]
        for title, table in self._tables():
            parts.append(f"<h5>{html.escape(title)}</h5>{table.to_html(index=False)}")
        return "\n".join(parts)


def archive_overview(cables: pd.DataFrame, *, top: int = 10) -> ArchiveOverview:
    """Count an archive read by :func:`cablestats.read_cables`.

    Parameters
    ----------
    cables
        One row per cable with at least ``created``, ``classification``,
        ``origin``, ``tags`` and ``warnings`` columns.
    top
        How many posts and TAGS to list.
    """
    created = pd.to_datetime(cables["created"], utc=True)
    by_year = (
        created.dt.year.value_counts().sort_index().rename_axis("year").reset_index(name="cables")
    )
    by_year["year"] = by_year["year"].astype(int)
    classes = cables["classification"].fillna("(none)").value_counts()
    by_classification = classes.rename_axis("classification").reset_index(name="cables")
    by_classification["share"] = (by_classification["cables"] / max(len(cables), 1)).round(3)
    top_origins = (
        cables["origin"]
        .fillna("(unknown)")
        .value_counts()
        .head(top)
        .rename_axis("origin")
        .reset_index(name="cables")
    )
    tag_counts = cables["tags"].explode().dropna().value_counts().head(top)
    top_tags = pd.DataFrame(
        {
            "tag": tag_counts.index,
            "name": [tag_tables.tag_name(code) or "(unknown TAG)" for code in tag_counts.index],
            "kind": [tag_tables.tag_kind(code) for code in tag_counts.index],
            "cables": tag_counts.to_numpy(),
        }
    )
    return ArchiveOverview(
        n_cables=len(cables),
        n_with_warnings=int(cables["warnings"].map(len).gt(0).sum()) if len(cables) else 0,
        first=created.min() if created.notna().any() else None,
        last=created.max() if created.notna().any() else None,
        by_year=by_year,
        by_classification=by_classification,
        top_origins=top_origins,
        top_tags=top_tags,
    )
