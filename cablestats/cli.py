"""The ``cablestats`` command: a thin shell over the library for scheduled runs.

Every command calls public library functions that a notebook can call too:
``ingest`` (read and store), ``synth`` (sample archives), ``fit`` (topic
model), ``trends`` (keyword trends), ``report`` (a report specification to
HTML and PDF) and ``demo`` (all of it on a sample).
Library errors become a one-line message on stderr and exit code 1 (75, "try
again later", when another run holds a report's output folder); progress goes
to stderr, so stdout carries only results.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from cablestats.errors import CablestatsError, RunLockedError

if TYPE_CHECKING:
    from cablestats.report import RunCache

app = typer.Typer(
    name="cablestats",
    help="Parse, model and report on archives of diplomatic cables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., object])

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="Where parsed cables, corpora and models are kept between runs "
        "(default: $CABLESTATS_CACHE_DIR or the user's cache folder).",
    ),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Parse, count and fit afresh; keep nothing.")
]
Wait = Annotated[
    float,
    typer.Option(help="Seconds to wait for another run writing the same output folder.", min=0),
]

#: Exit code when another run holds the output folder (sysexits' EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"cablestats: {message}", err=True)
    return typer.Exit(code=code)


def _library_errors(command: F) -> F:
    """Turn library errors and missing files into a one-line message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FileNotFoundError as error:
            raise _fail(f"no such file or folder: {error.filename or error}") from None
        except RunLockedError as error:
            raise _fail(str(error), EXIT_BUSY) from None
        except CablestatsError as error:
            raise _fail(str(error)) from None

    return wrapper  # type: ignore[return-value]


@app.command()
@_library_errors
def ingest(
    sources: Annotated[list[Path], typer.Argument(help="Files or folders of cables.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Parquet store to write.")],
    format: Annotated[str, typer.Option(help="auto, text, html, csv, dump or parquet.")] = "auto",
    errors: Annotated[str, typer.Option(help="warn, raise or ignore.")] = "warn",
    quiet: Quiet = False,
) -> None:
    """Read cables in any supported format and store them as Parquet."""
    from cablestats.io import read_cables, write_cables

    cables = read_cables(sources, format=format, errors=errors, progress=False if quiet else None)
    write_cables(cables, out)
    typer.echo(f"{len(cables):,} cables written to {out}")


@app.command()
@_library_errors
def synth(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the archive to.")],
    n: Annotated[int, typer.Option("--n", help="Number of cables.", min=1)] = 3000,
    format: Annotated[str, typer.Option(help="text, html or csv.")] = "text",
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Generate a synthetic archive with planted themes, trends and bursts (and truth.json)."""
    from cablestats.synth import write_archive

    written = write_archive(out, n, format=format, seed=seed)
    typer.echo(f"{n:,} synthetic cables written to {written}")


def _progress(quiet: bool) -> bool | None:
    return False if quiet else None


def _formats(value: str) -> list[str]:
    """``html,pdf`` as a list, each checked against the formats reports are written in."""
    from cablestats.report.spec import FORMATS

    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise _fail(f"--format takes {' or '.join(FORMATS)} (comma separated), received {value!r}")
    return names


@app.command()
@_library_errors
def fit(
    sources: Annotated[list[Path], typer.Argument(help="Files or folders of cables.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to save the model to.")],
    n_topics: Annotated[
        int, typer.Option("--n-topics", "-k", help="Number of topics.", min=2)
    ] = 20,
    backend: Annotated[str, typer.Option(help="gensim or sklearn.")] = "gensim",
    passes: Annotated[
        int | None, typer.Option(help="Sweeps over the corpus (default: from its size).", min=1)
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    quiet: Quiet = False,
) -> None:
    """Fit a topic model to cables, save it and print each topic's top terms."""
    from cablestats.corpus import Corpus
    from cablestats.io import read_cables
    from cablestats.models import TopicModel

    progress = _progress(quiet)
    corpus = Corpus.from_cables(read_cables(sources, progress=progress), progress=progress)
    model = TopicModel(n_topics=n_topics, backend=backend, passes=passes, random_state=seed)
    model.fit(corpus, progress=progress)
    saved = model.save(out)
    terms = model.topics(n=8).groupby("topic", observed=True)["term"].agg(", ".join)
    typer.echo(terms.to_string())
    typer.echo(f"model of {len(corpus):,} cables saved to {saved}")


@app.command()
@_library_errors
def trends(
    sources: Annotated[list[Path], typer.Argument(help="Files or folders of cables.")],
    terms: Annotated[
        str | None, typer.Option(help="Comma-separated terms to test (default: all frequent).")
    ] = None,
    freq: Annotated[str, typer.Option(help="Period: M, Q or Y.")] = "Q",
    top: Annotated[int, typer.Option(help="Rows to print per direction.", min=1)] = 15,
    quiet: Quiet = False,
) -> None:
    """Test terms for rising or falling trends (GLM with FDR q-values) and print the strongest."""
    from cablestats.corpus import Corpus
    from cablestats.io import read_cables
    from cablestats.trends import keyword_trends

    progress = _progress(quiet)
    corpus = Corpus.from_cables(read_cables(sources, progress=progress), progress=progress)
    chosen = [term.strip() for term in terms.split(",") if term.strip()] if terms else None
    result = keyword_trends(corpus, chosen, freq=freq)
    columns = ["term", "cables", "rate_ratio", "q"]
    for direction, ascending in (("rising", False), ("falling", True)):
        rows = result[result["direction"] == direction].sort_values("slope", ascending=ascending)
        typer.echo(f"{direction} ({len(rows):,} terms)")
        if len(rows):
            typer.echo(rows[columns].head(top).to_string(index=False))


def _run_cache(cache_dir: Path | None, no_cache: bool) -> RunCache | None:
    """The cache a run uses (``None`` with ``--no-cache``)."""
    from cablestats.report import RunCache

    return None if no_cache else RunCache(cache_dir)


def _run_report(spec: Path, cache: RunCache | None, *, quiet: bool, **options: Any) -> None:
    """Run a specification with its output folder locked; say what was written and reused.

    The files written go to stdout; what came from the cache goes to stderr
    (not with ``--quiet``).
    """
    from cablestats.report import Report

    written = Report.run(
        spec, cache=cache if cache is not None else False, progress=_progress(quiet), **options
    )
    for path in written:
        typer.echo(f"report written to {path}")
    if cache is not None and not quiet:
        stages = "; ".join(
            f"{stage}: {what}" for stage, what in cache.events.items() if stage != "cache folder"
        )
        typer.echo(f"cache {cache.directory}: {stages}", err=True)


@app.command()
@_library_errors
def report(
    spec: Annotated[Path, typer.Argument(help="Report specification (TOML).")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (default: from the spec).")
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", help="html, pdf or html,pdf (default: from the spec).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only cables on or after this date (YYYY-MM-DD).")
    ] = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    wait: Wait = 0,
    quiet: Quiet = False,
) -> None:
    """Build the report a specification describes and write it as HTML and/or PDF.

    A re-run of an unchanged specification reuses the parsed cables, corpus and
    topic model of the last run; when sources grew, only new cables are parsed.
    Exit code 75 means another run is writing the same output folder.
    """
    _run_report(
        spec,
        _run_cache(cache_dir, no_cache),
        out_dir=out,
        formats=_formats(format) if format else None,
        since=since,
        wait=wait,
        quiet=quiet,
    )


@app.command()
@_library_errors
def demo(
    out: Annotated[Path, typer.Option(help="Where the sample archive goes.")] = Path("data/sample"),
    n: Annotated[int, typer.Option("--n", help="Number of sample cables.", min=1)] = 3000,
    spec: Annotated[Path, typer.Option(help="Report specification to run on the sample.")] = Path(
        "reports/demo.toml"
    ),
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    quiet: Quiet = False,
) -> None:
    """Generate a sample archive, print an overview and write its report (HTML and PDF)."""
    from cablestats.io import read_cables
    from cablestats.overview import archive_overview
    from cablestats.synth import write_archive

    progress = _progress(quiet)
    cache = _run_cache(cache_dir, no_cache)
    archive = write_archive(out, n, format="text", seed=0, progress=progress)
    cables = read_cables(archive, progress=progress, cache=cache.cables if cache else None)
    typer.echo(archive_overview(cables).to_text())
    _run_report(spec, cache, sources=[archive], quiet=quiet)


def main() -> None:
    """Entry point of the ``cablestats`` script."""
    app(prog_name="cablestats")


if __name__ == "__main__":
    sys.exit(main())
