"""Engine detection accuracy on samples/pages: meta.json "engine" against what the cleaner found.

    python bench/engines.py [--samples samples/pages] [--json bench/out/engines.json]

Two columns per engine: ``detect()`` (the best-scoring table, "generic" when none scores
enough) and the engine that segmentation actually used (``segment_html``: the best table
that finds posts, else the generic segmenter). A page labelled "article" is right when it
goes to the generic segmenter; a page made by software we have no table for (e.g. Homeland,
bbs-go) is right when it is not claimed by a wrong table. Plain-text dumps are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.decode import decode  # noqa: E402
from cleaner.engines import ENGINES, detect  # noqa: E402
from cleaner.evaluate import iter_cases  # noqa: E402
from cleaner.segment.html import segment_html  # noqa: E402
from cleaner.segment.parse import parse_html  # noqa: E402

KNOWN = {table.name for table in ENGINES}


def expected_engine(label: str) -> str:
    """What a correct cleaner reports for a page labelled ``label``."""
    return label if label in KNOWN else "generic"


def detection_rows(samples: Path) -> list[dict]:
    rows = []
    for case in iter_cases(samples):
        if case.input_path.suffix == ".txt":
            continue
        meta = case.meta()
        label = meta.get("engine")
        if not label:
            continue
        doc = decode(case.read_input(), meta.get("headers"))
        root = parse_html(doc.text)
        url = meta.get("url")
        detected = detect(root, url).name
        used = segment_html(root, url=url).engine
        rows.append({"case": f"{case.set_name}/{case.case_id}", "label": label, "expected": expected_engine(label),
                     "detected": detected, "segmented": used})
    return rows


def table(rows: list[dict]) -> str:
    by_label: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_label[row["label"]].append(row)
    out = ["| engine (meta.json) | pages | detect() correct | segmented as it | wrong calls |", "| --- | ---: | ---: | ---: | --- |"]
    totals = [0, 0, 0]
    for label in sorted(by_label):
        items = by_label[label]
        det = sum(r["detected"] == r["expected"] for r in items)
        seg = sum(r["segmented"] == r["expected"] for r in items)
        wrong = sorted({f'{r["segmented"]}' for r in items if r["segmented"] != r["expected"]})
        name = label if label in KNOWN or label == "article" else f"{label} (no table)"
        out.append(f"| {name} | {len(items)} | {det} | {seg} | {', '.join(wrong)} |")
        totals = [totals[0] + len(items), totals[1] + det, totals[2] + seg]
    out.append(f"| all | {totals[0]} | {totals[1]} | {totals[2]} | |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="engine detection accuracy on sample pages")
    parser.add_argument("--samples", default=str(ROOT / "samples" / "pages"))
    parser.add_argument("--json", default=str(ROOT / "bench" / "out" / "engines.json"))
    args = parser.parse_args(argv)
    rows = detection_rows(Path(args.samples))
    print(table(rows))
    for row in rows:
        if row["segmented"] != row["expected"]:
            print(f'  {row["case"]}: labelled {row["label"]}, segmented as {row["segmented"]} (detect: {row["detected"]})')
    path = Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
