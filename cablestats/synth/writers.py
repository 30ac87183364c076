"""Drafts → files in the real formats: raw text files, WikiLeaks pages, ``cables.csv``.

Text and HTML archives hold one file per cable under ``YYYY/MM/`` as the
WikiLeaks layout does; an empty extract becomes what its format keeps of it:
a five-line text dump, a page with empty text blocks, a CSV row without
header and body.  Pages and CSV rows are written by :mod:`cablestats.io`, so
synthetic archives meet the same writers as every other test.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from cablestats.io.cablescsv import CsvRow, write_cables_csv
from cablestats.io.html import render_cable_page
from cablestats.synth.draft import Draft
from cablestats.synth.render import render_body, render_header

__all__ = ["text_file", "write_csv", "write_files"]

# Threads that create cable files while the main thread renders, and how many
# cables are rendered before their files are handed over.
_WRITER_THREADS, _CHUNK = 4, 1000

_DUMP_DATE = "%a %b %d 00:00:00 +0000 %Y"


def _write_all(files: list[tuple[Path, str]]) -> None:
    """Write (path, text) pairs, in a writer thread."""
    for path, text in files:
        path.write_text(text, encoding="utf-8")


def write_files(drafts: Iterable[Draft], out: Path, format: str) -> None:
    """One file per cable under ``out/YYYY/MM``; rendering here, file creation in threads.

    Creating a quarter of a million files waits mostly on the file system,
    which threads do in parallel while this thread renders the next batch;
    at most two chunks are pending, so memory stays bounded.
    """
    render, suffix = (_page, "html") if format == "html" else (text_file, "txt")
    folders: set[Path] = set()
    pending: collections.deque[list[Future[None]]] = collections.deque()
    iterator = iter(drafts)
    with ThreadPoolExecutor(_WRITER_THREADS) as pool:
        while chunk := list(itertools.islice(iterator, _CHUNK)):
            files = []
            for draft in chunk:
                folder = out / f"{draft.created:%Y}" / f"{draft.created:%m}"
                if folder not in folders:
                    folder.mkdir(parents=True, exist_ok=True)
                    folders.add(folder)
                files.append((folder / f"{draft.reference_id}.{suffix}", render(draft)))
            threads = _WRITER_THREADS
            pending.append([pool.submit(_write_all, files[i::threads]) for i in range(threads)])
            if len(pending) > 2:
                for future in pending.popleft():
                    future.result()
        for futures in pending:
            for future in futures:
                future.result()


def text_file(draft: Draft) -> str:
    """Raw cable text, or a five-line text dump for an empty extract."""
    if draft.empty:
        return "\n".join(
            [
                draft.reference_id,
                "",
                draft.created.strftime(_DUMP_DATE),
                draft.label,
                draft.post.origin,
                "",
            ]
        )
    return f"{render_header(draft)}\n\n{render_body(draft)}\n"


def _page(draft: Draft) -> str:
    return render_cable_page(
        reference_id=draft.reference_id,
        created=draft.created,
        released=None,
        classification=draft.label,
        origin=draft.post.origin,
        header="" if draft.empty else render_header(draft),
        body="" if draft.empty else render_body(draft),
    )


def _csv_row(index: int, draft: Draft) -> CsvRow:
    return CsvRow(
        row_id=index,
        created=draft.created,
        reference_id=draft.reference_id,
        origin=draft.post.origin,
        classification=draft.label,
        references=() if draft.empty else draft.references,
        header="" if draft.empty else render_header(draft),
        body="" if draft.empty else render_body(draft),
    )


def write_csv(drafts: Iterable[Draft], path: Path) -> Path:
    """All drafts as rows of one ``cables.csv``, streamed."""
    return write_cables_csv((_csv_row(index, draft) for index, draft in enumerate(drafts, 1)), path)
