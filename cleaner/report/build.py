"""The static report: one self-contained HTML file (no server, no network) for a batch.

The summary, the tables and the score histogram (inline SVG) are written as HTML here; the page
list and each page's lines travel as one JSON block that the page's script draws 100 rows at a
time. Large batches stay light: every page is listed, but the lines of at most
``DEFAULT_DETAIL_PAGES`` pages are included (the pages with the most spam removed first, then
an even, seeded sample of the rest), each cut at ``MAX_LINES_PER_PAGE`` lines; the report says
so.
"""

from __future__ import annotations

import html
import json
import random
from collections import Counter, defaultdict
from importlib import resources
from string import Template
from typing import Any, Sequence

from .audit import PageAudit

DEFAULT_DETAIL_PAGES = 1000
MAX_LINES_PER_PAGE = 2000
HISTOGRAM_BINS = 20
SAMPLE_SEED = 0
TEMPLATE_PACKAGE = "cleaner.report"
KIND_ORDER = ("kept", "spam", "hidden", "noise", "chrome", "signature", "quote", "edit", "attachment", "reply")


def template(name: str, package: str = TEMPLATE_PACKAGE) -> str:
    """A template file shipped as package data."""
    return resources.files(package).joinpath("templates", name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no "</script>", no "<!--"."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def summary(pages: Sequence[PageAudit]) -> dict[str, Any]:
    """Counts over every page of the batch (never sampled)."""
    status = Counter(p.status for p in pages)
    by_kind = Counter(line.kind for p in pages for line in p.lines if not line.kept)
    by_rule = Counter((line.kind, line.rule) for p in pages for line in p.lines if not line.kept)
    shares: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in pages:
        for key in (("engine", p.engine or "(none)"), ("forum", p.site)):
            entry = shares[key]
            entry[0] += 1
            entry[1] += sum(len(line.text) for line in p.lines if line.kind == "spam")
            entry[2] += sum(len(line.text) for line in p.lines if line.kind in ("spam", "kept"))
    return {"inputs": len(pages), "status": status, "by_kind": by_kind, "by_rule": by_rule, "shares": shares,
            "kept_lines": sum(1 for p in pages for line in p.lines if line.kept)}


def histogram_svg(scores: Sequence[float], threshold: float | None, bins: int = HISTOGRAM_BINS) -> str:
    """Counts of model scores in equal bins on [0, 1], log-scaled bars, the threshold marked."""
    import math

    counts = [0] * bins
    for s in scores:
        counts[min(int(s * bins), bins - 1)] += 1
    width, height, left, bottom = 640, 220, 40, 30
    bar_w = (width - left - 10) / bins
    top = max(counts) if counts and max(counts) else 1
    scale = (height - bottom - 10) / math.log10(top + 1)
    parts = [f'<svg id="histogram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="model scores of {len(scores)} lines">']
    for i, c in enumerate(counts):
        h = math.log10(c + 1) * scale
        x, y = left + i * bar_w, height - bottom - h
        cls = "bar spam" if threshold is not None and (i + 1) / bins > threshold else "bar"
        parts.append(f'<rect class="{cls}" x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}">'
                     f'<title>{i / bins:.2f}-{(i + 1) / bins:.2f}: {c} lines</title></rect>')
        if c:
            parts.append(f'<text class="count" x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}">{c}</text>')
    for tick in range(0, 11, 2):
        x = left + tick / 10 * (width - left - 10)
        parts.append(f'<text class="tick" x="{x:.1f}" y="{height - bottom + 16}">{tick / 10:.1f}</text>')
    if threshold is not None:
        x = left + threshold * (width - left - 10)
        parts.append(f'<line class="threshold" x1="{x:.1f}" x2="{x:.1f}" y1="5" y2="{height - bottom}"/>'
                     f'<text class="tick" x="{x + 4:.1f}" y="14">threshold {threshold:.3f}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{width - 10}" y1="{height - bottom}" y2="{height - bottom}"/>')
    return "".join(parts) + "</svg>"


def choose_detail(pages: Sequence[PageAudit], limit: int, seed: int = SAMPLE_SEED) -> set[int]:
    """Indices of the pages whose lines are included: the most spam first (up to half the
    budget), the rest an even random sample, so both the worst pages and the typical ones show."""
    if len(pages) <= limit:
        return set(range(len(pages)))
    by_spam = sorted(range(len(pages)), key=lambda i: -pages[i].spam_lines)
    chosen = {i for i in by_spam[: limit // 2] if pages[i].spam_lines}
    rest = [i for i in range(len(pages)) if i not in chosen]
    chosen.update(random.Random(seed).sample(rest, limit - len(chosen)))
    return chosen


def page_rows(pages: Sequence[PageAudit], detail: set[int]) -> list[dict[str, Any]]:
    rows = []
    for i, p in enumerate(pages):
        kinds = Counter(line.kind for line in p.lines)
        row = {"id": p.id, "url": p.url or "", "title": p.title, "engine": p.engine, "site": p.site,
               "status": p.status, "spam": kinds.get("spam", 0), "kept": kinds.get("kept", 0),
               "removed": sum(v for k, v in kinds.items() if k != "kept")}
        if p.error or p.empty_reason:
            row["note"] = p.error or p.empty_reason
        if i in detail:
            row["lines"] = [line.to_dict() for line in p.lines[:MAX_LINES_PER_PAGE]]
            row["cut"] = max(len(p.lines) - MAX_LINES_PER_PAGE, 0)
        rows.append(row)
    rows.sort(key=lambda r: (-r["spam"], -r["removed"], r["id"]))
    return rows


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], css: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _share_rows(stats: dict[str, Any], dimension: str, limit: int = 30) -> list[list[Any]]:
    entries = [(name, v) for (dim, name), v in stats["shares"].items() if dim == dimension]
    entries.sort(key=lambda e: (-e[1][1], e[0]))
    return [[name, v[0], f"{v[1] / v[2]:.1%}" if v[2] else "0.0%"] for name, v in entries[:limit]]


def render(pages: Sequence[PageAudit], *, threshold: float | None, model_name: str, inputs: Sequence[str],
           detail_pages: int = DEFAULT_DETAIL_PAGES) -> str:
    """The whole report as one HTML string."""
    stats = summary(pages)
    detail = choose_detail(pages, detail_pages)
    scores = [line.model_score for p in pages for line in p.lines if line.model_score is not None]
    status = stats["status"]
    overview = _table(["inputs", "ok", "empty", "error", "lines kept", "lines removed", "spam lines"],
                      [[stats["inputs"], status.get("ok", 0), status.get("empty", 0), status.get("error", 0),
                        stats["kept_lines"], sum(stats["by_kind"].values()), stats["by_kind"].get("spam", 0)]],
                      "overview")
    kinds = sorted(stats["by_kind"].items(), key=lambda kv: (KIND_ORDER.index(kv[0]) if kv[0] in KIND_ORDER
                                                              else len(KIND_ORDER), kv[0]))
    rules = sorted(stats["by_rule"].items(), key=lambda kv: (-kv[1], kv[0]))
    sampled = len(detail) < len(pages)
    note = (f"Lines are included for {len(detail)} of {len(pages)} pages: the pages with the most spam removed, "
            f"then a random sample (seed {SAMPLE_SEED}) of the rest; every page is listed and counted. "
            "Rerun with --detail-pages N to include more." if sampled else
            f"Lines are included for all {len(pages)} pages.")
    values = {
        "title": html.escape(f"forum-cleaner report: {len(pages)} pages"),
        "css": template("report.css"), "js": template("report.js"),
        "inputs": html.escape(", ".join(inputs)), "model": html.escape(model_name),
        "overview": overview,
        "kinds": _table(["kind", "lines"], kinds, "kinds"),
        "rules": _table(["kind", "rule", "lines"], [[k, r, n] for (k, r), n in rules], "rules"),
        "engines": _table(["engine", "pages", "spam share of body text"], _share_rows(stats, "engine"), "engines"),
        "forums": _table(["forum", "pages", "spam share of body text"], _share_rows(stats, "forum"), "forums"),
        "histogram": histogram_svg(scores, threshold),
        "scored": str(len(scores)),
        "threshold": "none" if threshold is None else f"{threshold:.4f}",
        "sampling": html.escape(note),
        "data": script_json({"pages": page_rows(pages, detail), "threshold": threshold, "sampled": sampled}),
    }
    return Template(template("report.html")).substitute(values)
