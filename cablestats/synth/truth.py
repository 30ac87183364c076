"""Ground truth of a synthetic archive: ``truth.json``, and scores against it.

Schema (version 1) of ``truth.json``, one JSON object::

    {
      "schema": "cablestats.synth.truth",
      "version": 1,
      "archive": {"n_cables": 3000, "seed": 0, "start": "2001-01", "end": "2010-02",
                  "reference_date": "2005-08-01"},
      "themes": [                       # the planted themes
        {"name": "counterterrorism", "label": "Counterterrorism partnerships",
         "tags": ["PTER", ...],
         "words": {"aqim": 0.094, "al qaeda": 0.088, ...}}   # its word distribution
      ],
      "groups": ["SAHEL", "AF", ..., "*"],
      "prevalence": {                   # planted mean theme shares by group and month
        "periods": ["2001-01", ...],
        "values": {"SAHEL": {"counterterrorism": [0.05, ...], ...}, ...}
      },
      "trends": [{"term": "piracy", "direction": "rising", "rate_ratio": 1.35,
                  "base_rate": 0.4}],   # per 1,000 tokens on reference_date
      "bursts": [{"term": "tsunami", "start": "2004-12", "end": "2005-01",
                  "base_rate": 0.01, "peak_rate": 3.0}],
      "partners": [{"theme": "counterterrorism", "group": "SAHEL", "start": "2007-01",
                    "end": "2010-12", "countries": {"Mali": "ML", ...}}],
      "cables": {                       # one row per cable, in archive order
        "columns": ["reference_id", "group", "empty", <theme names>...],
        "rows": [["09BAMAKO504", "SAHEL", false, 0.61, 0.02, ...], ...]
      }
    }

Words are lower case, multi-word terms keep their space (``al qaeda``); a
topic model that joins them (``al_qaeda``) is matched all the same.  A cable's
``group`` is the most specific group of its post: ``SAHEL`` (posts in the
Sahel countries), else the State Department region (``AF``, ``EAP``, ``EUR``,
``NEA``, ``SCA``, ``WHA``), else ``*``; its theme mixture was drawn from a
Dirichlet distribution whose mean is the group's prevalence in its month, and
its text from that mixture.  ``empty`` marks empty extracts (metadata only).
Trends multiply their rate by ``rate_ratio`` every year; rates are per 1,000
tokens.  Bursts run from ``start`` to ``end`` inclusive, at ``peak_rate``.

The scoring functions compare a fitted model or a detector with the truth:
:func:`score_topics` (planted themes against fitted topics, Hungarian
matching on the cosine of word distributions), :func:`score_trends` (recall
of rising and falling terms, false-positive rate on flat controls) and
:func:`score_bursts` (burst start and end within a tolerance).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from cablestats.io.atomic import atomic_open

__all__ = [
    "SCHEMA",
    "VERSION",
    "Truth",
    "load_truth",
    "normalize_word",
    "score_bursts",
    "score_topics",
    "score_trends",
]

SCHEMA = "cablestats.synth.truth"
VERSION = 1


def normalize_word(word: str) -> str:
    """The truth's spelling of a word: lower case, ``_`` between words as a space."""
    return " ".join(str(word).lower().replace("_", " ").split())


@dataclasses.dataclass(frozen=True)
class Truth:
    """What was planted in a synthetic archive.

    Attributes
    ----------
    archive : dict
        ``n_cables``, ``seed``, ``start``, ``end`` and ``reference_date`` (the
        middle of the span, when trend terms have their ``base_rate``).
    themes : list of dict
        ``name``, ``label``, ``tags`` and ``words`` (word → probability).
    prevalence : pandas.DataFrame
        Columns ``period`` (``YYYY-MM``), ``group``, ``theme``, ``share``.
    trends : pandas.DataFrame
        Columns ``term``, ``direction``, ``rate_ratio``, ``base_rate``.
    bursts : pandas.DataFrame
        Columns ``term``, ``start``, ``end``, ``base_rate``, ``peak_rate``.
    partners : pandas.DataFrame
        Columns ``theme``, ``group``, ``start``, ``end``, ``country``, ``tag``.
    cables : pandas.DataFrame
        Index ``reference_id``; columns ``group``, ``empty`` and one per theme
        (the cable's mixture).
    """

    archive: dict[str, Any]
    themes: list[dict[str, Any]]
    prevalence: pd.DataFrame
    trends: pd.DataFrame
    bursts: pd.DataFrame
    partners: pd.DataFrame
    cables: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"<Truth {self.archive.get('n_cables')} cables, {len(self.themes)} themes, "
            f"{len(self.trends)} trends, {len(self.bursts)} bursts>"
        )

    @property
    def theme_names(self) -> list[str]:
        """Theme names in the truth's order."""
        return [theme["name"] for theme in self.themes]

    @property
    def mixtures(self) -> pd.DataFrame:
        """Each cable's planted theme mixture: index ``reference_id``, one column per theme."""
        return self.cables[self.theme_names]

    def word_distributions(self) -> pd.DataFrame:
        """Planted word distributions: index theme names, one column per word, rows sum to one."""
        rows = {theme["name"]: theme["words"] for theme in self.themes}
        return pd.DataFrame.from_dict(rows, orient="index").fillna(0.0)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document described in the module docstring."""
        periods = sorted(self.prevalence["period"].unique())
        values: dict[str, dict[str, list[float]]] = {}
        for (group, theme), frame in self.prevalence.groupby(["group", "theme"], sort=False):
            shares = frame.set_index("period")["share"].reindex(periods)
            values.setdefault(str(group), {})[str(theme)] = [round(v, 6) for v in shares]
        partners: dict[tuple, dict[str, Any]] = {}
        for row in self.partners.itertuples(index=False):
            key = (row.theme, row.group, row.start, row.end)
            entry = partners.setdefault(
                key,
                {"theme": row.theme, "group": row.group, "start": row.start, "end": row.end},
            )
            entry.setdefault("countries", {})[row.country] = row.tag
        cables = self.cables.reset_index()
        return {
            "schema": SCHEMA,
            "version": VERSION,
            "archive": self.archive,
            "themes": self.themes,
            "groups": list(values),
            "prevalence": {"periods": periods, "values": values},
            "trends": self.trends.to_dict(orient="records"),
            "bursts": self.bursts.to_dict(orient="records"),
            "partners": list(partners.values()),
            "cables": {
                "columns": list(cables.columns),
                "rows": [
                    [row[0], row[1], bool(row[2]), *(round(float(v), 5) for v in row[3:])]
                    for row in cables.itertuples(index=False)
                ],
            },
        }

    @classmethod
    def from_dict(cls, document: Mapping[str, Any]) -> Truth:
        """Inverse of :meth:`to_dict`; raises ValueError for another schema or version."""
        if document.get("schema") != SCHEMA or document.get("version") != VERSION:
            raise ValueError(
                f"expected a {SCHEMA} document of version {VERSION}, received schema "
                f"{document.get('schema')!r} version {document.get('version')!r}"
            )
        periods = document["prevalence"]["periods"]
        prevalence = pd.DataFrame(
            [
                {"period": period, "group": group, "theme": theme, "share": share}
                for group, by_theme in document["prevalence"]["values"].items()
                for theme, shares in by_theme.items()
                for period, share in zip(periods, shares, strict=True)
            ],
            columns=["period", "group", "theme", "share"],
        )
        partners = pd.DataFrame(
            [
                {key: entry[key] for key in ("theme", "group", "start", "end")}
                | {"country": country, "tag": tag}
                for entry in document["partners"]
                for country, tag in entry["countries"].items()
            ],
            columns=["theme", "group", "start", "end", "country", "tag"],
        )
        table = document["cables"]
        cables = pd.DataFrame(table["rows"], columns=table["columns"]).set_index("reference_id")
        return cls(
            archive=dict(document["archive"]),
            themes=list(document["themes"]),
            prevalence=prevalence,
            trends=pd.DataFrame(
                document["trends"], columns=["term", "direction", "rate_ratio", "base_rate"]
            ),
            bursts=pd.DataFrame(
                document["bursts"], columns=["term", "start", "end", "base_rate", "peak_rate"]
            ),
            partners=partners,
            cables=cables,
        )

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write ``truth.json`` atomically; returns the path."""
        target = Path(path)
        with atomic_open(target, "w", encoding="utf-8") as handle:
            json.dump(self.to_dict(), handle, ensure_ascii=False)
        return target


def load_truth(path: str | os.PathLike[str]) -> Truth:
    """Read a ``truth.json`` (or the folder that holds one)."""
    path = Path(path)
    if path.is_dir():
        path = path / "truth.json"
    with path.open(encoding="utf-8") as handle:
        return Truth.from_dict(json.load(handle))


# -- scoring -------------------------------------------------------------------


def _distributions(topics: pd.DataFrame | Mapping[Any, Mapping[str, float]]) -> pd.DataFrame:
    """Topic × word weights with normalised word spellings (duplicates summed)."""
    frame = (
        topics
        if isinstance(topics, pd.DataFrame)
        else pd.DataFrame.from_dict(
            {key: dict(value) for key, value in topics.items()}, orient="index"
        )
    )
    frame = frame.fillna(0.0).astype(float)
    return frame.T.groupby(frame.columns.map(normalize_word)).sum().T


def score_topics(
    truth: Truth, topics: pd.DataFrame | Mapping[Any, Mapping[str, float]]
) -> pd.DataFrame:
    """Match planted themes with fitted topics and score each pair.

    Parameters
    ----------
    truth
        The archive's truth.
    topics
        Fitted word weights: a DataFrame with one row per topic and one column
        per word, or a mapping topic → {word: weight}.  Words are compared in
        :func:`normalize_word` form; weights need not be normalised.

    Returns
    -------
    pandas.DataFrame
        One row per planted theme, columns ``theme``, ``topic`` (the matched
        topic, ``None`` when there are fewer topics than themes) and
        ``cosine`` (0 when unmatched); ``.attrs["mean_cosine"]`` is the mean
        over themes.  Pairs maximise the total cosine
        (:func:`scipy.optimize.linear_sum_assignment`).
    """
    planted = truth.word_distributions()
    fitted = _distributions(topics)
    words = planted.columns.union(fitted.columns)
    a = planted.reindex(columns=words, fill_value=0.0).to_numpy()
    b = fitted.reindex(columns=words, fill_value=0.0).to_numpy()
    norms = np.linalg.norm(a, axis=1)[:, None] * np.linalg.norm(b, axis=1)[None, :]
    cosine = np.divide(a @ b.T, norms, out=np.zeros((len(a), len(b))), where=norms > 0)
    rows, cols = linear_sum_assignment(-cosine)
    match = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    result = pd.DataFrame(
        {
            "theme": planted.index,
            "topic": [fitted.index[match[i]] if i in match else None for i in range(len(a))],
            "cosine": [float(cosine[i, match[i]]) if i in match else 0.0 for i in range(len(a))],
        }
    )
    result.attrs["mean_cosine"] = float(result["cosine"].mean())
    return result


def score_trends(truth: Truth, detected: pd.DataFrame, *, alpha: float = 0.05) -> pd.Series:
    """Recall of planted rising and falling terms and false positives on flat controls.

    Parameters
    ----------
    truth
        The archive's truth.
    detected
        A detector's results: columns ``term``, ``direction`` (``rising``,
        ``falling`` or anything else) and ``q`` (or ``p``), one row per term.
        A planted term missing from it counts as not detected.
    alpha
        A term is detected when its ``q`` is below ``alpha``.

    Returns
    -------
    pandas.Series
        ``recall_rising``, ``recall_falling`` (share of planted terms of that
        direction detected with the right direction), ``false_positive_rate``
        (share of flat controls detected in any direction), and the counts
        ``n_rising``, ``n_falling``, ``n_flat``.
    """
    column = "q" if "q" in detected.columns else "p"
    found = detected.assign(term=detected["term"].map(normalize_word)).set_index("term")
    planted = truth.trends.assign(term=truth.trends["term"].map(normalize_word))
    significant = found[column] < alpha
    result: dict[str, float] = {}
    for direction in ("rising", "falling"):
        terms = planted.loc[planted["direction"] == direction, "term"]
        hits = [
            term in found.index
            and bool(significant[term])
            and found.at[term, "direction"] == direction
            for term in terms
        ]
        result[f"recall_{direction}"] = float(np.mean(hits)) if hits else float("nan")
    flat = planted.loc[planted["direction"] == "flat", "term"]
    false = [term in found.index and bool(significant[term]) for term in flat]
    result["false_positive_rate"] = float(np.mean(false)) if false else float("nan")
    for direction in ("rising", "falling", "flat"):
        result[f"n_{direction}"] = int((planted["direction"] == direction).sum())
    return pd.Series(result)


def _month(value: Any) -> int:
    """Months since year 0 of a ``YYYY-MM`` string, a Period or a timestamp."""
    period = pd.Period(value, freq="M")
    return period.year * 12 + period.month - 1


def score_bursts(truth: Truth, detected: pd.DataFrame, *, tolerance: int = 1) -> pd.DataFrame:
    """Whether each planted burst was found with start and end within ``tolerance`` months.

    Parameters
    ----------
    truth
        The archive's truth.
    detected
        Columns ``term``, ``start``, ``end`` (``YYYY-MM`` strings, Periods or
        timestamps); a term may have several rows.
    tolerance
        Allowed error, in months, on both start and end.

    Returns
    -------
    pandas.DataFrame
        One row per planted burst: ``term``, ``start``, ``end``, ``found``
        (bool), ``start_error`` and ``end_error`` in months for the closest
        detected burst of the term (missing when none); ``.attrs["recall"]`` is
        the share found.
    """
    detected = detected.assign(term=detected["term"].map(normalize_word))
    rows = []
    for burst in truth.bursts.itertuples(index=False):
        candidates = detected[detected["term"] == normalize_word(burst.term)]
        best = None
        for candidate in candidates.itertuples(index=False):
            errors = (
                _month(candidate.start) - _month(burst.start),
                _month(candidate.end) - _month(burst.end),
            )
            if best is None or sum(map(abs, errors)) < sum(map(abs, best)):
                best = errors
        rows.append(
            {
                "term": burst.term,
                "start": burst.start,
                "end": burst.end,
                "found": best is not None and max(map(abs, best)) <= tolerance,
                "start_error": best[0] if best else pd.NA,
                "end_error": best[1] if best else pd.NA,
            }
        )
    result = pd.DataFrame(
        rows, columns=["term", "start", "end", "found", "start_error", "end_error"]
    )
    result.attrs["recall"] = float(result["found"].mean()) if len(result) else float("nan")
    return result
