"""The report stage: facts → layout → HTML (one self-contained file) and PDF.

:class:`Report` computes a report's facts once from cables, a corpus, a topic
model and themes; :func:`load_spec` reads the TOML specifications that
``cablestats report`` runs (``Report.from_spec``, ``Report.run``).  A
:class:`RunCache` keeps what a run parsed, counted and fitted for the next one;
:func:`run_lock` keeps two runs from writing one output folder at once.
"""

from cablestats.report.layout import SECTIONS
from cablestats.report.lock import run_lock
from cablestats.report.report import Report
from cablestats.report.run_cache import RunCache, default_cache_dir
from cablestats.report.spec import ReportSpec, load_spec

__all__ = [
    "SECTIONS",
    "Report",
    "ReportSpec",
    "RunCache",
    "default_cache_dir",
    "load_spec",
    "run_lock",
]
