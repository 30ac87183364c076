"""How real do synthetic cables look?  Side by side with the 962 real cable pages.

Generates a synthetic archive as WikiLeaks pages, reads both folders with
``cs.read_cables`` and takes the raw body of every page with the same page
reader, then compares:

* cable length in words of the clean body (median and 90th percentile);
* type-token ratio of the first 300 tokens of the body (cables that have them);
* share of boilerplate lines (classification and handling lines, ``E.O.``,
  ``TAGS``, ``SUBJECT``, ``REF``, ``Classified By``, section breaks, rules
  and the signer) among the non-blank lines of the raw body;
* TAGS, references and paragraphs per cable (means).

The target is a ratio (synthetic / real) between 0.5 and 2 on every row.
The table is printed and written to the ``synth-realism`` block of
``benchmarks/RESULTS.md``.

Run: ``.venv/bin/python benchmarks/synth_realism.py [--n 2000] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from _results import machine, write_section

import cablestats as cs
import cablestats.synth as synth
from cablestats.io.html import parse_cable_page

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "cablegate-html"
TTR_TOKENS = 300

_TOKEN_RE = re.compile(r"[a-z][a-z'-]*")
_BOILERPLATE_RE = re.compile(
    r"^\s*(?:"
    r"(?:C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|UNCLAS\w*)\b"
    r"|(?:SIPDIS|NOFORN|SENSITIVE|SBU)\s*$"
    r"|E\.?\s?O\.?\s?1\d{4}"
    r"|TAGS\b|SUBJ(?:ECT)?\b|REFS?\b|CLASSIFIED\s+BY\b|for reasons\b|reasons?\s+1\.[45]"
    r"|[A-Z][A-Z .'-]*\s\d{6,8}\s+\d{3}\s+OF\s+\d{3}"
    r"|[-=_*]{3,}\s*$"
    r")",
    re.I,
)


def boilerplate_share(body: str) -> float:
    """Share of non-blank lines of a raw body that are boilerplate (the last is the signer)."""
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines:
        return float("nan")
    flags = [bool(_BOILERPLATE_RE.match(line)) for line in lines]
    flags[-1] = True  # the signer
    return float(np.mean(flags))


def type_token_ratio(body: str) -> float:
    """Distinct / total among the first :data:`TTR_TOKENS` lower-case word tokens."""
    tokens = _TOKEN_RE.findall(body.lower())[:TTR_TOKENS]
    return len(set(tokens)) / TTR_TOKENS if len(tokens) == TTR_TOKENS else float("nan")


def measure(folder: Path) -> pd.Series:
    """The realism statistics of the cable pages under ``folder``."""
    cables = cs.read_cables(folder, format="html", errors="ignore", progress=False)
    cables = cables[cables["body"].str.len() > 0]
    bodies = [
        parse_cable_page(path.read_text(encoding="utf-8")).body
        for path in sorted(folder.rglob("*.html"))
    ]
    words = cables["body"].str.split().str.len()
    return pd.Series(
        {
            "cables with text": len(cables),
            "words per cable, median": words.median(),
            "words per cable, 90th percentile": words.quantile(0.9),
            f"type-token ratio, first {TTR_TOKENS} tokens": np.nanmean(
                [type_token_ratio(body) for body in cables["body"]]
            ),
            "boilerplate share of lines": np.nanmean([boilerplate_share(body) for body in bodies]),
            "TAGS per cable": cables["tags"].str.len().mean(),
            "references per cable": cables["references"].str.len().mean(),
            "paragraphs per cable": cables["paragraphs"].str.len().mean(),
        }
    )


def _number(value: float) -> str:
    """Counts and lengths as whole numbers, ratios and means to three figures."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="synthetic cables (default 2000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not REAL.is_dir():
        print(f"real cables not found at {REAL}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        synth.write_archive(folder, args.n, format="html", seed=args.seed, progress=False)
        synthetic = measure(Path(folder))
    real = measure(REAL)
    table = pd.DataFrame({"real": real, "synthetic": synthetic})
    table["ratio"] = table["synthetic"] / table["real"]
    table.loc["cables with text", "ratio"] = np.nan
    compared = table["ratio"].dropna()
    within = bool(((compared >= 0.5) & (compared <= 2)).all())
    print(table.round(3).to_string())
    print("every ratio within a factor of 2:", within)
    rows = "\n".join(
        f"| {name} | {_number(row.real)} | {_number(row.synthetic)} | "
        f"{'' if np.isnan(row.ratio) else f'{row.ratio:.2f}'} |"
        for name, row in table.iterrows()
    )
    write_section(
        "synth-realism",
        f"""## Synthetic archives

### Realism

Machine: {machine()}.
{args.n:,} synthetic cables (seed {args.seed}, WikiLeaks pages) against the 962 real pages,
both read with `cs.read_cables`; target: every ratio between 0.5 and 2
(`benchmarks/synth_realism.py`).

| statistic | real | synthetic | ratio |
| --- | ---: | ---: | ---: |
{rows}

Every ratio within a factor of 2: {"yes" if within else "no"}.""",
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
