"""Synthetic cable archives with planted themes, trends and bursts, written down as truth.

``generate(n)`` returns a :class:`SyntheticArchive` whose cables look like real
ones (posts, dates and monthly volume of the real archive; routing headers,
front matter, numbered and marked paragraphs, section breaks, signers; the
defects readers must tolerate) and read back field for field with
:func:`cablestats.read_cables`.  Their text is drawn from planted themes whose
prevalence follows known curves by region, with keyword trends and bursts of
known size; :class:`Truth` (``truth.json``) records all of it and scores topic
models and trend detectors against it.

The real archive's shape ships as ``cablestats/data/archive_shape.csv.gz``:
counts of cables per post and month, no text.  Rebuild it from the Cablegate
month list with ``python benchmarks/build_archive_shape.py cable2month.csv.gz``.
"""

from cablestats.synth.archive import FORMATS, SyntheticArchive, generate, write_archive
from cablestats.synth.truth import Truth, load_truth, score_bursts, score_topics, score_trends

__all__ = [
    "FORMATS",
    "SyntheticArchive",
    "Truth",
    "generate",
    "load_truth",
    "score_bursts",
    "score_topics",
    "score_trends",
    "write_archive",
]
