"""The trends stage: term series, trend tests, bursts and emerging terms.

:func:`term_series` counts the cables that mention terms per period (and
group) with Wilson intervals; :func:`keyword_trends` tests each term for a
trend (Poisson / negative binomial GLM or Mann–Kendall, with
Benjamini–Hochberg q-values); :func:`bursts` finds Kleinberg bursts;
:func:`emerging_terms` compares a recent window with a baseline.  A term
missing from the vocabulary raises :class:`UnknownTermError` (a
``KeyError``) that names it and suggests close terms.
"""

from cablestats.trends._terms import UnknownTermError, normalize_term
from cablestats.trends.bursts import bursts
from cablestats.trends.emerging import emerging_terms
from cablestats.trends.series import term_series
from cablestats.trends.significance import keyword_trends

__all__ = [
    "UnknownTermError",
    "bursts",
    "emerging_terms",
    "keyword_trends",
    "normalize_term",
    "term_series",
]
