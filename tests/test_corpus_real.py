"""The corpus of the 962 real cables: clean vocabulary, phrases, top terms snapshot.

The snapshot ``test_corpus_top40.txt`` holds the 40 terms found in most cables
(ties by count, then term).  It was read and judged sensible for diplomatic
cables: the country term ``usa``, institutions and roles (``government``,
``president``, ``ambassador``, ``embassy``, ``military``), the business of
diplomacy (``meeting``, ``cooperation``, ``policy``, ``security``) and the
hedged language of reporting (``likely``, ``possible``, ``important``), with no
boilerplate, markings or artefacts.  After a deliberate change to the
tokenizer, stopwords or parser, regenerate it with
``CABLESTATS_UPDATE_SNAPSHOTS=1 pytest tests/test_corpus_real.py`` and read the
difference before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

import cablestats as cs
from cablestats.corpus import Corpus

SNAPSHOT = Path(__file__).with_name("test_corpus_top40.txt")

#: Boilerplate, markings and artefacts that must never become terms.
BOILERPLATE = {
    *("sipdis", "noforn", "nodis", "exdis", "decl", "declassify", "classified", "reasons"),
    *("confidential", "unclassified", "sbu", "fouo", "nf", "oadr", "eo"),
    *("tags", "subject", "ref", "reftel", "reftels", "septel", "para", "paras", "emboff"),
    *("summary", "comment", "end", "http", "https", "www", "html", "pgov", "prel", "pter"),
    *("xx", "xxxx", "xxxxxxxxxxxx", "us", "the", "january", "dec", "amembassy"),
}


@pytest.fixture(scope="module")
def real_cables(shared_data: Path) -> pd.DataFrame:
    return cs.read_cables(shared_data / "cablegate-html", progress=False)


@pytest.fixture(scope="module")
def real_corpus(real_cables: pd.DataFrame) -> Corpus:
    return Corpus.from_cables(real_cables, progress=False)


def test_every_cable_is_a_row(real_corpus: Corpus, real_cables: pd.DataFrame) -> None:
    assert len(real_corpus) == len(real_cables) == 962
    assert real_corpus.meta.index.equals(real_cables.index)
    assert (real_corpus.meta["n_tokens"] > 0).mean() > 0.99


def test_no_boilerplate_or_artefact_in_the_vocabulary(real_corpus: Corpus) -> None:
    vocab = set(real_corpus.vocab)
    assert not BOILERPLATE & vocab
    artefacts = [
        term
        for term in vocab
        if re.fullmatch(r"x{2,}|\d.*|.*(?:http|www|sipdis).*|[a-z]", term)
        or not re.fullmatch(r"[^\W_]+(?:_[^\W_]+)*", term)  # punctuation, link or markup debris
    ]
    assert artefacts == []


def test_phrases_and_the_country_term(real_corpus: Corpus) -> None:
    vocab = set(real_corpus.vocab)
    assert {"al_qaeda", "human_rights", "prime_minister", "foreign_minister"} <= vocab
    assert {"usa", "un", "nato", "eu"} <= vocab
    phrases = real_corpus.vectorizer.phrases_
    assert phrases.loc["human_rights", "score"] > 0.5


def test_top_terms_by_document_frequency_match_the_snapshot(real_corpus: Corpus) -> None:
    counts = real_corpus.term_counts().reset_index()
    ranked = counts.sort_values(
        ["doc_freq", "count", "term"], ascending=[False, False, True], kind="stable"
    )
    top = ranked["term"].head(40).tolist()
    if os.environ.get("CABLESTATS_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(top) + "\n", encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").split()
    assert top == expected
