"""Routing header: date-time group, precedence, sender, recipients.  (to be written)"""

from __future__ import annotations

import datetime as dt

from cablestats.cable import Recipient


def split_header(text: str) -> tuple[str, str]:
    """Split raw cable text into (routing header, rest from the classification line on)."""
    raise NotImplementedError


def parse_dtg(text: str) -> dt.datetime | None:
    """The date-time group (``R 291419Z JUL 09``) as an aware UTC datetime."""
    raise NotImplementedError


def parse_precedence(header_text: str) -> str | None:
    """Precedence letter of the date-time group line: R, P, O or Z."""
    raise NotImplementedError


def parse_sender(header_text: str) -> str | None:
    """The ``FM`` line's addressee, e.g. ``AMEMBASSY BAMAKO``."""
    raise NotImplementedError


def parse_recipients(header_text: str) -> list[Recipient]:
    """Addressees of the ``TO`` block."""
    raise NotImplementedError


def parse_info_recipients(header_text: str) -> list[Recipient]:
    """Addressees of the ``INFO`` block."""
    raise NotImplementedError


def origin_name(sender: str | None) -> str | None:
    """WikiLeaks-style origin for a sender: ``AMEMBASSY BAMAKO`` → ``Embassy Bamako``."""
    raise NotImplementedError
