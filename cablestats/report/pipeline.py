"""Run a report specification: read sources, filter, count, fit, and build the report.

This is what :meth:`Report.from_spec` and ``cablestats report`` do; every step
is a public library call, so a notebook can repeat any of them.  By default a
run keeps parsed cables, the corpus and the model in a :class:`RunCache`, so
that the next run of an unchanged specification reuses them and a grown source
parses only its new cables; :meth:`Report.run` also holds the lock of the
output folder while it builds and writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cablestats import tags as tag_tables
from cablestats.corpus import Corpus
from cablestats.corpus.select import dates_mask, origins_mask, tags_mask
from cablestats.errors import CablestatsError, SpecError
from cablestats.io import read_cables
from cablestats.report.run_cache import RunCache
from cablestats.report.spec import FiltersSpec, ReportSpec, check_theme_names, load_spec

if TYPE_CHECKING:
    from cablestats.report.report import Report

__all__ = ["CacheOption", "filter_cables", "run_spec"]

#: ``True`` (the default folder), ``False`` (no cache), a folder or a :class:`RunCache`.
CacheOption = bool | str | os.PathLike[str] | RunCache


def _origin(post: str) -> str:
    """The origin name of a post given as ``BAMAKO`` or ``Embassy Bamako``."""
    info = tag_tables.post_info(post)
    return info.origin if info is not None and info.origin else post


def filter_cables(cables: pd.DataFrame, filters: FiltersSpec) -> pd.DataFrame:
    """The cables that pass every filter of a specification."""
    mask = np.ones(len(cables), dtype=bool)
    if filters.start is not None or filters.end is not None:
        mask &= dates_mask(cables, filters.start, filters.end)
    if filters.tags:
        mask &= tags_mask(cables, filters.tags)
    if filters.posts:
        mask &= origins_mask(cables, [_origin(post) for post in filters.posts])
    return cables[mask]


def _since(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CablestatsError(
            f"--since must be a date such as 2009-01-31, received {value!r}"
        ) from None


def _described(filters: FiltersSpec) -> dict[str, Any]:
    described: dict[str, Any] = {}
    if filters.start:
        described["from"] = filters.start.isoformat()
    if filters.end:
        described["before"] = filters.end.isoformat()
    if filters.tags:
        described["TAGS"] = [tag_tables.describe(tag) for tag in filters.tags]
    if filters.posts:
        described["posts"] = list(filters.posts)
    return described


@contextlib.contextmanager
def _options_of(spec: ReportSpec, table: str) -> Iterator[None]:
    """Report an invalid option value of ``[table]`` as a SpecError pointing at the table."""
    try:
        yield
    except (TypeError, ValueError) as error:
        if isinstance(error, CablestatsError):
            raise
        line = next(
            (n for n, text in enumerate(spec.path.read_text(encoding="utf-8").splitlines(), 1)
             if text.strip() == f"[{table}]"),
            None,
        )  # fmt: skip
        raise SpecError(f"[{table}]: {error}", path=str(spec.path), line=line) from error


def _run_cache(cache: CacheOption) -> RunCache | None:
    if isinstance(cache, RunCache):
        return cache
    if cache is False:
        return None
    return RunCache(None if cache is True else cache)


def run_spec(
    report_class: type[Report],
    path: str | os.PathLike[str],
    *,
    since: str | dt.date | None = None,
    sources: Sequence[str | os.PathLike[str]] | None = None,
    progress: bool | None = None,
    cache: CacheOption = True,
) -> Report:
    """Build the report a specification describes (see :meth:`Report.from_spec`)."""
    from cablestats.models import TopicModel
    from cablestats.report.report import REPORT_META_COLUMNS
    from cablestats.themes import load_themes

    started = time.perf_counter()
    spec: ReportSpec = load_spec(path)
    themes = []
    if spec.themes is not None:
        available = load_themes(spec.themes.path)
        themes = [available[name] for name in check_theme_names(spec, list(available))]
    paths = [Path(p) for p in sources] if sources is not None else list(spec.sources.paths)
    for source in paths:
        if not source.exists():
            where = "" if sources is not None else f" (listed in {spec.path})"
            raise CablestatsError(
                f"source {source} does not exist{where}; "
                "generate one with `cablestats synth` or point [sources] paths at your cables"
            )
    start = _since(since) or spec.filters.start
    filters = FiltersSpec(start, spec.filters.end, spec.filters.tags, spec.filters.posts)
    run_cache = _run_cache(cache)
    read = read_cables(
        paths,
        format=spec.sources.format,
        progress=progress,
        cache=run_cache.cables if run_cache else None,
    )
    cables = filter_cables(read, filters)
    if cables.empty:
        raise CablestatsError(f"no cables left after the filters of {spec.path}")
    meta = [c for c in REPORT_META_COLUMNS if c in cables.columns]
    corpus_options = {"meta_columns": meta, **spec.corpus}

    def count() -> Corpus:
        with _options_of(spec, "corpus"):
            return Corpus.from_cables(cables, progress=progress, **corpus_options)

    def fit() -> TopicModel:
        with _options_of(spec, "model"):
            return TopicModel(**spec.model).fit(corpus, progress=progress)

    if run_cache is None:
        corpus = count()
        model = fit() if "topics" in spec.sections else None
    else:
        run_cache.events.clear()
        run_cache.note_read()
        corpus, corpus_key = run_cache.corpus(cables, count, corpus_options)
        model = run_cache.model(corpus_key, fit, spec.model) if "topics" in spec.sections else None
        run_cache.events["cache folder"] = str(run_cache.directory)
    report = report_class(
        cables,
        corpus=corpus,
        model=model,
        themes=themes,
        title=spec.title,
        sections=spec.sections,
        freq=spec.freq,
        top=spec.top,
        sources=[str(p) for p in paths],
        filters=_described(filters),
        corpus_options=dict(spec.corpus),
        provenance=dict(run_cache.events) if run_cache else None,
        progress=progress,
        started=started,
    )
    report.spec = spec
    return report
