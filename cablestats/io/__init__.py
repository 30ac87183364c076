"""Readers and writers for every format cables come in.  (to be written)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from cablestats.cable import Cable


def iter_cables(source, *, format: str = "auto", errors: str = "warn") -> Iterator[Cable]:
    raise NotImplementedError


def read_cables(source, *, format="auto", errors="warn", progress=None) -> pd.DataFrame:
    raise NotImplementedError


def write_cables(df: pd.DataFrame, path: str | Path) -> Path:
    raise NotImplementedError
