"""The example notebooks run from top to bottom and show what they promise."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run_notebook(name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": NOTEBOOKS}}
    )
    client.execute()
    return notebook


def cell_text(cell: nbformat.NotebookNode) -> str:
    """Everything a code cell showed: printed text and the plain form of its result."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


class _TableParser(HTMLParser):
    """The cell texts of each ``<tr>`` of an HTML table, header rows included."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def frame_rows(cell: nbformat.NotebookNode) -> list[dict[str, str]]:
    """The rows of the DataFrame a code cell returned, read from its HTML form.

    Keys are the column names of the table's first header row (``""`` for the index);
    rows with no values (the index-name row of a named index) are left out.
    """
    (result,) = [o for o in cell.get("outputs", []) if o.get("output_type") == "execute_result"]
    parser = _TableParser()
    parser.feed(result["data"]["text/html"])
    header, *body = parser.rows
    rows = [dict(zip(header, row, strict=True)) for row in body]
    return [row for row in rows if any(value for key, value in row.items() if key)]


def stderr_text(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook's code cells wrote to stderr (warnings, tracebacks)."""
    return "\n".join(
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("name") == "stderr"
    )


@pytest.fixture(scope="module")
def counterterrorism_notebook() -> nbformat.NotebookNode:
    return run_notebook("02-counterterrorism-partnerships.ipynb")


def test_counterterrorism_notebook_runs_and_finds_members(counterterrorism_notebook):
    code = [cell for cell in counterterrorism_notebook.cells if cell.cell_type == "code"]
    assert all(cell.get("execution_count") for cell in code)
    assert "cables belong to the theme" in cell_text(code[1])


def test_notebook_shows_bamako_training_and_malis_partners(counterterrorism_notebook, shared_data):
    code = [cell for cell in counterterrorism_notebook.cells if cell.cell_type == "code"]
    assert cell_text(code[2]).strip() == "True"  # 09BAMAKO815 is a member
    partners_2009 = cell_text(code[3])
    assert "Algeria" in partners_2009 or "France" in partners_2009


# ---- 01-quickstart: the whole pipeline on a synthetic archive it generates itself ----------

#: The planted bursts of cablestats.synth, by term as the corpus spells it.
PLANTED_BURSTS = ("tsunami", "cartoons", "cyclone", "h1n1", "earthquake")


@pytest.fixture(scope="module")
def quickstart_notebook() -> nbformat.NotebookNode:
    return run_notebook("01-quickstart.ipynb")


@pytest.fixture(scope="module")
def quickstart_code(quickstart_notebook) -> list[nbformat.NotebookNode]:
    return [cell for cell in quickstart_notebook.cells if cell.cell_type == "code"]


def test_quickstart_runs_every_cell_without_library_warnings(quickstart_notebook, quickstart_code):
    assert len(quickstart_code) == 11
    assert all(cell.get("execution_count") for cell in quickstart_code)
    outputs = [output for cell in quickstart_code for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.get("output_type") == "error"]
    assert "CablestatsWarning" not in stderr_text(quickstart_notebook)


def test_quickstart_reads_every_cable_it_generated(quickstart_code):
    generated = int(re.search(r"^N_CABLES = (\d+)$", quickstart_code[0].source, re.M).group(1))
    assert 1500 <= generated <= 2500  # small enough to run in seconds
    assert "<Truth" in cell_text(quickstart_code[0])
    match = re.search(r"read ([\d,]+) of ([\d,]+) cables", cell_text(quickstart_code[1]))
    read, reported = (int(number.replace(",", "")) for number in match.groups())
    assert read == reported == generated
    assert f"<Corpus: {generated:,} cables" in cell_text(quickstart_code[5])


def test_quickstart_parses_one_cable_and_spells_out_its_tags(quickstart_code):
    parsed = cell_text(quickstart_code[3])
    assert parsed.startswith("<Cable ")
    assert re.search(r"references: \('\d{2}[A-Z]+\d+',", parsed)  # canonical reference ids
    tags = {row["code"]: row for row in frame_rows(quickstart_code[4])}
    assert tags["PTER"]["name"] == "Terrorists and Terrorism"
    assert {row["kind"] for row in tags.values()} >= {"subject", "country"}


def test_quickstart_topic_table_names_planted_terms(quickstart_code):
    topics = {row[""]: row["top terms"].split(", ") for row in frame_rows(quickstart_code[6])}
    assert len(topics) == 16
    assert all(len(terms) == 8 for terms in topics.values())
    assert "aqim" in topics["counterterrorism"]  # the seeded topic keeps its seed words
    shown = {term for terms in topics.values() for term in terms}
    assert {"narcotics", "election", "nuclear", "visa", "migrants", "health"} <= shown


def test_quickstart_prevalence_has_intervals(quickstart_code):
    cell = quickstart_code[7]
    assert any("image/png" in output.get("data", {}) for output in cell.outputs)
    rows = frame_rows(cell)
    assert [row["period"] for row in rows] == [str(year) for year in range(2001, 2011)]
    for row in rows:
        assert float(row["lo"]) <= float(row["share"]) <= float(row["hi"])
        assert int(row["n_cables"]) > 0


def test_quickstart_trends_recover_planted_directions(quickstart_code):
    rows = frame_rows(quickstart_code[8])
    assert len(rows) == 10
    directions = [row["direction"] for row in rows]
    assert {"rising", "falling", "flat"} <= set(directions)
    assert directions == [row["direction_planted"] for row in rows]


def test_quickstart_bursts_cover_planted_months(quickstart_code):
    rows = {row["term"]: row for row in frame_rows(quickstart_code[9])}
    assert set(rows) == set(PLANTED_BURSTS)
    for row in rows.values():  # periods are YYYY-MM, so strings order as months do
        assert row["start"] <= row["start_planted"] <= row["end_planted"] <= row["end"]


def test_quickstart_ends_with_the_report_inline(quickstart_code):
    (result,) = quickstart_code[-1].outputs
    assert result["output_type"] == "execute_result"
    title = "Quick start: a synthetic archive"
    assert title in result["data"]["text/plain"]
    # The report is one self-contained document in an iframe's (escaped) srcdoc.
    shown = result["data"]["text/html"]
    assert shown.startswith("<iframe srcdoc=")
    document = html.unescape(shown)
    assert f"<title>{title}</title>" in document
    assert "<svg" in document
    assert "Keyword trends" in document
