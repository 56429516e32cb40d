"""A datatrove pipeline step that cleans forum pages (``pip install 'forum-cleaner[datatrove]'``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import ForumCleaner

    LocalPipelineExecutor(pipeline=[WarcReader("crawl/"), ForumCleaner(), JsonlWriter("out/")]).run()

Each document's ``text`` (the page's HTML, as datatrove's readers give it) becomes the clean
article text; ``metadata`` gains what a user checks it by: ``language``, ``title``, ``forum``,
``engine``, ``encoding``, ``spam_score`` and the audit (``removed``: every removed line with its
kind, rule and score). A page that cannot be cleaned or has no article is dropped and counted
in the step's stats (``error/<code>``, ``empty``), or kept with ``clean_error`` when asked.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..errors import CleanError

# metadata keys this step writes (besides the audit and the error)
RESULT_KEYS = ("language", "title", "forum", "engine", "encoding", "spam_score")


class ForumCleaner(PipelineStep):
    """Replace each document's HTML by its clean text and put the audit in its metadata.

    model: "default" (shipped), a model file path, or None (rules only). replies: keep every
    post, not only the first. audit_key: the metadata key of the removed lines (None: leave
    the audit out). keep_empty / keep_errors: forward those documents (text "") instead of
    dropping them. url_key: the metadata key holding the page's URL (readers set "url").
    """

    name = "🧹 forum-cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, *, model: str | None = "default", replies: bool = False, audit_key: str | None = "removed",
                 keep_empty: bool = False, keep_errors: bool = False, url_key: str = "url",
                 time_limit: float | None = None):
        super().__init__()
        self.model = model
        self.replies = replies
        self.audit_key = audit_key
        self.keep_empty = keep_empty
        self.keep_errors = keep_errors
        self.url_key = url_key
        self.time_limit = time_limit
        self._cleaner = None  # built in the worker: steps are pickled to reach their workers

    @property
    def cleaner(self):
        if self._cleaner is None:
            from .. import Cleaner
            from ..pipeline import TIME_LIMIT_S

            self._cleaner = Cleaner(model=self.model, replies=self.replies,
                                    time_limit=TIME_LIMIT_S if self.time_limit is None else self.time_limit)
        return self._cleaner

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                keep = self.clean_document(doc)
            if keep:
                self.stat_update("forwarded")
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update("dropped")

    def clean_document(self, doc) -> bool:
        """Clean one document in place; False when it is to be dropped."""
        try:
            result = self.cleaner.clean(doc.text, url=doc.metadata.get(self.url_key))
        except CleanError as exc:
            self.stat_update(f"error/{exc.code}")
            doc.metadata["clean_error"] = f"{exc.code}: {exc}"
            doc.text = ""
            return self.keep_errors
        doc.text = result.text
        doc.metadata.update(_result_metadata(result, self.audit_key))
        if not result.text:
            self.stat_update("empty")
            return self.keep_empty
        self.stat_update("cleaned")
        return True


def _result_metadata(result, audit_key: str | None) -> dict[str, Any]:
    meta = {key: getattr(result, key) for key in RESULT_KEYS}
    if audit_key:
        meta[audit_key] = [{k: v for k, v in asdict(r).items()} for r in result.removed]
    return meta
