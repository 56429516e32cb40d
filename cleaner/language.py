"""The language of the clean text, by py3langid (the identifier trafilatura uses; 97 languages,
numpy only, no network): an ISO 639-1 code such as "de", "ja", "ko", or "" for no text.

py3langid keeps its model LZMA-compressed; unpacking it costs ~0.5 s of CPU in every new
process, more than cleaning a page. So the unpacked arrays are kept once in a cache folder
(``FORUM_CLEANER_CACHE``, else ``$XDG_CACHE_HOME/forum-cleaner``, else ``~/.cache/forum-cleaner``)
and memory-mapped from then on (~30 ms, shared by batch workers). Set
``FORUM_CLEANER_CACHE=off`` to never write there; a cache that cannot be written or read is
skipped (the model is then unpacked as py3langid does it)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from .textutil import cjk_share

# Enough text to be sure of the language; the identifier walks every byte in Python, so its
# cost is linear in this cap (0.46 ms a call at 1,000 characters, 0.27 ms at 600). On the 512
# distinct texts of the 752 snapshot results (sample, test and shared pages), 400, 600, 700
# and 800 characters all give the label 5,000 give (500 does not on two Spanish texts: 600
# keeps a margin above that).
MAX_LANGUAGE_CHARS = 600
# Text at least this share Han characters, with no kana and no hangul, is Chinese without asking
# the identifier: py3langid said "zh" on all 650 such texts of the sample, shared forum and
# article pages, and it costs ~13% of cleaning a page (measured with cProfile on samples/pages).
HAN_ONLY_MIN_SHARE = 0.3
_KANA_OR_HANGUL = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
CACHE_ENV = "FORUM_CLEANER_CACHE"
# The arrays of py3langid's model as its LanguageIdentifier takes them.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "out_feat")
# Labels of py3langid read as another code. "wuu" (Wu Chinese) wins over "zh" by a hair on
# standard Chinese news and hashtag lines (6 of 730 sample results, none of them Wu); written
# Wu is rare, so it reads as Chinese. "zxx" is py3langid's "no linguistic content".
LANGUAGE_ALIASES: dict[str, str] = {"wuu": "zh", "zxx": ""}


def detect_language(text: str, *, max_chars: int = MAX_LANGUAGE_CHARS) -> str:
    """ISO 639-1 code of the text's language; "" when it has no letters to judge by."""
    sample = text[:max_chars]
    if not any(c.isalpha() for c in sample):
        return ""
    if cjk_share(sample) >= HAN_ONLY_MIN_SHARE and not _KANA_OR_HANGUL.search(sample):
        return "zh"
    label = str(_identifier().classify(sample)[0])
    return LANGUAGE_ALIASES.get(label, label)


def cache_dir() -> Path | None:
    """Where the unpacked model is kept, or None when caching is off."""
    configured = os.environ.get(CACHE_ENV, "")
    if configured.lower() in ("off", "0", "none"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "forum-cleaner"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import __version__
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model_file = Path(MODEL_DIR) / MODEL_FILE
    root = cache_dir()
    folder = root / f"py3langid-{__version__}-{model_file.stat().st_size}" if root else None
    arrays = _read_cache(folder) if folder else None
    if arrays is None:
        arrays = _unpack(model_file)
        if folder:
            _write_cache(folder, arrays)
    ptc, pc, classes, nextmove, row, out_feat = (arrays[name] for name in _ARRAYS)
    return LanguageIdentifier(ptc, pc, [str(c) for c in classes], _int_view(nextmove), out_feat.tolist(),
                              tk_row=_int_view(row))


def _unpack(model_file: Path) -> dict[str, Any]:
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out_feat = load_model(model_file)
    return {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "classes": np.asarray(classes),
            "nextmove": np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
            "row": np.frombuffer(row, dtype=np.dtype(row.typecode)),
            "out_feat": np.asarray(out_feat, dtype=np.int32)}


def _int_view(values: Any) -> memoryview:
    """py3langid walks its automaton by indexing a sequence of ints from Python: a memoryview
    of the (memory-mapped) array indexes as fast as the stdlib array it builds, without
    copying the 39 MB table (only the pages a text walks through are read)."""
    import numpy as np

    return memoryview(np.ascontiguousarray(values))


def _read_cache(folder: Path) -> dict[str, Any] | None:
    import numpy as np

    try:
        return {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    except (OSError, ValueError):
        return None


def _write_cache(folder: Path, arrays: dict[str, Any]) -> None:
    """Written beside, then renamed into place: a reader never sees half a cache."""
    import numpy as np

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
    except OSError:
        return
    try:
        for name in _ARRAYS:
            np.save(staging / f"{name}.npy", np.ascontiguousarray(arrays[name]), allow_pickle=False)
        os.rename(staging, folder)
    except OSError:  # no space, read-only, or another process renamed its copy first
        shutil.rmtree(staging, ignore_errors=True)
