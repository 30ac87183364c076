"""Topic models: coherence on the real cables, recovery and fit times on synthetic archives.

Measures, in one run:

1. On the 962 real cables at K=20 (three seeds): NPMI and fit time of
   cablestats' gensim and scikit-learn models (``TopicModel`` defaults on a
   default ``Corpus``), of plain gensim ``LdaModel`` with default settings on a
   plain ``CountVectorizer`` bag of words, of the same plain ``LdaModel`` on
   cablestats' corpus, and of tomotopy's ``LDAModel`` (a peer, if installed).
   NPMI is gensim's ``c_npmi`` with its default sliding window of 10 tokens over
   each model's own running text (stopwords kept as placeholders, so a window
   spans ten words of the cable); the document-level NPMI of
   :meth:`TopicModel.coherence` is shown beside it.
2. Recovery on a synthetic archive (``--recovery N`` cables), with a default
   ``Corpus`` and ``TopicModel`` defaults: matched cosine and monthly-share
   correlation per planted theme
   (:func:`cablestats.models.recovery.score_recovery`), both backends.
3. Fit times on a synthetic archive of ``--large N`` cables (250,000 by
   default: the size of Cablegate), built in memory (parsing is measured by
   ``benchmarks/parse.py``).

Run: ``.venv/bin/python benchmarks/topics.py [--recovery 20000] [--large 250000]``.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from _results import machine, write_section
from gensim.corpora import Dictionary
from gensim.matutils import Sparse2Corpus
from gensim.models import CoherenceModel, LdaModel
from sklearn.feature_extraction.text import CountVectorizer

import cablestats as cs
from cablestats import synth
from cablestats.corpus import DEFAULT_STOPWORDS, Corpus, tokenize
from cablestats.models import TopicModel
from cablestats.models.coherence import topic_coherence
from cablestats.models.recovery import score_recovery

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cablegate-html"
TOP_N = 10

try:
    import tomotopy
except ImportError:  # a peer for comparison only, not a dependency
    tomotopy = None


def timed(fit: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    result = fit()
    return result, time.perf_counter() - start


def top_terms(topic_word: np.ndarray, vocab: Sequence[str]) -> list[list[str]]:
    return [[vocab[i] for i in np.argsort(-row, kind="stable")[:TOP_N]] for row in topic_word]


def window_npmi(topics: list[list[str]], texts: list[list[str]]) -> float:
    """gensim's c_npmi (window of 10) of ``topics`` over running ``texts``."""
    dictionary = Dictionary([sorted({term for topic in topics for term in topic})])
    model = CoherenceModel(
        topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi", processes=1
    )
    return float(model.get_coherence())


def cablestats_texts(bodies: Sequence[str], corpus: Corpus) -> list[list[str]]:
    """Running text in the corpus' terms: stopwords as empty placeholders, phrases joined."""
    table = corpus.vectorizer.phrases_
    phrases = set(zip(table["first"], table["second"], strict=True))
    texts = []
    for body in bodies:
        tokens = tokenize(body or "", stopwords=())
        text = ["" if token in DEFAULT_STOPWORDS else token for token in tokens]
        kept = [i for i, token in enumerate(text) if token]
        j = 0
        while j < len(kept) - 1:  # join phrases greedily from the left, as the corpus does
            a, b = kept[j], kept[j + 1]
            if (text[a], text[b]) in phrases:
                text[a], text[b] = f"{text[a]}_{text[b]}", ""
                j += 2
            else:
                j += 1
        texts.append(text)
    return texts


def plain_gensim(dtm, vocab: Sequence[str], k: int, seed: int) -> np.ndarray:
    """gensim's LdaModel with its default settings."""
    model = LdaModel(
        Sparse2Corpus(dtm, documents_columns=False),
        num_topics=k,
        id2word=dict(enumerate(vocab)),
        random_state=seed,
    )
    return model.get_topics()


def tomotopy_lda(dtm, vocab: Sequence[str], k: int, seed: int, iterations: int) -> np.ndarray:
    """tomotopy's collapsed Gibbs LDA, one worker, ``iterations`` sweeps."""
    model = tomotopy.LDAModel(k=k, seed=seed)
    for row in range(dtm.shape[0]):
        lo, hi = dtm.indptr[row], dtm.indptr[row + 1]
        words = np.repeat(np.asarray(vocab, dtype=object)[dtm.indices[lo:hi]], dtm.data[lo:hi])
        if len(words):
            model.add_doc(words.tolist())
    model.train(iterations, workers=1)
    ids = {term: i for i, term in enumerate(vocab)}
    topic_word = np.zeros((k, len(vocab)))
    for topic in range(k):
        columns = [ids[term] for term in model.used_vocabs]
        topic_word[topic, columns] = model.get_topic_word_dist(topic)
    return topic_word


def real_cables(k: int, seeds: Sequence[int]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cables = cs.read_cables(SHARED, progress=False)
    bodies = cables["body"].fillna("").tolist()
    corpus = Corpus.from_cables(cables, progress=False)
    plain_vectorizer = CountVectorizer()
    plain_dtm = plain_vectorizer.fit_transform(bodies)
    plain_vocab = plain_vectorizer.get_feature_names_out().tolist()
    analyzer = plain_vectorizer.build_analyzer()
    plain_texts = [analyzer(body) for body in bodies]
    own_texts = cablestats_texts(bodies, corpus)
    vocab = list(corpus.vocab)
    rows = []

    def record(name: str, topic_word: np.ndarray, seconds: float, texts, dtm, terms, model=None):
        topics = top_terms(topic_word, terms)
        document = (
            model.coherence("c_npmi").mean
            if model is not None
            else _document_npmi(topics, dtm, terms)
        )
        rows.append(
            {
                "model": name,
                "npmi": window_npmi(topics, texts),
                "document_npmi": document,
                "seconds": seconds,
            }
        )

    for seed in seeds:
        for backend in ("gensim", "sklearn"):
            model, seconds = timed(
                lambda backend=backend, seed=seed: TopicModel(
                    n_topics=k, backend=backend, random_state=seed
                ).fit(corpus, progress=False)
            )
            record(
                f"cablestats TopicModel({backend})",
                model.topic_word_,
                seconds,
                own_texts,
                corpus.dtm,
                vocab,
                model,
            )
        topic_word, seconds = timed(lambda seed=seed: plain_gensim(plain_dtm, plain_vocab, k, seed))
        record(
            "gensim LdaModel, defaults, on CountVectorizer",
            topic_word,
            seconds,
            plain_texts,
            plain_dtm,
            plain_vocab,
        )
        topic_word, seconds = timed(lambda seed=seed: plain_gensim(corpus.dtm, vocab, k, seed))
        record(
            "gensim LdaModel, defaults, on cablestats Corpus",
            topic_word,
            seconds,
            own_texts,
            corpus.dtm,
            vocab,
        )
        if tomotopy is not None:
            topic_word, seconds = timed(
                lambda seed=seed: tomotopy_lda(corpus.dtm, vocab, k, seed, iterations=1000)
            )
            record(
                "tomotopy LDAModel, 1000 iterations, on cablestats Corpus",
                topic_word,
                seconds,
                own_texts,
                corpus.dtm,
                vocab,
            )
    table = (
        pd.DataFrame(rows)
        .groupby("model", sort=False)
        .agg(
            npmi=("npmi", "mean"),
            npmi_sd=("npmi", "std"),
            document_npmi=("document_npmi", "mean"),
            seconds=("seconds", "mean"),
        )
    )
    lines = [
        f"### Coherence on the {len(cables)} real cables, K={k}",
        "",
        f"Mean over seeds {', '.join(map(str, seeds))} of the mean NPMI of the top {TOP_N} terms "
        "of each topic. `NPMI (window 10)`: gensim `c_npmi` with its default sliding window of "
        "10 tokens over each model's own running text. `NPMI (document)`: co-occurrence "
        "within whole cables, as `TopicModel.coherence()` measures it; it rewards topics of "
        "words found in nearly every cable (`the`, `of`), which is why the plain model scores "
        "high on it.",
        "",
        "| model | NPMI (window 10) | sd | NPMI (document) | fit seconds |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, row in table.iterrows():
        lines.append(
            f"| {name} | {row.npmi:.3f} | {row.npmi_sd:.3f} | {row.document_npmi:.3f} "
            f"| {row.seconds:.1f} |"
        )
    corpus_summary = f"{corpus.dtm.shape[1]:,} terms, {int(corpus.dtm.sum()):,} tokens"
    plain_summary = f"{plain_dtm.shape[1]:,} terms, {int(plain_dtm.sum()):,} tokens"
    lines += ["", f"cablestats Corpus: {corpus_summary}; CountVectorizer: {plain_summary}."]
    return "\n".join(lines)


def _document_npmi(topics: list[list[str]], dtm, vocab: Sequence[str]) -> float:
    return float(np.mean(topic_coherence(topics, dtm, vocab, "c_npmi")))


#: Columns of ``read_cables`` that a corpus keeps or counts.
FRAME_COLUMNS = ("reference_id", "created", "origin", "classification", "tags", "subject", "body")


def synthetic_frame(n_cables: int, seed: int = 0) -> tuple[pd.DataFrame, synth.Truth]:
    """The columns of ``read_cables`` a corpus needs, for a synthetic archive built in memory."""
    archive = synth.generate(n_cables, seed=seed)
    records = (
        {name: getattr(cable, name) for name in FRAME_COLUMNS} for cable in archive.iter_cables()
    )
    frame = pd.DataFrame.from_records(records, columns=FRAME_COLUMNS).set_index("reference_id")
    frame["created"] = pd.to_datetime(frame["created"], utc=True)
    frame["tags"] = frame["tags"].map(list)
    return frame, archive.truth


def recovery(n_cables: int, k: int) -> str:
    cables, truth = synthetic_frame(n_cables)
    corpus = Corpus.from_cables(cables, progress=False)
    scores, seconds = {}, {}
    for backend in ("gensim", "sklearn"):
        model, seconds[backend] = timed(
            lambda backend=backend: TopicModel(n_topics=k, backend=backend).fit(
                corpus, progress=False
            )
        )
        scores[backend] = score_recovery(model, truth)
    lines = [
        f"### Recovery on a synthetic archive of {n_cables:,} cables, K={k}",
        "",
        f"`Corpus.from_cables(df)` and `TopicModel(n_topics={k})` with their defaults: the "
        f"corpus has {corpus.dtm.shape[1]:,} terms, of which the model fits the "
        f"{len(model.columns_):,} found in at most half the cables (`max_df=0.5`); fit "
        + ", ".join(f"{backend} {s:.0f} s" for backend, s in seconds.items())
        + ".",
        "",
    ]
    return "\n".join(lines + recovery_lines(scores))


def recovery_lines(scores: dict[str, pd.DataFrame]) -> list[str]:
    """Markdown summary and per-theme table of :func:`score_recovery` results by backend."""
    lines = [
        "Recovery of the 12 planted themes. Cosine: Hungarian matching of planted themes and "
        "fitted topics on the cosine of word distributions. Correlation: estimated vs planted "
        "monthly share over the months with at least 30 cables. Themes with enough cables to "
        "be `scored` are those whose planted share averages at least 3% over those months. "
        "Signal: variance of the planted monthly curve over the sampling variance of a "
        "month's mean share; an exact estimate would correlate at about "
        "sqrt(signal / (signal + 1)).",
        "",
    ]
    for backend, table in scores.items():
        scored = table[table["scored"]]
        lines.append(
            f"- {backend}: mean matched cosine **{table.attrs['mean_cosine']:.3f}**; "
            f"{len(scored)} scored themes, correlation min {scored['correlation'].min():.2f}, "
            f"mean {scored['correlation'].mean():.2f} ({table.attrs['n_periods']} months)"
        )
    gensim, sklearn = (scores[backend].set_index("theme") for backend in ("gensim", "sklearn"))
    lines += [
        "",
        "| theme | planted share | cosine (gensim) | cosine (sklearn) | correlation (gensim) | "
        "correlation (sklearn) | signal | scored |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for theme in gensim.index:
        lines.append(
            f"| {theme} | {gensim.at[theme, 'share']:.3f} "
            f"| {gensim.at[theme, 'cosine']:.3f} | {sklearn.at[theme, 'cosine']:.3f} "
            f"| {gensim.at[theme, 'correlation']:.2f} | {sklearn.at[theme, 'correlation']:.2f} "
            f"| {gensim.at[theme, 'signal']:.1f} "
            f"| {'yes' if gensim.at[theme, 'scored'] else 'no'} |"
        )
    return lines


def large(n_cables: int, k: int, tomotopy_iterations: int) -> str:
    (frame, truth), build_seconds = timed(lambda: synthetic_frame(n_cables))
    corpus, corpus_seconds = timed(lambda: Corpus.from_cables(frame, progress=False))
    rows, scores = [], {}
    for backend in ("gensim", "sklearn"):
        model, seconds = timed(
            lambda backend=backend: TopicModel(n_topics=k, backend=backend).fit(
                corpus, progress=False
            )
        )
        rows.append(
            (
                f"cablestats TopicModel({backend}), defaults ({model.settings_.passes} passes)",
                seconds,
            )
        )
        scores[backend] = score_recovery(model, truth)
    # The peers fit the same terms as TopicModel: those within its default max_df.
    dtm = corpus.dtm[:, model.columns_]
    vocab = [corpus.vocab[i] for i in model.columns_]
    _, seconds = timed(lambda: plain_gensim(dtm, vocab, k, 0))
    rows.append(("gensim LdaModel, defaults (1 pass, perplexity every 10 chunks)", seconds))
    if tomotopy is not None:
        _, seconds = timed(lambda: tomotopy_lda(dtm, vocab, k, 0, iterations=tomotopy_iterations))
        rows.append(
            (f"tomotopy LDAModel, {tomotopy_iterations} Gibbs iterations, 1 worker", seconds)
        )
    lines = [
        f"### Fit times and recovery on a synthetic archive of {n_cables:,} cables, K={k}",
        "",
        f"Built in memory in {build_seconds:.0f} s; default Corpus in "
        f"{corpus_seconds:.0f} s: {corpus.dtm.shape[1]:,} terms, {int(corpus.dtm.sum()):,} "
        f"tokens, of which every model fits the {dtm.shape[1]:,} terms found in at most half "
        f"the cables ({int(dtm.sum()):,} tokens; TopicModel's default `max_df=0.5`). Fit times "
        "include inferring the topic shares of every cable; tomotopy's include adding the "
        "documents.",
        "",
        "| model | fit seconds |",
        "| --- | ---: |",
    ]
    lines += [f"| {name} | {seconds:.0f} |" for name, seconds in rows]
    lines += ["", *recovery_lines(scores)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--real", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--recovery", type=int, default=20_000, help="cables; 0 to skip")
    parser.add_argument("--large", type=int, default=250_000, help="cables; 0 to skip")
    parser.add_argument("--tomotopy-iterations", type=int, default=20)
    args = parser.parse_args()
    # Each part owns its block of RESULTS.md, so parts can be re-run one at a time.
    if args.real and SHARED.is_dir():
        peer = "" if tomotopy is not None else "\n\ntomotopy is not installed: no peer rows."
        write_section(
            "topics",
            f"## Topic models\n\nMachine: {machine()}.\n\n{real_cables(args.k, args.seeds)}{peer}",
        )
    if args.recovery:
        write_section("topics-recovery", recovery(args.recovery, args.k))
    if args.large:
        write_section("topics-large", large(args.large, args.k, args.tomotopy_iterations))


if __name__ == "__main__":
    main()
