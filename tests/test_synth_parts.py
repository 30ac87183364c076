"""The parts of the generator: themes, vocabularies, posts, text, layout and defects."""

from __future__ import annotations

import re

import numpy as np
import pytest

from cablestats.parse import parse_tags
from cablestats.parse.ids import normalize_post
from cablestats.synth.defects import DEFECTS, apply_defects
from cablestats.synth.language import COUNTRIES, POOLS
from cablestats.synth.posts import post_directory
from cablestats.synth.render import WIDTH, wrap
from cablestats.synth.signals import BURSTS, TRENDS
from cablestats.synth.text import TEMPLATES, Lexicon, SentenceBank, compose_paragraphs
from cablestats.synth.themes import THEMES
from cablestats.synth.truth import normalize_word
from cablestats.tags import tag_kind, tag_name


def test_themes_are_at_least_twelve_with_their_own_words():
    assert len(THEMES) >= 12
    assert len({theme.name for theme in THEMES}) == len(THEMES)
    seen: dict[str, str] = {}
    for theme in THEMES:
        for term in theme.terms:
            word = normalize_word(term)
            assert word not in seen, f"{term!r} is in {theme.name} and {seen.get(word)}"
            seen[word] = theme.name
    shared = {normalize_word(word) for pool in POOLS.values() for word in pool}
    planted = {normalize_word(term.term) for term in (*TRENDS, *BURSTS)}
    assert not set(seen) & shared and not set(seen) & planted and not shared & planted
    for multi_word in ("al qaeda", "human rights", "intelligence sharing", "joint training"):
        assert multi_word in seen


def test_theme_weights_are_zipf_like():
    for theme in THEMES:
        weights = theme.weights
        assert weights.sum() == pytest.approx(1.0)
        assert (np.diff(weights) < 0).all()
        assert weights[0] / weights[9] == pytest.approx(((10 + 2.7) / (1 + 2.7)) ** 1.07)


def test_theme_tags_and_partners_are_real_tags():
    for theme in THEMES:
        assert all(tag_kind(tag) in {"subject", "program", "organization"} for tag in theme.tags)
        for partners in theme.partners:
            for name, tag in partners.countries.items():
                assert tag_name(tag) == name


def test_pools_hold_no_duplicates():
    for name, pool in POOLS.items():
        assert len(set(pool)) == len(pool), name


def test_posts_have_names_that_make_their_ids():
    directory = post_directory()
    assert len(directory) > 250
    routes = [post.route for post in directory.values()]
    assert len(set(routes)) == len(routes)
    assert all(route.startswith("RUEH") and len(route) in (5, 6) for route in routes)
    for post in directory.values():
        assert normalize_post(post.place) == post.post
    assert directory["BAMAKO"].sender == "AMEMBASSY BAMAKO"
    assert directory["BAMAKO"].group == "SAHEL"
    assert directory["PORTAUPRINCE"].place == "PORT AU PRINCE"
    assert directory["STATE"].route == "RUEHC"


def test_lexicon_draws_stay_in_their_block():
    lexicon = Lexicon.build(THEMES, ["Mali"])
    rng = np.random.default_rng(0)
    blocks = rng.integers(len(THEMES), size=20_000)
    words = lexicon.words[lexicon.draw(blocks, rng)]
    for k, theme in enumerate(THEMES):
        assert set(words[blocks == k]) <= set(theme.terms)
    first = words[blocks == 0]
    assert (first == THEMES[0].terms[0]).mean() == pytest.approx(THEMES[0].weights[0], abs=0.02)
    with pytest.raises(KeyError, match="'Chad' is not an extra word"):
        lexicon.extra_id("Chad")


def test_sentences_draw_theme_words_from_their_theme_only():
    bank = SentenceBank.build()
    assert len(bank.formats) == len(TEMPLATES) * 13 and bank.weights.sum() == pytest.approx(1)
    lexicon = Lexicon.build(THEMES, [*COUNTRIES, "Mali", "piracy"])
    mixtures = np.zeros((2, len(THEMES)))
    mixtures[0, 0] = mixtures[1, 1] = 1.0
    mali = lexicon.extra_id("Mali")
    paragraphs, mentions = compose_paragraphs(
        np.random.default_rng(1),
        mixtures=mixtures,
        paragraph_cable=np.array([0, 0, 1]),
        sentence_counts=np.array([20, 20, 40]),
        countries=np.full((2, len(THEMES), 4), mali),
        planted_rates=np.array([[5.0], [0.0]]),
        planted_ids=np.array([lexicon.extra_id("piracy")]),
        lexicon=lexicon,
        bank=bank,
    )
    other_terms = {term for theme in THEMES[1:] for term in theme.terms if " " in term}
    first = " ".join(paragraphs[:2])
    assert not [term for term in other_terms if term in first]
    assert any(term in first for term in THEMES[0].terms if " " in term)
    assert "piracy" in first and "piracy" not in paragraphs[2]
    assert all((ids == mali).all() for ids in mentions) and len(mentions[0]) > 0
    starts = re.findall(r"(?:^|[a-z]\. )(\w)", paragraphs[2])
    assert len(starts) > 20 and all(start.isupper() or start.isdigit() for start in starts)


def test_wrap_keeps_words_and_width():
    text = " ".join(["counterterrorism partnerships in the Sahel"] * 30)
    lines = wrap(text)
    assert max(len(line) for line in lines) <= WIDTH
    assert " ".join(lines) == text


@pytest.mark.parametrize("defect", DEFECTS)
def test_defects_keep_tags_readable(defect):
    body = "UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PGOV PREL KDEM IT FR\nSUBJECT: ITALY\n"
    damaged = apply_defects(body, frozenset({defect}))
    assert damaged != body
    assert parse_tags(damaged) == ["PGOV", "PREL", "KDEM", "IT", "FR"]


def test_defects_combine_on_a_comma_style_line():
    body = "UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS PGOV, PREL, IT\nSUBJECT: ITALY\n"
    damaged = apply_defects(body, frozenset(DEFECTS))
    assert "Tags:" in damaged and "\n" in damaged.split("Tags:")[1].split("SUBJECT")[0]
    assert parse_tags(damaged) == ["PGOV", "PREL", "IT"]
