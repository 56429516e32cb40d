"""A Scrapy item pipeline that cleans the HTML an item carries (``pip install 'forum-cleaner[scrapy]'``).

    ITEM_PIPELINES = {"cleaner.integrations.scrapy.ForumCleanerPipeline": 300}
    FORUM_CLEANER_HTML_FIELD = "html"      # item field holding the page (bytes or str)
    FORUM_CLEANER_TEXT_FIELD = "text"      # where the clean text goes
    FORUM_CLEANER_AUDIT_FIELD = "removed"  # optional: the removed lines with kind, rule, score

Settings follow Scrapy's conventions: all prefixed ``FORUM_CLEANER_``, ``FORUM_CLEANER_ENABLED``
(default True) turns it off with ``NotConfigured``; items may be dicts or ``scrapy.Item`` (via
``itemadapter``; an Item must declare the output fields). The Cleaner (and its model) is built
once per crawl.

Cleaning runs off the reactor thread: ``process_item`` is a coroutine that awaits
``deferToThread`` (Twisted's thread pool, ``REACTOR_THREADPOOL_MAXSIZE``), so a large page
never stalls downloads, timeouts and other callbacks. ``clean_item`` is the same work,
synchronous, for code outside a crawl. ``process_item(item, spider=None)`` works with
Scrapy before and after 2.14.
"""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Any

from scrapy.exceptions import DropItem, NotConfigured

from ..errors import CleanError

SETTINGS_PREFIX = "FORUM_CLEANER_"
DEFAULTS: dict[str, Any] = {
    "ENABLED": True,
    "HTML_FIELD": "html",
    "URL_FIELD": "url",
    "HEADERS_FIELD": "headers",
    "TEXT_FIELD": "text",
    "TITLE_FIELD": None,      # e.g. "title": also store the thread title
    "AUDIT_FIELD": None,      # e.g. "removed": store the audit (list of dicts)
    "POSTS_FIELD": None,      # e.g. "posts": with REPLIES, store floor/author/date/text per post
    "ERROR_FIELD": "clean_error",
    "DROP_EMPTY": False,      # drop items whose clean text is empty
    "DROP_ERRORS": False,     # drop items that could not be cleaned (else ERROR_FIELD says why)
    "KEEP_HTML": True,        # False: remove the HTML field once cleaned (smaller feeds)
    "REPLIES": False,
    "MODEL": None,            # None: the shipped model; "none": rules only; or a model path
    "TRUST_MODEL": False,
    "MAX_BYTES": None,
    "TIMEOUT": None,
}


def read_settings(settings) -> dict[str, Any]:
    """Our settings from a Scrapy ``Settings`` (or any mapping), typed by their defaults."""
    config = {}
    for name, default in DEFAULTS.items():
        key = SETTINGS_PREFIX + name
        if isinstance(default, bool):
            config[name] = settings.getbool(key, default) if hasattr(settings, "getbool") else bool(settings.get(key, default))
        else:
            config[name] = settings.get(key, default)
    return config


class ForumCleanerPipeline:
    """Clean ``item[HTML_FIELD]`` into ``item[TEXT_FIELD]`` (+ title, audit, posts when asked)."""

    def __init__(self, config: dict[str, Any] | None = None, cleaner=None):
        self.config = {**DEFAULTS, **(config or {})}
        self.cleaner = cleaner if cleaner is not None else self._build_cleaner()
        self.stats = None
        self._stats_lock = threading.Lock()

    @classmethod
    def from_crawler(cls, crawler):
        config = read_settings(crawler.settings)
        if not config["ENABLED"]:
            raise NotConfigured("FORUM_CLEANER_ENABLED is off")
        pipeline = cls(config)
        pipeline.stats = crawler.stats
        return pipeline

    def _build_cleaner(self):
        from ..batch.run import CleanOptions, make_cleaner

        options = CleanOptions(replies=self.config["REPLIES"], model=self.config["MODEL"],
                               trust_model=self.config["TRUST_MODEL"],
                               max_bytes=self.config["MAX_BYTES"], timeout=self.config["TIMEOUT"])
        return make_cleaner(options)

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            with self._stats_lock:  # items are cleaned in several worker threads at once
                self.stats.inc_value(f"forum_cleaner/{key}")

    async def process_item(self, item, spider=None):
        """Clean the item in a worker thread; the reactor goes on meanwhile."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.threads import deferToThread

        return await maybe_deferred_to_future(deferToThread(self.clean_item, item))

    def clean_item(self, item):
        """Clean ``item[HTML_FIELD]`` now, in this thread; returns the item (or raises DropItem)."""
        from itemadapter import ItemAdapter

        adapter = ItemAdapter(item)
        cfg = self.config
        page = adapter.get(cfg["HTML_FIELD"])
        if page is None:
            self._inc("skipped_no_html")
            return item
        try:
            result = self.cleaner.clean(page, url=adapter.get(cfg["URL_FIELD"]),
                                        headers=_as_headers(adapter.get(cfg["HEADERS_FIELD"])),
                                        replies=cfg["REPLIES"])
        except CleanError as exc:
            self._inc(f"error/{exc.code}")
            if cfg["DROP_ERRORS"]:
                raise DropItem(f"forum-cleaner: {exc.code}: {exc}") from exc
            if cfg["ERROR_FIELD"]:
                adapter[cfg["ERROR_FIELD"]] = f"{exc.code}: {exc}"
            return item
        if not result.text and cfg["DROP_EMPTY"]:
            self._inc("dropped_empty")
            raise DropItem(f"forum-cleaner: no article text ({result.empty_reason or 'empty'})")
        self._fill(adapter, result)
        self._inc("ok" if result.text else "empty")
        return item

    def _fill(self, adapter, result) -> None:
        cfg = self.config
        adapter[cfg["TEXT_FIELD"]] = result.text
        if cfg["TITLE_FIELD"]:
            adapter[cfg["TITLE_FIELD"]] = result.title
        if cfg["AUDIT_FIELD"]:
            adapter[cfg["AUDIT_FIELD"]] = [asdict(r) for r in result.removed]
        if cfg["POSTS_FIELD"]:
            adapter[cfg["POSTS_FIELD"]] = [asdict(p) for p in result.posts]
        if not cfg["KEEP_HTML"]:
            del adapter[cfg["HTML_FIELD"]]


def _as_headers(value) -> dict[str, str] | None:
    """Scrapy ``Headers`` (bytes keys, list values) or a plain dict -> str -> str."""
    if not value:
        return None
    out = {}
    for key, val in dict(value).items():
        if isinstance(val, (list, tuple)):
            val = val[0] if val else b""
        out[key.decode("latin-1") if isinstance(key, bytes) else str(key)] = (
            val.decode("latin-1") if isinstance(val, bytes) else str(val))
    return out
