"""The one place where cablestats' exceptions and warnings live.

Every exception derives from :class:`CablestatsError` and also from the matching
built-in, so ``except ValueError`` keeps working for callers that do not know
cablestats.  Warnings form one family under :class:`CablestatsWarning` that users
can filter with a single ``warnings.filterwarnings`` call.
"""

from __future__ import annotations

__all__ = [
    "CableParseError",
    "CableParseWarning",
    "CablestatsError",
    "CablestatsWarning",
    "DuplicateCableWarning",
    "RunLockedError",
    "SpecError",
    "StoreError",
    "UnknownTermError",
    "format_location",
]


def format_location(
    *, reference_id: str | None = None, source: str | None = None, line: int | None = None
) -> str:
    """Say where something happened: ``09BAMAKO504 in cables.csv, line 12``."""
    parts = []
    if reference_id:
        parts.append(reference_id)
    if source:
        parts.append(f"in {source}" if parts else str(source))
    where = " ".join(parts)
    if line is not None:
        where = f"{where}, line {line}" if where else f"line {line}"
    return where or "<unknown cable>"


class CablestatsError(Exception):
    """Root of every error raised by cablestats."""


class CableParseError(CablestatsError, ValueError):
    """A cable could not be read or parsed.

    Carries where it happened (``reference_id``, ``source``, ``line``) and which
    ``field`` was at fault, so that a report over 250,000 cables can point at
    the one that broke.
    """

    def __init__(
        self,
        message: str,
        *,
        reference_id: str | None = None,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = message
        self.reference_id = reference_id
        self.source = source
        self.line = line
        self.field = field
        where = format_location(reference_id=reference_id, source=source, line=line)
        what = f"{field}: {message}" if field else message
        super().__init__(f"{where}: {what}")


class SpecError(CablestatsError, ValueError):
    """A report or theme specification is invalid; carries its file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.reason = message
        self.path = path
        self.line = line
        where = format_location(source=path, line=line) if (path or line) else ""
        super().__init__(f"{where}: {message}" if where else message)


class RunLockedError(CablestatsError, TimeoutError):
    """Another run holds the lock of a report's output folder."""


class StoreError(CablestatsError, OSError):
    """A store written by cablestats (Parquet, corpus, model) is missing, damaged or too new."""


class UnknownTermError(CablestatsError, KeyError):
    """A requested term is not in the corpus vocabulary.

    ``term`` is the term as requested, ``suggestions`` the closest terms of
    the vocabulary (possibly none).
    """

    def __init__(self, term: str, suggestions: list[str]) -> None:
        self.term = term
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        super().__init__(
            f"term {term!r} is not in the corpus vocabulary{hint} "
            "(terms are lower case, phrases joined with '_', rare terms pruned)"
        )

    def __str__(self) -> str:
        # KeyError would print the message in quotes.
        return str(self.args[0])


class CablestatsWarning(UserWarning):
    """Root of every warning emitted by cablestats."""


class CableParseWarning(CablestatsWarning):
    """A cable was parsed only in part, or skipped, and the batch went on."""


class DuplicateCableWarning(CablestatsWarning):
    """A reference id was seen twice; the first record was kept."""
