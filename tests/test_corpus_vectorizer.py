"""CableVectorizer: counting, pruning, parallel runs and scikit-learn conventions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from cablestats.corpus import CableVectorizer

FILLER = [
    *("oil", "exports", "embassy", "press", "officials", "minister", "talks", "border"),
    *("trade", "election", "party", "reform", "army", "police", "court", "budget"),
    *("loan", "visa", "port", "drought", "refugees"),
]
PHRASES = ["human rights", "Prime Minister", "al Qaeda", "AL-QAEDA", "the U.S.", "US"]


def _texts(n: int = 60, seed: int = 0) -> list[str]:
    """Cable-like sentences: random filler words with recurring phrases mixed in."""
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n):
        words = list(rng.choice(FILLER, size=12))
        for phrase in rng.choice(PHRASES, size=2, replace=False):
            words.insert(int(rng.integers(len(words))), f", {phrase},")
        texts.append(" ".join(words))
    return texts


TEXTS = _texts()
SMALL = {"min_df": 1, "max_df": 1.0, "phrase_min_count": 3, "progress": False}


def test_fit_transform_counts_terms_and_phrases() -> None:
    vectorizer = CableVectorizer(**SMALL)
    matrix = vectorizer.fit_transform(TEXTS)
    terms = vectorizer.get_feature_names_out()
    assert matrix.shape == (len(TEXTS), len(terms))
    assert matrix.dtype == np.int32
    assert {"human_rights", "prime_minister", "al_qaeda", "usa", "oil"} <= set(terms)
    assert not {"human", "prime", "the", "us"} & set(terms)  # merged into phrases, or stopwords
    assert set(vectorizer.phrases_.index) == {"human_rights", "prime_minister", "al_qaeda"}
    assert list(terms) == sorted(terms)
    oil = vectorizer.vocabulary_["oil"]
    assert [matrix[i, oil] for i in range(3)] == [TEXTS[i].split().count("oil") for i in range(3)]
    assert matrix.has_sorted_indices


def test_fit_then_transform_equals_fit_transform() -> None:
    fitted = CableVectorizer(**SMALL).fit(TEXTS)
    once = CableVectorizer(**SMALL).fit_transform(TEXTS)
    assert (fitted.transform(TEXTS) != once).nnz == 0


def test_transform_ignores_unknown_terms_and_merges_learned_phrases() -> None:
    vectorizer = CableVectorizer(**SMALL).fit(TEXTS)
    matrix = vectorizer.transform(["Zanzibar human rights, human rights, oil."])
    counts = dict(zip(vectorizer.get_feature_names_out(), matrix.toarray()[0], strict=True))
    assert counts["human_rights"] == 2
    assert counts["oil"] == 1
    assert matrix.sum() == 3


def test_pairs_spelling_one_phrase_count_as_one_term() -> None:
    # regression: "al_qaeda cells" and "al qaeda_cells" both became "al_qaeda_cells"
    texts = ["al qaeda cells", "al-qaeda cells", "al qaeda-cells", "oil"] * 10
    vectorizer = CableVectorizer(**{**SMALL, "phrase_threshold": -1.0, "phrase_min_count": 1})
    matrix = vectorizer.fit_transform(texts)
    terms = list(vectorizer.get_feature_names_out())
    assert terms.count("al_qaeda_cells") == 1
    assert vectorizer.phrases_.index.is_unique
    assert matrix[1, vectorizer.vocabulary_["al_qaeda_cells"]] == 1


def test_arrow_backed_text_columns_are_read_chunk_by_chunk() -> None:
    texts = pd.Series(TEXTS, dtype="str")
    plain = CableVectorizer(**SMALL).fit_transform(TEXTS)
    assert (CableVectorizer(**SMALL, chunk_size=7).fit_transform(texts) != plain).nnz == 0


def test_phrases_can_be_switched_off() -> None:
    vectorizer = CableVectorizer(**SMALL, phrases=False).fit(TEXTS)
    assert {"human", "rights"} <= set(vectorizer.get_feature_names_out())
    assert vectorizer.phrases_.empty


def test_pruning_by_document_frequency_and_features() -> None:
    texts = ["alpha beta gamma", "alpha beta", "alpha delta", "alpha epsilon"]
    terms = CableVectorizer(min_df=2, max_df=0.9, phrases=False, progress=False).fit(texts)
    assert list(terms.get_feature_names_out()) == ["beta"]  # alpha is in every text
    top = CableVectorizer(min_df=1, max_df=1.0, max_features=2, phrases=False, progress=False)
    assert list(top.fit(texts).get_feature_names_out()) == ["alpha", "beta"]


def test_nothing_left_after_pruning_names_the_options() -> None:
    with pytest.raises(ValueError, match="min_df"):
        CableVectorizer(min_df=5, progress=False).fit(["oil", "gas"])


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("min_df", 0),
        ("min_df", 1.5),
        ("max_df", -1),
        ("max_features", 0),
        ("phrase_threshold", 2.0),
        ("chunk_size", 0),
        ("n_jobs", 0),
    ],
)
def test_invalid_parameters_are_named_at_fit(option: str, value: object) -> None:
    vectorizer = CableVectorizer(**{option: value})  # __init__ only stores
    assert getattr(vectorizer, option) == value
    with pytest.raises(ValueError, match=option):
        vectorizer.fit(TEXTS)


def test_a_lone_string_is_refused() -> None:
    with pytest.raises(ValueError, match="single string"):
        CableVectorizer().fit("one cable body")


def test_worker_processes_give_the_same_matrix() -> None:
    texts = _texts(400, seed=1)
    options = {**SMALL, "chunk_size": 30, "phrase_sample": 100}
    serial = CableVectorizer(**options, n_jobs=1)
    parallel = CableVectorizer(**options, n_jobs=2)
    one, two = serial.fit_transform(texts), parallel.fit_transform(texts)
    assert serial.vocabulary_ == parallel.vocabulary_
    assert serial.phrases_.equals(parallel.phrases_)
    assert (one != two).nnz == 0
    assert (serial.transform(texts) != parallel.transform(texts)).nnz == 0


def test_progress_bar_can_be_shown_and_silenced(capsys: pytest.CaptureFixture[str]) -> None:
    CableVectorizer(**{**SMALL, "progress": True}).fit(TEXTS)
    assert "Counting terms" in capsys.readouterr().err
    CableVectorizer(**SMALL).fit(TEXTS)
    assert capsys.readouterr().err == ""


# ---- scikit-learn conventions -------------------------------------------------------------


def test_estimator_conventions() -> None:
    vectorizer = CableVectorizer(min_df=1, extra_stopwords=["oil"])
    assert vectorizer.get_params()["extra_stopwords"] == ["oil"]
    copy = clone(vectorizer)
    assert copy.get_params() == vectorizer.get_params()
    with pytest.raises(NotFittedError):
        copy.transform(TEXTS)
    assert copy.set_params(max_df=0.5) is copy
    assert copy.fit(TEXTS) is copy
    assert all(not name.endswith("_") for name in vars(clone(copy)))
    assert {"vocabulary_", "phrases_"} <= {name for name in vars(copy) if name.endswith("_")}
    assert copy.__sklearn_tags__().input_tags.string


def test_usable_in_a_pipeline() -> None:
    labels = [i % 2 for i in range(len(TEXTS))]
    model = make_pipeline(CableVectorizer(**SMALL), TfidfTransformer(), LogisticRegression())
    assert model.fit(TEXTS, labels).predict(TEXTS[:2]).shape == (2,)
    topics = make_pipeline(
        CableVectorizer(**SMALL), LatentDirichletAllocation(n_components=2, random_state=0)
    )
    assert topics.fit_transform(TEXTS).shape == (len(TEXTS), 2)
