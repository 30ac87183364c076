"""The corpus store: one folder holding a corpus, written atomically, checked when read.

Layout of the folder:

``corpus.json``
    The manifest: ``format`` (``cablestats-corpus``), ``format_version``,
    the shape, the SHA-256 of every other file, the dtypes of the metadata
    columns and index, and the fitted vectorizer (its parameters and learned
    phrases), so that loaded corpora count new texts the same way.
``meta.parquet``
    The metadata, with ``reference_id`` as its first column.
``dtm.npz``
    The document-term matrix (``scipy.sparse.save_npz``, compressed).
``vocab.json``
    The terms, in column order.

:func:`write_store` writes everything into a hidden temporary folder beside
the target and renames it into place, so a store is complete or absent, never
half written.  :func:`read_store` raises :class:`~cablestats.StoreError`
naming the file at fault when a file is missing, damaged (its checksum does
not match the manifest) or unreadable, when the parts disagree in shape, or
when the store was written by a newer format version.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import scipy.sparse as sp

from cablestats.corpus.phrases import phrase_table
from cablestats.corpus.vectorizer import CableVectorizer, fitted_vectorizer
from cablestats.errors import StoreError

__all__ = ["FORMAT", "FORMAT_VERSION", "MANIFEST", "StoredCorpus", "read_store", "write_store"]

#: Name of the store format, in the manifest.
FORMAT = "cablestats-corpus"
#: Version of the layout; readers refuse stores with a higher one.
FORMAT_VERSION = 1
#: The manifest file.
MANIFEST = "corpus.json"
_META, _DTM, _VOCAB = "meta.parquet", "dtm.npz", "vocab.json"
_INDEX = "reference_id"
_WORD_LISTS = ("stopwords", "extra_stopwords")  # stored as sorted lists, read back as tuples

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class StoredCorpus:
    """The parts of a corpus as read from a store."""

    meta: pd.DataFrame
    dtm: sp.csr_matrix
    vocab: list[str]
    vectorizer: CableVectorizer | None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


def _vectorizer_state(vectorizer: CableVectorizer | None) -> dict[str, Any] | None:
    """The vectorizer's parameters and learned phrases, as JSON values (word lists sorted)."""
    if vectorizer is None or not hasattr(vectorizer, "phrases_"):
        return None
    params = vectorizer.get_params()
    for name in _WORD_LISTS:
        if params[name] is not None:
            params[name] = sorted(params[name])
    phrases = vectorizer.phrases_
    return {
        "params": params,
        "phrases": {column: phrases[column].tolist() for column in phrases.columns},
    }


def write_store(
    path: str | os.PathLike[str],
    *,
    meta: pd.DataFrame,
    dtm: sp.csr_matrix,
    vocab: pd.Index,
    vectorizer: CableVectorizer | None,
    overwrite: bool = True,
) -> Path:
    """Write a corpus store to the folder ``path``, atomically.

    Parameters
    ----------
    path
        The store folder.  Its parent must exist.
    meta, dtm, vocab, vectorizer
        The parts of the corpus.
    overwrite
        Replace an existing store at ``path``.  A folder that is not a corpus
        store (no manifest) is never replaced, unless it is empty.

    Returns
    -------
    pathlib.Path
        The store folder.
    """
    target = Path(path)
    if target.exists():
        if not overwrite:
            raise FileExistsError(f"{target} exists; pass overwrite=True to replace it")
        if not (target / MANIFEST).is_file() and not (target.is_dir() and _is_empty(target)):
            raise StoreError(f"{target} exists and is not a corpus store; it was left untouched")
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    temp.mkdir()  # unlike tempfile, leaves the permissions to the umask
    try:
        table = pa.Table.from_pandas(meta.rename_axis(_INDEX).reset_index(), preserve_index=False)
        pq.write_table(table, temp / _META)
        sp.save_npz(temp / _DTM, sp.csr_matrix(dtm), compressed=True)
        _write_json(temp / _VOCAB, [str(term) for term in vocab])
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "n_cables": int(dtm.shape[0]),
            "n_terms": int(dtm.shape[1]),
            "checksums": {name: _sha256(temp / name) for name in (_META, _DTM, _VOCAB)},
            "dtypes": {str(column): str(dtype) for column, dtype in meta.dtypes.items()},
            "index_dtype": str(meta.index.dtype),
            "vectorizer": _vectorizer_state(vectorizer),
        }
        _write_json(temp / MANIFEST, manifest)
        _sync(temp)
        _replace_folder(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return target


def _sync(folder: Path) -> None:
    """Flush the files of ``folder`` and the folder itself to disk, before it is renamed."""
    for path in (*folder.iterdir(), folder):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _is_empty(folder: Path) -> bool:
    return next(folder.iterdir(), None) is None


def _replace_folder(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, moving an existing ``target`` aside first."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
        os.replace(target, old)
    try:
        os.replace(source, target)
    except BaseException:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _reading(path: Path, read: Callable[[Path], T]) -> T:
    """``read(path)``, turning any failure into a StoreError that names the file."""
    if not path.is_file():
        raise StoreError(f"{path}: missing from the corpus store")
    try:
        return read(path)
    except StoreError:
        raise
    except Exception as error:
        raise StoreError(f"{path}: cannot be read ({type(error).__name__}: {error})") from error


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise StoreError(f"{folder}: no corpus store there (not a folder)")
    manifest = _reading(path, lambda p: json.loads(p.read_text(encoding="utf-8")))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(f"{path}: not the manifest of a corpus store (format is not {FORMAT!r})")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise StoreError(f"{path}: format_version must be a positive int, found {version!r}")
    if version > FORMAT_VERSION:
        raise StoreError(
            f"{path}: written in corpus store format {version}, newer than the format "
            f"{FORMAT_VERSION} this cablestats reads; upgrade cablestats to load it"
        )
    return manifest


def _column(table: pa.Table, name: str, dtype: str) -> pd.Series:
    """One stored column as it was: Python objects for ``object`` columns (lists, None)."""
    column = table.column(name)
    if dtype == "object":
        return pd.Series(column.to_pylist(), dtype=object, name=name)
    return column.to_pandas().astype(dtype).rename(name)


def _read_meta(path: Path, manifest: dict[str, Any]) -> pd.DataFrame:
    table = pq.read_table(path)
    dtypes = manifest["dtypes"]
    if table.column_names != [_INDEX, *dtypes]:
        raise StoreError(f"{path}: holds columns {table.column_names}, not those of the manifest")
    meta = pd.DataFrame({name: _column(table, name, dtype) for name, dtype in dtypes.items()})
    meta.index = pd.Index(_column(table, _INDEX, manifest["index_dtype"]), name=_INDEX)
    return meta


def _read_vocab(path: Path) -> list[str]:
    vocab = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(vocab, list) or not all(isinstance(term, str) for term in vocab):
        raise StoreError(f"{path}: must hold a list of terms")
    return vocab


def _read_vectorizer(
    path: Path, state: dict[str, Any] | None, vocab: list[str]
) -> CableVectorizer | None:
    if state is None:
        return None
    try:
        phrases = state["phrases"]
        table = phrase_table(
            phrases["first"], phrases["second"], phrases["count"], phrases["score"]
        )
        params = dict(state["params"])
        for name in _WORD_LISTS:
            if params.get(name) is not None:
                params[name] = tuple(params[name])
        return fitted_vectorizer(params, table, vocab)
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"{path}: the vectorizer it records is not valid ({error})") from error


def read_store(path: str | os.PathLike[str]) -> StoredCorpus:
    """Read and check a corpus store written by :func:`write_store`.

    Raises
    ------
    StoreError
        Naming the file: missing, damaged, unreadable, inconsistent, or of a
        newer format version.
    """
    folder = Path(path)
    manifest = _read_manifest(folder)
    try:
        checksums = dict(manifest["checksums"])
        n_cables, n_terms = int(manifest["n_cables"]), int(manifest["n_terms"])
        dict(manifest["dtypes"])
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"{folder / MANIFEST}: lacks a field ({error})") from error
    for name in (_META, _DTM, _VOCAB):
        found = _reading(folder / name, _sha256)
        if found != checksums.get(name):
            raise StoreError(
                f"{folder / name}: damaged, its checksum does not match the one in {MANIFEST}"
            )
    meta = _reading(folder / _META, lambda p: _read_meta(p, manifest))
    dtm = _reading(folder / _DTM, lambda p: sp.csr_matrix(sp.load_npz(p)))
    vocab = _reading(folder / _VOCAB, _read_vocab)
    found = {
        _META: f"{len(meta)} cables",
        _DTM: f"{dtm.shape[0]} cables × {dtm.shape[1]} terms",
        _VOCAB: f"{len(vocab)} terms",
    }
    expected = {
        _META: f"{n_cables} cables",
        _DTM: f"{n_cables} cables × {n_terms} terms",
        _VOCAB: f"{n_terms} terms",
    }
    for name in found:
        if found[name] != expected[name]:
            raise StoreError(
                f"{folder / name}: holds {found[name]}, the manifest says {expected[name]}"
            )
    if not np.issubdtype(dtm.dtype, np.integer):
        raise StoreError(f"{folder / _DTM}: holds {dtm.dtype} values, not integer counts")
    vectorizer = _read_vectorizer(folder / MANIFEST, manifest.get("vectorizer"), vocab)
    return StoredCorpus(meta=meta, dtm=dtm, vocab=vocab, vectorizer=vectorizer)
