"""The command line through typer's CliRunner: help, results on stdout, one-line errors.

Help is rendered at a fixed width without colour so that the checks do not
depend on the terminal running the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cablestats.cli import app
from cablestats.synth import generate

REPORTS = Path(__file__).resolve().parents[1] / "reports"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
COMMANDS = ("ingest", "synth", "fit", "trends", "report", "demo")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner(env=ENV)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(400, seed=7).write(tmp_path_factory.mktemp("archive"), progress=False)


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cablestats: ")
    assert "Traceback" not in result.output
    return lines[0]


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "--help" in result.stdout


def test_report_help_names_its_options(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", "--help"])
    for option in ("--out", "--format", "--since", "--quiet"):
        assert option in result.stdout


def test_report_with_a_missing_source_exits_1_with_one_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    spec = _spec(tmp_path, '[sources]\npaths = ["nowhere"]\n')
    line = _one_line_error(runner.invoke(app, ["report", str(spec), "--quiet"]))
    assert "nowhere does not exist" in line


def test_report_with_a_missing_spec_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    line = _one_line_error(runner.invoke(app, ["report", str(tmp_path / "absent.toml")]))
    assert "no such file or folder" in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[sources]\npaths = ["a"]\ntitle = "x\n', "line 3: not valid TOML"),
        ('[sources]\npaths = ["a"]\n[filters]\ntags = ["XXQZ"]\n', "line 4: unknown TAG 'XXQZ'"),
        (
            f'[sources]\npaths = ["a"]\n[themes]\npath = "{REPORTS / "themes.toml"}"\n'
            'names = ["Narcotic"]\n',
            "line 5: unknown theme 'Narcotic' (not in themes.toml); did you mean 'Narcotics'?",
        ),
        ('[sources]\npaths = ["a"]\n[modle]\n', "did you mean 'model'?"),
    ],
)
def test_report_spec_errors_exit_1_with_the_line(
    runner: CliRunner, tmp_path: Path, text: str, expected: str
) -> None:
    line = _one_line_error(runner.invoke(app, ["report", str(_spec(tmp_path, text))]))
    assert expected in line


def test_report_rejects_an_unknown_format(runner: CliRunner, tmp_path: Path) -> None:
    spec = _spec(tmp_path, '[sources]\npaths = ["a"]\n')
    line = _one_line_error(runner.invoke(app, ["report", str(spec), "--format", "html,docx"]))
    assert "--format takes html or pdf" in line


def test_report_writes_html_where_asked(runner: CliRunner, tmp_path: Path, archive: Path) -> None:
    spec = _spec(
        tmp_path,
        f'freq = "Y"\nsections = ["overview", "trends", "methods"]\n'
        f'[sources]\npaths = ["{archive}"]\n[corpus]\nmin_df = 2\n',
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["report", str(spec), "--out", str(out), "--format", "html", "--since", "2005-01-01", "-q"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"report written to {out / 'report.html'}"
    assert '<section id="trends"' in (out / "report.html").read_text(encoding="utf-8")


def test_report_rejects_a_bad_since(runner: CliRunner, tmp_path: Path, archive: Path) -> None:
    spec = _spec(tmp_path, f'[sources]\npaths = ["{archive}"]\n')
    line = _one_line_error(runner.invoke(app, ["report", str(spec), "--since", "last week"]))
    assert "--since must be a date" in line


def test_trends_prints_rising_and_falling_terms(runner: CliRunner, archive: Path) -> None:
    result = runner.invoke(app, ["trends", str(archive), "--freq", "Y", "--top", "3", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("rising (")
    assert "falling (" in result.stdout


def test_fit_saves_a_model(runner: CliRunner, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = runner.invoke(
        app, ["fit", str(archive), "--out", str(out), "-k", "3", "--passes", "1", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert f"model of 400 cables saved to {out}" in result.stdout


def test_fit_with_a_missing_source_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["fit", str(tmp_path / "none"), "--out", str(tmp_path / "m")])
    _one_line_error(result)


def test_demo_generates_a_sample_and_writes_its_report(runner: CliRunner, tmp_path: Path) -> None:
    spec = _spec(
        tmp_path,
        'freq = "Y"\nsections = ["overview", "methods"]\n[sources]\npaths = ["unused"]\n'
        '[outputs]\ndir = "out"\nformats = ["html"]\n',
    )
    sample = tmp_path / "sample"
    result = runner.invoke(
        app, ["demo", "--out", str(sample), "--n", "200", "--spec", str(spec), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "200 cables" in result.stdout
    assert result.stdout.strip().endswith(f"report written to {tmp_path / 'out' / 'report.html'}")
    assert str(sample) in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
