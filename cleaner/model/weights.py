"""The spam model's inference weights: what cleaning needs, in a numpy ``.npz`` beside the
``.skops`` estimator, loaded without scikit-learn, scipy or skops.

The ``.skops`` file stays the full estimator (training, inspection); ``estimator.save``
writes both from one fitted model, so a retrain regenerates both. The weights are the
scaler folded into the logistic regression: hashed n-gram weights (float32), dense weights
(float64), intercept. Scores equal the estimator's exactly (same arrays, same arithmetic).

Every file is checked when it loads, not on every page: format and its version, the
feature version, the width of each weight vector, finite values, a threshold in [0, 1],
and that the ``.npz`` was written from the ``.skops`` beside it. Each failure is one
``ModelLoadError`` saying what to do.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from ..errors import ModelLoadError
from .features import FEATURE_VERSION, N_DENSE_FEATURES, N_HASH_FEATURES, feature_parts

WEIGHTS_FORMAT = "forum-cleaner-spam-weights"
WEIGHTS_FORMAT_VERSION = 1
WEIGHTS_SUFFIX = ".npz"
# The arrays every weights file holds; ``meta`` is one JSON string (no pickle anywhere).
WEIGHT_ARRAYS = ("ngram_weights", "dense_weights", "intercept", "meta")
ZIP_MAGIC = b"PK\x03\x04"


def weights_path(model_path: str | Path) -> Path:
    """Where the inference weights of a model file live: MODEL.npz beside MODEL.skops."""
    path = Path(model_path)
    return path.with_name(path.stem + WEIGHTS_SUFFIX)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z) without overflow warnings (scipy's ``expit`` without scipy)."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


def linear_scores(lines: Sequence[str], ngram_weights: np.ndarray, dense_weights: np.ndarray,
                  intercept: float) -> np.ndarray:
    """The log-odds of spam per line: the one scoring function of the estimator and the weights."""
    n, (rows, cols, values), dense = feature_parts(list(lines))
    if not n:
        return np.zeros(0)
    ngram = np.bincount(rows, weights=ngram_weights[cols] * values, minlength=n)
    return ngram + dense @ dense_weights + intercept


class LinearScoring:
    """Scores from ``decision_function`` (log-odds) and ``threshold_``: shared by the weights
    cleaning loads and the scikit-learn estimator they come from, so both score alike."""

    def predict_proba(self, lines: Sequence[str]) -> np.ndarray:
        """(n, 2) array: P(genuine), P(spam)."""
        spam = sigmoid(self.decision_function(lines))
        return np.column_stack([1.0 - spam, spam])

    def score_lines(self, lines: Iterable[str]) -> np.ndarray:
        """P(spam) per line (1-d float array)."""
        return self.predict_proba(list(lines))[:, 1]

    def predict(self, lines: Sequence[str]) -> np.ndarray:
        """1 for spam (score >= threshold_), 0 for genuine."""
        return (self.score_lines(lines) >= self.threshold_).astype(int)


class SpamWeights(LinearScoring):
    """The spam model as cleaning uses it: ``score_lines`` and ``threshold_``, numpy only.

    Same scoring methods as ``SpamModel``; built by ``load_weights`` (checked) or
    ``SpamModel.weights()``."""

    classes_ = np.array([0, 1])

    def __init__(self, ngram_weights: np.ndarray, dense_weights: np.ndarray, intercept: float,
                 threshold: float, *, feature_version: int = FEATURE_VERSION, card: dict | None = None,
                 params: dict | None = None, source: str | None = None):
        self.ngram_weights = ngram_weights
        self.dense_weights = dense_weights
        self.intercept = float(intercept)
        self.threshold_ = float(threshold)
        self.feature_version_ = int(feature_version)
        self.card_ = card or {}
        self.params_ = params or {}
        self.source_ = source
        self.meta_: dict[str, Any] = {}

    def decision_function(self, lines: Sequence[str]) -> np.ndarray:
        """The linear score (log-odds of spam) per line."""
        return linear_scores(lines, self.ngram_weights, self.dense_weights, self.intercept)



def save_weights(weights: SpamWeights, path: str | Path, meta: dict[str, Any]) -> Path:
    """Write the weights as a compressed ``.npz`` (no pickled object in it)."""
    path = Path(path)
    full_meta = {"format": WEIGHTS_FORMAT, "format_version": WEIGHTS_FORMAT_VERSION,
                 "feature_version": weights.feature_version_, "threshold": weights.threshold_,
                 "n_hash_features": int(weights.ngram_weights.shape[0]),
                 "n_dense_features": int(weights.dense_weights.shape[0]),
                 "params": weights.params_, "card": weights.card_, **meta}
    with open(path, "wb") as f:
        np.savez_compressed(
            f, ngram_weights=np.asarray(weights.ngram_weights, dtype=np.float32),
            dense_weights=np.asarray(weights.dense_weights, dtype=np.float64),
            intercept=np.asarray([weights.intercept], dtype=np.float64),
            meta=np.asarray(json.dumps(full_meta, ensure_ascii=False, sort_keys=True)),
        )
    return path


def zip_damage(path: Path, exc: BaseException) -> ModelLoadError:
    """The one message for a model file that is not a readable zip archive (.skops and .npz
    both are): truncated and damaged files say so instead of "File is not a zip file"."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
        size = path.stat().st_size
    except OSError as err:
        return ModelLoadError(f"could not read model file {path}: {err}")
    if head == ZIP_MAGIC:
        return ModelLoadError(
            f"model file {path} is truncated or damaged ({size} bytes; it starts as a zip archive but "
            f"cannot be read: {exc}): copy it again or retrain it with `forum-cleaner train`")
    return ModelLoadError(f"{path} is not a forum-cleaner model file (not a zip archive; {size} bytes)")


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [name for name in WEIGHT_ARRAYS if name not in data.files]
            if missing:
                raise ModelLoadError(f"{path} is not forum-cleaner spam weights (missing {', '.join(missing)})")
            return {name: data[name] for name in WEIGHT_ARRAYS}
    except ModelLoadError:
        raise
    except ValueError as exc:  # an object array (numpy refuses to unpickle it) or a bad array header
        if zipfile.is_zipfile(path):
            raise ModelLoadError(f"{path}: an array cannot be read ({exc}); weights files hold plain numpy arrays "
                                 "only: write them again with `python -m cleaner.model.estimator MODEL.skops`") from exc
        raise zip_damage(path, exc) from exc
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        raise zip_damage(path, exc) from exc


def check_weights(path: Path, arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    """The checks a weights file passes before it scores a page; returns its metadata."""
    try:
        meta = json.loads(str(arrays["meta"]))
    except ValueError as exc:
        raise ModelLoadError(f"{path}: its metadata is not JSON ({exc})") from exc
    check_format(path, meta, WEIGHTS_FORMAT, WEIGHTS_FORMAT_VERSION, "forum-cleaner spam weights", "weights")
    check_feature_version(path, meta.get("feature_version"))
    check_width(path, arrays["ngram_weights"].shape, arrays["dense_weights"].shape)
    if arrays["intercept"].shape != (1,):
        raise ModelLoadError(f"{path}: intercept has shape {arrays['intercept'].shape}, expected (1,)")
    for name in ("ngram_weights", "dense_weights", "intercept"):
        if arrays[name].dtype.kind != "f" or not np.isfinite(arrays[name]).all():
            raise ModelLoadError(f"{path}: {name} holds values that are not finite numbers")
    check_threshold(path, meta.get("threshold"))
    return meta


def check_format(path: Path, meta: Any, name: str, version: int, what: str, kind: str) -> None:
    """The file's format and format version, as the ``.npz`` and the ``.skops`` both record them."""
    if not isinstance(meta, dict) or meta.get("format") != name:
        raise ModelLoadError(f"{path} is not {what}")
    if meta.get("format_version") != version:
        raise ModelLoadError(
            f"{path} has {kind} format version {meta.get('format_version')}, this cleaner reads version "
            f"{version}: use the forum-cleaner that wrote it or retrain with `forum-cleaner train`")


def check_feature_version(path: Path, version: Any) -> None:
    if version != FEATURE_VERSION:
        raise ModelLoadError(
            f"{path} was built for feature version {version}, this cleaner computes "
            f"version {FEATURE_VERSION}: retrain it with `forum-cleaner train`")


def check_width(path: Path, ngram_shape: tuple, dense_shape: tuple) -> None:
    """A model of another width would fail on every page: it fails here, once."""
    expected = ((N_HASH_FEATURES,), (N_DENSE_FEATURES,))
    if (tuple(ngram_shape), tuple(dense_shape)) != expected:
        got = sum(s[0] if s else 0 for s in (ngram_shape, dense_shape))
        raise ModelLoadError(
            f"{path} has {got} features ({ngram_shape} n-gram + {dense_shape} dense), this cleaner computes "
            f"{N_HASH_FEATURES + N_DENSE_FEATURES} ({N_HASH_FEATURES} + {N_DENSE_FEATURES}): "
            "retrain it with `forum-cleaner train`")


def check_threshold(path: Path, threshold: Any) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise ModelLoadError(f"{path}: threshold {threshold!r} is not a number between 0 and 1")


def load_weights(path: str | Path, *, source: str | Path | None = None) -> SpamWeights:
    """Load and check a weights file; ``source`` names the model in the audit (default: the file)."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    arrays = _read_npz(path)
    meta = check_weights(path, arrays)
    weights = SpamWeights(arrays["ngram_weights"], arrays["dense_weights"], float(arrays["intercept"][0]),
                          meta["threshold"], feature_version=meta["feature_version"], card=meta.get("card") or {},
                          params=meta.get("params") or {}, source=str(source or path))
    weights.meta_ = meta
    return weights


DEFAULT_MODEL_NAME = "spam_model.skops"


def default_model_path() -> Path:
    """The shipped model: in a checkout, the checkout's own models/ folder (an editable install
    of another checkout must not hand this code that checkout's model); else inside the
    installed package (cleaner.models)."""
    checkout = Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL_NAME
    if checkout.is_file() and (checkout.parent / "__init__.py").is_file():
        return checkout
    try:
        from importlib import resources

        candidate = Path(str(resources.files("cleaner.models").joinpath(DEFAULT_MODEL_NAME)))
        if candidate.is_file():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL_NAME


def file_sha256(path: str | Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
