"""The spam line model: fit, predict, save and load, with a model card beside the file.

``SpamModel`` follows the scikit-learn estimator API (``__init__`` only stores
parameters, ``fit`` returns self, learned attributes end in ``_``). Features come from
``cleaner.model.features.featurize`` outside the persisted Pipeline, so the Pipeline holds
only scikit-learn built-ins and the default ``.skops`` file loads without running code.
``.joblib`` files (pickle) run code when loaded: they load only with ``trust=True``.

Typical use::

    model = load_default()                  # the shipped model, loaded once
    scores = model.score_lines(lines)       # P(spam) per line
    flags = scores >= model.threshold_
"""

from __future__ import annotations

import hashlib
import json
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import sklearn
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler
from sklearn.utils.validation import check_is_fitted

from ..errors import ModelLoadError
from .features import FEATURE_VERSION, N_HASH_FEATURES, feature_parts, featurize

MODEL_FORMAT = "forum-cleaner-spam-model"
MODEL_FORMAT_VERSION = 1
DEFAULT_MODEL_NAME = "spam_model.skops"
DEFAULT_C = 8.0
DEFAULT_THRESHOLD = 0.5
DEFAULT_TOL = 1e-3
SAFE_SUFFIXES = (".skops",)
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")


class ModelVersionWarning(UserWarning):
    """The model file was written by another scikit-learn version."""


class SpamModel(ClassifierMixin, BaseEstimator):
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
        return expit(X @ weights + intercept)

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
        ngram_weights, dense_weights, intercept = self._folded_weights()
        n, (rows, cols, values), dense = feature_parts(list(lines))
        if not n:
            return np.zeros(0)
        ngram = np.bincount(rows, weights=ngram_weights[cols] * values, minlength=n)
        return ngram + dense @ dense_weights + intercept

    def predict_proba(self, lines: Sequence[str]) -> np.ndarray:
        """(n, 2) array: P(genuine), P(spam)."""
        spam = expit(self.decision_function(lines))
        return np.column_stack([1.0 - spam, spam])

    def score_lines(self, lines: Iterable[str]) -> np.ndarray:
        """P(spam) per line (1-d float array)."""
        return self.predict_proba(list(lines))[:, 1]

    def predict(self, lines: Sequence[str]) -> np.ndarray:
        """1 for spam (score >= threshold_), 0 for genuine."""
        return (self.score_lines(lines) >= self.threshold_).astype(int)


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


def card_path(model_path: str | Path) -> Path:
    """Where the JSON card of a model file lives: MODEL.card.json beside it."""
    path = Path(model_path)
    return path.with_name(path.stem + ".card.json")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _payload(model: SpamModel, card: dict[str, Any] | None) -> dict[str, Any]:
    check_is_fitted(model, "pipeline_")
    return {
        "format": MODEL_FORMAT,
        "format_version": MODEL_FORMAT_VERSION,
        "feature_version": int(model.feature_version_),
        "sklearn_version": sklearn.__version__,
        "threshold": float(model.threshold_),
        "params": {k: (float(v) if isinstance(v, float) else v) for k, v in model.get_params().items()},
        "pipeline": model.pipeline_,
        "card": json.dumps(card or {}, ensure_ascii=False, sort_keys=True),
    }


def save(model: SpamModel, path: str | Path, card: dict[str, Any] | None = None) -> Path:
    """Write the model (.skops by default, .joblib on request) and its card beside it.
    The card gains the file's sha256; returns the model path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = _payload(model, card)
    if path.suffix in PICKLE_SUFFIXES:
        import joblib

        joblib.dump(payload, path, compress=3)
    else:
        import skops.io

        skops.io.dump(payload, path, compression=8)  # zipfile.ZIP_DEFLATED
    full_card = dict(card or {})
    full_card.update({
        "model_file": path.name, "model_sha256": file_sha256(path), "threshold": float(model.threshold_),
        "sklearn_version": sklearn.__version__, "feature_version": FEATURE_VERSION,
        "model_bytes": path.stat().st_size,
    })
    card_path(path).write_text(json.dumps(full_card, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


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

    untrusted = skops.io.get_untrusted_types(file=path)
    if untrusted and not trust:
        raise ModelLoadError(
            f"refusing to load {path}: it contains types that are not scikit-learn/numpy built-ins "
            f"({', '.join(untrusted)}); pass --trust-model (trust=True) only if you trust where it came from"
        )
    return skops.io.load(path, trusted=untrusted or None)


def load(path: str | Path, trust: bool = False) -> SpamModel:
    """Load a model file written by ``save``. Raises ModelLoadError for untrusted pickles,
    corrupt or foreign files and feature-version mismatches; warns (ModelVersionWarning)
    when the file was written by another scikit-learn version."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    try:
        payload = _read_payload(path, trust)
    except ModelLoadError:
        raise
    except Exception as exc:  # a corrupt zip, a truncated pickle, an incompatible sklearn...
        raise ModelLoadError(
            f"could not load model {path}: {type(exc).__name__}: {exc} (written by scikit-learn "
            f"{_card_version(path)}, this is scikit-learn {sklearn.__version__})"
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ModelLoadError(f"{path} is not a forum-cleaner spam model")
    if payload.get("feature_version") != FEATURE_VERSION:
        raise ModelLoadError(
            f"{path} was built for feature version {payload.get('feature_version')}, this cleaner computes "
            f"version {FEATURE_VERSION}: retrain it with `forum-cleaner train`"
        )
    if payload.get("sklearn_version") != sklearn.__version__:
        warnings.warn(
            f"model {path} was written by scikit-learn {payload.get('sklearn_version')}, this is scikit-learn "
            f"{sklearn.__version__}; scores may differ slightly, retrain to be sure",
            ModelVersionWarning, stacklevel=2,
        )
    model = SpamModel(**payload["params"])
    model.pipeline_ = payload["pipeline"]
    model.classes_ = np.array([0, 1])
    model.threshold_ = float(payload["threshold"])
    model.feature_version_ = int(payload["feature_version"])
    model.card_ = json.loads(payload.get("card") or "{}")
    model.source_ = str(path)
    return model


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
