"""The ``cablestats`` command: a thin shell over the library for scheduled runs.

Every command calls public library functions that a notebook can call too.
Library errors become a one-line message on stderr and exit code 1; progress
goes to stderr, so stdout carries only results.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from cablestats.errors import CablestatsError

app = typer.Typer(
    name="cablestats",
    help="Parse, model and report on archives of diplomatic cables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., object])

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"cablestats: {message}", err=True)
    return typer.Exit(code=1)


def _library_errors(command: F) -> F:
    """Turn library errors and missing files into a one-line message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FileNotFoundError as error:
            raise _fail(f"no such file or folder: {error.filename or error}") from None
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


@app.command()
@_library_errors
def demo(
    out: Annotated[Path, typer.Option(help="Where the sample archive goes.")] = Path("data/sample"),
    n: Annotated[int, typer.Option("--n", help="Number of sample cables.", min=1)] = 3000,
    quiet: Quiet = False,
) -> None:
    """Generate a sample archive, read it back and print an overview."""
    from cablestats.io import read_cables
    from cablestats.overview import archive_overview
    from cablestats.synth import write_archive

    archive = write_archive(out, n, format="text", seed=0)
    cables = read_cables(archive, progress=False if quiet else None)
    typer.echo(archive_overview(cables).to_text())


def main() -> None:
    """Entry point of the ``cablestats`` script."""
    app(prog_name="cablestats")


if __name__ == "__main__":
    sys.exit(main())
