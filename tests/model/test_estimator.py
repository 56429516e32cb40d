"""SpamModel: estimator API, determinism, safe save/load, and the shipped model on the seed."""

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
import skops.io
import sklearn
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from cleaner.model import estimator as M
from cleaner.errors import ModelLoadError

ROOT = Path(__file__).resolve().parents[2]
LINES = ROOT / "samples" / "lines"
SEED = ROOT / "samples" / "seed"
MAX_MODEL_BYTES = 5 * 1024 * 1024


def _small_corpus(n_per_file: int = 400) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for name in ("genuine_cmrc2018.jsonl", "genuine_written.jsonl", "spam_written.jsonl"):
        rows = [json.loads(line) for line in (LINES / name).read_text(encoding="utf-8").splitlines()]
        for row in rows[:: max(1, len(rows) // n_per_file)]:
            texts.append(row["text"])
            labels.append(1 if row["label"] == "spam" else 0)
    return texts, labels


@pytest.fixture(scope="module")
def fitted():
    texts, labels = _small_corpus()
    return M.SpamModel(C=4.0, threshold=0.5).fit(texts, labels), texts, labels


def test_estimator_api():
    model = M.SpamModel(C=2.0, threshold=0.7)
    assert model.get_params()["C"] == 2.0
    copy = clone(model)
    assert copy.get_params() == model.get_params() and not hasattr(copy, "pipeline_")
    with pytest.raises(NotFittedError):
        model.predict_proba(["办证 13812345678"])


def test_fit_returns_self_and_learns(fitted):
    model, texts, labels = fitted
    assert isinstance(model, M.SpamModel)
    assert list(model.classes_) == [0, 1] and model.threshold_ == 0.5
    proba = model.predict_proba(texts[:5])
    assert proba.shape == (5, 2) and np.allclose(proba.sum(axis=1), 1.0)
    assert model.score(texts, labels) > 0.95  # training accuracy via ClassifierMixin


def test_same_data_same_predictions(fitted):
    model, texts, labels = fitted
    again = M.SpamModel(C=4.0, threshold=0.5).fit(texts, labels)
    np.testing.assert_array_equal(model.score_lines(texts), again.score_lines(texts))


def test_skops_round_trip_is_safe_and_exact(fitted, tmp_path):
    model, texts, _ = fitted
    path = M.save(model, tmp_path / "m.skops", card={"note": "test"})
    assert skops.io.get_untrusted_types(file=path) == []
    loaded = M.load(path)
    np.testing.assert_array_equal(loaded.score_lines(texts), model.score_lines(texts))
    card = json.loads(M.card_path(path).read_text(encoding="utf-8"))
    assert card["model_sha256"] == M.file_sha256(path) and card["note"] == "test"
    assert loaded.card_ == {"note": "test"}


def test_joblib_needs_trust(fitted, tmp_path):
    model, texts, _ = fitted
    path = M.save(model, tmp_path / "m.joblib")
    with pytest.raises(ModelLoadError) as err:
        M.load(path)
    assert str(err.value) == (
        f"refusing to load {path}: joblib/pickle files run code when loaded; "
        "pass --trust-model (trust=True) only if you trust where it came from, or use a .skops model"
    )
    np.testing.assert_array_equal(M.load(path, trust=True).score_lines(texts[:20]), model.score_lines(texts[:20]))


@pytest.mark.parametrize("name, content", [
    ("corrupt.skops", b"PK\x03\x04 this is not a zip"),
    ("random.skops", bytes(range(256)) * 4),
    ("corrupt.joblib", b"\x80\x04not a pickle"),
])
def test_corrupt_file_is_a_model_load_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ModelLoadError):
        M.load(path, trust=True)


def test_missing_and_foreign_files(tmp_path):
    with pytest.raises(ModelLoadError, match="not found"):
        M.load(tmp_path / "nope.skops")
    path = tmp_path / "foreign.skops"
    skops.io.dump({"something": [1, 2, 3]}, path)
    with pytest.raises(ModelLoadError, match="not a forum-cleaner spam model"):
        M.load(path)


def test_other_sklearn_version_warns_with_both_versions(fitted, tmp_path, monkeypatch):
    model, texts, _ = fitted
    monkeypatch.setattr(M.sklearn, "__version__", "0.24.2")
    path = M.save(model, tmp_path / "old.skops")
    monkeypatch.undo()
    with pytest.warns(M.ModelVersionWarning, match=rf"scikit-learn 0\.24\.2.*scikit-learn {sklearn.__version__}"):
        loaded = M.load(path)
    np.testing.assert_array_equal(loaded.score_lines(texts[:10]), model.score_lines(texts[:10]))


def test_other_feature_version_refuses(fitted, tmp_path, monkeypatch):
    model, _, _ = fitted
    path = M.save(model, tmp_path / "m.skops")
    from cleaner.model import weights as W

    monkeypatch.setattr(W, "FEATURE_VERSION", W.FEATURE_VERSION + 1)
    with pytest.raises(ModelLoadError, match="retrain"):
        M.load(path)


def test_shipped_model_flags_seed_spam_and_keeps_seed_article():
    path = M.default_model_path()
    assert path.is_file() and path.stat().st_size < MAX_MODEL_BYTES
    assert skops.io.get_untrusted_types(file=path) == []
    card = json.loads(M.card_path(path).read_text(encoding="utf-8"))
    assert card["model_sha256"] == M.file_sha256(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", M.ModelVersionWarning)
        model = M.load_default()
    spam = [l for l in (SEED / "spam.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    article = [l for l in (SEED / "expected.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    assert (model.score_lines(spam) >= model.threshold_).all()
    assert (model.score_lines(article) < model.threshold_).all()
    assert model.threshold_ == pytest.approx(card["threshold"])


def _page_spam_lines() -> list[str]:
    path = ROOT / "samples" / "templates" / "page_spam_lines.txt"
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines()]
    return [l for l in lines if l and not l.startswith(("#", "["))]


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _training_rows() -> list[dict]:
    """Every row of the line files the shipped model trains on (samples/lines/*.jsonl)."""
    return [row for path in sorted(LINES.glob("*.jsonl")) for row in _rows(path)]


def test_training_lines_never_contain_the_page_spam():
    """The page-level test spam must stay unseen: no training line holds one (normalised)."""
    from cleaner.model.textforms import normalize_many

    keys = [k for k in normalize_many(_page_spam_lines()) if k]
    assert len(keys) >= 30
    texts = [row["text"] for row in _training_rows()]
    normalized = normalize_many(texts)
    leaked = [(k, t) for t, n in zip(texts, normalized) for k in keys if k in n]
    assert leaked == []


@pytest.mark.parametrize("name,label,at_least", [("fbs_sms_unseen.jsonl", "spam", 3000),
                                                  ("genuine_hard_unseen.jsonl", "genuine", 380)])
def test_the_unseen_lines_are_never_trained_on(name, label, at_least):
    """samples/lines/unseen holds lines no shipped model saw (bench/spam_eval.py measures the cleaner
    on them): none is a training line, none shares a source (an SMS campaign, a template) with one."""
    unseen = _rows(LINES / "unseen" / name)
    training = _training_rows()
    assert len(unseen) >= at_least and {row["label"] for row in unseen} == {label}
    assert not {row["text"] for row in unseen} & {row["text"] for row in training}
    assert not {row["source"] for row in unseen} & {row["source"] for row in training}


def test_fit_features_matches_fit_on_lines(fitted):
    model, texts, labels = fitted
    from cleaner.model.features import featurize

    again = M.SpamModel(C=4.0, threshold=0.5).fit_features(featurize(texts), labels)
    np.testing.assert_allclose(again.score_features(featurize(texts[:50])), model.score_lines(texts[:50]), rtol=1e-6)
