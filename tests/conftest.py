"""Shared fixtures: where the real cables are, skipping with a reason when they are not."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cablestats.report.run_cache import CACHE_ENV

#: ``../shared/data`` beside the checkout: real cables that are never shipped in the package.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real-cable folder; skips the test when the checkout has no ``../shared`` beside it."""
    if not (SHARED_DATA / "cablegate-html").is_dir():
        pytest.skip(f"real cables not found at {SHARED_DATA} (clone with ../shared beside it)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def html_cable_paths(shared_data: Path) -> list[Path]:
    """The 962 WikiLeaks cable pages, sorted by path."""
    return sorted((shared_data / "cablegate-html").rglob("*.html"))


@pytest.fixture(scope="session")
def seed_cable_text(shared_data: Path) -> str:
    """The seed cable 09BAMAKO504 as text copied from a web page."""
    return (shared_data / "seed" / "09BAMAKO504.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _private_run_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Report runs in tests cache into a temporary folder, never the user's cache."""
    folder = tmp_path_factory.mktemp("run-cache")
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if previous is None:
        del os.environ[CACHE_ENV]
    else:
        os.environ[CACHE_ENV] = previous
