"""``forum-cleaner train LINES... -o MODEL``: train the spam model on labelled lines.

Reads JSONL (fields text, label, optional source) or TSV (label<TAB>text, or a header
row naming text and label columns). Labels: 1/0, spam/ham, spam/genuine. Prints
cross-validated precision, recall, F1 and ROC-AUC (folds grouped by ``source`` when
present, so variants of one template or one page never sit on both sides), picks the
threshold that reaches the target precision plus a safety margin on the out-of-fold
scores with the highest recall, reports several held-out splits (by source; each
threshold chosen by CV on the rest, each scored by a model that never saw the split:
mean and worst), then fits on all lines and writes the model with its card. Lines are
featurized once; folds reuse the matrix. Same data and seed, same predictions.

Why the margin: a threshold tuned to exactly the target on out-of-fold scores lands on
the target only on average; on a new split it falls short half the time. Aiming
THRESHOLD_MARGIN higher keeps the worst held-out split at the target.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import sklearn
from joblib import Parallel, delayed
from sklearn.metrics import f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold, StratifiedKFold

from .features import FEATURE_VERSION, featurize
from .estimator import DEFAULT_C, SpamModel, save

DEFAULT_TARGET_PRECISION = 0.99
DEFAULT_FOLDS = 5
DEFAULT_HOLDOUT = 0.2
DEFAULT_HOLDOUT_SPLITS = 5
TRAIN_JOBS = 2  # worker processes for cross-validation folds
THRESHOLD_MARGIN = 0.0025  # aim this much above the target precision (see the module docstring)
SPAM_LABELS = {"1", "spam", "true", "yes", "ad"}
GENUINE_LABELS = {"0", "ham", "genuine", "false", "no", "content"}


@dataclass
class LabelledLines:
    texts: list[str]
    labels: np.ndarray
    groups: list[str]
    files: list[dict[str, Any]]


def parse_label(value: Any) -> int:
    key = str(value).strip().lower()
    if key in SPAM_LABELS:
        return 1
    if key in GENUINE_LABELS:
        return 0
    raise ValueError(f"unknown label {value!r} (use 1/0, spam/ham or spam/genuine)")


def _text_lines(path: Path) -> list[str]:
    """The file's lines, decoded; a line that is not UTF-8 is an error naming file and line."""
    lines = []
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                raise ValueError(f"{path}:{number}: not UTF-8 (byte {raw[exc.start]:#04x} at column "
                                 f"{exc.start + 1})") from None
    return lines


def _jsonl_row(item: Any) -> tuple[str, int, str | None]:
    """A parsed JSONL line -> (text, label, source); ValueError says what is wrong with it."""
    if not isinstance(item, dict):
        raise ValueError(f"a line must be a JSON object with text and label, not {type(item).__name__}")
    if "text" not in item or "label" not in item:
        raise ValueError(f"missing field {'text' if 'text' not in item else 'label'!r}")
    text = item["text"]
    if not isinstance(text, str):  # null would be trained as the string "None"
        raise ValueError(f"field 'text' must be a string, not {'null' if text is None else type(text).__name__}")
    source = item.get("source")
    return text, parse_label(item["label"]), None if source is None else str(source)


def _read_jsonl(path: Path) -> list[tuple[str, int, str | None]]:
    rows = []
    for number, line in enumerate(_text_lines(path), 1):
        if not line.strip():
            continue
        try:
            rows.append(_jsonl_row(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: broken JSON: {exc}") from None
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
    return rows


def _read_tsv(path: Path) -> list[tuple[str, int, str | None]]:
    table = list(csv.reader(_text_lines(path), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not table:
        return []
    header = [c.strip().lower() for c in table[0]]
    if "text" in header and "label" in header:
        t, l = header.index("text"), header.index("label")
        s = header.index("source") if "source" in header else None
        rows = [(n, (r[t], r[l], r[s] if s is not None else None)) for n, r in enumerate(table[1:], 2)
                if len(r) > max(t, l)]
    else:
        rows = [(n, (r[1], r[0], None)) for n, r in enumerate(table, 1) if len(r) >= 2]
    out = []
    for number, (text, label, source) in rows:
        try:
            out.append((text, parse_label(label), source))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
    return out


def check_trainable(data: "LabelledLines", folds: int, holdout: float = 0.0) -> None:
    """Clear errors for data the cross-validation cannot split (else scikit-learn's raw
    ``n_splits`` message): both classes, and each with at least ``folds`` lines (more when a
    held-out share is taken off first)."""
    if folds < 2:
        raise ValueError(f"--folds must be at least 2, got {folds}")
    spam = int(data.labels.sum())
    genuine = len(data.labels) - spam
    if not spam or not genuine:
        raise ValueError("the training lines must hold both spam and genuine lines")
    need = folds if holdout <= 0 else math.ceil(folds / (1 - holdout)) + 1
    if min(spam, genuine) < need:
        hint = " (or --holdout 0)" if holdout > 0 else ""
        raise ValueError(f"too few lines for {folds}-fold cross-validation: {spam} spam and {genuine} genuine; "
                         f"each class needs at least {need}: add lines or lower --folds{hint}")


def read_labelled(paths: Sequence[str | Path]) -> LabelledLines:
    """Read JSONL/TSV files; a line without a source gets its file's own group per line."""
    texts, labels, groups, files = [], [], [], []
    for raw in paths:
        path = Path(raw)
        rows = _read_jsonl(path) if path.suffix in (".jsonl", ".json", ".ndjson") else _read_tsv(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        files.append({"file": path.name, "sha256": digest, "lines": len(rows),
                      "spam": sum(r[1] for r in rows)})
        for index, (text, label, source) in enumerate(rows):
            texts.append(text)
            labels.append(label)
            groups.append(source if source else f"{path.name}#{index}")
    return LabelledLines(texts, np.asarray(labels, dtype=int), groups, files)


def choose_threshold(labels: np.ndarray, scores: np.ndarray, target_precision: float,
                     margin: float = THRESHOLD_MARGIN) -> float:
    """The lowest score threshold whose precision reaches target + margin (highest recall);
    if none does, the threshold with the best precision."""
    aim = min(target_precision + margin, 1.0)
    precision, _, thresholds = precision_recall_curve(labels, scores)
    ok = np.flatnonzero(precision[:-1] >= aim)
    if len(ok):
        return float(thresholds[ok[0]])
    return float(thresholds[int(np.argmax(precision[:-1]))])


def max_recall_at(labels: np.ndarray, scores: np.ndarray, target_precision: float) -> float:
    """The best recall any threshold reaches at the target precision: what the ranking allows."""
    precision, recall, _ = precision_recall_curve(labels, scores)
    ok = precision >= target_precision
    return float(recall[ok].max()) if ok.any() else 0.0


def metrics_at(labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict[str, float]:
    predicted = (scores >= threshold).astype(int)
    return {
        "precision": round(float(precision_score(labels, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(labels, predicted, zero_division=0)), 4),
        "f1": round(float(f1_score(labels, predicted, zero_division=0)), 4),
        "roc_auc": round(float(roc_auc_score(labels, scores)), 5) if len(set(labels)) == 2 else float("nan"),
        "threshold": round(float(threshold), 4),
        "lines": int(len(labels)),
        "spam": int(labels.sum()),
    }


def _splits(labels: np.ndarray, groups: Sequence[str], folds: int, seed: int):
    distinct = len(set(groups))
    if distinct >= folds and distinct < len(groups):
        return StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(labels, labels, groups)
    return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(labels, labels)


def _fold_scores(X, labels: np.ndarray, train_idx: np.ndarray, test_idx: np.ndarray, C: float) -> np.ndarray:
    return SpamModel(C=C).fit_features(X[train_idx], labels[train_idx]).score_features(X[test_idx])


def out_of_fold_scores(X, labels: np.ndarray, groups: Sequence[str], folds: int, seed: int, C: float,
                       n_jobs: int = TRAIN_JOBS) -> np.ndarray:
    """Scores of each row (of a featurize matrix) from a model that did not see its group (or fold).
    Folds run in worker processes, not threads: liblinear's random generator is process-global,
    so threads sharing it would make the result depend on timing."""
    splits = list(_splits(labels, groups, folds, seed))
    results = Parallel(n_jobs=n_jobs)(delayed(_fold_scores)(X, labels, a, b, C) for a, b in splits)
    scores = np.zeros(len(labels))
    for (_, test_idx), fold in zip(splits, results):
        scores[test_idx] = fold
    return scores


def holdout_report(X, data: LabelledLines, fraction: float, folds: int, seed: int, C: float,
                   target_precision: float, splits: int = DEFAULT_HOLDOUT_SPLITS) -> dict[str, Any]:
    """Hold out a share of the sources, `splits` times: choose the threshold by CV on the rest,
    fit on the rest, score the held-out lines. Mean and worst over the splits are the honest
    estimate of what a user will see (one split can be lucky)."""
    groups = np.asarray(data.groups, dtype=object)
    per_split = []
    splitter = GroupShuffleSplit(n_splits=splits, test_size=fraction, random_state=seed)
    for number, (train_idx, test_idx) in enumerate(splitter.split(data.labels, data.labels, groups)):
        labels = data.labels[train_idx]
        oof = out_of_fold_scores(X[train_idx], labels, list(groups[train_idx]), folds, seed + number, C)
        threshold = choose_threshold(labels, oof, target_precision)
        model = SpamModel(C=C, threshold=threshold).fit_features(X[train_idx], labels)
        scores = model.score_features(X[test_idx])
        report = metrics_at(data.labels[test_idx], scores, threshold)
        report["max_recall_at_target"] = round(max_recall_at(data.labels[test_idx], scores, target_precision), 4)
        report["held_out_sources"] = len(set(groups[test_idx]))
        per_split.append(report)
    summary: dict[str, Any] = {"splits": per_split, "fraction": fraction}
    for key in ("precision", "recall", "f1", "roc_auc", "max_recall_at_target"):
        values = [r[key] for r in per_split]
        summary[key] = round(float(np.mean(values)), 4)
        summary[f"worst_{key}"] = round(float(np.min(values)), 4)
    summary["lines"] = int(np.mean([r["lines"] for r in per_split]))
    summary["held_out_sources"] = int(np.mean([r["held_out_sources"] for r in per_split]))
    return summary


def read_genuine_texts(paths: Sequence[str | Path]) -> list[str]:
    """Texts of genuine-only evaluation files: JSONL with a text field, or plain text lines."""
    texts = []
    for raw in paths:
        path = Path(raw)
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                texts.append(json.loads(line)["text"] if path.suffix == ".jsonl" else line.rstrip("\n"))
    return texts


def render_card_markdown(card: dict[str, Any]) -> str:
    """A human-readable card from the JSON card."""
    cv, held = card["cross_validation"], card.get("held_out") or {}
    lines = [
        f"# Spam model card: {card['model_file']}", "",
        f"- scikit-learn {card['sklearn_version']}, Python {card['python_version']}, feature version {card['feature_version']}",
        f"- model: {card['model']}", f"- seed {card['seed']}, folds {card['folds']}, training time {card['train_seconds']} s",
        f"- threshold {card['threshold']}: {card['threshold_rule']}", "", "## Data", "",
        "| file | sha256 | lines | spam |", "| --- | --- | --- | --- |",
        *[f"| {f['file']} | {f['sha256'][:16]}… | {f['lines']} | {f['spam']} |" for f in card["data"]], "",
        "## Metrics", "", "| evaluation | precision | recall | F1 | ROC-AUC | lines |", "| --- | --- | --- | --- | --- | --- |",
        f"| cross-validated (grouped by source), at threshold | {cv['precision']} | {cv['recall']} | {cv['f1']} | {cv['roc_auc']} | {cv['lines']} |",
    ]
    if held:
        n = len(held["splits"])
        lines.append(f"| held-out ~{held['held_out_sources']} sources, {n} splits, threshold from CV on the rest: mean | "
                     f"{held['precision']} | {held['recall']} | {held['f1']} | {held['roc_auc']} | ~{held['lines']} |")
        lines.append(f"| held-out, worst split | {held['worst_precision']} | {held['worst_recall']} | {held['worst_f1']} | "
                     f"{held['worst_roc_auc']} | |")
        lines.append(f"\nHeld-out recall any threshold reaches at precision {card['target_precision']}: mean "
                     f"{held['max_recall_at_target']}, worst {held['worst_max_recall_at_target']}.")
    for name, ev in (card.get("genuine_evaluation") or {}).items():
        lines.append(f"\nFalse positives on {name}: {ev['flagged']} of {ev['lines']} ({ev['share']:.4%}) at the threshold "
                     "(in-sample if that text is also in the training files).")
    lines += ["", "Same data + seed give the same model and predictions. Loading needs this feature version; "
              "another scikit-learn version loads with a ModelVersionWarning."]
    return "\n".join(lines) + "\n"


def train(paths: Sequence[str | Path], output: str | Path, *, target_precision: float = DEFAULT_TARGET_PRECISION,
          seed: int = 0, folds: int = DEFAULT_FOLDS, holdout: float = DEFAULT_HOLDOUT, C: float = DEFAULT_C,
          holdout_splits: int = DEFAULT_HOLDOUT_SPLITS, eval_genuine: Sequence[str | Path] = (),
          log=print) -> tuple[SpamModel, dict[str, Any]]:
    """Cross-validate, choose the threshold, fit on all lines, save model + card."""
    started = time.perf_counter()
    data = read_labelled(paths)
    check_trainable(data, folds, holdout if holdout_splits > 0 else 0.0)
    log(f"{len(data.texts)} lines ({int(data.labels.sum())} spam) from {len(data.files)} file(s), "
        f"{len(set(data.groups))} sources")
    X = featurize(data.texts)
    oof = out_of_fold_scores(X, data.labels, data.groups, folds, seed, C)
    threshold = choose_threshold(data.labels, oof, target_precision)
    cv = metrics_at(data.labels, oof, threshold)
    log(f"cross-validated ({folds} folds by source) at threshold {threshold:.4f}: precision {cv['precision']:.4f} "
        f"recall {cv['recall']:.4f} F1 {cv['f1']:.4f} ROC-AUC {cv['roc_auc']:.5f}")
    held = (holdout_report(X, data, holdout, folds, seed, C, target_precision, holdout_splits)
            if holdout > 0 and holdout_splits > 0 else None)
    if held:
        for number, split in enumerate(held["splits"]):
            log(f"held-out split {number}: {split['held_out_sources']} sources ({split['lines']} lines) at threshold "
                f"{split['threshold']:.4f}: precision {split['precision']:.4f} recall {split['recall']:.4f} "
                f"F1 {split['f1']:.4f} ROC-AUC {split['roc_auc']:.5f}")
        log(f"held-out over {len(held['splits'])} splits: precision mean {held['precision']:.4f} worst "
            f"{held['worst_precision']:.4f}, recall mean {held['recall']:.4f} worst {held['worst_recall']:.4f}")
    model = SpamModel(C=C, threshold=threshold).fit_features(X, data.labels)
    evaluation = {}
    for raw in eval_genuine:
        texts = read_genuine_texts([raw])
        flagged = int(model.predict(texts).sum())
        evaluation[Path(raw).name] = {"lines": len(texts), "flagged": flagged, "share": flagged / max(len(texts), 1)}
        log(f"false positives on {Path(raw).name}: {flagged} of {len(texts)} ({flagged / max(len(texts), 1):.4%})")
    card = {
        "model": f"SpamModel(C={C}): featurize (hashed char 1-3-grams + contact features) -> MaxAbsScaler -> "
                 "LogisticRegression(liblinear, dual)",
        "data": data.files, "seed": seed, "folds": folds, "target_precision": target_precision,
        "threshold_rule": f"lowest threshold whose out-of-fold precision >= {target_precision} + margin "
                          f"{THRESHOLD_MARGIN} (highest recall), {folds}-fold CV grouped by source",
        "cross_validation": cv, "held_out": held, "genuine_evaluation": evaluation,
        "python_version": platform.python_version(), "feature_version": FEATURE_VERSION,
        "sklearn_version": sklearn.__version__, "train_seconds": round(time.perf_counter() - started, 1),
    }
    path = save(model, output, card)
    card = json.loads(Path(path).with_name(Path(path).stem + ".card.json").read_text(encoding="utf-8"))
    Path(path).with_name(Path(path).stem + ".card.md").write_text(render_card_markdown(card), encoding="utf-8")
    log(f"wrote {path} ({card['model_bytes']} bytes, sha256 {card['model_sha256'][:16]}…) and its card "
        f"in {card['train_seconds']} s")
    return model, card


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("train", help="train a spam model on labelled lines",
                              description=__doc__.split("\n")[0])
    p.add_argument("lines", nargs="+", metavar="LINES", help="JSONL (text,label[,source]) or TSV files")
    p.add_argument("--base", choices=("default", "none"), default="none",
                   help="'default': train on the shipped lines plus LINES (e.g. labels from forum-cleaner review)")
    p.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file (.skops; .joblib if asked)")
    p.add_argument("--target-precision", type=float, default=DEFAULT_TARGET_PRECISION)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    p.add_argument("--holdout", type=float, default=DEFAULT_HOLDOUT,
                   help="share of sources held out for an extra honest report (0 to skip)")
    p.add_argument("--holdout-splits", type=int, default=DEFAULT_HOLDOUT_SPLITS,
                   help="how many held-out splits to report (mean and worst)")
    p.add_argument("--C", type=float, default=DEFAULT_C, help="inverse regularisation of the logistic regression")
    p.add_argument("--eval-genuine", nargs="*", default=[], metavar="FILE",
                   help="genuine-only files (JSONL text field, or text lines) to report false positives on")
    p.set_defaults(func=run)


def run(args) -> int:
    from .base_lines import base_line_files

    try:
        train([*base_line_files(args.base), *args.lines], args.output, target_precision=args.target_precision, seed=args.seed, folds=args.folds,
              holdout=args.holdout, C=args.C, holdout_splits=args.holdout_splits, eval_genuine=args.eval_genuine)
    except (OSError, ValueError) as exc:
        print(f"forum-cleaner train: {exc}", file=sys.stderr)
        return 2
    return 0
