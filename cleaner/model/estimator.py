"""The spam line model: fit, predict, save and load, with a model card beside the file.

``SpamModel`` follows the scikit-learn estimator API (``__init__`` only stores
parameters, ``fit`` returns self, learned attributes end in ``_``). Features come from
``cleaner.model.features.featurize`` outside the persisted Pipeline, so the Pipeline holds
only scikit-learn built-ins and the default ``.skops`` file loads without running code.
``.joblib`` files (pickle) run code when loaded: they load only with ``trust=True``.

``save`` also writes the inference weights (``MODEL.npz``, ``cleaner.model.weights``) that
cleaning loads without scikit-learn; ``python -m cleaner.model.estimator MODEL.skops``
writes them again from an existing ``.skops``. This module is the training and inspection
side: it needs the ``[train]`` extra (scikit-learn, scipy, skops, joblib).

Typical use::

    model = load_default()                  # the shipped model, loaded once
    scores = model.score_lines(lines)       # P(spam) per line
    flags = scores >= model.threshold_
"""

from __future__ import annotations

import json
import warnings
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler
from sklearn.utils.validation import check_is_fitted

from ..errors import ModelLoadError
from .features import FEATURE_VERSION, N_HASH_FEATURES, featurize
from .weights import (DEFAULT_MODEL_NAME, LinearScoring, SpamWeights, check_feature_version, check_format,
                      check_threshold, check_width, default_model_path, file_sha256, linear_scores, save_weights,
                      sigmoid, weights_path, zip_damage)

__all__ = ["SpamModel", "ModelVersionWarning", "save", "load", "load_model", "load_default", "card_path",
           "default_model_path", "file_sha256", "weights_path", "write_weights", "DEFAULT_MODEL_NAME"]

MODEL_FORMAT = "forum-cleaner-spam-model"
MODEL_FORMAT_VERSION = 1
DEFAULT_C = 8.0
DEFAULT_THRESHOLD = 0.5
DEFAULT_TOL = 1e-3
SAFE_SUFFIXES = (".skops",)
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")


class ModelVersionWarning(UserWarning):
    """The model file was written by another scikit-learn version."""


class SpamModel(LinearScoring, ClassifierMixin, BaseEstimator):
    """P(spam) for text lines: hashed character n-grams + contact features -> logistic regression.

    ``threshold`` is the score at or above which ``predict`` says spam; ``forum-cleaner
    train`` chooses it from cross-validated scores for a target precision.
    """

    def __init__(self, C: float = DEFAULT_C, threshold: float = DEFAULT_THRESHOLD,
                 class_weight: str | None = "balanced", max_iter: int = 1000, tol: float = DEFAULT_TOL,
                 random_state: int = 0):
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _make_pipeline(self) -> Pipeline:
        return Pipeline([
            ("scale", MaxAbsScaler()),
            # dual liblinear: ~3x faster than the primal with far more features than lines;
            # it shuffles, so random_state is fixed for same data -> same model.
            ("clf", LogisticRegression(C=self.C, solver="liblinear", dual=True, class_weight=self.class_weight,
                                      max_iter=self.max_iter, tol=self.tol, random_state=self.random_state)),
        ])

    def fit(self, lines: Sequence[str], y: Sequence[int]) -> "SpamModel":
        """Fit on lines and 0/1 labels (1 = spam)."""
        return self.fit_features(featurize(list(lines)), y)

    def fit_features(self, X, y: Sequence[int]) -> "SpamModel":
        """Fit on rows of ``featurize`` output: cross-validation featurizes once, not per fold."""
        labels = np.asarray(y).astype(int)
        if set(np.unique(labels)) != {0, 1}:
            raise ValueError("y must hold both labels 0 (genuine) and 1 (spam)")
        X = X.copy()
        X.sum_duplicates()
        self.pipeline_ = self._make_pipeline().fit(X, labels)
        self.classes_ = np.array([0, 1])
        self.threshold_ = float(self.threshold)
        self.feature_version_ = FEATURE_VERSION
        return self

    def score_features(self, X) -> np.ndarray:
        """P(spam) for rows of ``featurize`` output."""
        check_is_fitted(self, "pipeline_")
        ngram_weights, dense_weights, intercept = self._folded_weights()
        weights = np.concatenate([ngram_weights.astype(np.float64), dense_weights])
        return sigmoid(X @ weights + intercept)

    def _folded_weights(self) -> tuple[np.ndarray, np.ndarray, float]:
        """The scaler folded into the logistic regression's weights, split into the hashed
        n-gram part and the dense part: the same scores as ``pipeline_.predict_proba``
        without building a sparse matrix or sklearn's per-call validation, which cost more
        than the arithmetic on a page's worth of lines."""
        cached = getattr(self, "_folded", None)
        if cached is None or cached[0] is not self.pipeline_:
            scale = self.pipeline_.named_steps["scale"].scale_
            clf = self.pipeline_.named_steps["clf"]
            weights = clf.coef_.ravel() / scale
            cached = (self.pipeline_, weights[:N_HASH_FEATURES].astype(np.float32),
                      weights[N_HASH_FEATURES:].astype(np.float64), float(clf.intercept_[0]))
            self._folded = cached
        return cached[1], cached[2], cached[3]

    def decision_function(self, lines: Sequence[str]) -> np.ndarray:
        """The linear score (log-odds of spam) per line."""
        check_is_fitted(self, "pipeline_")
        return linear_scores(lines, *self._folded_weights())

    def weights(self) -> SpamWeights:
        """The inference weights (what cleaning loads from MODEL.npz): the same scores."""
        check_is_fitted(self, "pipeline_")
        ngram, dense, intercept = self._folded_weights()
        return SpamWeights(ngram, dense, intercept, self.threshold_, feature_version=self.feature_version_,
                           card=getattr(self, "card_", {}), params=_plain_params(self),
                           source=getattr(self, "source_", None))



def card_path(model_path: str | Path) -> Path:
    """Where the JSON card of a model file lives: MODEL.card.json beside it."""
    path = Path(model_path)
    return path.with_name(path.stem + ".card.json")


def _plain_params(model: SpamModel) -> dict[str, Any]:
    return {k: (float(v) if isinstance(v, float) else v) for k, v in model.get_params().items()}


def _payload(model: SpamModel, card: dict[str, Any] | None) -> dict[str, Any]:
    check_is_fitted(model, "pipeline_")
    return {
        "format": MODEL_FORMAT,
        "format_version": MODEL_FORMAT_VERSION,
        "feature_version": int(model.feature_version_),
        "sklearn_version": sklearn.__version__,
        "threshold": float(model.threshold_),
        "params": _plain_params(model),
        "pipeline": model.pipeline_,
        "card": json.dumps(card or {}, ensure_ascii=False, sort_keys=True),
    }


def save(model: SpamModel, path: str | Path, card: dict[str, Any] | None = None) -> Path:
    """Write the model (.skops by default, .joblib on request), its inference weights
    (MODEL.npz) and its card beside it. The card gains both files' sha256; returns the model path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = _payload(model, card)
    if path.suffix in PICKLE_SUFFIXES:
        import joblib

        joblib.dump(payload, path, compress=3)
    else:
        import skops.io

        skops.io.dump(payload, path, compression=8)  # zipfile.ZIP_DEFLATED
    model.card_ = dict(card or {})
    full_card = dict(card or {})
    full_card.update({
        "model_file": path.name, "model_sha256": file_sha256(path), "threshold": float(model.threshold_),
        "sklearn_version": sklearn.__version__, "feature_version": FEATURE_VERSION,
        "model_bytes": path.stat().st_size,
    })
    _write_card(path, full_card)
    write_weights(model, path)
    return path


def write_weights(model: SpamModel, path: str | Path) -> Path:
    """Write MODEL.npz (inference weights) for the model file ``path`` and record it in the
    card; the weights name the model file's sha256, so a stale .npz refuses to load."""
    path = Path(path)
    target = save_weights(model.weights(), weights_path(path), {
        "model_file": path.name, "model_sha256": file_sha256(path), "sklearn_version": sklearn.__version__})
    card = _read_card(path)
    card.update({"weights_file": target.name, "weights_sha256": file_sha256(target),
                 "weights_bytes": target.stat().st_size})
    _write_card(path, card)
    return target


def _read_card(path: Path) -> dict[str, Any]:
    try:
        return json.loads(card_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_card(path: Path, card: dict[str, Any]) -> None:
    text = json.dumps(card, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    card_path(path).write_text(text, encoding="utf-8")


def _card_version(path: Path) -> str:
    try:
        return json.loads(card_path(path).read_text(encoding="utf-8")).get("sklearn_version", "unknown")
    except (OSError, ValueError):
        return "unknown"


def _read_payload(path: Path, trust: bool) -> dict[str, Any]:
    if path.suffix in PICKLE_SUFFIXES:
        if not trust:
            raise ModelLoadError(
                f"refusing to load {path}: joblib/pickle files run code when loaded; "
                "pass --trust-model (trust=True) only if you trust where it came from, or use a .skops model"
            )
        import joblib

        return joblib.load(path)
    import skops.io

    try:
        untrusted = skops.io.get_untrusted_types(file=path)
    except zipfile.BadZipFile as exc:
        raise zip_damage(path, exc) from exc
    if untrusted and not trust:
        raise ModelLoadError(
            f"refusing to load {path}: it contains types that are not scikit-learn/numpy built-ins "
            f"({', '.join(untrusted)}); pass --trust-model (trust=True) only if you trust where it came from"
        )
    with warnings.catch_warnings():
        # sklearn warns once per estimator in the file; ``load`` says it once (ModelVersionWarning)
        from sklearn.exceptions import InconsistentVersionWarning

        warnings.simplefilter("ignore", InconsistentVersionWarning)
        return skops.io.load(path, trusted=untrusted or None)


def load(path: str | Path, trust: bool = False) -> SpamModel:
    """Load a model file written by ``save`` (the full estimator: training, inspection).
    Raises ModelLoadError for untrusted pickles, truncated, corrupt or foreign files,
    feature-version or width mismatches and unknown parameters; warns once
    (ModelVersionWarning) when the file was written by another scikit-learn version."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    try:
        payload = _read_payload(path, trust)
    except ModelLoadError:
        raise
    except Exception as exc:  # a corrupt zip member, a truncated pickle, an incompatible sklearn...
        if isinstance(exc, (zipfile.BadZipFile, EOFError)) and path.suffix not in PICKLE_SUFFIXES:
            raise zip_damage(path, exc) from exc
        raise ModelLoadError(
            f"could not load model {path}: {type(exc).__name__}: {exc} (written by scikit-learn "
            f"{_card_version(path)}, this is scikit-learn {sklearn.__version__})"
        ) from exc
    check_format(path, payload, MODEL_FORMAT, MODEL_FORMAT_VERSION, "a forum-cleaner spam model", "model")
    check_feature_version(path, payload.get("feature_version"))
    check_threshold(path, payload.get("threshold"))
    model = SpamModel(**_checked_params(path, payload.get("params")))
    model.pipeline_ = _checked_pipeline(path, payload.get("pipeline"))
    if payload.get("sklearn_version") != sklearn.__version__:
        warnings.warn(
            f"model {path} was written by scikit-learn {payload.get('sklearn_version')}, this is scikit-learn "
            f"{sklearn.__version__}; scores may differ slightly, retrain to be sure",
            ModelVersionWarning, stacklevel=2,
        )
    model.classes_ = np.array([0, 1])
    model.threshold_ = float(payload["threshold"])
    model.feature_version_ = int(payload["feature_version"])
    model.card_ = json.loads(payload.get("card") or "{}")
    model.source_ = str(path)
    return model


def _checked_params(path: Path, params: Any) -> dict[str, Any]:
    """SpamModel's parameters from a file: unknown names are a clear error, not a TypeError."""
    if not isinstance(params, dict):
        raise ModelLoadError(f"{path}: its parameters are not a mapping ({type(params).__name__})")
    unknown = sorted(set(params) - set(SpamModel._get_param_names()))
    if unknown:
        raise ModelLoadError(
            f"{path} has parameters this SpamModel does not know ({', '.join(map(str, unknown))}): it was written "
            "by another forum-cleaner version; use that version or retrain with `forum-cleaner train`")
    return params


def _checked_pipeline(path: Path, pipeline: Any) -> Pipeline:
    """The persisted Pipeline: scaler then logistic regression, as wide as the features."""
    steps = getattr(pipeline, "named_steps", {})
    scale, clf = steps.get("scale"), steps.get("clf")
    if not isinstance(pipeline, Pipeline) or not hasattr(scale, "scale_") or not hasattr(clf, "coef_"):
        raise ModelLoadError(f"{path}: its pipeline is not a fitted MaxAbsScaler -> LogisticRegression")
    width = int(np.asarray(clf.coef_).shape[-1])
    n_hash = min(width, N_HASH_FEATURES)
    check_width(path, (n_hash,), (width - n_hash,))
    if np.asarray(scale.scale_).shape != (width,):
        raise ModelLoadError(f"{path}: its scaler has {np.asarray(scale.scale_).shape} values for {width} features")
    return pipeline


def load_model(path: str | Path | None = None, trust: bool = False) -> SpamModel:
    """The model at ``path``, or the shipped model when path is None. The shipped file is
    trusted by definition (and is .skops anyway)."""
    if path is None:
        return load_default()
    return load(path, trust=trust)


@lru_cache(maxsize=1)
def load_default() -> SpamModel:
    """The shipped model, loaded once per process."""
    return load(default_model_path(), trust=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cleaner.model.estimator MODEL.skops``: write MODEL.npz again from a model file."""
    import sys

    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python -m cleaner.model.estimator MODEL.skops [...]", file=sys.stderr)
        return 2
    for name in paths:
        try:
            print(write_weights(load(name), name))
        except ModelLoadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
