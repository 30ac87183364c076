"""The cable-aware tokenizer and the stopword lists."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablestats.corpus import CABLE_STOPWORDS, DEFAULT_STOPWORDS, tokenize, tokenizer
from cablestats.corpus.stopwords import (
    ENGLISH_STOPWORDS,
    KEPT_ENGLISH_WORDS,
    read_stopword_file,
    resolve_stopwords,
)
from cablestats.corpus.tokenizer import clean_token, normalize, tokenize_chunk
from tests.strategies import cable_like_text

# ---- the country US and the pronoun us ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the U.S. position",
        "the US position",
        "the USA position",
        "U.S.A.",
        "the United States",
        "THE UNITED STATES OF AMERICA",
    ],
)
def test_every_spelling_of_the_country_is_one_term(text: str) -> None:
    assert "usa" in tokenize(text)


def test_pronoun_us_in_mixed_case_is_a_stopword() -> None:
    assert tokenize("He asked us whether the US would help us.") == ["asked", "usa", "help"]


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("THE MINISTER TOLD US THAT HE AGREED", False),
        ("HE ASKED FOR US TO RESPOND", False),
        ("THIS WILL HELP US.", False),
        ("WE DISCUSSED US POLICY TOWARD IRAN", False),  # a content word before: the pronoun reading
        ("HE CRITICIZED THE US DECISION", True),
        ("THE GOVERNMENT OF US ALLIES", True),  # after a function word, before a content word
        ("US OFFICIALS SAID THE TALKS FAILED", True),  # at the start of the line
        ("THE US-IRAN TALKS RESUMED", True),
        ("A REVIEW OF IRAN-US TIES", True),
    ],
)
def test_us_in_capitals_is_read_from_its_neighbours(line: str, country: bool) -> None:
    terms = tokenize(line)
    assert any(term.startswith("usa") or term.endswith("usa") for term in terms) is country


def test_capital_lines_and_mixed_lines_are_decided_apart() -> None:
    text = "Officials told us nothing new.\nTHE AMBASSADOR TOLD US THAT US AID WILL CONTINUE"
    assert tokenize(text).count("usa") == 1  # "US AID": after "THAT", before a content word


def test_other_acronyms_fold_without_collision() -> None:
    assert tokenize("NATO, AQIM and the U.N. met the UN envoy from the U.K.") == [
        "nato",
        "aqim",
        "un",
        "met",
        "un",
        "envoy",
        "uk",
    ]


# ---- words, hyphens, apostrophes, numbers -------------------------------------------------


def test_hyphenated_words_and_phrases_share_the_underscore() -> None:
    assert tokenize("al-Qaeda and counter-terrorism in Sharm-el-Sheikh") == [
        "al_qaeda",
        "counter_terrorism",
        "sharm_el_sheikh",
    ]


def test_possessive_is_dropped_and_inner_apostrophes_removed() -> None:
    assert tokenize("The Secretary's view of al-Qa'ida and Shi’a parties") == [
        "secretary",
        "view",
        "al_qaida",
        "shia",
        "parties",
    ]


def test_numbers_dates_and_times_are_dropped_by_default() -> None:
    text = "On 04/07/2019 at 12:30 p.m. 28 trucks, 1.4 (b), 09STATE34394, G-20 and 1990s"
    assert tokenize(text) == ["trucks", "g_20"]


def test_numbers_are_kept_on_request() -> None:
    assert tokenize("28 trucks in 2009", numbers=True) == ["28", "trucks", "2009"]


def test_redactions_web_addresses_and_markings_are_dropped() -> None:
    text = (
        "(SBU) XXXXXXXXXXXX met (S//NF) poloff; see http://www.state.sgov.gov/p/nea/x.html "
        "or someone@state.gov. [PGOV](#) SIPDIS NOFORN Reftel, para 4."
    )
    assert tokenize(text) == ["met"]


def test_prime_minister_abbreviation_survives_and_clock_time_does_not() -> None:
    assert tokenize("The PM arrived at 9 a.m. and left at 5 P.M.") == ["pm", "arrived", "left"]


def test_clean_token_rules() -> None:
    stop = frozenset({"the"})
    assert clean_token("u.s.-led", stop) == "usa_led"
    assert clean_token("e.g.", stop) == "eg"
    assert clean_token("the", stop) is None
    assert clean_token("x", stop) is None
    assert clean_token("xxxx", stop) is None
    assert clean_token("1990s", stop) is None
    assert clean_token("1990s", stop, numbers=True) == "1990s"


def test_normalize_only_rewrites_the_country() -> None:
    assert normalize("The US and us.\nHE TOLD US") == "the usa and us.\nhe told us"


# ---- chunks agree with single texts -------------------------------------------------------


def test_chunk_gives_the_terms_of_each_text_in_order() -> None:
    texts = ["The U.S. told us.", None, "", "  ", "human rights, (human) rights; rights."]
    chunk = tokenize_chunk(texts, DEFAULT_STOPWORDS)
    assert [chunk.document_terms(i) for i in range(len(texts))] == [
        tokenize(text) if text else [] for text in texts
    ]
    assert chunk.lengths.sum() == len(chunk.codes)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(cable_like_text, st.none()), max_size=6))
def test_chunk_agrees_with_tokenize_on_cable_like_text(texts: list[str | None]) -> None:
    chunk = tokenize_chunk(texts, DEFAULT_STOPWORDS)
    for i, text in enumerate(texts):
        terms = chunk.document_terms(i)
        assert terms == (tokenize(text) if text else [])
        assert not {"sipdis", "decl", "classified", "reasons", "xxxxxxxxxxxx"} & set(terms)


# ---- stopwords ---------------------------------------------------------------------------


def test_default_stopwords_unite_english_and_cable_lists() -> None:
    assert DEFAULT_STOPWORDS == ENGLISH_STOPWORDS | CABLE_STOPWORDS
    assert {"sipdis", "noforn", "decl", "reftel", "septel", "emboff", "january"} <= CABLE_STOPWORDS
    assert {"pgov", "prel"} <= CABLE_STOPWORDS
    assert not KEPT_ENGLISH_WORDS & DEFAULT_STOPWORDS
    assert {"us", "the", "dont"} <= ENGLISH_STOPWORDS


def test_stopword_file_format() -> None:
    text = "# comment\nSIPDIS  # trailing comment\n\nfoo bar\n"
    assert read_stopword_file(text) == {"sipdis", "foo", "bar"}


def test_stopwords_can_be_extended_or_replaced() -> None:
    assert tokenize("Bamako said nothing", stopwords=["nothing"]) == ["bamako", "said"]
    extended = resolve_stopwords(extra_stopwords=["Bamako"])
    assert tokenize("Bamako said nothing", stopwords=extended) == []
    with pytest.raises(TypeError, match="single string"):
        resolve_stopwords(extra_stopwords="bamako")


def test_docstring_examples_hold() -> None:
    assert doctest.testmod(tokenizer).failed == 0
