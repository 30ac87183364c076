"""Field parsers for the cable's front matter.  (to be written)"""

from __future__ import annotations

import datetime as dt


def parse_tags(text: str) -> list[str]:
    raise NotImplementedError


def parse_subject(text: str) -> str | None:
    raise NotImplementedError


def parse_references(text: str, year: int, reference_id: str | None = None) -> list[str]:
    raise NotImplementedError


def parse_declassify_on(text: str) -> dt.date | None:
    raise NotImplementedError


def parse_classified_by(text: str) -> list[str]:
    raise NotImplementedError


def parse_summary(text: str) -> str | None:
    raise NotImplementedError


def parse_signer(text: str) -> str | None:
    raise NotImplementedError
