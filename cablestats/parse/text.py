"""Normalising raw cable text before field parsing.  (to be written)"""

from __future__ import annotations


def normalize_text(text: str) -> str:
    raise NotImplementedError
