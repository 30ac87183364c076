"""Report specifications: TOML into frozen dataclasses, errors with file, line and a suggestion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import cablestats as cs
from cablestats.report import Report, load_spec
from cablestats.synth import generate

REPORTS = Path(__file__).resolve().parents[1] / "reports"


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(300, seed=5).write(tmp_path_factory.mktemp("archive"), progress=False)


@pytest.mark.parametrize("name", ["demo.toml", "counterterrorism.toml"])
def test_shipped_specs_load(name: str) -> None:
    spec = load_spec(REPORTS / name)
    assert spec.sources.paths == ((REPORTS.parent / "data" / "sample").resolve(),)
    assert spec.themes is not None and spec.themes.path == (REPORTS / "themes.toml").resolve()
    assert set(spec.outputs.formats) == {"html", "pdf"}
    assert spec.outputs.dir.parent == (REPORTS / "out").resolve()
    assert _names_exist(spec.themes.names)
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.title = "changed"  # type: ignore[misc]


def _names_exist(names: tuple[str, ...]) -> bool:
    return set(names) <= set(cs.load_themes(REPORTS / "themes.toml"))


def test_counterterrorism_spec_filters_on_pter_since_2005() -> None:
    spec = load_spec(REPORTS / "counterterrorism.toml")
    assert spec.filters.tags == ("PTER",)
    assert spec.filters.start == dt.date(2005, 1, 1)
    assert spec.model["seed_topics"]["counterterrorism"][0] == "aqim"


@pytest.mark.parametrize(
    ("text", "line", "suggestion"),
    [
        ('titel = "x"\n[sources]\npaths = ["a"]\n', 1, "'title'"),
        ('[sources]\npaths = ["a"]\n[filtres]\nstart = 2009-01-01\n', 3, "'filters'"),
        ('[sources]\npath = ["a"]\n', 2, "'paths'"),
        ('[sources]\npaths = ["a"]\n\n[model]\nn_topic = 5\n', 5, "'n_topics'"),
        ('[sources]\npaths = ["a"]\n[corpus]\nmin_dff = 5\n', 4, "'min_df'"),
        ('[sources]\npaths = ["a"]\n[outputs]\nformat = ["pdf"]\n', 4, "'formats'"),
    ],
)
def test_unknown_keys_name_the_line_and_the_closest_key(
    tmp_path: Path, text: str, line: int, suggestion: str
) -> None:
    with pytest.raises(cs.SpecError, match=rf"spec\.toml, line {line}: unknown key") as caught:
        load_spec(_spec(tmp_path, text))
    assert f"did you mean {suggestion}?" in str(caught.value)
    assert caught.value.line == line
    assert caught.value.path == str(tmp_path / "spec.toml")


@pytest.mark.parametrize(
    ("text", "line"),
    [('[sources]\npaths = ["a"]\ntitle = "x\n', 3), ('[sources]\npaths = ["a"\n', 2)],
)
def test_invalid_toml_names_the_line(tmp_path: Path, text: str, line: int) -> None:
    with pytest.raises(cs.SpecError, match=rf"line {line}: not valid TOML") as caught:
        load_spec(_spec(tmp_path, text))
    assert caught.value.line == line


def test_unknown_tag_is_an_error_with_the_closest_tag(tmp_path: Path) -> None:
    text = '[sources]\npaths = ["a"]\n[filters]\ntags = ["PTRE"]\n'
    with pytest.raises(cs.SpecError, match=r"line 4: unknown TAG 'PTRE'.*PTER \(Terrorists"):
        load_spec(_spec(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('sections = ["overveiw"]\n[sources]\npaths = ["a"]\n', "did you mean 'overview'"),
        ('freq = "W"\n[sources]\npaths = ["a"]\n', "'freq' must be one of M, Q, Y"),
        ('[sources]\npaths = ["a"]\n[filters]\nstart = "2009-13-01"\n', "must be a date"),
        ('[sources]\npaths = ["a"]\n[outputs]\nformats = ["docx"]\n', "one of html, pdf"),
        ("[filters]\n", "needs 'paths'"),
    ],
)
def test_invalid_values_are_spec_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(cs.SpecError, match=message):
        load_spec(_spec(tmp_path, text))


def test_from_spec_filters_and_honours_since(tmp_path: Path, archive: Path) -> None:
    text = (
        f'title = "Small"\nfreq = "Y"\nsections = ["overview", "methods"]\n'
        f'[sources]\npaths = ["{archive}"]\n[filters]\nstart = 2004-01-01\n'
        f'[corpus]\nmin_df = 2\n[outputs]\ndir = "out"\n'
    )
    report = Report.from_spec(_spec(tmp_path, text), since="2008-01-01", progress=False)
    assert report.spec is not None and report.title == "Small"
    assert report.cables["created"].min() >= dt.datetime(2008, 1, 1, tzinfo=dt.UTC)
    assert report.model is None
    assert report.facts.methods.filters["from"] == "2008-01-01"
    (written,) = report.write()
    assert written == tmp_path / "out" / "report.html"
    assert '<section id="overview"' in written.read_text(encoding="utf-8")


def test_from_spec_with_an_unknown_theme_suggests_the_closest(tmp_path: Path) -> None:
    text = (
        f'[sources]\npaths = ["a"]\n[themes]\npath = "{REPORTS / "themes.toml"}"\n'
        'names = ["Counterterorism partnerships"]\n'
    )
    with pytest.raises(cs.SpecError, match=r"line 5: unknown theme .*'Counterterrorism partner"):
        Report.from_spec(_spec(tmp_path, text))


def test_from_spec_with_a_missing_source_says_so(tmp_path: Path) -> None:
    with pytest.raises(cs.CablestatsError, match=r"source .*nowhere does not exist"):
        Report.from_spec(_spec(tmp_path, '[sources]\npaths = ["nowhere"]\n'))


def test_invalid_model_options_point_at_the_model_table(tmp_path: Path, archive: Path) -> None:
    text = f'sections = ["topics"]\n[sources]\npaths = ["{archive}"]\n\n[model]\nn_topics = 1\n'
    with pytest.raises(cs.SpecError, match=r"line 5: \[model\]: n_topics must be"):
        Report.from_spec(_spec(tmp_path, text), progress=False)


def test_filters_keep_cables_that_pass_every_filter() -> None:
    from cablestats.report.pipeline import filter_cables
    from cablestats.report.spec import FiltersSpec

    cables = pd.DataFrame(
        {
            "created": pd.to_datetime(["2008-05-01", "2009-05-01", "2009-06-01"], utc=True),
            "origin": ["Embassy Bamako", "Embassy Bamako", "Embassy Paris"],
            "tags": [["PTER", "ML"], ["PTER"], ["PTER", "FR"]],
        },
        index=pd.Index(["08BAMAKO1", "09BAMAKO2", "09PARIS3"], name="reference_id"),
    )
    kept = filter_cables(
        cables, FiltersSpec(start=dt.date(2009, 1, 1), tags=("PTER",), posts=("BAMAKO",))
    )
    assert list(kept.index) == ["09BAMAKO2"]
    assert list(filter_cables(cables, FiltersSpec(posts=("Embassy Paris",))).index) == ["09PARIS3"]
