"""The inference weights (MODEL.npz): equal to the estimator, loaded without scikit-learn,
written with every model, and checked at load time with one clear message per fault."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import skops.io

from cleaner import Cleaner, cli
from cleaner.errors import ModelLoadError
from cleaner.model import estimator as M
from cleaner.model import loading
from cleaner.model import weights as W
from cleaner.model.features import N_DENSE_FEATURES, N_HASH_FEATURES

ROOT = Path(__file__).resolve().parents[2]
LINES = ROOT / "samples" / "lines"
SEED = ROOT / "samples" / "seed"
N_FEATURES = N_HASH_FEATURES + N_DENSE_FEATURES


def _real_lines(per_file: int = 300) -> list[str]:
    texts = []
    for path in sorted(LINES.glob("*.jsonl")):
        rows = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(r)["text"] for r in rows[:: max(1, len(rows) // per_file)] if r.strip()]
    texts += (SEED / "spam.txt").read_text(encoding="utf-8").splitlines()
    return texts


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    texts, labels = [], []
    for name in ("genuine_written.jsonl", "spam_written.jsonl"):
        rows = [json.loads(r) for r in (LINES / name).read_text(encoding="utf-8").splitlines()][::20]
        texts += [r["text"] for r in rows]
        labels += [int(r["label"] == "spam") for r in rows]
    model = M.SpamModel(C=2.0).fit(texts, labels)
    path = M.save(model, tmp_path_factory.mktemp("m") / "small.skops", card={"note": "small"})
    return model, path


def test_shipped_weights_score_exactly_as_the_shipped_estimator():
    lines = _real_lines()
    assert len(lines) > 1000
    estimator = M.load_default()
    weights = loading.load_default_weights()
    np.testing.assert_array_equal(weights.score_lines(lines), estimator.score_lines(lines))
    assert weights.threshold_ == estimator.threshold_
    assert weights.source_ == str(M.default_model_path())  # the audit still names spam_model.skops
    card = json.loads(M.card_path(M.default_model_path()).read_text(encoding="utf-8"))
    assert card["weights_sha256"] == W.file_sha256(W.weights_path(M.default_model_path()))


def test_cleaning_imports_no_training_stack():
    page = next((ROOT / "samples" / "pages" / "zh_forum").glob("*.html"))
    code = (
        "import sys, cleaner\n"
        f"from pathlib import Path\nr = cleaner.clean(Path({str(page)!r}).read_bytes())\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'skops', 'joblib', 'bs4') if m in sys.modules))\n"
        "print(bool(r.text))\n"
    )
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
    assert out.stderr == ""


def test_save_writes_both_files_with_equal_scores(small_model):
    model, path = small_model
    npz = W.weights_path(path)
    assert npz.name == "small.npz" and npz.is_file()
    lines = _real_lines(50)
    np.testing.assert_array_equal(loading.load_for_cleaning(path).score_lines(lines), model.score_lines(lines))
    np.testing.assert_array_equal(W.load_weights(npz).score_lines(lines), M.load(path).score_lines(lines))
    with np.load(npz, allow_pickle=False) as data:  # plain arrays only
        assert sorted(data.files) == sorted(W.WEIGHT_ARRAYS)
    assert Cleaner(model=npz).threshold == model.threshold_


def test_npz_written_from_another_skops_refuses(small_model, tmp_path):
    _, path = small_model
    other = tmp_path / "small.skops"
    shutil.copy(W.weights_path(path), tmp_path / "small.npz")
    shutil.copy(M.default_model_path(), other)
    with pytest.raises(ModelLoadError) as err:
        loading.load_for_cleaning(other)
    assert str(err.value) == (
        f"{tmp_path / 'small.npz'} was not written from small.skops (the .skops file changed since): write both "
        f"again with `python -m cleaner.model.estimator {other}` or retrain with `forum-cleaner train`")
    assert M.main([str(other)]) == 0  # writes the weights again from the .skops
    assert loading.load_for_cleaning(other).threshold_ == M.load(other).threshold_


def _wrong_width_npz(model: M.SpamModel, path: Path) -> Path:
    weights = model.weights()
    weights.dense_weights = weights.dense_weights[:-2]
    return W.save_weights(weights, path, {})


def test_wrong_width_fails_at_load_with_one_message(small_model, tmp_path):
    model, _ = small_model
    path = _wrong_width_npz(model, tmp_path / "narrow.npz")
    expected = (f"{path} has {N_FEATURES - 2} features (({N_HASH_FEATURES},) n-gram + ({N_DENSE_FEATURES - 2},) "
                f"dense), this cleaner computes {N_FEATURES} ({N_HASH_FEATURES} + {N_DENSE_FEATURES}): "
                "retrain it with `forum-cleaner train`")
    with pytest.raises(ModelLoadError) as err:
        Cleaner(model=path)
    assert str(err.value) == expected


def test_wrong_width_skops_fails_at_load(small_model, tmp_path):
    model, _ = small_model
    payload = M._payload(model, None)
    clf = payload["pipeline"].named_steps["clf"]
    clf.coef_ = np.hstack([clf.coef_, np.zeros((1, 3))])
    payload["pipeline"].named_steps["scale"].scale_ = np.ones(N_FEATURES + 3)
    path = tmp_path / "wide.skops"
    skops.io.dump(payload, path)
    with pytest.raises(ModelLoadError, match=rf"has {N_FEATURES + 3} features .* this cleaner computes {N_FEATURES} "):
        M.load(path)
    model.pipeline_.named_steps["clf"].coef_ = clf.coef_[:, :N_FEATURES]  # the fixture stays intact


def test_wrong_width_on_the_command_line_is_one_clear_error(small_model, tmp_path, capsys):
    model, _ = small_model
    path = _wrong_width_npz(model, tmp_path / "narrow.npz")
    page = next((ROOT / "samples" / "pages" / "zh_forum").glob("*.html"))
    out = tmp_path / "out.jsonl"
    code = cli.main(["clean", str(page), "--model", str(path), "--format", "jsonl", "-o", str(out)])
    assert code == 2 and not out.exists()
    assert f"{path} has {N_FEATURES - 2} features" in capsys.readouterr().err


def test_unknown_parameters_are_a_clear_error(small_model, tmp_path):
    model, _ = small_model
    payload = M._payload(model, None)
    payload["params"]["l1_ratio"] = 0.5
    path = tmp_path / "newer.skops"
    skops.io.dump(payload, path)
    with pytest.raises(ModelLoadError) as err:
        Cleaner(model=path)
    assert str(err.value) == (
        f"{path} has parameters this SpamModel does not know (l1_ratio): it was written by another "
        "forum-cleaner version; use that version or retrain with `forum-cleaner train`")


@pytest.mark.parametrize("suffix", [".skops", ".npz"])
def test_truncated_file_says_truncated(small_model, tmp_path, suffix):
    _, path = small_model
    source = path if suffix == ".skops" else W.weights_path(path)
    data = source.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelLoadError) as err:
        Cleaner(model=cut)
    message = str(err.value)
    assert message.startswith(f"model file {cut} is truncated or damaged ({len(data) // 2} bytes; it starts as a zip")
    assert message.endswith("copy it again or retrain it with `forum-cleaner train`")


def test_not_a_zip_says_so(tmp_path):
    path = tmp_path / "page.npz"
    path.write_bytes(b"<html>not a model</html>")
    with pytest.raises(ModelLoadError) as err:
        W.load_weights(path)
    assert str(err.value) == f"{path} is not a forum-cleaner model file (not a zip archive; 24 bytes)"


def test_other_weights_format_version_refuses(small_model, tmp_path):
    model, _ = small_model
    path = W.save_weights(model.weights(), tmp_path / "v9.npz", {"format_version": 9})
    with pytest.raises(ModelLoadError, match=r"weights format version 9, this cleaner reads version 1"):
        W.load_weights(path)


def test_pickled_arrays_are_refused(small_model, tmp_path):
    model, _ = small_model
    good = W.weights_path(small_model[1])
    with np.load(good, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["meta"] = np.array([{"format": W.WEIGHTS_FORMAT}], dtype=object)
    path = tmp_path / "pickled.npz"
    np.savez(path, **arrays)
    with pytest.raises(ModelLoadError, match="weights files hold plain numpy arrays only"):
        W.load_weights(path)


def test_non_finite_weights_refuse(small_model, tmp_path):
    model, _ = small_model
    weights = model.weights()
    weights.ngram_weights = weights.ngram_weights.copy()
    weights.ngram_weights[5] = np.nan
    path = W.save_weights(weights, tmp_path / "nan.npz", {})
    with pytest.raises(ModelLoadError) as err:
        W.load_weights(path)
    assert str(err.value) == f"{path}: ngram_weights holds values that are not finite numbers"


def test_a_skops_from_another_sklearn_gives_one_warning_not_sklearns(small_model, monkeypatch):
    """scikit-learn warns once per estimator in the file (InconsistentVersionWarning); loading
    says it once, as a ModelVersionWarning; cleaning (the .npz) says nothing at all."""
    import warnings

    import sklearn.base

    _, path = small_model
    monkeypatch.setattr(sklearn.base, "__version__", "0.0.1")  # what __setstate__ compares against
    monkeypatch.setattr(M.sklearn, "__version__", "0.0.1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        M.load(path)
        loading.load_for_cleaning(path)
    # (UserWarning: both of these are; a ResourceWarning the garbage collector emits meanwhile is not ours)
    assert [w.category.__name__ for w in caught if issubclass(w.category, UserWarning)] == ["ModelVersionWarning"]
