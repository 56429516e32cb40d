"""`forum-cleaner train`: formats, printed metrics, card, determinism; the wheel ships the model."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from cleaner import cli
from cleaner.model import estimator as M
from cleaner.model.train import parse_label, read_labelled

ROOT = Path(__file__).resolve().parents[2]
LINES = ROOT / "samples" / "lines"


def _subset(tmp_path: Path, every: int = 25) -> Path:
    rows = []
    for name in ("genuine_cmrc2018.jsonl", "genuine_written.jsonl", "spam_written.jsonl"):
        lines = (LINES / name).read_text(encoding="utf-8").splitlines()
        rows += lines[:: every if "cmrc" in name else max(1, every // 5)]
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_labels_and_tsv_formats(tmp_path):
    assert [parse_label(v) for v in ("1", "spam", "SPAM", "0", "ham", "genuine")] == [1, 1, 1, 0, 0, 0]
    with pytest.raises(ValueError):
        parse_label("maybe")
    plain = tmp_path / "a.tsv"
    plain.write_text("spam\t办证 13812345678\nham\t今天天气不错\n", encoding="utf-8")
    header = tmp_path / "b.tsv"
    header.write_text("text\tlabel\n加微信abc123\t1\n谢谢楼主\t0\n", encoding="utf-8")
    data = read_labelled([plain, header])
    assert data.texts == ["办证 13812345678", "今天天气不错", "加微信abc123", "谢谢楼主"]
    assert data.labels.tolist() == [1, 0, 1, 0]
    assert [f["lines"] for f in data.files] == [2, 2]


def test_train_prints_metrics_writes_card_and_is_deterministic(tmp_path, capsys):
    lines = _subset(tmp_path)
    args = ["train", str(lines), "--folds", "3", "--holdout", "0.2", "--seed", "7"]
    assert cli.main(args + ["-o", str(tmp_path / "a.skops")]) == 0
    out = capsys.readouterr().out
    for word in ("precision", "recall", "F1", "ROC-AUC", "held-out", "threshold"):
        assert word in out
    card = json.loads((tmp_path / "a.card.json").read_text(encoding="utf-8"))
    assert card["data"][0]["sha256"] and card["seed"] == 7 and card["sklearn_version"]
    assert 0 < card["threshold"] < 1 and card["cross_validation"]["roc_auc"] > 0.9
    assert (tmp_path / "a.card.md").read_text(encoding="utf-8").startswith("# Spam model card")
    assert cli.main(args + ["-o", str(tmp_path / "b.skops")]) == 0
    probe = [json.loads(l)["text"] for l in lines.read_text(encoding="utf-8").splitlines()[:200]]
    a, b = M.load(tmp_path / "a.skops"), M.load(tmp_path / "b.skops")
    np.testing.assert_array_equal(a.score_lines(probe), b.score_lines(probe))
    assert a.threshold_ == b.threshold_


def test_train_rejects_one_class_and_bad_labels(tmp_path, capsys):
    one = tmp_path / "one.tsv"
    one.write_text("0\t今天天气不错\n0\t谢谢楼主\n", encoding="utf-8")
    assert cli.main(["train", str(one), "-o", str(tmp_path / "x.skops")]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "label": "perhaps"}\n', encoding="utf-8")
    assert cli.main(["train", str(bad), "-o", str(tmp_path / "x.skops")]) == 2
    assert "perhaps" in capsys.readouterr().err


def test_wheel_contains_the_shipped_model(tmp_path):
    """Build the wheel (cheap, no install) and check the model and its data are inside."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("forum_cleaner-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cleaner/models/spam_model.skops" in names
    assert "cleaner/models/spam_model.card.json" in names
    assert "cleaner/data/blocked_domains.txt" in names
    assert "cleaner/model/features.py" in names and "cleaner/model/estimator.py" in names
    assert "cleaner/model/textforms.py" in names and "cleaner/model/hashing.py" in names
    # the inference weights, the typing marker, the licences of the shipped data
    assert {"cleaner/models/spam_model.npz", "cleaner/py.typed", "cleaner/data/README.md"} <= names
    assert {n.rsplit("/", 1)[-1] for n in names if ".dist-info/" in n} >= {"LICENSE", "NOTICE"}
