"""The example notebooks run from top to bottom and show what they promise."""

from __future__ import annotations

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
