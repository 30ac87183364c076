"""Themes: membership and score, TOML loading, prevalence and partner networks.

Planted truth comes from a synthetic archive whose counterterrorism theme
rises in the Sahel from 2007 with Mali, Algeria, Mauritania, Niger and France
as partners (``truth.json``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.stats

import cablestats as cs
from cablestats.corpus import Corpus
from cablestats.synth import generate
from cablestats.synth.themes import SAHEL
from cablestats.tags import post_country
from cablestats.themes import (
    MEMBER_COLUMNS,
    PREVALENCE_COLUMNS,
    Theme,
    load_themes,
    partner_network,
    strongest_partners,
    theme_prevalence,
)
from cablestats.themes.partners import EDGE_COLUMNS, PARTNER_COLUMNS

THEMES_TOML = Path(__file__).resolve().parents[1] / "reports" / "themes.toml"
CT = "Counterterrorism partnerships"

CT_THEME = Theme(
    "ct",
    tags=["pter"],
    terms=["terrorism", "al qaeda", "aqim"],
    context_terms=["cooperation", "training"],
)


@pytest.fixture(scope="module")
def toy() -> Corpus:
    rows = [
        # tag + context: member, full tag evidence, half context
        ("09BAMAKO1", "2009-01-05", "Embassy Bamako", ["PTER", "ML"], "training soldiers Algeria"),
        # two terms + two context terms: score 1
        (
            "09BAMAKO2",
            "2009-02-20",
            "Embassy Bamako",
            ["PREL"],
            "aqim terrorism cooperation training",
        ),
        # terms without partnership language: not a member
        ("09PARIS1", "2009-05-02", "Embassy Paris", ["PREL", "FR"], "terrorism aqim attack"),
        # partnership language without terrorism: not a member
        ("09PARIS2", "2009-07-15", "Embassy Paris", ["ECON"], "trade cooperation training"),
        ("10PARIS3", "2010-04-01", "Embassy Paris", ["PTER", "ML"], "cooperation with Mali Niger"),
    ]
    frame = pd.DataFrame(rows, columns=["reference_id", "created", "origin", "tags", "body"])
    frame["created"] = pd.to_datetime(frame["created"], utc=True)
    return Corpus.from_cables(frame.set_index("reference_id"), min_df=1, max_df=1.0, n_jobs=1)


# ---- Theme ---------------------------------------------------------------------------------


def test_theme_html_repr_escapes_its_text():
    theme = Theme("<b>arms</b> & trade", terms=["arms"])
    shown = theme._repr_html_()
    assert "&lt;b&gt;arms&lt;/b&gt; &amp; trade" in shown
    assert "<b>" not in shown


def test_theme_normalizes_and_is_frozen():
    assert CT_THEME.tags == ("PTER",)
    assert CT_THEME.terms == ("terrorism", "al_qaeda", "aqim")
    with pytest.raises(dataclasses.FrozenInstanceError):
        CT_THEME.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"name": ""}, "non-empty name"),
        ({"name": "x"}, "needs tags or terms"),
        ({"name": "x", "terms": ["a"], "min_score": 0}, "min_score"),
        ({"name": "x", "terms": ["a"], "saturation": 0}, "saturation"),
        ({"name": "x", "terms": [3]}, "terms takes"),
    ],
)
def test_theme_rejects_bad_definitions(arguments, message):
    with pytest.raises((ValueError, TypeError), match=message):
        Theme(**arguments)


def test_scores_follow_the_documented_rule(toy):
    scores = CT_THEME.scores(toy)
    assert list(scores.columns) == list(MEMBER_COLUMNS)
    assert scores.index.name == "reference_id"
    expected = {
        "09BAMAKO1": 0.5,
        "09BAMAKO2": 1.0,
        "09PARIS1": 0.0,
        "09PARIS2": 0.0,
        "10PARIS3": 0.5,
    }
    assert scores["score"].to_dict() == pytest.approx(expected)
    assert scores.at["09PARIS1", "n_terms"] == 2
    assert scores.at["09BAMAKO1", "via_tags"] and not scores.at["09BAMAKO1", "via_terms"]


def test_members_are_the_cables_above_min_score(toy):
    members = CT_THEME.members(toy)
    assert members.index.tolist() == ["09BAMAKO2", "09BAMAKO1", "10PARIS3"]
    strict = dataclasses.replace(CT_THEME, min_score=1.0)
    assert strict.members(toy).index.tolist() == ["09BAMAKO2"]


def test_theme_terms_missing_from_the_corpus_are_listed(toy):
    assert CT_THEME.missing_terms(toy) == ["al_qaeda"]


def test_prevalence_counts_members_per_period(toy):
    prevalence = CT_THEME.prevalence(toy, freq="Y")
    assert list(prevalence.columns) == list(PREVALENCE_COLUMNS)
    by_year = prevalence.set_index(prevalence["period"].astype(str))
    assert by_year["cables"].to_dict() == {"2009": 2, "2010": 1}
    assert by_year["exposure"].to_dict() == {"2009": 4, "2010": 1}
    assert (prevalence["lo"] <= prevalence["rate"]).all()


def test_prevalence_of_several_themes_and_by_country(toy):
    other = Theme("trade", terms=["trade"])
    both = theme_prevalence(toy, {"ct": CT_THEME, "trade": other}, freq="Y", by="country")
    assert set(both["theme"]) == {"ct", "trade"}
    mali_2009 = both[(both["group"] == "ML") & (both["period"] == pd.Period("2009", "Y"))]
    assert mali_2009.set_index("theme")["exposure"].to_dict() == {"ct": 2, "trade": 2}


def test_partner_network_pairs_countries_of_member_cables(toy):
    edges = partner_network(toy, CT_THEME, freq="Y")
    assert list(edges.columns) == list(EDGE_COLUMNS)
    pairs = {
        (str(p), a, b): n
        for p, a, b, n in edges[["period", "country_a", "country_b", "cables"]].itertuples(
            index=False
        )
    }
    # 09BAMAKO1: ML by tag and post, Algeria named in the text
    assert pairs[("2009", "AG", "ML")] == 1
    # 10PARIS3: ML by tag, France by post, Niger named in the text
    assert {("2010", "FR", "ML"), ("2010", "ML", "NG"), ("2010", "FR", "NG")} <= set(pairs)
    assert edges.loc[edges["country_a"] == "AG", "name_a"].iloc[0] == "Algeria"


def test_strongest_partners_share_is_of_the_focus_cables(toy):
    partners = strongest_partners(toy, CT_THEME, "ml", freq="Y")
    assert list(partners.columns) == list(PARTNER_COLUMNS)
    in_2010 = partners[partners["period"] == pd.Period("2010", "Y")]
    assert set(in_2010["partner"]) == {"FR", "NG"}
    assert in_2010["share"].tolist() == [1.0, 1.0]


def test_empty_selection_gives_empty_frames(toy):
    empty = toy[np.zeros(len(toy), dtype=bool)]
    assert CT_THEME.members(empty).empty
    assert list(CT_THEME.members(empty).columns) == list(MEMBER_COLUMNS)
    assert CT_THEME.prevalence(empty).empty
    assert list(partner_network(empty, CT_THEME).columns) == list(EDGE_COLUMNS)
    assert list(strongest_partners(empty, CT_THEME, "ML").columns) == list(PARTNER_COLUMNS)


# ---- loading -------------------------------------------------------------------------------


def test_report_themes_load():
    themes = load_themes(THEMES_TOML)
    assert len(themes) >= 6
    assert CT in themes
    ct = themes[CT]
    assert "PTER" in ct.tags and "al_qaeda" in ct.terms and "cooperation" in ct.context_terms
    assert all(name == theme.name for name, theme in themes.items())


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "themes.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_names_file_line_and_closest_key(tmp_path):
    path = write(
        tmp_path, '[[theme]]\nname = "a"\nterms = ["x"]\n\n[[theme]]\nname = "b"\ntrems = ["y"]\n'
    )
    with pytest.raises(
        cs.SpecError, match=r"themes\.toml, line 7: unknown theme key 'trems'.*'terms'"
    ) as caught:
        load_themes(path)
    assert caught.value.line == 7
    assert caught.value.path == str(path)


def test_unknown_top_level_key_and_bad_values_are_spec_errors(tmp_path):
    with pytest.raises(cs.SpecError, match=r"line 1: unknown top-level key 'themes'.*'theme'"):
        load_themes(write(tmp_path, "themes = 1\n"))
    with pytest.raises(cs.SpecError, match=r"line 1: invalid theme: min_score"):
        load_themes(write(tmp_path, '[[theme]]\nname = "a"\nterms = ["x"]\nmin_score = 2\n'))
    with pytest.raises(cs.SpecError, match="used twice"):
        load_themes(
            write(
                tmp_path,
                '[[theme]]\nname = "a"\ntags = ["X"]\n[[theme]]\nname = "a"\ntags = ["Y"]\n',
            )
        )
    with pytest.raises(cs.SpecError, match="not valid TOML"):
        load_themes(write(tmp_path, "[[theme]\n"))


# ---- planted truth -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive():
    return generate(4000, seed=3)


@pytest.fixture(scope="module")
def synthetic(archive) -> Corpus:
    frame = pd.DataFrame([cable.to_record() for cable in archive.iter_cables()])
    return Corpus.from_cables(frame.set_index("reference_id"), n_jobs=1)


@pytest.fixture(scope="module")
def counterterrorism() -> Theme:
    return load_themes(THEMES_TOML)[CT]


@pytest.fixture(scope="module")
def sahel(synthetic) -> Corpus:
    origins = synthetic.meta["origin"]
    return synthetic[np.array([post_country(o) in SAHEL for o in origins])]


def test_members_carry_the_planted_theme(synthetic, archive, counterterrorism):
    member = counterterrorism.membership(synthetic)
    planted = archive.truth.mixtures.loc[synthetic.meta.index, "counterterrorism"]
    assert planted[member].mean() > 5 * planted[~member].mean()
    # the score ranks cables by their planted share
    scores = counterterrorism.scores(synthetic)["score"]
    assert scipy.stats.spearmanr(scores, planted).statistic > 0.5


def test_sahel_prevalence_follows_the_planted_curve(sahel, archive, counterterrorism):
    assert len(sahel) >= 30
    found = counterterrorism.prevalence(sahel, freq="Y").dropna(subset=["rate"])
    truth = archive.truth.prevalence
    planted = (
        truth[(truth["group"] == "SAHEL") & (truth["theme"] == "counterterrorism")]
        .assign(year=lambda frame: frame["period"].str[:4])
        .groupby("year")["share"]
        .mean()
    )
    found = found.assign(planted=found["period"].astype(str).map(planted))
    assert scipy.stats.pearsonr(found["rate"], found["planted"]).statistic > 0.7
    before = found[found["period"] < pd.Period("2007", "Y")]
    after = found[found["period"] >= pd.Period("2008", "Y")]
    table = [
        [after["cables"].sum(), after["exposure"].sum() - after["cables"].sum()],
        [before["cables"].sum(), before["exposure"].sum() - before["cables"].sum()],
    ]
    assert scipy.stats.fisher_exact(table, alternative="greater").pvalue < 0.01


def test_planted_sahel_partners_are_recovered(sahel, archive, counterterrorism):
    partners = archive.truth.partners
    planted = set(
        partners[(partners["group"] == "SAHEL") & (partners["start"] == "2007-01")]["tag"]
    )
    top = strongest_partners(sahel, counterterrorism, "ML", freq="Y", top=5)
    late = top[top["period"] >= pd.Period("2008", "Y")]
    assert not late.empty
    for _, year in late.groupby("period"):
        assert len(set(year["partner"]) & planted) >= 3, year
    edges = partner_network(sahel, counterterrorism, freq="Y")
    strongest = edges[edges["period"] >= pd.Period("2008", "Y")].nlargest(5, "cables")
    assert (strongest["country_a"].isin(planted) | strongest["country_b"].isin(planted)).all()
