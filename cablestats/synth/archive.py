"""Generate synthetic archives and write them in the real formats, with ``truth.json``.

:func:`generate` draws the archive-wide :class:`~cablestats.synth.plan.Plan`
(posts, times, ids, mixtures) at once and returns a
:class:`SyntheticArchive`; cable text is produced lazily, batch by batch, each
batch from its own random generator seeded by the archive's seed and the
batch number, so the same seed gives the same archive however it is consumed.
:func:`write_archive` streams an archive to disk with memory bounded by one
batch.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from cablestats.cable import Cable
from cablestats.progress import show_progress, tqdm
from cablestats.synth.assemble import Assembler
from cablestats.synth.draft import Draft
from cablestats.synth.plan import Plan, make_plan, prevalence
from cablestats.synth.shape import parse_month
from cablestats.synth.signals import BURSTS, TRENDS, Burst, Trend
from cablestats.synth.themes import GROUPS, THEMES, Theme
from cablestats.synth.truth import Truth, normalize_word
from cablestats.synth.writers import write_csv, write_files

__all__ = ["FORMATS", "SyntheticArchive", "generate", "write_archive"]

#: Formats :meth:`SyntheticArchive.write` writes.
FORMATS: tuple[str, ...] = ("text", "html", "csv")

#: Cables drawn together; fixed, because it is part of what a seed determines.
BATCH_SIZE = 1000


def _month_name(period: int) -> str:
    return f"{period // 12:04d}-{period % 12 + 1:02d}"


def _date_of(period: float) -> dt.date:
    """The day a fractional period (months since year 0) falls on."""
    month = int(period)
    first = dt.date(month // 12, month % 12 + 1, 1)
    days = calendar.monthrange(first.year, first.month)[1]
    return first + dt.timedelta(days=int((period - month) * days))


@dataclasses.dataclass(frozen=True)
class SyntheticArchive:
    """A synthetic archive: its plan, planted truth, and cables made on demand.

    Use :attr:`cables` for a list of :class:`~cablestats.Cable` records (small
    archives), :meth:`iter_cables` to stream them, and :meth:`write` to put
    the archive on disk in a real format with ``truth.json`` beside it.
    """

    n_cables: int
    seed: int
    start: str
    end: str
    themes: tuple[Theme, ...]
    trends: tuple[Trend, ...]
    bursts: tuple[Burst, ...]
    plan: Plan = dataclasses.field(repr=False)

    def __repr__(self) -> str:
        return (
            f"<SyntheticArchive {self.n_cables:,} cables {self.start}..{self.end} "
            f"seed={self.seed}, {len(self.themes)} themes>"
        )

    @property
    def reference_period(self) -> float:
        """The middle of the span, in months since year 0: trends have their base rate there."""
        return (parse_month(self.start) + parse_month(self.end) + 1) / 2

    @property
    def truth(self) -> Truth:
        """What was planted (see :mod:`cablestats.synth.truth`)."""
        return _truth(self)

    def iter_drafts(self) -> Iterator[Draft]:
        """Drafts in archive (chronological) order, one batch in memory at a time."""
        assembler = Assembler(
            self.plan,
            themes=self.themes,
            trends=self.trends,
            bursts=self.bursts,
            reference_period=self.reference_period,
            seed=self.seed,
        )
        for batch, first in enumerate(range(0, self.n_cables, BATCH_SIZE)):
            rows = np.arange(first, min(first + BATCH_SIZE, self.n_cables))
            yield from assembler.drafts(rows, np.random.default_rng([self.seed, 1, batch]))

    def iter_cables(self) -> Iterator[Cable]:
        """The records a reader must return, in archive order."""
        return (draft.to_cable() for draft in self.iter_drafts())

    @property
    def cables(self) -> list[Cable]:
        """All records as a list (made anew on each access; prefer :meth:`iter_cables`)."""
        return list(self.iter_cables())

    def write(
        self, out_dir: str | os.PathLike[str], format: str = "text", *, progress: bool | None = None
    ) -> Path:
        """Write the archive and ``truth.json`` to ``out_dir``.

        Parameters
        ----------
        out_dir
            Folder to write to (created if needed).  Text and HTML cables go to
            ``YYYY/MM/<reference id>.txt|.html`` as in the WikiLeaks layout;
            CSV to one ``cables.csv``.
        format
            ``"text"`` (raw cable text; empty extracts as five-line text
            dumps), ``"html"`` (WikiLeaks cable pages) or ``"csv"``
            (``cables.csv`` rows).
        progress
            Show a progress bar; ``None`` shows it on terminals only.

        Returns
        -------
        Path
            ``out_dir``.  ``truth.json`` is written last, so its presence marks
            a complete archive.
        """
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}; received {format!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        drafts = tqdm(
            self.iter_drafts(),
            total=self.n_cables,
            desc=f"writing {format}",
            unit=" cables",
            disable=not show_progress(progress),
        )
        if format == "csv":
            write_csv(drafts, out / "cables.csv")
        else:
            write_files(drafts, out, format)
        self.truth.write(out / "truth.json")
        return out


def _truth(archive: SyntheticArchive) -> Truth:
    plan, themes = archive.plan, archive.themes
    first, last = parse_month(archive.start), parse_month(archive.end)
    periods = np.arange(first, last + 1)
    prevalence_rows = []
    for group in GROUPS:
        shares = prevalence(themes, group, (periods + 0.5) / 12)
        for k, theme in enumerate(themes):
            prevalence_rows.append(
                pd.DataFrame(
                    {
                        "period": [_month_name(p) for p in periods],
                        "group": group,
                        "theme": theme.name,
                        "share": shares[:, k],
                    }
                )
            )
    cables = pd.DataFrame(plan.mixture, columns=[theme.name for theme in themes])
    cables.insert(0, "empty", plan.empty)
    cables.insert(0, "group", np.take(GROUPS, plan.group))
    cables.index = pd.Index(plan.reference_ids.astype(str), name="reference_id")
    return Truth(
        archive={
            "n_cables": archive.n_cables,
            "seed": archive.seed,
            "start": archive.start,
            "end": archive.end,
            "reference_date": _date_of(archive.reference_period).isoformat(),
        },
        themes=[
            {
                "name": theme.name,
                "label": theme.label,
                "tags": list(theme.tags),
                "words": {
                    normalize_word(term): float(weight)
                    for term, weight in zip(theme.terms, theme.weights, strict=True)
                },
            }
            for theme in themes
        ],
        prevalence=pd.concat(prevalence_rows, ignore_index=True),
        trends=pd.DataFrame(
            [
                {
                    "term": trend.term,
                    "direction": trend.direction,
                    "rate_ratio": trend.rate_ratio,
                    "base_rate": trend.base_rate,
                }
                for trend in archive.trends
            ],
            columns=["term", "direction", "rate_ratio", "base_rate"],
        ),
        bursts=pd.DataFrame(
            [dataclasses.asdict(burst) for burst in archive.bursts],
            columns=["term", "start", "end", "base_rate", "peak_rate"],
        ),
        partners=pd.DataFrame(
            [
                {
                    "theme": theme.name,
                    "group": part.group,
                    "start": part.start,
                    "end": part.end,
                    "country": country,
                    "tag": tag,
                }
                for theme in themes
                for part in theme.partners
                for country, tag in part.countries.items()
            ],
            columns=["theme", "group", "start", "end", "country", "tag"],
        ),
        cables=cables,
    )


def generate(
    n_cables: int,
    *,
    start: str = "2001-01",
    end: str = "2010-02",
    seed: int = 0,
    themes: Sequence[Theme] = THEMES,
    trends: Sequence[Trend] = TRENDS,
    bursts: Sequence[Burst] | None = None,
) -> SyntheticArchive:
    """A synthetic archive of ``n_cables`` cables with planted themes, trends and bursts.

    Parameters
    ----------
    n_cables
        Number of cables (at least 1).
    start, end
        First and last month (``YYYY-MM``, inclusive); posts and monthly
        volume follow the real archive within them.
    seed
        Seed of every random choice: the same arguments give the same archive.
    themes, trends
        What is planted; defaults :data:`~cablestats.synth.themes.THEMES` and
        :data:`~cablestats.synth.signals.TRENDS`.
    bursts
        Planted bursts; by default those of
        :data:`~cablestats.synth.signals.BURSTS` that fall within the span.

    Returns
    -------
    SyntheticArchive
        Plan and truth are drawn now; text is made when cables are read or
        written.
    """
    if isinstance(n_cables, bool) or not isinstance(n_cables, (int, np.integer)) or n_cables < 1:
        raise ValueError(f"n_cables must be a positive integer, received {n_cables!r}")
    first, last = parse_month(start), parse_month(end)
    if bursts is None:
        bursts = [b for b in BURSTS if first <= parse_month(b.start) and parse_month(b.end) <= last]
    plan = make_plan(int(n_cables), start=start, end=end, themes=themes, seed=seed)
    return SyntheticArchive(
        n_cables=int(n_cables),
        seed=seed,
        start=start,
        end=end,
        themes=tuple(themes),
        trends=tuple(trends),
        bursts=tuple(bursts),
        plan=plan,
    )


def write_archive(
    out_dir: str | os.PathLike[str],
    n_cables: int,
    *,
    format: str = "text",
    seed: int = 0,
    start: str = "2001-01",
    end: str = "2010-02",
    progress: bool | None = None,
) -> Path:
    """Generate an archive and stream it to ``out_dir`` with ``truth.json``.

    This is what ``cablestats synth --n N --out DIR --format F --seed S``
    runs; see :func:`generate` and :meth:`SyntheticArchive.write` for the
    parameters.  Memory stays bounded by one batch of cables plus a few
    arrays per cable.

    Returns
    -------
    Path
        ``out_dir``.
    """
    archive = generate(n_cables, start=start, end=end, seed=seed)
    return archive.write(out_dir, format, progress=progress)
