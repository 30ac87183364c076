"""TopicModel: parameters, results, storage, and parity of the gensim and scikit-learn backends.

The parity checks are written once in :class:`BackendChecks` and inherited by
one test class per backend.  They run on a small archive with planted themes
(distinct vocabularies over a shared background, shares that follow known
monthly curves), so that recovery is judged against a known truth.
"""

from __future__ import annotations

import dataclasses
import json
import warnings

import numpy as np
import pandas as pd
import pytest
from gensim.models import LdaModel, LdaMulticore
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from cablestats.errors import CablestatsWarning, StoreError
from cablestats.models import TopicCoherence, TopicModel, TopicSelection, select_n_topics

N_THEMES = 5
N_MONTHS = 24


@dataclasses.dataclass
class SmallCorpus:
    """The parts of a Corpus a topic model reads, with boolean selection."""

    meta: pd.DataFrame
    dtm: sparse.csr_matrix
    vocab: list[str]

    def __getitem__(self, mask: np.ndarray) -> SmallCorpus:
        return SmallCorpus(self.meta[mask], self.dtm[np.flatnonzero(mask)], self.vocab)


@dataclasses.dataclass
class Planted:
    corpus: SmallCorpus
    theme_word: np.ndarray  # (themes, terms)
    month: np.ndarray  # month number of each cable
    monthly_share: np.ndarray  # (months, themes) planted mean share


def planted_archive(n_cables: int = 400, seed: int = 1) -> Planted:
    """Cables mixing themes whose log-weights follow smooth monthly curves."""
    rng = np.random.default_rng(seed)
    per_theme, background = 30, 60
    vocab = [f"theme{k}_{i}" for k in range(N_THEMES) for i in range(per_theme)]
    vocab += [f"common{i}" for i in range(background)]
    zipf = 1 / (np.arange(1, per_theme + 1) + 2.7) ** 1.07
    theme_word = np.zeros((N_THEMES, len(vocab)))
    for k in range(N_THEMES):
        theme_word[k, k * per_theme : (k + 1) * per_theme] = 0.8 * zipf / zipf.sum()
        theme_word[k, N_THEMES * per_theme :] = 0.2 / background
    t = np.linspace(0, 1, N_MONTHS)
    curves = np.vstack([1.5 * np.sin(2 * np.pi * (t + k / N_THEMES)) for k in range(N_THEMES)])
    monthly_share = np.exp(curves).T / np.exp(curves).T.sum(axis=1, keepdims=True)
    month = rng.integers(0, N_MONTHS, n_cables)
    theta = np.vstack([rng.dirichlet(N_THEMES * monthly_share[m]) for m in month])
    lengths = rng.poisson(100, n_cables) + 10
    counts = np.vstack(
        [rng.multinomial(n, p @ theme_word) for n, p in zip(lengths, theta, strict=True)]
    )
    created = pd.date_range("2006-01-01", periods=N_MONTHS, freq="MS", tz="UTC")[month]
    tag_pool = np.array(["PTER", "PREL", "ECON", "PGOV", "MASS"])
    meta = pd.DataFrame(
        {
            "created": created + pd.to_timedelta(rng.integers(0, 28, n_cables), unit="D"),
            "origin": rng.choice(["BAMAKO", "PARIS", "TOKYO", "ALGIERS"], n_cables),
            "subject": [f"SUBJECT {i}" for i in range(n_cables)],
            "tags": [list(rng.choice(tag_pool, rng.integers(1, 4), replace=False)) for _ in month],
        },
        index=pd.Index([f"06POST{i}" for i in range(n_cables)], name="reference_id"),
    )
    corpus = SmallCorpus(meta, sparse.csr_matrix(counts), vocab)
    return Planted(corpus, theme_word, month, monthly_share)


def match_themes(theme_word: np.ndarray, topic_word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hungarian matching on cosine: (cosine of each theme's topic, topic id of each theme)."""
    a = theme_word / np.linalg.norm(theme_word, axis=1, keepdims=True)
    b = topic_word / np.linalg.norm(topic_word, axis=1, keepdims=True)
    cosine = a @ b.T
    themes, topics = linear_sum_assignment(-cosine)
    return cosine[themes, topics], topics


@pytest.fixture(scope="module")
def archive() -> Planted:
    return planted_archive()


class BackendChecks:
    """Checks every backend must pass; subclasses set ``backend``."""

    backend: str

    @pytest.fixture(scope="class")
    @classmethod
    def model(cls, archive: Planted) -> TopicModel:
        # Five themes share 210 words, so a theme's top words are in most
        # cables (in real archives such words are office prose): fit them all.
        return TopicModel(n_topics=N_THEMES, backend=cls.backend, max_df=1.0).fit(
            archive.corpus, progress=False
        )

    def test_fit_returns_self_with_learned_attributes(self, archive: Planted):
        model = TopicModel(n_topics=3, backend=self.backend, passes=1)
        assert not hasattr(model, "topic_word_")
        assert model.fit(archive.corpus, progress=False) is model
        assert model.topic_word_.shape == (3, len(archive.corpus.vocab))

    def test_doc_topics_are_labelled_shares(self, model: TopicModel, archive: Planted):
        shares = model.doc_topics
        assert shares.index.equals(archive.corpus.meta.index)
        assert shares.index.name == "reference_id"
        assert list(shares.columns) == model.labels
        assert np.allclose(shares.sum(axis=1), 1, atol=1e-6)
        assert (shares.to_numpy() >= 0).all()

    def test_topic_word_rows_are_distributions(self, model: TopicModel):
        assert np.allclose(model.topic_word_.sum(axis=1), 1)

    def test_topics_frame_ranks_terms_by_weight(self, model: TopicModel):
        top = model.topics(n=4)
        assert list(top.columns) == ["topic", "rank", "term", "weight"]
        assert len(top) == 4 * N_THEMES
        for label, rows in top.groupby("topic", observed=True):
            assert list(rows["rank"]) == [1, 2, 3, 4]
            assert rows["weight"].is_monotonic_decreasing
            column = model.vocab_.tolist().index(rows["term"].iloc[0])
            assert rows["weight"].iloc[0] == pytest.approx(
                model.topic_word_[model.labels.index(label), column]
            )

    def test_labels_join_top_three_terms(self, model: TopicModel):
        top = model.topics(n=3)
        for label in model.labels:
            terms = top.loc[top["topic"] == label, "term"].tolist()
            assert label == " / ".join(terms)

    def test_representative_cables_have_largest_shares(self, model: TopicModel):
        label = model.labels[1]
        best = model.representative_cables(label, n=5)
        assert list(best.columns) == ["created", "origin", "subject", "share"]
        assert best["share"].is_monotonic_decreasing
        assert best["share"].iloc[0] == pytest.approx(model.doc_topics[label].max())
        assert best.equals(model.representative_cables(1, n=5))

    def test_recovers_planted_themes(self, model: TopicModel, archive: Planted):
        cosine, _ = match_themes(archive.theme_word, model.topic_word_)
        assert cosine.mean() >= 0.8, cosine

    def test_monthly_shares_follow_planted_curves(self, model: TopicModel, archive: Planted):
        _, topic_of = match_themes(archive.theme_word, model.topic_word_)
        monthly = model.prevalence(freq="M", n_boot=50)
        for theme, topic in enumerate(topic_of):
            estimated = monthly[monthly["topic"] == model.labels[topic]]["share"].to_numpy()
            assert len(estimated) == N_MONTHS
            planted = archive.monthly_share[:, theme]
            assert np.corrcoef(estimated, planted)[0, 1] >= 0.8, theme

    def test_same_seed_same_topics(self, model: TopicModel, archive: Planted):
        again = TopicModel(n_topics=N_THEMES, backend=self.backend, max_df=1.0).fit(
            archive.corpus, progress=False
        )
        np.testing.assert_array_equal(again.topic_word_, model.topic_word_)
        np.testing.assert_array_equal(again.doc_topic_, model.doc_topic_)

    def test_transform_reproduces_training_shares(self, model: TopicModel, archive: Planted):
        np.testing.assert_allclose(
            model.transform(archive.corpus).to_numpy(), model.doc_topic_, atol=1e-9
        )

    def test_save_and_load_round_trip(self, model: TopicModel, archive: Planted, tmp_path):
        folder = model.save(tmp_path / "model")
        loaded = TopicModel.load(folder)
        assert loaded.labels == model.labels
        assert loaded.backend_.name == self.backend
        np.testing.assert_array_equal(loaded.topic_word_, model.topic_word_)
        pd.testing.assert_frame_equal(loaded.doc_topics, model.doc_topics)
        pd.testing.assert_frame_equal(loaded.cables_, model.cables_)
        np.testing.assert_allclose(
            loaded.transform(archive.corpus).to_numpy(), model.doc_topic_, atol=1e-6
        )
        assert loaded.coherence(corpus=archive.corpus).mean == pytest.approx(model.coherence().mean)

    def test_perplexity_beats_a_uniform_model(self, model: TopicModel, archive: Planted):
        held_out = planted_archive(n_cables=100, seed=7).corpus
        assert model.perplexity(held_out) < len(archive.corpus.vocab) / 2

    def test_coherence_per_topic_and_mean(self, model: TopicModel):
        result = model.coherence("c_npmi")
        assert isinstance(result, TopicCoherence)
        assert list(result.per_topic.index) == model.labels
        assert result.mean == pytest.approx(result.per_topic.mean())
        assert (result.per_topic.between(-1, 1)).all()
        frame = result.to_frame()
        assert list(frame.columns) == ["topic", "measure", "coherence"]
        assert frame["coherence"].tolist() == result.per_topic.tolist()

    def test_repr_and_html(self, model: TopicModel):
        assert repr(model).startswith(f"<TopicModel {self.backend}, {N_THEMES} topics, fitted")
        assert model.labels[0] in model._repr_html_()


class TestGensimBackend(BackendChecks):
    backend = "gensim"

    def test_auto_alpha_uses_ldamodel(self, model: TopicModel):
        assert type(model.backend_.model_) is LdaModel

    def test_fixed_alpha_with_workers_uses_multicore(self, archive: Planted):
        model = TopicModel(n_topics=3, alpha="symmetric", workers=2, passes=1)
        model.fit(archive.corpus, progress=False)
        assert isinstance(model.backend_.model_, LdaMulticore)
        assert np.allclose(model.doc_topics.sum(axis=1), 1)

    def test_asymmetric_and_per_topic_alpha(self, archive: Planted):
        for alpha in ("asymmetric", [0.5, 0.2, 0.1]):
            model = TopicModel(n_topics=3, alpha=alpha, passes=1).fit(
                archive.corpus, progress=False
            )
            assert model.doc_topic_.shape == (len(archive.corpus.meta), 3)


class TestSklearnBackend(BackendChecks):
    backend = "sklearn"

    def test_seed_topics_point_to_gensim(self, archive: Planted):
        model = TopicModel(backend="sklearn", n_topics=3, seed_topics={"x": ["theme0_0"]})
        with pytest.raises(ValueError, match=r"seed_topics.*backend='gensim'"):
            model.fit(archive.corpus, progress=False)

    def test_asymmetric_alpha_points_to_gensim(self, archive: Planted):
        with pytest.raises(ValueError, match=r"alpha.*'asymmetric'.*backend='gensim'"):
            TopicModel(backend="sklearn", alpha="asymmetric").fit(archive.corpus, progress=False)


def test_seeded_topic_is_named_and_matches_its_theme(archive: Planted):
    seeds = {"theme three": ["theme3_0", "theme3_1", "theme3_4"]}
    model = TopicModel(n_topics=N_THEMES, seed_topics=seeds, random_state=3)
    model.fit(archive.corpus, progress=False)
    assert model.labels[0] == "theme three"
    _, topic_of = match_themes(archive.theme_word, model.topic_word_)
    assert topic_of[3] == 0


def test_missing_seed_words_are_named_in_a_warning(archive: Planted):
    seeds = {"theme three": ["theme3_0", "no_such_word"]}
    with pytest.warns(CablestatsWarning, match="no_such_word"):
        TopicModel(n_topics=3, seed_topics=seeds, passes=1).fit(archive.corpus, progress=False)


def test_seeds_all_missing_is_an_error(archive: Planted):
    model = TopicModel(n_topics=3, seed_topics={"ghost": ["nothing", "here"]}, passes=1)
    with pytest.raises(ValueError, match=r"seed_topics\['ghost'\].*nothing"):
        model.fit(archive.corpus, progress=False)


def test_init_only_stores_arguments():
    model = TopicModel(n_topics="many", backend="mallet", alpha=-1)
    assert (model.n_topics, model.backend, model.alpha) == ("many", "mallet", -1)
    assert "not fitted" in repr(model)


@pytest.mark.parametrize(
    ("options", "name", "received"),
    [
        ({"n_topics": 1}, "n_topics", "1"),
        ({"n_topics": "20"}, "n_topics", "'20'"),
        ({"n_topics": True}, "n_topics", "True"),
        ({"backend": "mallet"}, "backend", "'mallet'"),
        ({"alpha": "flat"}, "alpha", "'flat'"),
        ({"alpha": -0.5}, "alpha", "-0.5"),
        ({"alpha": [0.1, 0.2]}, "alpha", r"\[0.1, 0.2\]"),
        ({"eta": 0}, "eta", "0"),
        ({"passes": 0}, "passes", "0"),
        ({"chunksize": 0}, "chunksize", "0"),
        ({"workers": 0}, "workers", "0"),
        ({"random_state": -1}, "random_state", "-1"),
        ({"seed_weight": 0}, "seed_weight", "0"),
        ({"seed_topics": {"x": "terrorism"}}, "seed_topics", "'terrorism'"),
        ({"seed_topics": {"x": ["a"], "y": ["b"], "z": ["c"], "w": ["d"]}}, "seed_topics", "4"),
    ],
)
def test_fit_rejects_bad_parameters_naming_them(options, name, received, archive: Planted):
    options = {"n_topics": 3, **options}
    with pytest.raises(ValueError, match=f"{name}.*{received}"):
        TopicModel(**options).fit(archive.corpus, progress=False)


def test_unfitted_model_says_to_fit_first():
    with pytest.raises(ValueError, match="not fitted"):
        TopicModel().topics()


def test_unknown_topic_lists_labels(archive: Planted):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    with pytest.raises(ValueError, match="topic must be a label or an id from 0 to 2"):
        model.representative_cables("no such topic")
    with pytest.raises(ValueError, match="received 3"):
        model.representative_cables(3)


def test_other_vocabulary_is_refused(archive: Planted):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    other = dataclasses.replace(archive.corpus, vocab=[*archive.corpus.vocab[:-1], "other"])
    with pytest.raises(ValueError, match=r"vocabulary.*first differ at column"):
        model.transform(other)
    with pytest.raises(ValueError, match="vocabulary"):
        model.perplexity(other)


def test_inconsistent_corpus_is_refused(archive: Planted):
    broken = dataclasses.replace(archive.corpus, vocab=archive.corpus.vocab[:-1])
    with pytest.raises(ValueError, match="inconsistent"):
        TopicModel(n_topics=3).fit(broken, progress=False)


def test_progress_bar_counts_every_pass(archive: Planted, capsys):
    TopicModel(n_topics=3, passes=2).fit(archive.corpus, progress=True)
    assert (
        f"{2 * len(archive.corpus.meta)}/{2 * len(archive.corpus.meta)}" in capsys.readouterr().err
    )


def test_save_refuses_to_overwrite_a_foreign_folder(archive: Planted, tmp_path):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not a cablestats model"):
        model.save(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_save_replaces_an_older_model(archive: Planted, tmp_path):
    first = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    second = TopicModel(n_topics=4, passes=1).fit(archive.corpus, progress=False)
    first.save(tmp_path / "model")
    second.save(tmp_path / "model")
    assert len(TopicModel.load(tmp_path / "model").labels) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["model"]


def test_load_reports_missing_or_damaged_models(archive: Planted, tmp_path):
    with pytest.raises(StoreError, match=r"model\.json is missing"):
        TopicModel.load(tmp_path)
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    folder = model.save(tmp_path / "model")
    (folder / "topic_word.npy").write_bytes(b"garbage")
    with pytest.raises(StoreError, match="damaged"):
        TopicModel.load(folder)


def test_loaded_model_needs_a_corpus_for_coherence(archive: Planted, tmp_path):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    loaded = TopicModel.load(model.save(tmp_path / "model"))
    with pytest.raises(ValueError, match="corpus is required"):
        loaded.coherence()


def test_seeded_model_round_trips_its_prior(archive: Planted, tmp_path):
    seeds = {"theme three": ["theme3_0", "theme3_1"]}
    model = TopicModel(n_topics=3, seed_topics=seeds, passes=1).fit(archive.corpus, progress=False)
    loaded = TopicModel.load(model.save(tmp_path / "model"))
    np.testing.assert_array_equal(loaded.settings_.eta, model.settings_.eta)
    assert loaded.labels[0] == "theme three"
    assert loaded.seeded_ == ("theme three",)


def _doc_freq(corpus: SmallCorpus) -> np.ndarray:
    return np.asarray((corpus.dtm > 0).sum(axis=0)).ravel()


def test_default_fits_only_terms_in_at_most_half_the_cables(archive: Planted):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    doc_freq = _doc_freq(archive.corpus)
    expected = np.flatnonzero(doc_freq <= 0.5 * len(archive.corpus.meta))
    assert 0 < len(expected) < len(archive.corpus.vocab)
    np.testing.assert_array_equal(model.columns_, expected)
    assert model.topic_word_.shape == (3, len(archive.corpus.vocab))
    left_out = np.setdiff1d(np.arange(len(archive.corpus.vocab)), expected)
    assert (model.topic_word_[:, left_out] == 0).all()
    assert np.allclose(model.topic_word_.sum(axis=1), 1)
    assert not set(model.topics(n=20)["term"]) & {archive.corpus.vocab[i] for i in left_out}
    assert f"{len(expected)} of {len(archive.corpus.vocab)} terms" in repr(model)


def test_max_df_as_a_number_of_cables(archive: Planted):
    doc_freq = _doc_freq(archive.corpus)
    limit = int(np.median(doc_freq))
    model = TopicModel(n_topics=3, passes=1, max_df=limit).fit(archive.corpus, progress=False)
    np.testing.assert_array_equal(model.columns_, np.flatnonzero(doc_freq <= limit))


def test_seed_words_are_fitted_however_common(archive: Planted):
    doc_freq = _doc_freq(archive.corpus)
    common = archive.corpus.vocab[int(np.argmax(doc_freq))]
    assert doc_freq.max() > 0.5 * len(archive.corpus.meta)
    model = TopicModel(n_topics=3, seed_topics={"x": [common]}, passes=1)
    model.fit(archive.corpus, progress=False)
    assert archive.corpus.vocab.index(common) in model.columns_
    assert model.topic_word_[0, archive.corpus.vocab.index(common)] > 0


@pytest.mark.parametrize("max_df", [0.0, 1.5, -2, "half", True])
def test_max_df_must_be_a_count_or_a_proportion(max_df, archive: Planted):
    with pytest.raises(ValueError, match=f"max_df must be .*received {max_df!r}"):
        TopicModel(n_topics=3, passes=1, max_df=max_df).fit(archive.corpus, progress=False)


def test_max_df_that_leaves_no_term_says_so(archive: Planted):
    with pytest.raises(ValueError, match="leaves no term to fit"):
        TopicModel(n_topics=3, passes=1, max_df=1).fit(archive.corpus, progress=False)


def test_saved_model_keeps_its_fitted_terms(archive: Planted, tmp_path):
    model = TopicModel(n_topics=3, passes=1, max_df=0.4).fit(archive.corpus, progress=False)
    loaded = TopicModel.load(model.save(tmp_path / "model"))
    assert loaded.max_df == 0.4
    np.testing.assert_array_equal(loaded.columns_, model.columns_)
    np.testing.assert_allclose(
        loaded.transform(archive.corpus).to_numpy(), model.doc_topic_, atol=1e-6
    )
    assert loaded.perplexity(archive.corpus) == pytest.approx(model.perplexity(archive.corpus))


def test_model_of_the_first_format_fitted_every_term(archive: Planted, tmp_path):
    model = TopicModel(n_topics=3, passes=1, max_df=1.0).fit(archive.corpus, progress=False)
    folder = model.save(tmp_path / "model")
    manifest = json.loads((folder / "model.json").read_text())
    manifest["format"] = 1
    del manifest["params"]["max_df"]
    (folder / "model.json").write_text(json.dumps(manifest))
    (folder / "columns.npy").unlink()
    loaded = TopicModel.load(folder)
    assert loaded.max_df == 1.0
    np.testing.assert_array_equal(loaded.columns_, np.arange(len(archive.corpus.vocab)))


def test_load_refuses_columns_outside_the_vocabulary(archive: Planted, tmp_path):
    model = TopicModel(n_topics=3, passes=1).fit(archive.corpus, progress=False)
    folder = model.save(tmp_path / "model")
    np.save(folder / "columns.npy", np.array([0, len(archive.corpus.vocab)]))
    with pytest.raises(StoreError, match="do not match"):
        TopicModel.load(folder)


def test_prevalence_by_group_through_the_model(archive: Planted):
    model = TopicModel(n_topics=3, passes=2).fit(archive.corpus, progress=False)
    by_tag = model.prevalence(freq="Y", by="tag", groups=["PTER", "ECON"], n_boot=20)
    assert set(by_tag["group"]) == {"PTER", "ECON"}
    carried = archive.corpus.meta["tags"].map(lambda tags: "PTER" in tags)
    years = archive.corpus.meta["created"].dt.year
    first_year = by_tag[(by_tag["group"] == "PTER")].iloc[0]
    assert first_year["n_cables"] == (carried & (years == first_year["period"].year)).sum()
    by_region = model.prevalence(freq="Y", by="region", n_boot=20)
    assert {"AF", "EUR", "EAP", "NEA"} <= set(by_region["group"])


def test_prevalence_warns_about_undated_cables(archive: Planted):
    corpus = archive.corpus
    meta = corpus.meta.copy()
    meta.iloc[:3, meta.columns.get_loc("created")] = pd.NaT
    model = TopicModel(n_topics=3, passes=1).fit(
        dataclasses.replace(corpus, meta=meta), progress=False
    )
    with pytest.warns(CablestatsWarning, match="3 cables without a date"):
        shares = model.prevalence(freq="Y", n_boot=10)
    assert shares.groupby("period")["n_cables"].first().sum() == len(meta) - 3


def test_effects_through_the_model(archive: Planted):
    model = TopicModel(n_topics=3, passes=2).fit(archive.corpus, progress=False)
    effects = model.effects(n_tags=2, df=4)
    assert list(effects.columns) == ["topic", "term", "estimate", "lo", "hi", "p"]
    assert len(effects) == 3 * (1 + 4 + 2)
    assert (effects["lo"] <= effects["estimate"]).all()
    assert (effects["estimate"] <= effects["hi"]).all()


def test_select_n_topics_tabulates_and_plots(archive: Planted):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no backend should complain on a plain run
        selection = select_n_topics(archive.corpus, ks=[6, 3], passes=3, progress=False)
    assert isinstance(selection, TopicSelection)
    assert list(selection.table.columns) == ["k", "coherence", "perplexity"]
    assert list(selection.table["k"]) == [3, 6]
    assert selection.best_k in (3, 6)
    ax = selection.plot()
    assert ax.get_xlabel() == "number of topics (k)"
    assert "c_npmi" in ax.get_ylabel()
    assert any("perplexity" in other.get_ylabel() for other in ax.figure.axes)
