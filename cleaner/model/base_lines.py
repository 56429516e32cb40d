"""The labelled lines the shipped model was trained on, for ``forum-cleaner train --base default``:
a user's own labels are added to them rather than replacing them.

They ship inside the package (``cleaner/models/lines/``, from the repository's ``samples/lines``
through setup.py's package_dir), so an installed wheel can retrain; a checkout that is not
installed reads ``samples/lines`` directly.
"""

from __future__ import annotations

from pathlib import Path

BASE_NAMES = ("default", "none")
LINES_GLOB = "*.jsonl"


def base_line_files(base: str | None) -> list[Path]:
    """The shipped line files for ``--base default``; none for ``none``/None; else ValueError."""
    if base is None or base == "none":
        return []
    if base != "default":
        raise ValueError(f"unknown --base {base!r}: use 'default' (the shipped lines) or 'none'")
    for folder in _candidates():
        files = sorted(folder.glob(LINES_GLOB))
        if files:
            return files
    raise ValueError("the shipped training lines are not installed (cleaner/models/lines or samples/lines)")


def _candidates() -> list[Path]:
    folders = []
    try:
        from importlib import resources

        folders.append(Path(str(resources.files("cleaner.models"))) / "lines")
    except (ModuleNotFoundError, TypeError):
        pass
    folders.append(Path(__file__).resolve().parents[2] / "samples" / "lines")
    return folders
