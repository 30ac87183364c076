"""Corpus: building from a cable frame, selections in step, views, persistence."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablestats.corpus import CableVectorizer, Corpus
from cablestats.corpus.store import MANIFEST
from cablestats.errors import StoreError
from tests.strategies import POSTS, cable_frame, cable_frames

OPTIONS = {"min_df": 1, "max_df": 1.0, "progress": False, "n_jobs": 1}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    bodies = [
        "The U.S. raised human rights in Bamako.",
        "Oil talks in Tehran stalled; human rights groups protested.",
        "Border talks with Mali resumed after the election.",
        "Paris hosted budget talks; the US pledged aid.",
    ]
    return cable_frame(
        bodies,
        tags=[["PHUM", "ML"], ["EPET", "IR"], ["PREL", "ML", "NI"], ["EFIN"]],
        origins=["Embassy Bamako", "Embassy Tehran", "Embassy Paris", "Embassy Paris"],
        created=["2008-12-31 23:00", "2009-01-01", "2009-06-30", "2010-01-01"],
    )


@pytest.fixture(scope="module")
def corpus(frame: pd.DataFrame) -> Corpus:
    return Corpus.from_cables(frame, phrases=False, **OPTIONS)


def test_from_cables_keeps_metadata_beside_the_matrix(corpus: Corpus, frame: pd.DataFrame) -> None:
    assert list(corpus.meta.index) == list(frame.index)
    assert corpus.meta.index.name == "reference_id"
    assert list(corpus.meta.columns) == [
        "created",
        "origin",
        "classification",
        "caveats",
        "tags",
        "subject",
        "references",
        "n_tokens",
    ]
    assert "body" not in corpus.meta and "signer" not in corpus.meta
    assert isinstance(corpus.dtm, sp.csr_matrix)
    assert corpus.dtm.shape == (4, len(corpus.vocab))
    assert corpus.vocab.name == "term"
    assert corpus.meta["n_tokens"].tolist() == np.asarray(corpus.dtm.sum(axis=1)).ravel().tolist()
    row = dict(zip(corpus.vocab, corpus.dtm[1].toarray()[0], strict=True))
    assert row["talks"] == 1 and row["tehran"] == 1
    assert isinstance(corpus.vectorizer, CableVectorizer)


def test_meta_columns_option(frame: pd.DataFrame) -> None:
    corpus = Corpus.from_cables(frame, meta_columns=["origin", "signer"], **OPTIONS)
    assert list(corpus.meta.columns) == ["origin", "signer", "n_tokens"]
    with pytest.raises(KeyError, match="nope"):
        Corpus.from_cables(frame, meta_columns=["nope"], **OPTIONS)


def test_unknown_option_suggests_the_closest(frame: pd.DataFrame) -> None:
    with pytest.raises(TypeError, match="did you mean 'min_df'"):
        Corpus.from_cables(frame, min_dff=2)


def test_missing_body_is_a_clear_error(frame: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="body"):
        Corpus.from_cables(frame.drop(columns="body"))


# ---- selections ---------------------------------------------------------------------------


def test_filter_by_tags_dates_origins_and_countries(corpus: Corpus) -> None:
    assert list(corpus.filter(tags="ML").meta.index) == ["09POST0", "09POST2"]
    assert list(corpus.filter(tags=["epet", "EFIN"]).meta.index) == ["09POST1", "09POST3"]
    assert list(corpus.filter(start="2009-01-01", end="2010-01-01").meta.index) == [
        "09POST1",
        "09POST2",
    ]
    assert list(corpus.filter(origins="embassy paris").meta.index) == ["09POST2", "09POST3"]
    # a country tag (Mali on a Paris cable) or the post's country (Embassy Bamako)
    assert list(corpus.filter(countries="ML").meta.index) == ["09POST0", "09POST2"]
    assert list(corpus.filter(countries=["FR"]).meta.index) == ["09POST2", "09POST3"]
    both = corpus.filter(countries="ML", start="2009-01-01")
    assert list(both.meta.index) == ["09POST2"]


def test_filter_arguments_are_checked(corpus: Corpus) -> None:
    with pytest.raises(ValueError, match="start must be a date"):
        corpus.filter(start="last spring")
    with pytest.raises(TypeError, match="tags takes a string or a list"):
        corpus.filter(tags=[1, 2])
    assert len(corpus.filter(tags=[])) == 0
    assert len(corpus[[True, False, False, True]]) == 2


def test_filter_keeps_the_vocabulary(corpus: Corpus) -> None:
    selected = corpus.filter(tags="ML")
    assert selected.vocab.equals(corpus.vocab)
    assert (selected.dtm != corpus.dtm[[0, 2]]).nnz == 0


def test_boolean_series_mask_is_aligned_on_reference_id(corpus: Corpus) -> None:
    mask = pd.Series([True, False, True, False], index=corpus.meta.index[::-1])
    assert list(corpus[mask].meta.index) == ["09POST1", "09POST3"]
    with pytest.raises(KeyError, match="cover"):
        corpus[mask.iloc[:2]]
    with pytest.raises(TypeError, match="boolean mask"):
        corpus[np.array([0, 1])]


def test_periods(corpus: Corpus) -> None:
    periods = corpus.periods("M")
    assert periods.index.equals(corpus.meta.index)
    assert [str(p) for p in periods] == ["2008-12", "2009-01", "2009-06", "2010-01"]
    assert [str(p) for p in corpus.periods("Y")] == ["2008", "2009", "2009", "2010"]


def test_prune_recounts_tokens(corpus: Corpus) -> None:
    pruned = corpus.prune(min_df=2)
    assert set(pruned.vocab) == {"human", "rights", "talks", "usa"}
    assert pruned.meta["n_tokens"].tolist() == [3, 3, 1, 2]
    assert list(pruned.vectorizer.get_feature_names_out()) == list(pruned.vocab)


def test_term_counts(corpus: Corpus) -> None:
    counts = corpus.term_counts()
    assert counts.index.name == "term"
    assert list(counts.columns) == ["count", "doc_freq"]
    assert counts.loc["talks"].tolist() == [3, 3]
    assert counts.index[0] == "talks"
    assert counts["count"].is_monotonic_decreasing


def test_to_gensim_uses_the_vocabulary_ids(corpus: Corpus) -> None:
    bow, dictionary = corpus.to_gensim()
    assert [dictionary[i] for i in range(len(corpus.vocab))] == list(corpus.vocab)
    documents = list(bow)
    assert len(documents) == len(corpus) and list(bow) == documents  # re-iterable
    talks = dictionary.token2id["talks"]
    assert dictionary.dfs[talks] == 3 and dictionary.num_docs == 4
    assert dict(documents[1])[talks] == 1


def test_reprs_are_short_and_escaped(corpus: Corpus) -> None:
    assert repr(corpus) == (
        f"<Corpus: 4 cables × {len(corpus.vocab)} terms, {corpus.dtm.sum()} tokens, "
        "2008-12-31 to 2010-01-01>"
    )
    assert "\n" not in repr(corpus)
    tricky = Corpus(corpus.meta, corpus.dtm[:, :1], ["<script>x</script>"])
    html = tricky._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert len(corpus) == 4


def test_constructor_checks_alignment(corpus: Corpus) -> None:
    with pytest.raises(ValueError, match="shape"):
        Corpus(corpus.meta.iloc[:2], corpus.dtm, corpus.vocab)
    with pytest.raises(ValueError, match="twice"):
        Corpus(corpus.meta, corpus.dtm[:, :2], ["oil", "oil"])


# ---- properties: selections stay aligned, stores round-trip -------------------------------


def _dense_rows(corpus: Corpus) -> dict[str, list[int]]:
    rows = corpus.dtm.toarray()
    return {ref: rows[i].tolist() for i, ref in enumerate(corpus.meta.index)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cable_frames(),
    st.data(),
)
def test_selections_keep_meta_and_matrix_aligned(frame: pd.DataFrame, data: st.DataObject) -> None:
    corpus = Corpus.from_cables(frame, phrases=False, **OPTIONS)
    rows = _dense_rows(corpus)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=len(corpus), max_size=len(corpus))))
    criteria = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "tags": st.sampled_from(["PGOV", "ML", ["IR", "PTER"]]),
                "countries": st.sampled_from(["ML", "IR", ["FR"]]),
                "origins": st.sampled_from(list(POSTS)),
                "start": st.sampled_from(["2007-01-01", "2008-06-15"]),
                "end": st.sampled_from(["2008-01-01", "2009-12-31"]),
            },
        )
    )
    for selected in (corpus[mask], corpus.filter(**criteria), corpus[mask].filter(**criteria)):
        assert selected.dtm.shape == (len(selected.meta), len(corpus.vocab))
        assert selected.meta.index.isin(corpus.meta.index).all()
        assert _dense_rows(selected) == {ref: rows[ref] for ref in selected.meta.index}
        pd.testing.assert_frame_equal(selected.meta, corpus.meta.loc[selected.meta.index])
    assert list(corpus[mask].meta.index) == list(corpus.meta.index[mask])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cable_frames())
def test_save_load_round_trip_is_exact(tmp_path: Path, frame: pd.DataFrame) -> None:
    corpus = Corpus.from_cables(frame, **OPTIONS)
    path = corpus.save(tmp_path / "store")
    loaded = Corpus.load(path)
    pd.testing.assert_frame_equal(loaded.meta, corpus.meta, check_exact=True)
    assert [type(value) for value in loaded.meta["tags"]] == [list] * len(corpus)
    assert loaded.dtm.dtype == corpus.dtm.dtype
    assert (loaded.dtm != corpus.dtm).nnz == 0
    assert loaded.vocab.equals(corpus.vocab)
    assert loaded.vectorizer.get_params() == corpus.vectorizer.get_params()
    assert loaded.vectorizer.phrases_.equals(corpus.vectorizer.phrases_)
    texts = frame["body"].tolist()
    assert (loaded.vectorizer.transform(texts) != corpus.vectorizer.transform(texts)).nnz == 0


# ---- stores: atomic, refusing to clobber, clear errors -------------------------------------


@pytest.fixture
def store(tmp_path: Path, corpus: Corpus) -> Path:
    return corpus.save(tmp_path / "store")


def test_store_layout_and_no_leftovers(store: Path) -> None:
    assert sorted(p.name for p in store.iterdir()) == [
        "corpus.json",
        "dtm.npz",
        "meta.parquet",
        "vocab.json",
    ]
    assert [p.name for p in store.parent.iterdir()] == ["store"]  # no temporary folder left
    manifest = json.loads((store / MANIFEST).read_text())
    assert manifest["format_version"] == 1
    assert manifest["vectorizer"]["params"]["min_df"] == 1


def test_save_replaces_a_store_but_not_another_folder(tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.save(tmp_path / "store")
    corpus.filter(tags="ML").save(path)
    assert len(Corpus.load(path)) == 2
    with pytest.raises(FileExistsError):
        corpus.save(path, overwrite=False)
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a corpus store"):
        corpus.save(other)
    assert (other / "keep.txt").read_text() == "mine"


def test_failed_save_leaves_the_old_store(
    store: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(sp, "save_npz", broken)
    with pytest.raises(OSError, match="disk full"):
        corpus.filter(tags="ML").save(store)
    assert len(Corpus.load(store)) == len(corpus)
    assert [p.name for p in store.parent.iterdir()] == ["store"]


def _flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda s: _flip_byte(s / "dtm.npz"), "dtm.npz"),
        (lambda s: _flip_byte(s / "meta.parquet"), "meta.parquet"),
        (lambda s: (s / "vocab.json").write_text('["oil"]'), "vocab.json"),
        (lambda s: (s / "meta.parquet").unlink(), "meta.parquet"),
        (lambda s: (s / "corpus.json").write_text("{not json"), "corpus.json"),
        (lambda s: (s / "corpus.json").unlink(), "corpus.json"),
    ],
    ids=["matrix", "meta", "vocab", "missing-meta", "bad-manifest", "no-manifest"],
)
def test_damaged_store_names_the_file(store: Path, damage, named: str) -> None:
    damage(store)
    with pytest.raises(StoreError, match=named) as error:
        Corpus.load(store)
    assert isinstance(error.value, OSError)  # StoreError also is an OSError


def _edit_manifest(store: Path, **changes: object) -> None:
    manifest = json.loads((store / MANIFEST).read_text())
    manifest.update(changes)
    (store / MANIFEST).write_text(json.dumps(manifest))


def test_newer_format_is_refused(store: Path) -> None:
    _edit_manifest(store, format_version=2)
    with pytest.raises(StoreError, match=r"corpus.json.*format 2.*upgrade"):
        Corpus.load(store)


def test_parts_that_disagree_are_refused(store: Path) -> None:
    _edit_manifest(store, n_terms=3)
    with pytest.raises(StoreError, match=r"meta\.parquet|dtm\.npz"):
        Corpus.load(store)


def test_loading_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus store"):
        Corpus.load(tmp_path / "absent")
