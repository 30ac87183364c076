"""Charts for reports: matplotlib figures as inline SVG, and hand-drawn sparklines.

Reports are single self-contained HTML files, so every chart is inline SVG
text.  matplotlib runs on the Agg backend (no display needed); ``svg.hashsalt``
fixes the ids matplotlib derives from hashes and the SVG carries no date, so
the same facts give the same bytes.  Each chart's ids get the chart's own
prefix, because one HTML document holds many SVGs and ids must be unique
within it.  Text stays text (``svg.fonttype = "none"``): it is searchable,
selectable and survives the PDF.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Sequence
from typing import ParamSpec

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__all__ = [
    "bursts_timeline",
    "heatmap",
    "small_multiples",
    "sparkline",
    "stacked_bars",
    "to_svg",
]

#: Colours that stay distinguishable in print and for most colour-blind readers (Okabe–Ito).
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
)

_STYLE = {
    "svg.hashsalt": "cablestats",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.titlesize": 9,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.fontsize": 8,
    "legend.frameon": False,
}

P = ParamSpec("P")

_ID = re.compile(r'(id="|url\(#|href="#)([^")]+)')


def _styled(draw: Callable[P, str]) -> Callable[P, str]:
    """Draw with the report style: rcParams are read as artists are made, so the
    whole drawing, not only the figure's creation, runs inside the style."""

    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> str:
        with plt.rc_context(_STYLE):
            return draw(*args, **kwargs)

    return wrapper


def _figure(width: float, height: float, **subplots: object) -> tuple[Figure, np.ndarray]:
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.subplots(squeeze=False, **subplots)


def to_svg(figure: Figure, key: str) -> str:
    """The figure as an ``<svg>`` element whose ids all start with ``key``."""
    buffer = io.StringIO()
    with plt.rc_context(_STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = _ID.sub(lambda match: f"{match.group(1)}{key}-{match.group(2)}", text)
    # Scale with the page instead of keeping matplotlib's fixed point size.
    return re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r"<svg\1", text, count=1)


def _period_x(periods: Sequence[pd.Period] | pd.Index) -> pd.DatetimeIndex:
    return pd.PeriodIndex(periods).to_timestamp()


def _date_axis(axes: plt.Axes, label: str | None = None) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if label:
        axes.set_xlabel(label)


@_styled
def stacked_bars(
    counts: pd.DataFrame, *, key: str, ylabel: str, xlabel: str, legend_title: str
) -> str:
    """Stacked bars of counts: index periods, one column per stacked group."""
    figure, axes = _figure(7.5, 3.0)
    ax = axes[0, 0]
    x = _period_x(counts.index)
    width = (
        np.median(np.diff(x.to_numpy()).astype("timedelta64[D]").astype(float))
        if len(x) > 1
        else 30
    )
    bottom = np.zeros(len(counts))
    for column in counts.columns:
        values = counts[column].to_numpy(dtype=float)
        ax.bar(x, values, width=width * 0.9, bottom=bottom, align="edge", label=str(column))
        bottom += values
    ax.set_ylabel(ylabel)
    _date_axis(ax, xlabel)
    ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return to_svg(figure, key)


@_styled
def small_multiples(
    series: pd.DataFrame,
    *,
    key: str,
    panel: str,
    ylabel: str,
    xlabel: str = "period",
    line: str | None = None,
    columns: int = 3,
    percent: bool = True,
) -> str:
    """One panel per value of ``panel``: ``share`` over ``period`` with an ``lo``–``hi`` band.

    With ``line``, each panel draws one line (and band) per value of that column.
    """
    names = list(dict.fromkeys(series[panel]))
    rows = max(1, -(-len(names) // columns))
    figure, axes = _figure(
        7.5, 1.7 * rows + 0.4, nrows=rows, ncols=columns, sharex=True, sharey=True
    )
    lines = list(dict.fromkeys(series[line])) if line else [None]
    for ax, name in zip(axes.flat, names, strict=False):
        cell = series[series[panel] == name]
        for number, value in enumerate(lines):
            part = cell if value is None else cell[cell[line] == value]
            part = part.sort_values("period")
            x = _period_x(part["period"])
            color = PALETTE[number % len(PALETTE)]
            scale = 100 if percent else 1
            ax.fill_between(x, part["lo"] * scale, part["hi"] * scale, color=color, alpha=0.2, lw=0)
            # Markers keep a period between gaps visible, where a line alone would not show.
            ax.plot(
                x, part["share"] * scale, color=color, lw=1.2, marker="o", ms=2, label=str(value)
            )
        ax.set_title(_shorten(str(name), 30), loc="left")
        _date_axis(ax)
    for ax in axes.flat[len(names) :]:
        ax.set_visible(False)
    figure.supylabel(ylabel, fontsize=9)
    figure.supxlabel(xlabel, fontsize=9)
    if line:
        handles, labels = axes.flat[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside upper center", ncols=min(len(lines), 6))
    return to_svg(figure, key)


@_styled
def heatmap(values: pd.DataFrame, *, key: str, xlabel: str, ylabel: str, colorbar: str) -> str:
    """A matrix of values (rows and columns labelled), with a colour bar."""
    figure, axes = _figure(7.5, 0.32 * len(values.index) + 2.4)
    ax = axes[0, 0]
    # pcolormesh draws vector cells; imshow would embed a raster image in the SVG.
    image = ax.pcolormesh(values.to_numpy(dtype=float), cmap="Blues")
    ax.set_xticks(
        np.arange(len(values.columns)) + 0.5, [_shorten(str(c), 34) for c in values.columns]
    )
    ax.set_yticks(np.arange(len(values.index)) + 0.5, [_shorten(str(i), 34) for i in values.index])
    ax.invert_yaxis()
    ax.tick_params(axis="x", labelrotation=40)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[:].set_visible(False)
    figure.colorbar(image, ax=ax, label=colorbar, shrink=0.8)
    return to_svg(figure, key)


@_styled
def bursts_timeline(bursts: pd.DataFrame, *, key: str, xlabel: str) -> str:
    """Horizontal bars from ``start`` to ``end`` (periods) for each ``term``, darker by level."""
    terms = list(dict.fromkeys(bursts["term"]))
    figure, axes = _figure(7.5, 0.3 * len(terms) + 1.0)
    ax = axes[0, 0]
    for _, burst in bursts.iterrows():
        start = burst["start"].start_time
        end = burst["end"].end_time
        ax.barh(
            terms.index(burst["term"]),
            mdates.date2num(end) - mdates.date2num(start),
            left=mdates.date2num(start),
            height=0.6,
            color=PALETTE[0],
            alpha=min(1.0, 0.35 * int(burst["level"])),
        )
    ax.set_yticks(range(len(terms)), terms)
    ax.invert_yaxis()
    ax.xaxis_date()
    _date_axis(ax, xlabel)
    ax.set_ylabel("term")
    return to_svg(figure, key)


def sparkline(values: Sequence[float], *, width: int = 120, height: int = 24) -> str:
    """A tiny line chart as SVG markup (NaN gaps skipped), for tables of terms."""
    points = np.asarray(values, dtype=float)
    finite = points[np.isfinite(points)]
    if len(finite) < 2:
        return ""
    low, high = float(finite.min()), float(finite.max())
    span = (high - low) or 1.0
    xs = np.linspace(1, width - 1, len(points))
    coords = " ".join(
        f"{x:.1f},{height - 2 - (y - low) / span * (height - 4):.1f}"
        for x, y in zip(xs, points, strict=True)
        if np.isfinite(y)
    )
    return (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img"><polyline fill="none" stroke="{PALETTE[0]}" stroke-width="1.2" '
        f'points="{coords}"/></svg>'
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
