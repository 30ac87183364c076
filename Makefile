# The two commands a newcomer runs: `make demo` and `make test`.
# Both create the virtual environment in .venv themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Quiet installs: setuptools' notes on editable installs are for packagers, not newcomers.
PIP := PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/cablestats demo

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check cablestats tests benchmarks
	$(BIN)/ruff format --check cablestats tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info reports/out data/sample
