"""One policy for progress bars, shared by every stage.

Long work shows a tqdm bar on stderr; ``progress=None`` shows it only where a
person is watching, so that scripts, scheduled runs and CI stay quiet.
:data:`tqdm` is the bar class every stage uses: tqdm.auto's (a widget in
notebooks) when ipywidgets is installed, else the text bar, which also renders
in notebooks, where tqdm.auto would warn at import about the missing widgets.
"""

from __future__ import annotations

import importlib.util
import sys

if importlib.util.find_spec("ipywidgets") is not None:
    from tqdm.auto import tqdm
else:
    from tqdm.std import tqdm

__all__ = ["show_progress", "tqdm"]


def show_progress(progress: bool | None) -> bool:
    """``None``: show progress in a terminal or a notebook, stay silent in scripts and CI."""
    if progress is not None:
        return bool(progress)
    if sys.stderr is not None and sys.stderr.isatty():
        return True
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"
