#!/usr/bin/env python3
"""False positives of the spam model on genuine Western forum text, with and without the
pipeline's scope gate (cleaner.model.scope.in_model_scope). EVALUATION ONLY: the post texts of
../shared/data/forum_pages/harvest_forum/*.posts.json belong to their sites and are never
used for training.

    python bench/model_english_fp.py [--data ../shared/data/forum_pages/harvest_forum] [--model PATH] [--show 10]

Each post is scored whole (a paragraph, as a flattened post reaches the model) and
sentence by sentence (short lines, the harder case). "gated" counts a line as flagged only
when the pipeline would ask the model about it at all, and at the pipeline's bar for the line
(``line_threshold``: a Western line needs WESTERN_MIN_SPAM_SCORE).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.model.estimator import load_model  # noqa: E402
from cleaner.model.scope import in_model_scope, line_threshold  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "forum_pages" / "harvest_forum"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
TAG = re.compile(r"<[^>]{0,500}>")
MIN_SENTENCE_CHARS = 3


def post_texts(folder: Path) -> list[str]:
    """Every post's text (tags stripped, whitespace collapsed), in file order."""
    texts = []
    for path in sorted(folder.glob("*.posts.json")):
        for post in json.loads(path.read_text(encoding="utf-8")).get("posts", []):
            text = " ".join(TAG.sub(" ", post.get("post_html") or post.get("text") or "").split())
            if text:
                texts.append(text)
    return texts


def sentences(texts: list[str]) -> list[str]:
    return [s for t in texts for s in SENTENCE_END.split(t) if len(s) >= MIN_SENTENCE_CHARS]


def report(name: str, lines: list[str], model, show: int) -> list[str]:
    scores = model.score_lines(lines)
    flagged = scores >= model.threshold_
    gate = [in_model_scope(line) for line in lines]
    # as the pipeline decides: asked at all, and at the line's own bar (the Western floor)
    gated = [g and s >= line_threshold(line, model.threshold_) for s, g, line in zip(scores, gate, lines)]
    n = max(len(lines), 1)
    print(f"{name:<10} {len(lines):>7} lines  in scope {sum(gate):>6}  flagged ungated {int(flagged.sum()):>5} "
          f"({flagged.sum() / n:.3%})  flagged gated {sum(gated):>4} ({sum(gated) / n:.3%})")
    order = sorted(range(len(lines)), key=lambda i: -scores[i])
    return [f"  {scores[i]:.3f} {'G' if gate[i] else ' '} {lines[i][:150]}" for i in order[:show] if flagged[i]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=None, help="model file (default: the shipped model)")
    parser.add_argument("--show", type=int, default=0, help="print the top flagged lines")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    model = load_model(args.model)
    posts = post_texts(args.data)
    print(f"model {getattr(model, 'source_', '?')} threshold {model.threshold_:.4f}")
    shown = report("posts", posts, model, args.show)
    shown += report("sentences", sentences(posts), model, args.show)
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
