"""``Report``: an analyst's report on a cable archive, as HTML (one file) or PDF.

A report is computed as facts (:mod:`~cablestats.report.facts`), laid out as
sections (:mod:`~cablestats.report.layout`) and rendered by package templates
(:mod:`~cablestats.report.render`)::

    report = cs.Report(cables, corpus=corpus, model=model, themes=themes)
    report.to_html("reports/out/report.html")
    report.to_pdf("reports/out/report.pdf")

    cs.Report.from_spec("reports/demo.toml").write()   # what `cablestats report` runs
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from cablestats.corpus import DEFAULT_META_COLUMNS, Corpus
from cablestats.report.facts import ReportFacts, compute_facts
from cablestats.report.layout import SECTIONS, Section, lay_out
from cablestats.report.lock import run_lock
from cablestats.report.render import render_html, write_html, write_pdf
from cablestats.report.spec import FORMATS, FREQS, ReportSpec, load_spec
from cablestats.themes import Theme

if TYPE_CHECKING:
    from cablestats.report.pipeline import CacheOption

__all__ = ["Report"]

#: Corpus metadata a report shows (representative cables carry their summary).
REPORT_META_COLUMNS: tuple[str, ...] = (*DEFAULT_META_COLUMNS, "summary")


class Report:
    """A report on cables: overview, topics, themes, keyword trends, methods.

    ``__init__`` only stores its arguments; the facts are computed on first
    use (:attr:`facts`) and kept, so HTML and PDF show the same numbers.

    Parameters
    ----------
    cables
        The frame :func:`cablestats.read_cables` returned (one row per cable).
    corpus
        Its :class:`~cablestats.Corpus`; built with default options when ``None``.
    model
        A fitted :class:`~cablestats.TopicModel` of ``corpus``; without one the
        topics section is left out.
    themes
        Themes to report (a list, or the mapping :func:`cablestats.load_themes`
        returns).
    title
        Report title.
    sections
        Which of :data:`~cablestats.report.layout.SECTIONS` to include; the
        methods section is always there.
    freq
        Period of the time series: ``"M"``, ``"Q"`` or ``"Y"``.
    top
        Rows of the "top" tables (posts, TAGS, terms).
    sources, filters, corpus_options
        What the cables were read from and how they were selected and
        counted, for the methods section.
    provenance
        Further label → value pairs for the methods section, such as what a
        scheduled run took from its cache.
    progress
        Progress bars while building a corpus (as in :func:`cablestats.read_cables`).
    started
        ``time.perf_counter()`` when the run began (before reading and
        modelling), for the run time in the methods section; without it the
        section gives no run time, as the work done before the report was
        made is unknown to it.
    """

    def __init__(
        self,
        cables: pd.DataFrame,
        *,
        corpus: Corpus | None = None,
        model: Any = None,
        themes: Iterable[Theme] | Mapping[str, Theme] = (),
        title: str = "Cable archive report",
        sections: Sequence[str] = SECTIONS,
        freq: str = "Q",
        top: int = 10,
        sources: Sequence[str | os.PathLike[str]] = (),
        filters: Mapping[str, Any] | None = None,
        corpus_options: Mapping[str, Any] | None = None,
        provenance: Mapping[str, Any] | None = None,
        progress: bool | None = None,
        started: float | None = None,
    ) -> None:
        self.cables = cables
        self.corpus = corpus
        self.model = model
        self.themes = themes
        self.title = title
        self.sections = sections
        self.freq = freq
        self.top = top
        self.sources = sources
        self.filters = filters
        self.corpus_options = corpus_options
        self.provenance = provenance
        self.progress = progress
        self.spec: ReportSpec | None = None
        self.started = started

    @classmethod
    def from_spec(
        cls,
        path: str | os.PathLike[str],
        *,
        since: str | dt.date | None = None,
        sources: Sequence[str | os.PathLike[str]] | None = None,
        progress: bool | None = None,
        cache: CacheOption = True,
    ) -> Report:
        """Read, filter, count and model the cables a TOML specification names.

        Parameters
        ----------
        path
            A report specification (see :mod:`cablestats.report.spec`).
        since
            Only cables on or after this date (overrides ``[filters] start``).
        sources
            Read these files or folders instead of ``[sources] paths``.
        progress
            Progress bars for reading, counting and fitting.
        cache
            Where parsed cables, the corpus and the topic model are kept for
            the next run (:class:`~cablestats.report.RunCache`): ``True`` for
            the default folder (``$CABLESTATS_CACHE_DIR`` or the user's cache
            folder), a folder, or ``False`` to compute everything afresh.
            Entries are keyed by content hashes of the inputs, the settings
            and the code, so a cached result is reused only when it would be
            computed the same again.

        Raises
        ------
        cablestats.SpecError
            For an invalid specification (file and line named).
        cablestats.CablestatsError
            For a source that does not exist.
        """
        from cablestats.report.pipeline import run_spec

        return run_spec(cls, path, since=since, sources=sources, progress=progress, cache=cache)

    @classmethod
    def run(
        cls,
        path: str | os.PathLike[str],
        *,
        out_dir: str | os.PathLike[str] | None = None,
        formats: Sequence[str] | None = None,
        since: str | dt.date | None = None,
        sources: Sequence[str | os.PathLike[str]] | None = None,
        progress: bool | None = None,
        cache: CacheOption = True,
        wait: float = 0,
    ) -> list[Path]:
        """Build a specification's report and write it: a scheduled run, as ``cablestats report``.

        While it builds and writes, the run holds a lock on the output folder,
        so a second run of the same specification waits ``wait`` seconds and
        then gives up with :class:`~cablestats.RunLockedError` instead of
        clobbering the first run's files.  ``out_dir`` and ``formats`` default
        to the specification's ``[outputs]``; the other parameters are those
        of :meth:`from_spec`.

        Returns
        -------
        list of pathlib.Path
            The files written.
        """
        folder = Path(out_dir) if out_dir is not None else load_spec(path).outputs.dir
        with run_lock(folder, wait=wait):
            report = cls.from_spec(
                path, since=since, sources=sources, progress=progress, cache=cache
            )
            return report.write(folder, formats)

    # ---------------------------------------------------------------- facts

    @functools.cached_property
    def facts(self) -> ReportFacts:
        """Every number the report shows (computed once)."""
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValueError(
                f"sections must be among {', '.join(SECTIONS)}; received {', '.join(unknown)}"
            )
        if self.freq not in FREQS:
            raise ValueError(f"freq must be one of {', '.join(FREQS)}; received {self.freq!r}")
        corpus = self.corpus
        if corpus is None:
            meta = [c for c in REPORT_META_COLUMNS if c in self.cables.columns]
            corpus = Corpus.from_cables(self.cables, meta_columns=meta, progress=self.progress)
        themes = self.themes.values() if isinstance(self.themes, Mapping) else self.themes
        return compute_facts(
            self.cables,
            corpus,
            self.model,
            list(themes),
            title=self.title,
            sections=self.sections,
            freq=self.freq,
            top=self.top,
            sources=[str(s) for s in self.sources],
            filters=dict(self.filters or {}),
            corpus_options=dict(self.corpus_options or {}),
            provenance=dict(self.provenance or {}),
            started=self.started,
            clock=time.perf_counter,
        )

    @functools.cached_property
    def layout(self) -> tuple[Section, ...]:
        """The report's sections, in order, charts drawn (once: drawing takes seconds)."""
        return lay_out(self.facts)

    # -------------------------------------------------------------- outputs

    def html(self) -> str:
        """The report as one self-contained HTML document."""
        import cablestats

        facts = self.facts
        overview = facts.overview
        span = (
            f"{overview.n_cables:,} cables, {overview.first:%B %Y} to {overview.last:%B %Y}. "
            if overview is not None and overview.first is not None
            else ""
        )
        subtitle = f"{span}Generated {facts.methods.generated} by cablestats."
        return render_html(facts.title, subtitle, self.layout, cablestats.__version__)

    def to_html(self, path: str | os.PathLike[str]) -> Path:
        """Write the HTML report to ``path`` atomically; returns the path."""
        return write_html(self.html(), path)

    def to_pdf(self, path: str | os.PathLike[str]) -> Path:
        """Print the same HTML to a PDF at ``path`` (WeasyPrint), atomically; returns the path.

        Raises
        ------
        cablestats.CablestatsError
            When WeasyPrint is not installed, saying what to install.
        """
        return write_pdf(self.html(), path)

    def write(
        self, out_dir: str | os.PathLike[str] | None = None, formats: Sequence[str] | None = None
    ) -> list[Path]:
        """Write ``report.html`` / ``report.pdf`` to ``out_dir``.

        Both default to the specification's ``[outputs]`` (HTML to
        ``reports/out`` without a specification).  Returns the paths written.
        """
        outputs = self.spec.outputs if self.spec is not None else None
        folder = (
            Path(out_dir)
            if out_dir is not None
            else (outputs.dir if outputs else Path("reports/out"))
        )
        chosen = tuple(formats) if formats else (outputs.formats if outputs else ("html",))
        unknown = [f for f in chosen if f not in FORMATS]
        if unknown:
            raise ValueError(f"formats must be among {', '.join(FORMATS)}; received {unknown}")
        html_text = self.html()
        writers = {"html": write_html, "pdf": write_pdf}
        return [writers[name](html_text, folder / f"report.{name}") for name in chosen]

    # ---------------------------------------------------------------- reprs

    def __repr__(self) -> str:
        # The sections that will be shown: topics need a model, themes need themes.
        left_out = {"topics"} if self.model is None else set()
        if not self.themes:
            left_out.add("themes")
        sections = ", ".join(s for s in self.sections if s not in left_out)
        return f"<Report {self.title!r}: {len(self.cables):,} cables, sections {sections}>"

    def _repr_html_(self) -> str:
        # Jupyter shows the document in an isolated frame, so its CSS and ids stay its own.
        return (
            f'<iframe srcdoc="{escape(self.html(), quote=True)}" '
            'style="width:100%;height:40rem;border:1px solid #ddd" title="report"></iframe>'
        )
