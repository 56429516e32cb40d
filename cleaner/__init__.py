"""forum-cleaner: scraped forum pages in, clean article text out, with an audit of every
removed line.

    from cleaner import clean
    result = clean(page_bytes, url=url)
    result.text, result.removed
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .errors import CleanError
from .pipeline import MAX_PAGE_BYTES, TIME_LIMIT_S, Pending, finish, model_rule_name, prepare, score_pending
from .result import CleanResult, Post, Removal

__all__ = ["clean", "Cleaner", "CleanResult", "CleanError", "Post", "Removal"]
__version__ = "0.1.0"
OUTPUTS = ("text", "markdown")  # what result.text holds: plain lines, or result.to_markdown()


class Cleaner:
    """Configure once, clean many pages: rules compiled and the spam model loaded once.

    model: "default" (the shipped model), a path to a model file, or None (rules only).
    trust_model: allow loading a pickle/joblib model file (it runs code when loaded).
    spam_threshold: override the model's own threshold (from its card).
    output: "text" (one paragraph per line) or "markdown" (``result.text`` is
    ``result.to_markdown()``: fenced code, lists, tables; posts' texts stay plain).
    include_title: put the thread title as the first line of the text (off: the title is
    metadata, in ``result.title``).
    """

    def __init__(self, *, model: str | Path | None = "default", trust_model: bool = False,
                 use_rules: bool = True, spam_threshold: float | None = None, replies: bool = False,
                 max_bytes: int = MAX_PAGE_BYTES, time_limit: float | None = TIME_LIMIT_S, output: str = "text",
                 include_title: bool = False):
        self.model = model
        self.trust_model = trust_model
        self.use_rules = use_rules
        self.spam_threshold = spam_threshold
        self.replies = replies
        self.max_bytes = max_bytes
        self.time_limit = time_limit
        self.output = _checked_output(output)
        self.include_title = include_title
        self._spam_model = _load_model(model, trust_model)

    @property
    def threshold(self) -> float:
        if self.spam_threshold is not None:
            return self.spam_threshold
        return float(getattr(self._spam_model, "threshold_", 0.5))

    def clean(self, page: Any, *, url: str | None = None, headers: Mapping[str, str] | None = None,
              replies: bool | None = None, output: str | None = None,
              include_title: bool | None = None) -> CleanResult:
        """Clean one page; raises a CleanError subclass when it cannot be cleaned.
        ``output``: this call's output (see the class), default the Cleaner's."""
        output = self.output if output is None else _checked_output(output)
        prepared = self.prepare(page, url=url, headers=headers, replies=replies, include_title=include_title)
        if isinstance(prepared, CleanResult):
            return prepared
        return _as_output(self._finish_many([prepared])[0], output)

    def prepare(self, page: Any, *, url: str | None = None, headers: Mapping[str, str] | None = None,
                replies: bool | None = None, include_title: bool | None = None) -> Pending | CleanResult:
        """The first half of ``clean``: decode, segment and apply the rules (an empty page is
        already its result). Pass what it returns to ``finish_many`` with other pages' to score
        all their lines in one model call, as the batch runner does: same results as ``clean``."""
        return prepare(
            page, url=url, headers=headers, replies=self.replies if replies is None else replies,
            scored=self._spam_model is not None, threshold=self.threshold, use_rules=self.use_rules,
            max_bytes=self.max_bytes, time_limit=self.time_limit,
            include_title=self.include_title if include_title is None else include_title,
        )

    def finish_many(self, pending: list[Pending]) -> list[CleanResult]:
        """The second half of ``clean`` for many prepared pages: one spam-model call, then assembly."""
        return [_as_output(result, self.output) for result in self._finish_many(pending)]

    def _finish_many(self, pending: list[Pending]) -> list[CleanResult]:
        rule = model_rule_name(self._spam_model)
        return [finish(p, scores, rule) for p, scores in zip(pending, score_pending(pending, self._spam_model))]


def _checked_output(output: str) -> str:
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, not {output!r}")
    return output


def _as_output(result: CleanResult, output: str) -> CleanResult:
    """In Markdown output ``text`` is the Markdown rendering (the posts keep their plain text)."""
    if output == "markdown" and result.text:
        result.text = result.to_markdown()
    return result


def _load_model(model: str | Path | None, trust: bool) -> Any:
    if model is None:
        return None
    # numpy weights (MODEL.npz): cleaning never imports scikit-learn, scipy or skops
    from .model import loading

    if str(model) == "default":
        return loading.load_default_weights()
    return loading.load_for_cleaning(model, trust=trust)


_default: Cleaner | None = None


def clean(page: Any, *, url: str | None = None, headers: Mapping[str, str] | None = None,
          replies: bool = False, output: str = "text", include_title: bool = False) -> CleanResult:
    """Clean one page with the default Cleaner (shipped rules and model); ``output``: "text"
    or "markdown" (see Cleaner); ``include_title``: the thread title becomes the first line."""
    global _default
    if _default is None:
        _default = Cleaner()
    return _default.clean(page, url=url, headers=headers, replies=replies, output=output,
                          include_title=include_title)
