"""One policy for progress bars, shared by every stage.

Long work shows a tqdm.auto bar on stderr (it renders in terminals and in
notebooks); ``progress=None`` shows it only where a person is watching, so that
scripts, scheduled runs and CI stay quiet.
"""

from __future__ import annotations

import sys

__all__ = ["show_progress"]


def show_progress(progress: bool | None) -> bool:
    """``None``: show progress in a terminal or a notebook, stay silent in scripts and CI."""
    if progress is not None:
        return bool(progress)
    if sys.stderr is not None and sys.stderr.isatty():
        return True
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"
