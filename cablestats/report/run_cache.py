"""What a scheduled run keeps between runs: parsed cables, corpora and fitted topic models.

Every entry is keyed by content hashes (:mod:`cablestats.fingerprint`) of what
it was computed from and of the code that computed it:

- parsed cables: each raw cable's content and the parser (:class:`~cablestats.io.ParseCache`);
- a corpus: the content of the (filtered) cables, the corpus options and the
  corpus code;
- a topic model: the corpus key, the model options and the model code.

So an unchanged specification over unchanged sources reuses everything; a
grown source parses only its new cables (and, its cables having changed,
counts them again and fits a new model).  Corpora and models are written
atomically by their own ``save``; the few most recently used of each are kept.

The default folder is the user's cache folder (``~/.cache/cablestats`` on
Linux, from ``platformdirs``), or ``$CABLESTATS_CACHE_DIR`` when set.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from cablestats.errors import CablestatsWarning, StoreError
from cablestats.fingerprint import code_fingerprint, frame_digest, value_digest
from cablestats.io import ParseCache

if TYPE_CHECKING:
    from cablestats.corpus import Corpus
    from cablestats.models import TopicModel

__all__ = ["CACHE_ENV", "RunCache", "default_cache_dir"]

#: Environment variable naming the cache folder.
CACHE_ENV = "CABLESTATS_CACHE_DIR"
#: Corpora (and, separately, models) kept: the most recently used.
KEEP = 8

T = TypeVar("T")


def default_cache_dir() -> Path:
    """``$CABLESTATS_CACHE_DIR``, else the user's cache folder for cablestats."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("cablestats", appauthor=False))


class RunCache:
    """The cache of report runs in one folder.

    Parameters
    ----------
    directory
        The cache folder; :func:`default_cache_dir` when ``None``.

    Attributes
    ----------
    cables
        The :class:`~cablestats.io.ParseCache` to read sources with.
    events
        What the last run took from the cache and what it computed, by stage
        (``"cables"``, ``"corpus"``, ``"topic model"``), for the methods section.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.cables = ParseCache(self.directory)
        self.events: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"<RunCache {str(self.directory)!r}>"

    def note_read(self) -> None:
        """Record what the last read with :attr:`cables` reused and parsed."""
        stats = self.cables.stats
        self.events["cables"] = f"{stats.reused:,} from the cache, {stats.parsed:,} parsed"

    def corpus(
        self, cables: pd.DataFrame, build: Callable[[], Corpus], options: Mapping[str, Any]
    ) -> tuple[Corpus, str]:
        """The corpus of ``cables`` counted with ``options``: cached, or built and cached.

        Returns the corpus and its key, which models of it are keyed by.
        """
        from cablestats.corpus import Corpus

        key = value_digest(
            code_fingerprint("corpus", "tags.py", "data"), frame_digest(cables), dict(options)
        )
        corpus = self._entry("corpora", key, "corpus", build, Corpus.load)
        return corpus, key

    def model(
        self, corpus_key: str, build: Callable[[], TopicModel], options: Mapping[str, Any]
    ) -> TopicModel:
        """The topic model of the corpus keyed ``corpus_key``: cached, or fitted and cached."""
        from cablestats.models import TopicModel

        key = value_digest(code_fingerprint("models"), corpus_key, dict(options))
        return self._entry("models", key, "topic model", build, TopicModel.load)

    def _entry(
        self,
        kind: str,
        key: str,
        stage: str,
        build: Callable[[], T],
        load: Callable[[Path], T],
    ) -> T:
        folder = self.directory / kind / key
        if folder.is_dir():
            try:
                value = load(folder)
            except StoreError as error:
                message = f"cached {stage} {folder} is damaged and is computed again ({error})"
                warnings.warn(CablestatsWarning(message), stacklevel=3)
            else:
                os.utime(folder)  # most recently used: kept longest
                self.events[stage] = "from the cache"
                return value
        value = build()
        folder.parent.mkdir(parents=True, exist_ok=True)
        value.save(folder)  # type: ignore[attr-defined]
        self.events[stage] = "computed and cached"
        self._prune(self.directory / kind)
        return value

    @staticmethod
    def _prune(folder: Path) -> None:
        # Hidden folders are saves in progress (atomic writes), not entries.
        entries = [e for e in folder.iterdir() if e.is_dir() and not e.name.startswith(".")]
        entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
        for entry in entries[KEEP:]:
            shutil.rmtree(entry, ignore_errors=True)

    def clear(self) -> None:
        """Remove everything cached in this folder."""
        self.cables.clear()
        for kind in ("corpora", "models"):
            shutil.rmtree(self.directory / kind, ignore_errors=True)
