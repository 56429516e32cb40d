"""What a Python cleaner must at least spend per page, next to the lxml parse (issue 6's "<= 3x").

    python bench/cost_floor.py [--rounds 3] [--pages DIR ...] [--json]

Each row is one engine's fastest pass over the sample pages (CPU time, engines alternating
round by round: bench/throughput.py's method), reported as a cost ratio to lxml's
``document_fromstring`` measured in the same run:

* decode: bytes -> text (BOM, meta charset, detection): cleaner.decode.
* visit: the parse plus a Python loop that reads each element's tag and class: the least any
  segmentation written in Python does (engine selectors, hidden marks and the line cut all need
  the class of every element).
* visit+text: the same loop also collecting each element's text and tail: the least a line cut does.
* model: the shipped spam model scoring exactly the lines forum-cleaner sends it on each page
  (collected in a first pass), one call per page.
* floor: decode + visit+text + model, the sum of these lower bounds; and clean(): the whole cleaner.

The floor leaves out engine detection, the segmentation's decisions, the line rules and the
assembly; if the floor alone is near 3x, no Python pipeline of this shape meets the target.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.throughput import html_pages, interleaved_best  # noqa: E402

TARGET_COST = 3.0  # issue 6: at most 3x the cost of the lxml parse


def visit(page: bytes) -> int:
    """Parse, then read every element's tag and class once."""
    import lxml.html

    seen = 0
    for el in lxml.html.document_fromstring(page).iter():
        el.tag, el.get("class")
        seen += 1
    return seen


def visit_text(page: bytes) -> list[str]:
    """Parse, then read every element's tag, class, text and tail once."""
    import lxml.html

    pieces = []
    for el in lxml.html.document_fromstring(page).iter():
        el.tag, el.get("class")
        if el.text:
            pieces.append(el.text)
        if el.tail:
            pieces.append(el.tail)
    return pieces


def model_inputs(cleaner, pages: list[bytes]) -> list[list[str]]:
    """The lines forum-cleaner's spam model scores on each page (one list per page)."""
    model = cleaner._spam_model
    batches: list[list[str]] = []
    original = model.score_lines

    def recording(lines):
        lines = list(lines)
        batches[-1].extend(lines)
        return original(lines)

    model.score_lines = recording
    try:
        for page in pages:
            batches.append([])
            try:
                cleaner.clean(page)
            except Exception:
                pass
    finally:
        del model.score_lines
    return batches


def measure(pages: list[bytes], rounds: int) -> dict:
    import lxml.html

    from cleaner import Cleaner
    from cleaner.decode import decode

    cleaner = Cleaner()
    batches = model_inputs(cleaner, pages)
    by_page = {id(page): lines for page, lines in zip(pages, batches)}
    model = cleaner._spam_model

    def score_page(page: bytes):
        lines = by_page[id(page)]
        return model.score_lines(lines) if lines else None

    best = interleaved_best({
        "lxml_parse": lxml.html.document_fromstring,
        "decode": decode,
        "visit": visit,
        "visit+text": visit_text,
        "model": score_page,
        "clean()": cleaner.clean,
    }, pages, rounds)
    parse_pps = best["lxml_parse"][0]
    costs = {name: parse_pps / pps for name, (pps, _) in best.items()}
    costs["floor"] = costs["decode"] + costs["visit+text"] + costs["model"]
    return {
        "pages": len(pages),
        "model_lines_per_page": round(sum(map(len, batches)) / len(pages), 1),
        "lxml_parse_ms": round(1000 / parse_pps, 3),
        "cost_vs_lxml_parse": {name: round(cost, 2) for name, cost in costs.items()},
        "target": TARGET_COST,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", nargs="*", help="folders of .html pages (default: the sample pages)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    pages = [data for _, data in html_pages(args.pages)]
    result = measure(pages, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['pages']} pages, lxml parse {result['lxml_parse_ms']} ms/page, "
          f"{result['model_lines_per_page']} model lines/page")
    for name, cost in result["cost_vs_lxml_parse"].items():
        print(f"  {name:12s} {cost:6.2f}x the lxml parse")
    print(f"  target      {TARGET_COST:6.2f}x")


if __name__ == "__main__":
    main()
