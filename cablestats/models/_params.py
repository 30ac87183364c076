"""Checks of user-supplied parameters, with messages that name the parameter,
the allowed values and what was received."""

from __future__ import annotations

import numbers
from collections.abc import Collection
from typing import Any

__all__ = [
    "check_choice",
    "check_int",
    "check_positive_number",
    "invalid",
]


def invalid(name: str, allowed: str, received: Any) -> ValueError:
    """The uniform error for a bad parameter value."""
    return ValueError(f"{name} must be {allowed}, received {received!r}")


def check_choice(name: str, value: Any, choices: Collection[Any]) -> Any:
    """``value`` if it is one of ``choices``."""
    if isinstance(value, str) and value in choices:
        return value
    raise invalid(name, "one of " + ", ".join(repr(choice) for choice in choices), value)


def check_int(name: str, value: Any, *, minimum: int) -> int:
    """``value`` as an int if it is an integer of at least ``minimum`` (bools refused)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= minimum:
        return int(value)
    raise invalid(name, f"an integer >= {minimum}", value)


def check_positive_number(name: str, value: Any) -> float:
    """``value`` as a float if it is a finite number above zero (bools refused)."""
    if (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and 0 < float(value) < float("inf")
    ):
        return float(value)
    raise invalid(name, "a positive number", value)
