"""The report stage: facts → layout → HTML (one self-contained file) and PDF.

:class:`Report` computes a report's facts once from cables, a corpus, a topic
model and themes; :func:`load_spec` reads the TOML specifications that
``cablestats report`` runs (``Report.from_spec``).
"""

from cablestats.report.layout import SECTIONS
from cablestats.report.report import Report
from cablestats.report.spec import ReportSpec, load_spec

__all__ = ["SECTIONS", "Report", "ReportSpec", "load_spec"]
