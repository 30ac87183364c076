"""Paragraphs and the clean body for modelling.  (to be written)"""

from __future__ import annotations

from cablestats.cable import Paragraph


def parse_paragraphs(text: str) -> list[Paragraph]:
    raise NotImplementedError


def clean_body(text: str) -> str:
    raise NotImplementedError
