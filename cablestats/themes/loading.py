"""Read theme definitions from TOML, with errors that point at the file and line.

A theme file holds an array of ``[[theme]]`` tables::

    [[theme]]
    name = "Counterterrorism partnerships"
    tags = ["PTER"]
    terms = ["terrorism", "al qaeda"]
    context_terms = ["cooperation", "training"]
    min_score = 0.25

The keys of a theme are the fields of :class:`~cablestats.themes.Theme`
(``name``, ``description``, ``tags``, ``terms``, ``context_terms``,
``min_score``, ``saturation``).  An unknown key, a value of the wrong type,
a missing name or a name used twice is a :class:`~cablestats.SpecError`
naming the file and line, and for unknown keys the closest valid key.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from cablestats.errors import SpecError
from cablestats.themes.theme import Theme

__all__ = ["THEME_KEYS", "load_themes"]

#: Keys a ``[[theme]]`` table may hold.
THEME_KEYS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(Theme))

_TABLE = re.compile(r"^\s*\[\[\s*theme\s*\]\]")


def _line_of(lines: list[str], key: str, first: int, stop: int) -> int | None:
    """1-based line where ``key = ...`` is set between lines ``first`` and ``stop`` (0-based)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number in range(first, stop):
        if pattern.match(lines[number]):
            return number + 1
    return None


def _suggest(key: str, valid: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, valid, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{hint}valid keys are {', '.join(valid)}"


def load_themes(path: str | os.PathLike[str]) -> dict[str, Theme]:
    """The themes defined in a TOML file, by name, in file order.

    Parameters
    ----------
    path
        A TOML file of ``[[theme]]`` tables (see the module notes).

    Returns
    -------
    dict of str to Theme

    Raises
    ------
    cablestats.SpecError
        For invalid TOML, unknown keys (with the closest valid key), missing
        or repeated names and invalid values, naming the file and line.
    """
    source = str(path)
    text = Path(path).read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        raise SpecError(f"not valid TOML: {error}", path=source, line=line) from error
    lines = text.splitlines()
    for key in document:
        if key != "theme":
            where = _line_of(lines, key, 0, len(lines))
            raise SpecError(
                f"unknown top-level key {key!r}; {_suggest(key, ('theme',))}",
                path=source,
                line=where,
            )
    tables = document.get("theme", [])
    if not isinstance(tables, list):
        raise SpecError("'theme' must be an array of tables, written [[theme]]", path=source)
    starts = [number for number, line in enumerate(lines) if _TABLE.match(line)]
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    themes: dict[str, Theme] = {}
    for table, (first, stop) in zip(tables, bounds, strict=False):
        for key in table:
            if key not in THEME_KEYS:
                raise SpecError(
                    f"unknown theme key {key!r}; {_suggest(key, THEME_KEYS)}",
                    path=source,
                    line=_line_of(lines, key, first, stop),
                )
        name = table.get("name")
        if name in themes:
            raise SpecError(
                f"theme name {name!r} is used twice; names must be unique",
                path=source,
                line=_line_of(lines, "name", first, stop),
            )
        try:
            theme = Theme(**_values(table))
        except (TypeError, ValueError) as error:
            raise SpecError(f"invalid theme: {error}", path=source, line=first + 1) from error
        themes[theme.name] = theme
    return themes


def _values(table: dict[str, Any]) -> dict[str, Any]:
    """TOML arrays as tuples, for the frozen dataclass."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in table.items()}
