"""Where the report and the labelling page get their lines: pages cleaned here, or the records
of an earlier ``forum-cleaner clean --format jsonl --audit`` run."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .audit import KEPT, SCORE_CHUNK_PAGES, Line, PageAudit, audit_records, in_page_order, is_output_file


class InputError(ValueError):
    """The inputs cannot be read at all (nothing found, a model that does not load)."""


def load_spam_model(model: str | None, trust: bool = False) -> Any:
    """The model object: "default"/None = shipped, "none" = no model, else a file."""
    from ..errors import ModelLoadError
    from ..model.estimator import load, load_default

    if model is not None and model.lower() in ("none", "rules"):
        return None
    try:
        return load_default() if model in (None, "default") else load(model, trust=trust)
    except ModelLoadError as exc:
        raise InputError(str(exc)) from exc


def model_threshold(model: Any) -> float:
    return float(getattr(model, "threshold_", 0.5))


def load_audit(paths: Sequence[str], model: Any, *, replies: bool = True, limit: int | None = None,
               trust_model: bool = False, model_name: str | None = None, warn=None) -> list[PageAudit]:
    """Output records when every path is an output JSONL, else pages cleaned here."""
    if paths and all(is_output_file(p) for p in paths):
        return audit_records(paths, model, warn)[:limit]
    return list(audit_pages(paths, model_name, model, replies=replies, limit=limit, trust_model=trust_model))


def _page_inputs(paths: Sequence[str]) -> Iterator[Any]:
    from ..batch.readers import InputNotFoundError, iter_pages, resolve_inputs

    try:
        specs = resolve_inputs(paths)
    except InputNotFoundError as exc:
        raise InputError(str(exc)) from exc
    if not specs:
        raise InputError("no input files found")
    yield from iter_pages(specs)


def audit_pages(paths: Sequence[str], model_name: str | None, model: Any, *, replies: bool = True,
                limit: int | None = None, trust_model: bool = False) -> Iterator[PageAudit]:
    """Clean the pages with the cleaner's own code and keep every line with its model score."""
    from .. import Cleaner
    from ..batch.run import failure_record

    cleaner = Cleaner(model=None if model is None else (model_name or "default"), trust_model=trust_model,
                      replies=replies)
    chunk: list[tuple[Any, Any]] = []
    for count, page in enumerate(_page_inputs(paths)):
        if limit is not None and count >= limit:
            break
        if page.error is not None:
            yield PageAudit(page.id, page.source, page.url, "error", error=page.error)
            continue
        try:
            chunk.append((page, cleaner.prepare(page.payload, url=page.url, headers=page.headers)))
        except Exception as exc:  # one bad page is one error entry, as in a batch
            yield PageAudit(page.id, page.source, page.url, "error", error=failure_record(page, exc)["error"])
        if len(chunk) >= SCORE_CHUNK_PAGES:
            yield from _finish(chunk, cleaner, model)
            chunk = []
    yield from _finish(chunk, cleaner, model)


def _finish(chunk: list[tuple[Any, Any]], cleaner: Any, model: Any) -> Iterator[PageAudit]:
    from ..result import CleanResult

    pending = [(page, p) for page, p in chunk if not isinstance(p, CleanResult)]
    scores = _block_scores([p for _, p in pending], model)
    results = iter(cleaner.finish_many([p for _, p in pending]))
    by_page = dict(zip((id(page) for page, _ in pending), scores))
    for page, prepared in chunk:
        result = prepared if isinstance(prepared, CleanResult) else next(results)
        yield _page_audit(page, result, by_page.get(id(page), {}),
                          None if isinstance(prepared, CleanResult) else prepared)


def _block_scores(pending: Sequence[Any], model: Any) -> list[dict[int, float]]:
    """Per page, block index -> the model's score, for each body line the model may judge,
    whether the rules kept it or not (one call for the chunk)."""
    from ..model.scope import in_model_scope
    from ..segment.blocks import BODY

    wanted = [[i for i, b in enumerate(p.seg.blocks) if b.role == BODY and b.post is not None
               and in_model_scope(b.text)] for p in pending]
    if model is None:
        return [{} for _ in pending]
    texts = [p.seg.blocks[i].text for p, idx in zip(pending, wanted) for i in idx]
    flat = iter(model.score_lines(texts) if texts else ())
    return [{i: float(next(flat)) for i in idx} for idx in wanted]


def _page_audit(page: Any, result: Any, scores: dict[int, float], pending: Any) -> PageAudit:
    posts = {}
    if pending is not None:
        posts = {i: b.post for i, b in enumerate(pending.seg.blocks)}
    lines = []
    for item in result.page_lines():
        position = item["position"]
        if item["kept"]:
            line = Line(position, item["text"], KEPT, post=posts.get(position))
        else:
            line = Line(position, item["text"], item["kind"], item["rule"], float(item["score"]))
        line.model_score = scores.get(position)
        lines.append(line)
    for line, removal in zip((ln for ln in lines if not ln.kept), _removals_in_order(result)):
        line.post = removal.post
    return PageAudit(page.id, page.source, page.url or result.url, "ok" if result.text else "empty",
                     result.title, result.engine, result.forum, empty_reason=result.empty_reason,
                     lines=in_page_order(lines))


def _removals_in_order(result: Any) -> Iterable[Any]:
    return sorted(result.removed, key=lambda r: r.position)
