"""The facts of a report: every number it shows, computed once as frozen records.

Facts know nothing of HTML or charts (that is :mod:`cablestats.report.layout`);
they are tidy DataFrames and plain values taken from the library's public
functions, so a notebook can check any figure a report prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.metadata
import platform
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from cablestats import tags as tag_tables
from cablestats.corpus import Corpus
from cablestats.overview import archive_overview
from cablestats.themes import Theme, partner_network, theme_prevalence
from cablestats.trends import bursts, keyword_trends, term_series

__all__ = [
    "MethodsFacts",
    "OverviewFacts",
    "ReportFacts",
    "ThemeFacts",
    "TopicFacts",
    "TrendFacts",
    "compute_facts",
    "strongest",
]

#: Periods (of a region) with fewer cables are left out of prevalence charts: a
#: share of one or two cables is 0 or 100% and only adds noise.
MIN_PERIOD_CABLES = 10

#: Packages whose versions the methods section lists.
_PACKAGES = ("cablestats", "numpy", "pandas", "scipy", "scikit-learn", "gensim", "statsmodels",
             "matplotlib", "jinja2")  # fmt: skip


@dataclasses.dataclass(frozen=True)
class OverviewFacts:
    """Counts of the archive: ``by_class`` and ``by_region`` have periods as index and
    one column of cable counts per classification or regional bureau (named)."""

    n_cables: int
    n_with_warnings: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    by_class: pd.DataFrame
    by_region: pd.DataFrame
    top_posts: pd.DataFrame
    top_tags: pd.DataFrame


@dataclasses.dataclass(frozen=True)
class TopicFacts:
    """What the topic model found: ``top_terms`` (``topic``, ``terms``), ``prevalence``
    (``period``, ``topic``, ``share``, ``lo``, ``hi``) and ``by_tag`` (topics × TAGS,
    mean topic share of the cables carrying each TAG)."""

    settings: Mapping[str, Any]
    coherence: float | None
    top_terms: pd.DataFrame
    prevalence: pd.DataFrame
    by_tag: pd.DataFrame


@dataclasses.dataclass(frozen=True)
class ThemeFacts:
    """One theme: ``prevalence`` by region (``period``, ``region``, ``share``, ``lo``,
    ``hi``), strongest country pairs per period, rising terms among its cables and
    its most representative cables."""

    name: str
    description: str
    tags: tuple[str, ...]
    n_members: int
    prevalence: pd.DataFrame
    partners: pd.DataFrame
    rising: pd.DataFrame
    representative: pd.DataFrame


@dataclasses.dataclass(frozen=True)
class TrendFacts:
    """Terms with significant trends (``term``, ``rate_ratio``, ``q``, ``cables``,
    ``rates``: the per-period share of cables, for sparklines) and their bursts."""

    rising: pd.DataFrame
    falling: pd.DataFrame
    bursts: pd.DataFrame
    n_tested: int


@dataclasses.dataclass(frozen=True)
class MethodsFacts:
    """Where the numbers come from: label → value pairs for each part of the record."""

    sources: tuple[str, ...]
    counts: Mapping[str, str]
    filters: Mapping[str, str]
    corpus: Mapping[str, str]
    model: Mapping[str, str]
    run: Mapping[str, str]
    versions: Mapping[str, str]
    generated: str
    run_seconds: float | None


@dataclasses.dataclass(frozen=True)
class ReportFacts:
    """Everything a report shows; sections that were not asked for are ``None`` or empty."""

    title: str
    freq: str
    overview: OverviewFacts | None
    topics: TopicFacts | None
    themes: tuple[ThemeFacts, ...]
    trends: TrendFacts | None
    methods: MethodsFacts


def _region(origin: object) -> str:
    country = tag_tables.post_country(origin) if isinstance(origin, str) else None
    bureau = tag_tables.country_region(country) if country else None
    return tag_tables.region_name(bureau) if bureau else "Other or unknown"


def _country(code: str) -> str:
    """``Mali (ML)``: the name first, as readers look for countries by name."""
    name = tag_tables.tag_name(code)
    return f"{name} ({code})" if name else code


def overview_facts(cables: pd.DataFrame, freq: str, top: int) -> OverviewFacts:
    """Counts per period by classification and region, top posts and TAGS (named)."""
    base = archive_overview(cables, top=top)
    created = pd.to_datetime(cables["created"], utc=True)
    period = created.dt.tz_localize(None).dt.to_period(freq).rename("period")
    frame = pd.DataFrame(
        {
            "period": period.to_numpy(),
            "classification": cables["classification"].fillna("(none)").to_numpy(),
            "region": cables["origin"].map(_region).to_numpy(),
        }
    ).dropna(subset=["period"])
    span = (
        pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq)
        if len(frame)
        else pd.PeriodIndex([], freq=freq)
    )

    def crosstab(column: str) -> pd.DataFrame:
        table = pd.crosstab(frame["period"], frame[column]).reindex(span, fill_value=0)
        return table[table.sum().sort_values(ascending=False).index]

    return OverviewFacts(
        n_cables=base.n_cables,
        n_with_warnings=base.n_with_warnings,
        first=base.first,
        last=base.last,
        by_class=crosstab("classification"),
        by_region=crosstab("region"),
        top_posts=base.top_origins,
        top_tags=base.top_tags,
    )


def topic_facts(model: Any, corpus: Corpus, freq: str, n_tags: int) -> TopicFacts:
    """Top terms, prevalence with bootstrap intervals and the topic-by-TAG means."""
    terms = model.topics(n=8)
    top_terms = (
        terms.groupby("topic", observed=True)["term"].agg(", ".join).rename("terms").reset_index()
    )
    prevalence = model.prevalence(freq=freq, n_boot=200)
    prevalence = prevalence[prevalence["n_cables"] >= MIN_PERIOD_CABLES][
        ["period", "topic", "share", "lo", "hi"]
    ].sort_values(["topic", "period"], kind="stable")
    shares = model.doc_topics
    cable_tags = corpus.meta["tags"].reindex(shares.index)
    counts = cable_tags.explode().dropna().value_counts()
    # Subject and program TAGS say what a cable is about; country TAGS mostly follow
    # the sending post and are shown by region elsewhere.
    top = [tag for tag in counts.index if tag_tables.tag_kind(tag) != "country"][:n_tags]
    by_tag = pd.DataFrame(
        {
            tag_tables.describe(tag): shares[cable_tags.map(lambda ts, t=tag: t in ts).to_numpy()]
            .mean()
            .to_numpy()
            for tag in top
        },
        index=pd.Index(model.labels, name="topic"),
    )
    try:
        coherence = float(model.coherence(corpus=corpus).mean)
    except ValueError:
        coherence = None
    settings = {
        name: _setting(value) for name, value in dataclasses.asdict(model.settings_).items()
    }
    if model.seed_topics:
        settings["seed topics"] = "; ".join(
            f"{name}: {', '.join(words)}" for name, words in model.seed_topics.items()
        )
    return TopicFacts(
        settings=settings,
        coherence=coherence,
        top_terms=top_terms,
        prevalence=prevalence,
        by_tag=by_tag,
    )


def _setting(value: Any) -> Any:
    """A fit setting as shown: priors given per topic and term are summarised by shape."""
    if isinstance(value, np.ndarray):
        return f"prior array of shape {' × '.join(map(str, value.shape))} (seeded topics)"
    return value


def theme_facts(corpus: Corpus, theme: Theme, freq: str, top: int) -> ThemeFacts:
    """Prevalence by region, partner pairs, rising terms and representative cables."""
    prevalence = theme_prevalence(corpus, theme, freq, by="region")
    prevalence = prevalence[
        (prevalence["group"] != "unknown") & (prevalence["exposure"] >= MIN_PERIOD_CABLES)
    ]
    prevalence = prevalence.assign(
        region=prevalence["group"].map(tag_tables.region_name), share=prevalence["rate"]
    )[["period", "region", "share", "lo", "hi", "cables", "exposure"]]
    prevalence = prevalence.sort_values(["region", "period"], kind="stable")
    members = theme.members(corpus)
    edges = partner_network(corpus, theme, freq="Y")
    partners = pd.DataFrame(columns=["year", "strongest partners (member cables naming both)"])
    if len(edges):
        edges = edges.groupby("period", sort=True).head(3)
        pairs = [
            f"{_country(a)} – {_country(b)}: {n:,} ({share:.0%})"
            for a, b, n, share in zip(
                edges["country_a"],
                edges["country_b"],
                edges["cables"],
                edges["weight"],
                strict=True,
            )
        ]
        partners = (
            pd.DataFrame({"year": edges["period"].astype(str).to_numpy(), "pair": pairs})
            .groupby("year", sort=True)["pair"]
            .agg("; ".join)
            .reset_index()
            .set_axis(partners.columns, axis=1)
        )
    rising = pd.DataFrame(columns=["term", "rate_ratio", "q"])
    if len(members) >= 20:
        subset = corpus[theme.membership(corpus)]
        trends = keyword_trends(subset, freq="Y", min_cables=max(5, len(members) // 20))
        rising = strongest(trends, "rising", top)[["term", "rate_ratio", "q"]]
    shown = [c for c in ("created", "origin", "subject", "summary") if c in corpus.meta.columns]
    # Scores saturate at 1, so many members tie: among them, the cables that use the
    # most distinct theme terms (then context terms) show the theme best; then the newest.
    ranked = members.join(corpus.meta[["created"]]).sort_values(
        ["score", "n_terms", "n_context", "created"], ascending=False, kind="stable"
    )
    representative = corpus.meta.loc[ranked.index[:3], shown].reset_index()
    return ThemeFacts(
        name=theme.name,
        description=theme.description,
        tags=theme.tags,
        n_members=len(members),
        prevalence=prevalence,
        partners=partners,
        rising=rising.reset_index(drop=True),
        representative=representative,
    )


def strongest(trends: pd.DataFrame, direction: str, top: int) -> pd.DataFrame:
    """The ``top`` terms of a direction whose change is surely largest.

    Terms are ranked by the end of the rate ratio's 95% interval nearest to 1
    (``lo`` for rising terms, ``hi`` for falling ones): a rare term's large but
    uncertain estimate does not outrank a well-measured change.
    """
    chosen = trends[trends["direction"] == direction]
    if direction == "rising":
        return chosen.sort_values(["lo", "q"], ascending=[False, True], kind="stable").head(top)
    return chosen.sort_values(["hi", "q"], ascending=[True, True], kind="stable").head(top)


def trend_facts(corpus: Corpus, freq: str, top: int) -> TrendFacts:
    """Most rising and falling terms (GLM, FDR-controlled) with sparklines and bursts."""
    trends = keyword_trends(corpus, freq=freq)
    rising = strongest(trends, "rising", top)
    falling = strongest(trends, "falling", top)
    chosen = [*rising["term"], *falling["term"]]
    rates: dict[str, tuple[float, ...]] = {}
    found = pd.DataFrame(columns=["term", "group", "start", "end", "level", "strength", "cables"])
    if chosen:
        series = term_series(corpus, chosen, freq=freq)
        rates = {
            term: tuple(part.sort_values("period")["rate"].to_numpy(dtype=float))
            for term, part in series.groupby("term", sort=False)
        }
        found = bursts(series, chosen)

    def table(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame[["term", "rate_ratio", "q", "cables"]].reset_index(drop=True)
        return frame.assign(rates=frame["term"].map(rates))

    return TrendFacts(
        rising=table(rising),
        falling=table(falling),
        bursts=found.reset_index(drop=True),
        n_tested=int(trends["q"].notna().sum()),
    )


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for package in _PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def _text(mapping: Mapping[str, Any]) -> dict[str, str]:
    return {str(key): ", ".join(map(str, v)) if isinstance(v, list | tuple) else str(v)
            for key, v in mapping.items()}  # fmt: skip


def compute_facts(
    cables: pd.DataFrame,
    corpus: Corpus,
    model: Any,
    themes: Sequence[Theme],
    *,
    title: str,
    sections: Sequence[str],
    freq: str,
    top: int,
    sources: Sequence[str],
    filters: Mapping[str, Any],
    corpus_options: Mapping[str, Any],
    provenance: Mapping[str, Any],
    started: float | None,
    clock: Any,
) -> ReportFacts:
    """Compute the facts of every requested section (``sections`` names them).

    ``started`` and ``clock`` (a ``time.perf_counter``-like callable) time the
    run for the methods section; no run time without ``started``.
    """
    overview = overview_facts(cables, freq, top) if "overview" in sections else None
    topics = (
        topic_facts(model, corpus, freq, top)
        if "topics" in sections and model is not None
        else None
    )
    theme_list = (
        tuple(theme_facts(corpus, theme, freq, 5) for theme in themes)
        if "themes" in sections
        else ()
    )
    trends = trend_facts(corpus, freq, top) if "trends" in sections else None
    counts = {
        "cables read": f"{len(cables):,}",
        "cables parsed only in part": f"{int(cables['warnings'].map(len).gt(0).sum()):,}"
        if "warnings" in cables.columns
        else "n/a",
        "cables modelled": f"{len(corpus):,}",
        "vocabulary": f"{len(corpus.vocab):,} terms",
        "tokens": f"{int(np.asarray(corpus.dtm.sum())):,}",
    }
    model_info: dict[str, Any] = {}
    if topics is not None:
        model_info = {"backend": model.backend, **topics.settings}
        model_info["coherence (mean c_npmi)"] = (
            f"{topics.coherence:.3f}" if topics.coherence is not None else "n/a"
        )
        model_info["prevalence intervals"] = "95% percentile bootstrap, 200 resamples"
    methods = MethodsFacts(
        sources=tuple(map(str, sources)),
        counts=counts,
        filters=_text(filters) or {"filters": "none"},
        corpus=_text(corpus_options) or {"options": "defaults"},
        model=_text(model_info) or {"model": "not fitted"},
        run=_text(provenance),
        versions=_versions(),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        run_seconds=None if started is None else clock() - started,
    )
    return ReportFacts(
        title=title,
        freq=freq,
        overview=overview,
        topics=topics,
        themes=theme_list,
        trends=trends,
        methods=methods,
    )
