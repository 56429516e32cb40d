"""What ``Cleaner`` loads: a model file's inference weights, numpy only when they exist.

``MODEL.npz`` (given, or beside the given ``MODEL.skops``) is loaded by
``cleaner.model.weights`` and checked to belong to that ``.skops``; a model without weights
beside it (an older ``.skops``, a ``.joblib``) is read through scikit-learn
(``cleaner.model.estimator``, the ``[train]`` extra) and its weights taken from it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ModelLoadError
from .weights import WEIGHTS_SUFFIX, SpamWeights, default_model_path, file_sha256, load_weights, weights_path


def load_for_cleaning(path: str | Path, trust: bool = False) -> SpamWeights:
    """What ``Cleaner`` loads: the ``.npz`` weights (given, or beside the given ``.skops``),
    checked to belong to that ``.skops``. A model without weights beside it (an older
    ``.skops``, a ``.joblib``) loads through scikit-learn (the ``[train]`` extra)."""
    path = Path(path)
    if path.suffix == WEIGHTS_SUFFIX:
        return load_weights(path)
    sibling = weights_path(path)
    if path.suffix == ".skops" and sibling.is_file() and path.is_file():
        weights = load_weights(sibling, source=path)
        if weights.meta_.get("model_sha256") != file_sha256(path):
            raise ModelLoadError(
                f"{sibling} was not written from {path.name} (the .skops file changed since): write both again "
                f"with `python -m cleaner.model.estimator {path}` or retrain with `forum-cleaner train`")
        return weights
    try:
        from . import estimator
    except ImportError as exc:  # scikit-learn, scipy or skops missing
        raise ModelLoadError(
            f"{path} has no inference weights beside it ({sibling.name}) and scikit-learn is not installed to "
            "read it: install forum-cleaner[train], or write the weights where scikit-learn is installed with "
            f"`python -m cleaner.model.estimator {path}`") from exc
    return estimator.load(path, trust=trust).weights()


@lru_cache(maxsize=1)
def load_default_weights() -> SpamWeights:
    """The shipped model's weights, loaded once per process (no scikit-learn)."""
    return load_for_cleaning(default_model_path(), trust=True)
